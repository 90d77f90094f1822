"""Comparing partners' answers with no server (quiz.html#p=…), in Debian's Chromium.

Links are made by the page's own encoder (PartnershipQuiz.encode) from answer sets chosen here;
everything a reader does is done through the page: opening links, pasting them, keyboard only
where the test says so. Damaged and hostile links must be harmless: a message in the page's
language, nothing executed, no element from the payload, no page error.
"""

from __future__ import annotations

import io
import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import Project, free_port, serving
from helpers import assert_lands, words_broken_inside
from playwright.sync_api import Browser, Page, expect
from test_browser import LANGUAGES
from test_quiz_browser import (
    FORM_IDS,
    PDF_PAGE,
    QUESTIONS,
    QUIZ,
    form_name,
    open_result,
    press_until_focused,
    python_score,
    quiz,
    text,
    ui,
)

QUIZ_PAGE = "quiz.html"
ITEMS = [item.id for item in (*QUIZ.fears, *QUIZ.resistances)]
SMS = 160
LATEST = len(QUIZ.links["versions"])  # the version of quiz/links.yml new links are made with


def random_state(rng: random.Random) -> dict[str, Any]:
    """A reader's answers: some questions left out, a self-placement, a wish, some fears ticked."""
    choices = [*FORM_IDS, "unknown", ""]
    return {
        "answers": {q.id: rng.choice(q.answers).id for q in QUESTIONS if rng.random() < 0.8},
        "self": rng.choice(choices),
        "wish": rng.choice(choices),
        "meet": sorted(rng.sample(ITEMS, rng.randint(0, len(ITEMS))), key=ITEMS.index),
        "own": [f"peur n°{n} « à nous » & <b>{rng.random():.3f}</b>" for n in range(rng.randint(0, 3))],
    }


def full_state(form_id: str, **extra: Any) -> dict[str, Any]:
    """Every question answered most in favour of a form, the reader's view agreeing, no fear."""
    from partnership.quiz import favouring

    return {"answers": favouring(QUIZ, form_id), "self": form_id, "wish": form_id, "meet": [], "own": [], **extra}


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    """Factory: a page in a fresh context (its own storage) that records dialogs and page errors."""

    def make(width: int = 1280, height: int = 900) -> Page:
        page = new_page(locale="fr-FR", viewport={"width": width, "height": height})
        page.dialogs = []  # type: ignore[attr-defined]
        page.errors = []  # type: ignore[attr-defined]
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    return make


def with_compare(page: Page) -> None:
    """Loads the comparison's script on the page (as sharing or comparing does)."""
    page.evaluate("() => window.PartnershipQuiz.loadCompare()")


def encode(page: Page, state: dict[str, Any], label: str = "", own: bool = True) -> str:
    """The link code of a state, made by the page's encoder."""
    with_compare(page)
    full = {"answers": {}, "self": "", "wish": "", "meet": [], "own": [], **state}
    return page.evaluate("([s, l, o]) => window.PartnershipQuiz.encode(s, l, o)", [full, label, own])


def link_code(site, page: Page, lang: str, state: dict[str, Any], label: str) -> str:
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")
    return encode(page, state, label)


def banner(page: Page) -> Any:
    """The notice at the top of a partner's link just opened (compare.js): who shared, what happened."""
    return page.locator("[data-banner]")


def added_status(page: Page) -> Any:
    """The confirmation at the paste form."""
    return page.locator("[data-add-status]")


def status(page: Page) -> Any:
    return page.locator("[data-status]")


def compare_rows(page: Page):
    """Each person compared: a row of the chart, or the card of a partner shown alone."""
    return page.locator("[data-compare] [data-person]")


def placed(row: Any) -> list[str]:
    """The forms a person's answers place them at, as drawn (the chart's marks, or the card's figure)."""
    return row.locator("td[data-marks~=answers], .forms-scale__step--current").evaluate_all(
        "nodes => nodes.map(node => node.dataset.form)")


# --------------------------------------------------------------------------------------------
# 1. The link: compact, versioned, every answer set round-trips
# --------------------------------------------------------------------------------------------


def test_500_random_answer_sets_survive_the_round_trip(site, open_page):
    page = open_page()
    page.goto(f"{site.url}fr/{QUIZ_PAGE}")
    with_compare(page)
    rng = random.Random(8)
    states = [random_state(rng) for _ in range(500)]
    labels = ["", "Association A", "la mairie", "Café «\u00a0L’Étoile\u00a0» & co.", "名前", "a.b.c~!*()'"]
    found = page.evaluate(
        """([states, labels]) => states.map((s, i) => {
            const q = window.PartnershipQuiz;
            const code = q.encode(s, labels[i % labels.length], true);
            const back = q.decode(code);
            return {code, status: back.status, answers: back.answers, self: back.self, wish: back.wish,
                    meet: back.meet, own: back.own, label: back.label};
        })""",
        [states, labels],
    )
    for index, (state, got) in enumerate(zip(states, found, strict=True)):
        assert got["status"] == "ok", (state, got)
        assert got["answers"] == state["answers"]
        assert (got["self"], got["wish"]) == (state["self"], state["wish"])
        assert got["meet"] == state["meet"]
        assert got["own"] == state["own"]
        assert got["label"] == labels[index % len(labels)].strip()
        assert got["code"].startswith(f"{LATEST}.")


