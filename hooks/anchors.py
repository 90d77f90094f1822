"""Anchors are promises: written by hand, the same in both languages.

Every heading below the page title carries an explicit id (`## Des peurs à apprivoiser {#fears}`),
so rewording a heading never breaks a link, and a page has exactly the same ids in French and
in English, so `#fusion` works in both.
"""

from __future__ import annotations

from _data import CONTENT, LANGUAGES, DataError, markdown_ids, rel
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    check(page.file.src_path, config.extra["lang"])
    return markdown


def check(name: str, lang: str) -> None:
    """The page `name` of content/<lang>/: every heading has an id, and the ids are those of the other language."""
    ids = {lang: markdown_ids(CONTENT / lang / name)}
    for other in LANGUAGES:
        path = CONTENT / other / name
        if other != lang and path.is_file():
            ids[other] = markdown_ids(path)
    differences = []
    for one in LANGUAGES:  # said the same way by both builds, so it is reported once
        only = [f"#{i}" for i in ids.get(one, []) if not all(i in found for found in ids.values())]
        if only:
            differences.append(f"{', '.join(only)} only in {rel(CONTENT / one / name)}")
    if differences:
        pages = " and ".join(rel(CONTENT / one / name) for one in LANGUAGES)
        raise DataError(f"{pages} have different anchors; a page has the same ids in both languages: "
                        f"{'; '.join(differences)}")
