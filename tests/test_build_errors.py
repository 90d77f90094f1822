"""Editors are not programmers: a bad edit stops the build with one clear message, no traceback,
and the site that was published before stays as it was."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest
from conftest import Project

BuildProject = Callable[[], Project]


def problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The problems `make build` lists, one per '  - ' line."""
    assert result.returncode == 1, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "The build stopped" in output and "site/ was left as it was" in output
    return [line[4:] for line in output.splitlines() if line.startswith("  - ")]


# (what the editor does: file, old text, new text), the exact message they get: the files, lines and texts are
# those of the frozen content of tests/fixture/ (fixture_project), which the editors' changes never reach
CASES = {
    "broken link": (
        ("content/fr/index.md", "[À propos](about.md)", "[À propos](apropos.md)"),
        ["content/fr/index.md: the link 'apropos.md' points to a page or file that does not exist"],
    ),
    "unknown anchor on another page": (
        ("content/en/index.md", "(about.md)", "(about.md#privcy)"),
        ["content/en/index.md: the link 'about.md#privcy' points to an anchor '#privcy' that content/en/about.md "
         "does not have"],
    ),
    "unknown anchor on the same page": (
        ("content/en/partnership-culture.md", "(#fears)", "(#fear)"),
        ["content/en/partnership-culture.md: the link '#fear' points to an anchor that this page does not have"],
    ),
    "link outside the site's pages": (
        ("content/en/index.md", "(about.md)", "(/about.html)"),
        ["content/en/index.md: the link '/about.html' is not a link to a page of the site; link to a page by its "
         "file name, e.g. [About](about.md)"],
    ),
    "front matter that is not YAML": (
        ("content/en/about.md", "title: About", "title: [About"),
        ["content/en/about.md:2: not valid YAML: a list opened with '[' on this line is never closed with ']'"],
    ),
    "unknown front matter key": (
        ("content/en/about.md", "title: About", "titel: About"),
        ["content/en/about.md:2: front matter: unknown key 'titel' (did you mean 'title'?); expected one of title, "
         "description, original, source, hide, blocks"],
    ),
    "front matter without a description": (
        ("content/fr/about.md", "description: D’où viennent", "# description: D’où viennent"),
        ["content/fr/about.md:2: front matter: description: expected one sentence on the page, as a text (search "
         "engines and link previews show it); found nothing"],
    ),
    "translation pointing at its own language": (
        ("content/fr/editorial.md", "original: en", "original: fr"),
        ["content/fr/editorial.md:4: front matter: original: expected the language of the original when this page "
         "is a translation (the other language: fr or en); found 'fr'"],
    ),
    "a word of the original changed": (
        ("content/fr/partnership-culture.md", "mot souvent galvaudé", "mot souvent galvaudé,"),
        ["content/fr/partnership-culture.md: the original must stay word for word, with nothing of the site's "
         "inside it; this sentence is missing, changed or out of order after '…nos identités ont disparu, on ne sait "
         "plus qui fait quoi…': 'Mot moderne, mot magique ou mot de passe, mot souvent galvaudé, et surtout "
         "mot sous lequel nous ne mettons pas tous les mêmes réalités\u00a0!' "
         "(content/sources/culture-de-partenariat.fr.txt)"],
    ),
    "an item of the original left out": (
        ("content/en/editorial.md", "Things are very different today. ", ""),
        ["content/en/editorial.md: the original must stay word for word, with nothing of the site's inside it; "
         "this sentence is missing, changed or out of order after '…’t call into question existing territories or "
         "influences.': 'Things are very different today.' (content/sources/on-partnerships.en.txt)"],
    ),
    "a source that does not exist": (
        ("content/en/editorial.md", "source: on-partnerships.en.txt", "source: on-partnership.txt"),
        ["content/en/editorial.md:3: front matter: source: expected the file of content/sources/ that this page "
         "publishes word for word, e.g. on-partnerships.en.txt; found 'on-partnership.txt'"],
    ),
    "heading without an id": (
        ("content/en/about.md", "## Privacy {#privacy}", "## Privacy"),
        ["content/en/about.md:27: the heading 'Privacy' has no id; add one at the end of the line, e.g. "
         "'## Privacy {#privacy}' (an id never changes once published)"],
    ),
    "anchor renamed in one language only": (
        ("content/en/about.md", "## Privacy {#privacy}", "## Privacy {#private}"),
        ["content/fr/about.md and content/en/about.md have different anchors; a page has the same ids in both "
         "languages: #privacy only in content/fr/about.md; #private only in content/en/about.md"],
    ),
    "interface text missing in English": (
        ("content/strings.yml", "  en: Partnership culture\n", ""),
        ['content/strings.yml:4: site_name.en: missing the English text (site_name: {fr: "…", en: "…"}); '
         "found nothing"],
    ),
    "form defined twice": (
        ("content/forms.yml", "  - id: fusion", "  - id: service"),
        ["content/forms.yml:66: forms[6].id: the id 'service' is used twice; each form needs its own"],
    ),
    "form without its English definition": (
        ("content/forms.yml", "      en: we keep each other informed of what we are each doing\n", ""),
        ['content/forms.yml:26: forms[1].definition.en: missing the English text (definition: {fr: "…", en: "…"}); '
         "found nothing"],
    ),
    "mkdocs.yml that is not YAML": (
        ("mkdocs.yml", "strict: true", "strict: [true"),
        ["mkdocs.yml:10: not valid YAML: a list opened with '[' on this line is never closed with ']'"],
    ),
    "unknown theme in mkdocs.yml": (
        ("mkdocs.yml", "name: material", "name: materiel"),
        ["mkdocs.yml: theme: name: unknown theme 'materiel'; expected material"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_edit_gets_one_clear_message(fixture_project: BuildProject, case: str) -> None:
    (path, old, new), expected = CASES[case]
    copy = fixture_project()
    copy.edit(path, old, new)
    assert problems(copy.build()) == expected


def test_a_page_in_one_language_only_is_named_with_the_missing_language(project: BuildProject) -> None:
    copy = project()
    copy.file("content/fr/methode.md").write_text(
        "---\ntitle: Méthode\ndescription: Une page sans traduction.\n---\n\n# Méthode\n", encoding="utf-8"
    )
    assert problems(copy.build()) == [
        "content/en/methode.md: missing: content/fr/methode.md has no English version; "
        "every page must exist in both languages"
    ]


def test_a_form_without_its_anchor_in_both_languages_is_named(project: BuildProject) -> None:
    copy = project()
    copy.edit("content/fr/partnership-culture.md", "\n{: #fusion }", "")
    copy.edit("content/en/partnership-culture.md", "\n{: #fusion }", "")
    assert problems(copy.build()) == [
        f"content/{lang}/partnership-culture.md: the form 'fusion' (content/forms.yml) has no anchor on this page; "
        "expected its list item to end with a line '{: #fusion }'"
        for lang in ("fr", "en")
    ]


def test_a_site_url_that_is_not_an_address_is_refused(project: BuildProject) -> None:
    assert problems(project().build(site_url="example.org")) == [
        "SITE_URL: expected an address starting with https:// (or http://), such as https://example.org/partenariat/; "
        "found 'example.org'"
    ]


def test_a_failed_build_leaves_the_previous_site_as_it_was(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    files = sorted(p.name for p in copy.root.iterdir())
    first = copy.build()
    assert first.returncode == 0, first.stderr
    before = {path: path.read_bytes() for path in copy.file("site").rglob("*") if path.is_file()}
    assert copy.file("site/fr/index.html") in before and copy.file("site/index.html") in before

    copy.edit("content/fr/index.md", "Découvrez les sept formes", "[Découvrez](nulle-part.md) les sept formes")
    assert problems(copy.build()) != []

    after = {path: path.read_bytes() for path in copy.file("site").rglob("*") if path.is_file()}
    assert after == before
    assert sorted(p.name for p in copy.root.iterdir()) == sorted([*files, "site"])


def test_a_successful_build_replaces_the_site(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    assert copy.build().returncode == 0
    copy.edit("content/en/about.md", "Site built with", "Website built with")
    result = copy.build()
    assert result.returncode == 0, result.stderr
    assert "Website built with" in copy.file("site/en/about.html").read_text(encoding="utf-8")


def test_an_unexpected_error_is_one_line_without_its_traceback(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from sitebuild import messages
    from sitebuild.messages import explain

    monkeypatch.setattr(messages, "ERROR_LOG", tmp_path / "build-error.log")
    output = (
        "INFO    -  Building documentation...\n"
        "Traceback (most recent call last):\n"
        '  File "x.py", line 1, in <module>\n'
        "    boom()\n"
        "ZeroDivisionError: division by zero\n"
    )
    assert explain(output, "en") == [
        f"the English site: the build program failed on it (MkDocs): a fault in the program, not necessarily in your "
        f"text; tell a programmer: the details are in {tmp_path / 'build-error.log'}"
    ]
    assert "ZeroDivisionError: division by zero" in (tmp_path / "build-error.log").read_text(encoding="utf-8")
