"""Links are promises: every address of permalinks.txt is served by the finished site, #section included.

Newsletters and printed pages point at these addresses for years. A page renamed or removed without its
line in content/redirects.yml, or a heading id changed, would break them silently: the build stops instead,
naming the line of permalinks.txt and what to do. A moved page is served by its redirect page; its sections
must then exist on the page it leads to. tools/website.py runs check() on the finished folder before it
replaces site/; tests/test_permalinks.py lists the addresses a build publishes that the file still lacks.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from partnership.data import ROOT, rel

MANIFEST = ROOT / "permalinks.txt"


def addresses(manifest: Path = MANIFEST) -> list[tuple[int, str]]:
    """(line number, address) for each address of the manifest; comments and blank lines left out."""
    if not manifest.is_file():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [(number, line.strip()) for number, line in enumerate(lines, start=1)
            if line.strip() and not line.lstrip().startswith("#")]


def check(folder: Path, manifest: Path = MANIFEST) -> list[str]:
    """The problems: one line per page (both languages, all its sections) or section of the manifest that the
    built site in `folder` no longer serves, at the first line that names it."""
    ids: dict[Path, set[str]] = {}
    found: dict[str, tuple[int, str, str, int]] = {}  # what is lost -> (line, address, problem, more addresses)
    for number, address in addresses(manifest):
        problem = _lost(folder, address, ids)
        if not problem:
            continue
        path, _, anchor = address.partition("#")
        gone = problem.startswith("no longer leads anywhere")  # the page or file itself: one line for all of it
        lost = Path(path).name if gone else address
        if lost in found:
            first = found[lost]
            found[lost] = (first[0], first[1], first[2], first[3] + 1)
        else:
            found[lost] = (number, address, problem, 0)
    return [f"{rel(manifest)}:{number}: the published address '{address}'"
            + (f" (and {more} more of the same page)" if more else "") + f" {problem}"
            for number, address, problem, more in found.values()]


def _lost(folder: Path, address: str, ids: dict[Path, set[str]]) -> str | None:
    path, _, anchor = address.partition("#")
    if address != "./" and not re.match(r"(?:fr|en)/", address):
        written = re.sub(r"^(?:[a-z]+://[^/]*)?/*", "", address)
        return (f"is not written as the file expects; expected an address relative to SITE_URL, starting with "
                f"fr/ or en/, e.g. fr/about.html (write '{written}' if that is what was meant)")
    if path.endswith(".md"):
        return (f"names a page file, not its address; expected the address readers were given, ending with "
                f".html (write '{path.removesuffix('.md')}.html{'#' + anchor if anchor else ''}')")
    file = folder / (path + "index.html" if path.endswith("/") or not path else path)
    if not file.is_file():
        lang, _, name = path.partition("/")
        page = Path(name).with_suffix(".md").name
        if name.endswith(".html") and "/" not in name:
            return (f"no longer leads anywhere: {page} was renamed or removed; declare the move in "
                    f"content/redirects.yml (a line '{name}: new-name.html' under 'redirects:'), or give the page "
                    f"its name back")
        return "no longer leads anywhere; put the file back, or declare its move in content/redirects.yml"
    if not anchor:
        return None
    target = _redirect_target(file) or file
    if anchor not in ids.setdefault(target, _ids(target)):
        return (f"leads to a page without the section '#{anchor}' ({rel(target.relative_to(folder))} of the site): "
                f"a heading or list item lost its id {{#{anchor}}}; give it back (an id never changes once "
                f"published)")
    return None


def _redirect_target(file: Path) -> Path | None:
    """The page a redirect page (hooks/redirect.html) sends readers to; None for any other page."""
    tree = LexborHTMLParser(file.read_text(encoding="utf-8", errors="replace"))
    refresh = tree.css_first("meta[http-equiv='refresh']")
    content = (refresh.attributes.get("content") or "") if refresh else ""
    target = content.partition("url=")[2].strip()
    return (file.parent / target.partition("#")[0]) if target else None


def _ids(file: Path) -> set[str]:
    if not file.is_file():
        return set()
    tree = LexborHTMLParser(file.read_text(encoding="utf-8", errors="replace"))
    return {node.attributes.get("id") or "" for node in tree.css("[id]")}
