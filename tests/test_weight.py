"""Light: what a first visit downloads, gzip-compressed as a host sends it, on every page of both languages.

Issue "Runs anywhere, light and measured": at most 70 KB for a content page, 75 KB for the quiz page.
The site is served as tools/bench.py serves it (CompressingHandler: gzip for text), each page opened on a
phone with the browser's cache set aside (bench.first_visit); every response body the page loads is counted,
as `make bench` counts it. `make bench` gives the figures by kind (HTML, CSS, JS, other) for a few pages;
this test holds the limit for all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Site
from playwright.sync_api import Page, Request
from sitebuild import bench

LANGUAGES = ("fr", "en")
PAGES = sorted(f"{p.stem}.html" for p in (Path(__file__).parent.parent / "content" / "fr").glob("*.md"))
LIMIT_KB = {"quiz.html": 75}
PAGE_LIMIT_KB = 70


@pytest.fixture(scope="module")
def compressed(site: Site) -> Iterator[str]:
    with bench.hosting(site.path) as url:
        yield url


@pytest.fixture
def phone(new_page) -> Page:
    return new_page(viewport=bench.PHONE)


def first_load_kb(page: Page, url: str) -> tuple[float, list[str]]:
    """KB (1024 bytes) of compressed bodies a first visit to url downloads, and what it downloaded."""
    downloads = bench.first_visit(page, url)
    return (sum(body for _, body, _ in downloads) / 1024,
            [f"{body / 1024:.1f} KB {address}" for _, body, address in downloads])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [*PAGES, "404.html"])
def test_a_first_visit_downloads_at_most_70_kb_75_for_the_quiz(phone, compressed, path, lang):
    total, loaded = first_load_kb(phone, f"{compressed}{lang}/{path}")
    assert any(line.endswith(".css") for line in loaded), loaded  # compressed and measured, not missing
    assert total <= LIMIT_KB.get(path, PAGE_LIMIT_KB), f"{total:.1f} KB:\n" + "\n".join(loaded)


def test_the_host_sends_text_compressed(phone, compressed):
    """The measure counts what a host sends: text compressed (a page's HTML alone is about 20 KB raw)."""
    total, loaded = first_load_kb(phone, f"{compressed}fr/partnership-culture.html")
    html = next(line for line in loaded if line.endswith("partnership-culture.html"))
    assert float(html.split()[0]) < 10, loaded





def test_a_page_in_the_browser_s_cache_is_measured_as_in_a_new_browser(browser, phone, compressed):
    """The host lets a browser keep the files (bench.py's Cache-Control), so a reader's second visit downloads
    almost nothing; the measure, on a page whose browser has them all, counts what a new browser downloads."""
    url = f"{compressed}en/quiz.html"
    context = browser.new_context(viewport=bench.PHONE)
    try:
        new = sorted((address, body) for _, body, address in bench.first_visit(context.new_page(), url))
    finally:
        context.close()
    sent: list[int] = []

    def count(request: Request) -> None:
        sent.append(max(request.sizes()["responseBodySize"], 0))  # below 0: taken from the cache

    phone.goto(url, wait_until="networkidle")
    phone.goto("about:blank")  # an address visited again, not the same one reloaded
    phone.on("requestfinished", count)
    phone.goto(url, wait_until="networkidle")
    phone.remove_listener("requestfinished", count)
    assert sum(sent) < 1024, f"{sum(sent)} bytes downloaded again: the browser kept nothing"
    phone.goto("about:blank")
    measured = sorted((address, body) for _, body, address in bench.first_visit(phone, url))
    assert measured == new
