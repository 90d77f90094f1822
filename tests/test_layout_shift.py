"""Nothing moves under the reader's eyes while a page loads: layout shift (CLS) at most 0.02 on every page.

A slow connection is what makes a page jump: the browser paints what it has, then a script arrives and
changes it. Each test holds the page's scripts back (Material's bundle, the quiz's quiz.js) until the
browser has painted the page, lets them run, waits until they have done their work, and adds up the
layout shifts Chromium reports (PerformanceObserver 'layout-shift', the measure behind Lighthouse's CLS).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, free_port, running, site_pages
from playwright.sync_api import Page, Route, expect
from sitebuild.server import SiteHandler
from test_compare_browser import compare_rows, full_state
from test_quiz_browser import FORM_IDS, STORAGE_KEY

from partnership.newsletter import load_kit

LANGUAGES = ("fr", "en")
PAGES = sorted(f"{p.stem}.html" for p in (Path(__file__).parent.parent / "content" / "fr").glob("*.md"))
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
MAX_SHIFT = 0.02
HELD = ("**/assets/javascripts/bundle.*.min.js", "**/quiz/quiz.js")
# Adds up the layout shifts not caused by the reader (as CLS does), from the start of the page: Chromium keeps
# a page's layout-shift entries for an observer that asks for them (buffered), so it can be attached at the end.
# Two frames after the scripts' work, the last layout has been measured; entries not yet handed to the
# callback are taken from the observer's queue.
SHIFT = """() => new Promise(done => {
  const shifts = [];
  const add = entries => { for (const entry of entries) if (!entry.hadRecentInput) shifts.push(entry); };
  const observer = new PerformanceObserver(list => add(list.getEntries()));
  observer.observe({ type: "layout-shift", buffered: true });
  const name = node => !node ? "?" : node.nodeType !== 1 ? `text in ${name(node.parentElement)}`
    : node.localName + (node.id ? "#" + node.id : "") + [...node.classList].map(c => "." + c).join("");
  const rect = r => `y ${Math.round(r.y)} h ${Math.round(r.height)}`;
  const what = entry => `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ` + entry.sources.map(
    source => `${name(source.node)} ${rect(source.previousRect)} -> ${rect(source.currentRect)}`).join(", ");
  requestAnimationFrame(() => requestAnimationFrame(() => {
    add(observer.takeRecords());
    done({ total: shifts.reduce((sum, entry) => sum + entry.value, 0), moved: shifts.map(what) });
  }));
})"""
PAINTED = "() => performance.getEntriesByType('paint').some(entry => entry.name === 'first-contentful-paint')"


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    def make(viewport: dict[str, int]) -> Page:
        return new_page(viewport=viewport, locale="fr-FR")

    return make


def hold_scripts(page: Page, patterns: tuple[str, ...] = HELD) -> Callable[[], None]:
    """Holds the page's requests for `patterns` back; returns what lets them (and any later one) through."""
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    def release() -> None:
        nonlocal released
        released = True
        for route in held:
            route.continue_()

    for pattern in patterns:
        page.route(pattern, hold)
    return release


def load_with_scripts_held(page: Page, url: str, reload: bool = False) -> None:
    """Opens (or reloads) url with its scripts held back until the browser has painted the page."""
    release = hold_scripts(page)
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    page.wait_for_function(PAINTED)
    release()


def shift(page: Page) -> dict[str, object]:
    """{total: the layout shift so far, moved: one line per shift, naming what moved}, once the page has loaded."""
    page.wait_for_load_state("load")
    return page.evaluate(SHIFT)


def assert_still(page: Page) -> None:
    measured = shift(page)
    assert measured["total"] <= MAX_SHIFT, f"layout shift {measured['total']:.4f}:\n" + "\n".join(measured["moved"])


