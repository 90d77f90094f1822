"""The self-assessment quiz, rendered at build time from quiz/ into content/<lang>/quiz.md.

The page holds a marker `<!-- quiz -->`; it becomes the questionnaire (quiz/quiz.html), which
is also the paper version: without JavaScript, or printed, it shows every question and the
scoring grid. The browser's quiz.js is built from the small files of quiz/js/ (one concern each),
joined in the order of SCRIPTS, so a reader's browser loads one file. The data is checked on
every build (partnership/quiz.py), even when no page shows the quiz.
"""

from __future__ import annotations

from string import ascii_lowercase
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from partnership.data import CONTENT, DataError, fill, rel, templates, typeset
from partnership.pages import FORMS, RESULT, current_address
from partnership.quiz import (
    COMPARE_SCRIPTS,
    JS_TEXTS,
    MARKER,
    QUIZ,
    SCRIPTS,
    STYLES,
    Quiz,
    _compare_data,
    _script,
    _style,
    load_quiz,
)

_TEMPLATE = templates(QUIZ).get_template("quiz.html")


_quiz: Quiz | None = None


def on_config(config: MkDocsConfig) -> None:
    global _quiz
    _quiz = load_quiz()
    for form in _quiz.forms:  # the result links to the page of its form (hooks/results.py)
        page = CONTENT / config.extra["lang"] / current_address(RESULT.format(form=form.id)).replace(".html", ".md")
        if not page.is_file():
            raise DataError(f"{rel(page)}: missing; the quiz result links to a page for each form, with a "
                            f"title and the line <!-- result:{form.id} -->")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for style in STYLES:
        files.append(File.generated(config, f"quiz/{style}", content=_style(style)))
    files.append(File.generated(config, "quiz/quiz.js", content=_script(SCRIPTS)))
    if _quiz is not None:
        data = _compare_data(_quiz, config.extra["lang"], config.extra["quiz_facts"]["minutes"])
        files.append(File.generated(config, "quiz/compare.js", content=data + _script(COMPARE_SCRIPTS)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if MARKER not in markdown or _quiz is None:
        return None
    html = _TEMPLATE.render(_plain_data(_quiz, config, page))
    return markdown.replace(MARKER, "\n".join(line for line in html.splitlines() if line.strip()))


def _plain_data(quiz: Quiz, config: MkDocsConfig, page: Page) -> dict[str, Any]:
    lang = config.extra["lang"]
    forms_page = current_address(FORMS)  # follows the pages' moves (redirects.yml, partnership/pages.py)

    def t(texts: dict[str, str]) -> str:
        return typeset(texts[lang], lang)

    ui = {key: t(texts) for key, texts in quiz.ui.items()}
    ui["intro"] = fill(ui["intro"], **config.extra["quiz_facts"])  # {questions}, {unscored}, {minutes}: quiz_facts.py
    forms = [
        {
            "id": form.id,
            "order": form.order,
            "name": t(form.name),
            "definition": t(form.definition),
            "href": f"{forms_page}#{form.id}",
            "share": current_address(RESULT.format(form=form.id)),
            "talk": t(quiz.talk[form.id]),
            "pleasures": " ".join(quiz.pleasures_for[form.id]),
        }
        for form in quiz.forms
    ]
    questions = []
    for question in quiz.questions:
        letters = dict(zip((a.id for a in question.answers), ascii_lowercase, strict=False))
        questions.append({
            "id": question.id,
            "text": t(question.text),
            "answers": [
                {
                    "id": answer.id,
                    "letter": letters[answer.id],
                    "text": t(answer.text),
                    "weights": " ".join(f"{form_id}:{points}" for form_id, points in answer.weights.items()),
                }
                for answer in question.answers
            ],
            "grid": [
                # "a 1 c 2": each letter bound to its points, the pairs apart (an en space)
                "\u2002".join(f"{letters[a.id]}\u00a0{a.weights[form.id]}"
                               for a in question.answers if form.id in a.weights)
                for form in quiz.forms
            ],
        })

    def options(texts: list[tuple[str, str]]) -> list[dict[str, str]]:
        return [{"value": value, "letter": letter, "text": text}
                for (value, text), letter in zip(texts, ascii_lowercase, strict=False)]

    extra_steps = [
        {"id": "self", "question": ui["self_question"],
         "options": options([(f["id"], f["definition"]) for f in forms] + [("unknown", ui["self_unknown"])])},
        {"id": "wish", "question": ui["wish_question"],
         "options": options([(f["id"], f["name"]) for f in forms] + [("unknown", ui["wish_unknown"])])},
    ]

    def items(kind: list[Any]) -> list[dict[str, str]]:
        return [{"id": item.id, "text": t(item.text), "href": f"{forms_page}#{item.id}"} for item in kind]

    return {
        "ui": ui,
        "js_texts": JS_TEXTS,
        "site_name": config.site_name,
        "address": config.site_url + page.url,
        "paper_fields": [ui["paper_partnership"], ui["paper_organisation"], ui["paper_date"]],
        "forms": forms,
        "questions": questions,
        "extra_steps": extra_steps,
        "fears": items(quiz.fears),
        "resistances": items(quiz.resistances),
        "pleasures": items(quiz.pleasures),
        "steps": len(questions) + len(extra_steps) + 1,
    }
