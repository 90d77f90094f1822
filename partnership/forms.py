"""What hooks/forms.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from partnership.data import DataError, Form, markdown_ids, rel, templates, typeset
from partnership.pages import FORMS

FORMS_PAGE = FORMS.replace(".html", ".md")  # the page as first published (permalinks.txt), whatever it is called now


# The texts of content/strings.yml that the figure and the list use.
FIGURE_STRINGS = ("figure_caption", "figure_here", "scale_start", "scale_end")


_MARKER = re.compile(r"<!-- forms:(figure|list)(?::([a-z-]+))? -->")


_ENV = templates()


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
