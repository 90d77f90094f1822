"""The newsletter kit: links, blurbs and QR codes that associations paste into their newsletters.

Every address on it comes from SITE_URL, so the kit is right wherever the site is published.
"""

from __future__ import annotations

import html
import io
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import segno
from _data import typeset
from conftest import ROOT, Project, Site
from helpers import article_html, elements
from newsletter import PNG_OPTIONS, QR_OPTIONS, SVG_OPTIONS, load_kit
from test_build_errors import problems

LANGUAGES = ("fr", "en")
KEY_PAGES = [key.page for key in load_kit().pages]  # what content/newsletter.yml offers
QR_PAGES = [key.page for key in load_kit().pages if key.qr]
KIT = next(page.stem + ".html" for page in sorted((ROOT / "content" / "fr").glob("*.md"))  # the kit's page
           if "<!-- newsletter:" in page.read_text(encoding="utf-8"))
WORDS = {"short": 40, "long": 120}
SUB_PATH = "https://example.org/partenariat/"


def _code_blocks(path: Path) -> list[str]:
    """The text of each <pre><code> block of a page's article, as a reader copies it."""
    blocks = re.findall(r"<pre><code>(.*?)</code></pre>", article_html(path), re.S)
    return [html.unescape(block) for block in blocks]


def _label(page: str, lang: str) -> str:
    return next(typeset(key.label[lang], lang) for key in load_kit().pages if key.page == page)


def _words(text: str) -> int:
    """Words as a word processor counts them: l’association and three-minute are one word each."""
    return len(re.findall(r"\w+(?:[’'-]\w+)*", text))


def _qr_file(url: str, options: dict[str, object]) -> bytes:
    out = io.BytesIO()
    segno.make(url, **QR_OPTIONS).save(out, **options)
    return out.getvalue()


