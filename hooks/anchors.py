"""Anchors are promises: written by hand, the same in both languages.

Every heading below the page title carries an explicit id (`## Des peurs à apprivoiser {#fears}`),
so rewording a heading never breaks a link, and a page has exactly the same ids in French and
in English, so `#fusion` works in both.
"""

from __future__ import annotations

from pathlib import Path

from _data import CONTENT, LANGUAGE_NAMES, LANGUAGES, DataError, markdown_ids, rel
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = config.extra["lang"]
    path = Path(page.file.abs_src_path)
    ids = markdown_ids(path)
    for other in LANGUAGES:
        other_path = CONTENT / other / page.file.src_path
        if other == lang or not other_path.is_file():
            continue
        other_ids = markdown_ids(other_path)
        missing = [f"#{i}" for i in other_ids if i not in ids]
        extra = [f"#{i}" for i in ids if i not in other_ids]
        if missing or extra:
            found = []
            if missing:
                found.append(f"missing here: {', '.join(missing)}")
            if extra:
                found.append(f"not in the {LANGUAGE_NAMES[other]} page: {', '.join(extra)}")
            raise DataError(
                f"{rel(path)}: anchors differ from {rel(other_path)}; a page has the same ids in both "
                f"languages; {'; '.join(found)}"
            )
    return markdown
