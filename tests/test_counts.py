"""The quiz's questions are counted the same way on every page: "10 questions, then 3 to compare with the result".

The numbers come from the data (hooks/quiz_facts.py): `{quiz_questions}` and `{quiz_unscored}` in the pages,
`{questions}` and `{unscored}` in the quiz's intro (quiz/texts.yml).
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, Site
from helpers import visible_text

from partnership.data import load_yaml
from partnership.quiz_facts import quiz_facts

LANGUAGES = ("fr", "en")
PAGES = sorted((ROOT / "content").glob("*/*.md"))
# The scored count, then the unscored one in the same sentence (no full stop or question mark between them).
TOGETHER = {"page": re.compile(r"\{quiz_questions\}[^.?!{]*\{quiz_unscored\}"),
            "intro": re.compile(r"\{questions\}[^.?!{]*\{unscored\}")}


@pytest.mark.parametrize("path", PAGES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_page_that_counts_the_questions_also_counts_the_ones_that_follow(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("{quiz_questions}") == len(TOGETHER["page"].findall(text)), (
        f"{path.relative_to(ROOT)}: write {{quiz_questions}} questions, then {{quiz_unscored}} to compare")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quiz_intro_counts_the_questions_as_the_pages_do(lang: str) -> None:
    intro = load_yaml(ROOT / "quiz" / "texts.yml")["ui"]["intro"][lang]
    assert TOGETHER["intro"].search(intro), intro


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_two_counts_add_up_to_the_steps_the_quiz_shows(site: Site, lang: str) -> None:
    facts = quiz_facts()
    html = (site.path / lang / "quiz.html").read_text(encoding="utf-8")
    steps = int(re.search(r'data-steps="(\d+)"', html).group(1))  # "Question n of <steps>"
    assert facts["questions"] + facts["unscored"] == steps
    intro = visible_text(re.search(r"<div class=\"quiz__intro\" data-intro>\s*<p>(.*?)</p>", html, re.S).group(1))
    shown = intro.replace("\u00a0", " ")
    assert f"{facts['questions']} questions" in shown and f" {facts['unscored']} " in shown, shown
