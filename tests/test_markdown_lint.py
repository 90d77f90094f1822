"""Markdown that would not show as written stops the build, with one line an editor can act on.

The unit tests lint fixed sample pages (partnership/markdown_lint.py `findings`): each mistake a tester made
(pasting from Word, a list glued to a sentence, …) gives one finding on the right line, and the Markdown
the site writes on purpose (ids after list items, headings with ids, markers, tables, nested lists,
`<div markdown>` blocks) gives none. The build tests make the same mistakes in a copy of the project.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, Project, site_pages
from test_editor_errors import build_with_previous_site

from partnership import markdown_lint as _markdown_lint  # noqa: E402
from partnership.data import DataError  # noqa: E402
from partnership.markdown_lint import MESSAGES, findings  # noqa: E402

PAGE = "content/fr/page.md"
HEAD = "---\ntitle: Une page\ndescription: Une phrase sur la page.\n---\n\n# Une page\n\n"
FIRST = HEAD.count("\n") + 1  # the line number of the body's first line


def lint(body: str) -> list[str]:
    return findings(HEAD + body, PAGE)


def said(line: int, key: str, **values: str) -> str:
    return f"{PAGE}:{FIRST + line - 1}: {MESSAGES[key].format(**values)}"


# What the tester wrote (the page's body), the line of the body the finding names, its message, its values.
MISTAKES = {
    "a list right after a sentence": ("Les peurs :\n- la première\n- la seconde\n", 2, "MD032-before", {}),
    "a numbered list right after a sentence": ("Trois temps :\n1. un\n2. deux\n", 2, "MD032-before", {}),
    "a 'blank' line holding a no-break space": ("Un paragraphe.\n\u00a0\nUn autre.\n", 2, "looks-empty",
                                                {"char": "a no-break space (U+00A0)"}),
    "a 'blank' line holding a zero-width space": ("Un paragraphe.\n\u200b\nUn autre.\n", 2, "looks-empty",
                                                  {"char": "a zero-width space (U+200B)"}),
    "Word's bullets": ("Les peurs :\n\n•\tla première\n", 3, "bullet", {"bullet": "•"}),
    "a line break from Word": ("Une ligne\x0bet la suite.\n", 1, "invisible",
                               {"char": "a line break from Word (U+000B)"}),
    "a paragraph indented four spaces": ("Un paragraphe.\n\n    Un paragraphe en retrait.\n", 3, "MD046", {}),
    "a sub-item indented two spaces": ("- un\n  - un et demi\n- deux\n", 2, "PML101", {"expected": "4", "actual": "2"}),
    "a skipped heading level": ("### Trop bas {#trop-bas}\n\nTexte.\n", 1, "MD001",
                                {"actual": "###", "above": "#", "expected": "##"}),
    "a second title": ("## Partie {#partie}\n\nTexte.\n\n# Un autre titre\n\nTexte.\n", 5, "MD025", {}),
    "'---' under a paragraph": ("Un paragraphe.\n---\n\nTexte.\n", 1, "MD003", {}),
    "a heading glued to the text above": ("Texte.\n\n## Partie {#partie}\nTexte collé.\n", 3, "MD022-below", {}),
    "an id line separated from its item": ("Les peurs :\n\n- perdre son âme\n\n{: #fear-soul }\n\nSuite.\n", 5,
                                           "attr-separated", {"attr": "{: #fear-soul }"}),
    "an id line under its heading": ("## Des peurs\n{: #fears }\n\nTexte.\n", 1, "attr-heading",
                                     {"attr": "{: #fears }", "joined": "## Des peurs {: #fears }"}),
    "an undefined reference link": ("Voir [le texte][texte].\n", 1, "undefined-reference",
                                    {"link": "[le texte][texte]", "label": "texte"}),
    "front matter pasted twice": (HEAD.split("\n# ")[0], 1, "front-matter-again", {"first": "8", "last": "11"}),
}


@pytest.mark.parametrize("case", MISTAKES)
def test_a_mistake_gives_one_line_naming_where_and_what_to_do(case: str) -> None:
    body, line, key, values = MISTAKES[case]
    assert lint(body) == [said(line, key, **values)]


def test_invisible_characters_are_named_with_their_code() -> None:
    found = lint("Texte.\n\u00a0\u00a0\nSuite.\n")
    assert len(found) == 1 and "a no-break space (U+00A0)" in found[0], found


def test_every_finding_of_a_page_is_said_in_line_order() -> None:
    found = lint("Les peurs :\n- une\n\n### Trop bas {#bas}\n\nVoir [ceci][nulle-part].\n")
    assert [int(f.split(":")[1]) for f in found] == [FIRST + 1, FIRST + 3, FIRST + 5], found


CORRECT = {
    "ids on the line after each list item": "Les peurs :\n\n- perdre son âme\n{: #fear-soul }\n- perdre du temps\n"
                                            "{: #fear-time }\n\nSuite.\n",
    "headings with their id": "## Des peurs {#fears}\n\nTexte.\n\n### Une peur {#fear}\n\nTexte.\n",
    "a style on the line after a paragraph": "Un paragraphe.\n{: .home-lead }\n\nSuite.\n",
    "markers": "Texte.\n\n<!-- quiz -->\n\nSuite.\n\n<!-- forms:figure -->\n",
    "a table": "| Forme | Définition |\n|---|---|\n| service | pour moi |\n\nSuite.\n",
    "nested lists, 4 spaces a level": "- un\n    - un et demi\n        - un et quart\n- deux\n\n"
                                      "1. un\n    - a\n2. deux\n",
    "a <div markdown> block": '<div class="home-actions" markdown>\n[Lire](a.md){ .md-button }\n'
                              "[Quiz](quiz.md){ .md-button }\n</div>\n\nSuite.\n",
    "a <nav markdown> block": '<nav class="page-toc" markdown>\n[Une](#une) · [Deux](#deux)\n</nav>\n\nSuite.\n',
    "definitions": "[Un texte](a.md)\n:   Ce qu’il dit.\n\n    Un second paragraphe.\n\n[Un autre](b.md)\n:   Ici.\n",
    "an admonition": "!!! note\n\n    Son texte, en retrait.\n\nSuite.\n",
    "a defined reference": "Voir [le texte][texte] et [Texte][].\n\n[texte]: https://example.org/\n",
    "brackets that are no link": "la concertation [s’accorder avant d’agir] : oui.\n\n`[a][b]` en code.\n",
    "French spacing inside lines": "Une question\u00a0? «\u00a0Oui\u00a0», dit-il\u202f; fin.\n",
    "a separator between parts": "Un paragraphe.\n\n---\n\nUn autre.\n",
    "code between empty lines": "Texte.\n\n```\n- pas une liste\n    en retrait\n```\n\nSuite.\n",
    "a placeholder": "{quiz_questions} questions.\n{: .home-facts }\n",
}


@pytest.mark.parametrize("case", CORRECT)
def test_the_sites_own_markdown_passes(case: str) -> None:
    assert lint(CORRECT[case]) == []


def test_the_page_title_in_front_matter_is_not_a_second_title() -> None:
    assert lint("Texte.\n") == []
    assert findings(HEAD.replace("\n# Une page\n", "\n## Partie {#partie}\n") + "Texte.\n", PAGE) == []


def test_a_heading_may_end_the_page() -> None:
    assert lint("## Une dernière partie {#fin}\n\n") == []


def test_every_message_is_in_both_catalogues() -> None:
    for catalogue in ("errors.md", "erreurs.md"):
        text = " ".join((ROOT / "docs" / catalogue).read_text(encoding="utf-8").split())
        for key, message in MESSAGES.items():
            for part in re.split(r"\{[a-z]+\}", message.replace("{{", "{").replace("}}", "}")):
                part = " ".join(part.split()).strip(" '\"(),;:.")
                assert len(part) < 12 or part in text, f"docs/{catalogue} lacks {key}: {part}"


def test_the_check_stops_on_the_first_finding_also_when_kept_in_the_cache(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(HEAD + "Les peurs :\n- une\n\n### Trop bas {#bas}\n", encoding="utf-8")
    for _ in range(2):  # the second time, from .cache/
        with pytest.raises(DataError, match=re.escape(MESSAGES["MD032-before"])):
            _markdown_lint.check(page)
    page.write_text(HEAD + "Les peurs :\n\n- une\n", encoding="utf-8")
    _markdown_lint.check(page)


def _page(copy: Project, lang: str, page: str) -> Path:
    return copy.file(f"content/{lang}/{page}")


def test_a_list_glued_to_a_sentence_stops_the_build(project: Callable[[], Project]) -> None:
    copy = project()
    page = site_pages(copy.root)[0]
    path = _page(copy, "fr", page)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\nDeux choses :\n- une\n- deux\n", encoding="utf-8")
    line = text.count("\n") + 4
    assert build_with_previous_site(copy) == [f"content/fr/{page}:{line}: {MESSAGES['MD032-before']}"]


def test_a_blank_line_from_word_stops_the_build(project: Callable[[], Project]) -> None:
    copy = project()
    page = site_pages(copy.root)[-1]
    path = _page(copy, "en", page)
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\nOne paragraph.\n\u00a0\nAnother.\n", encoding="utf-8")
    line = text.count("\n") + 4
    char = "a no-break space (U+00A0)"
    assert build_with_previous_site(copy) == [f"content/en/{page}:{line}: {MESSAGES['looks-empty'].format(char=char)}"]


def test_an_id_line_cut_from_its_item_stops_the_build(project: Callable[[], Project]) -> None:
    copy = project()
    pages = [p for p in copy.nav() if re.search(r"^\{: #", _page(copy, "fr", p).read_text(encoding="utf-8"), re.M)]
    path = _page(copy, "fr", pages[0])
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^\{: #[^}]*\}", text, re.M)
    path.write_text(f"{text[:match.start()]}\n{text[match.start():]}", encoding="utf-8")
    line = text.count("\n", 0, match.start()) + 2
    expected = MESSAGES["attr-separated"].format(attr=match.group(0))
    assert build_with_previous_site(copy) == [f"content/fr/{pages[0]}:{line}: {expected}"]
