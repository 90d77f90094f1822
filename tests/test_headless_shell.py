"""The browser tests run in Chromium's headless shell; what it shows is what Chromium itself shows.

`/usr/bin/chromium-headless-shell` (Debian's package chromium-headless-shell, built from the same sources
and version as `/usr/bin/chromium`: the same Blink and V8, without the browser's user interface) is what
Playwright uses for headless tests. A page costs it about half the CPU it costs `/usr/bin/chromium`,
and the suite loads about a thousand pages. These tests open every page of both languages in both
browsers, on a phone, on a desktop and printed, and check that they show the same thing: every element
in the same place with the same size and text, the page of the same size, and no error in either console.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM_ARGS, FULL_CHROMIUM, Site
from helpers import NEXT_FRAME, open_settled
from playwright.sync_api import Browser, ConsoleMessage, Page
from sitebuild.bench import PHONE

LANGUAGES = ("fr", "en")
PAGES = sorted(f"{path.stem}.html" for path in (Path(__file__).parent.parent / "content" / "fr").glob("*.md"))
DESKTOP = {"width": 1280, "height": 800}
# The sizes a page is opened at, and what is seen at each: printing is seen on the desktop's page.
WINDOWS = {"phone": PHONE, "desktop": DESKTOP}
WAYS = {"phone": ("phone", "screen"), "desktop": ("desktop", "screen"), "print": ("desktop", "print")}

# Every element a reader can see: its tag, its box (CSS pixels, rounded), the text of an element without
# children; then the size of the page.
SEEN = """() => [
  ...[...document.body.querySelectorAll('*')]
    .filter(element => element.checkVisibility({visibilityProperty: true}))
    .map(element => {
      const box = element.getBoundingClientRect();
      const text = element.childElementCount ? '' : (element.innerText || '').trim().slice(0, 60);
      return [element.tagName, ...[box.x, box.y, box.width, box.height].map(Math.round), text];
    }),
  ['page', document.documentElement.scrollWidth, document.documentElement.scrollHeight],
]"""


@pytest.fixture(scope="module")
def chromium(browser: Browser) -> Iterator[Browser]:
    """Debian's Chromium itself, beside the headless shell the other tests use."""
    full = browser.browser_type.launch(executable_path=FULL_CHROMIUM, args=CHROMIUM_ARGS)
    yield full
    full.close()


@pytest.fixture(scope="module")
def pages(browser: Browser, chromium: Browser) -> Iterator[Callable[[Browser, str, str], Page]]:
    """A page of `browser` for each language and window, kept for the module: each test opens its address there."""
    opened: dict[tuple[int, str, str], Page] = {}

    def page_for(of: Browser, lang: str, window: str) -> Page:
        key = (id(of), lang, window)
        if key not in opened:
            opened[key] = of.new_context(viewport=WINDOWS[window], locale=f"{lang}-FR").new_page()
        return opened[key]

    yield page_for
    for page in opened.values():
        page.context.close()


def seen(of: Browser, pages: Callable[[Browser, str, str], Page], url: str, lang: str
         ) -> tuple[dict[str, list[list[object]]], list[str]]:
    """What `of` shows of url in each way (SEEN), and the errors in its console on the way."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def on_error(error: object) -> None:
        errors.append(str(error))

    shown: dict[str, list[list[object]]] = {}
    for window in WINDOWS:
        page = pages(of, lang, window)
        page.on("console", on_console)
        page.on("pageerror", on_error)
        try:
            page.emulate_media(media="screen")
            open_settled(page, url)
            for way, (its_window, media) in WAYS.items():
                if its_window == window:
                    page.emulate_media(media=media)  # the style sheets' print rules: no script runs
                    shown[way] = still(page)
        finally:
            page.remove_listener("console", on_console)
            page.remove_listener("pageerror", on_error)
    return shown, errors


def still(page: Page, timeout: float = 10.0) -> list[list[object]]:
    """What the page shows once it has stopped moving: SEEN, frame after frame, until two frames agree. Material
    sizes the sidebars to the part of the main area in the screen, a frame after that area changed (the quiz
    drawn, the footer shown): on a page about as tall as the screen, a busy machine saw the sidebars between
    two sizes."""
    bound = time.monotonic() + timeout  # a bound on a state, never a wait of its own
    before = page.evaluate(SEEN)
    while True:
        page.evaluate(NEXT_FRAME)
        now = page.evaluate(SEEN)
        if now == before or time.monotonic() > bound:
            return now
        before = now


def test_the_shell_is_the_same_chromium(browser: Browser, chromium: Browser) -> None:
    """Debian updates both packages together; a shell of another version would not show what Chromium does."""
    assert browser.version == chromium.version, f"shell {browser.version}, Chromium {chromium.version}: " \
        "run `sudo apt-get install chromium chromium-headless-shell` to bring both to the same version"


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_chromium_shows_what_the_headless_shell_shows(site: Site, browser: Browser, chromium: Browser, pages,
                                                       lang: str, name: str) -> None:
    url = f"{site.url}{lang}/{name}"
    in_shell, shell_errors = seen(browser, pages, url, lang)
    in_chromium, chromium_errors = seen(chromium, pages, url, lang)
    assert chromium_errors == shell_errors == []
    for way in WAYS:
        shell, full = in_shell[way], in_chromium[way]
        assert any(element[0] == "H1" for element in shell), (way, shell)  # the page was there
        differences = [pair for pair in zip(shell, full, strict=False) if pair[0] != pair[1]]
        if len(shell) != len(full) or differences:
            pytest.fail(f"{way}: {len(shell)} elements in the shell, {len(full)} in Chromium; "
                        f"the first that differ (shell, Chromium): {differences[:5]}")
