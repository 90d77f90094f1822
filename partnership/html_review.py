"""What an editor's HTML may hold: an allow-list, read by an HTML5 parser as a browser reads it.

A page's Markdown is rendered (by hooks/html_review.py, with the site's extensions) and its HTML parsed
with Lexbor (selectolax): every element and attribute must be one a page of this site legitimately has;
anything else is one line naming the page's file and line, what was found and what to do instead.
Scripts, embedded videos, maps and forms, tracking pixels, fonts or pictures from another site, event
attributes, `javascript:` links and Word's formatting are refused; links to other sites are not (a link
makes no request until the reader clicks it). SVG pictures are read as XML (defusedxml) and refused when
they hold a script, HTML, an event attribute or a file from another site.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import markdown
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from selectolax.lexbor import LexborHTMLParser, LexborNode

from partnership.data import DataError, read_text, rel, site_root

MAX_PER_FILE = 12  # the problems listed for one file; the rest are counted in one more line

_GLOBAL = {"id", "class", "title", "lang", "dir", "role", "markdown"}
# The elements a page of the site produces (Markdown, attr_list, md_in_html, def_list, admonition, toc),
# each with the attributes it may have besides _GLOBAL and aria-*.
ELEMENTS: dict[str, set[str]] = {
    **{tag: set() for tag in (
        "p", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "cite", "code", "kbd", "samp",
        "var", "pre", "br", "hr", "sup", "sub", "abbr", "dfn", "span", "div", "ul", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure",
        "figcaption", "summary", "nav", "section", "article", "aside", "header", "footer", "picture", "wbr",
        "address")},
    "a": {"href", "hreflang", "rel", "target", "download", "type", "name"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "video": {"src", "poster", "controls", "width", "height", "loop", "muted", "preload", "playsinline"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "source": {"src", "srcset", "sizes", "type", "media", "width", "height"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "th": {"colspan", "rowspan", "headers", "scope", "align", "style"},
    "td": {"colspan", "rowspan", "headers", "align", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"},
    "blockquote": {"cite"}, "q": {"cite"},
}
ELEMENTS["del"] = ELEMENTS["ins"] = {"cite", "datetime"}
_MARKDOWN_MADE = {"p", "a", "img", "em", "strong", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
                  "h6", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "div",
                  "sup", "sub", "abbr"}  # elements Markdown writes too: found in the source by an attribute
_DOCUMENT = {"html", "head", "body"}  # made by the parser around every page
_RESOURCES = {"src", "srcset", "poster", "background", "lowsrc", "dynsrc", "data"}
_ALIGNMENT = re.compile(r"\s*text-align:\s*(?:left|right|center);?\s*")  # what Markdown's tables write
_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)

# Who a script, a frame or a style sheet of another site is, in an editor's words: (host or code, kind, name).
_KNOWN: list[tuple[str, str, str]] = [
    (r"googletagmanager\.com|google-analytics\.com|\bgtag\(|\bga\(\s*['\"]create|_gaq\b", "analytics",
     "Google Analytics"),
    (r"matomo|piwik|\b_paq\b", "analytics", "Matomo"),
    (r"plausible\.io|data-domain=", "analytics", "Plausible"),
    (r"hotjar\.com|clarity\.ms|umami|usefathom|simpleanalytics|statcounter|xiti\.com|atinternet|"
     r"stats\.wp\.com|cloudflareinsights|static\.hotjar", "analytics", "audience measurement"),
    (r"fbevents\.js|\bfbq\(|facebook\.com/tr", "analytics", "the Meta (Facebook) pixel"),
    (r"youtube\.com|youtube-nocookie\.com|youtu\.be", "video", "YouTube"),
    (r"vimeo\.com", "video", "Vimeo"), (r"dailymotion\.com|dai\.ly", "video", "Dailymotion"),
    (r"peertube|tiktok\.com/embed|player\.", "video", "a video site"),
    (r"google\.[a-z.]+/maps|maps\.google|openstreetmap\.org|umap\.|mapbox|bing\.com/maps", "map", "a map site"),
    (r"platform\.twitter\.com|twitter\.com|//x\.com|twitter-tweet", "social", "X (Twitter)"),
    (r"facebook\.(?:com|net)", "social", "Facebook"), (r"instagram\.com", "social", "Instagram"),
    (r"linkedin\.com", "social", "LinkedIn"), (r"mastodon|/@[\w.-]+/\d+/embed", "social", "Mastodon"),
    (r"fonts\.googleapis\.com|fonts\.gstatic\.com|use\.typekit\.net|fonts\.bunny\.net|fontawesome",
     "font", "a font service"),
]
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}  # the preview's addresses, on the editor's computer
_EMAIL = re.compile(r"[^@\s,;:<>()\[\]\\\"]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.I)
_SHOWN_MARKDOWN = re.compile(r"\*\*\S[^*\n]*\*\*|\[[^\[\]\n]+\]\([^()\s]+\)|^#{1,6} \S", re.M)  # Markdown as text
_BLOCKS = ("div", "section", "aside", "nav", "details", "figure", "blockquote", "table")
_WORD_WORDS = re.compile(r"mso-|\bMso[A-Z]|urn:schemas-microsoft-com|Microsoft Word|\[if (?:!|gte |lt |gt )?(?:mso|vml|"
                         r"supportLists|supportFields|supportLineBreak)")


@dataclass
class _Found:
    """The problems of one file, in order, and the signs of a paste from Word."""

    where: str
    lang: str
    problems: list[tuple[int, DataError]] = field(default_factory=list)
    word: list[tuple[int, str]] = field(default_factory=list)
    word_only: list[tuple[int, DataError]] = field(default_factory=list)  # said by the Word line when there is one
    pasted_from: str = "Word"  # or "Google Docs", by the signs found
    site: str = ""  # the site's own address, which its pages never write

    def add(self, line: int, error: DataError, from_word: bool = False) -> None:
        (self.word_only if from_word else self.problems).append((line, error))

    def errors(self) -> list[DataError]:
        problems = list(self.problems)
        if self.word:
            line = min(at for at, _ in self.word)
            signs = ", ".join(list(dict.fromkeys(sign for _, sign in sorted(self.word)))[:4])
            at = f"{self.where}:{line}"
            problems.append((line, DataError(
                f"{at}: text pasted from {self.pasted_from} with its formatting ({signs}); paste it as plain text "
                f"(Ctrl+Shift+V) and add the headings and lists in Markdown")))
        else:
            problems += self.word_only
        errors = [error for _, error in sorted(problems, key=lambda item: item[0])]
        if len(errors) > MAX_PER_FILE:
            more = len(errors) - MAX_PER_FILE
            errors = [*errors[:MAX_PER_FILE], DataError(
                f"{self.where}: {more} more problems of the same kinds in this file, not listed; fix the ones "
                f"above and build again")]
        return errors


class _Source:
    """Finds the line where the editor wrote what the parser found, searching the page's source text."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = _without_code(text).lower()
        self.first_line = first_line
        self.after: dict[str, int] = {}

    def offset(self, needle: str, start: int = 0) -> int | None:
        needle = needle.lower()
        if not needle.strip():
            return None
        found = self.text.find(needle, max(start, self.after.get(needle, 0)))
        if found < 0 and start:
            found = self.text.find(needle, start)
        if found < 0:
            return None
        self.after[needle] = found + 1
        return found

    def element(self, tag: str, attributes: dict[str, str]) -> int | None:
        """Where the element starts: its start tag, or the Markdown that made it (a link, a picture)."""
        if "headerlink" in attributes.get("class", "").split():
            return None  # the heading's own link, made by the build
        address = attributes.get("src" if tag == "img" else "href", "") if tag in ("a", "img") else ""
        if tag == "a" and "href" in attributes and not address.strip():
            return self._search(r"\]\(\s*\)|<a\s[^>]*href=[\"']?[\"'\s>]", "md")
        if address:  # [text](address), ![text](address), <address>, [name]: address
            made = self._search(rf"(?:\]\(\s*<?|<|^[ \t]*\[[^\]\n]+\]:[ \t]*<?){re.escape(address.lower())}", "md")
            if made is not None:
                return made
        if tag not in _MARKDOWN_MADE:
            return self._search(rf"<{re.escape(tag.lower())}(?=[\s/>])", "<")
        if not attributes:
            return None  # Markdown's own (a paragraph, a list…): nothing on it to say
        first = re.escape(next(iter(attributes)).lower())
        return self._search(rf"<{re.escape(tag.lower())}(?=[\s/>])[^>]*?(?<![\w:-]){first}(?![\w:-])", "<")

    def _search(self, pattern: str, kind: str) -> int | None:
        match = re.compile(pattern, re.M).search(self.text, self.after.get(kind + pattern, 0))
        if not match:
            return None
        self.after[kind + pattern] = match.end()
        return match.start()

    def line(self, offset: int | None) -> int:
        return self.first_line if offset is None else self.first_line + self.text.count("\n", 0, offset)

    def find(self, needles: list[str], start: int | None) -> int:
        """The line of the first needle found from the element's start tag (or anywhere), else of the element."""
        for needle in needles:
            found = self.offset(needle, start or 0)
            if found is not None:
                return self.line(found)
        return self.line(start)


