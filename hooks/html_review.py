"""The HTML an editor wrote, and the SVG pictures of content/, reviewed against an allow-list
(partnership/html_review.py).

Each page's own Markdown (read from its file, front matter left out) is rendered with the site's extensions
before any hook adds its blocks, so the site's own scripts and forms are never mistaken for an editor's. The
problems of every page and picture are said together, once all pages are read, one line each.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.data import CONTENT, DataError, read_text, rel
from partnership.html_review import _body, review_page, review_svg

_found: list[DataError] = []


_renderer: markdown.Markdown | None = None


def on_config(config: MkDocsConfig) -> None:
    global _renderer
    _found.clear()
    _renderer = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    path = Path(page.file.abs_src_path)
    body, first_line = _body(read_text(path))
    assert _renderer is not None
    html = _renderer.reset().convert(body)
    lang = config.extra["lang"]
    problems = review_page(html, body, first_line, rel(path), lang, site=config.site_url.removesuffix(f"{lang}/"))
    _found.extend(problems)
    if problems:  # said now, before the checks of the later hooks (anchors…) read the same paste another way
        raise DataError("\n".join(map(str, _found)))
    return None


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    for picture in sorted(CONTENT.rglob("*.svg")):
        problems = review_svg(read_text(picture), rel(picture))
        _found.extend(problem for problem in problems if str(problem) not in map(str, _found))
    if _found:
        raise DataError("\n".join(map(str, _found)))
    return env
