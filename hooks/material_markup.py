"""Material's markup, corrected where the Nu HTML checker or axe finds fault with it.

Through Material's seams (partial overrides, copied from the version hooks/_material_patches.py checks):
- overrides/partials/toc.html: the table of contents' title is a label for="__toc", a checkbox that
  nav-item.html writes only for pages in the navigation; on the others (the result pages) it is a
  plain title (same class, same look), not a label naming a control that does not exist;
- overrides/partials/search.html: the search, a role="dialog", gets the name of its search box
  ("Rechercher", "Search": Material's own translation; axe: aria-dialog-name).

What base.html writes outside its blocks, patched after rendering (hooks/_material_patches.py, PAGE:
each replacement must match exactly once in every page):
- autocomplete="off" on the two checkboxes that open the drawer and search (#__drawer, #__search):
  the attribute is not allowed on checkboxes. Material wants it so that Firefox does not reopen the
  drawer or search when a reader comes back to a page; hooks/material_js.js closes them on `pageshow`;
- the dialog where Material's JavaScript writes "Copied to clipboard" is outside every landmark (axe:
  region) and is not announced: it becomes a status message (role="status"), which a screen reader
  reads out when the text appears.

tests/test_valid_html.py runs the Nu checker over every built page; tests/test_anywhere.py checks
the search dialog's name; tests/test_publication_browser.py runs axe on every page and state.
"""

from __future__ import annotations

from importlib import metadata

from _material_patches import patch_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from partnership.data import rel

_VERSION = metadata.version("mkdocs-material")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return patch_page(output, rel(page.file.abs_src_path or page.file.src_uri), _VERSION)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return patch_page(output_content, template_name, _VERSION) if template_name.endswith(".html") else output_content
