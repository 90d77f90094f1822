"""Copy a link to any section: the link beside each heading copies the section's full address.

MkDocs' toc extension writes the links (title from content/strings.yml permalink_title), which the
theme shows on hover and keyboard focus only;
this hook gives each one the absolute address of its section (SITE_URL + page + #id) in
data-clipboard-text, which Material's clipboard support copies on click or Enter, showing its
"Copied to clipboard" message. The link still leads to the section, so the address bar shows
the same address.
"""

from __future__ import annotations

import html as html_lib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]+)" title="([^"]*)">')
_TITLE_LINK = re.compile(r'(<h1[^>]*>.*?)<a class="headerlink" href="#[^"]+" title="[^"]*">&para;</a>(</h1>)', re.S)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.canonical_url is None:
        return None

    def with_address(match: re.Match[str]) -> str:
        anchor, title = match.groups()
        address = html_lib.escape(f"{page.canonical_url}#{anchor}")
        return (f'<a class="headerlink" href="#{anchor}" title="{title}" aria-label="{title}" '
                f'data-clipboard-text="{address}">')

    html = _TITLE_LINK.sub(r"\1\2", html)  # the page title's own link is the page's address
    return _HEADERLINK.sub(with_address, html)
