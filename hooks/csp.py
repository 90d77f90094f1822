"""Every page gets its Content-Security-Policy (partnership/csp.py) once it is finished.

Last of the hooks in mkdocs.yml: the policy names the page's inline scripts by the hash of their final
text, so every hook that edits the output (previews, Material's JS and markup, the 404 pages) has run.
The pages written outside these events get theirs where they are written: the redirect pages
(hooks/redirects.py) and the site root's (tools/website.py). tests/test_csp_browser.py checks every page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from partnership.csp import with_policy


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return with_policy(output_content) if template_name.endswith(".html") else output_content
