"""Anchors are promises: written by hand, the same in both languages.

Every heading below the page title carries an explicit id (`## Des peurs à apprivoiser {#fears}`),
so rewording a heading never breaks a link, and a page has exactly the same ids in French and
in English, so `#fusion` works in both.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.anchors import check


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    check(page.file.src_path, config.extra["lang"])
    return markdown
