"""The texts are the product: the originals word for word, the translations complete and marked."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pytest
import yaml
from conftest import ROOT, Project, Site
from helpers import article_html, elements, lists_of_items, visible_text
from test_build_errors import problems

from partnership.sources import check, sentences

SOURCES = ROOT / "content" / "sources"
OTHER = {"fr": "en", "en": "fr"}


def _texts() -> list[tuple[str, str, str]]:
    """(source file, its language, the page that publishes it) for each page whose front matter names a source."""
    found = []
    for lang in ("fr", "en"):
        for page in sorted((ROOT / "content" / lang).glob("*.md")):
            front = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1]) or {}
            if front.get("source"):
                found.append((front["source"], lang, page.with_suffix(".html").name))
    return found


TEXTS = _texts()


def _source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def _source_lists(text: str) -> list[int]:
    """How many items each list of the original has (its '·' lines, the open endings '…' included)."""
    counts: list[int] = []
    in_list = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("·"):
            if not in_list:
                counts.append(0)
                in_list = True
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
def test_every_sentence_of_the_original_is_on_its_page_in_order_with_nothing_inserted(
    site: Site, source: str, lang: str, page: str
) -> None:
    assert check(visible_text(article_html(site.path / lang / page)), _source(source)) is None
    assert len(sentences(_source(source))) > 5


FRENCH = ("CULTURE\n\nUne phrase. Une autre phrase.\n\nDes peurs\n· la peur\n\n· ….\n")


@pytest.mark.parametrize(("published", "problem"), [
    ("Culture ¶ Une phrase. Une autre phrase. Des peurs ¶ la peur ….", None),
    ("Culture Menu du site Une phrase. Une autre phrase. Des peurs la peur …. Et votre partenariat ?", None),
    ("Culture Une phrase. Une autre phrase. Une phrase du site. Des peurs la peur ….",
     "between 'Une autre phrase.' and 'Des peurs' the page adds a text of its own: 'Une phrase du site.'; put the "
     "site's texts before or after the original"),
    ("Culture Une phrase. Une autre phrase. Des peurs la peur … et d’autres encore : à chacun d’y ajouter les siennes.",
     "this sentence is missing, changed or out of order after 'la peur': '….'"),
    ("Culture Une autre phrase. Une phrase. Des peurs la peur ….",
     "this sentence is missing, changed or out of order after 'Une phrase.': 'Une autre phrase.'"),
])
def test_the_check_refuses_a_sentence_added_inside_an_original_a_changed_one_and_a_new_order(
    published: str, problem: str | None
) -> None:
    assert check(published, FRENCH) == problem


@pytest.mark.parametrize(("published", "problem"), [
    ("Titre L’âme « perdue ».", None),
    ("Titre L’âme «\u00a0perdue\u00a0».", None),  # spacing is the page's layout
    ("Titre L'âme « perdue ».", "this sentence is missing, changed or out of order after 'TITRE': 'L’âme « perdue ».'"),
    ('Titre L’âme "perdue".', "this sentence is missing, changed or out of order after 'TITRE': 'L’âme « perdue ».'"),
])
def test_an_original_keeps_its_own_quotes_and_apostrophes(published: str, problem: str | None) -> None:
    assert check(published, "TITRE\n\nL’âme « perdue ».\n") == problem


def test_a_sentence_of_the_site_added_inside_an_original_stops_the_build(
        fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    copy.edit("content/fr/partnership-culture.md", "## Des peurs à apprivoiser {#fears}",
              "Et votre partenariat ? Faites le questionnaire.\n\n## Des peurs à apprivoiser {#fears}")
    assert problems(copy.build()) == [
        "content/fr/partnership-culture.md: the original must stay word for word, with nothing of the site's inside "
        "it; between '…n se situe pour éviter les malentendus ou les déceptions.' and 'Des peurs à apprivoiser' "
        "the page adds a text of its own: 'Et votre partenariat? Faites le questionnaire.'; put the site's texts "
        "before or after the original (content/sources/culture-de-partenariat.fr.txt)"
    ]


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_the_originals_sources_are_offered_for_download(site: Site, source: str, lang: str, page: str) -> None:
    for language in ("fr", "en"):
        assert (site.path / language / "sources" / source).read_bytes() == (SOURCES / source).read_bytes()
        links = [attrs for html in (site.path / language).glob("*.html") if "<article" in html.read_text("utf-8")
                 for tag, attrs in elements(article_html(html)) if tag == "a"]
        assert {"href": f"sources/{source}", "download": ""} in links, f"no page of {language}/ offers it"


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_every_list_of_the_original_has_as_many_items_on_both_pages(
    site: Site, source: str, lang: str, page: str
) -> None:
    expected = _source_lists(_source(source))
    for language in (lang, OTHER[lang]):
        published = [len(items) for items in lists_of_items(article_html(site.path / language / page))]
        assert published == expected, language


def test_the_french_text_has_four_lists_of_seven_seven_five_and_five_items() -> None:
    # Guards the list reader above: the original has 7 forms, 6 fears, 4 resistances, 4 pleasures, the last
    # three lists each ending with an open item '…'.
    assert _source_lists(_source("culture-de-partenariat.fr.txt")) == [7, 7, 5, 5]


@pytest.mark.parametrize(("source", "lang", "page"), TEXTS)
def test_the_translation_has_a_paragraph_for_each_paragraph_of_the_original(
    site: Site, source: str, lang: str, page: str
) -> None:
    def paragraphs(language: str) -> int:
        html = article_html(site.path / language / page)
        html = re.sub(r'<div class="admonition info translation-notice".*?</div>', "", html, flags=re.S)
        html = re.sub(r'<p class="site-note">.*?</p>', "", html, flags=re.S)  # the site's note on an original
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


def test_open_list_endings_stay_as_received_and_the_site_speaks_after_the_text(site: Site) -> None:
    endings = {"fr": ["….", "….", "…"], "en": ["…", "…", "…"]}  # of the French original's open lists
    page = next(page for source, lang, page in TEXTS if lang == "fr")
    for lang in ("fr", "en"):
        html = article_html(site.path / lang / page)
        assert [items[-1] for items in lists_of_items(html)[1:]] == endings[lang]
        text = visible_text(html)
        assert "à chacun d’y ajouter" not in text and "for everyone to add their own" not in text
        original, after = html.split('<div class="after-text">', 1)  # the block of the site's own texts
        assert "…" in visible_text(original) and "…" not in visible_text(after).split("\n", 1)[0]
        assert len(visible_text(after).splitlines()) > 2, "the site says nothing after the text"
