"""The seven forms, defined once in content/forms.yml, drawn where a page asks for them.

A page writes a marker on a line of its own; the hook replaces it:
- `<!-- forms:figure -->`: the seven forms as seven equal steps on one line, in the text's order
  (which is not a ranking), each step linking to its form's definition;
  `<!-- forms:figure:cooperation -->` draws the same figure with that step labelled as the current one;
- `<!-- forms:list -->`: the seven names with their one-line definitions.
The page that publishes the French original (front matter `source: culture-de-partenariat.fr.txt`, hooks/_quiz.py)
must carry the anchor of every form (`{: #service }`, …); the figure links to it at its address as published
(FORMS_PAGE), followed through content/redirects.yml (hooks/_pages.py).

Other hooks (the quiz, the comparison) draw the same figure: `figure_html(forms, lang, strings, href_prefix,
current)`, or `figure_data(...)` and the template forms_figure.html. Each step is an element with
class `forms-scale__step` and `data-form="<id>"`; the current one also has `forms-scale__step--current`
and aria-current="true". Every step holds a label `forms-scale__here` ("vous êtes ici") that the CSS
shows only in the current step, so a script marks a step by moving that class (and aria-current).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from _data import DataError, Form, load_forms, markdown_ids, rel, templates, typeset
from _pages import FORMS, current_address, original
from _quiz import SOURCE
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

FORMS_PAGE = FORMS.replace(".html", ".md")  # the page as first published (permalinks.txt), whatever it is called now
# The texts of content/strings.yml that the figure and the list use.
FIGURE_STRINGS = ("figure_caption", "figure_here", "scale_start", "scale_end")
_MARKER = re.compile(r"<!-- forms:(figure|list)(?::([a-z-]+))? -->")
_ENV = templates()

_forms: list[Form] = []
_forms_page = {"original": "", "target": ""}  # the forms page's file name, and the address its links go to


def on_config(config: MkDocsConfig) -> None:
    global _forms
    _forms = load_forms()
    _forms_page.update(original=original(SOURCE), target=current_address(FORMS))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    forms = _forms
    if page.file.src_uri == _forms_page["original"]:
        _check_anchors(Path(page.file.abs_src_path), forms)
    if not _MARKER.search(markdown):
        return None
    lang = config.extra["lang"]
    target = _forms_page["target"]
    prefix = "" if page.url == target else get_relative_url(target, page.url)
    data = figure_data(forms, lang, config.extra["strings"], prefix)
    known = {form.id for form in forms}

    def render(match: re.Match[str]) -> str:
        kind, current = match.groups()
        if current and current not in known:
            raise DataError(f"{rel(page.file.abs_src_path)}: {match.group(0)}: unknown form '{current}'; "
                            f"expected one of {', '.join(form.id for form in forms)}")
        return _render(f"forms_{kind}.html", data, current)

    return _MARKER.sub(render, markdown)


def figure_data(forms: list[Form], lang: str, strings: dict[str, str], href_prefix: str) -> dict[str, Any]:
    """Plain data for forms_figure.html and forms_list.html.

    `strings`: content/strings.yml in one language (config.extra["strings"]); `href_prefix`: the link
    from the page to the forms page ("" on that page itself), each step adding #<form id>.
    """
    return {
        "steps": [
            {
                "id": form.id,
                "order": form.order,
                "name": typeset(form.name[lang], lang),
                "definition": typeset(form.definition[lang], lang),
                "href": f"{href_prefix}#{form.id}",
            }
            for form in forms
        ],
        "strings": {key: typeset(strings[key], lang) for key in FIGURE_STRINGS},
    }


def figure_html(forms: list[Form], lang: str, strings: dict[str, str], href_prefix: str,
                current: str | None = None) -> str:
    """The figure of the seven forms as HTML, with the step of form `current` (an id, or None) marked."""
    return _render("forms_figure.html", figure_data(forms, lang, strings, href_prefix), current)


def _render(template: str, data: dict[str, Any], current: str | None) -> str:
    html = _ENV.get_template(template).render(data, current=current)
    return "\n".join(line for line in html.splitlines() if line.strip())


def _check_anchors(path: Path, forms: list[Form]) -> None:
    ids = markdown_ids(path)
    for form in forms:
        if form.id not in ids:
            raise DataError(
                f"{rel(path)}: the form '{form.id}' (content/forms.yml) has no anchor on this page; "
                f"expected its list item to end with a line '{{: #{form.id} }}'"
            )
