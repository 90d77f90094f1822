"""A page renamed in both languages with its redirect (docs/README.md, section 3) builds, and every link of the
built site leads straight to its new address; renamed without the redirect, the build stops on the link.

The pages are those of mkdocs.yml's menu, read when the tests are collected: the program finds the pages it
reads by what they hold and links to the others through content/redirects.yml (partnership/pages.py), never by
today's file names. The home page keeps its name (index.md: the language's own address, fr/, is served by it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOT, Project
from selectolax.lexbor import LexborHTMLParser
from test_build_errors import problems

HOME = "index.md"
PAGES = [page for page in Project(ROOT).nav() if page != HOME]
_ORIGIN = "http://site.test/"
_TEXT_FILES = ("*.js", "*.json", "*.xml", "*.txt")


def _links_to(site: Path, name: str) -> list[str]:
    """Where the built site links to `name` (an address such as quiz.html, in any language): 'page: link' lines.
    The redirect pages left at that address are what the link is for, and are not counted."""
    found = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        if path.name == name:
            continue
        tree = LexborHTMLParser(path.read_bytes())
        for node in tree.css("[href], [src], [content], [data-href]"):
            for attribute in ("href", "src", "content", "data-href"):
                value = (node.attributes.get(attribute) or "").strip()
                target = urlsplit(urljoin(_ORIGIN + page, value)).path if value else ""
                if target.rsplit("/", 1)[-1] == name:
                    found.append(f"{page}: {value}")
        for script in tree.css("script:not([src])"):
            found += [f"{page}: a script names {name}" for _ in _named(script.text(), name)]
    for pattern in _TEXT_FILES:
        for path in sorted(site.rglob(pattern)):
            found += [f"{path.relative_to(site).as_posix()}: {name}"
                      for _ in _named(path.read_text(encoding="utf-8", errors="replace"), name)]
    return found


def _named(text: str, name: str) -> list[str]:
    return re.findall(rf"(?<![\w-]){re.escape(name)}", text)


def test_the_menu_has_pages_to_rename() -> None:
    assert len(PAGES) >= 3 and all(page.endswith(".md") for page in PAGES)


@pytest.mark.parametrize("old", PAGES)
def test_a_page_renamed_with_its_redirect_builds_and_is_linked_to_at_its_new_address(
    project: Callable[[], Project], old: str,
) -> None:
    copy = project()
    new = f"renamed-{old}"
    copy.move_page(old, new)
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    site = copy.root / "site"
    old_html, new_html = old.replace(".md", ".html"), new.replace(".md", ".html")
    for lang in ("fr", "en"):
        assert (site / lang / new_html).is_file()
        assert f'url={new_html}' in (site / lang / old_html).read_text(encoding="utf-8")  # the redirect page
    assert _links_to(site, old_html) == []
    assert _links_to(site, new_html) != []  # the check above looks where the links are


def test_the_quiz_page_renamed_without_its_redirect_stops_the_build_on_one_line_naming_the_link(
    project: Callable[[], Project],
) -> None:
    copy = project()
    old = next(page.name for page in sorted((copy.root / "content" / "fr").glob("*.md"))
               if "<!-- quiz -->" in page.read_text(encoding="utf-8"))
    old_html = old.replace(".md", ".html")
    copy.move_page(old, f"renamed-{old}")
    copy.set_redirects({source: target for source, target in copy.redirects().items() if source != old_html})
    copy.forget_published(old_html)  # else the build's first check, permalinks.txt's, says it (test_permalinks)
    [line] = problems(copy.build())
    assert f"'{old_html}'" in line and "content/redirects.yml" in line
    assert line.split(":", 1)[0] in ("hooks/result.html", "quiz/quiz.html", "hooks/forms_figure.html")


def test_a_page_still_listed_at_its_old_address_in_the_newsletter_kit_is_offered_at_its_new_one(
    project: Callable[[], Project],
) -> None:
    copy = project()
    kit = copy.file("content/newsletter.yml")
    listed = kit.read_text(encoding="utf-8")
    old_html = next(page for page in re.findall(r"^\s*- page: (\S+\.html)\s*$", listed, flags=re.M)
                    if page != HOME.replace(".md", ".html"))
    new_html = f"renamed-{old_html}"
    copy.move_page(old_html.replace(".html", ".md"), new_html.replace(".html", ".md"))
    kit.write_text(listed, encoding="utf-8")  # the editor forgot the kit's entry
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("fr", "en"):
        page = next(path for path in sorted((copy.root / "site" / lang).glob("*.html"))
                    if 'class="newsletter-links' in path.read_text(encoding="utf-8"))
        text = page.read_text(encoding="utf-8")
        assert _named(text, old_html) == [] and _named(text, new_html) != []


def test_the_original_is_found_by_its_front_matter_and_its_loss_is_one_line(project: Callable[[], Project]) -> None:
    copy = project()
    original = next(page for page in sorted((copy.root / "content" / "fr").glob("*.md"))
                    if re.search(r"^source: \S+\.fr\.txt$", page.read_text(encoding="utf-8"), flags=re.M))
    text = original.read_text(encoding="utf-8")
    original.write_text(re.sub(r"^source: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    [line] = problems(copy.build())
    assert line.startswith("content/sources/") and "no page of content/ publishes this original" in line
