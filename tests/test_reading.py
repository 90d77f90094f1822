"""Reading the site's pages as a reader does: headings that rank, short lines, definitions in the text colour,
a heading's hidden link that never moves a word, and no word broken inside itself."""

from __future__ import annotations

import pytest
from conftest import ROOT, Site
from helpers import open_settled, words_broken_inside
from playwright.sync_api import Page

SIZES = {"phone": (390, 844), "tablet": (768, 1024), "desktop": (1280, 800)}
LANGUAGES = ("fr", "en")
PAGES = sorted(path.with_suffix(".html").name for path in (ROOT / "content" / "fr").glob("*.md"))
# The pages read as text (content/fr, as the menu and the guide let editors rename them): every page but the quiz
# and the result pages (<!-- quiz -->, <!-- result:... --> markers), and one result page.
_MARKED = {path.with_suffix(".html").name: path.read_text(encoding="utf-8")
           for path in (ROOT / "content" / "fr").glob("*.md")}
RESULT = next(page for page in PAGES if "<!-- result:" in _MARKED[page])
READ = [page for page in PAGES if not any(marker in _MARKED[page] for marker in ("<!-- quiz", "<!-- result:"))]
READ.append(RESULT)
MOST = 75  # characters on a line


def _open(new_page, site: Site, lang: str, page: str, size: tuple[int, int]) -> Page:
    tab = new_page(viewport={"width": size[0], "height": size[1]})
    open_settled(tab, f"{site.url}{lang}/{page}")
    return tab


# The characters on each line of the page's paragraphs and list items (one Range per character, grouped by
# the top of its box): the longest line of each, with the block's first words.
_LINES = """() => {
  const found = [];
  for (const block of document.querySelectorAll('.md-content .md-typeset :is(p, li, dd, dt)')) {
    if (block.closest('figure, table, pre, .quiz') || block.querySelector('p, li')) continue;
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || (box.width === 0 && !/\\s/.test(node.data[i]))) continue;
        const top = Math.round(box.top + box.height / 2);
        const line = [...lines.keys()].find(known => Math.abs(known - top) < box.height / 2) ?? top;
        lines.set(line, (lines.get(line) || 0) + 1);
      }
    }
    if (lines.size) found.push([Math.max(...lines.values()), block.textContent.trim().slice(0, 40)]);
  }
  return found;
}"""


@pytest.mark.parametrize("width", [390, 768, 1024, 1280, 1600])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_line_of_text_runs_to_more_than_about_75_characters(new_page, site: Site, lang: str, width: int) -> None:
    tab = new_page(viewport={"width": width, "height": 900})
    too_long = []
    for page in READ:
        open_settled(tab, f"{site.url}{lang}/{page}")
        lines = tab.evaluate(_LINES)
        assert lines, f"{lang}/{page}: no paragraph measured"
        too_long += [(page, count, start) for count, start in lines if count > MOST]
    assert too_long == [], f"lines longer than {MOST} characters at {width} px: {too_long}"


_STYLE = """(selector) => { const element = document.querySelector(selector); const style = getComputedStyle(element);
  return {size: parseFloat(style.fontSize), weight: parseInt(style.fontWeight), color: style.color}; }"""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_headings_rank_bold_and_larger_than_the_body_level_by_level(
        new_page, site: Site, lang: str, size: str) -> None:
    tab = _open(new_page, site, lang, "index.html", SIZES[size])
    h1, h2, body = (tab.evaluate(_STYLE, selector) for selector in
                    (".md-content h1", ".md-content h2", ".md-content .md-typeset p:not([class])"))
    assert h1["weight"] >= 700 and h2["weight"] >= 700, (h1, h2)
    assert h1["size"] >= 1.2 * h2["size"], f"H1 {h1['size']} px is not clearly larger than H2 {h2['size']} px"
    assert h2["size"] >= 1.25 * body["size"], f"H2 {h2['size']} px is not clearly above the body's {body['size']} px"
    assert h2["color"] == body["color"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_forms_definition_is_in_the_text_colour(new_page, site: Site, lang: str) -> None:
    tab = _open(new_page, site, lang, RESULT, SIZES["phone"])
    definition = tab.evaluate(_STYLE, ".result-page__definition p")
    body = tab.evaluate(_STYLE, ".md-content .md-typeset > p:not([class])")
    assert definition["color"] == body["color"]


# Each heading with its hidden link, against a copy of it without the link laid out in the same place: the link
# adds no line (a last word pushed onto a line of its own), and it sits on the last word's line.
_ANCHORS = """() => {
  const found = [];
  const boxes = range => [...range.getClientRects()].filter(box => box.width > 0);
  const lines = range => new Set(boxes(range).map(box => Math.round(box.bottom))).size;
  const all = element => { const range = document.createRange(); range.selectNodeContents(element); return range; };
  for (const heading of document.querySelectorAll('.md-content :is(h1, h2, h3, h4)')) {
    const link = heading.querySelector('.headerlink');
    if (!link || !heading.getClientRects().length) continue;
    const copy = heading.cloneNode(true);
    copy.removeAttribute('id');
    copy.querySelector('.headerlink').remove();
    heading.after(copy);
    const without = lines(all(copy));
    copy.remove();
    const range = all(heading);
    range.setEndBefore(link);  // the heading's words, as laid out with the link
    const last = boxes(range).pop();
    const mark = link.getBoundingClientRect();
    const shared = last && Math.abs((last.top + last.bottom) / 2 - (mark.top + mark.bottom) / 2) < last.height / 2;
    if (lines(range) > without || !shared) found.push(heading.textContent.slice(0, 60));
  }
  return found;
}"""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_headings_link_never_pushes_its_last_word_onto_a_line_of_its_own(
        new_page, site: Site, lang: str, size: str) -> None:
    tab = new_page(viewport={"width": SIZES[size][0], "height": SIZES[size][1]})
    found, overflow = [], []
    for page in PAGES:
        open_settled(tab, f"{site.url}{lang}/{page}")
        found += [(page, heading) for heading in tab.evaluate(_ANCHORS)]
        if tab.evaluate("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            overflow.append(page)
    assert found == [], f"headings whose link moves a word to a line of its own, or sits apart, at {size}: {found}"
    assert overflow == [], f"pages wider than the screen at {size}: {overflow}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_word_is_broken_inside_itself_on_any_page(new_page, site: Site, lang: str, size: str) -> None:
    tab = new_page(viewport={"width": SIZES[size][0], "height": SIZES[size][1]})
    broken = []
    for page in PAGES:
        open_settled(tab, f"{site.url}{lang}/{page}")
        broken += [(page, word, where) for word, where in words_broken_inside(tab, ".md-main, .md-footer")]
    assert broken == [], f"words broken across two lines at {size}: {broken}"
