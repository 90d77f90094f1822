"""A careless editor at work on the data files (content/*.yml, quiz/*.yml, permalinks.txt, mkdocs.yml, SITE_URL):
each mistake below gets one line naming the file, the line or key and the real cause, and site/ stays as it was.

The cases run on copies with the frozen content of tests/fixture/ (tests/conftest.py `fixture_project`), in the
style of tests/test_editor_errors.py: most stop before MkDocs runs, so each costs a second or so.
"""

from __future__ import annotations

import pytest
from test_editor_errors import BuildProject, Edit, build_with_previous_site, one_clear_line, replace, transform

PUBLISHER = 'publisher:\n  fr: ""\n  en: ""\ncontact: ""'


def publisher(contact: str) -> Edit:
    return replace("content/publisher.yml", PUBLISHER,
                   f'publisher:\n  fr: "Association Exemple"\n  en: "Example association"\ncontact: {contact}')


def added_line(path: str, line: str) -> Edit:
    return transform(path, lambda text: text.rstrip("\n") + f"\n{line}\n")


# case: (edits, the message starts with, the message contains)
CASES: dict[str, tuple[list[Edit], str, str]] = {
    "contact written as a mailto: link": ([publisher("mailto:contact@example.org")], "content/publisher.yml:13:",
                                          "without 'mailto:'"),
    "contact that is a link's words, not an address": ([publisher('"javascript:alert(1)//@example.org"')],
                                                        "content/publisher.yml:13:", "expected an e-mail address"),
    "instant loading pasted from a Material tutorial": (
        [replace("mkdocs.yml", "    - toc.follow", "    - toc.follow\n    - navigation.instant")],
        "mkdocs.yml:", "theme: features: found navigation.instant; expected no navigation.instant line"),
    "permalink written with a leading slash": ([added_line("permalinks.txt", "/fr/about.html")],
                                               "permalinks.txt:", "(write 'fr/about.html' if that is what was meant)"),
}

SITE_URLS = {
    "the address of the home page file": ("https://example.org/index.html", "(write 'https://example.org/')"),
    "the address of a page in a folder": ("https://example.org/site/about.html", "(write 'https://example.org/site/')"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_careless_data_edit_gets_one_clear_line(fixture_project: BuildProject, case: str) -> None:
    one_clear_line(fixture_project(), *CASES[case])


@pytest.mark.parametrize("case", SITE_URLS)
def test_a_site_url_naming_a_file_gets_the_folder(fixture_project: BuildProject, case: str) -> None:
    url, contains = SITE_URLS[case]
    problems = build_with_previous_site(fixture_project(), site_url=url)
    assert len(problems) == 1 and problems[0].startswith("SITE_URL: expected the address of the folder"), problems
    assert problems[0].endswith(contains), problems[0]


def test_a_publisher_with_quotes_accents_and_an_accented_address_is_built(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    copy.edit("content/publisher.yml", PUBLISHER,
              "publisher:\n  fr: L’Élan « Exemple » d’Île-de-France\n  en: 'The “Example” association'\n"
              "contact: élan@example.org")
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = copy.file("site/fr/about.html").read_text(encoding="utf-8")
    shown = page.replace("\u202f", " ").replace("\u00a0", " ").replace("&nbsp;", " ")
    assert 'href="mailto:élan@example.org"' in page and "L’Élan « Exemple » d’Île-de-France" in shown
