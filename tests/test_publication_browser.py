"""The site reads like a publication: what a reader sees on a phone and a desktop, checked in Chromium.

Accessibility is checked by axe-core (tests/axe.py), all its rules (WCAG 2.0 to 2.2 A and AA, and its
best practices), on every page of both languages at 360 and 1280 px and in what Material's scripts
open (search, menus, the "copied" message); colours also on hovered and focused controls. Layout is
checked by bounding boxes, not pixels: what is above the fold, what overlaps, what is clipped. Each
layout test also saves a screenshot in test-results/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe import add_style, axe_violations, describe, without_transitions
from conftest import ROOT, site_pages
from helpers import material_started, press_shortcut
from playwright.sync_api import Locator, Page, expect

from partnership.data import load_forms, load_strings, markdown_ids
from partnership.footer import last_update, load_publisher
from partnership.forms import FORMS_PAGE
from partnership.newsletter import load_kit
from partnership.quiz_facts import quiz_facts

LANGUAGES = ("fr", "en")
OTHER = {"fr": "en", "en": "fr"}
PAGES = sorted(path.name.replace(".md", ".html") for path in (ROOT / "content" / "fr").glob("*.md"))
MISSING = "no-such-page.html"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOTS = ROOT / "test-results"
STRINGS = load_strings()
FACTS = quiz_facts()
# What the reader must find, as the issue words it.
# a page of the site (from the menu) with sections, and its first section's id
SITE_PAGE, SITE_ANCHOR = next((page.removesuffix(".md") + ".html", markdown_ids(ROOT / "content" / "fr" / page)[0])
                              for page in site_pages() if markdown_ids(ROOT / "content" / "fr" / page))
KIT_PAGE = next(page.stem + ".html" for page in sorted((ROOT / "content" / "fr").glob("*.md"))  # the kit's page
                if "<!-- newsletter:" in page.read_text(encoding="utf-8"))


def _home_button(lang: str, target: str) -> str:
    """The words of the home page's button to `target` (content/<lang>/index.md), its count filled in."""
    text = (ROOT / "content" / lang / "index.md").read_text(encoding="utf-8")
    words = re.search(rf"\[([^\]]+)\]\({re.escape(target)}[#)][^\n]*md-button", text)
    assert words, f"content/{lang}/index.md: no button to {target}"
    return re.sub(r"\{quiz_minutes\}[ \u00a0]", f"{FACTS['minutes']}\u00a0", words.group(1))


READ_FORMS = {lang: _home_button(lang, FORMS_PAGE) for lang in LANGUAGES}
TAKE_QUIZ = {lang: _home_button(lang, "quiz.md") for lang in LANGUAGES}
RESULT_TAKE_QUIZ = {lang: STRINGS["take_quiz"][lang].format(minutes=FACTS["minutes"]) for lang in LANGUAGES}
COPY_LINK = {lang: load_kit().ui["copy_link"][lang] for lang in LANGUAGES}
COPY_TEXT = {lang: load_kit().ui["copy_text"][lang] for lang in LANGUAGES}


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    """Factory: a page of the built site in a fresh context of the given viewport."""

    def make(viewport: dict[str, int], java_script_enabled: bool = True) -> Page:
        return new_page(viewport=viewport, java_script_enabled=java_script_enabled)

    return make


def screenshot(page: Page, name: str) -> None:
    """A full-page picture for a person to look at (test-results/ is not committed)."""
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not displayed"
    return found


def above_the_fold(locator: Locator, height: int) -> bool:
    found = box(locator)
    return found["y"] >= 0 and found["y"] + found["height"] <= height


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


# --------------------------------------------------------------------------------------------
# A palette that passes WCAG AA everywhere
# --------------------------------------------------------------------------------------------


WIDTHS = (360, 1280)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [*PAGES, MISSING])
def test_no_accessibility_violation_on_any_page(site, open_page, path, lang):
    """All of axe's rules: WCAG 2.0, 2.1 and 2.2 A and AA (colour contrast included) and its best practices,
    at each width (the page loaded once, then the window resized, as a reader turning a tablet does)."""
    page = open_page({"width": WIDTHS[0], "height": 800})
    page.goto(f"{site.url}{lang}/{path}", wait_until="load")
    without_transitions(page)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        violations = axe_violations(page)
        assert violations == [], f"at {width} px: {describe(violations)}"