def test_the_measure_counts_a_block_that_pushes_the_text_down_after_the_first_paint(site, open_page):
    """What the tests below add up is what a reader sees move: text pushed down by a late block counts."""
    page = open_page(VIEWPORTS["phone"])
    load_with_scripts_held(page, f"{site.url}en/{site_pages()[0].removesuffix('.md')}.html")  # a page of text
    page.wait_for_load_state("load")
    page.evaluate("""() => new Promise(done => requestAnimationFrame(() => {
      const late = document.createElement("div");
      late.style.height = "200px";
      document.querySelector("article").prepend(late);
      requestAnimationFrame(() => done());
    }))""")
    assert shift(page)["total"] > 0.1


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_no_page_moves_while_it_loads(site, open_page, path, lang, viewport):
    page = open_page(VIEWPORTS[viewport])
    load_with_scripts_held(page, f"{site.url}{lang}/{path}")
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator("html")).not_to_have_class("no-js")  # Material's bundle has run
    if path == "quiz.html":
        expect(page.locator("[data-quiz]")).to_have_attribute("data-state", "intro")
    assert_still(page)


@contextlib.contextmanager
def sent_in_two_parts(site_dir: Path, path: str, cut: str) -> Iterator[tuple[str, threading.Event]]:
    """Serves the built site; the page at `path` arrives in two parts, as over a slow connection: the HTML
    up to `cut`, then the rest once the event is set. Yields (the page's address, the event)."""
    html = (site_dir / path).read_bytes()
    at = html.index(cut.encode())
    rest = threading.Event()

    class Handler(SiteHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path != f"/{path}":
                super().do_GET()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()  # no length: the page ends when the connection closes
            self.wfile.write(html[:at])
            self.wfile.flush()
            rest.wait(timeout=60)  # a bound, not a wait: the test sets it once the first part is on screen
            self.wfile.write(html[at:])

    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(site_dir)))
    server.daemon_threads = True
    with running(server):
        try:
            yield f"http://127.0.0.1:{port}/{path}", rest
        finally:
            rest.set()  # the page's request ends before the server stops


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_footer_that_arrives_in_two_parts_does_not_move(site, open_page, viewport):
    """Material keeps the footer at the foot of the screen on a short page: a footer painted before all of it
    had arrived sat there, short, then moved up as it grew (found in a loaded run: the quiz page on a
    phone, 0.063)."""
    page = open_page(VIEWPORTS[viewport])
    with sent_in_two_parts(site.path, "fr/quiz.html", '<div class="md-footer-meta') as (url, rest):
        page.goto(url, wait_until="commit")
        page.wait_for_function("() => document.querySelector('.md-footer') !== null")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        rest.set()
        expect(page.locator(".site-footer")).to_be_visible()
        assert_still(page)


def store(page: Page, url: str, state: dict[str, object]) -> None:
    """Opens the quiz page at url and keeps `state` there, as a reader's earlier visit left it."""
    page.goto(url)
    page.evaluate("([key, state]) => localStorage.setItem(key, state)", [STORAGE_KEY, json.dumps(state)])


