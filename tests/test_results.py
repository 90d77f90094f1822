"""One page per form and language to share: "Our partnership: cooperation — where does yours stand?"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from conftest import Project, Site
from helpers import article_html, elements, visible_text
from test_build_errors import problems

from partnership.data import load_forms, normalise
from partnership.quiz import load_quiz

FORMS = load_forms()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.id)
def test_each_form_has_a_page_to_share(site: Site, lang: str, form: object) -> None:
    page = site.path / lang / f"result-{form.id}.html"
    html = page.read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert normalise(form.name[lang]).casefold() in normalise(title).casefold()
    text = normalise(visible_text(article_html(page)))
    assert normalise(form.definition[lang]) in text
    assert normalise(load_quiz().talk[form.id][lang]) in text
    links = [attrs for tag, attrs in elements(article_html(page)) if tag == "a"]
    assert any(a.get("href") == "quiz.html" for a in links)
    assert any(a.get("href") == f"partnership-culture.html#{form.id}" for a in links)
    current = [a for a in links if a.get("aria-current") == "true"]
    assert [a["data-form"] for a in current] == [form.id]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_quiz_knows_the_page_of_each_form(site: Site, lang: str) -> None:
    html = (site.path / lang / "quiz.html").read_text(encoding="utf-8")
    shares = {a["data-form"]: a["data-share"] for tag, a in elements(html) if "data-share" in a and "data-form" in a}
    assert shares == {form.id: f"result-{form.id}.html" for form in FORMS}
    assert all((site.path / lang / target).is_file() for target in shares.values())


def test_a_missing_result_page_is_named(project: Callable[[], Project]) -> None:
    copy = project()
    copy.file("content/en/result-fusion.md").unlink()
    copy.file("content/fr/result-fusion.md").unlink()
    assert problems(copy.build()) == [
        f"content/{lang}/result-fusion.md: missing; the quiz result links to a page for each form, with a title and "
        "the line <!-- result:fusion -->"
        for lang in ("fr", "en")
    ]


def test_a_page_in_a_sub_folder_is_refused_with_where_to_put_it(project: Callable[[], Project]) -> None:
    copy = project()
    for lang in ("fr", "en"):
        folder = copy.file(f"content/{lang}/extra")
        folder.mkdir()
        (folder / "page.md").write_text("---\ntitle: X\ndescription: Y\n---\n\n# X\n", encoding="utf-8")
    assert problems(copy.build()) == [  # said once, for the first language: the other one is the same mistake
        "content/fr/extra/page.md: pages live directly in content/fr/, not in a sub-folder (the language "
        "menu and the browser's page lookups expect it); move it to content/fr/extra-page.md"
    ]
