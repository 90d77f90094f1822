"""The texts are the product: the originals word for word, the translations complete and marked."""

from __future__ import annotations

import hashlib
import re

import pytest
from _data import is_open_ending, normalise, source_sentences
from conftest import ROOT, Site
from helpers import article_html, elements, lists_of_items, visible_text

SOURCES = ROOT / "content" / "sources"
# source file, its language, the page that publishes it (same file name in both languages)
TEXTS = [
    ("culture-de-partenariat.fr.txt", "fr", "partnership-culture.html"),
    ("on-partnerships.en.txt", "en", "editorial.html"),
]
OTHER = {"fr": "en", "en": "fr"}


def _source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def _source_lists(text: str) -> list[int]:
    """How many items each list of the original has (its '·' lines, open endings left out)."""
    counts: list[int] = []
    in_list = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("·"):
            if not in_list:
                counts.append(0)
                in_list = True
            if not is_open_ending(line.removeprefix("·").strip()):
                counts[-1] += 1
        elif line:
            in_list = False
    return counts


def test_sources_are_kept_exactly_as_received() -> None:
    recorded = dict(
        reversed(line.split("  ", 1)) for line in (SOURCES / "SHA256SUMS").read_text().splitlines() if line
    )
    assert sorted(recorded) == sorted(path.name for path in SOURCES.glob("*.txt"))
    for name, digest in recorded.items():
        assert hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_every_sentence_of_the_original_is_on_its_page(site: Site, source: str, lang: str, page: str) -> None:
    published = normalise(visible_text(article_html(site.path / lang / page)))
    missing = []
    for sentence in source_sentences(_source(source)):
        wanted = normalise(sentence)
        # the all-capitals title is set in sentence case (see the About page)
        found = wanted.casefold() in published.casefold() if sentence.isupper() else wanted in published
        if not found:
            missing.append(sentence)
    assert missing == []
    assert len(source_sentences(_source(source))) > 5


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_the_originals_sources_are_offered_for_download(site: Site, source: str, lang: str, page: str) -> None:
    for language in ("fr", "en"):
        assert (site.path / language / "sources" / source).read_bytes() == (SOURCES / source).read_bytes()
        links = [attrs for tag, attrs in elements(article_html(site.path / language / "about.html")) if tag == "a"]
        assert {"href": f"sources/{source}", "download": ""} in links, language


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_every_list_of_the_original_has_as_many_items_on_both_pages(
    site: Site, source: str, lang: str, page: str
) -> None:
    expected = _source_lists(_source(source))
    for language in (lang, OTHER[lang]):
        published = [len(items) for items in lists_of_items(article_html(site.path / language / page))]
        assert published == expected, language


def test_the_french_text_has_four_lists_of_seven_six_four_and_four_items() -> None:
    # Guards the list reader above: the original has 7 forms, 6 fears, 4 resistances, 4 pleasures.
    assert _source_lists(_source("culture-de-partenariat.fr.txt")) == [7, 6, 4, 4]


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_the_translation_has_a_paragraph_for_each_paragraph_of_the_original(
    site: Site, source: str, lang: str, page: str
) -> None:
    def paragraphs(language: str) -> int:
        html = article_html(site.path / language / page)
        html = re.sub(r'<div class="admonition info translation-notice".*?</div>', "", html, flags=re.S)
        return len(re.findall(r"<p[ >]", html))

    assert paragraphs(OTHER[lang]) == paragraphs(lang) > 3


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_the_translation_says_so_and_links_to_the_original(site: Site, source: str, lang: str, page: str) -> None:
    translated = article_html(site.path / OTHER[lang] / page)
    notice = re.search(r'<div class="admonition info translation-notice" role="note">(.*?)</div>', translated, re.S)
    assert notice, "no translation notice"
    assert f'href="../{lang}/{page}" hreflang="{lang}"' in notice.group(1)
    original = article_html(site.path / lang / page)
    assert "translation-notice" not in original


def test_open_list_endings_invite_readers_to_add_their_own(site: Site) -> None:
    for lang, invitation in (("fr", "à chacun d’y ajouter"), ("en", "for everyone to add their own")):
        text = visible_text(article_html(site.path / lang / "partnership-culture.html"))
        assert text.count(invitation) == 3, lang


