"""One page per form to share: "Our partnership: cooperation — where does yours stand?".

content/<lang>/result-<form>.md holds a title and a marker `<!-- result:cooperation -->`; the
hook replaces it with one line of context for a reader who arrives from a shared link and the button
to take the quiz (both in the first screen of a phone), then the form's definition from
content/forms.yml, the figure of the seven forms with this one labelled, what partners can ask
each other (quiz/texts.yml) and the button again. The quiz result links to the page of the form it finds.
The links to the quiz and to the forms page follow their moves (content/redirects.yml, partnership/pages.py).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from partnership.data import DataError, rel, templates, typeset
from partnership.pages import FORMS, QUIZ, current_address
from partnership.quiz import Quiz, load_quiz

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

    def t(text: str) -> str:
        return typeset(text, lang)

    html = _TEMPLATE.render(
        form={"id": form.id, "name": t(form.name[lang]), "definition": t(form.definition[lang])},
        colon="\u00a0:" if lang == "fr" else ":",
        context=t(strings["result_context"]),
        take_quiz=t(strings["take_quiz"].replace("{minutes}", str(config.extra["quiz_facts"]["minutes"]))),
        defined=t(strings["result_defined"]),
        read_forms=t(strings["read_forms"]),
        talk_title=t(strings["result_talk"]),
        talk=t(quiz.talk[form.id][lang]),
        not_better=t(quiz.ui["not_better"][lang]),
        cta=t(strings["result_cta"]),
        forms_href=get_relative_url(current_address(FORMS), page.url) + f"#{form.id}",
        quiz_href=get_relative_url(current_address(QUIZ), page.url),
    )
    return markdown.replace(match.group(0), html)
