"""The self-assessment quiz, rendered at build time from quiz/ into content/<lang>/quiz.md.

The page holds a marker `<!-- quiz -->`; it becomes the questionnaire (quiz/quiz.html), which
is also the paper version: without JavaScript, or printed, it shows every question and the
scoring grid. The browser's quiz.js is built from the small files of quiz/js/ (one concern each),
joined in the order of SCRIPTS, so a reader's browser loads one file. The data is checked on
every build (hooks/_quiz.py), even when no page shows the quiz.
"""

from __future__ import annotations

import json
import re
from string import ascii_lowercase
from typing import Any

from _data import CONTENT, DataError, fill, rel, templates, typeset
from _pages import FORMS, RESULT, current_address
from _quiz import QUIZ, Quiz, load_quiz
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

MARKER = "<!-- quiz -->"
# quiz/js/, in the order they are joined into the quiz.js a browser loads.
SCRIPTS = ("texts.js", "storage.js", "scoring.js", "figure.js", "result.js", "flow.js", "paper.js")
# quiz/js/, joined into the compare.js the page loads only when a reader shares or compares.
COMPARE_SCRIPTS = ("codec.js", "qr.js", "share.js", "compare.js", "meeting.js")
STYLES = ("quiz.css", "compare.css")
# The comparison's texts (written by compare.js, which the page loads only when a reader shares or compares).
COMPARE_TEXTS = (
    "compare",
    "share_title",
    "share_intro",
    "share_label",
    "share_own",
    "share_link",
    "share_copy",
    "share_copied",
    "share_copy_failed",
    "share_qr",
    "share_qr_label",
    "compare_title",
    "me",
    "partner_n",
    "one_partner",
    "take_to_compare",
    "add_title",
    "add_label",
    "add_button",
    "add_hint",
    "add_not_link",
    "add_full",
    "add_same",
    "added",
    "remove_partner",
    "link_damaged",
    "link_future",
    "link_long",
    "link_partial_one",
    "link_partial_many",
    "col_partner",
    "col_answers",
    "col_self",
    "col_wish",
    "mark_answers",
    "mark_self",
    "mark_wish",
    "figure_compare",
    "far_apart",
    "agree_title",
    "agree_place",
    "agree_none",
    "differ_title",
    "differ_none",
    "to_discuss",
    "met_compare",
    "met_yes",
    "met_no",
    "own_of",
    "room",
    "room_intro",
    "room_label",
    "room_start",
    "room_done",
    "room_next",
    "room_show",
    "save",
    "open",
    "opened",
    "open_bad",
    "back_to_result",
    "forget_partners",
    "far_apart_me",
    "far_apart_note",
    "banner_title",
    "banner_sent",
    "banner_kept",
    "banner_todo",
    "error_title",
    "error_prefix",
    "add_empty",
    "print_name_label",
    "print_partnership",
    "print_date",
    "print_partners",
)
# The interface texts quiz.js writes itself (the template writes the others into the page).
JS_TEXTS = (
    "progress", "resume", "next", "see_result", "change", "change_label", "forgotten", "own_remove", "result_clear",
    "result_between", "result_split", "result_pair", "result_split_note", "result_none", "unanswered_one",
    "unanswered_many", "self_agree", "self_differ", "gap_title", "self_none", "pulls_to", "share", "print", "restart",
    "forget", "point", "points", "why_title", "why_scores", "why_towards", "why_elsewhere", "wish_title",
    "wish_same", "wish_further", "wish_back", "step_one", "step_many", "wish_further_involves",
    "wish_back_involves", "not_better", "met_title", "met_none", "pleasures_title", "talk_title", "no_answer",
    "own_label", "own_add", "fears", "resistances", "self_unknown", "compare",
    "forget_confirm", "forget_yes", "restart_confirm", "restart_yes", "keep_answers", "change_return",
    "room_turn", "turn_finish", "turn_cancel", "turn_cancelled",
)
_COMMENT = re.compile(r"/\*.*?\*/|^\s*//[^\n]*$", re.S | re.M)
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


def _compare_data(quiz: Quiz, lang: str, minutes: int) -> str:
    """What only the comparison needs, in the page's language, at the head of compare.js (not in every quiz page):
    its texts, the discussion prompt of each question and the table of shared links (quiz/links.yml)."""
    data = {
        "texts": {key: typeset(quiz.ui[key][lang], lang) for key in COMPARE_TEXTS},
        "prompts": {question.id: typeset(question.prompt[lang], lang) for question in quiz.questions},
        "links": quiz.links,
        "minutes": minutes,  # how long the quiz takes (hooks/quiz_facts.py), said to a partner whose link opens
    }
    payload = json.dumps(data, ensure_ascii=False)
    return f"window.PartnershipQuiz=Object.assign(window.PartnershipQuiz||{{}},{payload});\n"


def _style(name: str) -> str:
    """A stylesheet of quiz/ without its comments and the spaces around its punctuation."""
    css = re.sub(r"/\*.*?\*/", "", (QUIZ / name).read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip() + "\n"


def _script(names: tuple[str, ...]) -> str:
    """Files of quiz/js/ joined into one, comments and indentation left out (fewer bytes to load)."""
    parts = []
    for name in names:
        source = _COMMENT.sub("", (QUIZ / "js" / name).read_text(encoding="utf-8"))
        parts.append("\n".join(line.strip() for line in source.splitlines() if line.strip()))
    return "\n".join(parts) + "\n"


def _plain_data(quiz: Quiz, config: MkDocsConfig, page: Page) -> dict[str, Any]:
    lang = config.extra["lang"]
    forms_page = current_address(FORMS)  # the links follow the pages' moves (content/redirects.yml, hooks/_pages.py)

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
