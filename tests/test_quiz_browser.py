"""The self-assessment quiz (/fr/quiz.html, /en/quiz.html) in a real browser (Debian's Chromium).

As in test_browser.py, each test opens a fresh browser context (its own storage), finds things the
way a reader does (by role, accessible name and label) and asserts with `expect`. What the reader
must see comes from the quiz's data (quiz/questions.yml, quiz/texts.yml, content/forms.yml, read
with `load_quiz()`), and every result is checked against the reference scorer of hooks/_quiz.py.
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from _data import typeset
from _quiz import Question, favouring, load_quiz, score
from playwright.sync_api import Browser, Locator, Page, expect
from test_browser import LANGUAGES, NARROW, language_menu_link, watch_errors

QUIZ = load_quiz()
FORM_IDS = [form.id for form in QUIZ.forms]
FORMS = {form.id: form for form in QUIZ.forms}
QUESTIONS = QUIZ.questions
STEPS = len(QUESTIONS) + 2  # the scored questions, then "which form would you like", then the fears
STORAGE_KEY = "partenariat.quiz"  # where quiz.js keeps the answers (localStorage)
QUIZ_PAGE = "quiz.html"
FORMS_PAGE = "partnership-culture.html"
ASSETS = ("quiz/quiz.js", "quiz/quiz.css")
MAX_GZIP = 8 * 1024
MAX_PRINTED_PAGES = 2
PDF_PAGE = re.compile(rb"/Type\s*/Page[^s]")
BETWEEN_WORD = {"fr": "entre", "en": "between"}
SKIP_LINK = {"fr": "Aller au contenu", "en": "Skip to content"}  # Material's first link, to the page's content
OWN_FEAR = {"fr": "La peur de manquer de temps pour tout suivre", "en": "The fear of lacking time to follow it all"}


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


def legend(number: int, lang: str) -> str:
    """The accessible name of step `number` (1 to STEPS): its legend, number included."""
    if number <= len(QUESTIONS):
        return f"{number}. {text(QUESTIONS[number - 1].text, lang)}"
    return f"{number}. {ui('wish_question' if number == STEPS - 1 else 'meet_question', lang)}"


def answer_text(question_index: int, answer_id: str, lang: str) -> str:
    return text(next(a for a in QUESTIONS[question_index].answers if a.id == answer_id).text, lang)


def answer_label(question_index: int, answer_id: str, lang: str) -> str:
    """The accessible name of an answer: its letter, then its text."""
    return f"{answer_id}. {answer_text(question_index, answer_id, lang)}"


def wish_label(form_id: str, lang: str) -> str:
    return f"{FORMS[form_id].order}. {form_name(form_id, lang)}"


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
def open_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Factory: a page in a fresh browser context (width, JavaScript), so fresh storage; all closed afterwards."""
    contexts = []

    def make(width: int = 1280, java_script_enabled: bool = True) -> Page:
        context = browser.new_context(
            locale="fr-FR", viewport={"width": width, "height": 800}, java_script_enabled=java_script_enabled
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def open_quiz(site, open_page) -> Callable[..., Page]:
    """Factory: the quiz page of a language, in a fresh browser context."""

    def make(lang: str, **options: Any) -> Page:
        page = open_page(**options)
        page.goto(f"{site.url}{lang}/{QUIZ_PAGE}", wait_until="domcontentloaded")
        return page

    return make


def quiz(page: Page) -> Locator:
    """The quiz's root element; quiz.js shows its state on it (data-step, data-state, data-result)."""
    return page.locator("[data-quiz]")


def step(page: Page, number: int, lang: str, include_hidden: bool = False) -> Locator:
    """The fieldset of a step, found by its legend."""
    return page.get_by_role("group", name=legend(number, lang), exact=True, include_hidden=include_hidden)


def radio(page: Page, question_index: int, answer_id: str, lang: str) -> Locator:
    """An answer of a scored question, found by its label, shown or not."""
    return step(page, question_index + 1, lang, include_hidden=True).get_by_role(
        "radio", name=answer_label(question_index, answer_id, lang), exact=True, include_hidden=True
    )


def button(page: Page, key: str, lang: str) -> Locator:
    return page.get_by_role("button", name=ui(key, lang), exact=True)


def progress(page: Page, number: int, lang: str) -> Locator:
    return page.get_by_text(ui("progress", lang, n=number, total=STEPS), exact=True)


def result_heading(page: Page, lang: str) -> Locator:
    return page.get_by_role("heading", name=ui("result_title", lang), exact=True)


def result_region(page: Page, lang: str) -> Locator:
    """The live region the result is written into."""
    return page.locator("[aria-live]").filter(has=result_heading(page, lang))


def stored(page: Page) -> Any:
    return page.evaluate(f"window.localStorage.getItem({json.dumps(STORAGE_KEY)})")


def answer_question(page: Page, number: int, answer_id: str | None, lang: str) -> None:
    """On step `number` (shown), click the answer's label (if any), then 'Next question'."""
    if answer_id is not None:
        step(page, number, lang).get_by_label(answer_label(number - 1, answer_id, lang), exact=True).check()
    button(page, "next", lang).click()


def take_quiz(
    page: Page,
    lang: str,
    answers: dict[str, str],
    wish: str | None = None,
    meet: tuple[str, ...] = (),
    own: str | None = None,
) -> None:
    """Answers every step by clicking, then asks for the result."""
    for number, question in enumerate(QUESTIONS, start=1):
        answer_question(page, number, answers.get(question.id), lang)
    wish_step = step(page, STEPS - 1, lang)
    if wish is not None:
        wish_step.get_by_label(wish_label(wish, lang), exact=True).check()
    button(page, "next", lang).click()
    meet_step = step(page, STEPS, lang)
    for item_id in meet:
        meet_step.get_by_label(item_text(item_id, lang), exact=True).check()
    if own is not None:
        meet_step.get_by_label(ui("own_label", lang), exact=True).fill(own)
        button(page, "own_add", lang).click()
    button(page, "see_result", lang).click()
    expect(quiz(page)).to_have_attribute("data-state", "result")


def press_until_focused(page: Page, target: Locator, key: str = "Tab", limit: int = 150) -> None:
    """Presses a key (Tab by default) until `target` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press(key)
    expect(target).to_be_focused()


def printed_pages(page: Page) -> int:
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    return len(PDF_PAGE.findall(page.pdf(format="A4")))


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# --------------------------------------------------------------------------------------------
# 1. The whole quiz by keyboard alone
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
    wish = FORM_IDS[-1]
    ticked = (QUIZ.fears[0].id, QUIZ.resistances[0].id)
    page = open_quiz(lang)
    # From the top of the page: Material's skip link, then into the first question.
    press_until_focused(page, page.get_by_role("link", name=SKIP_LINK[lang], exact=True))
    page.keyboard.press("Enter")
    # Steps 1 to 10: the scored questions; Enter and Space, in turn, on "Next question".
    for number, question in enumerate(QUESTIONS, start=1):
        group = step(page, number, lang)
        if number > 1:
            expect(group).to_be_focused()
        expect(progress(page, number, lang)).to_be_visible()
        index = [a.id for a in question.answers].index(answers[question.id])
        choose_by_keyboard(page, group.get_by_role("radio"), index)
        chosen = group.get_by_label(answer_label(number - 1, answers[question.id], lang), exact=True)
        expect(chosen).to_be_checked()
        press_until_focused(page, button(page, "next", lang))
        if number == 1:  # Shift+Tab goes back to the answer chosen, Tab to the button again
            page.keyboard.press("Shift+Tab")
            expect(chosen).to_be_focused()
            press_until_focused(page, button(page, "next", lang))
        page.keyboard.press("Enter" if number % 2 else "Space")
    # Step 11: the form one would like.
    group = step(page, STEPS - 1, lang)
    expect(group).to_be_focused()
    expect(progress(page, STEPS - 1, lang)).to_be_visible()
    choose_by_keyboard(page, group.get_by_role("radio"), FORM_IDS.index(wish))
    expect(group.get_by_label(wish_label(wish, lang), exact=True)).to_be_checked()
    press_until_focused(page, button(page, "next", lang))
    page.keyboard.press("Enter")
    # Step 12: fears and resistances ticked with Space, one's own typed and added with Enter.
    group = step(page, STEPS, lang)
    expect(group).to_be_focused()
    expect(progress(page, STEPS, lang)).to_be_visible()
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
    expect(result_heading(page, lang)).to_be_focused()
    expect(quiz(page)).to_have_attribute("data-result", data_result(python_score(answers)))


# --------------------------------------------------------------------------------------------
# 2. Every form can be the result; two neighbours can share it
# --------------------------------------------------------------------------------------------


# Each form in one language, the languages in turn (the result figure checks every name in both).
FORM_CASES = [
    pytest.param(form_id, LANGUAGES[index % len(LANGUAGES)], id=f"{form_id}-{LANGUAGES[index % len(LANGUAGES)]}")
    for index, form_id in enumerate(FORM_IDS)
]


@pytest.mark.parametrize(("form_id", "lang"), FORM_CASES)
def test_answers_most_in_favour_of_a_form_give_that_form(open_quiz, form_id, lang):
    page = open_quiz(lang)
    take_quiz(page, lang, favouring(QUIZ, form_id))
    expect(quiz(page)).to_have_attribute("data-result", f"clear:{form_id}")
    name = form_name(form_id, lang)
    verdict = result_region(page, lang).get_by_text(ui("result_clear", lang, form=name), exact=True)
    expect(verdict).to_be_visible()
    expect(verdict.get_by_role("link", name=name, exact=True)).to_have_attribute("href", f"{FORMS_PAGE}#{form_id}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_shared_by_two_neighbours_say_between_both(open_quiz, lang):
    answers = between_pattern()
    outcome = python_score(answers)
    first, second = outcome["forms"]
    page = open_quiz(lang)
    take_quiz(page, lang, answers)
    expect(quiz(page)).to_have_attribute("data-result", f"between:{first},{second}")
    sentence = ui("result_between", lang, **{"from": form_name(first, lang), "to": form_name(second, lang)})
    assert BETWEEN_WORD[lang] in sentence.split()
    verdict = result_region(page, lang).get_by_text(sentence, exact=True)
    expect(verdict).to_be_visible()
    for form_id in (first, second):
        link = verdict.get_by_role("link", name=form_name(form_id, lang), exact=True)
        expect(link).to_have_attribute("href", f"{FORMS_PAGE}#{form_id}")


# --------------------------------------------------------------------------------------------
# 3, 4, 5. Answers kept in the browser: reload, forget, other language
# --------------------------------------------------------------------------------------------

FIRST_THREE = {q.id: q.answers[index + 1].id for index, q in enumerate(QUESTIONS[:3])}


def answer_first_three(page: Page, lang: str) -> None:
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
    expect(result_heading(page, lang)).to_be_visible()


@pytest.fixture
def forgotten(open_quiz) -> Callable[..., Page]:
    """Factory: a quiz page where the reader answered three questions (or, `to_the_result`, every
    step, with a wish, a fear and one's own), then pressed 'Forget my answers'."""

    def make(lang: str, to_the_result: bool = False) -> Page:
        page = open_quiz(lang)
        if to_the_result:
            take_quiz(page, lang, varied_pattern(), wish=FORM_IDS[0], meet=(QUIZ.fears[0].id,), own=OWN_FEAR[lang])
        else:
            answer_first_three(page, lang)
        assert stored(page) is not None
        button(page, "forget", lang).click()
        return page

    return make


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forget_erases_the_stored_answers(forgotten, lang):
    page = forgotten(lang)
    expect(step(page, 1, lang)).to_be_visible()
    assert stored(page) is None
    page.reload()
    expect(step(page, 1, lang)).to_be_visible()
    expect(quiz(page).locator("input:checked")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forget_goes_back_to_question_1(forgotten, lang):
    page = forgotten(lang)
    expect(quiz(page)).to_have_attribute("data-step", "1")
    expect(step(page, 1, lang)).to_be_focused()
    expect(progress(page, 1, lang)).to_be_visible()


def test_forget_after_the_result_unchecks_everything_and_empties_ones_own(forgotten):
    lang = "fr"
    page = forgotten(lang, to_the_result=True)
    expect(step(page, 1, lang)).to_be_focused()
    expect(result_heading(page, lang)).to_have_count(0)
    expect(quiz(page).locator("input:checked")).to_have_count(0)
    expect(step(page, STEPS, lang, include_hidden=True).get_by_role("listitem", include_hidden=True)).to_have_count(0)
    expect(quiz(page)).not_to_have_attribute("data-result", re.compile(".*"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_forget_says_the_answers_were_erased(forgotten, lang):
    page = forgotten(lang)
    expect(page.get_by_role("status")).to_have_text(ui("forgotten", lang))


def test_switching_language_mid_quiz_keeps_answers_and_step(site, open_quiz):
    page = open_quiz("fr")
    answer_first_three(page, "fr")
    language_button, link = language_menu_link(page, "fr", "en")
    language_button.click()
    link.click()
    expect(page).to_have_url(f"{site.url}en/{QUIZ_PAGE}")
    expect_first_three_kept(page, "en")


# --------------------------------------------------------------------------------------------
# 6. What the result shows (and 8. privacy, on the same visit)
# --------------------------------------------------------------------------------------------


@dataclass
class Result:
    """A reader's visit taking the quiz to its result, and what their browser did on the way."""

    page: Page
    lang: str
    answers: dict[str, str]
    outcome: dict[str, Any]
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
        return result_region(self.page, self.lang)


@pytest.fixture(scope="module", params=LANGUAGES)
def result(request, site, browser: Browser) -> Iterator[Result]:
    """The quiz taken to its result once per language: a clear result, one question left out, a
    wished form far from it, two fears and a resistance ticked, one's own fear added."""
    lang = request.param
    answers = result_pattern()
    outcome = python_score(answers)
    here = FORMS[outcome["forms"][0]]
    wish = max(QUIZ.forms, key=lambda form: abs(form.order - here.order)).id
    meet = (QUIZ.fears[0].id, QUIZ.fears[-1].id, QUIZ.resistances[0].id)
    context = browser.new_context(locale=f"{lang}-FR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    visit = Result(page, lang, answers, outcome, wish, meet, OWN_FEAR[lang])
    context.on("request", lambda sent: visit.requests.append(sent.url))
    try:
        page.goto(f"{site.url}{lang}/{QUIZ_PAGE}", wait_until="networkidle")
        take_quiz(page, lang, answers, wish=wish, meet=meet, own=visit.own)
        expect(result_heading(page, lang)).to_be_visible()
        page.wait_for_load_state("networkidle")
        visit.cookies = context.cookies()
        yield visit
    finally:
        context.close()


def test_result_is_written_into_a_live_region_with_its_heading(result):
    expect(result.region).to_have_attribute("aria-live", re.compile(r"^(polite|assertive)$"))
    expect(result_heading(result.page, result.lang)).to_be_visible()


def test_result_figure_lists_the_points_of_the_reference_scorer(result):
    lang = result.lang
    figure = result.region.get_by_role("figure", name=ui("figure_title", lang), exact=True)
    expect(figure).to_be_visible()
    expect(figure.locator("figcaption")).to_have_text(ui("figure_title", lang))
    expect(figure.locator("svg")).to_be_visible()
    lines = []
    for form_id in FORM_IDS:
        points = result.outcome["scores"][form_id]
        count = ui("point" if points == 1 else "points", lang, count=points)
        lines.append(re.compile(rf"^{re.escape(form_name(form_id, lang))}\s*:\s*{re.escape(count)}$"))
    expect(figure.get_by_role("listitem")).to_have_text(lines)
    for form_id in FORM_IDS:
        link = figure.get_by_role("link", name=form_name(form_id, lang), exact=True)
        expect(link).to_have_attribute("href", f"{FORMS_PAGE}#{form_id}")


def test_result_why_names_the_questions_that_pulled_towards_the_form(result):
    lang = result.lang
    expect(result.region.get_by_role("heading", name=ui("why_title", lang), exact=True)).to_be_visible()
    towards = ui("why_towards", lang, form=form_name(result.here, lang))
    expect(result.region.get_by_text(towards, exact=True)).to_be_visible()
    pulls = result.outcome["pulls"][result.here]
    assert 0 < len(pulls) < len(result.answers)  # some answers pull elsewhere: the list must choose
    by_id = {q.id: index for index, q in enumerate(QUESTIONS)}
    expected = [
        f"{text(QUESTIONS[by_id[q]].text, lang)} — {answer_text(by_id[q], result.answers[q], lang)}" for q in pulls
    ]
    expect(result.region.locator(f'li[data-pull="{result.here}"]')).to_have_text(expected)
    expect(result.region.locator("li[data-pull]")).to_have_count(len(pulls))


def test_result_shows_the_way_to_the_wished_form_and_that_further_is_not_better(result):
    lang, here, wish = result.lang, FORMS[result.here], FORMS[result.wish]
    assert abs(wish.order - here.order) >= 2
    expect(result.region.get_by_role("heading", name=ui("wish_title", lang), exact=True)).to_be_visible()
    low, high = sorted((here.order, wish.order))
    on_the_way = {form.id for form in QUIZ.forms if low <= form.order <= high and form.id != here.id}
    for form in QUIZ.forms:
        # The way lists each form after `here` up to the wish, with its definition; the verdict lists `here`.
        item = result.region.get_by_role("listitem").filter(
            has_text=re.compile(rf"^{re.escape(text(form.name, lang))} — {re.escape(text(form.definition, lang))}$")
        )
        expect(item).to_have_count((form.id in on_the_way) + (form.id == here.id))
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


# 8. Privacy


def test_taking_the_quiz_requests_nothing_from_another_origin(site, result):
    assert result.requests, "the visit made no request at all"
    assert [url for url in result.requests if not url.startswith(site.url)] == []


def test_taking_the_quiz_sets_no_cookie(result):
    assert result.cookies == []


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
    ]
    patterns += [random_pattern(rng) for _ in range(600)]
    patterns += [{q.id: rng.choice(q.answers).id for q in QUESTIONS} for _ in range(200)]
    return patterns


def test_browser_scorer_agrees_with_reference_scorer(open_quiz):
    patterns = agreement_patterns()
    page = open_quiz("fr")
    found = page.evaluate("patterns => patterns.map((answers) => window.partnershipQuiz.score(answers))", patterns)
    expected = [python_score(answers) for answers in patterns]
    kinds = {outcome["kind"] for outcome in expected}
    assert kinds >= {"none", "clear", "between", "split"}, kinds  # the patterns try every rule
    disagreements = [(answers, js, py) for answers, js, py in zip(patterns, found, expected, strict=True) if js != py]
    assert disagreements[:3] == [], f"{len(disagreements)} of {len(patterns)} patterns disagree"


# --------------------------------------------------------------------------------------------
# 9. The paper version: without JavaScript, and printed
# --------------------------------------------------------------------------------------------


def expect_every_step_visible(page: Page, lang: str) -> None:
    for number in range(1, STEPS + 1):
        expect(step(page, number, lang)).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_every_question_is_shown(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    expect(page.get_by_role("group")).to_have_count(STEPS)
    expect_every_step_visible(page, lang)


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
    expect(grid.get_by_role("columnheader")).to_have_count(len(FORM_IDS) + 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_paper_version_fits_two_pages(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    pages = printed_pages(page)
    assert 1 <= pages <= MAX_PRINTED_PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_paper_version_shows_every_question(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    page.emulate_media(media="print")
    expect_every_step_visible(page, lang)
    expect(page.get_by_role("table")).to_be_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printing_with_javascript_shows_every_question(open_quiz, lang):
    page = open_quiz(lang)
    answer_question(page, 1, QUESTIONS[0].answers[0].id, lang)
    expect(step(page, 1, lang)).to_be_hidden()  # on screen, one question at a time
    page.emulate_media(media="print")
    expect_every_step_visible(page, lang)
    expect(page.get_by_role("table")).to_be_visible()


def test_printing_the_result_page_still_shows_every_question(open_quiz):
    lang = "fr"
    page = open_quiz(lang)
    take_quiz(page, lang, favouring(QUIZ, FORM_IDS[2]))
    page.emulate_media(media="print")
    expect_every_step_visible(page, lang)
    expect(page.get_by_role("table")).to_be_visible()


# --------------------------------------------------------------------------------------------
# 10. Weight: small files, nothing loaded beyond the site's own
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_script_and_style_weigh_at_most_8_kib_gzipped(site, lang):
    sizes = {asset: len(gzip.compress((site.path / lang / asset).read_bytes(), compresslevel=9)) for asset in ASSETS}
    assert sum(sizes.values()) <= MAX_GZIP, sizes


def test_quiz_page_loads_only_the_quiz_files_beyond_an_ordinary_page(site, browser: Browser):
    def requested(path: str) -> set[str]:
        context = browser.new_context(locale="fr-FR")
        urls: set[str] = set()
        context.on("request", lambda request: urls.add(request.url))
        try:
            page = context.new_page()
            page.goto(f"{site.url}fr/{path}", wait_until="networkidle")
            expect(page.get_by_role("heading", level=1)).to_be_visible()
        finally:
            context.close()
        return urls

    extra = requested(QUIZ_PAGE) - requested("about.html") - {f"{site.url}fr/{QUIZ_PAGE}"}
    assert extra == {f"{site.url}fr/{asset}" for asset in ASSETS}


# --------------------------------------------------------------------------------------------
# 11. A phone: every step fits 360 px, and nothing goes wrong
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_fits_360px_without_console_error(site, open_page, lang):
    page = open_page(width=NARROW)
    errors = watch_errors(page)
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")
    answers = varied_pattern()
    widths = {}
    for number, question in enumerate(QUESTIONS, start=1):
        expect(step(page, number, lang)).to_be_visible()
        widths[number] = page_width(page)
        answer_question(page, number, answers[question.id], lang)
    expect(step(page, STEPS - 1, lang)).to_be_visible()
    widths[STEPS - 1] = page_width(page)
    step(page, STEPS - 1, lang).get_by_label(wish_label(FORM_IDS[0], lang), exact=True).check()
    button(page, "next", lang).click()
    expect(step(page, STEPS, lang)).to_be_visible()
    widths[STEPS] = page_width(page)
    step(page, STEPS, lang).get_by_label(item_text(QUIZ.fears[0].id, lang), exact=True).check()
    step(page, STEPS, lang).get_by_label(ui("own_label", lang), exact=True).fill(OWN_FEAR[lang])
    button(page, "own_add", lang).click()
    widths["own fear added"] = page_width(page)
    button(page, "see_result", lang).click()
    expect(result_heading(page, lang)).to_be_visible()
    widths["result"] = page_width(page)
    assert {where: width for where, width in widths.items() if width > NARROW} == {}
    assert errors == []
