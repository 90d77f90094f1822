"""The finished site, checked as a reader's browser would see it: every link and resource leads somewhere.

MkDocs checks the links a page's Markdown writes; the templates write many more (header, footer,
language chooser, 404 pages, redirect pages, the blocks of the hooks, the site root, the sitemaps).
check() reads every page of the built folder, resolves each address as a browser would (from the
page's address, or from its <base>), and requires each one inside the site to be a file of the
build and each #section an id of the page it names. Addresses of other hosts, mailto:, tel: and
data: are left alone. A problem names the template (or the Markdown file) that wrote the link, by
where it sits in the page, and the first page it was found on.
tools/website.py runs it, and total_size(), on the finished folder before it replaces site/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from partnership.data import CONTENT, LANGUAGES, ROOT, DataError, rel

BUDGET = ROOT / "tools" / "budget.yml"
_ATTRIBUTES = ("href", "src", "srcset", "poster", "data")
_SELECTOR = ("[href], [src], [srcset], [poster], object[data], meta[property='og:image'], meta[property='og:url'], "
             "meta[name='twitter:image'], meta[http-equiv='refresh'], meta[http-equiv='Refresh']")
_REFRESH = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]*)", re.I)
_XML_ADDRESS = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>|\shref=\"([^\"]+)\"")
_ROBOTS_SITEMAP = re.compile(r"^sitemap:\s*(\S+)", re.I | re.M)
# Where a link sits in the page -> what wrote it: the first class of an ancestor (its part before "__") that
# is known here. Inside the page's text (md-content) and in none of the hooks' blocks: the page's Markdown.
_WRITERS = {
    "md-footer": "overrides/partials/footer.html",
    "md-select": "overrides/partials/alternate.html",
    "md-header": "mkdocs.yml: theme",
    "md-nav": "mkdocs.yml: nav",
    "forms-scale": "hooks/forms_figure.html",
    "forms-list": "hooks/forms_list.html",
    "result-page": "hooks/result.html",
    "quiz": "quiz/quiz.html",
    "translation-notice": "hooks/translation_notice.html",
    "newsletter-links": "hooks/newsletter_links.html",
    "newsletter-blurbs": "hooks/newsletter_blurbs.html",
    "newsletter-qr": "hooks/newsletter_qr.html",
    "md-content": "",  # the page's own Markdown
}
_HEAD = "mkdocs.yml: extra_css, extra_javascript, theme"
_SAYS = {  # what the message says wrote the link; any other template: "the template links to"
    "overrides/partials/footer.html": "the footer links to",
    "overrides/partials/alternate.html": "the language chooser links to",
    "mkdocs.yml: theme": "the header links to",
    "mkdocs.yml: nav": "the menu links to",
    "overrides/404.html": "the 404 page links to",
    "tools/templates/404.html": "the 404 page links to",
    "tools/templates/index.html": "the language choice links to",
    "hooks/redirect.html": "the redirect page links to",
    "hooks/languages.py": "the head's links to each language name",
    "hooks/previews.py": "the link preview names",
    "mkdocs.yml: sitemap": "the sitemap lists",
    "tools/templates/sitemap.xml": "the sitemap lists",
    "tools/templates/robots.txt": "robots.txt names",
    _HEAD: "the head of the page links to",
}
_FEW = 5  # the largest files named when the site is too heavy


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (as written, resolved address, writer)


def check(folder: Path, root: str, content: Path = CONTENT) -> list[str]:
    """The problems of the links of the built site in `folder`, published at `root` (SITE_URL); [] if none."""
    files = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    pages = {name: _read_page(folder / name, name, root, content) for name in sorted(files, key=_order)
             if name.endswith(".html")}
    for name in sorted(files):
        if name.endswith(".xml") or name == "robots.txt":
            text = (folder / name).read_text(encoding="utf-8", errors="replace")
            addresses = (_ROBOTS_SITEMAP.findall(text) if name == "robots.txt"
                         else [loc or href for loc, href in _XML_ADDRESS.findall(text)])
            writer = f"tools/templates/{name}" if "/" not in name else "mkdocs.yml: sitemap"
            pages.setdefault(name, _Page()).links += [(address, address, writer) for address in addresses]
    found: dict[tuple[str, str], tuple[str, str, list[str], str]] = {}  # -> (link, problem, pages, writer)
    for name, page in pages.items():
        for written, address, writer in page.links:
            problem = _problem(address, root, files, pages)
            if problem:  # one line per template and missing file (about.html, ./about.html#privacy: one file)
                same = _in_any_language(problem) if problem.startswith("file:") else f"{problem} {written}"
                key = (writer or _source(name, content), same)
                first = found.setdefault(key, (written, problem, [], writer))
                if name not in first[2]:
                    first[2].append(name)
    return [_message(writer, written, problem, on, content) for written, problem, on, writer in found.values()]


def total_size(folder: Path, content: Path = CONTENT, budget: Path = BUDGET) -> list[str]:
    """The site's weight against tools/budget.yml publish.site_mb: [] within it, else one line naming the heaviest."""
    limit = float(yaml.safe_load(budget.read_text(encoding="utf-8"))["publish"]["site_mb"])
    sizes = {path: path.stat().st_size for path in folder.rglob("*") if path.is_file()}
    weight = sum(sizes.values())
    if weight <= limit * 1e6:
        return []
    heaviest = sorted(sizes, key=lambda path: (-sizes[path], path))[:_FEW]
    named = ", ".join(f"{_origin(path.relative_to(folder).as_posix(), content)} ({sizes[path] / 1e6:.1f} MB)"
                      for path in heaviest)
    return [str(DataError(f"the site would weigh {weight / 1e6:.1f} MB; the limit is {limit:g} MB ({rel(budget)}, "
                          f"publish: site_mb): the largest files are {named}; make them smaller or remove them"))]


