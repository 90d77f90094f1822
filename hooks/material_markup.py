"""Material's markup, corrected after rendering where the Nu HTML checker or axe finds fault with it.

- base.html puts autocomplete="off" on the two checkboxes that open the drawer and search
  (#__drawer, #__search): the attribute is not allowed on checkboxes. Material wants it so that
  Firefox does not reopen the drawer or search when a reader comes back to a page;
  hooks/material_js.js closes them on `pageshow` instead.
- toc.html labels the table of contents' title for="__toc", a checkbox that nav-item.html writes
  only for pages in the navigation: on the others (the result pages), the label names a control
  that does not exist, and becomes a plain title (same class, same look).
- search.html makes the search a role="dialog" with no name (axe: aria-dialog-name); it gets
  the name of its search box ("Rechercher", "Search": Material's own translation).
- base.html's dialog, where Material's JavaScript writes "Copied to clipboard", is outside every
  landmark (axe: region) and is not announced: it becomes a status message (role="status"), which
  a screen reader reads out when the text appears.

tests/test_valid_html.py runs the Nu checker over every built page; tests/test_anywhere.py checks
the search dialog's name; tests/test_publication_browser.py runs axe on every page and state.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
                     r'id="__(?:drawer|search)") autocomplete="off">')
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_DIALOG = '<div class="md-dialog" data-md-component="dialog">'
_SEARCH_NAME = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _correct(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _correct(output_content) if template_name.endswith(".html") else output_content


def _correct(html: str) -> str:
    html = _TOGGLE.sub(r"\1>", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', html)
    html = html.replace(_DIALOG, _DIALOG[:-1] + ' role="status">', 1)
    name = _SEARCH_NAME.search(html)
    if name:  # already escaped, as Material wrote it
        html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{name.group(1)}">', 1)
    return html
