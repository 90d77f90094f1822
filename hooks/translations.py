"""A translated page says so, at the top, with a link to the original.

A page whose front matter has `original: en` (or `fr`) is a translation of the page of the
same name in that language; the notice comes from translation_notice.html beside this file.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.data import counterpart, templates

_TEMPLATE = templates().get_template("translation_notice.html")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    original = page.meta.get("original")
    if not original:
        return None
    notice = _TEMPLATE.render(
        original=original,
        href=counterpart(original, page.url),
        strings=config.extra["strings"],
    )
    title, _, rest = markdown.partition("\n")
    if not title.startswith("# "):
        return f"{notice}\n\n{markdown}"
    return f"{title}\n\n{notice}\n{rest}"
