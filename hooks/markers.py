"""Markers are the lines where the build puts a block: `<!-- quiz -->`, `<!-- forms:figure -->`, …

The hooks that own a marker (forms, results, quiz, newsletter) replace it. This hook runs after
them all, so that a marker that no hook knew never vanishes silently as an HTML comment. It stops
the build on:
- a comment left that looks like a marker (misspelt, unknown name, broken `<!-- … -->`), or a
  comment that is never closed (it would swallow the rest of the page);
- a marker that is not on a line of its own, or that appears twice on the page;
- a marker that the page's front matter expects (`blocks: [quiz]`) and the page lacks;
- a marker that one language's page has and the other's has not;
- a page `result-<form>.md` without its line `<!-- result:<form> -->`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.data import read_text, rel
from partnership.markers import _check_left, _outside_code, check, load_known


def on_config(config: MkDocsConfig) -> None:
    load_known()


@event_priority(-100)  # after every hook that replaces a marker
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    path = Path(page.file.abs_src_path)
    check(path, page.meta)
    _check_left(markdown, _outside_code(read_text(path)), rel(path))
    return None
