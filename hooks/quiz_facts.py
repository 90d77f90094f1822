"""Facts about the quiz that pages state, counted from its data, never typed by hand.

A page (or its front matter title and description) may write `{quiz_questions}`, the number of
scored questions in quiz/questions.yml, `{quiz_unscored}`, the questions that follow them to compare
with the result (every page counts the same way: "10 questions, then 3 to compare with the result"),
and `{quiz_minutes}`, about how long the quiz takes; the hook fills them in. content/strings.yml's
`take_quiz` gets the same minutes (hooks/results.py), quiz/texts.yml's `intro` all three (hooks/quiz.py).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.data import DataError, rel
from partnership.quiz_facts import _PLACEHOLDER, quiz_facts

_facts: dict[str, int] = {}


def on_config(config: MkDocsConfig) -> None:
    global _facts
    _facts = quiz_facts()
    config.extra["quiz_facts"] = _facts


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    where = rel(page.file.abs_src_path)
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = _fill(page.meta[key], f"{where}: {key}")
    if page.title and "{quiz_" in page.title:
        page.title = _fill(page.title, f"{where}: title")
    return _fill(markdown, where)


def _fill(text: str, where: str) -> str:
    def value(match: re.Match[str]) -> str:
        if match.group(1) not in _facts:
            names = ["{quiz_" + key + "}" for key in _facts]
            raise DataError(f"{where}: unknown placeholder '{match.group(0)}'; expected "
                            f"{', '.join(names[:-1])} or {names[-1]}")
        return str(_facts[match.group(1)])

    return _PLACEHOLDER.sub(value, text)
