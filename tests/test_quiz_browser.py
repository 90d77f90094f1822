"""The self-assessment quiz (/fr/quiz.html, /en/quiz.html) in a real browser (Debian's Chromium).

As in test_browser.py, each test opens a fresh browser context (its own storage), finds things the
way a reader does (by role, accessible name and label) and asserts with `expect`. What the reader
must see comes from the quiz's data (quiz/questions.yml, quiz/texts.yml, content/forms.yml, read
with `load_quiz()`), and every result is checked against the reference scorer of partnership/quiz.py.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from conftest import ROOT, Project, site_pages
from helpers import material_started, open_settled
from playwright.sync_api import Browser, Locator, Page, expect
from test_browser import LANGUAGES, NARROW, language_menu_link, watch_errors

from partnership.data import typeset
from partnership.quiz import Question, favouring, load_quiz, score

QUIZ = load_quiz()
FORM_IDS = [form.id for form in QUIZ.forms]
FORMS = {form.id: form for form in QUIZ.forms}
QUESTIONS = QUIZ.questions
# The scored questions, then "which description fits", "which form would you like", the fears.
SELF_STEP, WISH_STEP, MEET_STEP = len(QUESTIONS) + 1, len(QUESTIONS) + 2, len(QUESTIONS) + 3
STEPS = MEET_STEP
STORAGE_KEY = "partenariat.quiz"  # where quiz.js keeps the answers (localStorage)
QUIZ_PAGE = "quiz.html"
FORMS_PAGE = "partnership-culture.html"
ASSETS = ("quiz/quiz.js", "quiz/quiz.css")
MAX_GZIP = 10 * 1024  # issue 21 (confirmations, turns, paper button) took it from about 8.1 to 9.7 KB
PDF_PAGE = re.compile(rb"/Type\s*/Page[^s]")
SKIP_LINK = {"fr": "Aller au contenu", "en": "Skip to content"}  # Material's first link, to the page's content
OWN_FEAR = {"fr": "La peur de manquer de temps pour tout suivre", "en": "The fear of lacking time to follow it all"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


# --------------------------------------------------------------------------------------------
# The texts the reader sees, from the data files
# --------------------------------------------------------------------------------------------


def text(texts: dict[str, str], lang: str) -> str:
    """A bilingual text as the page prints it (French spacing included)."""
    return typeset(texts[lang], lang)


def ui(key: str, lang: str, **values: object) -> str:
    """An interface text of quiz/texts.yml, its {placeholders} filled in."""
    result = text(QUIZ.ui[key], lang)
    for name, value in values.items():
        result = result.replace("{" + name + "}", str(value))
    return result


def form_name(form_id: str, lang: str) -> str:
    return text(FORMS[form_id].name, lang)


def legend(number: int, lang: str, paper: bool = False) -> str:
    """The accessible name of step `number` (1 to STEPS): its legend, numbered on paper only."""
    if number <= len(QUESTIONS):
        name = text(QUESTIONS[number - 1].text, lang)
    else:
        name = ui({SELF_STEP: "self_question", WISH_STEP: "wish_question", MEET_STEP: "meet_question"}[number], lang)
    return f"{number}. {name}" if paper else name


def answer_text(question_index: int, answer_id: str, lang: str) -> str:
    return text(next(a for a in QUESTIONS[question_index].answers if a.id == answer_id).text, lang)


def item_text(item_id: str, lang: str) -> str:
    """A fear, resistance or pleasure of texts.yml."""
    items = [*QUIZ.fears, *QUIZ.resistances, *QUIZ.pleasures]
    return text(next(item for item in items if item.id == item_id).text, lang)


def python_score(answers: dict[str, str]) -> dict[str, Any]:
    """The reference scorer's answer, as it would come back from JavaScript (JSON round trip)."""
    return json.loads(json.dumps(score(QUIZ, answers)))


def data_result(outcome: dict[str, Any]) -> str:
    """What [data-quiz] carries in data-result for an outcome, e.g. 'clear:cooperation'."""
    return f"{outcome['kind']}:{','.join(outcome['forms'])}"


def random_pattern(rng: random.Random) -> dict[str, str]:
    """Each question answered or left unanswered at random, the answer chosen at random."""
    return {q.id: rng.choice(q.answers).id for q in QUESTIONS if rng.random() < 0.5}


def search_pattern(seed: int, questions: list[Question], wanted: Callable[[dict[str, Any]], bool]) -> dict[str, str]:
    """The first seeded random answer pattern (to `questions`) whose reference score is `wanted`."""
    rng = random.Random(seed)
    for _ in range(10_000):
        pattern = {q.id: rng.choice(q.answers).id for q in questions}
        if wanted(score(QUIZ, pattern)):
            return pattern
    raise AssertionError("no answer pattern found: have the weights of quiz/questions.yml changed?")


@functools.cache
def between_pattern() -> dict[str, str]:
    """A full answer pattern the reference scorer places between two neighbouring forms."""
    return search_pattern(7, QUESTIONS, lambda outcome: outcome["kind"] == "between")


def result_pattern() -> dict[str, str]:
    """A pattern with a clear result, the first question left unanswered, several answers pulling
    towards the form and some pulling elsewhere: the result then has something to say in every part."""
    answered = QUESTIONS[1:]
    return search_pattern(
        11,
        answered,
        lambda outcome: outcome["kind"] == "clear" and 3 <= len(outcome["pulls"][outcome["forms"][0]]) < len(answered),
    )


def varied_pattern() -> dict[str, str]:
    """Every question answered, with answers at different positions (first, second, third…)."""
    return {q.id: q.answers[index % len(q.answers)].id for index, q in enumerate(QUESTIONS)}


# --------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    """Factory: a page in a fresh browser context (viewport, JavaScript), so fresh storage."""

    def make(width: int = 1280, java_script_enabled: bool = True, height: int = 800) -> Page:
        return new_page(locale="fr-FR", viewport={"width": width, "height": height},
                        java_script_enabled=java_script_enabled)

    return make


@pytest.fixture
def open_quiz(site, open_page) -> Callable[..., Page]:
    """Factory: the quiz page of a language, in a fresh browser context, on its intro."""

    def make(lang: str, **options: Any) -> Page:
        page = open_page(**options)
        page.goto(f"{site.url}{lang}/{QUIZ_PAGE}", wait_until="domcontentloaded")
        return page

    return make


@pytest.fixture
def start_quiz(open_quiz) -> Callable[..., Page]:
    """Factory: the quiz page of a language with "Start" pressed: question 1 shown."""

    def make(lang: str, **options: Any) -> Page:
        page = open_quiz(lang, **options)
        button(page, "start", lang).click()
        expect(step(page, 1, lang)).to_be_visible()
        return page

    return make


