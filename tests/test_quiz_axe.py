"""axe-core on every state of the quiz and of the comparison, on a phone and a desktop.

All of axe's rules (WCAG 2.0 to 2.2 A and AA, colour contrast included, and its best practices) run
on the whole page in every state: the quiz, and what its states do to the rest of the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from axe import axe_violations, describe, without_transitions
from playwright.sync_api import Page, expect
from test_browser import LANGUAGES
from test_compare_browser import compare_rows, full_state
from test_quiz_browser import FORM_IDS, QUESTIONS, quiz, ui

WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    def make(width: int, height: int) -> Page:
        return new_page(viewport={"width": width, "height": height})

    return make


def stored(page: Page, state: dict, shown: str) -> None:
    saved = {**state, "step": 13, "shown": shown, "label": "Nous"}
    page.evaluate("s => localStorage.setItem('partenariat.quiz', s)", json.dumps(saved))


def go_to(page: Page, site, lang: str, where: str) -> None:
    """Opens the quiz in one of its states."""
    page.goto(f"{site.url}{lang}/quiz.html")
    if where == "intro":
        return
    if where in ("step", "meet"):
        page.get_by_role("button", name=ui("start", lang), exact=True).click()
        if where == "meet":
            for _ in range(len(QUESTIONS) + 2):
                page.get_by_role("button", name=ui("next", lang), exact=True).click()
            expect(quiz(page)).to_have_attribute("data-step", str(len(QUESTIONS) + 3))
        page.locator("fieldset:visible label").first.click()
        return
    stored(page, full_state(FORM_IDS[4], self=FORM_IDS[2], meet=["fear-power"]), "result")
    page.reload()
    expect(page.locator(".quiz__share")).to_be_visible()
    if where == "result":
        page.locator("details.quiz__why summary").click()
        return
    partner = {"answers": {"for-or-with": "a"}, "self": "service", "wish": "fusion", "meet": ["fear-soul"], "own": []}
    code = page.evaluate("s => PartnershipQuiz.encode(s, 'La mairie', true)", partner)
    page.goto(f"{site.url}{lang}/quiz.html#p={code}")
    expect(compare_rows(page)).to_have_count(2)  # the reader, the partner
    if where == "room":
        page.locator("[data-compare]").get_by_role("button", name=ui("room", lang), exact=True).click()
        expect(page.get_by_label(ui("room_label", lang), exact=True)).to_be_visible()


STATES = ("intro", "step", "meet", "result", "compare", "room")


@pytest.mark.parametrize("where", STATES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_accessibility_violation_in_any_state_of_the_quiz(site, open_page, lang, where):
    """On a phone, then with the window widened to a desktop's: the state is reached once."""
    page = open_page(*WIDTHS["phone"])
    go_to(page, site, lang, where)
    without_transitions(page)
    for size, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        found = axe_violations(page)
        assert found == [], f"{size}: {describe(found)}"