@pytest.mark.parametrize("path", ["", "404.html"], ids=["chooser", "404"])
def test_no_accessibility_violation_at_the_site_root(site, new_page, path):
    page = new_page(locale="de-DE", viewport={"width": WIDTHS[0], "height": 800})  # not a language it picks
    page.goto(f"{site.url}{path}", wait_until="load")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        link = page.get_by_role("link").last
        expect(link).to_be_visible()
        violations = axe_violations(page)
        assert violations == [], f"at {width} px: {describe(violations)}"
        link.focus()
        violations = axe_violations(page, rules=("color-contrast",))
        assert violations == [], f"at {width} px, the last link focused: {describe(violations)}"
        link.blur()


def _search_results(page: Page, lang: str) -> None:
    press_shortcut(page, "/")
    page.get_by_role("textbox", name={"fr": "Rechercher", "en": "Search"}[lang]).press_sequentially("partena")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def _menu(page: Page, lang: str) -> None:
    page.get_by_role("banner").locator("label[for=__drawer]").click()
    expect(page.get_by_role("navigation", name="Navigation")).to_be_in_viewport()


def _language_menu(page: Page, lang: str) -> None:
    page.get_by_role("banner").get_by_role("button", name={"fr": "Sélectionner la langue",
                                                          "en": "Select language"}[lang]).click()
    expect(page.get_by_role("banner").get_by_role("link", name="English")).to_be_visible()


def _copied(page: Page, lang: str) -> None:
    material_started(page)  # the copy buttons are Material's
    page.get_by_role("button", name=COPY_LINK[lang], exact=True).last.click()
    message = page.get_by_role("status").filter(has_text={"fr": "Copié", "en": "Copied"}[lang])
    expect(message).to_be_visible()
    # Material fades the message out 2 s later; under load axe could measure it half-faded. Hold it as a
    # reader sees it, fully shown (its own .md-dialog--active look), for as long as axe looks at it.
    add_style(page, ".md-dialog { opacity: 1 !important; transform: none !important; transition: none !important; }")
    expect(message).to_have_css("opacity", "1")


