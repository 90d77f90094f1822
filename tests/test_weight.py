"""Light: what a first visit downloads, gzip-compressed as a host sends it, on every page of both languages.

Issue "Runs anywhere, light and measured": at most 70 KB for a content page, 75 KB for the quiz page.
The site is served as tools/bench.py serves it (CompressingHandler: gzip for text), each page opened in a
fresh browser context (empty cache) on a phone; every response body the page loads is counted, as
`make bench` counts it. `make bench` gives the figures by kind (HTML, CSS, JS, other) for a few pages;
this test holds the limit for all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import bench
import pytest
from conftest import Site
from playwright.sync_api import Browser

LANGUAGES = ("fr", "en")
PAGES = sorted(f"{p.stem}.html" for p in (Path(__file__).parent.parent / "content" / "fr").glob("*.md"))
LIMIT_KB = {"quiz.html": 75}
PAGE_LIMIT_KB = 70


@pytest.fixture(scope="module")
def compressed(site: Site) -> Iterator[str]:
    with bench.hosting(site.path) as url:
        yield url


def first_load_kb(browser: Browser, url: str) -> tuple[float, list[str]]:
    """KB (1024 bytes) of compressed bodies a first visit to url downloads, and what it downloaded."""
    downloads = bench.first_visit(browser, url)
    return (sum(body for _, body, _ in downloads) / 1024,
            [f"{body / 1024:.1f} KB {address}" for _, body, address in downloads])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [*PAGES, "404.html"])
def test_a_first_visit_downloads_at_most_70_kb_75_for_the_quiz(browser, compressed, path, lang):
    total, loaded = first_load_kb(browser, f"{compressed}{lang}/{path}")
    assert any(line.endswith(".css") for line in loaded), loaded  # compressed and measured, not missing
    assert total <= LIMIT_KB.get(path, PAGE_LIMIT_KB), f"{total:.1f} KB:\n" + "\n".join(loaded)


def test_the_host_sends_text_compressed(browser, compressed):
    """The measure counts what a host sends: text compressed (a page's HTML alone is about 20 KB raw)."""
    total, loaded = first_load_kb(browser, f"{compressed}fr/partnership-culture.html")
    html = next(line for line in loaded if line.endswith("partnership-culture.html"))
    assert float(html.split()[0]) < 10, loaded
