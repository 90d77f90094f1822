"""Two languages, always in step: /fr/ and /en/, each page pointing at its counterpart."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, Project, Site
from helpers import elements

LANGUAGES = ("fr", "en")
PAGES = sorted(path.name.replace(".md", ".html") for path in (ROOT / "content" / "fr").glob("*.md"))


def _head_links(path: Path) -> list[dict[str, str]]:
    return [attrs for tag, attrs in elements(path.read_text(encoding="utf-8")) if tag == "link"]


def test_every_page_exists_in_both_languages() -> None:
    fr = sorted(p.name for p in (ROOT / "content" / "fr").glob("*.md"))
    en = sorted(p.name for p in (ROOT / "content" / "en").glob("*.md"))
    assert fr == en
    assert set(Project(ROOT).nav()) <= set(fr)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", [*PAGES, "404.html"])
def test_each_page_declares_its_language(site: Site, lang: str, page: str) -> None:
    html = (site.path / lang / page).read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_a_self_canonical_and_alternates_to_the_same_page(site: Site, lang: str, page: str) -> None:
    links = _head_links(site.path / lang / page)
    canonical = [link["href"] for link in links if link.get("rel") == "canonical"]
    assert canonical == [f"{site.url}{lang}/{page}"]
    alternates = {link["hreflang"]: link["href"] for link in links if link.get("rel") == "alternate"}
    assert alternates == {"fr": f"{site.url}fr/{page}", "en": f"{site.url}en/{page}", "x-default": site.url}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_the_language_menu_links_to_the_same_page_in_each_language(site: Site, lang: str, page: str) -> None:
    menu = [attrs for tag, attrs in elements((site.path / lang / page).read_text(encoding="utf-8"))
            if tag == "a" and "md-select__link" in attrs.get("class", "")]
    assert [(a["hreflang"], a["href"]) for a in menu] == [("fr", f"../fr/{page}"), ("en", f"../en/{page}")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index_with_its_stemming(site: Site, lang: str) -> None:
    index = json.loads((site.path / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    titles = {doc["title"] for doc in index["docs"]}
    expected = {"fr": "Entrer dans une culture de partenariat", "en": "Entering a culture of partnership"}[lang]
    assert expected in titles
    assert (site.path / lang / "assets" / "javascripts" / "lunr" / "min" / "lunr.fr.min.js").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_theme_speaks_the_language_of_the_page(site: Site, lang: str) -> None:
    html = (site.path / lang / "index.html").read_text(encoding="utf-8")
    skip_link = {"fr": "Aller au contenu", "en": "Skip to content"}[lang]
    assert skip_link in html


@pytest.mark.parametrize(("lang", "title"), [("fr", "Page introuvable"), ("en", "Page not found")])
def test_the_404_page_exists_in_both_languages(site: Site, lang: str, title: str) -> None:
    html = (site.path / lang / "404.html").read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in html
    # a 404 page is shown at any depth: its addresses start from <base>, its language folder, which
    # comes before any other address (hooks/not_found.py; tests/test_anywhere.py shows it in a browser)
    first_address = re.search(r'<[a-z]+ [^>]*(?:href|src)="([^"]*)"', html)
    assert first_address is not None and first_address.group(0).startswith(f'<base href="/{lang}/"')
    assert 'href="./index.html"' in html


def test_the_root_is_a_language_chooser_without_instant_refresh(site: Site) -> None:
    html = (site.path / "index.html").read_text(encoding="utf-8")
    tags = elements(html)
    choices = [(a["hreflang"], a["href"]) for tag, a in tags if tag == "a" and "data-language" in a]
    assert choices == [("fr", "fr/index.html"), ("en", "en/index.html")]
    assert not [a for tag, a in tags if tag == "meta" and a.get("http-equiv", "").lower() == "refresh"]
    alternates = {a["hreflang"]: a["href"] for tag, a in tags if tag == "link" and a.get("rel") == "alternate"}
    assert alternates == {"fr": f"{site.url}fr/index.html", "en": f"{site.url}en/index.html", "x-default": site.url}


def test_the_root_sitemap_lists_every_page_of_both_languages_with_alternates(site: Site) -> None:
    tree = ElementTree.parse(site.path / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.getroot().findall("s:url", ns)
    assert sorted(u.find("s:loc", ns).text for u in urls) == sorted(
        f"{site.url}{lang}/{page}" for lang in LANGUAGES for page in PAGES
    )
    for url in urls:
        page = url.find("s:loc", ns).text.rsplit("/", 1)[1]
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert alternates == {lang: f"{site.url}{lang}/{page}" for lang in LANGUAGES}


def test_the_same_tree_builds_under_a_sub_path(project: Callable[[], Project]) -> None:
    copy = project()
    result = copy.build(site_url="https://example.org/partenariat/")
    assert result.returncode == 0, result.stderr
    name = copy.nav()[-1].removesuffix(".md") + ".html"  # a page of the menu
    page = copy.file(f"site/en/{name}")
    links = _head_links(page)
    assert [link["href"] for link in links if link.get("rel") == "canonical"] == [
        f"https://example.org/partenariat/en/{name}"
    ]
    # pages, assets and the language menu use relative links, which work under any path
    for tag, attrs in elements(page.read_text(encoding="utf-8")):
        for name in ("href", "src"):
            value = attrs.get(name, "")
            assert not value.startswith("/"), (tag, value)
    assert '<base href="/partenariat/en/">' in copy.file("site/en/404.html").read_text(encoding="utf-8")
    assert '<base href="/partenariat/">' in copy.file("site/404.html").read_text(encoding="utf-8")
