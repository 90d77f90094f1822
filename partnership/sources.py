"""What hooks/sources.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import html as html_lib
import re

from partnership.data import CONTENT

SOURCES = CONTENT / "sources"


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ý«“])")


def page_text(html: str) -> str:
    """The text of a page's HTML as a reader sees it, tags set aside."""
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


def sentences(text: str) -> list[str]:
    """The sentences of a source text in order: its title, list items ('·') and open list endings ('…')."""
    found: list[str] = []
    for line in text.splitlines():
        line = line.strip().removeprefix("·").strip()
        if line:
            found += [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
    return found


def check(published: str, source: str) -> str | None:
    """What is wrong with the original as `published` (a page's text), or None when it is word for word.

    Every sentence of `source` must appear, in order; between the first sentence after the title and
    the last one, nothing but punctuation may sit between two sentences. The title (the first
    sentence) may be set in sentence case when the source has it in capitals.
    """
    text = _exact(published)
    folded = text.casefold()
    cursor = 0
    previous = ""
    for index, sentence in enumerate(sentences(source)):
        wanted = _exact(sentence)
        if index == 0 and sentence.isupper():
            position = folded.find(wanted.casefold(), cursor)
        else:
            position = text.find(wanted, cursor)
        if position < 0:
            where = f" after '{_short(previous, end=True)}'" if previous else ""
            return f"this sentence is missing, changed or out of order{where}: '{sentence}'"
        added = re.sub(r"([?!:;])(?=\w)", r"\1 ", text[cursor:position].replace("¶", "")).strip()
        if index >= 2 and any(character.isalnum() for character in added):
            return (f"between '{_short(previous, end=True)}' and '{_short(sentence)}' the page adds a text of its "
                    f"own: '{_short(added)}'; put the site's texts before or after the original")
        cursor, previous = position + len(wanted), sentence
    return None


def _exact(text: str) -> str:
    """The text as a reader reads it: white space folded (a page's tags leave spaces around words and
    punctuation), every character kept, quotes and apostrophes included: ’ is not ', « » is not "."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))
    return re.sub(r" ?([:;!?«»“”\"]) ?", r"\1", text).strip()


def _short(text: str, end: bool = False) -> str:
    text = " ".join(text.split())
    if len(text) <= 60:
        return text
    return "…" + text[-57:] if end else text[:57] + "…"
