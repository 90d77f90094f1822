"""Read the project's YAML data files, with messages an editor can act on.

Not a hook itself: the hooks, tools/website.py and the tests import it. Every error names the
file, the line, the key path, what was expected and what was found.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from partnership.cache import template_cache

# The project this package belongs to: a copy of the project (as the tests make them) runs its own package,
# found first on its PYTHONPATH, and so reads its own files.
ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LANGUAGES = ("fr", "en")
LANGUAGE_NAMES = {"fr": "French", "en": "English"}
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
_HOST = r"(?:localhost|[0-9]{1,3}(?:\.[0-9]{1,3}){3}|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})"
_SITE_URL = re.compile(rf"https?://{_HOST}(?::[0-9]{{1,5}})?/(?:[A-Za-z0-9._~%+-]+/)*")
_URL_EXAMPLE = "such as https://example.org/partenariat/"


@functools.cache
def templates(folder: Path = ROOT / "hooks") -> jinja2.Environment:
    """The Jinja templates of a folder (hooks/ unless told): HTML escaped, an unknown variable an error, no stray
    blank lines."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        bytecode_cache=template_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class DataError(Exception):
    """A problem in a file an editor maintains; the message is complete as it stands.

    The package never imports MkDocs: hooks/cache.py makes it the error MkDocs stops a build with."""


class _Mapping(dict):
    line: int = 0
    key_lines: dict[str, int]


class _Sequence(list):
    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    """SafeLoader that remembers line numbers and refuses duplicate keys."""


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int, first: int) -> None:
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    result = _Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "found unhashable key", key_node.start_mark)
        if key in result:
            raise _DuplicateKey(key, key_node.start_mark.line + 1, result.key_lines.get(key, 0))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _Sequence:
    result = _Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class _ConfigLoader(_Loader):
    """For mkdocs.yml: MkDocs' own tags (!ENV, !relative, !!python/name:…) are read as plain values."""


