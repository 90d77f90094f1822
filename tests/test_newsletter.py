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
from conftest import ROOT, Project, Site
from helpers import article_html, elements
from test_build_errors import problems

from partnership.data import typeset
from partnership.newsletter import PNG_OPTIONS, QR_OPTIONS, SVG_OPTIONS, load_kit

LANGUAGES = ("fr", "en")
KEY_PAGES = [key.page for key in load_kit().pages]  # what content/newsletter.yml offers
QR_PAGES = [key.page for key in load_kit().pages if key.qr]
KIT = next(page.stem + ".html" for page in sorted((ROOT / "content" / "fr").glob("*.md"))  # the kit's page
           if "<!-- newsletter:" in page.read_text(encoding="utf-8"))
SUB_PATH = "https://example.org/partenariat/"


def _code_blocks(path: Path) -> list[str]:
    """The text of each <pre><code> block of a page's article, as a reader copies it."""
    blocks = re.findall(r"<pre><code>(.*?)</code></pre>", article_html(path), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]  # <wbr>: break points only


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


def _shown_blurbs(path: Path) -> list[tuple[str, str, str, str]]:
    """Each blurb card of a built kit page, in order: (title line, quoted text, text its button copies, button)."""
    blurbs = re.search(r'<div class="newsletter-blurbs">(.*?)</div>', article_html(path), re.S)
    assert blurbs, path
    found = []
    for card in re.findall(r'<section class="newsletter-card"[^>]*>(.*?)</section>', blurbs.group(1), re.S):
        title = re.search(r'<p class="newsletter-card__title">(.*?)</p>', card, re.S)
        quote = re.search(r"<blockquote><p>(.*?)</p></blockquote>", card, re.S)
        button = re.search(r'<button [^>]*data-clipboard-text="([^"]*)"[^>]*>(.*?)</button>', card, re.S)
        assert title and quote and button, card
        parts = (title.group(1), quote.group(1), button.group(1), button.group(2))
        found.append(tuple(html.unescape(part).replace("\u00a0", " ") for part in parts))
    return found


def _expected_blurbs(lang: str, path: Path | None = None) -> list[tuple[str, str, str, str]]:
    """What the kit must show for each blurb of content/newsletter.yml (or `path`), in its order: its label and
    its word count as a word processor gives it, its text, and a button that copies exactly that text."""
    kit = load_kit(path) if path else load_kit()
    unit = {"fr": "mots", "en": "words"}[lang]
    shown = []
    for blurb in kit.blurbs:
        text = typeset(blurb.text[lang], lang).replace("\u00a0", " ")
        title = f"<strong>{typeset(blurb.label[lang], lang)}</strong> · {_words(blurb.text[lang])} {unit}"
        shown.append((title.replace("\u00a0", " "), text, text, kit.ui["copy_text"][lang]))
    return shown


def _blurb_block(name: str, label: dict[str, str], text: dict[str, str]) -> str:
    """A blurb as the guide tells an editor to write one in content/newsletter.yml."""
    return (f"  {name}:\n    label:\n      fr: {label['fr']}\n      en: {label['en']}\n"
            f"    fr: >-\n      {text['fr']}\n    en: >-\n      {text['en']}\n")


def _without_blurb(text: str, name: str) -> str:
    """content/newsletter.yml with the whole block of the blurb `name` deleted, as the guide says."""
    block = re.search(rf"^  {re.escape(name)}:\n(?:(?:    .*)?\n)*", text, flags=re.M)
    assert block, name
    return text[:block.start()] + text[block.end():]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_blurb_is_shown_in_order_with_its_label_its_word_count_and_a_copy_button(site: Site,
                                                                                     lang: str) -> None:
    assert _shown_blurbs(site.path / lang / KIT) == _expected_blurbs(lang)


NEW_BLURB = {"label": {"fr": "Texte pour l’agenda", "en": "Text for the diary"},
             "text": {"fr": "Découvrez les sept formes de partenariat : un site et un questionnaire, en ligne.",
                      "en": "Discover the seven forms of partnership: a site and a quiz, online."}}


def test_a_blurb_added_by_copying_a_block_is_shown_in_both_languages(project: Callable[[], Project]) -> None:
    copy = project()
    kit = copy.file("content/newsletter.yml")
    text = kit.read_text(encoding="utf-8")
    name = "agenda"
    while name in [blurb.name for blurb in load_kit().blurbs]:
        name += "-2"
    kit.write_text(text.replace("\nblurbs:\n", "\nblurbs:\n" + _blurb_block(name, **NEW_BLURB), 1), encoding="utf-8")
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        shown = _shown_blurbs(copy.file(f"site/{lang}/{KIT}"))
        assert shown == _expected_blurbs(lang, kit) and len(shown) == len(load_kit().blurbs) + 1
        new = typeset(NEW_BLURB["text"][lang], lang).replace("\u00a0", " ")
        assert shown[0][1] == new  # first, where the editor put it


def test_a_blurb_removed_leaves_the_others(project: Callable[[], Project]) -> None:
    copy = project()
    kit = copy.file("content/newsletter.yml")
    first = load_kit().blurbs[0]
    kit.write_text(_without_blurb(kit.read_text(encoding="utf-8"), first.name), encoding="utf-8")
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert [blurb.name for blurb in load_kit(kit).blurbs] == [blurb.name for blurb in load_kit().blurbs[1:]]
    for lang in LANGUAGES:
        shown = _shown_blurbs(copy.file(f"site/{lang}/{KIT}"))
        assert shown == _expected_blurbs(lang, kit) and len(shown) == len(load_kit().blurbs) - 1


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


# What an editor does to the blurbs of the fixture's content/newsletter.yml, and the one line they get.
BLURB_PROBLEMS: dict[str, tuple[Callable[[str], str], str]] = {
    "a blurb without its English": (
        lambda text: re.sub(r"    en: >-\n(?:      .*\n)+(?=  long:)", "", text, count=1),
        "content/newsletter.yml:36: blurbs.short.en: missing the English text of the blurb, found nothing; "
        "write it under en: >-, indented like the French text"),
    "a blurb named with a capital and a space": (
        lambda text: text.replace("\n  long:\n", "\n  Long text:\n", 1),
        "content/newsletter.yml:48: blurbs.Long text: the name of a blurb is 'Long text'; expected lower-case "
        "letters, digits and hyphens, starting with a letter, such as short or agenda-2025"),
    "no blurb left": (
        lambda text: re.sub(r"^blurbs:\n(?:(?:  .*)?\n)*", "blurbs:\n\n", text, count=1, flags=re.M),
        "content/newsletter.yml:35: blurbs: expected at least one blurb, each under its own name (such as "
        "short:) with a label and its fr and en texts; found nothing"),
    "a blurb copied without its label": (
        lambda text: re.sub(r"(\n  long:\n)    label:\n(?:      .*\n)+", r"\1", text, count=1),
        'content/newsletter.yml:48: blurbs.long: the blurb has no label; give it its name in each language, '
        'shown above its text in the kit (label: {fr: "…", en: "…"})'),
}


@pytest.mark.parametrize("case", BLURB_PROBLEMS)
def test_a_blurb_written_wrong_gets_one_line(fixture_project: Callable[[], Project], case: str) -> None:
    change, message = BLURB_PROBLEMS[case]
    copy = fixture_project()
    kit = copy.file("content/newsletter.yml")
    text = kit.read_text(encoding="utf-8")
    assert change(text) != text, case
    kit.write_text(change(text), encoding="utf-8")
    assert problems(copy.build()) == [message]