def test_a_complete_quiz_fits_in_a_link_short_enough_for_an_sms(site, open_page):
    page = open_page()
    page.goto(f"{site.url}fr/{QUIZ_PAGE}")
    state = full_state("cooperation", meet=ITEMS[:3], wish="reciprocity", self="concertation")
    code = encode(page, state, "Association A")
    link = f"{site.url}fr/{QUIZ_PAGE}#p={code}"
    assert len(link) <= SMS, (len(link), link)
    assert len(code) <= 40, code


def test_the_link_carries_ids_not_texts_and_opens_in_the_other_language(site, open_page):
    page = open_page()
    state = full_state("reciprocity", meet=[ITEMS[0]])
    code = link_code(site, page, "fr", state, "la mairie")
    assert re.fullmatch(rf"{LATEST}\.[a-z-]{{10}}\.[0-9-]{{2}}\.[0-9a-f]+\.la%20mairie", code), code
    other = open_page()
    other.goto(f"{site.url}en/{QUIZ_PAGE}#p={code}")
    expect(quiz(other)).to_have_attribute("data-state", "compare")
    row = compare_rows(other).first
    expect(row).to_contain_text(form_name("reciprocity", "en"))
    expect(other.get_by_role("heading", name=ui("one_partner", "en", label="la mairie"))).to_be_visible()
    expect(banner(other)).to_contain_text(ui("banner_sent", "en", label="la mairie"))
    assert other.url == f"{site.url}en/{QUIZ_PAGE}"  # the answers leave the address bar once read


# --------------------------------------------------------------------------------------------
# 2. Sharing from the result: a label, a link to copy, a QR code a phone reads
# --------------------------------------------------------------------------------------------


def take_quiz_to_result(page: Page, site, lang: str, state: dict[str, Any]) -> None:
    """Puts a finished quiz in storage (as a reader who answered), then opens its result."""
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")
    open_result(page, state)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_result_offers_a_link_and_a_qr_code_a_camera_reads(site, open_page, lang):
    import zxingcpp
    from PIL import Image

    page = open_page(width=390, height=844)
    take_quiz_to_result(page, site, lang, full_state("concertation", own=["Le manque de temps"]))
    share = page.locator(".quiz__share")
    expect(share.get_by_role("heading", name=ui("share_title", lang))).to_be_visible()
    share.get_by_label(ui("share_label", lang), exact=True).fill("Association A")
    link = share.get_by_label(ui("share_link", lang), exact=True)
    expect(link).to_have_value(re.compile(rf"#p={LATEST}\..*Association%20A$"))
    assert "manque" not in link.input_value()  # one's own texts only when chosen
    share.get_by_label(ui("share_own", lang), exact=True).check()
    expect(link).to_have_value(re.compile(r"Le%20manque%20de%20temps$"))
    share.get_by_role("button", name=ui("share_qr", lang)).click()
    qr = share.get_by_role("img", name=ui("share_qr_label", lang))
    expect(qr).to_be_visible()
    picture = Image.open(io.BytesIO(qr.screenshot()))
    assert [code.text for code in zxingcpp.read_barcodes(picture)] == [link.input_value()]


