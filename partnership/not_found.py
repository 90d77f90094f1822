"""The <base> element and script of the 404 pages (hooks/not_found.py puts them in each language's, tools/website.py
in the site root's): the page works at any depth, under any path."""

from __future__ import annotations

import json

import markupsafe

from partnership.data import LANGUAGES, ROOT, compact_script

_SCRIPT = ROOT / "hooks" / "not_found.js"


def base_element(root: str, folder: str) -> str:
    """<base> for a 404 page in `folder` ("fr/", or "" at the site root) of a site built for the path `root`,
    then the script that moves it where the page is shown."""
    arguments = json.dumps([root, folder, "|".join(LANGUAGES)])[1:-1].replace("</", "<\\/")
    function = compact_script(_SCRIPT)
    call = f"({function})(document.currentScript.previousElementSibling, {arguments})"
    return f'<base href="{markupsafe.escape(root + folder)}"><script>{call}</script>'
