"""The quiz's paper version (quiz/quiz.html, the @media print and no-JavaScript rules of quiz/quiz.css,
quiz/js/paper.js): what a facilitator prints and hands out, and what a reader without JavaScript sees.

Printed with Chromium to an A4 PDF (page.pdf after emulating print, as a reader's "Print" does) and read back
with pypdf: pages, where the grid falls, font sizes. What is expected comes from the data (quiz/texts.yml,
quiz/questions.yml, tests/scenarios.yml) and from the reference scorer of partnership/quiz.py.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable

import pytest
import yaml
from conftest import ROOT
from helpers import words_broken_inside
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from test_browser import LANGUAGES
from test_quiz_browser import (
    OWN_FEAR,
    QUESTIONS,
    QUIZ,
    STEPS,
    answer_first_three,
    button,
    legend,
    quiz,
    step,
    take_quiz,
    ui,
)

from partnership.data import load_strings, typeset
from partnership.quiz import score

SIZES = {"phone": (390, 844), "tablet": (768, 1024), "desktop": (1280, 800)}
PT = 96 / 72  # CSS px per point
MM = 96 / 25.4  # CSS px per millimetre
A4_TEXT_WIDTH = round((210 - 24) * MM)  # the width of an A4 page's text (quiz.css, @page margins)
SCENARIOS = yaml.safe_load((ROOT / "tests" / "scenarios.yml").read_text(encoding="utf-8"))["scenarios"]


@pytest.fixture
def open_quiz(site, new_page) -> Callable[..., Page]:
    """Factory: the quiz page of a language in a fresh browser context (fresh storage), on its intro."""

    def make(lang: str, width: int = 1280, height: int = 800, java_script_enabled: bool = True) -> Page:
        page = new_page(locale="fr-FR", viewport={"width": width, "height": height},
                        java_script_enabled=java_script_enabled)
        page.goto(f"{site.url}{lang}/quiz.html", wait_until="domcontentloaded")
        return page

    return make


def printed(page: Page) -> PdfReader:
    """The page printed to A4, as the browser's print would (its print style sheet)."""
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4")))


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2002", " ")).strip()


def page_texts(pdf: PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in pdf.pages]


def font_sizes(pdf_page: object) -> list[tuple[float, str]]:
    """Each piece of text of a PDF page with its size in points (font size × text and current matrices)."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]), text.strip()))

    pdf_page.extract_text(visitor_text=visit)
    return found


def ui_name(form: object, lang: str) -> str:
    return typeset(form.name[lang], lang)


def legend_start(number: int, lang: str) -> str:
    """The first words of a step's printed legend ("3. Before acting, does"), enough to find it on a page."""
    return " ".join(flat(legend(number, lang, paper=True)).split()[:4])


def pages_in_label(lang: str) -> int:
    """The number of A4 pages the print button promises ("Print the paper version (3 A4 pages)")."""
    return int(re.search(r"\d+", ui("paper_print", lang)).group())


