"""Front matter (the YAML block between --- lines at the top of a page) must be valid.

MkDocs silently ignores a front matter it cannot read and prints it as text; this hook
stops the build instead, with the file, the line and what was expected. The title and the
description are written by the theme's templates, which do not escape: once every page has
been read, they are escaped here, so that a '<' or a '"' in them is shown, never run.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.front_matter import check


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    check(Path(page.file.abs_src_path), config.extra["lang"])
    return markdown


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # Every page has been read, none rendered yet: the menu of each page shows the others' titles.
    for file in files.documentation_pages():
        if file.page is not None:
            for key in ("title", "description"):
                if isinstance(file.page.meta.get(key), str):
                    file.page.meta[key] = markupsafe.escape(file.page.meta[key].strip())
    return env