def _png_modules(data: bytes) -> list[list[bool]]:
    """Decode the kit's PNG (1-bit greyscale) into its QR modules: True where a module is dark."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind = data[at + 4:at + 8]
        chunks[kind] = chunks.get(kind, b"") + data[at + 8:at + 8 + length]
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (1, 0) and width == height
    raw, stride = zlib.decompress(chunks[b"IDAT"]), (width + 7) // 8
    rows, previous = [], bytes(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)]
        assert kind in (0, 2)  # None or Up: the filters segno uses
        line = bytes((b + p) % 256 for b, p in zip(line, previous, strict=True)) if kind == 2 else line
        rows.append([not (line[x // 8] >> (7 - x % 8)) & 1 for x in range(width)])
        previous = line
    scale, border = PNG_OPTIONS["scale"], PNG_OPTIONS["border"]
    size = width // scale - 2 * border
    return [[rows[(border + r) * scale + scale // 2][(border + c) * scale + scale // 2] for c in range(size)]
            for r in range(size)]


def _check_qr_files(folder: Path, url: str) -> None:
    """assets/qr/<page>.svg and .png of the built language `folder` are the QR code of exactly `url`."""
    name = url.rsplit("/", 1)[1].removesuffix(".html")
    svg, png = folder / "assets" / "qr" / f"{name}.svg", folder / "assets" / "qr" / f"{name}.png"
    assert svg.read_bytes() == _qr_file(url, SVG_OPTIONS), svg
    assert png.read_bytes() == _qr_file(url, PNG_OPTIONS), png
    matrix = [[bool(module) for module in row] for row in segno.make(url, **QR_OPTIONS).matrix]
    assert _png_modules(png.read_bytes()) == matrix, png


def test_the_kit_page_exists_in_both_languages_with_the_same_sections(site: Site) -> None:
    sections = []
    for lang in LANGUAGES:
        assert (ROOT / "content" / lang / KIT.replace(".html", ".md")).is_file()
        page = article_html(site.path / lang / KIT)
        assert "<!-- newsletter:" not in page
        sections.append(re.findall(r'<h2 id="([^"]+)"', page))
    assert sections[0] == sections[1] and sections[0]


def test_the_data_offers_pages_of_the_site_each_once_some_with_a_qr_code() -> None:
    pages = [path.stem + ".html" for path in (ROOT / "content" / "fr").glob("*.md")]
    assert KEY_PAGES and set(KEY_PAGES) <= set(pages) and len(set(KEY_PAGES)) == len(KEY_PAGES)
    assert QR_PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", KEY_PAGES)
def test_each_key_page_is_ready_to_paste_in_three_forms(site: Site, lang: str, page: str) -> None:
    url = f"{site.url}{lang}/{page}"
    label = _label(page, lang)
    blocks = _code_blocks(site.path / lang / KIT)
    assert f"{label}\n{url}" in blocks  # plain text
    assert f"[{label}]({url})" in blocks  # Markdown
    assert f'<a href="{url}">{label}</a>' in blocks  # HTML
    # the label itself links to the page, relatively, like every link of the site
    links = [a["href"] for tag, a in elements(article_html(site.path / lang / KIT)) if tag == "a"]
    assert page in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_blurbs_have_about_40_and_120_words_and_show_their_count(site: Site, lang: str) -> None:
    kit = load_kit()
    page = html.unescape(article_html(site.path / lang / KIT))
    unit = {"fr": "mots", "en": "words"}[lang]
    for kind, target in WORDS.items():
        text = kit.blurbs[kind][lang]
        count = _words(text)
        assert abs(count - target) <= target // 10, f"blurbs.{kind}.{lang} has {count} words; expected about {target}"
        assert f"<blockquote><p>{typeset(text, lang)}</p></blockquote>" in page
        assert f"· {count}\u00a0{unit}" in page or f"· {count} {unit}" in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_qr_codes_encode_the_address_of_their_page_in_that_language(site: Site, lang: str) -> None:
    for page in QR_PAGES:
        _check_qr_files(site.path / lang, f"{site.url}{lang}/{page}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_qr_codes_are_shown_with_a_text_alternative_and_both_downloads(site: Site, lang: str) -> None:
    tags = elements(article_html(site.path / lang / KIT))
    images = [a for tag, a in tags if tag == "img" and a["src"].startswith("assets/qr/")]
    assert [image["src"] for image in images] == [f"assets/qr/{p.replace('.html', '.svg')}" for p in QR_PAGES]
    for image, page in zip(images, QR_PAGES, strict=True):
        assert _label(page, lang) in image["alt"]
        assert int(image["width"]) == int(image["height"]) > 100
    downloads = [a["href"] for tag, a in tags if tag == "a" and "download" in a]
    assert downloads == [f"assets/qr/{p.replace('.html', '')}.{kind}" for p in QR_PAGES for kind in ("svg", "png")]


def test_a_build_for_a_sub_path_puts_it_in_every_link_and_qr_code(project: Callable[[], Project]) -> None:
    copy = project()
    result = copy.build(site_url=SUB_PATH)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        folder = copy.file(f"site/{lang}")
        blocks = _code_blocks(folder / KIT)
        addresses = [found for block in blocks for found in re.findall(r"https?://[^\s)\"<]+", block)]
        assert len(addresses) == 3 * len(KEY_PAGES)
        assert all(address.startswith(f"{SUB_PATH}{lang}/") for address in addresses), addresses
        for page in KEY_PAGES:
            assert f"[{_label(page, lang)}]({SUB_PATH}{lang}/{page})" in blocks
        for page in QR_PAGES:
            _check_qr_files(folder, f"{SUB_PATH}{lang}/{page}")


def test_a_missing_english_blurb_is_named(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()  # line 33 of the fixture's content/newsletter.yml
    text = copy.file("content/newsletter.yml").read_text(encoding="utf-8")
    start = text.index("    en: >-", text.index("  short:"))
    end = text.index("  long:", start)
    copy.file("content/newsletter.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert problems(copy.build()) == [
        'content/newsletter.yml:33: blurbs.short.en: missing the English text (short: {fr: "…", en: "…"}); '
        "found nothing"
    ]