def test_copy_the_link_puts_it_on_the_clipboard(site, browser: Browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    take_quiz_to_result(page, site, "fr", full_state("service"))
    share = page.locator(".quiz__share")
    share.get_by_role("button", name=ui("share_copy", "fr")).click()
    expect(share.get_by_role("status")).to_have_text(ui("share_copied", "fr"))
    link = share.get_by_label(ui("share_link", "fr"), exact=True).input_value()
    assert page.evaluate("navigator.clipboard.readText()") == link
    context.close()


def test_qr_codes_of_every_length_a_link_can_have_are_read_back(site, open_page):
    """QR versions 1 to 15 and all eight masks, read by a real decoder as a phone camera would."""
    import zxingcpp
    from PIL import Image

    page = open_page()
    page.goto(f"{site.url}fr/{QUIZ_PAGE}")
    with_compare(page)
    rng = random.Random(5)
    texts = ["h", "https://example.org/fr/quiz.html#p=1.abc", "é" * 40]
    texts += ["".join(rng.choice("abcdefghij.%/:#0123456789") for _ in range(n)) for n in (60, 120, 200, 300, 400)]
    for text_ in texts:
        for mask in range(8):
            rows = page.evaluate("([t, m]) => window.PartnershipQuiz.qrModules(t, m)", [text_, mask])
            size = len(rows) + 8
            picture = Image.new("L", (size * 4, size * 4), 255)
            for r, row in enumerate(rows):
                for c, dark in enumerate(row):
                    if dark:
                        picture.paste(0, ((c + 4) * 4, (r + 4) * 4, (c + 5) * 4, (r + 5) * 4))
            assert [code.text for code in zxingcpp.read_barcodes(picture)] == [text_], (len(text_), mask)


# --------------------------------------------------------------------------------------------
# 3. Damaged and hostile links are harmless
# --------------------------------------------------------------------------------------------

GOOD = "1.ddedddddbc.56.28"
SCRIPT = quote("<script>window.pwned=1;alert(1)</script>", safe="").replace(".", "%2E")
IMG = quote('<img src=x onerror="window.pwned=1;alert(1)">', safe="").replace(".", "%2E")
RAW = quote("<script>window.pwned=1;alert(1)</script>", safe="")  # its "." splits the link: the rest is unread
# (fragment after #p=, the kinds of message allowed)
HOSTILE = [
    ("", {"link_damaged"}),
    ("1", {"link_damaged"}),
    ("1.", {"link_damaged"}),
    ("0.ddedddddbc.56.0", {"link_damaged"}),
    ("01.ddedddddbc.56.0", {"link_damaged"}),
    ("-1.ddedddddbc", {"link_damaged"}),
    ("x.ddedddddbc.56.0", {"link_damaged"}),
    ("1e1.ddedddddbc", {"link_damaged"}),
    ("２.ddedddddbc", {"link_damaged"}),
    ("3.ddedddddbc.56.0", {"link_future"}),  # links.yml has versions 1 and 2
    ("9999.abc", {"link_future"}),
    ("1." + "a" * 5000, {"link_long"}),
    ("1.ddedddddbc.56.0." + "%41" * 1000, {"link_long"}),
    ("1.ddedd", {"link_partial_many"}),
    ("1.ddedddddb", {"link_partial_one"}),
    ("1.ddedddddbc.5", {"link_partial_one"}),
    ("1.ddedddddbc.56.zz", {"link_partial_one"}),
    ("1.ddedddddbc.56.ffffffff", {"link_partial_one"}),
    ("1.zzzzzzzzzz.56.0", {"link_partial_many"}),
    ("1.DDEDDDDDBC.56.0", {"link_partial_many"}),
    ("1.ddedddddbcdd.56.0", {"link_partial_many"}),
    ("1.dd-ddddd-c.99.0", {"link_partial_many"}),
    ("1.ddedddddbc.--.0.x.y.z", {"link_partial_one"}),
    ("1.ddedddddbc.56.0.lbl.own.extra", {"link_partial_one"}),
    ("1.----------.--.0", {"added"}),
    (f"{GOOD}.{SCRIPT}", {"added"}),
    (f"{GOOD}.{IMG}", {"added"}),
    (f"{GOOD}.ok.{SCRIPT}", {"added"}),
    (f"{GOOD}.ok.{IMG}%0A{SCRIPT}", {"added"}),
    (f"{GOOD}.%22%3E%3Csvg%20onload%3Dalert(1)%3E", {"added"}),
    (f"{GOOD}.%E0%A4%A", {"added"}),
    (f"{GOOD}.%", {"added"}),
    (f"{GOOD}.%u202e%E2%80%AEevil", {"added"}),
    (f"{GOOD}.%00%01%1Fbell%07", {"added"}),
    (f"{GOOD}.javascript%3Aalert(1)", {"added"}),
    ("<script>alert(1)</script>", {"link_damaged"}),
    ("1.<img src=x onerror=alert(1)>.56.0", {"link_partial_many"}),
    (f"1.{IMG}", {"link_damaged"}),
    ("javascript:alert(1)", {"link_damaged"}),
    ("1.ddedddddbc.56.0.%3Ciframe%20src%3Djavascript%3Aalert(1)%3E", {"added"}),
    ("1.ddedddddbc.56.0.__proto__", {"added"}),
    (f"{GOOD}.{RAW}", {"added"}),  # the label stops at its ".": the rest is read as text, own fears
    ("1.ddedddddbc.56.0.constructor.prototype", {"added"}),
    ("1.ddedddddbc.56." + "f" * 9, {"link_partial_one"}),
    ("1.ddedddddbc.56.0." + "A" * 400, {"added"}),
]


def expect_harmless(page: Page, allowed: set[str], lang: str = "fr") -> None:
    """The page says one of the allowed messages, ran nothing and shows no element from the link."""
    expect(quiz(page)).to_have_attribute("data-state", "compare")
    expect(banner(page)).to_be_visible()
    said = banner(page).inner_text()
    messages = {
        key: re.compile(re.escape(ui(key, lang)).replace(re.escape("{label}"), ".*")
                        .replace(re.escape("{count}"), r"\d+"))
        for key in allowed
    }
    if "added" in allowed:  # a link read: the banner says who sent it
        sent = re.escape(ui("banner_sent", lang, label="{label}"))
        messages["added"] = re.compile(sent.replace(re.escape("{label}"), ".*"))
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    assert any(pattern.fullmatch(line) for pattern in messages.values() for line in lines), (said, allowed)
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("() => window.pwned === undefined")
    assert page.locator("[data-compare] img, [data-compare] iframe, [data-compare] script").count() == 0
    assert page.locator("[onerror], [onload], [onclick]").count() == 0
    assert page.locator("[data-compare] a[href^='javascript']").count() == 0


@pytest.mark.parametrize(("code", "allowed"), HOSTILE, ids=[f"{i:02d}" for i in range(len(HOSTILE))])
def test_a_damaged_or_hostile_link_is_harmless(site, open_page, code, allowed):
    assert len(HOSTILE) >= 40
    page = open_page()
    page.goto(f"{site.url}fr/{QUIZ_PAGE}#p={code}")
    expect_harmless(page, allowed)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_damaged_link_says_so_in_the_pages_language_and_shows_what_it_can(site, open_page, lang):
    page = open_page()
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}#p=1.dded.56.0.Association%20B")
    expect_harmless(page, {"link_partial_many"}, lang)
    expect(banner(page)).to_contain_text(ui("link_partial_many", lang, count=6))
    expect(compare_rows(page).first).to_have_attribute("data-person", "Association B")


