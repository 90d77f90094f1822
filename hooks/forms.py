"""The seven forms, defined once in content/forms.yml, drawn where a page asks for them.

A page writes a marker on a line of its own; the hook replaces it:
- `<!-- forms:figure -->`: the scale of the seven forms (inline SVG), each step linking to its form;
  `<!-- forms:figure:cooperation -->` draws the same scale with that step marked;
- `<!-- forms:list -->`: the seven names with their one-line definitions.
The page partnership-culture.md must carry the anchor of every form (`{: #service }`, …).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from _data import DataError, Form, load_forms, markdown_ids, rel, templates
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

FORMS_PAGE = "partnership-culture.md"
_MARKER = re.compile(r"<!-- forms:(figure|list)(?::([a-z-]+))? -->")
_ENV = templates()
# The scale goes from light to dark: (fill, text) for each step, contrast >= 4.5:1.
_COLOURS = [
    ("#e0f2f1", "#00332c"), ("#b2dfdb", "#00332c"), ("#80cbc4", "#00332c"), ("#4db6ac", "#00231e"),
    ("#00897b", "#ffffff"), ("#00695c", "#ffffff"), ("#004d40", "#ffffff"),
]


_forms: list[Form] = []


def on_config(config: MkDocsConfig) -> None:
    global _forms
    _forms = load_forms()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    forms = _forms
    if page.file.src_uri == FORMS_PAGE:
        _check_anchors(Path(page.file.abs_src_path), forms)
    if not _MARKER.search(markdown):
        return None
    data = _plain_data(forms, page, config)
    known = {form.id for form in forms}

    def render(match: re.Match[str]) -> str:
        kind, current = match.groups()
        if current and current not in known:
            raise DataError(f"{rel(page.file.abs_src_path)}: {match.group(0)}: unknown form '{current}'; "
                            f"expected one of {', '.join(form.id for form in forms)}")
        html = _ENV.get_template(f"forms_{kind}.html").render(data, current=current)
        return "\n".join(line for line in html.splitlines() if line.strip())

    return _MARKER.sub(render, markdown)


def _plain_data(forms: list[Form], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    lang = config.extra["lang"]
    target = "" if page.file.src_uri == FORMS_PAGE else get_relative_url(FORMS_PAGE.replace(".md", ".html"), page.url)
    steps = []
    for index, form in enumerate(forms):
        fill, text = _COLOURS[round(index * (len(_COLOURS) - 1) / max(len(forms) - 1, 1))]
        steps.append({
            "id": form.id,
            "order": form.order,
            "name": form.name[lang],
            "definition": form.definition[lang],
            "href": f"{target}#{form.id}",
            "y": 34 + index * 44,
            "width": 210 + round(index * 126 / max(len(forms) - 1, 1)),
            "fill": fill,
            "text": text,
        })
    return {"steps": steps, "height": 34 + len(forms) * 44 + 24, "strings": config.extra["strings"]}


def _check_anchors(path: Path, forms: list[Form]) -> None:
    ids = markdown_ids(path)
    for form in forms:
        if form.id not in ids:
            raise DataError(
                f"{rel(path)}: the form '{form.id}' (content/forms.yml) has no anchor on this page; "
                f"expected its list item to end with a line '{{: #{form.id} }}'"
            )