def quiz(page: Page) -> Locator:
    """The quiz's root element; quiz.js shows its state on it (data-step, data-state, data-result)."""
    return page.locator("[data-quiz]")


def step(page: Page, number: int, lang: str, include_hidden: bool = False, paper: bool = False) -> Locator:
    """The fieldset of a step, found by its legend (numbered in the paper version: printed, or no JavaScript)."""
    return page.get_by_role("group", name=legend(number, lang, paper), exact=True, include_hidden=include_hidden)


def radio(page: Page, question_index: int, answer_id: str, lang: str) -> Locator:
    """An answer of a scored question, shown or not (by its ids: hidden, its name would include its letter)."""
    return quiz(page).locator(f'input[name="{QUESTIONS[question_index].id}"][value="{answer_id}"]')


def button(page: Page, key: str, lang: str) -> Locator:
    return page.get_by_role("button", name=ui(key, lang), exact=True)


def progress(page: Page, number: int, lang: str) -> Locator:
    return page.get_by_text(ui("progress", lang, n=number, total=STEPS), exact=True)


def result_region(page: Page) -> Locator:
    """The section the result is written into."""
    return page.locator("div.quiz__result")


def result_heading(page: Page) -> Locator:
    """The result's heading: the name of the form found (or the pair, or "answer a question")."""
    return result_region(page).get_by_role("heading", level=2)


def stored(page: Page) -> Any:
    return page.evaluate(f"window.localStorage.getItem({json.dumps(STORAGE_KEY)})")


def answer_question(page: Page, number: int, answer_id: str | None, lang: str) -> None:
    """On step `number` (shown), click the answer's label (if any), then "Next"."""
    if answer_id is not None:
        step(page, number, lang).get_by_role("radio", name=answer_text(number - 1, answer_id, lang), exact=True).check()
    button(page, "next", lang).click()
    expect(quiz(page)).to_have_attribute("data-step", str(number + 1))


def take_quiz(
    page: Page,
    lang: str,
    answers: dict[str, str],
    self_form: str | None = None,
    wish: str | None = None,
    meet: tuple[str, ...] = (),
    own: str | None = None,
) -> None:
    """From the intro, answers every step by clicking, then asks for the result."""
    button(page, "start", lang).click()
    for number, question in enumerate(QUESTIONS, start=1):
        answer_question(page, number, answers.get(question.id), lang)
    if self_form is not None:
        definition = text(FORMS[self_form].definition, lang)
        step(page, SELF_STEP, lang).get_by_role("radio", name=definition, exact=True).check()
    button(page, "next", lang).click()
    if wish is not None:
        step(page, WISH_STEP, lang).get_by_role("radio", name=form_name(wish, lang), exact=True).check()
    button(page, "next", lang).click()
    meet_step = step(page, MEET_STEP, lang)
    for item_id in meet:
        meet_step.get_by_label(item_text(item_id, lang), exact=True).check()
    if own is not None:
        meet_step.get_by_label(ui("own_label", lang), exact=True).fill(own)
        button(page, "own_add", lang).click()
    button(page, "see_result", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "result")


def open_result(page: Page, state: dict[str, Any]) -> None:
    """On the quiz page, the result of a reader who answered so, as quiz.js finds it after a visit: in
    storage, the page reloaded. `state`: answers, self, wish, meet, own, label (those left out are empty).
    For tests of what a result says; take_quiz() answers by clicking."""
    saved = {"answers": state["answers"], "self": state.get("self", ""), "wish": state.get("wish", ""),
             "meet": list(state.get("meet", [])), "own": state.get("own", []), "step": MEET_STEP, "shown": "result",
             "label": state.get("label", "")}
    page.evaluate("s => localStorage.setItem(" + json.dumps(STORAGE_KEY) + ", s)", json.dumps(saved))
    page.reload()
    expect(quiz(page)).to_have_attribute("data-state", "result")


def press_until_focused(page: Page, target: Locator, key: str = "Tab", limit: int = 200) -> None:
    """Presses a key (Tab by default) until `target` has the focus, as a keyboard user would.

    The target is found once (finding an element by role and name walks the whole page): between two key
    presses, the browser is only asked whether the focus is on it."""
    handle = target.element_handle()
    try:
        for _ in range(limit):
            if handle.evaluate("element => element === document.activeElement"):
                return
            page.keyboard.press(key)
    finally:
        handle.dispose()
    expect(target).to_be_focused()


def printed_pdf(page: Page) -> bytes:
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    return page.pdf(format="A4")


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# --------------------------------------------------------------------------------------------
# 1. One question at a time, and nothing else
# --------------------------------------------------------------------------------------------


def visible_buttons(page: Page) -> list[str]:
    """The accessible names of the buttons of the quiz a person can see (laid out, with a size)."""
    return quiz(page).get_by_role("button").evaluate_all(
        """buttons => buttons.filter((b) => b.getClientRects().length && b.offsetWidth > 0)
            .map((b) => b.getAttribute("aria-label") || b.textContent.trim())"""
    )


