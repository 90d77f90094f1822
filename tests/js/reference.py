"""The quiz's data and the reference scorer's results, as JSON for the Node tests of quiz/js (tests/js/).

    .venv/bin/python tests/js/reference.py   # what tests/js/*.test.mjs read (they run it themselves)

The scorer of quiz/js/scoring.js must give what partnership/quiz.py `score` gives: the cases are answer patterns
(none, every answer alone, every form's favourite answers, the scenarios of tests/scenarios.yml, seeded random
patterns, unknown ids) with the reference's result for each.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

from partnership.quiz import favouring, load_quiz, score  # noqa: E402


def main() -> None:
    quiz = load_quiz()
    questions = quiz.questions
    scenarios = yaml.safe_load((ROOT / "tests" / "scenarios.yml").read_text(encoding="utf-8"))["scenarios"]
    rng = random.Random(2026)
    patterns: list[dict[str, str]] = [
        {},
        *({q.id: a.id} for q in questions for a in q.answers),
        *(favouring(quiz, form.id) for form in quiz.forms),
        *(scenario["answers"] for scenario in scenarios),
        {"for-or-with": "zz", "no-such-question": "a"},
        *({q.id: rng.choice(q.answers).id for q in questions if rng.random() < 0.5} for _ in range(400)),
        *({q.id: rng.choice(q.answers).id for q in questions} for _ in range(200)),
    ]
    data = {
        "quiz": {
            "forms": [{"id": form.id, "order": form.order} for form in quiz.forms],
            "questions": [{"id": q.id, "answers": [{"id": a.id, "weights": dict(a.weights)} for a in q.answers]}
                          for q in questions],
            "items": [item.id for item in (*quiz.fears, *quiz.resistances)],
        },
        "links": quiz.links,
        "cases": [{"answers": answers, "outcome": score(quiz, answers)} for answers in patterns],
    }
    json.dump(data, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
