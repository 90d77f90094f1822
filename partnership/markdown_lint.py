"""Markdown that would not show as written: a page's structure, checked before the build.

The linter pymarkdownlnt checks the rules that change a page's structure (blank lines around lists,
headings and code, list indentation for Python-Markdown, indented code, heading levels, one title,
setext headings); what it has no rule for is checked here: Word's artefacts (its line breaks, lines
that look empty, its bullets), an id line cut from its element, front matter pasted twice, and links
to a reference the page never defines. Each finding is said as `file:line: what; what to do`.
"""

from __future__ import annotations

import functools
import re
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from partnership import data as _data
from partnership.cache import cached_bytes
from partnership.data import DataError, _show_char, read_text, rel

if TYPE_CHECKING:
    from pymarkdown.api import PyMarkdownApi

# What an editor reads for each finding; {…} are filled in from the page.
MESSAGES = {
    "MD001": "this heading starts with {actual} but the heading above it with {above}, so a level is skipped; "
             "start it with {expected} (at most one # more than the heading above it)",
    "MD003": "a line of '---' or '===' right under this line of text makes the text a heading; to separate two "
             "parts, leave an empty line above the '---'; for a heading, write '## Heading {{#id}}'",
    "MD022-above": "a heading right after a line of text, with no empty line between them; leave an empty line "
                   "before the heading",
    "MD022-below": "text right after a heading, with no empty line between them; leave an empty line after the "
                   "heading",
    "MD025": "a second page title: a line starting with a single '# ' is the page's title, and the page already has "
             "one; start this heading with '## ' and end it with its id, e.g. '## Heading {{#id}}'",
    "MD031": "a block of code (```) right next to a line of text, with no empty line between them; leave an empty "
             "line before and after the block",
    "MD032-before": "a list starts right after a line of text, so it would be shown as one paragraph; leave an empty "
                    "line before the list",
    "MD032-after": "the list that ends here is followed by a heading, a marker or a block with no empty line "
                   "between them; leave an empty line after the list",
    "MD046": "this text is indented by 4 spaces or more (or a tab), so it would be shown as a block of computer "
             "code; delete the spaces at the start of the line",
    "PML101": "this list item is indented by {actual} spaces, so it would not be shown under the item you meant: a "
              "sub-item is indented by exactly 4 spaces more than its item; indent it by {expected} spaces",
    "PML101-top": "this list item is indented by {actual} spaces but belongs to no other item; start the line with "
                  "its '-' (or its number), with no space before it",
    "invisible": "{char} inside the text: pasted from Word, it is shown as nothing (or a box), never as a new line; "
                 "replace it with a real line break (Enter), or a space",
    "looks-empty": "this line looks empty but holds {char}, so it does not separate what is above and below it (two "
                   "paragraphs would run together, a list would not start); delete everything on the line",
    "bullet": "a bullet '{bullet}' pasted from Word starts this line, so it would be shown as a character in a "
              "paragraph, not as a list item; start each item with '- ' (a hyphen and a space), after an empty line",
    "attr-separated": "the line '{attr}' gives an id (or a style) to the line just above it, but an empty line "
                      "separates them, so it would be shown as text and links to it would lead nowhere; delete the "
                      "empty line above it",
    "attr-heading": "the line '{attr}' under this heading is not joined to it, so it would be shown as text; put it "
                    "at the end of the heading line ('{joined}') and delete the line under it",
    "front-matter-again": "the front matter (the block between '---' lines, with title: and description:) appears "
                          "again on lines {first} to {last}, and would be shown as text; delete those lines (the "
                          "page keeps the one at its top)",
    "space-link": "a space between ']' and '(' in '{link}', so it would be shown as written, brackets included; "
                  "delete the space: '{joined}'",
    "paren-number": "a numbered list written '{number})' would be shown as one paragraph; write '{number}.' (the "
                    "number, a full stop and a space) at the start of each item, after an empty line",
    "footnote": "a footnote '[^{label}]': the pages of this site have no footnotes, so it would be shown as written; "
                "write the note in brackets in the sentence, or as a paragraph at the end of the section",
    "box-unindented": "the text under '{box}' is not indented, so the box would be shown empty and the text after "
                      "it; indent each line of the box's text by 4 spaces",
    "attr-word": "the word '{word}' in '{attr}' is neither an id (#…), a class (.…) nor a setting (name=value), so "
                 "it would be added to the page's code; an id holds no space: write '{{#{joined}}}'",
    "undefined-reference": "the link '{link}' refers to [{label}], which the page defines nowhere, so it would be "
                           "shown as plain text, brackets included; write the address in the link, [text](address), "
                           "or add a line '[{label}]: address' to the page",
}

