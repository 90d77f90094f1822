"""Moved pages keep their old address: content/redirects.yml, one line per move, both languages.

At each old address the build writes a small HTML page (redirect.html beside this file) with
the canonical address of the new page and an immediate refresh; a line of script carries the
#section over. It works on any static host: no server rule is needed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from partnership.csp import with_policy
from partnership.data import DataError, line_of, rel, templates
from partnership.redirects import REDIRECTS, _load

_TEMPLATE = templates().get_template("redirect.html")


_redirects: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> None:
    global _redirects
    _redirects = _load()


def on_post_build(config: MkDocsConfig) -> None:
    for old in _redirects:  # the theme and the hooks have written their pages: a redirect never replaces one
        if (Path(config.site_dir) / old).exists():
            raise DataError(f"{rel(REDIRECTS)}{line_of(_redirects, old)}: redirects.{old}: the build makes a page "
                            f"{config.extra['lang']}/{old} itself; a redirect is only for an address that no longer "
                            f"has its page")
    for old, new in _redirects.items():
        html = _TEMPLATE.render(
            lang=config.extra["lang"], target=new, canonical=f"{config.site_url}{new}", strings=config.extra["strings"]
        )
        (Path(config.site_dir) / old).write_text(with_policy(html), encoding="utf-8")
