"""The self-assessment quiz, rendered at build time from quiz/ into content/<lang>/quiz.md.

The page holds a marker `<!-- quiz -->`; it becomes the questionnaire (quiz/quiz.html), which
is also the paper version: without JavaScript, or printed, it shows every question and the
scoring grid. quiz/quiz.js turns it into one question at a time and scores in the browser.
The data is checked on every build (hooks/_quiz.py), even when no page shows the quiz.
"""

from __future__ import annotations

from typing import Any

from _data import CONTENT, ROOT, DataError, rel, templates, typeset
from _quiz import QUIZ, Quiz, load_quiz
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

MARKER = "<!-- quiz -->"
# The interface texts quiz.js writes itself (the template writes the others into the page).
JS_TEXTS = (
    "progress", "result_title", "result_clear", "result_between", "result_split", "result_none", "unanswered",
    "figure_title", "point", "points", "why_title", "why_towards", "why_elsewhere", "wish_title", "wish_same",
    "wish_further", "wish_back", "wish_further_involves", "wish_back_involves", "not_better", "met_title",
    "met_none", "pleasures_title", "talk_title", "your_answers", "no_answer", "change", "forgotten", "own_remove",
    "share",
)
ASSETS = ("quiz/quiz.js", "quiz/quiz.css")
_TEMPLATE = templates(QUIZ).get_template("quiz.html")
_quiz: Quiz | None = None


def on_config(config: MkDocsConfig) -> None:
    global _quiz
    _quiz = load_quiz()
    for form in _quiz.forms:  # the result links to the page of its form (hooks/results.py)
        page = CONTENT / config.extra["lang"] / f"result-{form.id}.md"
        if not page.is_file():
            raise DataError(f"{rel(page)}: missing; the quiz result links to a page for each form, with a "
                            f"title and the line <!-- result:{form.id} -->")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for asset in ASSETS:
        files.append(File(asset, str(ROOT), config.site_dir, config.use_directory_urls))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if MARKER not in markdown or _quiz is None:
        return None
    html = _TEMPLATE.render(_plain_data(_quiz, config.extra["lang"]))
    return markdown.replace(MARKER, "\n".join(line for line in html.splitlines() if line.strip()))


def _plain_data(quiz: Quiz, lang: str) -> dict[str, Any]:
    forms_page = "partnership-culture.html"

    def t(texts: dict[str, str]) -> str:
        return typeset(texts[lang], lang)

    forms = [
        {
            "id": form.id,
            "order": form.order,
            "name": t(form.name),
            "definition": t(form.definition),
            "href": f"{forms_page}#{form.id}",
            "share": f"result-{form.id}.html",
            "talk": t(quiz.talk[form.id]),
            "pleasures": " ".join(quiz.pleasures_for[form.id]),
        }
        for form in quiz.forms
    ]
    questions = [
        {
            "id": question.id,
            "text": t(question.text),
            "answers": [
                {
                    "id": answer.id,
                    "text": t(answer.text),
                    "weights": " ".join(f"{form_id}:{points}" for form_id, points in answer.weights.items()),
                }
                for answer in question.answers
            ],
            "grid": [
                " ".join(f"{a.id}\u00a0{a.weights[form.id]}" for a in question.answers if form.id in a.weights)
                for form in quiz.forms
            ],
        }
        for question in quiz.questions
    ]

    def items(kind: list[Any]) -> list[dict[str, str]]:
        return [{"id": item.id, "text": t(item.text), "href": f"{forms_page}#{item.id}"} for item in kind]

    return {
        "ui": {key: t(texts) for key, texts in quiz.ui.items()},
        "js_texts": JS_TEXTS,
        "forms": forms,
        "questions": questions,
        "fears": items(quiz.fears),
        "resistances": items(quiz.resistances),
        "pleasures": items(quiz.pleasures),
        "steps": len(questions) + 2,
    }