# The rules that change structure, and how the site writes Markdown (Python-Markdown: 4 spaces per list level).
_RULES = ("md001", "md003", "md022", "md025", "md031", "md032", "md046", "pml101")
_SETTINGS = {"plugins.md003.style": "atx", "plugins.md046.style": "fenced", "plugins.pml101.indent": 4,
             # The page title is the '# ' line; front matter cannot hold this key (front_matter.py allows six).
             "plugins.md025.front_matter_title": "no-such-key", "plugins.md001.front_matter_title": "no-such-key"}
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_ATTR = re.compile(r"^\s*\{(?::[^}\n]*|\s*[#.][^}\n]*)\}\s*$")
_BULLET = re.compile(r"^\s*(?:([•◦▪▫‣●○■□])[\t ]|([·o§])\t)")  # Word's bullets, pasted
_LOOKS_EMPTY = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_KEY = re.compile(r"^(?:title|description|original|source|hide|blocks)\s*:")
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\]|\\.)+)\]:")
_REFERENCE = re.compile(r"(?<![\\\]])!?\[((?:[^\[\]\\]|\\.)*)\]\[((?:[^\[\]\\]|\\.)*)\](?![(:\[])")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_SPACE_LINK = re.compile(r"(!?\[[^\[\]\n]+\]) +(\([^()\s]+\))")
_PAREN_NUMBER = re.compile(r"^ {0,3}(\d{1,9})\) ")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_BARE = {"download", "markdown", "open", "hidden"}  # attributes written without a value, e.g. { download }
_BOX = re.compile(r"^(?:!!!|\?\?\?\+?) ")
_ATTR_END = re.compile(r"\{:?\s*([#.][^}\n]*)\}\s*$")
_EXTRA = re.compile(r"Expected: (\w+)[;,] Actual[:=] ?(\w+)")


def check(path: Path) -> None:
    """The page's first finding, as a DataError. Kept in .cache/ by the page's text: a page the linter has seen
    costs nothing (about 40 ms a page otherwise)."""
    text, where = read_text(path), rel(path)
    key = [text, where, Path(__file__).read_bytes(), Path(_data.__file__).read_bytes(), version("pymarkdownlnt")]
    found = cached_bytes("markdown-lint", key, lambda: "\n".join(findings(text, where)).encode("utf-8"))
    if found:
        raise DataError(found.decode("utf-8").split("\n", 1)[0])


def findings(text: str, where: str) -> list[str]:
    """Every finding of a page, in the order of its lines: 'file:line: what; what to do'."""
    lines = text.split("\n")
    body = _body_start(lines)
    code = _code_lines(lines, body)
    own = [*_word(lines, body, code), *_attr_lists(lines, body, code), *_front_matter_again(lines, body, code),
           *_references(lines, body, code), *_written(lines, body, code)]
    covered = {line for first, last, _ in own for line in range(first, last + 2)}
    linted = [(line, line, message) for line, message in _lint(text, lines) if line not in covered]
    return [f"{where}:{first}: {message}" for first, _, message in sorted([*own, *linted], key=lambda f: f[0])]


