"""The seven forms, defined once in content/forms.yml, drawn where a page asks for them.

A page writes a marker on a line of its own; the hook replaces it:
- `<!-- forms:figure -->`: the seven forms as seven equal steps on one line, in the text's order
  (which is not a ranking), each step linking to its form's definition;
  `<!-- forms:figure:cooperation -->` draws the same figure with that step labelled as the current one;
- `<!-- forms:list -->`: the seven names with their one-line definitions.
The page that publishes the French original (front matter `source: culture-de-partenariat.fr.txt`, partnership/quiz.py)
must carry the anchor of every form (`{: #service }`, …); the figure links to it at its address as published
(FORMS_PAGE), followed through content/redirects.yml (partnership/pages.py).

Other hooks (the quiz, the comparison) draw the same figure: `figure_html(forms, lang, strings, href_prefix,
current)`, or `figure_data(...)` and the template forms_figure.html. Each step is an element with
class `forms-scale__step` and `data-form="<id>"`; the current one also has `forms-scale__step--current`
and aria-current="true". Every step holds a label `forms-scale__here` ("vous êtes ici") that the CSS
shows only in the current step, so a script marks a step by moving that class (and aria-current).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from partnership.data import DataError, Form, load_forms, rel
from partnership.forms import _MARKER, _check_anchors, _render, figure_data
from partnership.pages import FORMS, current_address, original
from partnership.quiz import SOURCE

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