# --------------------------------------------------------------------------------------------
# 1. On the intro, with JavaScript: a secondary button that prints the paper version
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_intro_offers_to_print_the_paper_version(open_quiz, lang, size):
    width, height = SIZES[size]
    page = open_quiz(lang, width=width, height=height)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    paper = button(page, "paper_print", lang)
    expect(paper).to_be_visible()
    expect(paper).not_to_have_class(re.compile(r"md-button--primary"))  # "Start" stays the one primary action
    box = paper.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= width, box  # a whole target, within the screen
    paper.click()
    assert page.evaluate("window.printed") == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_no_print_button_but_a_hint_to_print_the_page(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    expect(page.get_by_role("button", name=ui("paper_print", lang))).to_have_count(0)
    expect(page.get_by_text(ui("paper_hint", lang), exact=True)).to_be_visible()


def test_with_javascript_the_hint_to_print_the_page_is_not_shown(open_quiz):
    page = open_quiz("en")
    expect(button(page, "start", "en")).to_be_visible()
    expect(page.get_by_text(ui("paper_hint", "en"), exact=True)).to_be_hidden()


# --------------------------------------------------------------------------------------------
# 2. Printed: the pages the button promises, the grid on a page of its own, 11 pt
# --------------------------------------------------------------------------------------------

PRINTS = [pytest.param(lang, js, id=f"{lang}-{'js' if js else 'no-js'}") for lang in LANGUAGES for js in (False, True)]


@pytest.mark.parametrize(("lang", "java_script"), PRINTS)
def test_printed_it_has_the_pages_the_button_says(open_quiz, lang, java_script):
    pdf = printed(open_quiz(lang, java_script_enabled=java_script))
    assert len(pdf.pages) == pages_in_label(lang), (ui("paper_print", lang), len(pdf.pages))


@pytest.mark.parametrize(("lang", "java_script"), PRINTS)
def test_printed_the_grid_is_alone_on_the_last_page_after_every_question(open_quiz, lang, java_script):
    texts = page_texts(printed(open_quiz(lang, java_script_enabled=java_script)))
    grid_title, total = flat(ui("grid_title", lang)), flat(ui("grid_total", lang))
    assert [grid_title in text for text in texts] == [False] * (len(texts) - 1) + [True]
    assert texts[-1].startswith(grid_title) and total in texts[-1]
    for number in range(1, STEPS + 1):
        start = legend_start(number, lang)
        assert start not in texts[-1], f"question {number} on the grid's page"
        assert any(start in text for text in texts[:-1]), f"question {number} not printed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_every_page_has_the_header_fields_and_the_questions_first(site, open_quiz, lang):
    texts = page_texts(printed(open_quiz(lang, java_script_enabled=False)))
    first = texts[0].replace(" ", "")
    assert flat(load_strings()["site_name"][lang]).replace(" ", "") in first
    assert f"{site.url}{lang}/quiz.html" in first
    for key in ("paper_partnership", "paper_organisation", "paper_date", "paper_title"):
        assert flat(ui(key, lang)) in texts[0], key
    assert legend_start(1, lang) in texts[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_questions_answers_and_grid_are_at_least_11_points(open_quiz, lang):
    pdf = printed(open_quiz(lang, java_script_enabled=False))
    column_heads = {flat(ui("grid_question", lang)), *(flat(form.name[lang]) for form in QUIZ.forms)}
    small = []
    for number, pdf_page in enumerate(pdf.pages, start=1):
        for size, text in font_sizes(pdf_page):
            heads = number == len(pdf.pages) and any(flat(text) in head for head in column_heads)
            if size < (10 if heads else 11) - 0.05:  # the grid's column heads at 10 pt, to fit each name
                small.append((number, round(size, 2), text))
    assert small == [], small[:5]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_each_question_and_answer_is_11_points_in_the_page(open_quiz, lang):
    page = open_quiz(lang)
    page.emulate_media(media="print")
    sizes = quiz(page).locator("legend, label").evaluate_all(
        "nodes => nodes.map(node => parseFloat(getComputedStyle(node).fontSize))")
    assert len(sizes) > STEPS and {round(size, 2) for size in sizes} == {round(11 * PT, 2)}


def test_printed_the_grid_breaks_no_word_and_fits_the_page(open_quiz):
    for lang in LANGUAGES:
        page = open_quiz(lang, width=A4_TEXT_WIDTH, height=1000, java_script_enabled=False)
        page.emulate_media(media="print")
        assert words_broken_inside(page, ".quiz__grid") == [], lang
        grid = quiz(page).locator(".quiz__table").bounding_box()
        assert grid["x"] + grid["width"] <= A4_TEXT_WIDTH + 1, (lang, grid)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_the_total_row_is_high_enough_to_write_in(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    page.emulate_media(media="print")
    total = page.get_by_role("row", name=re.compile("^" + re.escape(ui("grid_total", lang))))
    assert total.bounding_box()["height"] >= 10 * MM


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_there_are_lines_to_write_ones_own_fears_on(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    page.emulate_media(media="print")
    own = quiz(page).locator(".quiz__own").bounding_box()
    lines = quiz(page).locator(".quiz__write span")
    expect(lines.first).to_be_visible()
    boxes = [line.bounding_box() for line in lines.all()]
    assert len(boxes) >= 3
    for box in boxes:
        assert box["height"] >= 6 * MM and box["width"] >= own["width"] - 1, box


def test_printed_the_header_fields_follow_each_language_s_colon():
    """"Partnership:" in English, "Partenariat :" with a no-break space in French (translator's point 6)."""
    for key in ("paper_partnership", "paper_organisation", "paper_date"):
        assert re.fullmatch(r"\S.*\S:", ui(key, "en")), ui(key, "en")
        assert re.fullmatch(r"\S.*\S\u00a0:", ui(key, "fr")), ui(key, "fr")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_the_header_fields_are_the_texts_and_their_colon(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    page.emulate_media(media="print")
    fields = quiz(page).locator(".quiz__fields span")
    expect(fields).to_have_text([ui(key, lang) for key in ("paper_partnership", "paper_organisation", "paper_date")])


# --------------------------------------------------------------------------------------------
# 3. Printed after a reader answered on screen: still the blank paper version, to hand out
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_mid_quiz_it_is_the_same_blank_paper_version(open_quiz, lang):
    fresh = page_texts(printed(open_quiz(lang)))
    page = open_quiz(lang)
    answer_first_three(page, lang)  # real clicks from the intro
    texts = page_texts(printed(page))
    assert texts == fresh


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_after_the_result_it_is_the_paper_version_without_ones_own_fear(open_quiz, lang):
    page = open_quiz(lang)
    take_quiz(page, lang, {q.id: q.answers[0].id for q in QUESTIONS}, own=OWN_FEAR[lang])
    texts = page_texts(printed(page))
    assert len(texts) == pages_in_label(lang)
    assert all(flat(OWN_FEAR[lang]) not in text for text in texts)
    assert legend_start(1, lang) in texts[0]


# --------------------------------------------------------------------------------------------
# 4. The instructions match the grid: a facilitator following them gets the quiz's result
# --------------------------------------------------------------------------------------------


def by_hand(page: Page, lang: str, answers: dict[str, str]) -> tuple[dict[str, int], str, list[str]]:
    """The printed grid read and used as the instructions say (score_rows, score_total, score_result): on each
    question's row, circle the chosen letter wherever it appears with the points after it; add up each column;
    the most points wins, another within a tenth shares the result (neighbouring columns or not)."""
    heads = quiz(page).locator(".quiz__table thead th a")
    columns = [QUIZ.forms[index].id for index in range(heads.count())]
    assert [flat(head) for head in heads.all_inner_texts()] == [flat(ui_name(form, lang)) for form in QUIZ.forms]
    totals = dict.fromkeys(columns, 0)
    rows = quiz(page).locator(".quiz__table tbody tr")
    for number, question in enumerate(QUESTIONS, start=1):
        if question.id not in answers:
            continue
        letter = step(page, number, lang, paper=True).locator(
            f'input[value="{answers[question.id]}"] ~ .quiz__letter').inner_text().rstrip(".")
        cells = rows.nth(number - 1).locator("td").all_inner_texts()
        for form_id, cell in zip(columns, cells, strict=True):
            circled = [int(points) for found, points in re.findall(r"([a-z])\s(\d+)", cell) if found == letter]
            totals[form_id] += sum(circled)
    ranked = sorted(columns, key=lambda form_id: -totals[form_id])  # on equal points, the one further left
    best, second = ranked[0], ranked[1]
    if totals[second] and (totals[best] - totals[second]) * 10 <= totals[best]:  # a tenth fewer at most
        pair = sorted((best, second), key=columns.index)
        return totals, "between" if columns.index(pair[1]) - columns.index(pair[0]) == 1 else "split", pair
    return totals, "clear", [best]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_following_the_printed_instructions_gives_the_quizs_result(open_quiz, lang):
    page = open_quiz(lang, java_script_enabled=False)
    patterns = [scenario["answers"] for scenario in SCENARIOS]
    patterns.append({q.id: q.answers[-1].id for q in QUESTIONS[1:]})  # one question left unanswered
    for answers in patterns:
        outcome = score(QUIZ, answers)
        assert by_hand(page, lang, answers) == (outcome["scores"], outcome["kind"], outcome["forms"]), answers


# --------------------------------------------------------------------------------------------
# 5. Without JavaScript, on screen: the paper version, one answer per line
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_each_answer_is_on_its_own_line(open_quiz, lang, size):
    width, height = SIZES[size]
    page = open_quiz(lang, java_script_enabled=False, width=width, height=height)
    for number in (1, STEPS - 1, STEPS):  # a scored question, the wish (short names), the fears
        boxes = [label.bounding_box() for label in step(page, number, lang, paper=True).locator("label").all()]
        assert len(boxes) > 1
        for above, below in zip(boxes, boxes[1:], strict=False):
            assert below["y"] >= above["y"] + above["height"] - 1, (number, above, below)
        assert all(box["height"] >= 24 for box in boxes[:-1])  # a target large enough to tap (WCAG 2.5.8)

@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_grid_breaks_no_word_and_stays_within_the_screen(open_quiz, lang, size):
    width, height = SIZES[size]
    page = open_quiz(lang, java_script_enabled=False, width=width, height=height)
    expect(page.get_by_role("table")).to_be_visible()
    assert words_broken_inside(page, ".quiz__grid") == []
    grid = quiz(page).locator(".quiz__grid").bounding_box()  # a wider table scrolls inside it
    assert grid["x"] >= 0 and grid["x"] + grid["width"] <= width, grid
