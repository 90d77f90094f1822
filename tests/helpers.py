"""Reading built pages the way a reader sees them: visible text, elements by id, links."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path

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
