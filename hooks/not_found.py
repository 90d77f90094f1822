"""The 404 page of each language works at any depth, under any path and from any origin.

A host shows a language's 404.html for every missing address inside that language's folder, at any
depth (fr/nowhere.html, fr/a/b/c.html). MkDocs writes the page with absolute paths (/fr/assets/…),
which only work where SITE_URL put the site: served under another path (a preview, a mirror, a
copy in a sub-folder), the page lost its styles, scripts and links.

The page is written instead with addresses relative to its language folder, and a <base> element
gives that folder: SITE_URL's, so that where the site was built for the browser finds everything
at once, even before a script runs. A few lines of script right after it (not_found.js, shared with
the site root's bilingual 404 page, tools/templates/404.html) move the base when the page is shown
elsewhere: to the folder above the address's first language folder (/mirror/fr/a/b.html ->
/mirror/fr/), or to the page's own folder when 404.html is opened as a file. Material's JavaScript
takes its base address from the same place (hooks/material_js.js) and keys what it keeps in the
browser on it.

tests/test_anywhere.py opens missing addresses at several depths at SITE_URL, on another origin,
under another path and from disk.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from partnership.not_found import base_element

_CHARSET = '<meta charset="utf-8">'


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "404.html":
        context["base_url"] = "."  # every address relative to the language folder, which <base> names
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    site = urlsplit(config.site_url).path  # SITE_URL's path and the language: /partenariat/fr/
    lang = config.extra["lang"]
    head = base_element(site.removesuffix(f"{lang}/"), f"{lang}/")
    # Material's scope follows <base>: overrides/partials/javascripts/base.html resolves it against document.baseURI
    return output_content.replace(_CHARSET, _CHARSET + head, 1)
