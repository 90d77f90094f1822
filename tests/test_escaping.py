"""Nothing unsafe is published: markup typed into any text of any data file, or into a page's title
and description, is shown as text on every page, never run or parsed as an element or attribute.

The texts are found generically (every `fr:` / `en:` text of every YAML file of content/ and quiz/),
so the test follows the data as it changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml
from conftest import Project, site_pages

# An element, a closing quotation mark of each kind followed by an attribute, an entity: each would show
# up as an element or an attribute named *injected* if a template wrote the text without escaping it.
PAYLOAD = ' <b data-injected="element">x</b> <injected-element></injected-element> " data-injected="q" ' \
          "' data-injected='a' &amp;"
LANGUAGES = ("fr", "en")


def _texts(node: Any) -> Iterator[tuple[Any, Any]]:
    """(container, key) of every text in a language, wherever it sits in the data."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LANGUAGES and isinstance(value, str):
                yield node, key
            else:
                yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


PAGE = site_pages()[0]  # a page written for the site, from the menu: its title and description get the payload


def inject(copy: Project) -> int:
    """The payload appended to every text of every data file and to a page's title and description."""
    count = 0
    for path in sorted([*copy.file("content").glob("*.yml"), *copy.file("quiz").glob("*.yml")]):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for container, key in _texts(data):
            container[key] += PAYLOAD
            count += 1
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    for lang in LANGUAGES:
        page = copy.file(f"content/{lang}/{PAGE}")
        _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        meta["title"] += PAYLOAD
        meta["description"] += PAYLOAD
        page.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=10_000)}---\n{body}", encoding="utf-8")
    return count


class _Injected(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "injected-element" or any(name == "data-injected" for name, _ in attrs):
            self.found.append(f"<{tag} {attrs}>")


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, int]:
    from conftest import copy_project

    copy = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    count = inject(copy)
    result = copy.build(images=True)  # the images' alt text carries the titles too
    assert result.returncode == 0, result.stdout + result.stderr
    return copy, count


def test_every_text_of_every_data_file_was_given_markup(injected_site: tuple[Project, int]) -> None:
    _, count = injected_site
    assert count >= 100  # strings, forms, newsletter kit, quiz: hundreds of texts


def test_no_element_or_attribute_from_the_texts_appears_in_any_page(injected_site: tuple[Project, int]) -> None:
    copy, _ = injected_site
    pages = sorted(copy.file("site").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = _Injected()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], f"{page.relative_to(copy.root)}: {parser.found[:3]}"


def test_the_markup_is_shown_as_text(injected_site: tuple[Project, int]) -> None:
    copy, _ = injected_site
    html = copy.file(f"site/en/{PAGE.removesuffix('.md')}.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, flags=re.S)
    assert title and "&lt;injected-element&gt;" in title.group(1)
    menu = copy.file("site/fr/index.html").read_text(encoding="utf-8")
    assert "&lt;b data-injected=&#34;element&#34;&gt;" in menu or "&lt;b data-injected=&quot;element&quot;&gt;" in menu


def test_no_element_from_the_texts_appears_in_the_search_index_or_the_xml(injected_site: tuple[Project, int]) -> None:
    """Material's search shows its results as HTML: the index must hold the texts escaped too."""
    copy, _ = injected_site
    indexes = sorted(copy.file("site").rglob("search_index.json"))
    assert len(indexes) == len(LANGUAGES)
    for index in indexes:
        for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]:
            parser = _Injected()
            parser.feed(f"{doc['title']} {doc['text']}")
            assert parser.found == [], f"{index.relative_to(copy.root)}: {doc['location']}: {parser.found[:3]}"
    for path in [*copy.file("site").rglob("*.xml"), copy.file("site/robots.txt")]:
        parser = _Injected()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], path.relative_to(copy.root)
