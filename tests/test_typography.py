"""French typography, applied by the build to the site's own French pages and never to an original's body."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, Site
from helpers import article_html, visible_text

from partnership.data import typeset
from partnership.typography import breakable_addresses, french

SOURCES = ROOT / "content" / "sources"
NBSP, NARROW = "\u00a0", "\u202f"
# The text as a reader reads it, code set aside (code keeps what the editor typed, to be copied as it is).
_CODE = re.compile(r"<pre\b.*?</pre>|<code\b.*?</code>", re.S)
_BEFORE = re.compile(r"\S([ \t\n]+)([:;!?»])")
_AFTER = re.compile(r"«([ \t\n]+)")


def _front(page: str, lang: str) -> dict:
    text = (ROOT / "content" / lang / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


PAGES = sorted(path.name for path in (ROOT / "content" / "fr").glob("*.md"))
ORIGINALS = [page for page in PAGES if _front(page, "fr").get("source")]


@pytest.mark.parametrize(("typed", "typeset_text"), [
    ("Partenariat : un mot", f"Partenariat{NBSP}: un mot"),
    ("Et le vôtre ? Oui ; non !", f"Et le vôtre{NARROW}? Oui{NARROW}; non{NARROW}!"),
    ("le « partenariat » dit", f"le «{NBSP}partenariat{NBSP}» dit"),
    (f"déjà{NBSP}? et{NARROW}: ici", f"déjà{NARROW}? et{NBSP}: ici"),  # a typed space is set to the right one
    ("http://exemple.org/?a=1 : fin", f"http://exemple.org/?a=1{NBSP}: fin"),  # no space before, no change
    ("qu’ « avec »", f"qu’ «{NBSP}avec{NBSP}»"),  # the space before « stays a place to break
])
def test_typeset_follows_the_house_style(typed: str, typeset_text: str) -> None:
    assert typeset(typed, "fr") == typeset_text


def test_typeset_leaves_english_as_it_is() -> None:
    assert typeset("Where? Here: “this” ; and « that »", "en") == "Where? Here: “this” ; and « that »"


def test_french_typesets_the_text_and_keeps_every_tag_attribute_and_comment_as_written() -> None:
    html = ('<p title="Où ? ici : là">Où ? <a href="?q=1 :">ici :</a> <!-- note : oui ? --> '
            '<img alt="a ; b"> « fin »</p>')
    assert french(html) == (f'<p title="Où ? ici : là">Où{NARROW}? <a href="?q=1 :">ici{NBSP}:</a> '
                            f'<!-- note : oui ? --> <img alt="a ; b"> «{NBSP}fin{NBSP}»</p>')


@pytest.mark.parametrize("kept", [
    "<code>a ? b</code>", "<pre><code>[Lien](http://x.org/) : a</code></pre>", "<kbd>Ctrl :</kbd>",
    '<script>if (a ? b : c) {}</script>', '<style>a::before { content: " :" }</style>',
    '<p lang="en">Where ? Here : there</p>', '<svg><text>a : b</text></svg>', "<textarea>a ? b</textarea>",
])
def test_french_leaves_code_scripts_styles_fields_and_other_languages_alone(kept: str) -> None:
    assert french(f"<div>{kept}</div>") == f"<div>{kept}</div>"


def test_on_a_page_with_an_original_only_the_sites_own_blocks_are_typeset() -> None:
    html = ('<nav>Menu ?</nav><article class="md-content__inner md-typeset"><h1>Titre : oui</h1>'
            '<div class="site-note"><p>Note ?</p></div><p>Texte : tel quel !</p><ul><li>« mot »</li></ul>'
            '<div class="after-text"><p>Et le vôtre ?</p></div></article><footer>Pied : oui</footer>')
    assert french(html, original=True) == (
        f'<nav>Menu{NARROW}?</nav><article class="md-content__inner md-typeset"><h1>Titre : oui</h1>'
        f'<div class="site-note"><p>Note{NARROW}?</p></div><p>Texte : tel quel !</p><ul><li>« mot »</li></ul>'
        f'<div class="after-text"><p>Et le vôtre{NARROW}?</p></div></article><footer>Pied{NBSP}: oui</footer>')


def test_an_address_shown_as_code_breaks_after_its_slashes_and_text_and_attributes_do_not_change() -> None:
    html = '<p><a href="http://x.org/fr/a.html">x.org/fr</a> <code>[Lien](http://x.org/fr/a.html)</code></p>'
    assert breakable_addresses(html) == (
        '<p><a href="http://x.org/fr/a.html">x.org/fr</a> <code>[Lien<span class="address-join">](</span>'
        'http://<wbr>x.org/<wbr>fr/<wbr>a.html)</code></p>')


def _reader_text(html: str) -> str:
    return visible_text(_CODE.sub(" ", html))


def _site_part(page: str, html: str) -> str:
    """What the site wrote on a French page: all of it, or on an original's page what follows the text."""
    if page not in ORIGINALS:
        return html
    start = html.index('<div class="after-text"')
    return html[start:html.index("</article>", start)]


@pytest.mark.parametrize("page", PAGES)
def test_the_sites_french_pages_have_no_ordinary_space_before_a_sign_or_after_an_opening_quote(
        site: Site, page: str) -> None:
    html = (site.path / "fr" / page.replace(".md", ".html")).read_text(encoding="utf-8")
    text = _reader_text(_site_part(page, html))
    found = [text[max(0, m.start() - 30):m.end() + 5] for m in (*_BEFORE.finditer(text), *_AFTER.finditer(text))]
    assert found == [], f"fr/{page}: ordinary spaces where the house style wants a no-break one: {found}"
    wrong = re.findall(rf".{{0,30}}(?:{NBSP}[;!?]|{NARROW}[:»]|«{NARROW})", text)
    assert wrong == [], f"fr/{page}: the wrong no-break space (narrow before ; ! ?, no-break before : »): {wrong}"


# The site's own English pages (no original, no translation of one), read from content/en as editors leave it
SITE_PAGES_EN = sorted(path.name for path in (ROOT / "content" / "en").glob("*.md")
                       if not {"original", "source"} & _front(path.name, "en").keys())


@pytest.mark.parametrize("page", SITE_PAGES_EN)
def test_the_english_pages_are_not_typeset(site: Site, page: str) -> None:
    text = _reader_text(article_html(site.path / "en" / page.replace(".md", ".html")))
    assert NARROW not in text, f"en/{page}: a narrow no-break space in English"


@pytest.mark.parametrize("page", ORIGINALS)
def test_the_originals_body_is_published_byte_for_byte_as_received(site: Site, page: str) -> None:
    source = (SOURCES / _front(page, "fr")["source"]).read_text(encoding="utf-8")
    published = _reader_text(article_html(site.path / "fr" / page.replace(".md", ".html")))
    lines = [line.strip().removeprefix("·").strip() for line in source.splitlines()[1:]]  # the title is recased
    missing = [line for line in lines if line and line not in published]
    assert missing == [], f"fr/{page}: lines of the original not published exactly as received: {missing}"
