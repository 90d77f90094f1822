"""The quiz measured against the world: partnerships described from life, answered blind.

tests/scenarios.yml holds short descriptions of real-looking partnerships, each with the form the
text's own definition gives it, and the answers a member of that partnership would choose. They
were written from the descriptions and the answer texts only, before anyone looked at what the
weights of quiz/questions.yml give. The quiz must place them where the text places them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from partnership.quiz import load_quiz, score

SCENARIOS = yaml.safe_load((Path(__file__).parent / "scenarios.yml").read_text(encoding="utf-8"))["scenarios"]
QUIZ = load_quiz()
ORDER = {form.id: form.order for form in QUIZ.forms}


def placement(scenario: dict) -> str:
    """'exact' (the expected form alone), 'neighbour' (only the expected form and its neighbours), or 'other'."""
    found = score(QUIZ, scenario["answers"])["forms"]
    if found == [scenario["form"]]:
        return "exact"
    if found and all(abs(ORDER[form] - ORDER[scenario["form"]]) <= 1 for form in found):
        return "neighbour"
    return "other"


def test_the_scenarios_cover_every_form_in_both_languages() -> None:
    per_form = Counter(scenario["form"] for scenario in SCENARIOS)
    assert set(per_form) == set(ORDER)
    assert min(per_form.values()) >= 6 and len(SCENARIOS) >= 42
    assert len({scenario["id"] for scenario in SCENARIOS}) == len(SCENARIOS)
    for scenario in SCENARIOS:
        assert all(scenario["description"][lang].strip() for lang in ("fr", "en")), scenario["id"]


def test_a_third_of_the_scenarios_are_less_clear_cut() -> None:
    assert sum(not scenario["clear_cut"] for scenario in SCENARIOS) * 3 >= len(SCENARIOS)


def test_every_scenario_answers_every_question_with_an_answer_it_has() -> None:
    answers = {question.id: {answer.id for answer in question.answers} for question in QUIZ.questions}
    for scenario in SCENARIOS:
        assert set(scenario["answers"]) == set(answers), scenario["id"]
        for question, answer in scenario["answers"].items():
            assert answer in answers[question], (scenario["id"], question, answer)


def test_nine_scenarios_in_ten_land_exactly_on_their_form() -> None:
    exact = [scenario["id"] for scenario in SCENARIOS if placement(scenario) == "exact"]
    assert len(exact) * 10 >= len(SCENARIOS) * 9, sorted({s["id"] for s in SCENARIOS} - set(exact))


@pytest.mark.parametrize("form", list(ORDER))
def test_every_form_lands_exactly_in_seven_scenarios_of_eight(form: str) -> None:
    """No form is sacrificed to the overall rate: each one's own scenarios land exactly at least 7 times in 8."""
    mine = [scenario for scenario in SCENARIOS if scenario["form"] == form]
    missed = [scenario["id"] for scenario in mine if placement(scenario) != "exact"]
    assert (len(mine) - len(missed)) * 8 >= len(mine) * 7, missed


def test_every_answer_is_the_one_some_partnership_would_choose() -> None:
    """Each answer fits at least one partnership described from life (an answer nobody picks fits nobody)."""
    chosen = {(question, answer) for scenario in SCENARIOS for question, answer in scenario["answers"].items()}
    unused = [f"{q.id}/{a.id}" for q in QUIZ.questions for a in q.answers if (q.id, a.id) not in chosen]
    assert unused == []


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s["form"] == "reciprocity"], ids=lambda s: s["id"])
def test_every_reciprocity_scenario_lands_on_reciprocity(scenario: dict) -> None:
    assert placement(scenario) == "exact", score(QUIZ, scenario["answers"])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s["id"])
def test_no_scenario_lands_beyond_a_neighbour_of_its_form(scenario: dict) -> None:
    assert placement(scenario) != "other", score(QUIZ, scenario["answers"])
