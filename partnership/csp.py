"""The Content-Security-Policy of every page, written into the page itself, first in <head> (after <meta charset>).

The site's pages load nothing from another host and run only their own scripts: the policy says so to the
browser, so that a script that slipped into a page (pasted markup, a compromised copy) does not run.
Scripts may come from the site's own files ('self') and, inline, only those of the finished page, each named
by the sha256 of its exact text; no 'unsafe-inline', no 'unsafe-eval'. The same holds for <style> elements
(the site root's pages have one) and for style="…" attributes, with 'unsafe-hashes': only an editor's table
may have one (partnership/html_review.py lets through the alignment of its cells); Material and the quiz set
styles through the DOM, which a policy does not govern. Images may also be data: (Material's and the
quiz's style sheets draw icons as data: images). Anything else comes from the site only (default-src
'self': search's index and worker, and the next page, which Firefox prefetches for <link rel="next">, under
default-src since prefetch-src is gone); forms are never sent (the quiz and search handle them in the page);
no frame, no plug-in. A <meta> policy governs only what follows it, hence its place; frame-ancestors and
reporting cannot be set by a <meta> and are left out.

'self' is the address the page is served from, so the policy works at any origin and under any path. From
disk (file://), 'self' covers the site's files for scripts, styles, images and the search worker in Chromium
and Firefox, but Firefox refuses a <base> to a file: address under base-uri 'self' (the 404 pages set one):
base-uri adds file:, which gives nothing to a page served over the web (no such page may load a file: URL).

The Nu checker (tests/test_valid_html.py) hashes an inline script or style with its leading and trailing
blank space cut, browsers as it is: the site's own start and end with no blank space, so both agree.
"""

from __future__ import annotations

import base64
import hashlib
import re

from selectolax.lexbor import LexborHTMLParser

_FIXED = (
    ("default-src", "'self'"),   # the search index and worker; Firefox's prefetch of <link rel=next> too
    ("img-src", "'self' data:"),
    ("object-src", "'none'"),
    ("frame-src", "'none'"),
    ("base-uri", "'self' file:"),  # the 404 pages' <base> (hooks/not_found.py); file: for Firefox, see above
    ("form-action", "'none'"),
)
_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
# <head>, and a <meta charset> right after it, which must stay in the page's first 1024 bytes
_HEAD = re.compile(r'<head(?:\s[^>]*)?>(?:\s*<meta charset="[^"<>]*">)?', re.I)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline_hashes(html: str) -> tuple[list[str], list[str]]:
    """The hashes of the page's inline scripts, and of its styles: <style> elements, then, after 'unsafe-hashes',
    its style="…" attributes (the alignment of a table's cells, partnership/html_review.py), each distinct value
    once. Data blocks too (Material's <script type="application/json">): a browser does not run them, but the
    Nu checker expects their hash."""
    tree = LexborHTMLParser(html)
    scripts = [_hash(node.text(deep=True)) for node in tree.css("script") if "src" not in node.attributes]
    styles = [_hash(node.text(deep=True)) for node in tree.css("style")]
    attributes = [_hash(node.attributes["style"] or "") for node in tree.css("[style]")]
    return (list(dict.fromkeys(scripts)),
            list(dict.fromkeys([*styles, *(["'unsafe-hashes'", *attributes] if attributes else [])])))


def policy(html: str) -> str:
    """The policy of a finished page: its own files, and its inline scripts and styles by hash."""
    scripts, styles = inline_hashes(html)
    directives = [*_FIXED[:1],
                  ("script-src", " ".join(["'self'", *scripts])),
                  ("style-src", " ".join(["'self'", *styles])),
                  *_FIXED[1:]]
    return "; ".join(f"{name} {value}" for name, value in directives)


def with_policy(html: str) -> str:
    """The page with its policy first in <head>, after <meta charset> only (an earlier policy is replaced:
    pages are finished in several steps)."""
    html = _META.sub("", html)
    text = policy(html).replace("&", "&amp;").replace('"', "&quot;")  # neither is in it: ' stays as it is, shorter
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("a page without <head>")  # every template of the site writes one
    return html[:head.end()] + meta + html[head.end():]
