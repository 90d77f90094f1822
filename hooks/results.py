"""One page per form to share: "Our partnership is a cooperation — where does yours stand?".

content/<lang>/result-<form>.md holds a title and a marker `<!-- result:cooperation -->`; the
hook replaces it with the form's place on the scale, its definition from content/forms.yml,
what partners can ask each other (quiz/texts.yml) and a link to take the quiz. The quiz result
links to the page of the form it finds.
"""

from __future__ import annotations

import re

from _data import DataError, fill, rel, templates
from _quiz import Quiz, load_quiz
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

_MARKER = re.compile(r"<!-- result:([a-z-]+) -->")
_TEMPLATE = templates().get_template("result.html")


_quiz: Quiz | None = None


def on_config(config: MkDocsConfig) -> None:
    global _quiz
    _quiz = load_quiz()  # the forms, and what to talk about for each


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    match = _MARKER.search(markdown)
    if not match or _quiz is None:
        return None
    lang = config.extra["lang"]
    quiz = _quiz
    forms = {form.id: form for form in quiz.forms}
    form = forms.get(match.group(1))
    if form is None:
        raise DataError(f"{rel(page.file.abs_src_path)}: {match.group(0)}: unknown form '{match.group(1)}'; "
                        f"expected one of {', '.join(forms)}")
    strings = config.extra["strings"]
    html = _TEMPLATE.render(
        form={"id": form.id, "name": form.name[lang], "definition": form.definition[lang]},
        place=fill(strings["result_place"], n=form.order, total=len(forms)),
        talk=quiz.talk[form.id][lang],
        not_better=quiz.ui["not_better"][lang],
        forms_href=get_relative_url("partnership-culture.html", page.url) + f"#{form.id}",
        quiz_href=get_relative_url("quiz.html", page.url),
        strings=strings,
    )
    return markdown.replace(match.group(0), html)
