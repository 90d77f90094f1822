"""Privacy by construction: the built site loads nothing from another host, and links to other sites make no
request until a reader clicks them (the browser tests check requests)."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT, Site
from helpers import elements

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")
_NAMESPACE_ATTRIBUTES = {"xmlns", "xmlns:xlink", "xmlns:xhtml"}


def foreign_references(html: str, site_url: str) -> list[tuple[str, str, str]]:
    """(element, attribute, value) of every address of another host in a page, but a link's href: a link
    makes no request until the reader clicks it, a picture, a script, a frame or a style sheet on opening."""
    foreign = []
    for tag, attrs in elements(html):
        for name, value in attrs.items():
            if tag == "a" and name == "href":
                continue
            if ("://" in value or value.lstrip().startswith("//")) and name not in _NAMESPACE_ATTRIBUTES \
                    and not value.startswith(site_url):
                foreign.append((tag, name, value))
    return foreign


def test_no_html_page_refers_to_another_host(site: Site) -> None:
    foreign = [(page.relative_to(site.path).as_posix(), *found) for page in site.path.rglob("*.html")
               for found in foreign_references(page.read_text(encoding="utf-8"), site.url)]
    assert foreign == []


def test_a_link_to_another_site_is_allowed() -> None:
    assert foreign_references('<p><a href="https://example.org/page">elsewhere</a></p>', "http://127.0.0.1/") == []


@pytest.mark.parametrize("html", ['<img src="https://example.org/p.gif" alt="">', '<img src="//example.org/p.gif">',
                                  '<iframe src="https://www.youtube.com/embed/x"></iframe>',
                                  '<link rel="stylesheet" href="https://fonts.googleapis.com/css">',
                                  '<script src="https://example.org/a.js"></script>',
                                  '<a href="#x" ping="https://example.org/ping">x</a>'])
def test_every_resource_of_another_site_is_still_refused(html: str) -> None:
    assert len(foreign_references(html, "http://127.0.0.1/")) == 1


def test_no_stylesheet_loads_anything_from_another_host(site: Site) -> None:
    foreign = []
    sheets = [(p, p.read_text(encoding="utf-8")) for p in site.path.rglob("*.css")]
    sheets += [(p, style) for p in site.path.rglob("*.html")
               for style in re.findall(r"<style>(.*?)</style>", p.read_text(encoding="utf-8"), re.S)]
    for path, css in sheets:
        for match in _CSS_URL.finditer(css):
            target = match.group(1) or match.group(2)
            if re.match(r"(https?:)?//", target):
                foreign.append((path.name, target))
    assert foreign == []
    assert len(sheets) > 3


def test_the_site_s_own_scripts_contact_nobody(site: Site) -> None:
    scripts = [(site.path / lang / "assets" / "site.js").read_text(encoding="utf-8") for lang in ("fr", "en")]
    scripts += re.findall(r"<script>(.*?)</script>", (site.path / "index.html").read_text(encoding="utf-8"), re.S)
    for script in scripts:
        assert "http" not in script and "fetch(" not in script and "XMLHttpRequest" not in script
        assert "document.cookie" not in script


def test_material_s_features_that_would_call_other_hosts_are_off(site: Site) -> None:
    # Material's bundle can load Mermaid from a CDN and repository facts from GitHub's API, and Google
    # Fonts from its templates: only when a page has a diagram, or the configuration asks for them.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["theme"]["font"] == "false"
    assert "repo_url" not in config and "analytics" not in config.get("extra", {})
    for page in site.path.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="mermaid"' not in html and "fonts.googleapis" not in html, page
