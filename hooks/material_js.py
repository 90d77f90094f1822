"""Material's JavaScript, adjusted so that the site runs from any address and loads search on demand.

Material's bundle, as shipped, does three things at every page load that this site cannot have:
- it fetches sitemap.xml next to every <link rel="alternate"> of the page, and those links carry
  SITE_URL for search engines: served from any other origin, path or from disk, the page calls the
  SITE_URL host three times and logs three errors. The site's language menu already links each
  page to its counterpart (hooks/languages.py), so the sitemap lookup is left out;
- it starts the search worker and downloads the search index (and, with search.highlight, the
  index again for the highlighter) before anyone opens search.

The built site gets a copy of the bundle with five exact replacements (each must match once: a new
Material version that changes them stops the build with a message) and hooks/material_js.js in
front of it; the copy is named after its own content, and every page points at it. Search then
starts when the reader opens it, as Material already does for pages opened from disk.

For pages opened from disk, search/search_index.js carries the index (what Material's offline
plugin writes), and hooks/material_js.js runs the worker in an iframe.

Every page asks for the bundle once it has been shown (hooks/material_js_loader.js: after its first
contentful paint and two more frames), not while it is being read: starting Material's components
takes the main thread for 40-70 ms on this machine (200-300 ms on the slow phone Lighthouse
imitates), and the page does not need them to be read. What the bundle adds
(copy buttons, the search and top buttons…) has its place kept in the layout from the start
(tests/test_layout_shift.py), and without JavaScript nothing changes. Material starts the components
of the page's content (header title, table of contents, back-to-top button, copy buttons) on
DOMContentLoaded, which has then passed: the fifth replacement starts them at once in that case.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import material
from _data import DataError, compact_script, rel
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_BUNDLE_DIR = "assets/javascripts"
_SHIPPED = Path(material.__file__).parent / "templates" / _BUNDLE_DIR
_PRELUDE = Path(__file__).with_name("material_js.js")
_LOADER = Path(__file__).with_name("material_js_loader.js")
# (what the shipped bundle says, what the site's copy says instead, why)
_REPLACEMENTS = (
    ('ui({document$:ct});', '',
     "no sitemap lookups next to the <link rel=alternate> addresses"),
    ('$(location.protocol!=="file:")', '$(!1)',
     "the search index loads when search opens, not at page load"),
    ('t=new Worker(e)', 't=new SearchWorkerOnDemand(e)',
     "the search worker starts with the first search"),
    ('V("search.highlight")?Ai(', 'V("search.highlight")&&new URLSearchParams(location.search).has("h")?Ai(',
     "the highlighter asks for the index only on a page opened from a search result"),
    ('h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document))',
     '(document.readyState!=="loading"?e.next(document):'
     'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document)))',
     "the page's components start though the bundle comes after DOMContentLoaded"),
)
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")

_shipped_name = ""
_site_name = ""
_site_text = ""
_loader_text = ""
_bundle_script = re.compile("$^")  # Material's <script src="…/bundle….min.js">, its prefix in group 1


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _shipped_name, _site_name, _site_text, _loader_text, _bundle_script
    bundles = sorted(_SHIPPED.glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise DataError(f"hooks/material_js.py: expected one bundle.*.min.js in {_SHIPPED}, found {len(bundles)}")
    text = bundles[0].read_text(encoding="utf-8")
    for shipped, ours, why in _REPLACEMENTS:
        if text.count(shipped) != 1:
            raise DataError(
                f"hooks/material_js.py: Material's {bundles[0].name} (mkdocs-material {material.__version__}) "
                f"no longer contains '{shipped}' exactly once; update this replacement for that version ({why})"
            )
        text = text.replace(shipped, ours)
    text = compact_script(_PRELUDE) + "\n" + _SOURCE_MAP.sub("\n", text)  # fewer bytes in every first visit
    _shipped_name = bundles[0].name
    _site_name = f"bundle.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.js"
    _site_text = text
    _loader_text = compact_script(_LOADER)
    _bundle_script = re.compile(rf'<script src="([^"<>]*){_BUNDLE_DIR}/{re.escape(_shipped_name)}"></script>')
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _once_shown(output, rel(page.file.abs_src_path or page.file.src_uri))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":  # the 404 page is rendered as a template; sitemap.xml is another
        return output_content
    return _once_shown(output_content, template_name)


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    folder = Path(config.site_dir) / _BUNDLE_DIR
    for shipped in (folder / _shipped_name, folder / f"{_shipped_name}.map"):
        shipped.unlink(missing_ok=True)
    (folder / _site_name).write_text(_site_text, encoding="utf-8")
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        (index.parent / "search_index.js").write_text(
            "var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8"
        )


def _once_shown(html: str, name: str) -> str:
    """The page's <script src=".../bundle.*.min.js"> replaced by a script that adds it once the page is shown."""
    html, found = _bundle_script.subn(lambda tag: _loader(tag[1]), html)
    if found != 1:
        raise DataError(f"hooks/material_js.py: expected Material's bundle script once in {name}, found it "
                        f"{found} times; has a file in overrides/ changed Material's scripts block?")
    return html


def _loader(prefix: str) -> str:
    source = json.dumps(f"{prefix}{_BUNDLE_DIR}/{_site_name}").replace("</", "<\\/")
    return f"<script>({_loader_text})({source})</script>"
