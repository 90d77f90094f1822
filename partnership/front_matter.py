"""What hooks/front_matter.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from partnership.data import CONTENT, LANGUAGES, DataError, describe, line_of, parse_yaml, read_text, rel

_KEYS = {
    "title": "the page title, as a text",
    "description": "one sentence on the page, as a text (search engines and link previews show it)",
    "original": "the language of the original when this page is a translation (the other language: fr or en)",
    "source": "the file of content/sources/ that this page publishes word for word, e.g. on-partnerships.en.txt",
    "hide": "parts of the layout to hide, as a list: navigation, toc, footer",
    "blocks": "the blocks the build adds to this page, as a list of their markers without <!-- -->, e.g. [quiz]",
}


_REQUIRED = ("title", "description")


_HIDE = {"navigation", "toc", "footer"}


def check(path: Path, lang: str) -> dict[str, Any]:
    """The page's front matter, checked; returns it."""
    where = rel(path)
    lines = read_text(path).splitlines()
    if not lines or not lines[0].strip():
        raise DataError(f"{where}:1: expected the page to start with its front matter (a line '---', then title: "
                        f"and description:, then '---'); found {'an empty file' if not lines else 'an empty line'}")
    if lines[0].strip() != "---":
        raise DataError(f"{where}:1: expected the page to start with its front matter (a line '---', then title: "
                        f"and description:, then '---'); found '{lines[0].strip()[:60]}'")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
    except StopIteration:
        raise DataError(f"{where}:1: the front matter opened here is never closed; expected a line '---'") from None
    meta = parse_yaml("\n".join(lines[1:end]), where, first_line=2)
    if not isinstance(meta, dict):
        raise DataError(f"{where}:2: expected 'key: value' lines (title:, description:); found {describe(meta)}")
    for key in meta:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key).lower(), _KEYS, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise DataError(f"{where}{line_of(meta, key)}: front matter: unknown key '{key}'{hint}; expected one of "
                            f"{', '.join(_KEYS)}")
    for key in _REQUIRED:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DataError(
                f"{where}{line_of(meta, key)}: front matter: {key}: expected {_KEYS[key]}; found {describe(value)}"
            )
    _check_value(meta, "original", where, lambda v: v in LANGUAGES and v != lang)
    _check_value(meta, "source", where, lambda v: isinstance(v, str) and (CONTENT / "sources" / v).is_file())
    _check_value(meta, "hide", where, lambda v: isinstance(v, list) and set(v) <= _HIDE)
    return meta


def _check_value(meta: dict[str, Any], key: str, where: str, valid: Any) -> None:
    if key in meta and not valid(meta[key]):
        raise DataError(
            f"{where}{line_of(meta, key)}: front matter: {key}: expected {_KEYS[key]}; found {describe(meta[key])}"
        )
