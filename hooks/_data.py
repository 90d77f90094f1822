"""Read the project's YAML data files, with messages an editor can act on.

Not a hook itself: the hooks, tools/website.py and the tests import it. Every error names the
file, the line, the key path, what was expected and what was found.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
LANGUAGES = ("fr", "en")
LANGUAGE_NAMES = {"fr": "French", "en": "English"}
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
_SITE_URL = re.compile(r"^https?://[^/\s?#]+(/[^\s?#]*)?$")


@functools.cache
def templates(folder: Path = Path(__file__).parent) -> jinja2.Environment:
    """The Jinja templates of a folder: HTML escaped, an unknown variable an error, no stray blank lines."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class DataError(PluginError):
    """A problem in a file an editor maintains; the message is complete as it stands."""


class _Mapping(dict):
    line: int = 0
    key_lines: dict[str, int]


class _Sequence(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader that remembers line numbers and refuses duplicate keys."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    result = _Mapping()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> _Sequence:
    result = _Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def rel(path: Path | str) -> str:
    """The path as an editor sees it: relative to the project, with forward slashes."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def site_root(value: str | None = None) -> str:
    """The address the site is published at (SITE_URL), ending with '/'; the languages sit below it."""
    url = (os.environ.get("SITE_URL", "") if value is None else value).strip() or DEFAULT_SITE_URL
    if not _SITE_URL.match(url):
        raise DataError(
            f"SITE_URL: expected the address the site is published at, such as "
            f"https://example.org/partenariat/; found '{url}'"
        )
    return url if url.endswith("/") else url + "/"


def counterpart(lang: str, url: str) -> str:
    """The relative link from a page to the same page in `lang` (pages sit at the top of their language)."""
    return f"../{lang}/{url}"


def parse_yaml(text: str, where: str, first_line: int = 1) -> Any:
    """Parse YAML text; `where` names its file, `first_line` is the text's line in that file."""
    try:  # blank lines in front, so that every line number is the file's
        return yaml.load("\n" * (first_line - 1) + text, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.MarkedYAMLError as error:
        problem, context = error.problem or "unreadable", error.context
        mark, start = error.problem_mark, error.context_mark
        if context and start and mark and start.line != mark.line:
            raise DataError(
                f"{where}:{start.line + 1}: not valid YAML: {context}, {problem} (line {mark.line + 1})"
            ) from None
        line = f":{(mark or start).line + 1}" if (mark or start) else ""
        raise DataError(f"{where}{line}: not valid YAML: {problem}") from None


def load_yaml(path: Path) -> Any:
    """Load a YAML file the project keeps; a missing file or bad syntax is a DataError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{rel(path)}: file not found") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{rel(path)}: not UTF-8 text ({error.reason})") from None
    return parse_yaml(text, rel(path))


def line_of(container: Any, key: str | int | None = None) -> str:
    """':N' for the line of `key` in a loaded mapping (or of the container), '' if unknown."""
    if isinstance(container, _Mapping) and isinstance(key, str) and key in container.key_lines:
        return f":{container.key_lines[key]}"
    if isinstance(container, _Sequence) and isinstance(key, int) and key < len(container):
        item = container[key]
        if isinstance(item, (_Mapping, _Sequence)):
            return f":{item.line}"
    line = getattr(container, "line", 0)
    return f":{line}" if line else ""


def describe(value: Any) -> str:
    """A short, readable account of a YAML value for 'found …'."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping with keys " + ", ".join(map(str, value)) if value else "an empty mapping"
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "an empty text"
    return f"{type(value).__name__} {value!r}"


def bilingual(parent: Any, key: str, path: str, where: str) -> dict[str, str]:
    """parent[key] must be {fr: text, en: text}; returns it, else raises with file and line."""
    value = parent.get(key) if isinstance(parent, dict) else None
    at = f"{where}{line_of(parent, key)}: {path}"
    example = f'{key}: {{fr: "…", en: "…"}}'
    if not isinstance(value, dict):
        raise DataError(f"{at}: expected a text in each language ({example}); found {describe(value)}")
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise DataError(
                f"{at}.{lang}: missing the {LANGUAGE_NAMES[lang]} text ({example}); "
                f"found {describe(text)}"
            )
    extra = sorted(set(value) - set(LANGUAGES))
    if extra:
        raise DataError(f"{at}: unknown language '{extra[0]}'; expected only fr and en")
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
            for placeholder in placeholders:
                if placeholder not in result[key][lang]:
                    raise problem(where, texts, key, f"{section}.{key}.{lang}",
                                  f"expected the placeholder {placeholder} in the text; found '{result[key][lang]}'")
    for key in texts:
        if key not in keys:
            raise problem(where, texts, key, f"{section}.{key}", f"unknown key; expected {', '.join(keys)}")
    return result


def load_strings(path: Path = CONTENT / "strings.yml") -> dict[str, dict[str, str]]:
    """Interface strings: every key has a French and an English text."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataError(
            f"{rel(path)}: expected a list of keys, each with fr and en texts; found {describe(data)}"
        )
    return {key: bilingual(data, key, key, rel(path)) for key in data}


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
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
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
    """French spacing: a no-break space before : ; ! ? » and after «, so they never start a line."""
    if lang != "fr":
        return text
    return re.sub(r"« ", "«\u00a0", re.sub(r" ([:;!?»])", "\u00a0\\1", text))


def is_open_ending(line: str) -> bool:
    """The originals' open list endings ('· ….', '· …'), which the site turns into an invitation."""
    return set(line) <= set(".… ")


def source_sentences(text: str) -> list[str]:
    """The sentences of a source text, list items included, open list endings left out."""
    sentences = []
    for line in text.splitlines():
        line = line.strip().removeprefix("·").strip()
        if line and not is_open_ending(line):
            sentences += [part for part in re.split(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ý«“])", line) if part.strip()]
    return sentences


def _suggest(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:3]) or "section"
