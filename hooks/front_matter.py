"""Front matter (the YAML block between --- lines at the top of a page) must be valid.

MkDocs silently ignores a front matter it cannot read and prints it as text; this hook
stops the build instead, with the file, the line and what was expected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _data import CONTENT, LANGUAGES, DataError, describe, line_of, parse_yaml, rel
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_KEYS = {
    "title": "the page title, as a text",
    "description": "one sentence on the page, as a text (search engines and link previews show it)",
    "original": "the language of the original when this page is a translation (the other language: fr or en)",
    "source": "the file of content/sources/ that this page publishes word for word, e.g. on-partnerships.en.txt",
    "hide": "parts of the layout to hide, as a list: navigation, toc, footer",
}
_REQUIRED = ("title", "description")
_HIDE = {"navigation", "toc", "footer"}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    _check(Path(page.file.abs_src_path), config.extra["lang"])
    return markdown


def _check(path: Path, lang: str) -> None:
    where = rel(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        raise DataError(f"{where}:1: expected front matter (a line '---', then title: and description:, then '---')")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
    except StopIteration:
        raise DataError(f"{where}:1: the front matter opened here is never closed; expected a line '---'") from None
    meta = parse_yaml("\n".join(lines[1:end]), where, first_line=2)
    if not isinstance(meta, dict):
        raise DataError(f"{where}:2: expected 'key: value' lines (title:, description:); found {describe(meta)}")
    for key in meta:
        if key not in _KEYS:
            raise DataError(
                f"{where}{line_of(meta, key)}: front matter: unknown key '{key}'; expected one of {', '.join(_KEYS)}"
            )
    for key in _REQUIRED:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DataError(
                f"{where}{line_of(meta, key)}: front matter: {key}: expected {_KEYS[key]}; found {describe(value)}"
            )
    _check_value(meta, "original", where, lambda v: v in LANGUAGES and v != lang)
    _check_value(meta, "source", where, lambda v: isinstance(v, str) and (CONTENT / "sources" / v).is_file())
    _check_value(meta, "hide", where, lambda v: isinstance(v, list) and set(v) <= _HIDE)


def _check_value(meta: dict[str, Any], key: str, where: str, valid: Any) -> None:
    if key in meta and not valid(meta[key]):
        raise DataError(
            f"{where}{line_of(meta, key)}: front matter: {key}: expected {_KEYS[key]}; found {describe(meta[key])}"
        )
