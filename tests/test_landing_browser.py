"""Every view of the quiz lands in view, and partners taking turns on one device are told whose turn it is.

Each journey is walked from the intro with real clicks (never from stored answers), at a phone's, a tablet's
and a desktop's size: right after the click that shows a view, the top of that view (for the result: its
kicker, the form's name and its definition) must be entirely below the sticky header and within the screen
(helpers.assert_lands). Playwright's API only, nothing of one engine: the same tests run in every browser.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import assert_lands
from playwright.sync_api import Locator, Page, expect
from test_browser import LANGUAGES
from test_quiz_browser import (
    MEET_STEP,
    QUESTIONS,
    QUIZ_PAGE,
    STEPS,
    answer_text,
    button,
    progress,
    quiz,
    result_region,
    step,
    take_quiz,
    ui,
    varied_pattern,
)

PHONE = {"width": 390, "height": 844}
TABLET = {"width": 768, "height": 1024}
DESKTOP = {"width": 1280, "height": 800}
SIZES = [pytest.param(PHONE, id="phone"), pytest.param(TABLET, id="tablet"), pytest.param(DESKTOP, id="desktop")]
PARTNERS_KEY = "partenariat.partners"  # where the comparison keeps its partners (compare.js)
ROOM_KEY = "partenariat.room"  # the turn under way (storage.js)


@pytest.fixture
def quiz_at(site, new_page):
    """Factory: the quiz page of a language at a size, on its intro, in a fresh browser context."""

    def make(lang: str, size: dict[str, int]) -> Page:
        page = new_page(locale=f"{lang}-FR", viewport=size)
        page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")
        expect(quiz(page)).to_have_attribute("data-state", "intro")
        return page

    return make


def card_top(page: Page) -> list[Locator]:
    """The top of the result: its kicker, the form's name, its definition."""
    card = result_region(page).locator(".quiz-card")
    return [card.locator(".quiz-card__kicker"), card.get_by_role("heading", level=2),
            card.locator(".quiz-card__definition").first]


def stored(page: Page, key: str) -> Any:
    return page.evaluate("key => JSON.parse(window.localStorage.getItem(key))", key)


# --------------------------------------------------------------------------------------------
# 1. Every view lands in view
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_see_the_result_lands_the_kicker_name_and_definition_in_view(quiz_at, lang, size):
    page = quiz_at(lang, size)
    take_quiz(page, lang, varied_pattern())
    assert_lands(page, *card_top(page))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_change_from_the_result_and_back_each_land_in_view(quiz_at, lang, size):
    page = quiz_at(lang, size)
    take_quiz(page, lang, varied_pattern())
    why = result_region(page).locator("details.quiz__why")
    why.locator("summary").click()
    why.get_by_role("button", name=ui("change_label", lang, n=3), exact=True).click()
    expect(quiz(page)).to_have_attribute("data-step", "3")
    assert_lands(page, progress(page, 3, lang), step(page, 3, lang).locator("legend"))
    button(page, "change_return", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "result")
    assert_lands(page, *card_top(page))


@pytest.mark.parametrize("size", SIZES)
def test_compare_with_my_partners_lands_in_view(quiz_at, size):
    lang = "en" if size is DESKTOP else "fr"
    page = quiz_at(lang, size)
    take_quiz(page, lang, varied_pattern())
    button(page, "compare", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "compare")
    assert_lands(page, page.locator("[data-compare]").get_by_role("heading", level=2))


# --------------------------------------------------------------------------------------------
# 2. Taking turns on one device
# --------------------------------------------------------------------------------------------


def start_turn(page: Page, lang: str, label: str) -> None:
    """From the intro (or the end of a turn), a partner named `label` starts their answers."""
    page.get_by_role("button", name=ui("room", lang), exact=True).click()
    page.get_by_label(ui("room_label", lang), exact=True).fill(label)
    page.get_by_role("button", name=ui("room_start", lang), exact=True).click()
    expect(quiz(page)).to_have_attribute("data-step", "1")