def _without_code(text: str) -> str:
    """The text with its code blocks and `code` blanked (same length and lines): code shown is not markup."""
    text = re.sub(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return re.sub(r"`[^`\n]+`", lambda m: " " * len(m.group(0)), text)


def review_page(html: str, source: str, first_line: int, where: str, lang: str, site: str = "") -> list[DataError]:
    """The problems of a page: `html` is its Markdown rendered, `source` the Markdown (front matter left out)
    whose first line is line `first_line` of the file `where` (content/<lang>/<page>.md); `site` is the
    address the site is published at, to which a page links by file names only."""
    found = _Found(where, lang, site=site)
    lines = _Source(source, first_line)
    for comment in re.finditer(r"<!(?:--)?\s*\[(?:if|endif)\b", _without_code(source)):
        found.word.append((lines.line(comment.start()), "<!--[if …]>"))
    if not _unclosed(source, lines, found):  # else the rest of the page is that block's, and said with it
        _review_element(LexborHTMLParser(html).root, lines, found)
    return found.errors()


def _unclosed(source: str, lines: _Source, found: _Found) -> bool:
    """A block element opened and never closed: the rest of the page would be shown as written, its ids lost."""
    text = _without_code(source).lower()
    for tag in _BLOCKS:
        opened = [m.start() for m in re.finditer(rf"<{tag}(?=[\s>])", text)]
        if len(opened) > len(re.findall(rf"</{tag}\s*>", text)):
            line = lines.line(opened[-1])
            found.add(line, DataError(f"{found.where}:{line}: the element <{tag}> opened on this line is never "
                                      f"closed with </{tag}>, so the rest of the page would be shown as written; "
                                      f"add </{tag}> on a line of its own where the block ends"))
            return True
    return False


def _shown_markdown(node: LexborNode, lines: _Source, found: _Found) -> None:
    """Markdown written inside an HTML element without `markdown`: shown as written, stars and brackets."""
    if node.tag in ("pre", "code") or "markdown" in node.attributes:
        return
    child = node.child
    while child is not None:
        if child.tag == "-text" and (match := _SHOWN_MARKDOWN.search(child.text_content or "")):
            line = lines.find([match.group(0)], None)
            found.add(line, DataError(
                f"{found.where}:{line}: Markdown inside the HTML element <{node.tag}> would be shown as written "
                f"('{_show(match.group(0))}'); add the word markdown to its start tag, <{node.tag} markdown>, or "
                f"write the text without HTML"))
            return
        child = child.next


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        if child.is_element_node:
            yield child
        child = child.next


def _review_element(node: LexborNode, lines: _Source, found: _Found) -> None:
    tag = node.tag or ""
    attributes = {name: value or "" for name, value in node.attributes.items()}
    start = lines.element(tag, attributes) if tag not in _DOCUMENT else None
    at = f"{found.where}:{lines.find([], start)}"
    shown = f"<{tag}>"
    if ":" in tag or tag == "xml":
        found.word.append((lines.line(start), shown))
        return
    refused = _REFUSED.get(tag)
    if refused is not None:
        refused(node, attributes, at, found, lines.line(start))
        return
    if tag not in ELEMENTS and tag not in _DOCUMENT:
        found.add(lines.line(start), DataError(
            f"{at}: the HTML element <{tag}> is not one a page can hold; write the text in Markdown instead "
            f"(docs/README.md, section 2), or delete the element"), from_word=True)
    said = len(found.problems) + len(found.word_only)
    for name, value in attributes.items():
        _review_attribute(tag, name, value, attributes, lines, start, found)
    if tag == "img" and not attributes.get("alt", "").strip() and said == len(found.problems) + len(found.word_only):
        found.add(lines.line(start), DataError(
            f"{at}: a picture without a description (![](…) or <img> without alt=); write what it shows between "
            f"the brackets, e.g. ![The partners at the seminar](photo.png): screen readers say it, and browsers "
            f"show it when the picture cannot be seen"))
    if tag == "a" and not _url(attributes.get("href", "#x")).strip("#"):
        found.add(lines.line(start), DataError(
            f"{at}: a link without an address ([text]() or href=\"\"), which leads nowhere; write the page or the "
            f"address between the brackets, e.g. [About](about.md), or delete the brackets"))
    if tag in ELEMENTS and tag not in _MARKDOWN_MADE - {"div"}:
        _shown_markdown(node, lines, found)
    for child in _children(node):
        _review_element(child, lines, found)


def _review_attribute(tag: str, name: str, value: str, attributes: dict[str, str], lines: _Source,
                      start: int | None, found: _Found) -> None:
    line = lines.find([f"{name}=", name], start) if name not in ("href", "src") else lines.find(
        [value, f"{name}="], start)
    at = f"{found.where}:{line}"
    if name.startswith("on"):
        found.add(line, DataError(f"{at}: the attribute {name}=\"…\" on <{tag}> runs a script in the reader's "
                                  f"browser; delete it"))
    elif ":" in name or name.startswith("xmlns"):
        found.word.append((line, name))
    elif name == "class" and re.search(r"(?:^|\s)Mso", value):
        found.word.append((line, 'class="Mso…"'))
    elif name == "style":
        _review_style(tag, value, at, line, found)
    elif name == "id" and value.startswith("docs-internal-guid"):
        found.pasted_from = "Google Docs"
        found.word.append((line, 'id="docs-internal-guid-…"'))
    elif name == "href" and tag == "a":
        _review_link(value, at, line, found)
    elif name in _RESOURCES and _review_resource(tag, name, value, at, line, found):
        return
    elif name not in _GLOBAL and name not in ELEMENTS.get(tag, set()) and not name.startswith("aria-"):
        found.add(line, DataError(
            f"{at}: the attribute {name}= on <{tag}> is not one a page can use; delete it (a link takes href=, a "
            f"picture src= and alt=; an id or a class may go on any element)"), from_word=True)


def _review_style(tag: str, value: str, at: str, line: int, found: _Found) -> None:
    if "mso-" in value.lower():
        found.word.append((line, 'style="mso-…"'))
        return
    for url in _css_urls(value):
        if _outside(url):
            _resource_error("a picture in style=\"…\"", url, at, line, found)
            return
    if tag in ("th", "td") and _ALIGNMENT.fullmatch(value):
        return
    found.add(line, DataError(f"{at}: the attribute style=\"…\" on <{tag}>; delete it: the site's look comes from "
                              f"its style sheet, the same on every page"), from_word=True)


def _review_link(value: str, at: str, line: int, found: _Found) -> None:
    url = _url(value)
    scheme = _scheme(url)
    if scheme == "mailto":
        _review_email(url, at, line, found)
    if scheme in ("http", "https") and (_host(url) in _LOCAL_HOSTS or found.site and url.startswith(found.site)):
        found.add(line, DataError(
            f"{at}: a link to the site's own address ({_show(value)}), which would not lead to the page in the "
            f"preview, the offline copy or another address; link to the page by its file name, e.g. "
            f"[About](about.md)"))
    if scheme is None or scheme in _LINK_SCHEMES:
        return
    written = _show(value)
    if scheme in ("javascript", "vbscript"):
        found.add(line, DataError(f"{at}: a link that runs a script ({written}); delete it, or link to an address "
                                  f"starting with https://"))
    elif scheme == "data":
        found.add(line, DataError(f"{at}: a link to data written into the page ({written}); link to a file saved "
                                  f"in content/{found.lang}/ or to an address starting with https:// instead"))
    else:
        found.add(line, DataError(f"{at}: a link of the kind '{scheme}:' ({written}), which readers' browsers may "
                                  f"not open; link to an address starting with https://, mailto: or tel:, or to a "
                                  f"page of the site"))


def _review_email(url: str, at: str, line: int, found: _Found) -> None:
    addresses = url[len("mailto:"):].split("?", 1)[0]
    for address in addresses.split(",") if "@" in addresses.split(",")[-1] else [addresses]:
        if not _EMAIL.fullmatch(address):
            found.add(line, DataError(
                f"{at}: the e-mail address of the link '{_show(url)}' is not one a mail program can write to; "
                f"expected mailto: followed by an address such as name@example.org, with no space"))
            return


_WHAT = {"img": "a picture", "picture": "a picture", "video": "a video", "audio": "a sound", "track": "subtitles"}


def _review_resource(tag: str, name: str, value: str, at: str, line: int, found: _Found) -> bool:
    """Says the first address of the attribute that is not a file of the site; True if there was one."""
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    what = "a picture" if name in ("poster", "srcset", "background") else _WHAT.get(tag, "a file")
    if tag == "source":
        what = "a file of a video, a sound or a picture"
    for url in urls:
        if _outside(url):
            _resource_error(what, url, at, line, found)
            return True
    return False


def _resource_error(what: str, value: str, at: str, line: int, found: _Found) -> None:
    url = _url(value)
    scheme = _scheme(url)
    host = _host(url)
    if host:
        found.add(line, DataError(
            f"{at}: {what} from another site ({host}): every reader's browser would call that site; save the "
            f"file in content/{found.lang}/ and show it from there (a picture: ![what it shows](picture.png)), or "
            f"link to it instead"))
    else:
        found.add(line, DataError(
            f"{at}: {what} at an address of the kind '{scheme}:' ({_show(value)}), which is not a file of the site; "
            f"save the file in content/{found.lang}/ and show it from there (a picture: ![what it shows]"
            f"(picture.png))"))


def _refuse_script(node: LexborNode, attributes: dict[str, str], at: str, found: _Found, line: int) -> None:
    code = f"{attributes.get('src', '')} {node.text(deep=True) or ''} {node.html or ''}"
    kind, name = _who(code)
    if kind == "analytics":
        found.add(line, DataError(f"{at}: a tracking or analytics script ({name}); delete it: the site promises its "
                                  f"readers no audience measurement (docs/README.md, section 8)"))
    elif kind == "social":
        _social(name, at, line, found)
    else:
        found.add(line, DataError(f"{at}: a script (<{node.tag}>); delete it: a page runs no script of its own (a "
                                  f"programmer adds a feature to the site's code, for every page)"))


def _social(name: str, at: str, line: int, found: _Found) -> None:
    found.add(line, DataError(f"{at}: a widget of {name}; link to the post or the page instead: a widget lets that "
                              f"site follow every reader of the page"))


def _refuse_frame(node: LexborNode, attributes: dict[str, str], at: str, found: _Found, line: int) -> None:
    source = attributes.get("src") or attributes.get("data") or ""
    host = _host(_url(source)) or "another site"
    kind, name = _who(source)
    tag = node.tag
    if kind == "video":
        found.add(line, DataError(f"{at}: a video from another site embedded in the page (<{tag}> from {host}); "
                                  f"link to it instead, e.g. [Watch the video](https://…): an embedded video makes "
                                  f"every reader's browser call that site"))
    elif kind == "map":
        found.add(line, DataError(f"{at}: a map from another site embedded in the page (<{tag}> from {host}); link "
                                  f"to the map instead, e.g. [See the map](https://…): an embedded map makes every "
                                  f"reader's browser call that site"))
    elif kind == "social":
        _social(name, at, line, found)
    elif tag in ("iframe", "frame", "frameset", "portal"):
        found.add(line, DataError(f"{at}: a page from another site embedded in the page (<{tag}> from {host}); "
                                  f"link to it instead: an embedded page makes every reader's browser call that "
                                  f"site"))
    else:
        found.add(line, DataError(f"{at}: an embedded object (<{tag}>); delete it and link to the file instead "
                                  f"(saved in content/{found.lang}/, or on its own site)"))


def _refuse_form(node: LexborNode, attributes: dict[str, str], at: str, found: _Found, line: int) -> None:
    found.add(line, DataError(f"{at}: a form (<{node.tag}>): a form would send readers' answers to another site; "
                              f"delete it, and link to the form's page instead"))


def _refuse_head(node: LexborNode, attributes: dict[str, str], at: str, found: _Found, line: int) -> None:
    tag = node.tag
    href = attributes.get("href", "")
    kind, _ = _who(href)
    if tag == "link" and kind == "font":
        found.add(line, DataError(f"{at}: a font from another site (<link> to {_host(_url(href))}); delete it: the "
                                  f"site uses the reader's own fonts, and a font service learns who reads the page"))
    elif tag == "link" and _host(_url(href)):
        found.add(line, DataError(f"{at}: a style sheet or another file from another site (<link> to "
                                  f"{_host(_url(href))}); delete it: every reader's browser would call that site"))
    elif _WORD_WORDS.search(node.html or "") or attributes.get("rel", "").lower() in ("file-list", "edit-time-data"):
        found.word.append((line, f"<{tag}>"))
    else:
        found.add(line, DataError(f"{at}: a <{tag}> element, which belongs to the site's templates, not to a page "
                                  f"(it changes the whole page); delete it"), from_word=True)


def _refuse_style(node: LexborNode, attributes: dict[str, str], at: str, found: _Found, line: int) -> None:
    css = node.text(deep=True) or ""
    if _WORD_WORDS.search(css):
        found.word.append((line, "<style> with mso- rules"))
        return
    if _who(css)[0] == "font":
        host = next((_host(_url(url)) for url in _css_urls(css) if _host(_url(url))), "a font service")
        found.add(line, DataError(f"{at}: a font from another site (<style> that loads it from {host}); delete it: "
                                  f"the site uses the reader's own fonts, and a font service learns who reads the "
                                  f"page"))
        return
    found.add(line, DataError(f"{at}: a style block (<style>); delete it: the site's look comes from its style sheet, "
                              f"the same on every page"), from_word=True)


def _refuse_svg(node: LexborNode, attributes: dict[str, str], at: str, found: _Found, line: int) -> None:
    found.add(line, DataError(f"{at}: a drawing pasted as SVG code (<{node.tag}>); save it as a file in "
                              f"content/{found.lang}/ (drawing.svg) and show it with ![what it shows](drawing.svg)"))


_Refusal = Callable[[LexborNode, dict[str, str], str, _Found, int], None]
_REFUSED: dict[str, _Refusal] = {
    "script": _refuse_script, "noscript": _refuse_script,
    **dict.fromkeys(("iframe", "frame", "frameset", "portal", "object", "embed", "applet"), _refuse_frame),
    **dict.fromkeys(("form", "input", "button", "select", "textarea"), _refuse_form),
    **dict.fromkeys(("link", "meta", "base", "title"), _refuse_head),
    "style": _refuse_style,
    "svg": _refuse_svg,
}


def _who(code: str) -> tuple[str, str]:
    """(kind, name) of a known service whose address or code is in `code`; ("", "") for none."""
    for pattern, kind, name in _KNOWN:
        if re.search(pattern, code, re.I):
            return kind, name
    return "", ""


def _url(value: str) -> str:
    """The address as a browser reads it: tabs and line breaks dropped, spaces at either end trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
                                              "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def _scheme(url: str) -> str | None:
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else None


def _host(url: str) -> str:
    """The other site an address leads to ('' for an address of the site itself, or without a host)."""
    url = url.replace("\\", "/")
    scheme = _scheme(url)
    if scheme not in (None, "http", "https") or (scheme is None and not url.startswith("//")):
        return ""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return "another site"


def _outside(value: str) -> bool:
    """True for an address that is not a file of the site: another host, or any scheme (data:, file:…)."""
    url = _url(value).replace("\\", "/")
    return _scheme(url) is not None or url.startswith("//")


def _css_urls(css: str) -> list[str]:
    return [next(group for group in match.groups() if group is not None).strip()
            for match in _CSS_URL.finditer(css)]


def _show(value: str) -> str:
    text = " ".join(_url(value).split())
    return text if len(text) <= 60 else text[:57] + "…"


# SVG pictures -------------------------------------------------------------------------------------------------------

class _Events:
    """The elements of an SVG file with their line, as the XML parser meets them."""

    def __init__(self) -> None:
        self.elements: list[tuple[str, dict[str, str], int]] = []
        self.texts: dict[int, list[str]] = {}
        self.open: list[int] = []
        self.line: Callable[[], int] = lambda: 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self.open.append(len(self.elements))
        self.elements.append((tag, dict(attributes), self.line()))

    def end(self, tag: str) -> None:
        self.open.pop()

    def data(self, text: str) -> None:
        if self.open:
            self.texts.setdefault(self.open[-1], []).append(text)

    def close(self) -> None:
        return None


def review_svg(text: str, where: str) -> list[DataError]:
    """The problems of an SVG picture (its text; `where` is its file)."""
    events = _Events()
    parser = DefusedXMLParser(target=events, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    events.line = lambda: parser.parser.CurrentLineNumber
    try:
        parser.feed(text)
        parser.close()
    except ParseError as error:
        line = error.position[0] if error.position else 0
        return [DataError(f"{where}{f':{line}' if line else ''}: this SVG picture is not well-formed XML; export it "
                          f"again from the drawing program (as plain SVG), or open it in a text editor and correct "
                          f"this line")]
    except DefusedXmlException:
        return [DataError(f"{where}: this SVG picture declares entities or external files (<!ENTITY …>), which the "
                          f"build does not read; export it again from the drawing program, as plain SVG")]
    found = _Found(where, "")
    for index, (tag, attributes, line) in enumerate(events.elements):
        _review_svg_element(tag.rsplit("}", 1)[-1], attributes, "".join(events.texts.get(index, [])),
                            f"{where}:{line}", line, found)
    return found.errors()


def _review_svg_element(tag: str, attributes: dict[str, str], text: str, at: str, line: int, found: _Found) -> None:
    if tag == "script":
        found.add(line, DataError(f"{at}: a script inside the SVG picture (<script>); delete it, or export the "
                                  f"picture again as plain SVG (in Inkscape: Save as, Plain SVG)"))
    elif tag == "foreignObject":
        found.add(line, DataError(f"{at}: HTML inside the SVG picture (<foreignObject>); delete it, or export the "
                                  f"picture again as plain SVG (texts as SVG text)"))
    elif tag == "style":
        if re.search(r"@import", text, re.I):
            found.add(line, DataError(f"{at}: the SVG picture's style imports a style sheet (@import); delete that "
                                      f"line: every reader's browser would fetch it"))
        _svg_urls(text, at, line, found)
    for qualified, value in attributes.items():
        name = qualified.rsplit("}", 1)[-1]
        url = _url(value)
        if name.lower().startswith("on"):
            found.add(line, DataError(f"{at}: the attribute {name}=\"…\" in the SVG picture runs a script; "
                                      f"delete it"))
        elif _scheme(url) in ("javascript", "vbscript"):
            found.add(line, DataError(f"{at}: a link that runs a script in the SVG picture ({_show(value)}); "
                                      f"delete it"))
        elif name == "href" and tag != "a" and _outside(url) and not (
                tag in ("image", "feImage") and url.lower().startswith("data:image/")):
            _svg_outside(f"<{tag}>", value, at, line, found)
        else:
            _svg_urls(value, at, line, found)


def _svg_urls(css: str, at: str, line: int, found: _Found) -> None:
    for url in _css_urls(css):
        if _outside(url) and not url.lower().startswith("data:"):
            _svg_outside("url()", url, at, line, found)


def _svg_outside(what: str, value: str, at: str, line: int, found: _Found) -> None:
    where = _host(_url(value)) or f"an address of the kind '{_scheme(_url(value))}:'"
    found.add(line, DataError(f"{at}: a file from another site in the SVG picture ({what} from {where}): every "
                              f"reader's browser would call it; export the picture again with its files embedded "
                              f"(in Inkscape: Embed), or delete that part"))


def check(path: Path, lang: str, extensions: list[object]) -> None:
    """One page's HTML, before MkDocs (tools/website.py): its problems stop the build before the anchors' checks
    read the same paste as ids. `extensions` is mkdocs.yml's markdown_extensions, as written there."""
    names = [next(iter(entry)) if isinstance(entry, dict) else str(entry) for entry in extensions]
    configs = {name: value for entry in extensions if isinstance(entry, dict) for name, value in entry.items() if value}
    try:
        renderer = markdown.Markdown(extensions=names, extension_configs=configs)
    except (ImportError, AttributeError, TypeError, KeyError, ValueError):
        return  # an extension misspelt or misconfigured: said by the build, naming mkdocs.yml
    body, first_line = _body(read_text(path))
    html = renderer.convert(body)
    problems = review_page(html, body, first_line, rel(path), lang, site=site_root())
    if problems:
        raise DataError("\n".join(map(str, problems)))


def _body(text: str) -> tuple[str, int]:
    """The page's Markdown after its front matter (hooks/front_matter.py has checked it), and its first line."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return text, 1
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), 0)
    return "\n".join(lines[end + 1:]), end + 2