def _construct_tagged(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return _construct_mapping(loader, node)
    if isinstance(node, yaml.SequenceNode):
        return _construct_sequence(loader, node)
    return loader.construct_scalar(node)


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


if yaml.__with_libyaml__:  # libyaml: the same nodes and marks, parsed about 10 times faster
    class _FastLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """_Loader's constructors on libyaml's parser; any problem is said by _Loader (the same wording)."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    class _FastConfigLoader(_FastLoader):
        pass

    _FastLoader.yaml_constructors = _Loader.yaml_constructors
    _FastConfigLoader.yaml_constructors = _ConfigLoader.yaml_constructors
    _FastConfigLoader.yaml_multi_constructors = _ConfigLoader.yaml_multi_constructors
    _FAST = {"data": _FastLoader, "config": _FastConfigLoader}
else:  # pragma: no cover - PyYAML built without libyaml
    _FAST = {}


_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def compact_script(path: Path) -> str:
    """A script of hooks/ without its comments, indentation and blank lines, to inline it or put it in front of
    Material's bundle. The scripts have block comments (/* */) only: a line comment would swallow what follows."""
    code = _BLOCK_COMMENT.sub("", path.read_text(encoding="utf-8"))
    return "\n".join(line.strip() for line in code.splitlines() if line.strip())


def rel(path: Path | str) -> str:
    """The path as an editor sees it: relative to the project, with forward slashes."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def site_root(value: str | None = None) -> str:
    """The address the site is published at (SITE_URL), ending with '/'; the languages sit below it.

    It is written into every page (canonical and hreflang links), the sitemap and robots.txt, so
    only a plain absolute address is accepted: nothing in it can break out of an attribute.
    """
    url = (os.environ.get("SITE_URL", "") if value is None else value).strip() or DEFAULT_SITE_URL
    if _SITE_URL.fullmatch(url):
        return url
    bad = next((c for c in url if c in "\"'<>`\\{}|^" or c.isspace() or not c.isprintable()), None)
    if bad is not None:
        raise DataError(f"SITE_URL: {_show_char(bad)} cannot be part of the site's address; "
                        f"expected an address {_URL_EXAMPLE}; found '{url}'")
    if not re.match(r"https?://", url, flags=re.I) or url[:8].lower() != url[:8]:
        raise DataError(f"SITE_URL: expected an address starting with https:// (or http://), {_URL_EXAMPLE}; "
                        f"found '{url}'")
    if "?" in url or "#" in url:
        raise DataError(f"SITE_URL: expected the address of a folder, without '?' or '#', {_URL_EXAMPLE}; "
                        f"found '{url}'")
    folder, _, last = url.rpartition("/")
    if "." in last and "/" in url.partition("://")[2] and _SITE_URL.fullmatch(folder + "/"):
        raise DataError(f"SITE_URL: expected the address of the folder the site is published in, not of a file "
                        f"('{last}'), {_URL_EXAMPLE}; found '{url}' (write '{folder}/')")
    if re.fullmatch(r"https?://[^/]+(?:/[^/]+)*", url) and _SITE_URL.fullmatch(url + "/"):
        raise DataError(f"SITE_URL: expected the address to end with '/', {_URL_EXAMPLE}; found '{url}' "
                        f"(write '{url}/')")
    raise DataError(f"SITE_URL: expected the address the site is published at: https:// (or http://), a host name "
                    f"in lower case (letters, digits, dots, hyphens), then folders of letters, digits and hyphens, "
                    f"each ending with '/', {_URL_EXAMPLE}; found '{url}'")


def counterpart(lang: str, url: str) -> str:
    """The relative link from a page to the same page in `lang` (pages sit at the top of their language)."""
    return f"../{lang}/{url}"


def _show_char(character: str) -> str:
    """A character as an editor can find it: itself in quotes, or its name when it is invisible."""
    names = {"\t": "a tab", " ": "a space", "\u00a0": "a no-break space", "\u202f": "a narrow no-break space",
             "\u200b": "a zero-width space", "\x0b": "a line break from Word", "\ufeff": "an invisible byte-order mark"}
    if character in names:
        return names[character] if character in "\t " else f"{names[character]} (U+{ord(character):04X})"
    if not character.isprintable():
        return f"the invisible character U+{ord(character):04X}"
    return f"the character '{character}'"


def read_text(path: Path) -> str:
    """A text file the project keeps, as UTF-8; a byte-order mark is accepted (and dropped).

    Any other encoding is a DataError naming the file, the line and the character, as an editor
    sees it in a Latin-1 (Windows) editor.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{rel(path)}: file not found") from None
    except IsADirectoryError:
        raise DataError(f"{rel(path)}: expected a file; found a folder") from None
    except OSError as error:
        raise DataError(f"{rel(path)}: the file cannot be read ({error.strerror or 'access refused'})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(f"{rel(path)}: saved as UTF-16 (\"Unicode\"); save it as UTF-8 (in the editor's "
                        f"\"Save as\", choose the encoding UTF-8)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start:error.start + 1]
        if b"\0" in data:
            raise DataError(f"{rel(path)}: not a text file (it holds binary data from line {line}); "
                            f"expected plain text saved as UTF-8") from None
        seen = byte.decode("cp1252", errors="replace")
        shown = f"'{seen}'" if seen.isprintable() and seen != "\ufffd" else f"byte {byte.hex().upper()}"
        raise DataError(f"{rel(path)}:{line}: the character {shown} is not saved as UTF-8 (the file seems to be "
                        f"Latin-1 or Windows-1252); save the file as UTF-8 (in the editor's \"Save as\", choose "
                        f"the encoding UTF-8)") from None
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise DataError(f"{rel(path)}:{line}: not a text file (it holds binary data); expected plain text saved "
                        f"as UTF-8")
    return text.removeprefix("\ufeff")


# PyYAML's wording, said for editors. Each entry: (what PyYAML says, matched against "context | problem",
# the message; {line} is where to look, {start} where the construct began, {char} the character).
_YAML_PROBLEMS: list[tuple[str, str]] = [
    (r"found character '\\t' that cannot start any token",
     "a tab; indent with spaces (and between words, use a space or put the text between double quotes)"),
    (r"found character '(.)' that cannot start any token",
     "a text cannot start with {char}; put the whole text between double quotes"),
    (r"found undefined alias", "a text cannot start with '*'; put the whole text between double quotes"),
    (r"while scanning an? (?:alias|anchor)",
     "a text cannot start with '&' or '*'; put the whole text between double quotes"),
    (r"constructor for the tag 'tag:yaml\.org,2002:(?:value|merge)'|for merging",
     "'<<' or '=' has a meaning of its own in YAML; put the text between double quotes, e.g. \"<<\""),
    (r"could not determine a constructor for the tag",
     "a text cannot start with '!'; put the whole text between double quotes"),
    (r"found duplicate anchor", "a text cannot start with '&'; put the whole text between double quotes"),
    (r"found unknown escape character|expected escape sequence",
     "a backslash (\\) between double quotes starts a special code; write \\\\ for a backslash, or put the "
     "text between single quotes"),
    (r"while scanning a quoted scalar.*found unexpected end of stream",
     "a quotation mark opened on line {start} is never closed"),
    (r"while parsing a flow sequence", "a list opened with '[' on line {start} is never closed with ']'"),
    (r"while parsing a flow mapping", "a '{{' opened on line {start} is never closed with '}}'"),
    (r"while scanning a simple key",
     "expected 'key: value' on line {start}; the line has no colon after its first words"),
    (r"while scanning a block scalar",
     "after | or >, expected nothing more on the line: the text goes on the next lines, indented"),
    (r"expected a single document|expected '<document start>'",
     "a line '---' (or a line starting with %) in the middle of the file; delete it"),
    (r"while scanning a directive", "a line cannot start with %; put the text between double quotes"),
    (r"found unhashable key", "a key cannot be a list or a mapping; write a plain word before the colon"),
    (r"found '-'", "a list item ('- …') where a 'key: value' line is expected; check the indentation"),
    (r"found '\?'",
     "a 'key: value' line inside a list of '- …' items; check the indentation (or start the line with '- ')"),
    (r"while parsing a block (?:mapping|collection|node)",
     "this line is not lined up with the lines above it (the block that starts on line {start}); lines of "
     "the same block start in the same column, indented with spaces"),
]
_YAML_FALLBACK = "this line cannot be read; check its indentation, its quotation marks and its colons"


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line to look at and what is wrong there, in plain words (never PyYAML's wording)."""
    mark, start = error.problem_mark or error.context_mark, error.context_mark or error.problem_mark
    line = mark.line + 1 if mark else 0
    first = start.line + 1 if start else line
    said = f"{error.context or ''} | {error.problem or ''}"
    if "mapping values are not allowed" in said and mark:
        source = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        pair = re.fullmatch(r"\s*(?:- )?([a-z_][\w-]*):[ \t]+([a-z_][\w-]*):[ \t]+([0-9]+)\s*", source)
        if pair:
            outer, inner, value = pair.groups()
            return line, (f"two 'key: value' on one line; write {outer}: {{{inner}: {value}}}, or put {inner}: "
                          f"{value} on the next line, indented (a text holding ': ' goes between double quotes)")
        if re.fullmatch(r"\s*[^\s:#][^:#]*", source[:mark.column]):  # the colon ends the line's first word
            return line, ("this line is indented further than the line above; lines of the same block start in "
                          "the same column")
        return line, ("a colon followed by a space inside a text; put the whole text between double quotes, e.g. "
                      "description: \"Sources : d’où viennent les textes\"")
    quoted = _quoted_before(text, mark) if mark and "found '<scalar>'" in said else None
    if quoted:
        opened, closed = quoted
        if opened != closed:
            return line, f"a quotation mark opened on line {opened} is never closed on that line"
        return line, ("text after a closing quotation mark; a text that holds a quotation mark goes between the "
                      "other kind (\"it's\", '« oui »'), or doubles it between single quotes ('it''s')")
    for pattern, message in _YAML_PROBLEMS:
        found = re.search(pattern, said, flags=re.S)
        if found:
            if re.search(r"while scanning a (?:quoted scalar|simple key)|while parsing a flow", said):
                line = first  # the line where the quotation mark, the key or the bracket is
            if "{start}" in message and first == line:
                message = message.replace(" on line {start}", " on this line").replace(
                    " (the block that starts on line {start})", "")
            char = found.group(1) if found.groups() else ""
            return line, message.format(start=first, char=f"'{char}'")
    return line, _YAML_FALLBACK


def _quoted_before(text: str, mark: yaml.Mark) -> tuple[int, int] | None:
    """(opening line, closing line) of the quoted text just before the error, if the error follows one."""
    last = None
    try:
        for token in yaml.scan(text):
            if (token.start_mark.line, token.start_mark.column) >= (mark.line, mark.column):
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"'):
        return last.start_mark.line + 1, last.end_mark.line + 1
    return None


# What YAML would read differently from what the editor meant (_check_nodes), and the traps of _diagnose.
_TIMESTAMP, _INT, _FLOAT, _STR = (f"tag:yaml.org,2002:{kind}" for kind in ("timestamp", "int", "float", "str"))
_INVISIBLE_SPACES = "\u00a0\u202f\u200b\u2007\u2060\ufeff"
_CURLY = {"“": "”", "‘": "’"}
_CURLY_QUOTES = ("curly quotes (“ ” or ‘ ’) do not quote a text in YAML; use straight double quotes \"…\" "
                 "(to show curly quotes, put them inside straight ones: \"“…”\")")


class _Laxer(Exception):  # noqa: N818 - not an error: libyaml read what the pure parser refuses
    """libyaml read a text the pure-Python parser refuses: let the pure parser say why."""


def _key_path(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _check_key(node: yaml.Node, where: str) -> None:
    """A key that starts with a word processor's dash, or holds an invisible space (indentation, colon, inside)."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return
    if node.value[:2] in ("– ", "— ", "• "):
        raise DataError(f"{where}:{node.start_mark.line + 1}: '{node.value[0]}' (a dash or bullet from a word "
                        f"processor) at the start of the line; a list item starts with an ordinary hyphen '-'")
    found = next((c for c in node.value if c in _INVISIBLE_SPACES), None)
    if found is None:
        return
    line, name, key = node.start_mark.line + 1, _show_char(found), node.value.strip(_INVISIBLE_SPACES + " ")
    if node.value.startswith(found):
        raise DataError(f"{where}:{line}: {name} at the start of line {line}; indent with ordinary spaces")
    if node.value.endswith(found):
        raise DataError(f"{where}:{line}: {name} before the colon of '{key}'; delete it (write '{key}:')")
    raise DataError(f"{where}:{line}: {name} inside the key '{key}'; type the key again with ordinary letters")


def _check_decimal_comma(node: yaml.MappingNode, text: str, path: str, where: str) -> None:
    """{cooperation: 1,5}: YAML reads the number 1, then a key '5' with no value."""
    for (name, before), (key, value) in zip(node.value, node.value[1:], strict=False):
        if (isinstance(before, yaml.ScalarNode) and isinstance(key, yaml.ScalarNode)
                and isinstance(value, yaml.ScalarNode) and not before.style and not key.style
                and re.fullmatch(r"-?[0-9]+", before.value) and re.fullmatch(r"[0-9]+", key.value)
                and value.value == "" and text[before.end_mark.index:key.start_mark.index] == ","):
            number, line = f"{before.value},{key.value}", key.start_mark.line + 1
            if path.rsplit(".", 1)[-1] == "weights":
                raise DataError(f"{where}:{line}: {path}: {number} is not a whole number of points: weights are 1, 2 "
                                f"or 3 (write {name.value}: 1 or {name.value}: 2)")
            raise DataError(f"{where}:{line}: {_key_path(path, name.value)}: {number} is read as two values (a comma "
                            f"separates them); write a decimal number with a point ({before.value}.{key.value}), "
                            f"or put the text between double quotes")


def _laxer(root: yaml.Node) -> bool:
    """A '?' in a plain text between [ ] or { }: libyaml reads it, the pure-Python parser refuses it."""
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, flow = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if flow and not node.style and "?" in node.value:
                return True
        elif isinstance(node, yaml.MappingNode):
            stack += [(child, flow or bool(node.flow_style)) for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(child, flow or bool(node.flow_style)) for child in node.value]
    return False


def _check_nodes(root: yaml.Node, text: str, where: str, loader: Any) -> None:
    """What a text means that its reader would change without a word: refused, naming the cause."""
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            if node.flow_style:
                _check_decimal_comma(node, text, path, where)
            for key, _ in node.value:
                _check_key(key, where)
            stack += reversed([(value, _key_path(path, key.value if isinstance(key, yaml.ScalarNode) else "?"))
                               for key, value in node.value])
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed([(item, f"{path}[{index}]") for index, item in enumerate(node.value)])
        elif isinstance(node, yaml.ScalarNode):
            _check_scalar(node, text, path, where, loader)


def _check_scalar(node: yaml.ScalarNode, text: str, path: str, where: str, loader: Any) -> None:
    line = node.start_mark.line + 1
    if node.tag == _TIMESTAMP:
        try:
            loader.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise DataError(f"{where}:{line}: {path}: {node.value} is not a date (year-month-day, the month from 01 "
                            f"to 12, the day within the month); correct it, or put the text between double quotes"
                            ) from None
    if node.style or not node.value:
        return
    if node.tag in (_INT, _FLOAT) and not re.fullmatch(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", node.value):
        number = loader.construct_object(node)
        if not (re.fullmatch(r"0[0-9]+", node.value) and int(node.value) == number):  # 01 is 1, as meant; 010 is 8
                raise DataError(f"{where}:{line}: {path}: YAML reads {node.value} as the number {number}; write the "
                            f"number with digits only (e.g. 10, 1.5), or put the text between double quotes")
    if node.value[0] in _CURLY and node.value.endswith(_CURLY[node.value[0]]) and len(node.value) > 1:
        raise DataError(f"{where}:{line}: {path}: {_CURLY_QUOTES}")
    after = text[node.end_mark.index:node.end_mark.index + 3]
    if node.tag == _STR and re.match(r"[ \t]#", after):  # a comment after a number or yes/no cuts no text
        name = path.rsplit(".", 1)[-1] if path and not path.endswith("]") else "text"
        prefix = "- " if name == "text" else f"{name}: "
        raise DataError(f"{where}:{node.end_mark.line + 1}: {path}: the text is cut at ' #' (YAML reads what follows "
                        f"as a comment); put the whole text between double quotes, e.g. {prefix}\"… # …\"")


def _diagnose(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str] | None:
    """The real cause of a text YAML cannot read, when it is a known trap: curly quotes, '{}' with lines after
    it, an invisible space where YAML reads the layout, a '?' between brackets."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    lines = text.splitlines()
    start = (error.context_mark or mark).line
    said = f"{error.context or ''} | {error.problem or ''}"
    if "but got '?'" in said:
        return mark.line + 1, ("a question mark inside a text between brackets ([…] or {…}); put that text between "
                               "double quotes, e.g. [\"why?\"]")
    for number in range(min(start, mark.line), min(mark.line + 1, len(lines))):
        source = lines[number]
        empty = re.fullmatch(r"(\s*)(?:- )?([^\s#][^#]*?):[ \t]+(\{\}|\[\])[ \t]*(?:#.*)?", source)
        if empty:
            below = next((other for other in lines[number + 1:] if other.strip() and
                          not other.lstrip().startswith("#")), "")
            if len(below) - len(below.lstrip()) > len(empty.group(1)):
                key, none = empty.group(2), empty.group(3)
                return number + 1, (f"'{key}: {none}' says there are none, and lines follow: delete '{none}' "
                                    f"(write '{key}:' alone on its line, then the lines below it, indented)")
    for number in range(0, min(mark.line + 1, len(lines))):
        source = lines[number]
        if re.match(r"\s*[–—•] ", source):
            return number + 1, (f"'{source.strip()[0]}' (a dash or bullet from a word processor) at the start of "
                                f"the line; a list item starts with an ordinary hyphen '-'")
        indent = re.match(rf"[ {_INVISIBLE_SPACES}]*", source).group(0)
        found = next((c for c in indent if c != " "), None)
        if found:
            return number + 1, f"{_show_char(found)} at the start of line {number + 1}; indent with ordinary spaces"
        after = re.match(rf"\s*(?:- )?[^\s#:\"'][^:#]*:([{_INVISIBLE_SPACES}])", source)
        if after:
            return number + 1, f"{_show_char(after.group(1))} after the colon; write an ordinary space"
    for number in range(min(start, mark.line), min(mark.line + 1, len(lines))):
        if re.search(r"(?:^|:[ \t]|^\s*-[ \t]|[\[{,][ \t]*)[“‘]", lines[number]):
            return number + 1, _CURLY_QUOTES
    return None


def _read(text: str, loader_class: type, where: str, fast: bool) -> Any:
    """The text read by `loader_class`, once its meaning is checked (_check_nodes)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if fast and "?" in text and ("[" in text or "{" in text) and _laxer(node):
            raise _Laxer
        _check_nodes(node, text, where, loader)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def parse_yaml(text: str, where: str, first_line: int = 1, loader: str = "data") -> Any:
    """Parse YAML text; `where` names its file, `first_line` is the text's line in that file.

    loader="config" reads mkdocs.yml, whose tags (!ENV …) are MkDocs' business."""
    text = "\n" * (first_line - 1) + text  # blank lines in front, so that every line number is the file's
    fast = _FAST.get(loader)
    # libyaml accepts a tab inside a text, and a '?' in a text between brackets, which the pure-Python parser
    # refuses: then the pure parser reads it, so that both accept exactly the same texts.
    if fast is not None and "\t" not in text:
        try:
            return _read(text, fast, where, fast=True)
        except DataError:
            raise
        except Exception:  # noqa: BLE001, S110 - the pure-Python parser below says what is wrong, in its words
            pass
    try:
        return _read(text, _ConfigLoader if loader == "config" else _Loader, where, fast=False)
    except _DuplicateKey as error:
        raise DataError(f"{where}:{error.line}: the key '{error.key}' appears twice (first on line "
                        f"{error.first}); keep one") from None
    except yaml.MarkedYAMLError as error:
        line, message = _diagnose(text, error) or _yaml_message(error, text)
        raise DataError(f"{where}:{line}: not valid YAML: {message}" if line else
                        f"{where}: not valid YAML: {message}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise DataError(f"{where}:{line}: not valid YAML: {_show_char(chr(error.character))} cannot be in the text "
                        f"(it often comes with copy and paste); delete it") from None
    except yaml.YAMLError:
        raise DataError(f"{where}: not valid YAML: {_YAML_FALLBACK}") from None


def load_yaml(path: Path) -> Any:
    """Load a YAML file the project keeps; a missing file, bad encoding or bad syntax is a DataError."""
    return parse_yaml(read_text(path), rel(path))


def line_of(container: Any, key: str | int | None = None) -> str:
    """':N' for the line of `key` in a loaded mapping (or of the container), '' if unknown."""
    if isinstance(container, _Mapping) and isinstance(key, str) and key in container.key_lines:
        return f":{container.key_lines[key]}"
    if isinstance(container, _Sequence) and isinstance(key, int) and key < len(container):
        return f":{container.item_lines[key]}"
    line = getattr(container, "line", 0)
    return f":{line}" if line else ""


def describe(value: Any) -> str:
    """A short, readable account of a YAML value for 'found …' (never a programming word)."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping with keys " + ", ".join(map(str, value)) if value else "an empty mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}" if value else "an empty list"
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "an empty text"
    if isinstance(value, bool):
        return (f"the yes/no value {str(value).lower()} (a text such as yes, no, on, off, true or false goes "
                f"between double quotes)")
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"the date {value.isoformat()} (a text that looks like a date goes between double quotes)"
    return "a value that is not a text"


def bilingual(parent: Any, key: str, path: str, where: str) -> dict[str, str]:
    """parent[key] must be {fr: text, en: text}; returns it, else raises with file and line."""
    value = parent.get(key) if isinstance(parent, dict) else None
    at = f"{where}{line_of(parent, key)}: {path}"
    example = f'{key}: {{fr: "…", en: "…"}}'
    if not isinstance(value, dict):
        raise DataError(f"{at}: expected a text in each language ({example}); found {describe(value)}")
    extra = sorted(map(str, set(value) - set(LANGUAGES)))
    if extra:
        raise DataError(f"{at}: unknown language '{extra[0]}'; expected only fr and en")
    for lang in LANGUAGES:
        text = value.get(lang)
        if isinstance(text, (bool, int, float, datetime.date)):
            raise DataError(f"{at}.{lang}: YAML reads {describe(text).split(' (')[0]} here, not a text; put the "
                            f"text between double quotes ({lang}: \"…\")")
        if not isinstance(text, str) or not text.strip():
            raise DataError(
                f"{at}.{lang}: missing the {LANGUAGE_NAMES[lang]} text ({example}); "
                f"found {describe(text)}"
            )
    return {lang: value[lang].strip() for lang in LANGUAGES}


def bilingual_texts(data: dict[str, Any], section: str, where: str,
           keys: dict[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    """data[section]: exactly `keys`, each a text in each language keeping its placeholders."""
    texts = data.get(section)
    if not isinstance(texts, dict):
        raise problem(where, data, section, section,
                      f"expected the texts {', '.join(keys)}, each in fr and en; found {describe(texts)}")
    result = {}
    for key, placeholders in keys.items():
        if key not in texts:
            raise problem(where, texts, None, f"{section}.{key}",
                          f'missing; expected a text in each language ({key}: {{fr: "…", en: "…"}})')
        result[key] = {lang: re.sub(r"[ \t\r\n]+", " ", text)
                       for lang, text in bilingual(texts, key, f"{section}.{key}", where).items()}
        for lang in LANGUAGES:
            check_placeholders(result[key][lang], placeholders, f"{where}{line_of(texts, key)}: {section}.{key}.{lang}")
    for key in texts:
        if key not in keys:
            raise problem(where, texts, key, f"{section}.{key}", f"unknown key; expected {', '.join(keys)}")
    return result


# The interface texts whose words in curly brackets the build fills in; every other text has none.
STRING_PLACEHOLDERS: dict[str, tuple[str, ...]] = {"take_quiz": ("{minutes}",)}
_TEMPLATE_FOLDERS = ("overrides", "hooks", "tools", "quiz")
_STRING_USES = (
    re.compile(r"strings[\"']?\]?\[[\"']([a-z_][a-z0-9_]*)[\"']\]"),  # in Python and Jinja: strings[ "key" ]
    re.compile(r"(?<![\w/-])strings\.(?!yml\b)([a-z_][a-z0-9_]*)"),  # in Jinja only: strings . key
)
_STRING_ALIAS = re.compile(r"\{%-?\s*set\s+(\w+)\s*=\s*[\w.]*\bstrings\s*-?%\}")


@functools.cache
def used_strings() -> dict[str, str]:
    """Every key of content/strings.yml that a template or hook uses, with the first file that uses it."""
    used: dict[str, str] = {}
    for folder in _TEMPLATE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".html", ".xml", ".txt", ".py") or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            uses = _STRING_USES[:1] if path.suffix == ".py" else _STRING_USES
            patterns = [*uses, *(re.compile(rf"(?<![\w.]){re.escape(alias)}\.([a-z_][a-z0-9_]*)")
                                         for alias in _STRING_ALIAS.findall(text))]
            for pattern in patterns:
                for key in pattern.findall(text):
                    used.setdefault(key, rel(path))
    return used


def fill(text: str, **values: object) -> str:
    """A text with its {placeholders} replaced (str.format would fail on any other curly bracket)."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def check_placeholders(text: str, wanted: tuple[str, ...], at: str) -> None:
    """Every placeholder of `wanted` in the text, and no other word in curly brackets."""
    for found in re.findall(r"\{[^{}]*\}", text):
        if found not in wanted:
            expected = f"only {', '.join(wanted)}" if wanted else "none in this text"
            raise DataError(f"{at}: unknown placeholder {found}; expected {expected} (keep the words in curly "
                            f"brackets exactly as they were)")
    for placeholder in wanted:
        if placeholder not in text:
            raise DataError(f"{at}: expected the placeholder {placeholder} in the text (the build puts a value "
                            f"there); found '{text}'")


def load_strings(path: Path = CONTENT / "strings.yml") -> dict[str, dict[str, str]]:
    """Interface strings: every key a template uses, each with a French and an English text, nothing else."""
    where = rel(path)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected a list of keys, each with fr and en texts; found {describe(data)}")
    used = used_strings()
    for key in data:
        if key not in used:
            close = difflib.get_close_matches(str(key), [k for k in used if k not in data], n=1)
            hint = (f"; did you mean '{close[0]}'?" if close else
                    "; no template uses it (delete it, or check its spelling)")
            raise DataError(f"{where}{line_of(data, key)}: {key}: unknown key{hint}")
    for key, user in used.items():
        if key not in data:
            raise DataError(f'{where}: {key}: missing; {user} uses it; add it with a text in each language: '
                            f'{key}: {{fr: "…", en: "…"}}')
    strings = {key: bilingual(data, key, key, where) for key in data}
    for key, texts in strings.items():
        for lang, text in texts.items():
            check_placeholders(text, STRING_PLACEHOLDERS.get(key, ()), f"{where}{line_of(data, key)}: {key}.{lang}")
    return strings


@dataclass(frozen=True)
class Form:
    """One of the seven forms of partnership, as content/forms.yml defines it."""

    id: str
    order: int
    name: dict[str, str]
    definition: dict[str, str]


def problem(where: str, container: Any, key: str | int | None, path: str, text: str) -> DataError:
    """The error for `path` (a key path such as forms[3].id) in file `where`, at the line of `key`."""
    return DataError(f"{where}{line_of(container, key)}: {path}: {text}")


def load_forms(path: Path = CONTENT / "forms.yml") -> list[Form]:
    """The seven forms, in their order on the scale (from 'for me' to 'merged')."""
    where = rel(path)
    data = load_yaml(path)
    forms = data.get("forms") if isinstance(data, dict) else None
    if not isinstance(forms, list) or not forms:
        raise problem(where, data, "forms", "forms", f"expected a list of forms; found {describe(forms)}")
    result: list[Form] = []
    for index, item in enumerate(forms):
        at = f"forms[{index}]"
        if not isinstance(item, dict):
            raise problem(where, forms, index, at, f"expected a form (id, order, name, definition); "
                                                   f"found {describe(item)}")
        for key in sorted(set(item) - {"id", "order", "name", "definition"}):
            raise problem(where, item, key, f"{at}.{key}", "unknown key; expected id, order, name, definition")
        form_id, order = item.get("id"), item.get("order")
        if not isinstance(form_id, str) or not re.fullmatch(r"[a-z][a-z-]*", form_id):
            raise problem(where, item, "id", f"{at}.id",
                          f"expected a short lower-case id such as 'service'; found {describe(form_id)}")
        if form_id in {form.id for form in result}:
            raise problem(where, item, "id", f"{at}.id", f"the id '{form_id}' is used twice; each form needs its own")
        if not isinstance(order, int) or isinstance(order, bool):
            raise problem(where, item, "order", f"{at}.order",
                          f"expected a whole number (1 = service … 7 = fusion); found {describe(order)}")
        name = bilingual(item, "name", f"{at}.name", where)
        result.append(Form(form_id, order, name, bilingual(item, "definition", f"{at}.definition", where)))
    orders = sorted(form.order for form in result)
    if orders != list(range(1, len(result) + 1)):
        raise problem(where, forms, None, "forms[].order",
                      f"expected the numbers 1 to {len(result)}, each once; found {', '.join(map(str, orders))}")
    return sorted(result, key=lambda form: form.order)


_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
_ATTRS = re.compile(r"\{:?([^{}]*)\}\s*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([^\s}]+)")
_HTML_ID = re.compile(r"""<[a-zA-Z][^>]*\sid=["']([^"']+)["']""")
_VALID_ID = re.compile(r"^[a-z][a-z0-9-]*$")


def markdown_ids(path: Path) -> list[str]:
    """The explicit ids of a page's Markdown source, in order; raises on a heading without one."""
    ids: list[str] = []
    fenced = False
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            continue
        found = _HTML_ID.findall(line)
        attrs = _ATTRS.search(line)
        if attrs:
            found += _ID_IN_ATTRS.findall(attrs.group(1))
        heading = _HEADING.match(line)
        if heading and not (attrs and _ID_IN_ATTRS.search(attrs.group(1))):
            text = heading.group(2)
            raise DataError(
                f"{rel(path)}:{number}: the heading '{text}' has no id; add one at the end of the line, "
                f"e.g. '{heading.group(1)} {text} {{#{_suggest(text)}}}' (an id never changes once published)"
            )
        for anchor in found:
            hidden = next((c for c in anchor if c in _INVISIBLE_SPACES or not c.isprintable()), None)
            if hidden:
                raise DataError(f"{rel(path)}:{number}: {_show_char(hidden)} inside the id "
                                f"'#{''.join(c for c in anchor if c != hidden)}'; delete it (type the id again)")
            if not _VALID_ID.match(anchor):
                raise DataError(
                    f"{rel(path)}:{number}: the id '#{anchor}' is not usable in a link; expected lower-case "
                    f"letters, digits and hyphens, starting with a letter (e.g. #fears)"
                )
            if anchor in ids:
                raise DataError(f"{rel(path)}:{number}: the id '#{anchor}' is used twice on this page")
            ids.append(anchor)
    return ids


def normalise(text: str) -> str:
    """Text with whitespace, typographic quotes and French spacing set aside, to compare wordings."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    text = re.sub(r"[«»“”\"]", '"', text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ?([:;!?\"]) ?", r"\1", text)
    return text.strip()


def typeset(text: str, lang: str) -> str:
    """French spacing, the house style (docs/README.md): a no-break space (U+00A0) before : and » and after «,
    a narrow no-break space (U+202F) before ; ! ?, so that they never start or end a line. Spaces already
    typed (ordinary, no-break or narrow) are set to the right one; English text is returned as it is."""
    if lang != "fr":
        return text
    text = re.sub(r"[ \u00a0\u202f]+([;!?])", "\u202f\\1", text)
    text = re.sub(r"[ \u202f]+([:»])", "\u00a0\\1", text)
    return re.sub(r"«[ \u202f]+", "«\u00a0", text)


def _suggest(text: str) -> str:
    return "-".join(slug(text).split("-")[:3]) or "section"


def slug(text: str) -> str:
    """Lower-case letters a-z, digits and hyphens: 'À propos 2' gives 'a-propos-2'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)) or "page"