# The view the quiz opens on when a reader comes back to it: (stored state, what shows)
RESUMED = {
    "step": ({"answers": {}, "self": "", "wish": "", "meet": [], "own": [], "step": 3, "shown": "steps"}, "steps"),
    "result": ({**full_state(FORM_IDS[3]), "step": 13, "shown": "result"}, "result"),
}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("resumed", RESUMED)
def test_the_quiz_resumed_at_a_step_or_its_result_does_not_move_while_it_loads(site, open_page, lang, resumed,
                                                                                 viewport):
    page = open_page(VIEWPORTS[viewport])
    state, shown = RESUMED[resumed]
    store(page, f"{site.url}{lang}/quiz.html", state)
    load_with_scripts_held(page, page.url, reload=True)  # a reload resumes where the reader was
    expect(page.locator("[data-quiz]")).to_have_attribute("data-state", shown)
    expect(page.locator("[data-quiz] fieldset:visible, [data-result]:visible").first).to_be_visible()
    assert_still(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_result_waits_for_the_comparison_s_style_when_it_comes_after_its_script(site, open_page, viewport):
    """The share section is styled by compare.css: shown before it, its fields would grow and move once it
    arrives (found in a loaded run: 0.04)."""
    page = open_page(VIEWPORTS[viewport])
    store(page, f"{site.url}en/quiz.html", RESUMED["result"][0])
    release_style = hold_scripts(page, ("**/quiz/compare.css",))
    load_with_scripts_held(page, page.url, reload=True)
    page.wait_for_function("() => typeof window.PartnershipQuiz?.sharePanel === 'function'")  # compare.js has run
    expect(page.locator("[data-quiz]")).to_have_class(re.compile(r"\bquiz--loading\b"))
    expect(page.locator(".quiz__result")).not_to_be_visible()
    release_style()
    expect(page.locator(".quiz__result")).to_be_visible()
    assert_still(page)


def test_a_result_shows_when_the_comparison_s_style_cannot_load(site, open_page):
    page = open_page(VIEWPORTS["phone"])
    store(page, f"{site.url}fr/quiz.html", RESUMED["result"][0])
    page.route("**/quiz/compare.css", lambda route: route.abort())
    page.reload()
    expect(page.locator(".quiz__result")).to_be_visible()
    expect(page.get_by_role("button", name="Copier le lien")).to_be_visible()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_partner_s_link_opens_the_comparison_without_moving_the_page(site, open_page, viewport):
    page = open_page(VIEWPORTS[viewport])
    page.goto(f"{site.url}en/quiz.html")
    partner = {"answers": {"for-or-with": "a"}, "self": "service", "wish": "fusion", "meet": [], "own": []}
    page.evaluate("() => PartnershipQuiz.loadCompare()")
    code = page.evaluate("s => PartnershipQuiz.encode(s, 'Town hall', false)", partner)
    page.goto("about:blank")
    load_with_scripts_held(page, f"{site.url}en/quiz.html#p={code}")
    expect(page.locator("[data-quiz]")).to_have_attribute("data-state", "compare")
    expect(compare_rows(page)).to_have_count(1)  # the partner alone: their card
    assert_still(page)


@pytest.mark.parametrize("failure", ("missing", "blocked"))
def test_without_quiz_js_the_paper_version_shows(site, open_page, failure):
    page = open_page(VIEWPORTS["phone"])
    if failure == "missing":
        page.route("**/quiz/quiz.js", lambda route: route.fulfill(status=404, body="Not found"))
    else:
        page.route("**/quiz/quiz.js", lambda route: route.abort())
    page.goto(f"{site.url}fr/quiz.html")
    expect(page.get_by_role("group").first).to_be_visible()  # the first question, on paper
    expect(page.get_by_role("heading", level=2).first).to_be_visible()
    expect(page.locator("[data-quiz]")).not_to_have_class(re.compile(r"\bquiz--loading\b"))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_what_shows_only_with_javascript_is_in_place_before_material_s_bundle_arrives(site, open_page, viewport):
    page = open_page(VIEWPORTS[viewport])
    release = hold_scripts(page, ("**/assets/javascripts/bundle.*.min.js",))
    kit = next(page.stem for page in sorted((ROOT / "content" / "en").glob("*.md"))  # the newsletter kit's page
               if "<!-- newsletter:" in page.read_text(encoding="utf-8"))
    page.goto(f"{site.url}en/{kit}.html", wait_until="commit")
    page.wait_for_function(PAINTED)
    expect(page.get_by_role("button", name=load_kit().ui["copy_link"]["en"], exact=True).first).to_be_visible()
    banner = page.get_by_role("banner")
    if viewport == "phone":
        expect(banner.locator("label.md-header__button[for=__search]")).to_be_visible()
    else:
        expect(banner.get_by_role("textbox", name="Search")).to_be_visible()
    assert page.evaluate("() => typeof window.component$") == "undefined"  # the bundle has not run yet
    release()
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")
    assert_still(page)
