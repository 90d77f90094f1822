"""Links shared before the quiz gained answers still open, each answer read as the one it was made with.

quiz/links.yml keeps every version of the table that links carry answers by (docs/links.md); the build
records each one in quiz/links.lock and refuses a recorded version that changed. These tests hold the
promise from the reader's side: a link of every version, with every answer at every place, opens in the
browser to the same answer ids, and the result it shows is the one the reference scorer gives.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect
from test_compare_browser import QUIZ_PAGE, with_compare
from test_quiz_browser import QUIZ, form_name, python_score, quiz, ui

from partnership.data import load_yaml
from partnership.link_versions import LINKS, LOCK, fingerprint, recorded

VERSIONS: list[dict[str, Any]] = QUIZ.links["versions"]
RENAMED: dict[str, dict[str, str]] = QUIZ.links["renamed"]
CURRENT = {question.id: {answer.id for answer in question.answers} for question in QUIZ.questions}


def now(question: str, answer: str) -> tuple[str, str]:
    """Where an answer of an old table is today (links.yml `renamed`)."""
    return (RENAMED["questions"].get(question, question),
            RENAMED["answers"].get(f"{question}/{answer}", answer))


def codes(version: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """Links of one version, together carrying every answer of its table at its place, with the answers
    (as ids, today's names) each one should open to: the k-th link gives each question its k-th answer."""
    tables = list(version["questions"].values())
    found = []
    for place in range(max(len(ids) for ids in tables)):
        letters = "".join(chr(97 + place) if place < len(ids) else "-" for ids in tables)
        expected = dict(now(question, ids[place]) for question, ids in version["questions"].items() if place < len(ids))
        found.append((f"{version['version']}.{letters}.--.0.V{version['version']}", expected))
    return found


def test_every_version_of_the_link_table_is_recorded_as_built() -> None:
    """quiz/links.lock holds each version of quiz/links.yml with its fingerprint (the build writes it:
    commit it), so that no version can change once links made with it are out."""
    versions = load_yaml(LINKS)["versions"]
    assert recorded(LOCK) == {index: fingerprint(v) for index, v in enumerate(versions, start=1)}


@pytest.mark.parametrize("version", VERSIONS, ids=lambda v: f"version-{v['version']}")
def test_every_answer_an_old_link_carries_is_still_an_answer_of_the_quiz(version: dict[str, Any]) -> None:
    gone = [f"{q}/{a}" for q, ids in version["questions"].items() for a in ids
            if now(q, a)[1] not in CURRENT.get(now(q, a)[0], set())]
    assert gone == []


def test_a_link_of_every_version_opens_to_the_answers_it_was_made_with(site, new_page) -> None:
    page: Page = new_page(locale="fr-FR")
    page.goto(f"{site.url}fr/{QUIZ_PAGE}")
    with_compare(page)
    for version in VERSIONS:
        for code, expected in codes(version):
            read = page.evaluate("(code) => window.PartnershipQuiz.decode(code)", code)
            assert (read["status"], read["unread"], read["answers"], read["label"]) == (
                "ok", 0, expected, f"V{version['version']}"), code


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_version_1_link_opens_with_the_result_the_reference_gives(site, new_page, lang: str) -> None:
    """A partner's link made before the quiz gained answers, opened as a partner opens it."""
    code, answers = codes(VERSIONS[0])[3]  # every question's fourth answer
    outcome = python_score(answers)
    page: Page = new_page(locale=f"{lang}-FR", viewport={"width": 390, "height": 844})
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}#p={code}")
    expect(quiz(page)).to_have_attribute("data-state", "compare")
    names = [form_name(form, lang) for form in outcome["forms"]]
    if len(names) == 2:
        names = [ui("result_pair", lang, **{"from": names[0], "to": names[1]})]
    expect(quiz(page)).to_contain_text(names[0])  # the partner's result, as the reference scores their answers
    expect(quiz(page)).to_contain_text("V1")  # under the label the link carries