def _read_page(path: Path, name: str, root: str, content: Path) -> _Page:
    tree = LexborHTMLParser(path.read_bytes())
    page = _Page(ids={node.attributes.get("id") or "" for node in tree.css("[id]")}
                 | {node.attributes.get("name") or "" for node in tree.css("a[name]")})
    base = urljoin(root, name)
    for node in tree.css("base[href]"):
        base = urljoin(base, node.attributes.get("href") or "")
        break
    fallback = _page_writer(name, tree)
    for node in tree.css(_SELECTOR):
        writer = None
        for written in _addresses(node):
            if writer is None:
                writer = _writer(node, fallback)
            page.links.append((written, urljoin(base, written.strip()), writer))
    return page


def _addresses(node: LexborNode) -> Iterator[str]:
    attributes = node.attributes
    if node.tag == "meta":
        value = attributes.get("content") or ""
        if (attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.match(value)
            value = match.group(1) if match else ""
        if value:
            yield value
        return
    for attribute in _ATTRIBUTES:
        value = attributes.get(attribute)
        if not value or (attribute == "data" and node.tag != "object"):
            continue
        if attribute == "srcset":
            yield from _srcset(value)
        else:
            yield value


def _srcset(value: str) -> Iterator[str]:
    """The addresses of a srcset, as the HTML standard splits it: an address, its descriptors, a comma."""
    position = 0
    while position < len(value):
        match = re.compile(r"[\s,]*(\S*)").match(value, position)
        address, position = match.group(1), match.end()
        if not address:
            return
        if address.endswith(","):
            yield address.rstrip(",")
            continue
        yield address
        comma = value.find(",", position)
        position = len(value) if comma < 0 else comma + 1


def _page_writer(name: str, tree: LexborHTMLParser) -> str:
    """What wrote a page's links outside the known parts: the root's templates, the redirect pages, the theme."""
    if "/" not in name:
        return f"tools/templates/{name}"
    if tree.css_first("meta[http-equiv='refresh'], meta[http-equiv='Refresh']") is not None:
        return "hooks/redirect.html"
    if name.split("/", 1)[1] == "404.html":
        return "overrides/404.html"
    return _HEAD


def _writer(node: LexborNode, fallback: str) -> str:
    """The template (or "" for the page's Markdown) that wrote the link `node`, from its ancestors' classes."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "head", "html"):
        for name in (current.attributes.get("class") or "").split():
            writer = _WRITERS.get(name.split("__", 1)[0])
            if writer is not None:
                return writer
        current = current.parent
    if current is not None and current.tag == "head" and fallback == _HEAD:
        rel_ = (node.attributes.get("rel") or "").lower()
        if node.tag == "link" and rel_ in ("alternate", "canonical"):
            return "hooks/languages.py"
        if node.tag == "link" and rel_ in ("prev", "next"):
            return "mkdocs.yml: nav"
        if node.tag == "meta":
            return "hooks/previews.py"
    return fallback


def _problem(address: str, root: str, files: set[str], pages: dict[str, _Page]) -> str:
    """What is wrong with a resolved address: "" when nothing (or when it is not the site's)."""
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https"):
        return ""  # mailto:, tel:, data:, javascript:
    site = urlsplit(root)
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return ""  # another host
    path = unquote(parts.path)
    if not path.startswith(site.path):
        return f"file:{path}"
    target = path[len(site.path):]
    if target == "" or target.endswith("/"):
        target += "index.html"
    if target not in files:
        return f"file:{target}"
    anchor = unquote(parts.fragment)
    if anchor and target.endswith(".html") and not anchor.startswith(("p=", ":~:")) and anchor not in pages[target].ids:
        return f"anchor:{target}#{anchor}"
    return ""


def _order(name: str) -> tuple[int, int, str]:
    """The pages in the order a message names the first: the languages' own pages, then 404 pages and the root."""
    lang, _, rest = name.partition("/")
    return (LANGUAGES.index(lang) if rest and lang in LANGUAGES else len(LANGUAGES), rest == "404.html", name)


def _in_any_language(problem: str) -> str:
    """file:fr/about.html and file:en/about.html are one problem: the page is missing in both languages."""
    kind, _, target = problem.partition(":")
    lang, _, rest = target.partition("/")
    return f"{kind}:*/{rest}" if lang in LANGUAGES and rest else problem


def _source(name: str, content: Path) -> str:
    """The Markdown file of a built page (fr/about.html -> content/fr/about.md), or the page itself."""
    source = content / f"{name.removesuffix('.html')}.md"
    return rel(source) if source.is_file() else name


def _origin(name: str, content: Path) -> str:
    """A built file's source in content/ when it has one (fr/images/a.jpg -> content/fr/images/a.jpg)."""
    source = content / name
    return rel(source) if source.is_file() else _source(name, content)


def _missing_source(target: str, content: Path) -> str:
    """The Markdown files the missing page would come from, for the message: content/fr/about.md, …"""
    lang, _, page = target.partition("/")
    if not page.endswith(".html") or "/" in page or lang not in LANGUAGES:
        return ""
    return " and ".join(rel(content / other / page.replace(".html", ".md")) for other in LANGUAGES)


def _message(writer: str, written: str, problem: str, on: list[str], content: Path) -> str:
    where = on[0] + (f" and {len(on) - 1} other page{'s' if len(on) > 2 else ''}" if len(on) > 1 else "")
    kind, _, target = problem.partition(":")
    page, _, anchor = target.partition("#")
    if not writer:  # a link of the page's own text (raw HTML, which MkDocs does not check)
        writer = _source(on[0], content)
        if kind == "anchor":
            return str(DataError(f"{writer}: the link '{written}' points to an anchor '#{anchor}' that "
                                 f"{_source(page, content)} does not have"))
        return str(DataError(f"{writer}: the link '{written}' points to a page or file that does not exist"))
    says = f"{_SAYS.get(writer, 'the template links to')} '{written}' (on {where})"
    if kind == "anchor":
        return str(DataError(f"{writer}: {says}, but {_source(page, content)} has no section '#{anchor}' (its "
                             f"heading's id changed?); give the heading its id back, or change the link"))
    sources = _missing_source(target, content)
    if sources:
        return str(DataError(f"{writer}: {says}, which this build no longer has ({sources} renamed or removed?); "
                             f"declare the move in content/redirects.yml, or change the link"))
    return str(DataError(f"{writer}: {says}, a file this build does not have ({target}); put the file back, "
                         f"or change the link"))