def shown_hidden_elements(page: Page) -> list[str]:
    """Every element carrying `hidden` that the browser still lays out (should be none)."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll("[hidden]"))
            .filter((node) => getComputedStyle(node).display !== "none")
            .map((node) => node.outerHTML.slice(0, 80))"""
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_shows_one_question_and_only_its_actions(open_quiz, lang):
    page = open_quiz(lang, **{"width": PHONE["width"], "height": PHONE["height"]})
    expect(quiz(page)).to_have_attribute("data-state", "intro")
    assert visible_buttons(page) == [ui("start", lang), ui("room", lang), ui("paper_print", lang)]
    assert shown_hidden_elements(page) == []
    button(page, "start", lang).click()
    answers = varied_pattern()
    for number in range(1, STEPS + 1):
        expect(quiz(page)).to_have_attribute("data-step", str(number))
        expect(page.get_by_role("group")).to_have_count(1)  # only the shown step is in the accessibility tree
        expect(step(page, number, lang)).to_be_visible()
        expect(progress(page, number, lang)).to_be_visible()
        primary = ui("see_result" if number == STEPS else "next", lang)
        expected = [primary] if number == 1 else [primary, ui("previous", lang)]
        if number == MEET_STEP:
            expected = [ui("own_add", lang), *expected]
        assert visible_buttons(page) == expected, number
        assert shown_hidden_elements(page) == [], number
        if number <= len(QUESTIONS):
            name = answer_text(number - 1, answers[QUESTIONS[number - 1].id], lang)
            step(page, number, lang).get_by_role("radio", name=name, exact=True).check()
        page.get_by_role("button", name=primary, exact=True).click()
    expect(quiz(page)).to_have_attribute("data-state", "result")
    assert shown_hidden_elements(page) == []
    assert ui("previous", lang) not in visible_buttons(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_previous_goes_back_one_question_with_its_answer_kept(start_quiz, lang):
    page = start_quiz(lang)
    answer = QUESTIONS[0].answers[2].id
    answer_question(page, 1, answer, lang)
    button(page, "previous", lang).click()
    expect(quiz(page)).to_have_attribute("data-step", "1")
    expect(radio(page, 0, answer, lang)).to_be_checked()
    expect(step(page, 1, lang)).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_no_control_that_needs_it_is_shown(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    expect(quiz(page).get_by_role("button")).to_have_count(0)
    assert shown_hidden_elements(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [*(page.removesuffix(".md") + ".html" for page in Project(ROOT).nav()),
                                  "result-cooperation.html"])  # every page of the menu, and a result page
def test_no_hidden_element_is_displayed_on_any_page(site, open_page, lang, path):
    page = open_page()
    page.goto(f"{site.url}{lang}/{path}", wait_until="load")
    assert page.locator("[hidden]").count() > 0 or path != "quiz.html"
    assert shown_hidden_elements(page) == []


# --------------------------------------------------------------------------------------------
# 2. A calm step change, on a phone and a desktop
# --------------------------------------------------------------------------------------------


def header_bottom(page: Page) -> float:
    return page.get_by_role("banner").bounding_box()["y"] + page.get_by_role("banner").bounding_box()["height"]


def expect_just_below_the_header(page: Page, number: int, lang: str) -> None:
    """The progress line and the question's legend in view, the progress line right under the header."""
    bottom = header_bottom(page)
    line = progress(page, number, lang).bounding_box()
    heading = step(page, number, lang).locator("legend").bounding_box()
    viewport = page.viewport_size
    assert bottom <= line["y"] <= bottom + 40, (number, bottom, line)
    assert line["y"] + line["height"] <= heading["y"] + 1, (number, line, heading)
    assert heading["y"] + heading["height"] <= viewport["height"], (number, heading)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_next_and_previous_the_question_sits_just_below_the_header(start_quiz, lang, viewport):
    page = start_quiz(lang, width=viewport["width"], height=viewport["height"])
    answers = varied_pattern()
    for number in range(1, 5):
        answer_question(page, number, answers[QUESTIONS[number - 1].id], lang)
        expect_just_below_the_header(page, number + 1, lang)
    button(page, "previous", lang).click()
    expect(quiz(page)).to_have_attribute("data-step", "4")
    expect_just_below_the_header(page, 4, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_back_to_top_button_never_shows_on_the_quiz(start_quiz, lang):
    page = start_quiz(lang, width=PHONE["width"], height=PHONE["height"])
    answers = varied_pattern()
    for number in range(1, 4):
        answer_question(page, number, answers[QUESTIONS[number - 1].id], lang)
        material_started(page)
        page.mouse.wheel(0, -200)  # scrolling up is what brings Material's button out
        expect(page.locator(".md-top")).to_be_hidden()


def test_a_tap_leaves_no_accent_colour_and_no_outline(start_quiz):
    lang = "fr"
    page = start_quiz(lang, width=PHONE["width"], height=PHONE["height"])
    next_button = button(page, "next", lang)
    before = next_button.evaluate("b => getComputedStyle(b).backgroundColor")
    answer_question(page, 1, QUESTIONS[0].answers[0].id, lang)
    expect(step(page, 2, lang)).to_be_focused()
    outline = step(page, 2, lang).evaluate("f => getComputedStyle(f).outlineStyle")
    assert outline == "none"
    page.mouse.click(5, 5)  # nothing under the pointer any more: the button would show its focus colour only
    next_button.focus()
    page.evaluate("() => document.activeElement.blur()")
    assert next_button.evaluate("b => getComputedStyle(b).backgroundColor") == before


def test_answers_are_large_full_width_tiles_with_a_visible_choice(start_quiz):
    lang = "en"
    page = start_quiz(lang, width=PHONE["width"], height=PHONE["height"])
    group = step(page, 1, lang)
    legend_box = group.locator("legend").bounding_box()
    labels = group.locator("label")
    first = labels.first
    box = first.bounding_box()
    assert box["height"] >= 44 and box["width"] >= PHONE["width"] - 2 * 24 - 4, box
    circle = first.locator("input").bounding_box()
    assert circle["width"] >= 24, circle
    assert abs(box["x"] - legend_box["x"]) <= 2
    unchosen = first.evaluate("l => getComputedStyle(l).borderColor")
    first.click()
    expect(first.locator("input")).to_be_checked()
    assert first.evaluate("l => getComputedStyle(l).borderColor") != unchosen
    for letter in group.locator(".quiz__letter").all():
        expect(letter).to_be_hidden()  # the letters are for paper


def test_keyboard_focus_on_an_answer_draws_a_ring_around_its_tile(start_quiz):
    lang = "fr"
    page = start_quiz(lang)
    tile = step(page, 1, lang).locator("label").first
    assert tile.evaluate("l => getComputedStyle(l).outlineStyle") == "none"
    press_until_focused(page, tile.locator("input"))
    assert tile.evaluate("l => getComputedStyle(l).outlineStyle") == "solid"
    assert float(tile.evaluate("l => parseFloat(getComputedStyle(l).outlineWidth)")) >= 2


# --------------------------------------------------------------------------------------------
# 3. The whole quiz by keyboard alone, as a screen reader user would take it
# --------------------------------------------------------------------------------------------


def choose_by_keyboard(page: Page, choices: Locator, index: int) -> None:
    """Into the radio group with Tab, Space to choose the first answer, arrow down to the wanted one."""
    press_until_focused(page, choices.first)
    page.keyboard.press("Space")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    expect(choices.nth(index)).to_be_checked()
    expect(choices.nth(index)).to_be_focused()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_can_be_taken_with_the_keyboard_alone(open_quiz, lang):
    answers = varied_pattern()
    self_form, wish = FORM_IDS[4], FORM_IDS[-1]
    ticked = (QUIZ.fears[0].id, QUIZ.resistances[0].id)
    page = open_quiz(lang)
    press_until_focused(page, page.get_by_role("link", name=SKIP_LINK[lang], exact=True))
    page.keyboard.press("Enter")
    press_until_focused(page, button(page, "start", lang))
    page.keyboard.press("Enter")
    for number, question in enumerate(QUESTIONS, start=1):
        group = step(page, number, lang)
        expect(group).to_be_focused()
        expect(progress(page, number, lang)).to_be_visible()
        index = [a.id for a in question.answers].index(answers[question.id])
        choose_by_keyboard(page, group.get_by_role("radio"), index)
        press_until_focused(page, button(page, "next", lang))
        if number == 1:  # Shift+Tab goes back to the answer chosen, Tab to the button again
            page.keyboard.press("Shift+Tab")
            expect(group.get_by_role("radio").nth(index)).to_be_focused()
            press_until_focused(page, button(page, "next", lang))
        page.keyboard.press("Enter" if number % 2 else "Space")
    for number, form_id in ((SELF_STEP, self_form), (WISH_STEP, wish)):
        group = step(page, number, lang)
        expect(group).to_be_focused()
        choose_by_keyboard(page, group.get_by_role("radio"), FORM_IDS.index(form_id))
        press_until_focused(page, button(page, "next", lang))
        page.keyboard.press("Enter")
    group = step(page, MEET_STEP, lang)
    expect(group).to_be_focused()
    for item_id in ticked:
        box = group.get_by_label(item_text(item_id, lang), exact=True)
        press_until_focused(page, box)
        page.keyboard.press("Space")
        expect(box).to_be_checked()
    own = group.get_by_label(ui("own_label", lang), exact=True)
    press_until_focused(page, own)
    page.keyboard.type(OWN_FEAR[lang])
    page.keyboard.press("Enter")
    expect(group.get_by_role("listitem").filter(has_text=OWN_FEAR[lang])).to_be_visible()
    expect(own).to_be_focused()
    press_until_focused(page, button(page, "see_result", lang))
    page.keyboard.press("Enter")
    expect(result_heading(page)).to_be_focused()
    expect(quiz(page)).to_have_attribute("data-result", data_result(python_score(answers)))


# --------------------------------------------------------------------------------------------
# 4. Every form can be the result; two neighbours can share it
# --------------------------------------------------------------------------------------------


# Each form in one language, the languages in turn.
FORM_CASES = [
    pytest.param(form_id, LANGUAGES[index % len(LANGUAGES)], id=f"{form_id}-{LANGUAGES[index % len(LANGUAGES)]}")
    for index, form_id in enumerate(FORM_IDS)
]


@pytest.mark.parametrize(("form_id", "lang"), FORM_CASES)
def test_answers_most_in_favour_of_a_form_give_that_form(open_quiz, form_id, lang):
    page = open_quiz(lang)
    open_result(page, {"answers": favouring(QUIZ, form_id)})
    expect(quiz(page)).to_have_attribute("data-result", f"clear:{form_id}")
    card = result_region(page).locator(".quiz-card")
    expect(card.get_by_text(ui("result_clear", lang), exact=True)).to_be_visible()
    expect(result_heading(page)).to_have_text(form_name(form_id, lang))
    expect(card.get_by_text(text(FORMS[form_id].definition, lang), exact=True)).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_shared_by_two_neighbours_say_between_both(open_quiz, lang):
    answers = between_pattern()
    first, second = python_score(answers)["forms"]
    page = open_quiz(lang)
    open_result(page, {"answers": answers})
    expect(quiz(page)).to_have_attribute("data-result", f"between:{first},{second}")
    card = result_region(page).locator(".quiz-card")
    expect(card.get_by_text(ui("result_between", lang), exact=True)).to_be_visible()
    pair = ui("result_pair", lang, **{"from": form_name(first, lang), "to": form_name(second, lang)})
    expect(result_heading(page)).to_have_text(pair)
    for form_id in (first, second):
        expect(card.locator(f'[data-definition="{form_id}"]')).to_contain_text(text(FORMS[form_id].definition, lang))
        expect(card.locator(f'.forms-scale__step--current[data-form="{form_id}"]')).to_have_count(1)


# --------------------------------------------------------------------------------------------
# 5. Answers kept in the browser: reload, forget, start again, other language
# --------------------------------------------------------------------------------------------

FIRST_THREE = {q.id: q.answers[index + 1].id for index, q in enumerate(QUESTIONS[:3])}


def answer_first_three(page: Page, lang: str) -> None:
    button(page, "start", lang).click()
    for number, question in enumerate(QUESTIONS[:3], start=1):
        answer_question(page, number, FIRST_THREE[question.id], lang)
    expect(step(page, 4, lang)).to_be_visible()


def expect_first_three_kept(page: Page, lang: str) -> None:
    """The three answers checked, none other, and the fourth question shown."""
    for index, question in enumerate(QUESTIONS[:3]):
        expect(radio(page, index, FIRST_THREE[question.id], lang)).to_be_checked()
    expect(quiz(page).locator("input:checked")).to_have_count(len(FIRST_THREE))
    expect(step(page, 4, lang)).to_be_visible()
    expect(progress(page, 4, lang)).to_be_visible()
    expect(quiz(page)).to_have_attribute("data-step", "4")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_later_visit_offers_to_continue_where_the_reader_was(open_quiz, lang):
    page = open_quiz(lang)
    answer_first_three(page, lang)
    page.goto(page.url)
    expect(quiz(page)).to_have_attribute("data-state", "intro")
    assert visible_buttons(page) == [ui("resume", lang), ui("room", lang), ui("forget", lang), ui("paper_print", lang)]
    button(page, "resume", lang).click()
    expect_first_three_kept(page, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_reload_resumes_with_same_answers_at_same_step(open_quiz, lang):
    page = open_quiz(lang)
    answer_first_three(page, lang)
    page.reload()
    expect_first_three_kept(page, lang)


def test_reload_after_the_result_shows_the_result_again(open_quiz):
    lang = "en"
    answers = between_pattern()
    page = open_quiz(lang)
    take_quiz(page, lang, answers)
    page.reload()
    expect(quiz(page)).to_have_attribute("data-state", "result")
    expect(quiz(page)).to_have_attribute("data-result", data_result(python_score(answers)))
    expect(result_heading(page)).to_be_visible()


def test_stored_answers_from_before_are_read_by_their_ids(open_quiz):
    """Answers kept by an earlier version of the quiz (ids, 12 steps) still open on the right answers."""
    lang = "fr"
    page = open_quiz(lang)
    old = {"answers": {"for-or-with": "d", "esteem": "d", "gone-question": "x"}, "wish": "fusion",
           "meet": ["fear-power"], "own": [], "step": 12, "shown": "steps"}
    page.evaluate("([key, value]) => window.localStorage.setItem(key, value)", [STORAGE_KEY, json.dumps(old)])
    page.reload()
    expect(radio(page, 0, "d", lang)).to_be_checked()
    expect(radio(page, 6, "d", lang)).to_be_checked()
    expect(quiz(page).locator("input:checked")).to_have_count(4)


@pytest.fixture
def forgotten(open_quiz) -> Callable[..., Page]:
    """Factory: a quiz page where the reader answered three questions (or, `to_the_result`, every
    step, with a wish, a fear and one's own), then pressed "Clear my answers" (on the intro, or on
    the result) and confirmed."""

    def make(lang: str, to_the_result: bool = False) -> Page:
        page = open_quiz(lang)
        if to_the_result:
            take_quiz(page, lang, varied_pattern(), wish=FORM_IDS[0], meet=(QUIZ.fears[0].id,), own=OWN_FEAR[lang])
        else:
            answer_first_three(page, lang)
            page.goto(page.url)  # a later visit: the intro offers to continue, or to forget
            expect(button(page, "resume", lang)).to_be_visible()
        assert stored(page) is not None
        button(page, "forget", lang).click()
        button(page, "forget_yes", lang).click()
        return page

    return make


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forget_erases_the_stored_answers(forgotten, lang):
    page = forgotten(lang)
    expect(quiz(page)).to_have_attribute("data-state", "intro")
    assert stored(page) is None
    page.reload()
    expect(button(page, "start", lang)).to_be_visible()
    expect(quiz(page).locator("input:checked")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forget_goes_back_to_the_intro_with_start_focused(forgotten, lang):
    page = forgotten(lang)
    expect(button(page, "start", lang)).to_be_focused()
    assert visible_buttons(page) == [ui("start", lang), ui("room", lang), ui("paper_print", lang)]


def test_forget_after_the_result_unchecks_everything_and_empties_ones_own(forgotten):
    lang = "fr"
    page = forgotten(lang, to_the_result=True)
    expect(button(page, "start", lang)).to_be_focused()
    expect(result_heading(page)).to_have_count(0)
    expect(quiz(page).locator("input:checked")).to_have_count(0)
    own_items = step(page, MEET_STEP, lang, include_hidden=True).get_by_role("listitem", include_hidden=True)
    expect(own_items).to_have_count(0)
    expect(quiz(page)).not_to_have_attribute("data-result", re.compile(".*"))
    assert stored(page) is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forget_says_the_answers_were_erased(forgotten, lang):
    page = forgotten(lang)
    expect(quiz(page).get_by_role("status")).to_have_text(ui("forgotten", lang))


def test_start_again_from_the_result_begins_an_empty_quiz_at_question_1(open_quiz):
    lang = "en"
    page = open_quiz(lang)
    take_quiz(page, lang, varied_pattern(), wish=FORM_IDS[1])
    button(page, "restart", lang).click()
    button(page, "restart_yes", lang).click()
    expect(quiz(page)).to_have_attribute("data-step", "1")
    expect(step(page, 1, lang)).to_be_focused()
    expect(quiz(page).locator("input:checked")).to_have_count(0)


def test_switching_language_mid_quiz_keeps_answers_and_step(site, open_quiz):
    page = open_quiz("fr")
    answer_first_three(page, "fr")
    language_button, link = language_menu_link(page, "fr", "en")
    language_button.click()
    link.click()
    expect(page).to_have_url(f"{site.url}en/{QUIZ_PAGE}")
    expect_first_three_kept(page, "en")


# --------------------------------------------------------------------------------------------
# 6. The result: a card worth acting on, then the evidence
# --------------------------------------------------------------------------------------------


@dataclass
class Result:
    """A reader's visit taking the quiz to its result, and what their browser did on the way."""

    page: Page
    lang: str
    answers: dict[str, str]
    outcome: dict[str, Any]
    self_form: str
    wish: str
    meet: tuple[str, ...]
    own: str
    requests: list[str] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)

    @property
    def here(self) -> str:
        return self.outcome["forms"][0]

    @property
    def region(self) -> Locator:
        return result_region(self.page)


@pytest.fixture(scope="module", params=LANGUAGES)
def result(request, site, browser: Browser) -> Iterator[Result]:
    """The quiz taken to its result once per language, on a phone: a clear result, one question left
    out, a self-placement that differs from it, a wished form far from it, two fears and a resistance
    ticked, one's own fear added."""
    lang = request.param
    answers = result_pattern()
    outcome = python_score(answers)
    here = FORMS[outcome["forms"][0]]
    wish = max(QUIZ.forms, key=lambda form: abs(form.order - here.order)).id
    self_form = next(form.id for form in QUIZ.forms if abs(form.order - here.order) == 2)
    meet = (QUIZ.fears[0].id, QUIZ.fears[-1].id, QUIZ.resistances[0].id)
    context = browser.new_context(locale=f"{lang}-FR", viewport=PHONE)
    page = context.new_page()
    visit = Result(page, lang, answers, outcome, self_form, wish, meet, OWN_FEAR[lang])
    context.on("request", lambda sent: visit.requests.append(sent.url))
    try:
        open_settled(page, f"{site.url}{lang}/{QUIZ_PAGE}")
        take_quiz(page, lang, answers, self_form=self_form, wish=wish, meet=meet, own=visit.own)
        expect(result_heading(page)).to_be_visible()
        page.wait_for_load_state("networkidle")
        visit.cookies = context.cookies()
        yield visit
    finally:
        context.close()


def test_result_replaces_the_intro_and_its_heading_has_the_focus(result):
    expect(result.page.locator("[data-intro]")).to_be_hidden()
    expect(result_heading(result.page)).to_be_focused()
    expect(result.region).to_have_accessible_name(form_name(result.here, result.lang))


def test_result_card_names_the_form_large_with_its_definition(result):
    lang, page = result.lang, result.page
    heading = result_heading(page)
    expect(heading).to_have_text(form_name(result.here, lang))
    body = page.locator(".md-typeset p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert heading.evaluate("h => parseFloat(getComputedStyle(h).fontSize)") >= 1.5 * body
    expect(result.region.locator(".quiz-card").get_by_text(text(FORMS[result.here].definition, lang), exact=True)
           ).to_be_visible()


def test_result_card_marks_the_form_on_the_figure(result):
    figure = result.region.locator(".quiz-card").get_by_role("figure")
    expect(figure).to_be_visible()
    current = figure.locator(".forms-scale__step--current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-form", result.here)
    expect(current).to_have_attribute("aria-current", "true")
    expect(figure.locator("[id]")).to_have_count(0)  # a copy: no id of the page's figure twice


def test_result_card_offers_share_print_start_again_and_forget(result):
    lang = result.lang
    actions = result.region.locator(".quiz-card__actions")
    expect(result.region.locator(".quiz-card").get_by_role("link", name=ui("share", lang), exact=True)
           ).to_have_attribute("href", f"result-{result.here}.html")
    for key in ("print", "restart", "forget"):
        expect(actions.get_by_role("button", name=ui(key, lang), exact=True)).to_be_visible()


def card_buttons(page: Page) -> Locator:
    return result_region(page).locator(".quiz-card").get_by_role("button")


def test_result_card_shows_exactly_compare_print_start_again_and_clear(result):
    assert card_buttons(result.page).evaluate_all("buttons => buttons.filter((b) => b.offsetWidth > 0)"
                                                  ".map((b) => b.textContent.trim())") == [
        ui(key, result.lang) for key in ("compare", "print", "restart", "forget")]


def test_result_card_says_its_share_link_is_the_public_page_without_answers(result):
    link = result.region.locator(".quiz-card").get_by_role("link", name=ui("share", result.lang), exact=True)
    expect(link).to_be_visible()
    expect(link).not_to_have_attribute("href", re.compile("#"))  # the form's page: nothing of the answers


def test_result_card_has_one_primary_action_compare(result):
    """Compare is filled with the site's colour; the other buttons are GOV.UK's grey secondary ones."""
    fills = card_buttons(result.page).evaluate_all(
        "buttons => buttons.map((b) => [b.textContent.trim(), getComputedStyle(b).backgroundColor])")
    primary = result.page.evaluate("() => { const probe = document.createElement('span');"
                                   " probe.style.color = 'var(--md-primary-fg-color)'; document.body.append(probe);"
                                   " const colour = getComputedStyle(probe).color; probe.remove(); return colour; }")
    assert [name for name, fill in fills if fill == primary] == [ui("compare", result.lang)], fills
    assert len({fill for name, fill in fills if fill != primary}) == 1, fills
    assert "rgba(0, 0, 0, 0)" not in {fill for name, fill in fills}, fills  # secondary: grey, not an outline


def test_result_card_actions_come_before_the_figure_in_tab_order(result):
    page = result.page
    result_heading(page).focus()
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        where = page.evaluate("() => document.activeElement.closest('figure') ? 'figure'"
                              " : document.activeElement.dataset.action || document.activeElement.tagName")
        if where == "figure":
            break
        reached.append(where)
    actions = [where for where in reached if where in ("compare", "print", "restart", "forget")]
    assert actions == ["compare", "print", "restart", "forget"], reached


def test_every_button_of_the_result_is_at_least_44_px_with_a_visible_label(result):
    why = result.region.locator("details.quiz__why")
    why.locator("summary").click()
    try:
        sizes = result.region.locator("button, summary").evaluate_all(
            """nodes => nodes.filter((n) => n.offsetWidth > 0).map((n) => {
                const box = n.getBoundingClientRect();
                return [n.textContent.trim(), Math.round(box.width), Math.round(box.height)]; })""")
    finally:
        why.locator("summary").click()
    assert len(sizes) > 10, sizes
    assert [size for size in sizes if size[1] < 44 or size[2] < 44 or not size[0]] == []


def test_why_this_result_is_closed_at_body_size_in_a_neutral_disclosure(result):
    why = result.region.locator("details.quiz__why")
    expect(why).not_to_have_attribute("open", re.compile(".*"))
    look = why.evaluate("""d => { const s = getComputedStyle(d), summary = d.querySelector("summary");
        const before = getComputedStyle(summary, "::before");
        return { size: parseFloat(getComputedStyle(summary).fontSize), background: s.backgroundColor,
                 border: s.borderTopWidth, shadow: s.boxShadow,
                 icon: before.maskImage || before.webkitMaskImage }; }""")
    body = result.region.locator(".quiz-card__self").evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert look == {"size": body, "background": "rgba(0, 0, 0, 0)", "border": "0px", "shadow": "none", "icon": "none"}


@pytest.mark.parametrize("key", ["restart", "forget"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_erasing_from_the_result_asks_first_and_no_keeps_everything(open_quiz, lang, key):
    page = open_quiz(lang)
    take_quiz(page, lang, varied_pattern(), wish=FORM_IDS[1])
    kept = stored(page)
    button(page, key, lang).click()
    question = result_region(page).get_by_role("group", name=ui(key + "_confirm", lang), exact=True)
    expect(question).to_be_visible()
    expect(question.get_by_role("button", name=ui(key + "_yes", lang), exact=True)).to_be_visible()
    assert stored(page) == kept  # nothing erased yet
    question.get_by_role("button", name=ui("keep_answers", lang), exact=True).click()
    expect(question).to_have_count(0)
    expect(button(page, key, lang)).to_be_focused()
    expect(quiz(page)).to_have_attribute("data-state", "result")
    assert stored(page) == kept


@pytest.mark.parametrize("lang", LANGUAGES)
def test_change_from_the_result_goes_to_that_question_then_back_to_the_new_result(open_quiz, lang):
    answers = varied_pattern()
    page = open_quiz(lang)
    take_quiz(page, lang, answers)
    number = 4
    why = result_region(page).locator("details.quiz__why")
    why.locator("summary").click()
    why.get_by_role("button", name=ui("change_label", lang, n=number), exact=True).click()
    expect(quiz(page)).to_have_attribute("data-step", str(number))
    assert visible_buttons(page) == [ui("change_return", lang)]  # no Previous, no Next: one question, then back
    question = QUESTIONS[number - 1]
    other = next(a.id for a in question.answers if a.id != answers[question.id])
    step(page, number, lang).get_by_role("radio", name=answer_text(number - 1, other, lang), exact=True).check()
    button(page, "change_return", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "result")
    expect(quiz(page)).to_have_attribute("data-result", data_result(python_score({**answers, question.id: other})))
    expect(result_heading(page)).to_be_focused()


def test_every_button_of_the_fears_step_is_at_least_44_px_with_a_visible_label(open_quiz):
    lang = "en"
    page = open_quiz(lang, width=PHONE["width"], height=PHONE["height"])
    button(page, "start", lang).click()
    for number in range(1, MEET_STEP):
        answer_question(page, number, None, lang)
    step(page, MEET_STEP, lang).get_by_label(ui("own_label", lang), exact=True).fill(OWN_FEAR[lang])
    button(page, "own_add", lang).click()
    expect(button(page, "own_remove", lang)).to_be_visible()
    sizes = quiz(page).locator("button, input").evaluate_all(
        """nodes => nodes.filter((n) => n.offsetWidth > 0).map((n) => {
            const box = (n.closest("label") || n).getBoundingClientRect();
            const label = n.textContent.trim() || n.labels[0].textContent.trim();
            return [label, Math.round(box.width), Math.round(box.height)];
        })""")
    assert len(sizes) > 5, sizes
    assert [size for size in sizes if size[1] < 44 or size[2] < 44 or not size[0]] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_own_fear_typed_but_not_added_is_kept(open_quiz, lang):
    page = open_quiz(lang)
    button(page, "start", lang).click()
    answers = varied_pattern()
    for number, question in enumerate(QUESTIONS, start=1):
        answer_question(page, number, answers[question.id], lang)
    button(page, "next", lang).click()
    button(page, "next", lang).click()
    step(page, MEET_STEP, lang).get_by_label(ui("own_label", lang), exact=True).fill(OWN_FEAR[lang])
    button(page, "see_result", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "result")
    expect(result_region(page).get_by_role("listitem").filter(has_text=re.compile(rf"^{re.escape(OWN_FEAR[lang])}$"))
           ).to_be_visible()
    assert json.loads(stored(page))["own"] == [OWN_FEAR[lang]]


def test_result_card_fits_one_phone_screen(result):
    result.page.evaluate("window.scrollTo(0, 0)")
    result.page.reload()
    expect(result_heading(result.page)).to_be_visible()
    card = result.region.locator(".quiz-card").bounding_box()
    assert card["y"] + card["height"] <= PHONE["height"], card


def test_result_says_the_answers_differ_from_the_readers_own_view_and_names_them(result):
    lang = result.lang
    self_line = result.region.locator("[data-self]")
    expect(self_line).to_have_attribute("data-self", "differ")
    expect(self_line).to_have_text(ui("self_differ", lang, form=form_name(result.self_form, lang)))
    away = []
    for question in QUESTIONS:
        chosen = next((a for a in question.answers if a.id == result.answers.get(question.id)), None)
        if chosen and chosen.weights.get(result.self_form, 0) < max(chosen.weights.values()):
            away.append(question.id)
    assert away
    expect(result.region.locator(".quiz__gap > li")).to_have_count(len(away))
    expect(result.region.get_by_text(ui("gap_title", lang, form=form_name(result.self_form, lang)), exact=True)
           ).to_be_visible()


def test_result_why_is_folded_and_lists_each_answer_once(result):
    lang = result.lang
    why = result.region.locator("details.quiz__why")
    expect(why).not_to_have_attribute("open", re.compile(".*"))
    expect(why.locator("summary")).to_have_text(ui("why_title", lang))
    why.locator("summary").click()
    answered = [q.id for q in QUESTIONS if q.id in result.answers]
    items = why.locator("li[data-answer]")
    expect(items).to_have_count(len(answered))
    assert sorted(items.evaluate_all("items => items.map((li) => li.dataset.answer)")) == sorted(answered)
    lines = []
    for form_id in FORM_IDS:
        points = result.outcome["scores"][form_id]
        count = ui("point" if points == 1 else "points", lang, count=points)
        lines.append(re.compile(rf"^{re.escape(form_name(form_id, lang))}\s*:\s*{re.escape(count)}$"))
    expect(why.locator("li[data-form-score]")).to_have_text(lines)
    expect(result.region.locator("li[data-answer]")).to_have_count(len(answered) + result.region.locator(
        ".quiz__gap > li").count())
    why.locator("summary").click()


def test_result_shows_the_way_to_the_wished_form_with_a_correct_plural(result):
    lang, here, wish = result.lang, FORMS[result.here], FORMS[result.wish]
    gap = abs(wish.order - here.order)
    assert gap >= 2
    expect(result.region.get_by_role("heading", name=ui("wish_title", lang), exact=True)).to_be_visible()
    steps = ui("step_many", lang, count=gap)
    key = "wish_further" if wish.order > here.order else "wish_back"
    expected = ui(key, lang, **{"from": form_name(here.id, lang), "to": form_name(wish.id, lang), "steps": steps})
    expect(result.region.get_by_text(expected, exact=True)).to_be_visible()
    assert "(s)" not in result.region.inner_text()
    expect(result.region.get_by_text(ui("not_better", lang), exact=True)).to_be_visible()


def test_result_links_the_ticked_fears_and_shows_ones_own(result):
    lang = result.lang
    expect(result.region.get_by_role("heading", name=ui("met_title", lang), exact=True)).to_be_visible()
    for item_id in result.meet:
        link = result.region.get_by_role("link", name=item_text(item_id, lang), exact=True)
        expect(link).to_have_attribute("href", f"{FORMS_PAGE}#{item_id}")
    not_ticked = [item.id for item in (*QUIZ.fears, *QUIZ.resistances) if item.id not in result.meet]
    for item_id in not_ticked:
        expect(result.region.get_by_role("link", name=item_text(item_id, lang), exact=True)).to_have_count(0)
    expect(
        result.region.get_by_role("listitem").filter(has_text=re.compile(rf"^{re.escape(result.own)}$"))
    ).to_be_visible()


def test_result_links_the_pleasures_of_the_form_and_of_the_wish(result):
    lang = result.lang
    expect(result.region.get_by_role("heading", name=ui("pleasures_title", lang), exact=True)).to_be_visible()
    expected = list(dict.fromkeys(QUIZ.pleasures_for[result.here] + QUIZ.pleasures_for[result.wish]))
    for item_id in expected:
        link = result.region.get_by_role("link", name=item_text(item_id, lang), exact=True)
        expect(link).to_have_attribute("href", f"{FORMS_PAGE}#{item_id}")
    expect(result.region.locator('a[href*="#pleasure-"]')).to_have_count(len(expected))


def test_taking_the_quiz_requests_nothing_from_another_origin(site, result):
    assert result.requests, "the visit made no request at all"
    assert [url for url in result.requests if not url.startswith(site.url)] == []


def test_taking_the_quiz_sets_no_cookie(result):
    assert result.cookies == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_that_agree_with_the_readers_choice_say_so(open_quiz, lang):
    form_id = FORM_IDS[5]
    page = open_quiz(lang)
    open_result(page, {"answers": favouring(QUIZ, form_id), "self": form_id, "wish": form_id})
    agree = ui("self_agree", lang, form=form_name(form_id, lang))
    expect(result_region(page).locator("[data-self]")).to_have_text(agree)
    expect(result_region(page).locator(".quiz__gap")).to_have_count(0)
    expect(result_region(page).get_by_text(ui("wish_same", lang, form=form_name(form_id, lang)), exact=True)
           ).to_be_visible()


def test_one_step_to_the_wished_form_is_said_in_the_singular(open_quiz):
    for lang in LANGUAGES:
        page = open_quiz(lang)
        open_result(page, {"answers": favouring(QUIZ, "cooperation"), "wish": "reciprocity"})
        expected = ui("wish_further", lang, **{"from": form_name("cooperation", lang),
                                               "to": form_name("reciprocity", lang), "steps": ui("step_one", lang)})
        expect(result_region(page).get_by_text(expected, exact=True)).to_be_visible()


# --------------------------------------------------------------------------------------------
# 7. The browser's scorer and the reference scorer agree
# --------------------------------------------------------------------------------------------


def agreement_patterns() -> list[dict[str, str]]:
    rng = random.Random(2024)
    patterns: list[dict[str, str]] = [
        {},
        {q.id: q.answers[0].id for q in QUESTIONS},
        {q.id: q.answers[-1].id for q in QUESTIONS},
        *(favouring(QUIZ, form_id) for form_id in FORM_IDS),
        *({q.id: a.id} for q in QUESTIONS for a in q.answers),
        between_pattern(),
        {"for-or-with": "zz", "no-such-question": "a"},
    ]
    patterns += [random_pattern(rng) for _ in range(600)]
    patterns += [{q.id: rng.choice(q.answers).id for q in QUESTIONS} for _ in range(200)]
    return patterns


def test_browser_scorer_agrees_with_reference_scorer(open_quiz):
    patterns = agreement_patterns()
    page = open_quiz("fr")
    found = page.evaluate("patterns => patterns.map((answers) => window.PartnershipQuiz.score(answers))", patterns)
    expected = [python_score(answers) for answers in patterns]
    kinds = {outcome["kind"] for outcome in expected}
    assert kinds >= {"none", "clear", "between", "split"}, kinds  # the patterns try every rule
    disagreements = [(answers, js, py) for answers, js, py in zip(patterns, found, expected, strict=True) if js != py]
    assert disagreements[:3] == [], f"{len(disagreements)} of {len(patterns)} patterns disagree"


# --------------------------------------------------------------------------------------------
# 8. The paper version: without JavaScript, and printed
# --------------------------------------------------------------------------------------------


def expect_every_step_visible(page: Page, lang: str) -> None:
    """The paper version: every step shown, numbered."""
    for number in range(1, STEPS + 1):
        expect(step(page, number, lang, paper=True)).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_every_question_is_shown(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    expect(page.get_by_role("group")).to_have_count(STEPS)
    expect_every_step_visible(page, lang)
    for letter in quiz(page).locator(".quiz__letter").all()[:5]:
        expect(letter).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_paper_version_and_its_grid_are_shown(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    expect(page.get_by_role("heading", name=ui("paper_title", lang), exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=ui("grid_title", lang), exact=True)).to_be_visible()
    grid = page.get_by_role("table")
    expect(grid).to_be_visible()
    body_rows = grid.locator("tbody").get_by_role("row")
    expect(body_rows).to_have_count(len(QUESTIONS) + 1)
    for number in range(1, len(QUESTIONS) + 1):
        expect(body_rows.nth(number - 1).get_by_role("rowheader")).to_have_text(str(number))
    expect(body_rows.last.get_by_role("rowheader")).to_have_text(ui("grid_total", lang))
    expect(body_rows.last.get_by_role("cell")).to_have_text([""] * len(FORM_IDS))  # to write the totals in
    expect(grid.get_by_role("columnheader")).to_have_count(len(FORM_IDS) + 1)


# Printed: page count, grid on its own page, 11 pt, the lines to write on: tests/test_paper.py


def test_print_on_the_result_card_prints_the_result(open_quiz):
    lang = "fr"
    page = open_quiz(lang)
    take_quiz(page, lang, favouring(QUIZ, FORM_IDS[2]))
    page.evaluate("() => { window.print = () => {}; }")  # the dialog itself is the browser's
    button(page, "print", lang).click()
    page.emulate_media(media="print")
    expect(result_heading(page)).to_be_visible()
    expect(quiz(page).locator("fieldset").first).to_be_hidden()
    expect(page.get_by_role("table")).to_be_hidden()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    expect_every_step_visible(page, lang)  # printed otherwise (the browser's menu): the paper version


# --------------------------------------------------------------------------------------------
# 9. Weight: small files, nothing loaded beyond the site's own
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_script_and_style_weigh_at_most_10_kib_gzipped(site, lang):
    sizes = {asset: len(gzip.compress((site.path / lang / asset).read_bytes(), compresslevel=9)) for asset in ASSETS}
    assert sum(sizes.values()) <= MAX_GZIP, sizes


def test_quiz_page_loads_only_the_quiz_files_beyond_an_ordinary_page(site, browser: Browser):
    def requested(path: str) -> set[str]:
        context = browser.new_context(locale="fr-FR")
        urls: set[str] = set()
        context.on("request", lambda request: urls.add(request.url))
        try:
            page = context.new_page()
            open_settled(page, f"{site.url}fr/{path}")
            expect(page.get_by_role("heading", level=1)).to_be_visible()
        finally:
            context.close()
        return urls

    extra = requested(QUIZ_PAGE) - requested(f"{site_pages()[0].removesuffix('.md')}.html") - {
        f"{site.url}fr/{QUIZ_PAGE}"}
    assert extra == {f"{site.url}fr/{asset}" for asset in ASSETS}


# --------------------------------------------------------------------------------------------
# 10. A phone: every step fits 360 px, and nothing goes wrong
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_fits_360px_without_console_error(site, open_page, lang):
    page = open_page(width=NARROW)
    errors = watch_errors(page)
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")
    widths = {"intro": page_width(page)}
    button(page, "start", lang).click()
    answers = varied_pattern()
    for number, question in enumerate(QUESTIONS, start=1):
        expect(step(page, number, lang)).to_be_visible()
        widths[number] = page_width(page)
        answer_question(page, number, answers[question.id], lang)
    for number, form_id in ((SELF_STEP, FORM_IDS[1]), (WISH_STEP, FORM_IDS[0])):
        expect(step(page, number, lang)).to_be_visible()
        widths[number] = page_width(page)
        label = text(FORMS[form_id].definition, lang) if number == SELF_STEP else form_name(form_id, lang)
        step(page, number, lang).get_by_role("radio", name=label, exact=True).check()
        button(page, "next", lang).click()
    expect(step(page, MEET_STEP, lang)).to_be_visible()
    widths[MEET_STEP] = page_width(page)
    step(page, MEET_STEP, lang).get_by_label(item_text(QUIZ.fears[0].id, lang), exact=True).check()
    step(page, MEET_STEP, lang).get_by_label(ui("own_label", lang), exact=True).fill(OWN_FEAR[lang])
    button(page, "own_add", lang).click()
    widths["own fear added"] = page_width(page)
    button(page, "see_result", lang).click()
    expect(result_heading(page)).to_be_visible()
    result_region(page).locator("details summary").click()
    widths["result"] = page_width(page)
    assert {where: width for where, width in widths.items() if width > NARROW} == {}
    assert errors == []
