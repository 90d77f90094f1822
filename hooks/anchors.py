"""Anchors are promises: written by hand, the same in both languages.

Every heading below the page title carries an explicit id (`## Des peurs à apprivoiser {#fears}`),
so rewording a heading never breaks a link, and a page has exactly the same ids in French and
in English, so `#fusion` works in both.
"""

from __future__ import annotations

from pathlib import Path

from _data import CONTENT, LANGUAGES, DataError, markdown_ids, rel
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = config.extra["lang"]
    ids = {lang: markdown_ids(Path(page.file.abs_src_path))}
    for other in LANGUAGES:
        path = CONTENT / other / page.file.src_path
        if other != lang and path.is_file():
            ids[other] = markdown_ids(path)
    differences = []
    for one in LANGUAGES:  # said the same way by both builds, so it is reported once
        only = [f"#{i}" for i in ids.get(one, []) if not all(i in found for found in ids.values())]
        if only:
            differences.append(f"{', '.join(only)} only in {rel(CONTENT / one / page.file.src_path)}")
    if differences:
        pages = " and ".join(rel(CONTENT / one / page.file.src_path) for one in LANGUAGES)
        raise DataError(f"{pages} have different anchors; a page has the same ids in both languages: "
                        f"{'; '.join(differences)}")
    return markdown