def finish_turn(page: Page, lang: str) -> None:
    """Every step of a turn answered by clicking, then "Finish my answers"."""
    answers = varied_pattern()
    for number, question in enumerate(QUESTIONS, start=1):
        step(page, number, lang).get_by_role("radio", name=answer_text(number - 1, answers[question.id], lang),
                                             exact=True).check()
        button(page, "next", lang).click()
    button(page, "next", lang).click()
    button(page, "next", lang).click()
    expect(quiz(page)).to_have_attribute("data-step", str(MEET_STEP))
    button(page, "turn_finish", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "room")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_of_a_turn_says_whose_answers_they_are_above_the_progress(quiz_at, lang):
    page = quiz_at(lang, PHONE)
    start_turn(page, lang, "Les Tilleuls")
    whose = page.get_by_text(ui("room_turn", lang, label="Les Tilleuls"), exact=True)
    for number in range(1, STEPS + 1):
        expect(quiz(page)).to_have_attribute("data-step", str(number))
        expect(whose).to_be_visible()
        assert whose.bounding_box()["y"] < progress(page, number, lang).bounding_box()["y"], number
        if number < STEPS:
            button(page, "next", lang).click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_last_step_of_a_turn_says_finish_my_answers(quiz_at, lang):
    page = quiz_at(lang, PHONE)
    start_turn(page, lang, "Alice")
    for number in range(1, STEPS):
        expect(quiz(page)).to_have_attribute("data-step", str(number))
        button(page, "next", lang).click()
    expect(quiz(page)).to_have_attribute("data-step", str(STEPS))
    expect(button(page, "turn_finish", lang)).to_be_visible()
    expect(button(page, "see_result", lang)).to_have_count(0)


def test_outside_a_turn_nothing_says_whose_turn_and_nothing_cancels_one(quiz_at):
    lang = "en"
    page = quiz_at(lang, PHONE)
    button(page, "start", lang).click()
    expect(progress(page, 1, lang)).to_be_visible()
    expect(quiz(page).locator("[data-turn]")).to_have_count(1)  # there, for turns, and hidden
    expect(quiz(page).locator("[data-turn]")).to_be_hidden()
    expect(button(page, "turn_cancel", lang)).to_have_count(0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cancel_this_turn_returns_to_the_comparison_with_nothing_changed(quiz_at, lang):
    page = quiz_at(lang, PHONE)
    start_turn(page, lang, "Alice")
    finish_turn(page, lang)
    partners = stored(page, PARTNERS_KEY)
    page.get_by_role("button", name=ui("room_next", lang), exact=True).click()
    page.get_by_label(ui("room_label", lang), exact=True).fill("Bob")
    page.get_by_role("button", name=ui("room_start", lang), exact=True).click()
    step(page, 1, lang).get_by_role("radio", name=answer_text(0, QUESTIONS[0].answers[0].id, lang), exact=True).check()
    button(page, "next", lang).click()
    button(page, "turn_cancel", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "compare")
    expect(quiz(page).locator("[data-status]")).to_have_text(ui("turn_cancelled", lang))
    assert stored(page, PARTNERS_KEY) == partners
    assert stored(page, ROOM_KEY) is None
    assert stored(page, "partenariat.quiz")["answers"] == {}
    assert_lands(page, page.locator("[data-compare]").get_by_role("heading", level=2))


@pytest.mark.parametrize("size", SIZES)
def test_ending_a_turn_lands_in_view(quiz_at, size):
    lang = "fr" if size is TABLET else "en"
    page = quiz_at(lang, size)
    start_turn(page, lang, "Alice")
    finish_turn(page, lang)
    box = page.locator("[data-compare]")
    assert_lands(page, box.get_by_role("heading", level=2), box.get_by_text(ui("room_done", lang, label="Alice")))

