"""Reading built pages the way a reader sees them: visible text, elements by id, links."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

_BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "br", "figcaption", "title", "td", "th"}
_SKIP = {"script", "style", "svg", "template"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def article_html(path: Path) -> str:
    """The HTML of a page's article (Material's main content), without header, nav and footer."""
    html = path.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start:html.index("</article>", start)]


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    text = "".join(parser.parts).replace("¶", "")
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of the page, in order, with its attributes."""
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def lists_of_items(html: str) -> list[list[str]]:
    """The text of each item of each <ul>/<ol> of the HTML, list by list (not nested lists)."""
    found: list[list[str]] = []
    for match in re.finditer(r"<(ul|ol)>(.*?)</\1>", html, flags=re.S):
        items = re.findall(r"<li[^>]*>(.*?)</li>", match.group(2), flags=re.S)
        found.append([visible_text(item) for item in items])
    return found


def press_shortcut(page: object, key: str) -> None:
    """Press one of Material's keyboard shortcuts ("/", "s" for search) once its scripts listen for it.

    Material's bundle sets window.component$ last, after every listener: a key pressed before that is lost."""
    material_started(page)
    page.keyboard.press(key)


def material_started(page: object) -> None:
    """Waits until Material's bundle, which a page asks for once shown (hooks/material_js.py), has started:
    its listeners (keys, scrolling, copy) are in place. It sets window.component$ last. At once on a page
    without it: JavaScript off, or not one of Material's pages (the site root's chooser)."""
    page.wait_for_function("() => !document.documentElement.classList.contains('js')"
                           " || !document.getElementById('__config') || window.component$ !== undefined")


NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => done()))"


def open_settled(page: object, url: str, timeout: float = 30.0) -> object:
    """Opens url and waits until the page has loaded, Material's bundle has started (helpers.material_started)
    and every request the page made has been answered or has failed: a state, where Playwright's
    'networkidle' waits half a second after the last request. Returns goto's response."""
    pending: list[object] = []

    def sent(request: object) -> None:
        pending.append(request)

    def ended(request: object) -> None:
        if request in pending:
            pending.remove(request)

    page.on("request", sent)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    try:
        response = page.goto(url, wait_until="load")
        material_started(page)
        bound = time.monotonic() + timeout  # a bound on a state, as expect's timeout: never a wait of its own
        while waiting := [request for request in pending if request.redirected_to is None]:
            if time.monotonic() > bound:
                raise AssertionError(f"{url}: still waiting for " + ", ".join(request.url for request in waiting))
            page.evaluate(NEXT_FRAME)  # lets Playwright hand over the events of the frame
        return response
    finally:
        page.remove_listener("request", sent)
        page.remove_listener("requestfinished", ended)
        page.remove_listener("requestfailed", ended)


# The sticky header every page has (Material's .md-header); what a view shows first must sit below it.
_HEADER_BOTTOM = "() => { const h = document.querySelector('.md-header');" \
    " return h ? h.getBoundingClientRect().bottom : 0; }"


def assert_lands(page: object, *locators: object) -> None:
    """Asserts that every locator (the top of a view: for the result its kicker, name and definition) is
    visible, entirely below the sticky header and entirely within the screen, as a reader sees it right
    after the click that showed the view. Waits for the state (the first locator visible), never for a time."""
    from playwright.sync_api import expect

    expect(locators[0]).to_be_visible()
    page.evaluate(NEXT_FRAME)
    header = page.evaluate(_HEADER_BOTTOM)
    height = page.evaluate("() => window.innerHeight")
    for locator in locators:
        expect(locator).to_be_visible()
        box = locator.bounding_box()
        assert box is not None, f"{locator} has no box"
        assert box["y"] >= header - 0.5, (
            f"{locator} starts at y = {box['y']:.0f}, under the sticky header (its bottom at {header:.0f})")
        assert box["y"] + box["height"] <= height + 0.5, (
            f"{locator} ends at y = {box['y'] + box['height']:.0f}, below the screen ({height} px high)")


# Every word of the visible text nodes under the selector whose letters sit on more than one line:
# a word broken inside itself ("Cooperatio/n"). Returns [word, element text] pairs.
_MID_WORD = """(selector) => {
  const found = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !parent.getClientRects().length) continue;
      if (getComputedStyle(parent).visibility === 'hidden') continue;
      const range = document.createRange();
      for (const match of node.data.matchAll(/[^\\s\\u00a0\\u202f\\-\\u2010\\u2011\\u2013\\u2014\\/]+/gu)) {
        if (match[0].length < 2) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = Array.from(range.getClientRects()).filter(rect => rect.width > 0);
        if (rects.length < 2) continue;
        const tops = rects.map(rect => rect.top);
        if (Math.max(...tops) - Math.min(...tops) > rects[0].height / 2)
          found.push([match[0], parent.textContent.trim().slice(0, 80)]);
      }
    }
  }
  return found;
}"""


def words_broken_inside(page: object, selector: str = "body") -> list[list[str]]:
    """The words under selector that the layout breaks inside themselves, across two lines."""
    return page.evaluate(_MID_WORD, selector)


def hook(name: str) -> ModuleType:
    """hooks/<name>.py loaded as MkDocs loads a hook (by its path, its folder importable while it runs): for the
    tests of the Material adapters, which stay in hooks/ (the site's domain is the package `partnership`)."""
    from mkdocs.config.config_options import Hooks

    return Hooks("plugins")._load_hook(name, str(Path(__file__).resolve().parent.parent / "hooks" / f"{name}.py"))