def test_labels_with_markup_are_shown_as_text(site, open_page):
    page = open_page()
    page.goto(f"{site.url}fr/{QUIZ_PAGE}#p={GOOD}.{SCRIPT}")
    expect_harmless(page, {"added"})
    expect(compare_rows(page).first).to_have_attribute("data-person", "<script>window.pwned=1;alert(1)</script>")
    title = ui("one_partner", "fr", label="<script>window.pwned=1;alert(1)</script>")
    expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()


# --------------------------------------------------------------------------------------------
# 4. The comparison view: two and four partners, keyboard only, both languages
# --------------------------------------------------------------------------------------------


def add_by_keyboard(page: Page, lang: str, link: str) -> None:
    """Into the paste field with Tab, the link pasted, Enter."""
    field = page.get_by_label(ui("add_label", lang), exact=True)
    press_until_focused(page, field)
    page.keyboard.insert_text(link)  # pasted, as a reader does with a link
    page.keyboard.press("Enter")


PARTNERS = [("Association A", "reciprocity"), ("La mairie", "consultation"), ("Le centre social", "cooperation")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_partners_compared_by_keyboard(site, open_page, lang):
    page = open_page()
    links = [f"{site.url}{lang}/{QUIZ_PAGE}#p=" + link_code(site, page, lang, full_state("service"), "Nous")]
    reader = open_page()
    take_quiz_to_result(reader, site, lang, full_state("fusion", meet=[ITEMS[0]]))
    compare = reader.get_by_role("button", name=ui("compare", lang), exact=True)
    press_until_focused(reader, compare)
    reader.keyboard.press("Enter")
    expect(reader.get_by_role("heading", name=ui("compare_title", lang), exact=True)).to_be_focused()
    add_by_keyboard(reader, lang, links[0])
    expect(added_status(reader)).to_have_text(ui("added", lang, label="Nous"))
    expect(compare_rows(reader)).to_have_count(2)
    expect(compare_rows(reader).nth(0).locator("th")).to_have_text(ui("me", lang))
    assert placed(compare_rows(reader).nth(1)) == ["service"]
    far = reader.locator(".quiz__far")
    expect(far).to_have_count(1)
    expect(far).to_contain_text(ui("step_many", lang, count=6))
    differ = reader.locator(".quiz__differ")
    expect(differ).to_have_count(len(QUESTIONS))
    first = differ.first
    expect(first.locator(".quiz__prompt")).to_contain_text(text(QUESTIONS[0].prompt, lang))
    met = reader.locator(".quiz__met-table")
    fear = met.get_by_role("link", name=text(QUIZ.fears[0].text, lang), exact=True)
    expect(fear).to_have_attribute("href", f"partnership-culture.html#{ITEMS[0]}")
    assert reader.errors == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_four_partners_compared_by_keyboard(site, open_page, lang):
    maker = open_page()
    links = [f"{site.url}{lang}/{QUIZ_PAGE}#p=" + link_code(site, maker, lang, full_state(form), label)
             for label, form in PARTNERS]
    reader = open_page(width=390, height=844)
    take_quiz_to_result(reader, site, lang, full_state("reciprocity"))
    press_until_focused(reader, reader.get_by_role("button", name=ui("compare", lang), exact=True))
    reader.keyboard.press("Enter")
    for link, (label, _) in zip(links, PARTNERS, strict=True):
        add_by_keyboard(reader, lang, link)
        expect(added_status(reader)).to_have_text(ui("added", lang, label=label))
    expect(compare_rows(reader)).to_have_count(4)
    for row, (label, form) in zip(compare_rows(reader).all()[1:], PARTNERS, strict=True):
        expect(row.locator("th")).to_have_text(label)
        assert placed(row) == [form]
    expect(reader.locator(".quiz__chart")).to_be_visible()
    expect(reader.locator(".quiz__far")).not_to_have_count(0)
    # Remove a partner with the keyboard.
    remove = reader.get_by_role("button", name=ui("remove_partner", lang, label=PARTNERS[1][0]), exact=True)
    press_until_focused(reader, remove)
    reader.keyboard.press("Enter")
    expect(compare_rows(reader)).to_have_count(3)
    assert reader.evaluate("document.documentElement.scrollWidth") <= 390
    assert reader.errors == []


def test_a_seventh_participant_is_refused(site, open_page):
    maker = open_page()
    codes = [link_code(site, maker, "fr", full_state(FORM_IDS[n % 7]), f"P{n}") for n in range(6)]
    reader = open_page()
    take_quiz_to_result(reader, site, "fr", full_state("service"))
    for n, code in enumerate(codes):
        reader.goto(f"{site.url}fr/{QUIZ_PAGE}#p={code}")
        expected = ui("banner_sent", "fr", label=f"P{n}") if n < 5 else ui("add_full", "fr")
        expect(banner(reader)).to_contain_text(expected)
    expect(compare_rows(reader)).to_have_count(6)


def test_agreement_is_said_plainly(site, open_page):
    maker = open_page()
    code = link_code(site, maker, "en", full_state("cooperation"), "B")
    reader = open_page()
    take_quiz_to_result(reader, site, "en", full_state("cooperation"))
    reader.goto(f"{site.url}en/{QUIZ_PAGE}#p={code}")
    agree = ui("agree_place", "en", form=form_name("cooperation", "en"))
    expect(reader.locator("[data-agree-place]")).to_have_text(agree)
    expect(reader.locator(".quiz__same > li")).to_have_count(len(QUESTIONS))
    expect(reader.get_by_text(ui("differ_none", "en"), exact=True)).to_be_visible()
    expect(reader.locator(".quiz__far")).to_have_count(0)


# --------------------------------------------------------------------------------------------
# 5. One device in a meeting room
# --------------------------------------------------------------------------------------------


def answer_all(page: Page, lang: str, state: dict[str, Any]) -> None:
    """Every step of the quiz during a turn, clicking, from question 1, to "Finish my answers"."""
    for question in QUESTIONS:
        group = page.locator("fieldset:visible")
        expect(group.locator("input:checked")).to_have_count(0)  # nothing of the previous partner shows
        group.locator(f'input[value="{state["answers"][question.id]}"]').check()
        page.get_by_role("button", name=ui("next", lang), exact=True).click()
    page.locator("fieldset:visible").locator(f'input[value="{state["self"]}"]').check()
    page.get_by_role("button", name=ui("next", lang), exact=True).click()
    page.locator("fieldset:visible").locator(f'input[value="{state["wish"]}"]').check()
    page.get_by_role("button", name=ui("next", lang), exact=True).click()
    page.get_by_role("button", name=ui("turn_finish", lang), exact=True).click()


def take_turns(page: Page, lang: str, partners: list[tuple[str, str]],
               each: Callable[[str], None] | None = None) -> None:
    """From the quiz page, the partners (label, form) answer in turn on one device (`each(label)` after each
    turn), then the comparison is shown."""
    page.get_by_role("button", name=ui("room", lang), exact=True).click()
    for index, (label, form) in enumerate(partners):
        if index:
            page.get_by_role("button", name=ui("room_next", lang), exact=True).click()
        page.get_by_label(ui("room_label", lang), exact=True).fill(label)
        page.get_by_role("button", name=ui("room_start", lang), exact=True).click()
        expect(quiz(page)).to_have_attribute("data-step", "1")
        answer_all(page, lang, full_state(form))
        if each is not None:
            each(label)
    page.get_by_role("button", name=ui("room_show", lang), exact=True).click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_three_partners_take_turns_on_one_device(site, open_page, lang):
    page = open_page(width=390, height=844)
    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")

    def done(label: str) -> None:
        expect(page.get_by_text(ui("room_done", lang, label=label), exact=True)).to_be_visible()
        expect(page.locator(".quiz-card")).to_have_count(0)  # no partner sees a result, theirs or another's
        expect(page.locator("div.quiz__result")).to_be_hidden()

    take_turns(page, lang, PARTNERS, done)
    expect(compare_rows(page)).to_have_count(3)
    for row, (label, form) in zip(compare_rows(page).all(), PARTNERS, strict=True):
        expect(row.locator("th")).to_have_text(label)
        assert placed(row) == [form]
    assert page.errors == []


# --------------------------------------------------------------------------------------------
# 6. Printing, keeping a history, old links
# --------------------------------------------------------------------------------------------


def compared(site, open_page, lang: str = "fr") -> Page:
    maker = open_page()
    code = link_code(site, maker, lang, full_state("information", meet=ITEMS[:2]), "La mairie")
    reader = open_page()
    take_quiz_to_result(reader, site, lang, full_state("cooperation", meet=[ITEMS[3]]))
    reader.goto(f"{site.url}{lang}/{QUIZ_PAGE}#p={code}")
    expect(compare_rows(reader)).to_have_count(2)
    return reader


def test_the_comparison_prints_on_a4_without_its_controls(site, open_page):
    from pypdf import PdfReader

    page = compared(site, open_page)
    page.evaluate("() => { window.print = () => {}; }")  # the dialog itself is the browser's
    page.get_by_role("button", name=ui("print", "fr"), exact=True).click()
    pdf = page.pdf(format="A4")
    printed = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert 1 <= len(PDF_PAGE.findall(pdf)) <= 4
    assert "La mairie" in printed
    assert ui("compare_title", "fr").replace("\u00a0", " ") in printed.replace("\u00a0", " ")
    assert ui("add_title", "fr") not in printed and ui("save", "fr") not in printed
    assert text(QUESTIONS[0].prompt, "fr").split()[0] in printed


def test_a_saved_comparison_opens_later(site, open_page, tmp_path: Path):
    page = compared(site, open_page)
    with page.expect_download() as download:
        page.get_by_role("button", name=ui("save", "fr"), exact=True).click()
    saved = tmp_path / "comparison.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "partenariat-comparison" and len(data["partners"]) == 1
    later = open_page()
    later.goto(f"{site.url}fr/{QUIZ_PAGE}")
    later.evaluate("() => PartnershipQuiz.loadCompare().then(() => PartnershipQuiz.showCompare(true))")
    later.get_by_label(ui("open", "fr"), exact=True).set_input_files(str(saved))
    expect(status(later)).to_have_text(ui("opened", "fr"))
    expect(compare_rows(later)).to_have_count(2)
    expect(compare_rows(later).nth(1).locator("th")).to_have_text("La mairie")


@pytest.mark.parametrize("content", ["not json", '{"format": "other"}', '{"format": "partenariat-comparison", '
                                     '"version": 1, "partners": [{"label": "x", "code": "zz"}]}', "[]"])
def test_a_bad_file_changes_nothing(site, open_page, tmp_path: Path, content):
    page = compared(site, open_page)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.get_by_label(ui("open", "fr"), exact=True).set_input_files(str(bad))
    expect(status(page)).to_have_text(ui("open_bad", "fr"))
    expect(compare_rows(page)).to_have_count(2)
    assert page.errors == []


def test_old_links_open_after_the_questions_change(project: Callable[[], Project], browser: Browser):
    """A question removed and another renamed since a link was made: the link still opens, reads the
    renamed one, and says how many answers it could not read."""
    copy = project()
    questions = copy.file("quiz/questions.yml")
    text_ = questions.read_text(encoding="utf-8")
    text_ = text_[:text_.index("  - id: who-does-what")].rstrip() + "\n"
    questions.write_text(text_.replace("  - id: esteem\n", "  - id: parity\n"), encoding="utf-8")
    links = copy.file("quiz/links.yml")
    table = links.read_text(encoding="utf-8")
    version_2 = (f"  - version: {LATEST + 1}\n    questions:\n" + "".join(
        f"      {'parity' if q.id == 'esteem' else q.id}: [{', '.join(sorted(a.id for a in q.answers))}]\n"
        for q in QUESTIONS if q.id != "who-does-what")
        + "    forms: [service, information, consultation, concertation, cooperation, reciprocity, fusion]\n"
        "    items: [fear-identity, fear-status, fear-investment, fear-power, fear-concessions, fear-soul,\n"
        "            resistance-institutions, resistance-actors, resistance-traditions, resistance-experts]\n")
    table = table.replace("\nrenamed:", version_2 + "\nrenamed:")
    table = table.replace("  questions: {}", "  questions: {esteem: parity}")
    links.write_text(table, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    assert copy.build(site_url=url).returncode == 0
    context = browser.new_context()
    try:
        with serving(copy.root / "site", url):
            page = context.new_page()
            page.goto(f"{url}en/{QUIZ_PAGE}#p=1.ddedddddbc.56.8.Old")
            expect(banner(page)).to_contain_text(ui("link_partial_one", "en"))
            expect(compare_rows(page).first).to_have_attribute("data-person", "Old")
            read = page.evaluate("() => window.PartnershipQuiz.decode('1.ddedddddbc.56.8.Old')")
            assert read["answers"]["parity"] == "d" and "who-does-what" not in read["answers"]
            assert read["meet"] == ["fear-power"] and read["unread"] == 1
    finally:
        context.close()


def test_the_latest_link_table_must_carry_every_answer(project: Callable[[], Project]):
    from test_build_errors import problems

    copy = project()
    copy.file("quiz/links.lock").unlink()  # as if the last version were not published yet: it may still change
    links = copy.file("quiz/links.yml")
    text_ = links.read_text(encoding="utf-8")
    start = re.search(rf"^  - version: {LATEST}\b", text_, flags=re.M).start()
    last = QUIZ.links["versions"][-1]["questions"]["recipients"]
    line = f"      recipients: [{', '.join(last)}]"
    links.write_text(text_[:start] + text_[start:].replace(line, f"      recipients: [{', '.join(last[:-1])}]", 1),
                     encoding="utf-8")
    assert problems(copy.build()) == [
        f"quiz/links.yml:{text_[:start].count(chr(10)) + 1}: versions[{LATEST - 1}]: the answer '{last[-1]}' of "
        "'recipients' cannot travel in a shared link; expected a new version at the end of versions that lists it "
        "(keep the older ones: links made with them must still open)"
    ]


def test_the_browser_scores_a_partners_answers_as_the_reference_does(site, open_page):
    maker = open_page()
    rng = random.Random(3)
    for _ in range(5):
        state = random_state(rng)
        code = link_code(site, maker, "fr", state, "X")
        outcome = python_score(state["answers"])
        reader = open_page()
        reader.goto(f"{site.url}fr/{QUIZ_PAGE}#p={code}")
        row = compare_rows(reader).first
        expect(row).to_be_visible()
        assert placed(row) == outcome["forms"]


# --------------------------------------------------------------------------------------------
# 7. Journeys walked with real clicks: a partner shares from the result, another opens the link
# --------------------------------------------------------------------------------------------

LONG_NAME = "Association Les Tilleuls"
SIZES = [(390, 844), (768, 1024), (1280, 800)]


def shared_link(page: Page, site, lang: str, form_id: str, label: str) -> str:
    """A partner takes the quiz by clicking from the intro, names themselves in the share panel, and reads the
    link there, as they would to send it."""
    from test_quiz_browser import take_quiz

    from partnership.quiz import favouring

    page.goto(f"{site.url}{lang}/{QUIZ_PAGE}")
    take_quiz(page, lang, favouring(QUIZ, form_id), self_form=form_id, wish=FORM_IDS[(FORM_IDS.index(form_id) + 1) % 7])
    share = page.locator(".quiz__share")
    share.get_by_label(ui("share_label", lang), exact=True).fill(label)
    link = share.get_by_label(ui("share_link", lang), exact=True)
    expect(link).to_have_value(re.compile(re.escape(quote(label)) + "$"))
    return link.input_value()


def answer_in_turn(page: Page, lang: str, form_id: str) -> None:
    """From the banner of a partner's link: the reader's own answers, by clicking, then "Compare"."""
    from test_quiz_browser import answer_question

    from partnership.quiz import favouring

    banner(page).get_by_role("button", name=ui("take_to_compare", lang), exact=True).click()
    answers = favouring(QUIZ, form_id)
    for number, question in enumerate(QUESTIONS, start=1):
        answer_question(page, number, answers[question.id], lang)
    page.get_by_role("button", name=ui("next", lang), exact=True).click()
    page.get_by_role("button", name=ui("next", lang), exact=True).click()
    page.get_by_role("button", name=ui("see_result", lang), exact=True).click()
    page.get_by_role("button", name=ui("compare", lang), exact=True).click()
    expect(compare_rows(page)).to_have_count(2)


@pytest.fixture
def opened(site, open_page) -> Callable[..., Page]:
    """Factory: a first partner shares (a context of its own); a second opens the link at a size."""

    def make(lang: str = "fr", width: int = 390, height: int = 844, form_id: str = "cooperation",
             label: str = LONG_NAME) -> Page:
        link = shared_link(open_page(), site, lang, form_id, label)
        page = open_page(width=width, height=height)
        page.goto(link)
        expect(banner(page)).to_be_visible()
        return page

    return make


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_partners_link_explains_itself_in_the_first_phone_screen(opened, lang):
    from partnership.quiz_facts import quiz_facts

    page = opened(lang)
    region = page.get_by_role("region", name=ui("banner_title", lang), exact=True)
    expect(region).to_contain_text(ui("banner_sent", lang, label=LONG_NAME))
    expect(region).to_contain_text(ui("banner_kept", lang))
    expect(region).to_contain_text(ui("banner_todo", lang, minutes=quiz_facts()["minutes"]))
    primary = page.locator("[data-compare] .md-button--primary")
    expect(primary).to_have_count(1)
    expect(region.get_by_role("button", name=ui("take_to_compare", lang), exact=True)).to_have_class(
        re.compile("md-button--primary"))
    assert_lands(page, region)


def test_each_partners_result_is_drawn_once_in_each_view(opened):
    page = opened()
    view = page.locator("[data-compare]")
    expect(view.locator(".quiz-card")).to_have_count(1)  # alone: their card and its figure
    expect(view.locator(".forms-scale")).to_have_count(1)
    expect(view.locator(".quiz__chart, table, svg.quiz__marks")).to_have_count(0)
    answer_in_turn(page, "fr", "information")
    expect(view.locator(".quiz__chart")).to_have_count(1)  # side by side: one chart, one row each
    expect(view.locator(".quiz-card, .forms-scale, svg")).to_have_count(0)
    expect(view.locator(".quiz__chart tbody tr")).to_have_count(2)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_figure_names_the_partner_instead_of_this_partnership(opened, lang):
    from partnership.data import load_strings

    page = opened(lang)
    here = page.locator("[data-compare] .forms-scale__step--current .forms-scale__here")
    expect(here).to_have_text([LONG_NAME])
    this_partnership = load_strings()["figure_here"][lang]
    expect(page.locator("[data-compare]").get_by_text(this_partnership, exact=True)).to_have_count(0)


def font_sizes(page: Page) -> dict[str, float]:
    return page.evaluate("""() => {
      const size = (selector) => [...document.querySelectorAll(selector)].map(
        (node) => parseFloat(getComputedStyle(node).fontSize));
      return {names: size('.quiz__chart tbody th'), heads: size('.quiz__chart thead th'),
              key: size('.quiz__chart-key li'), legend: size('.quiz__legend > span'),
              body: size('.quiz__far p')};
    }""")


def test_the_charts_text_is_the_size_of_the_text_around_it_on_screen_and_printed(opened):
    page = opened(width=768, height=1024, form_id="service")
    answer_in_turn(page, "fr", "cooperation")
    page.evaluate("() => { window.print = () => {}; }")
    for media in ("screen", "print"):
        if media == "print":
            page.get_by_role("button", name=ui("print", "fr"), exact=True).click()
            page.emulate_media(media="print")
        sizes = font_sizes(page)
        body = sizes.pop("body")
        assert len(body) == 1, sizes
        for what, found in sizes.items():
            assert found and set(found) == set(body), (media, what, found, body)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_no_word_is_broken_inside_itself_in_the_comparison(opened, width, height):
    page = opened(width=width, height=height, form_id="concertation")
    assert words_broken_inside(page, "[data-compare]") == []
    answer_in_turn(page, "fr", "cooperation")
    expect(page.locator("[data-compare]")).to_contain_text(form_name("cooperation", "fr"))
    assert words_broken_inside(page, "[data-compare]") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_pair_far_apart_is_said_once_in_one_short_line(opened, lang):
    page = opened(lang, form_id="service")
    answer_in_turn(page, lang, "fusion")
    far = page.locator(".quiz__far li")
    steps = ui("step_many", lang, count=6)
    expect(far).to_have_text([ui("far_apart_me", lang, b=LONG_NAME, steps=steps,
                                 **{"from": form_name("fusion", lang), "to": form_name("service", lang)})])
    expect(page.get_by_text(ui("far_apart_note", lang), exact=True)).to_have_count(1)


def test_the_paste_form_says_what_is_wrong_at_the_field_and_at_its_top(site, opened, open_page):
    page = opened(width=1280, height=800, form_id="service")
    link = shared_link(open_page(), site, "fr", "fusion", "B")
    form = page.locator("form[data-add-partner]")
    expect(form).to_have_attribute("novalidate", "")
    field = form.get_by_label(ui("add_label", "fr"), exact=True)
    field.fill("bonjour")
    form.get_by_role("button", name=ui("add_button", "fr"), exact=True).click()
    summary = form.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading", name=ui("error_title", "fr"))).to_be_visible()
    expect(summary.get_by_role("link", name=ui("add_not_link", "fr"), exact=True)).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(form.locator(".quiz__error")).to_contain_text(ui("add_not_link", "fr"))
    summary.get_by_role("link").click()
    expect(field).to_be_focused()
    field.fill(link)
    form.get_by_role("button", name=ui("add_button", "fr"), exact=True).click()
    expect(added_status(page)).to_have_text(ui("added", "fr", label="B"))
    form = page.locator("form[data-add-partner]")
    expect(form.get_by_role("alert")).to_have_count(0)
    form.get_by_label(ui("add_label", "fr"), exact=True).fill(link)
    form.get_by_role("button", name=ui("add_button", "fr"), exact=True).click()
    expect(added_status(page)).to_have_text("")  # the old confirmation never stays beside a new error
    expect(form.get_by_role("alert")).to_contain_text(ui("add_same", "fr"))


def test_the_printed_comparison_says_the_partnership_the_date_and_the_partners(opened):
    from datetime import date

    from pypdf import PdfReader

    page = opened(width=1280, height=800)
    answer_in_turn(page, "fr", "information")
    page.get_by_label(ui("print_name_label", "fr"), exact=True).fill("Jardins partagés du quartier")
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name=ui("print", "fr"), exact=True).click()
    printed = re.sub(r"\s+", " ", PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text())
    today = page.evaluate("() => new Intl.DateTimeFormat('fr', {dateStyle: 'long'}).format(new Date())")
    assert str(date.today().year) in today
    for said in ("Jardins partagés du quartier", today, f"{ui('me', 'fr')}, {LONG_NAME}"):
        assert said.replace("\u00a0", " ") in printed.replace("\u00a0", " "), (said, printed[:300])


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_view_of_the_comparison_lands_below_the_header(site, opened, open_page, width, height):
    page = opened(width=width, height=height)
    assert_lands(page, banner(page))
    answer_in_turn(page, "fr", "information")
    assert_lands(page, page.get_by_role("heading", name=ui("compare_title", "fr"), exact=True))
    link = shared_link(open_page(), site, "fr", "fusion", "B")
    page.get_by_label(ui("add_label", "fr"), exact=True).fill(link)
    page.get_by_role("button", name=ui("add_button", "fr"), exact=True).click()
    expect(compare_rows(page)).to_have_count(3)
    assert_lands(page, page.get_by_role("heading", name=ui("compare_title", "fr"), exact=True))
    page.get_by_role("button", name=ui("remove_partner", "fr", label="B"), exact=True).click()
    expect(compare_rows(page)).to_have_count(2)
    assert_lands(page, page.get_by_role("heading", name=ui("compare_title", "fr"), exact=True))