@functools.cache
def _api() -> PyMarkdownApi:
    from pymarkdown.api import PyMarkdownApi  # here: a page found in the cache needs no linter

    api = PyMarkdownApi(inherit_logging=True).enable_extension_by_identifier("front-matter")
    api.set_boolean_property("plugins.selectively_enable_rules", True)
    for rule in _RULES:
        api.enable_rule_by_identifier(rule)
    for name, value in _SETTINGS.items():
        if isinstance(value, int):
            api.set_integer_property(name, value)
        else:
            api.set_string_property(name, value)
    return api


def _lint(text: str, lines: list[str]) -> list[tuple[int, str]]:
    """The linter's findings, each said for editors (one per line)."""
    said: list[tuple[int, str]] = []
    for failure in _api().scan_string(text).scan_failures:
        line, rule, extra = failure.line_number, failure.rule_id.upper(), failure.extra_error_information or ""
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        above = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
        match = _EXTRA.search(extra)
        expected, actual = match.groups() if match else ("", "")
        key, values = rule, {"expected": expected, "actual": actual}
        if rule == "MD001" and expected[1:].isdigit() and actual[1:].isdigit():
            level = int(expected[1:])
            values = {"actual": "#" * int(actual[1:]), "above": "#" * (level - 1), "expected": "#" * level}
        elif rule == "MD001":
            continue  # said without its levels, the finding would not help
        elif rule == "MD022" and "Below" in extra and not "".join(lines[line:]).strip():
            continue  # the linter's slip: a heading at the end of a page, then empty lines
        elif rule == "MD022":
            key = "MD022-below" if "Below" in extra else "MD022-above"
        elif rule == "MD032":
            before = _ITEM.match(source) and above.strip() and not _ITEM.match(above) and not above.startswith(" ")
            key = "MD032-before" if before else "MD032-after"
        elif rule == "MD046" and _in_indented_block(lines, line - 1):
            continue  # an admonition's or a definition's text, indented as Python-Markdown wants
        elif rule == "PML101" and expected == "0":
            key = "PML101-top"
        message = MESSAGES[key].format(**values)
        if (line, message) not in said:
            said.append((line, message))
    return said


def _in_indented_block(lines: list[str], index: int) -> bool:
    """An indented line that belongs to an admonition (`!!! note`) or a definition (`:   …`) above it."""
    for line in reversed(lines[:index]):
        if line.strip() and not line.startswith(("    ", "\t")):
            return bool(re.match(r"(?:!!!|\?\?\?\+?) |: {1,3}\S", line))
    return False


def _body_start(lines: list[str]) -> int:
    """The index of the first line after the front matter (front_matter.py has checked that there is one)."""
    if lines and lines[0].strip() == "---":
        return next((i + 1 for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), 1)
    return 0


def _code_lines(lines: list[str], body: int) -> set[int]:
    """The indexes of the lines inside fenced code blocks, where nothing is Markdown."""
    inside: set[int] = set()
    fence = ""
    for index in range(body, len(lines)):
        match = _FENCE.match(lines[index])
        if fence:
            inside.add(index)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
        elif match:
            fence = match.group(1)
            inside.add(index)
    return inside


def _word(lines: list[str], body: int, code: set[int]) -> list[tuple[int, int, str]]:
    """Word's artefacts: its line breaks, lines that only look empty, its bullets."""
    found = []
    for index in range(body, len(lines)):
        line, number = lines[index].rstrip("\r"), index + 1
        if index in code:
            continue
        if line and _LOOKS_EMPTY.fullmatch(line) and line.strip(" \t"):
            char = next(c for c in line if c not in " \t")
            found.append((number, number, MESSAGES["looks-empty"].format(char=_show_char(char))))
        elif "\x0b" in line or "\u2028" in line:
            char = "\x0b" if "\x0b" in line else "\u2028"
            found.append((number, number, MESSAGES["invisible"].format(char=_show_char(char))))
        elif match := _BULLET.match(line):
            found.append((number, number, MESSAGES["bullet"].format(bullet=match.group(1) or match.group(2))))
    return found