# what a reader opens with Material's scripts: (page, viewport, how)
STATES = {
    "search results": ("index.html", DESKTOP, _search_results),
    "search results on a phone": ("quiz.html", {"width": 360, "height": 800}, _search_results),
    "menu on a phone": ("partnership-culture.html", {"width": 360, "height": 800}, _menu),
    "language menu": ("editorial.html", DESKTOP, _language_menu),
    "link copied": (KIT_PAGE, DESKTOP, _copied),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("state", STATES)
def test_no_accessibility_violation_in_what_material_s_scripts_open(site, new_page, state, lang):
    path, viewport, how = STATES[state]
    page = new_page(viewport=viewport, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site.url}{lang}/{path}", wait_until="load")
    without_transitions(page)
    how(page, lang)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hovered_and_focused_controls_keep_their_contrast(site, open_page, lang):
    page = open_page(DESKTOP)
    page.goto(f"{site.url}{lang}/index.html", wait_until="load")
    without_transitions(page)
    article = page.locator("article")
    controls = [article.get_by_role("link", name=READ_FORMS[lang]), article.get_by_role("link", name=TAKE_QUIZ[lang]),
                article.locator(".forms-scale__step").nth(3), page.get_by_role("contentinfo").get_by_role("link").last]
    for control in controls:
        control.hover()
        violations = axe_violations(page, rules=("color-contrast",))
        assert violations == [], f"hovering {control}: {describe(violations)}"
    page.mouse.move(0, 0)
    page.locator("body").focus()
    for _ in range(40):  # keyboard focus through the header, the menu, the page and its footer
        page.keyboard.press("Tab")
        if not page.evaluate("() => document.querySelector(':focus') !== null"):
            continue  # the focus left the page's content (the browser's own controls)
        violations = axe_violations(page, rules=("color-contrast",), context=":focus")
        focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
        assert violations == [], f"focus on {focused}: {describe(violations)}"


# --------------------------------------------------------------------------------------------
# Home page: the five-second test
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_shows_a_promise_and_two_actions_above_the_fold_on_a_phone(site, open_page, lang):
    page = open_page(PHONE)
    page.goto(f"{site.url}{lang}/index.html", wait_until="load")
    screenshot(page, f"home-{lang}-phone")
    title = page.get_by_role("heading", level=1)
    lead = page.locator(".home-lead")
    read = page.get_by_role("link", name=READ_FORMS[lang], exact=True)
    quiz = page.get_by_role("link", name=TAKE_QUIZ[lang], exact=True)
    for element in (title, lead, read, quiz):
        expect(element).to_be_visible()
        assert above_the_fold(element, PHONE["height"]), element
    assert box(title)["height"] < 130  # two lines at most: a one-line promise, not a paragraph
    assert not overlap(box(read), box(quiz))
    expect(page.locator(".home-facts")).to_contain_text(f"{FACTS['questions']} questions")
    expect(quiz).to_have_attribute("href", "quiz.html")
    expect(read).to_have_attribute("href", "partnership-culture.html#forms")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_on_a_desktop_shows_the_two_actions_side_by_side_in_the_first_screen(site, open_page, lang):
    page = open_page(DESKTOP)
    page.goto(f"{site.url}{lang}/index.html", wait_until="load")
    screenshot(page, f"home-{lang}-desktop")
    read, quiz = (page.get_by_role("link", name=name[lang], exact=True) for name in (READ_FORMS, TAKE_QUIZ))
    assert above_the_fold(read, DESKTOP["height"]) and above_the_fold(quiz, DESKTOP["height"])
    assert box(read)["y"] == box(quiz)["y"] and not overlap(box(read), box(quiz))


# --------------------------------------------------------------------------------------------
# The figure of the seven forms
# --------------------------------------------------------------------------------------------


# Down at every width: across, seven names at body size ("Concertation" bold, 92ch) need more room than the text
# column of at most about 75 characters (54ch) gives.
@pytest.mark.parametrize(("viewport", "direction"), [(PHONE, "down"), ({"width": 360, "height": 800}, "down"),
                                                     (DESKTOP, "down")], ids=["390", "360", "1280"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_figure_sits_in_the_text_column_at_body_size_with_seven_equal_steps(site, open_page, lang, viewport,
                                                                                direction):
    page = open_page(viewport)
    page.goto(f"{site.url}{lang}/partnership-culture.html#figure", wait_until="load")
    figure = page.locator("figure.forms-scale")
    figure.scroll_into_view_if_needed()
    screenshot(page, f"forms-{lang}-{viewport['width']}")
    text = page.locator("article .after-text p").last  # a paragraph of the text column
    figure_box, text_box = box(figure), box(text)
    assert abs(figure_box["x"] - text_box["x"]) <= 1 and figure_box["x"] + figure_box["width"] <= (
        text_box["x"] + text_box["width"] + 1)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    body_size = text.evaluate("element => getComputedStyle(element).fontSize")
    names = figure.locator(".forms-scale__name")
    expect(names).to_have_count(7)
    assert {names.nth(i).evaluate("element => getComputedStyle(element).fontSize") for i in range(7)} == {body_size}
    marks = [box(figure.locator(".forms-scale__mark").nth(i)) for i in range(7)]
    assert len({(round(mark["width"]), round(mark["height"])) for mark in marks}) == 1  # equal steps
    same = "x" if direction == "down" else "y"
    assert len({round(mark[same]) for mark in marks}) == 1  # on one line
    gaps = {round(b["y" if direction == "down" else "x"] - a["y" if direction == "down" else "x"])
            for a, b in zip(marks, marks[1:], strict=False)}
    assert max(gaps) - min(gaps) <= 2  # evenly spaced
    colours = {figure.locator(".forms-scale__mark").nth(i).evaluate("e => getComputedStyle(e).borderTopColor")
               for i in range(7)}
    assert len(colours) == 1  # one neutral colour
    steps = [box(figure.locator(".forms-scale__step").nth(i)) for i in range(7)]
    assert not any(overlap(a, b) for i, a in enumerate(steps) for b in steps[i + 1:])
    for end in ("start", "end"):
        expect(figure.locator(f".forms-scale__end--{end}")).to_have_text(
            re.compile(re.escape(STRINGS[f"scale_{end}"][lang]).replace(r"\ ", r"\s")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_figure_step_leads_to_its_form(site, open_page, lang):
    fourth = load_forms()[3]
    page = open_page(PHONE)
    page.goto(f"{site.url}{lang}/partnership-culture.html#figure")
    page.locator("figure.forms-scale").get_by_role("link").nth(3).click()
    expect(page).to_have_url(f"{site.url}{lang}/partnership-culture.html#{fourth.id}")
    expect(page.locator(f"#{fourth.id}")).to_be_in_viewport()


# --------------------------------------------------------------------------------------------
# Result pages, reached from a newsletter
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("form", ["service", "reciprocity"])
def test_a_result_page_says_what_the_site_is_and_offers_the_quiz_in_the_first_screen(site, open_page, lang, form):
    page = open_page(PHONE)
    page.goto(f"{site.url}{lang}/result-{form}.html", wait_until="load")
    screenshot(page, f"result-{form}-{lang}-phone")
    context = page.locator(".result-page__context")
    quiz = page.locator(".result-page__start").get_by_role("link", name=RESULT_TAKE_QUIZ[lang], exact=True)
    for element in (page.get_by_role("heading", level=1), context, quiz):
        expect(element).to_be_visible()
        assert above_the_fold(element, PHONE["height"]), element
    expect(context).to_contain_text(STRINGS["site_name"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_current_form_is_marked_by_a_written_label_not_by_colour_alone(site, open_page, lang):
    page = open_page(DESKTOP)
    page.goto(f"{site.url}{lang}/result-cooperation.html", wait_until="load")
    screenshot(page, f"result-cooperation-{lang}-desktop")
    figure = page.locator("figure.forms-scale")
    current = figure.locator(".forms-scale__step--current")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("data-form", "cooperation")
    expect(current).to_have_attribute("aria-current", "true")
    label = figure.locator(".forms-scale__here").filter(visible=True)
    expect(label).to_have_count(1)
    expect(label).to_have_text(STRINGS["figure_here"][lang])
    assert overlap(box(label), box(current))
    expect(current).to_have_accessible_name(re.compile(re.escape(STRINGS["figure_here"][lang]) + "$"))


# --------------------------------------------------------------------------------------------
# The newsletter kit on a phone
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", (360, 1280))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_kit_gives_a_card_and_a_large_copy_button_per_page_and_folds_the_other_forms(site, open_page, lang,
                                                                                          width):
    page = open_page({"width": width, "height": 800})
    page.goto(f"{site.url}{lang}/{KIT_PAGE}", wait_until="load")
    cards = page.locator(".newsletter-links .newsletter-card")
    expect(cards).to_have_count(len(load_kit().pages))
    buttons = cards.get_by_role("button", name=COPY_LINK[lang], exact=True)
    expect(buttons).to_have_count(len(load_kit().pages))
    for index in range(len(load_kit().pages)):
        button = box(buttons.nth(index))
        assert button["height"] >= 44 and button["width"] >= (280 if width == 360 else 120), button
    expect(cards.locator("pre").first).to_be_hidden()  # Markdown and HTML folded
    blurbs = page.locator(".newsletter-blurbs").get_by_role("button", name=COPY_TEXT[lang], exact=True)
    expect(blurbs).to_have_count(len(load_kit().blurbs))
    for summary in cards.locator("summary").all():
        summary.click()
    screenshot(page, f"kit-{lang}-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    boxes = [box(cards.nth(index)) for index in range(len(load_kit().pages))]
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    clipped = page.evaluate("""() => [...document.querySelectorAll('article pre, article code, article p')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.slice(0, 60))""")
    assert clipped == []
    covered = page.evaluate("""() => [...document.querySelectorAll('article pre')].filter(pre => {
        const icon = pre.querySelector('.md-clipboard');
        if (!icon) return false;
        const r = icon.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(pre.querySelector('code'));
        return [...range.getClientRects()].some(t => t.width > 0 && t.left < r.right && r.left < t.right
            && t.top < r.bottom && r.top < t.bottom);
    }).map(pre => pre.textContent.slice(0, 60))""")
    assert covered == []  # the copy icon never sits on the address


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_link_copies_the_address_of_its_page(site, new_page, lang):
    page = new_page(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site.url}{lang}/{KIT_PAGE}", wait_until="load")
    material_started(page)  # the copy buttons are Material's
    page.get_by_role("button", name=COPY_LINK[lang], exact=True).last.click()
    expect(page.locator(".md-dialog")).to_be_visible()  # Material's "Copied to clipboard"
    assert page.evaluate("navigator.clipboard.readText()") == f"{site.url}{lang}/{load_kit().pages[-1].page}"


def test_without_javascript_the_kit_shows_no_copy_button(site, open_page):
    page = open_page(PHONE, java_script_enabled=False)
    page.goto(f"{site.url}en/{KIT_PAGE}", wait_until="load")
    expect(page.locator(".newsletter-copy").filter(visible=True)).to_have_count(0)
    expect(page.get_by_text(f"{site.url}en/{load_kit().pages[-1].page}", exact=True)).to_be_visible()


# --------------------------------------------------------------------------------------------
# The frame: heading links, a strong title, a real footer
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heading_links_show_on_keyboard_focus_only_with_a_label(site, open_page, lang):
    page = open_page(PHONE)
    page.goto(f"{site.url}{lang}/{SITE_PAGE}", wait_until="load")
    link = page.locator(f'h2#{SITE_ANCHOR} a.headerlink')
    assert link.evaluate("element => getComputedStyle(element).opacity") == "0"
    expect(link).to_have_accessible_name(STRINGS["permalink_title"][lang])
    link.focus()
    expect(link).to_have_css("opacity", "1")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_title_is_the_strongest_heading(site, open_page, lang):
    page = open_page(DESKTOP)
    page.goto(f"{site.url}{lang}/{SITE_PAGE}", wait_until="load")
    h1, h2 = page.locator("h1"), page.locator("h2").first

    def style(locator: Locator, name: str) -> str:
        return locator.evaluate(f"element => getComputedStyle(element).{name}")

    # the strongest by size: every heading is bold (GOV.UK, DSFR), the title the largest, a section above the body
    body = page.locator(".md-content .md-typeset p:not([class])").first
    assert int(style(h1, "fontWeight")) >= 700
    assert float(style(h1, "fontSize")[:-2]) > float(style(h2, "fontSize")[:-2]) > float(style(body, "fontSize")[:-2])
    assert style(h1, "color") in ("rgba(0, 0, 0, 0.87)", "rgb(0, 0, 0)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_names_the_site_its_last_update_and_links_to_about_privacy_and_the_other_language(
    site, open_page, lang
):
    page = open_page(PHONE)
    page.goto(f"{site.url}{lang}/partnership-culture.html", wait_until="load")
    footer = page.get_by_role("contentinfo")
    expect(footer).to_contain_text(STRINGS["site_name"][lang])
    updated = last_update()
    assert updated is not None  # the tests run in the project's git history
    expect(footer.locator("time")).to_have_attribute("datetime", updated.isoformat())
    expect(footer.get_by_role("link", name=STRINGS["footer_about"][lang], exact=True)).to_have_attribute(
        "href", "about.html")
    expect(footer.get_by_role("link", name=STRINGS["footer_privacy"][lang], exact=True)).to_have_attribute(
        "href", "about.html#privacy")
    if not load_publisher()["publisher"][lang]:  # what content/publisher.yml leaves empty is left out
        expect(footer).not_to_contain_text(STRINGS["footer_publisher"][lang])
    footer.get_by_role("link", name=STRINGS["footer_other_language"][lang], exact=True).click()
    expect(page).to_have_url(f"{site.url}{OTHER[lang]}/partnership-culture.html")

