"""Material's JavaScript, adjusted so that the site runs from any address and loads search on demand.

Material's bundle, as shipped, does three things at every page load that this site cannot have:
- it fetches sitemap.xml next to every <link rel="alternate"> of the page, and those links carry
  SITE_URL for search engines: served from any other origin, path or from disk, the page calls the
  SITE_URL host three times and logs three errors. The site's language menu already links each
  page to its counterpart (hooks/languages.py), so the sitemap lookup is left out;
- it starts the search worker and downloads the search index (and, with search.highlight, the
  index again for the highlighter) before anyone opens search.

No option or documented hook of Material's reaches these: the built site gets a copy of the bundle
patched by hooks/_material_patches.py (exact replacements, each matching once, for the version of
Material they were written for; otherwise the build stops with a message), with hooks/material_js.js
in front of it; the copy is named after its own content. Search then starts when the reader opens
it, as Material already does for pages opened from disk.

For pages opened from disk, search/search_index.js carries the index (what Material's offline
plugin writes), and hooks/material_js.js runs the worker in an iframe.

Every page asks for the bundle once it has been shown, through Material's `scripts` block
(overrides/main.html, which writes hooks/material_js_loader.js with the copy's address given here
to the templates): after its first contentful paint and two more frames, not while it is being
read: starting Material's components takes the main thread for 40-70 ms on this machine (200-300 ms
on the slow phone Lighthouse imitates), and the page does not need them to be read. What the bundle
adds (copy buttons, the search and top buttons…) has its place kept in the layout from the start
(tests/test_layout_shift.py), and without JavaScript nothing changes. Material starts the components
of the page's content (header title, table of contents, back-to-top button, copy buttons) on
DOMContentLoaded, which has then passed: a patch starts them at once in that case.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import jinja2
import material
from _material_patches import check_version, patch_bundle
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.data import DataError, compact_script, rel

_BUNDLE_DIR = "assets/javascripts"
_SHIPPED = Path(material.__file__).parent / "templates" / _BUNDLE_DIR
_VERSION = metadata.version("mkdocs-material")
_PRELUDE = Path(__file__).with_name("material_js.js")
_LOADER = Path(__file__).with_name("material_js_loader.js")

_shipped_name = ""
_site_name = ""
_site_text = ""
_loader_text = ""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _shipped_name, _site_name, _site_text, _loader_text
    check_version(_VERSION)
    bundles = sorted(_SHIPPED.glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise DataError(f"hooks/material_js.py: expected one bundle.*.min.js in {_SHIPPED}, found {len(bundles)}")
    text = patch_bundle(bundles[0].read_text(encoding="utf-8"), bundles[0].name, _VERSION)
    text = compact_script(_PRELUDE) + "\n" + text  # fewer bytes in every first visit
    _shipped_name = bundles[0].name
    _site_name = f"bundle.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.js"
    _site_text = text
    _loader_text = compact_script(_LOADER)
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """What overrides/main.html's scripts block writes: the loader, and the address of the site's bundle."""
    env.globals["site_bundle"] = f"{_BUNDLE_DIR}/{_site_name}"
    env.globals["site_bundle_loader"] = _loader_text
    return env


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
    """The page, checked: it asks for the site's bundle once (overrides/main.html), never for Material's."""
    found = html.count(f'{_BUNDLE_DIR}/{_site_name}"')
    if found != 1 or _shipped_name in html:
        raise DataError(f"hooks/material_js.py: expected the site's bundle loader once in {name}, found it "
                        f"{found} times; has a file in overrides/ replaced the scripts block of overrides/main.html?")
    return html