def _attr_lists(lines: list[str], body: int, code: set[int]) -> list[tuple[int, int, str]]:
    """A line `{: #id }` belongs to the line just above it; an empty line or a heading there breaks it."""
    found = []
    for index in range(body, len(lines)):
        attr = lines[index].strip()
        if index in code or not _ATTR.match(attr):
            continue
        above = lines[index - 1].rstrip() if index > body else ""
        if _HEADING.match(above):
            joined = f"{above} {attr}"
            found.append((index, index + 1, MESSAGES["attr-heading"].format(attr=attr, joined=joined)))
        elif not above.strip():
            found.append((index + 1, index + 1, MESSAGES["attr-separated"].format(attr=attr)))
    return found


def _front_matter_again(lines: list[str], body: int, code: set[int]) -> list[tuple[int, int, str]]:
    """A second front matter: a line '---' followed by title:, description:, … lines."""
    found = []
    index = body
    while index < len(lines) - 1:
        if index not in code and lines[index].strip() == "---" and _KEY.match(lines[index + 1]):
            last = next((i for i in range(index + 1, len(lines)) if lines[i].strip() in ("---", "...")), None)
            if last is None:
                last = index + 1
                while last + 1 < len(lines) and (_KEY.match(lines[last + 1]) or lines[last + 1].startswith(" ")):
                    last += 1
            found.append((index + 1, last + 1,
                          MESSAGES["front-matter-again"].format(first=index + 1, last=last + 1)))
            index = last
        index += 1
    return found


def _references(lines: list[str], body: int, code: set[int]) -> list[tuple[int, int, str]]:
    """`[text][ref]` and `[text][]` need a line `[ref]: address` somewhere in the page."""
    texts = {i: _CODE_SPAN.sub("", lines[i]) for i in range(body, len(lines)) if i not in code}
    defined = {_label(m.group(1)) for line in texts.values() if (m := _DEFINITION.match(line))}
    found = []
    for index, line in texts.items():
        for match in _REFERENCE.finditer(line):
            label = match.group(2) or match.group(1)
            if label.strip() and _label(label) not in defined:
                found.append((index + 1, index + 1, MESSAGES["undefined-reference"].format(
                    link=match.group(0), label=" ".join(label.split()))))
    return found


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _written(lines: list[str], body: int, code: set[int]) -> list[tuple[int, int, str]]:
    """Markdown this site's Python-Markdown would show as written: '] (', '1)' lists, footnotes, a box's text
    not indented, a word in an id."""
    found = []
    for index in range(body, len(lines)):
        if index in code:
            continue
        line, number = _CODE_SPAN.sub("", lines[index]), index + 1
        above = lines[index - 1].strip() if index > body else ""
        if match := _SPACE_LINK.search(line):
            found.append((number, number, MESSAGES["space-link"].format(
                link=match.group(0), joined=match.group(1) + match.group(2))))
        elif (match := _PAREN_NUMBER.match(line)) and not above:
            found.append((number, number, MESSAGES["paren-number"].format(number=match.group(1))))
        elif match := _FOOTNOTE.search(line):
            found.append((number, number, MESSAGES["footnote"].format(label=match.group(1))))
        elif _BOX.match(line) and index + 1 < len(lines) and lines[index + 1].strip() \
                and not lines[index + 1].startswith(("    ", "\t")):
            found.append((number + 1, number + 1, MESSAGES["box-unindented"].format(box=line.strip())))
        elif (match := _ATTR_END.search(line)) and (word := next((
                part for part in match.group(1).split() if part[0] not in "#." and "=" not in part
                and part not in _BARE), None)):
            ids = [part[1:] for part in match.group(1).split() if part.startswith("#")]
            found.append((number, number, MESSAGES["attr-word"].format(
                word=word, attr=match.group(0).strip(), joined="-".join([*ids, word]) if ids else word)))
    return found
