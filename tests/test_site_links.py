"""Every link and resource of the finished site leads somewhere, the templates' included (partnership/site_links.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, Project, Site
from test_build_errors import problems

from partnership.footer import ABOUT
from partnership.pages import current_address
from partnership.site_links import check

ORIGIN = "http://127.0.0.1:8000/"


def _footer(html: str) -> str:
    return html[html.index('<footer class="md-footer">'):html.index("</footer>")]


def _about_page() -> str:
    """The Markdown file of the page the footer's About link leads to (about.md today)."""
    return current_address(ABOUT["about"]).removesuffix(".html") + ".md"


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A tiny built site: each name holds the given text (HTML pages, other files)."""
    folder = tmp_path / "site"
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _problems(tmp_path: Path, pages: dict[str, str]) -> list[str]:
    """check() of a tiny built site (_site), with a content folder of its own."""
    return check(_site(tmp_path, pages), ORIGIN, content=tmp_path / "content")


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_the_real_site_has_no_link_that_leads_nowhere(site: Site) -> None:
    assert check(site.path, site.url) == []


def test_the_footers_addresses_are_published_ones() -> None:
    published = (ROOT / "permalinks.txt").read_text(encoding="utf-8").split()
    for address in ABOUT.values():
        assert f"fr/{address}" in published and f"en/{address}" in published, address


def test_a_page_renamed_without_its_redirect_stops_the_build_on_the_footers_link(
    project: Callable[[], Project],
) -> None:
    copy = project()
    old = _about_page()
    new = f"renamed-{old}"
    copy.move_page(old, new)
    # Every redirect that leads to the page is taken away: the moves declared before, and this one.
    copy.set_redirects({k: v for k, v in copy.redirects().items() if v != new.replace(".md", ".html")})
    # Else the build's first check, that of permalinks.txt, says it (tests/test_permalinks.py).
    for address in {ABOUT["about"], old.replace(".md", ".html")}:
        copy.forget_published(address)
    [line] = problems(copy.build())
    assert line.startswith(f"overrides/partials/footer.html: the footer links to '{ABOUT['about']}'"), line
    assert "content/redirects.yml" in line


def test_a_page_renamed_with_its_redirect_is_linked_to_directly_from_the_footer(
    project: Callable[[], Project],
) -> None:
    copy = project()
    old = _about_page()
    new = f"renamed-{old}".replace(".md", ".html")
    copy.move_page(old, f"renamed-{old}")
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("fr", "en"):
        footer = _footer((copy.root / "site" / lang / "index.html").read_text(encoding="utf-8"))
        assert f'href="{new}"' in footer and f'href="{new}#privacy"' in footer
        assert f'href="{old.replace(".md", ".html")}' not in footer


def test_a_template_link_broken_on_purpose_is_named_with_its_template(project: Callable[[], Project]) -> None:
    copy = project()
    copy.edit("overrides/partials/footer.html", "{{ f.links.about | url | e }}", "nowhere.html")
    [line] = problems(copy.build())
    assert line.startswith("overrides/partials/footer.html: the footer links to 'nowhere.html' (on ")
    assert "other pages" in line


def test_a_missing_file_is_named_with_the_first_page_it_is_on(tmp_path: Path) -> None:
    [line] = _problems(tmp_path, {"fr/a.html": _page('<footer class="md-footer"><a href="gone.html">x</a></footer>'),
                                  "fr/b.html": _page('<footer class="md-footer"><a href="gone.html">x</a></footer>')})
    assert line.startswith("overrides/partials/footer.html: the footer links to 'gone.html' (on fr/a.html and "
                           "1 other page), which this build no longer has")


def test_a_missing_anchor_is_named(tmp_path: Path) -> None:
    [line] = _problems(tmp_path, {"fr/a.html": _page('<div class="md-nav"><a href="b.html#there">x</a></div>'),
                                  "fr/b.html": _page('<h2 id="here">Here</h2>')})
    assert line.startswith("mkdocs.yml: nav: the menu links to 'b.html#there' (on fr/a.html), but fr/b.html has no "
                           "section '#there'")


def test_an_existing_anchor_and_an_own_anchor_are_fine(tmp_path: Path) -> None:
    assert _problems(tmp_path, {"fr/a.html": _page('<a href="b.html#here">x</a><a href="#top" id="top">t</a>'),
                                "fr/b.html": _page('<h2 id="here">Here</h2>')}) == []


def test_addresses_start_from_the_base_element_as_in_a_browser(tmp_path: Path) -> None:
    page = _page('<a href="index.html">home</a><img src="assets/logo.png">', head='<base href="/fr/">')
    folder = _site(tmp_path, {"fr/404.html": page, "fr/index.html": _page(""), "fr/assets/logo.png": "png"})
    assert check(folder, ORIGIN) == []
    (folder / "fr" / "assets" / "logo.png").unlink()
    [line] = check(folder, ORIGIN)
    assert line.startswith("overrides/404.html: the 404 page links to 'assets/logo.png' (on fr/404.html), a file "
                           "this build does not have (fr/assets/logo.png)")


def test_every_address_of_a_srcset_is_checked(tmp_path: Path) -> None:
    folder = _site(tmp_path, {"fr/a.html": _page('<img src="x.png" srcset="x.png 1x,y.png 2x, z,1.png 3x">'),
                              "fr/x.png": "", "fr/y.png": "", "fr/z,1.png": ""})
    assert check(folder, ORIGIN) == []
    (folder / "fr" / "y.png").unlink()
    [line] = check(folder, ORIGIN)
    assert "'y.png'" in line


def test_a_query_string_is_not_part_of_the_file_name(tmp_path: Path) -> None:
    folder = _site(tmp_path, {"fr/a.html": _page('<link rel="stylesheet" href="site.css?v=2">'), "fr/site.css": ""})
    assert check(folder, ORIGIN) == []


def test_percent_encoded_names_are_the_files_names(tmp_path: Path) -> None:
    folder = _site(tmp_path, {"fr/a.html": _page('<a href="%C3%A9t%C3%A9%20photo.pdf#page=2">x</a>'),
                              "fr/été photo.pdf": "pdf"})
    assert check(folder, ORIGIN) == []


def test_other_hosts_mail_phone_and_data_are_left_alone(tmp_path: Path) -> None:
    body = ('<a href="https://example.org/nowhere.html">x</a><a href="mailto:a@example.org">m</a>'
            '<a href="tel:+33100000000">t</a><img src="data:image/png;base64,AAAA">')
    assert check(_site(tmp_path, {"fr/a.html": _page(body)}), ORIGIN) == []


def test_absolute_addresses_under_the_site_address_are_checked(tmp_path: Path) -> None:
    head = f'<link rel="alternate" hreflang="en" href="{ORIGIN}en/a.html"><meta property="og:image" ' \
           f'content="{ORIGIN}fr/assets/previews/a.png">'
    folder = _site(tmp_path, {"fr/a.html": _page("", head=head), "en/a.html": _page("")})
    [line] = check(folder, ORIGIN)
    assert line.startswith("hooks/previews.py: the link preview names")


def test_a_sitemaps_addresses_must_exist(tmp_path: Path) -> None:
    sitemap = f"<urlset><url><loc>{ORIGIN}fr/a.html</loc></url><url><loc>{ORIGIN}fr/b.html</loc></url></urlset>"
    folder = _site(tmp_path, {"sitemap.xml": sitemap, "fr/a.html": _page("")})
    [line] = check(folder, ORIGIN)
    assert line.startswith(f"tools/templates/sitemap.xml: the sitemap lists '{ORIGIN}fr/b.html'")


def test_a_link_of_a_pages_own_text_names_its_markdown_file(tmp_path: Path) -> None:
    (tmp_path / "content" / "fr").mkdir(parents=True)
    (tmp_path / "content" / "fr" / "a.md").write_text("# A\n", encoding="utf-8")
    [line] = _problems(tmp_path, {"fr/a.html": _page('<article class="md-content__inner"><p><a href="b.html">b</a>'
                                                     "</p></article>")})
    assert line.endswith("content/fr/a.md: the link 'b.html' points to a page or file that does not exist")
