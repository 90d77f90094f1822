"""The site's typography on a finished page's HTML, free of MkDocs (hooks/typography.py applies it).

- `french(html, original=…)`: the house style's French spacing (`typeset()`, partnership/data.py, the one rule the
  YAML texts already follow) applied to the text a reader reads: never inside a tag, an attribute or a
  comment, never in code (`pre`, `code`, `kbd`, `samp`), scripts, styles, form fields or SVG, never in an
  element whose `lang` is not French; and, on a page that publishes an original (`original=True`), never in
  the original's body: inside the article (`.md-content__inner`) only the site's own blocks, marked
  `.site-note` (under the title) and `.after-text` (after the text), are typeset. The original stays as
  received, byte for byte (hooks/sources.py checks it word for word).
- `breakable_addresses(html)`: a line may break after each "/" of an address shown as code (`<wbr>`), so
  that a long address wraps at its slashes instead of inside a word, and never between the "](" of a Markdown
  link (`<span class="address-join">`, kept on one line by site.css); what is copied stays the same text.

Everything else in the HTML is kept byte for byte: only text between tags changes.
"""

from __future__ import annotations

import re

from partnership.data import typeset

# A comment, a declaration, or a tag with its attributes (quoted values may hold ">").
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>"
    r"|</?[A-Za-z][^\s/>]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s*/?>",
    re.S,
)
_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")
_RAW = ("script", "style", "textarea", "title")  # their text runs to their end tag, whatever it holds
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_UNTOUCHED = {"script", "style", "pre", "code", "kbd", "samp", "textarea", "svg", "math", "select", "option"}
_ARTICLE = "md-content__inner"  # Material's article: the page's own content
_SITE_BLOCKS = {"site-note", "after-text"}  # the site's voice on a page that publishes an original
_SLASH = re.compile(r"/(?=[^/\s<])")
_JOIN = '<span class="address-join">](</span>'


def french(html: str, original: bool = False) -> str:
    """`html` with French spacing in its text (module docstring); with `original`, not in the original's body."""

    def text(part: str, typeset_here: bool) -> str:
        return typeset(part, "fr") if typeset_here else part

    return _rewrite(html, text, lambda tag, attributes, inherited: _typeset_here(tag, attributes, inherited,
                                                                                 original))


def breakable_addresses(html: str) -> str:
    """`html` where the text of each `code` element may break after a slash ("/" then `<wbr>`), not in "]("."""
    if "<code" not in html:
        return html  # most pages: nothing to walk

    def text(part: str, in_code: bool) -> str:
        return _SLASH.sub("/<wbr>", part).replace("](", _JOIN) if in_code else part

    return _rewrite(html, text, lambda tag, attributes, inherited: inherited or tag == "code", start=False)


def _typeset_here(tag: str, attributes: dict[str, str], inherited: bool, original: bool) -> bool:
    classes = set(attributes.get("class", "").split())
    if tag in _UNTOUCHED:
        return False
    if "lang" in attributes and not attributes["lang"].lower().startswith("fr"):
        return False
    if original and _ARTICLE in classes:
        return False
    if original and classes & _SITE_BLOCKS:
        return True
    return inherited


def _rewrite(html: str, text, state, start: bool = True) -> str:
    """Walks `html`, keeping every tag and comment as written and passing each run of text to
    `text(part, flag)`; `flag` is `state(tag, attributes, parent's flag)` of the innermost open element."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []
    position = 0
    while position < len(html):
        match = _TOKEN.search(html, position)
        end = match.start() if match else len(html)
        if end > position:
            out.append(text(html[position:end], stack[-1][1] if stack else start))
        if not match:
            break
        token = match.group(0)
        out.append(token)
        position = match.end()
        name = _NAME.match(token)
        if not name:
            continue  # a comment or a declaration
        tag = name.group(1).lower()
        if token.startswith("</"):
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == tag:
                    del stack[index:]
                    break
            continue
        if tag in _RAW:  # their content is text to the end tag, never markup
            close = re.compile(rf"</{tag}\s*>", re.I).search(html, position)
            stop = close.start() if close else len(html)
            flag = state(tag, _attributes(token), stack[-1][1] if stack else start)
            out.append(text(html[position:stop], flag) if tag == "title" else html[position:stop])
            position = stop
            continue
        if tag in _VOID or token.endswith("/>"):
            continue
        stack.append((tag, state(tag, _attributes(token), stack[-1][1] if stack else start)))
    return "".join(out)


def _attributes(token: str) -> dict[str, str]:
    inside = re.sub(r"^<[^\s/>]+|/?>$", "", token)
    return {match.group(1).lower(): next((value for value in match.groups()[1:] if value is not None), "")
            for match in _ATTRIBUTE.finditer(inside)}
