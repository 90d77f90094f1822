"""Links are promises: every address in permalinks.txt keeps working, and moved pages redirect."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, Project, Site, site_pages
from helpers import elements
from test_build_errors import problems

from partnership import permalinks as _permalinks
from partnership.data import markdown_ids
from partnership.forms import FORMS_PAGE
from partnership.quiz import load_quiz

MANIFEST = ROOT / "permalinks.txt"


def _manifest() -> list[str]:
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _redirect_target(html: str) -> str | None:
    refresh = [a for tag, a in elements(html) if tag == "meta" and a.get("http-equiv") == "refresh"]
    return refresh[0]["content"].split("url=", 1)[1] if refresh else None


def serves(site: Path, address: str) -> bool:
    """Whether the built site answers `address` (relative to SITE_URL), anchor included."""
    path, _, anchor = address.partition("#")
    file = site / (path if not path.endswith("/") else path + "index.html")
    if not file.is_file():
        return False
    if not anchor:
        return True
    html = file.read_text(encoding="utf-8")
    target = _redirect_target(html)
    if target:  # a moved page: the anchor must exist on the page it now lives at
        html = (file.parent / target).read_text(encoding="utf-8")
    return re.search(rf'\sid="{re.escape(anchor)}"', html) is not None


def _promises() -> list[str]:
    """What the site publishes today: each page, its explicit anchors, the source texts."""
    found = ["./"]
    for lang in ("fr", "en"):
        for page in sorted((ROOT / "content" / lang).glob("*.md")):
            html = f"{lang}/{page.stem}.html"
            found += [html, *(f"{html}#{anchor}" for anchor in markdown_ids(page))]
        found += [f"{lang}/sources/{source.name}" for source in sorted((ROOT / "content" / "sources").glob("*.txt"))]
    return found


def test_the_build_serves_every_address_of_the_manifest(site: Site) -> None:
    assert [address for address in _manifest() if not serves(site.path, address)] == []


def test_the_manifest_lists_every_page_and_anchor_published_today() -> None:
    missing = [address for address in _promises() if address not in _manifest()]
    assert missing == [], "add these lines to permalinks.txt:\n" + "\n".join(missing)


def test_the_manifest_holds_the_seven_forms_the_items_and_the_quiz_in_both_languages() -> None:
    manifest = set(_manifest())
    quiz = load_quiz()
    anchors = [form.id for form in quiz.forms] + [item.id for item in (*quiz.fears, *quiz.resistances, *quiz.pleasures)]
    quiz_page = next(page.stem for page in (ROOT / "content" / "fr").glob("*.md")
                     if "<!-- quiz -->" in page.read_text(encoding="utf-8"))
    for lang in ("fr", "en"):
        for anchor in anchors:
            assert f"{lang}/{FORMS_PAGE.removesuffix('.md')}.html#{anchor}" in manifest
        assert f"{lang}/{quiz_page}.html" in manifest
    assert len(manifest) == len(_manifest())  # no address twice


def test_a_missing_address_is_noticed(site: Site) -> None:
    assert not serves(site.path, "fr/partnership-culture.html#coop")
    assert not serves(site.path, "fr/culture.html")
    assert serves(site.path, "fr/partnership-culture.html#cooperation")


@pytest.fixture
def moved(project: Callable[[], Project]) -> tuple[Project, str, str]:
    """A copy of the project where a page of the site with sections moved, with its redirect declared:
    (the copy, the page's old address, one of its anchors)."""
    copy = project()
    page = next(page for page in site_pages() if markdown_ids(ROOT / "content" / "fr" / page))
    copy.move_page(page, "moved-page.md")
    result = copy.build(site_url="https://example.org/partenariat/")
    assert result.returncode == 0, result.stderr
    return copy, page.removesuffix(".md") + ".html", markdown_ids(ROOT / "content" / "fr" / page)[-1]


def test_a_moved_page_keeps_its_old_address_and_anchors(moved: tuple[Project, str, str]) -> None:
    copy, old, anchor = moved
    site = copy.file("site")
    for lang in ("fr", "en"):
        assert serves(site, f"{lang}/{old}#{anchor}")
        html = (site / lang / old).read_text(encoding="utf-8")
        assert _redirect_target(html) == "moved-page.html"
        canonical = [a["href"] for tag, a in elements(html) if tag == "link" and a.get("rel") == "canonical"]
        assert canonical == [f"https://example.org/partenariat/{lang}/moved-page.html"]
        assert 'window.location.replace("moved-page.html" + window.location.hash)' in html


# The messages below name the lines and pages of the frozen content of tests/fixture/ (fixture_project).
def test_a_redirect_to_a_page_that_does_not_exist_is_refused(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    copy.edit("content/redirects.yml", "redirects: {}", "redirects:\n  culture.html: partnership.html")
    assert problems(copy.build()) == [
        "content/redirects.yml:11: redirects.culture.html: partnership.html is not a page of the site; expected the "
        "new address of the page (content/fr/partnership.md and content/en/partnership.md do not exist)"
    ]


def test_a_redirect_from_a_page_that_still_exists_is_refused(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    copy.edit("content/redirects.yml", "redirects: {}", "redirects:\n  about.html: editorial.html")
    assert problems(copy.build()) == [
        "content/redirects.yml:11: redirects.about.html: about.html is still a page of the site (content/fr/about.md, "
        "content/en/about.md); a redirect is for an address that no longer has its page"
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_heading_link_copies_the_absolute_address_of_its_section(site: Site, lang: str) -> None:
    for page in (site.path / lang).glob("*.html"):
        for tag, attrs in elements(page.read_text(encoding="utf-8")):
            if tag == "a" and "headerlink" in attrs.get("class", ""):
                assert attrs["data-clipboard-text"] == f"{site.url}{lang}/{page.name}{attrs['href']}"
                assert attrs["aria-label"] == {"fr": "Copier le lien de cette section",
                                               "en": "Copy the link to this section"}[lang]


def test_robots_txt_points_to_the_sitemap(site: Site) -> None:
    assert (site.path / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {site.url}sitemap.xml"


def test_a_page_renamed_without_its_redirect_stops_the_build_on_one_line(project: Callable[[], Project]) -> None:
    copy = project()
    page = site_pages()[-1]
    copy.move_page(page, "renamed-page.md")
    old = page.removesuffix(".md") + ".html"
    copy.set_redirects({k: v for k, v in copy.redirects().items() if v != "renamed-page.html"})
    lines = problems(copy.build())  # one per page name lost (more than one if the page had moved before)
    first = next(number for number, address in _permalinks.addresses() if address.partition("#")[0].endswith(old))
    assert all(line.startswith("permalinks.txt:") for line in lines), lines
    [line] = [line for line in lines if line.startswith(f"permalinks.txt:{first}: the published address ")]
    assert (f"no longer leads anywhere: {page} was renamed or removed; declare the move in content/redirects.yml "
            f"(a line '{old}: new-name.html' under 'redirects:')") in line


def test_a_published_section_whose_id_changed_stops_the_build(project: Callable[[], Project]) -> None:
    copy = project()
    page = next(page for page in site_pages() if markdown_ids(ROOT / "content" / "fr" / page))
    anchor = markdown_ids(ROOT / "content" / "fr" / page)[0]
    address = f"fr/{page.removesuffix('.md')}.html#{anchor}"
    assert address in _manifest()
    for lang in ("fr", "en"):  # the id changed everywhere, links to it included: only the published address breaks
        for path in copy.file(f"content/{lang}").glob("*.md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(f"#{anchor}}}", f"#{anchor}-new}}").replace(f"#{anchor})", f"#{anchor}-new)"),
                            encoding="utf-8")
    lines = problems(copy.build())  # one per address of the section (each language, an old address of the page)
    assert all(line.startswith("permalinks.txt:") for line in lines), lines
    assert all(f"without the section '#{anchor}'" in line for line in lines), lines
    [line] = [line for line in lines if f"'{address}' leads to a page without the section '#{anchor}'" in line]
    assert "an id never changes once published" in line
