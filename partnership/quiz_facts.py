"""What hooks/quiz_facts.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import math
import re

from partnership.quiz import load_quiz

# About 15 seconds a question: a short question and its answers read once, one tap. The quiz also asks
# three questions that are not scored (the description that fits best, the form wished for, the fears
# and resistances met: quiz/quiz.html).
SECONDS_PER_QUESTION = 15


UNSCORED_QUESTIONS = 3


_PLACEHOLDER = re.compile(r"\{quiz_([a-z_]+)\}")


def quiz_facts() -> dict[str, int]:
    """{"questions": scored questions, "unscored": the questions after them, "minutes": about how many
    minutes the whole quiz takes}."""
    questions = len(load_quiz().questions)
    minutes = max(1, math.ceil((questions + UNSCORED_QUESTIONS) * SECONDS_PER_QUESTION / 60))
    return {"questions": questions, "unscored": UNSCORED_QUESTIONS, "minutes": minutes}
