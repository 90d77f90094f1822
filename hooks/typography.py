"""The site's typography, applied by the build to every finished page (partnership/typography.py does the work).

- French pages: the house style's French spacing (partnership/data.py `typeset()`: a no-break space before ":"
  and inside « », a narrow no-break space before ; ! ?) in the text of the site's own pages, so that no sign
  starts a line; editors type ordinary spaces. Never in code, attributes or comments, and never in an
  original's body: on the page that publishes an original (front matter `source:`), only the site's own
  blocks (`.site-note` under the title, `.after-text` after the text) are typeset, and the original stays
  as received (hooks/sources.py).
- Both languages: an address shown as code may break after its slashes, never inside a word.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from partnership.typography import breakable_addresses, french


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if config.extra["lang"] == "fr":
        output = french(output, original=bool(page.meta.get("source")))
    return breakable_addresses(output)
