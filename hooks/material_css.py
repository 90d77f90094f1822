"""Material's style sheets, reduced to the rules this site can use, so that a first visit loads less.

Material's main.css (137 KB, 23 KB compressed) and palette.css (12 KB) style every feature of the
theme: content tabs, annotations, admonitions, code highlighting, twenty colour palettes, the dark
scheme… The browser must download and read all of it before it shows a page.

After the build, each sheet is read from the installed Material package (never a copy kept here)
and a rule is kept when every name its selector requires is found in the site:
- classes, ids, element and attribute names, and the values of [attribute=value], looked up in
  the attributes of every built page (404 page included) and among the words of the scripts that
  can add markup to a page: Material's bundle, assets/site.js, the quiz's scripts; the bundle's names
  for a feature the site does not turn on (content tabs, code annotations, tooltips, the version
  selector, a repository's facts, diagrams, tags: _FEATURES), and those it only looks for (_LOOKED_FOR),
  count only when a page holds them;
- what a selector only tests (:not(…), :is(…), :where(…), :has(…), :hover, ::before…) is never
  required, so a rule is kept whenever it could apply;
- custom properties (--md-…) are kept when something uses them: var(--…) in a kept rule or in the
  site's own style sheets, or a script or page that names them; @keyframes when a kept rule names
  them. Other at-rules (@page, @charset) are kept as they are.
The reduced sheets are named after their content, as Material names its own, and every page points
at them; the shipped files and their source maps are left out of site/. The result is kept in
.cache/ (hooks/cache.py) under this code, the sheet and the names found in it: most builds reuse it.

tests/test_material_css.py compares, in Chromium, every computed style of every element with the
reduced sheets and with Material's whole ones, on every page and in the states the scripts bring.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import material
import tinycss2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

from partnership.cache import cached_bytes
from partnership.data import DataError

_CODE = Path(__file__).read_text(encoding="utf-8")  # part of the cache keys: a change here makes new entries
_FOLDER = "assets/stylesheets"
_THEME = Path(material.__file__).parent / "templates"
_SHEETS = ("main", "palette")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CUSTOM = re.compile(r"--[A-Za-z_][\w-]*")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_ANIMATION = re.compile(r"animation(?:-name)?:([^;}]+)")
# The site's own sheets: the custom properties of Material's that they use are kept.
_SITE_SHEETS = ("assets/site.css", "quiz/quiz.css", "quiz/compare.css")
# Scripts that only compute (search) are not looked into; Material's bundle is read from the package.
_NOT_MARKUP = ("assets/javascripts", "search")
# Names the bundle only looks for (querySelector, closest) and never writes: they count when a page holds them.
_LOOKED_FOR = ("highlight", "hll", "footnote", "footnote-ref", "md-status")
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
_CLASS = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)')""")

# A rule kept: the rule, and the selectors (QualifiedRule) or rules (@media, @supports) kept in it.
_Kept = tuple[Node, list]


@event_priority(-50)  # after every page, the 404 page and the quiz's scripts are written
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    words = _words(site)
    renamed: dict[str, str] = {}
    for sheet in _SHEETS:
        shipped = _shipped(sheet)
        text = shipped.read_text(encoding="utf-8")
        vocabulary = set(json.loads(cached_bytes("material-css-names", [_CODE, text], lambda text=text: json.dumps(
            sorted(_names(text))).encode())))
        found = sorted(words & vocabulary)
        reduced = cached_bytes("material-css", [_CODE, text, *found],
                               lambda text=text, found=found: reduce_css(text, set(found)).encode("utf-8"))
        name = f"{sheet}.{hashlib.sha256(reduced).hexdigest()[:8]}.min.css"
        folder = site / _FOLDER
        (folder / shipped.name).unlink(missing_ok=True)
        (folder / f"{shipped.name}.map").unlink(missing_ok=True)
        (folder / name).write_bytes(reduced)
        renamed[f"{_FOLDER}/{shipped.name}"] = f"{_FOLDER}/{name}"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = text
        for old, new in renamed.items():
            changed = changed.replace(old, new)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def _shipped(sheet: str) -> Path:
    found = sorted((_THEME / _FOLDER).glob(f"{sheet}.*.min.css"))
    if len(found) != 1:
        raise DataError(f"hooks/material_css.py: expected one {sheet}.*.min.css in {_THEME / _FOLDER} "
                        f"(mkdocs-material {material.__version__}), found {len(found)}")
    return found[0]


# --- what the site uses ---------------------------------------------------------------------------------------

# A start tag (its attributes may hold ">" inside quotes), an attribute, an inline script. Read with expressions
# rather than an HTML parser: three times faster, and a build reads every page. What a comment or a script's
# text holds counts too, which can only keep a rule more.
_TAG = re.compile(r"<([A-Za-z][^\s/>]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?")
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script", re.S | re.I)


def _page_words(text: str, words: set[str]) -> None:
    """Adds the element names, attribute names and values (class split into its names) of a page, and the
    words of its inline scripts (which may add a class, as overrides/main.html does)."""
    for tag, attributes in _TAG.findall(text):
        words.add(tag.lower())
        for name, *values in _ATTRIBUTE.findall(attributes):
            words.add(name.lower())
            value = html.unescape("".join(values))
            if value:
                words.update(value.split() if name.lower() == "class" else [value])
    for script in _SCRIPT.findall(text):
        words.update(_WORD.findall(script))


@dataclass(frozen=True)
class _Site:
    """What turns a feature of Material's on: the classes of the site's pages, theme.features, the other
    settings of the pages' __config, and whether the search index holds tags."""
    classes: frozenset[str]
    features: frozenset[str]
    config: dict
    tags: bool


def _annotations(site: _Site) -> bool:
    return "annotate" in site.classes or "content.code.annotate" in site.features


# Material's bundle names the markup of every feature of the theme, but writes a feature's only when the site
# turns it on (read in Material 9.8.1's bundle): the bundle's names for it count only then. Each entry: how the
# names start (classes, attributes, custom properties), and what turns the feature on: a class some page holds,
# theme.features (in the pages' __config), another setting of the __config, or tags in the search index.
_FEATURES: tuple[tuple[tuple[str, ...], Callable[[_Site], bool]], ...] = (
    (("md-annotation", "data-md-annotation"), _annotations),  # code annotations
    (("md-tooltip", "--md-tooltip"), lambda site: _annotations(site) or bool(  # their tooltips, and the features'
        {"content.tooltips", "content.footnote.tooltips"} & site.features)),
    (("md-version",), lambda site: site.config.get("version") is not None),  # the version selector (extra.version)
    (("md-source__fact", "md-source__repository--active"), lambda site: "md-source" in site.classes),  # repo_url
    (("tabbed-",), lambda site: "tabbed-set" in site.classes),  # content tabs (pymdownx.tabbed)
    (("mermaid", "--md-mermaid"), lambda site: "mermaid" in site.classes),  # diagrams
    (("md-tag",), lambda site: site.tags),  # the tags of a search result
)


def _words(site: Path) -> set[str]:
    """Every name a selector may require that the built site has, in its pages or its scripts."""
    words: set[str] = set()
    classes: set[str] = set()
    config: dict = {}
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        _page_words(text, words)
        words.update(_CUSTOM.findall(text))
        classes.update(name for found in _CLASS.findall(text) for name in "".join(found).split())
        if not config and (settings := _CONFIG.search(text)):
            config = json.loads(settings.group(1))
    scripts = [path for path in site.rglob("*.js")
               if not any(path.is_relative_to(site / folder) for folder in _NOT_MARKUP)]
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        words.update(_WORD.findall(text))
        words.update(_CUSTOM.findall(text))
    for name in _SITE_SHEETS:
        if (site / name).is_file():
            words.update(_VAR.findall((site / name).read_text(encoding="utf-8")))
    index = site / "search" / "search_index.json"
    docs = json.loads(index.read_text(encoding="utf-8")).get("docs", []) if index.is_file() else []
    has = _Site(frozenset(classes), frozenset(config.get("features") or ()), config,
                any(doc.get("tags") for doc in docs))
    off = tuple(start for starts, on in _FEATURES if not on(has) for start in starts)
    for bundle in sorted((_THEME / "assets" / "javascripts").glob("bundle.*.min.js")):
        text = bundle.read_text(encoding="utf-8")
        words.update(word for word in {*_WORD.findall(text), *_CUSTOM.findall(text)}
                     if not (word.startswith(off) or word in _LOOKED_FOR))
    return words


# --- the reduction --------------------------------------------------------------------------------------------

def reduce_css(text: str, words: set[str]) -> str:
    """The rules of the style sheet `text` that can apply in a site that has `words`, minified."""
    kept = _keep(_rules(text), words)
    used = {word for word in words if word.startswith("--")}
    while True:  # the custom properties that kept rules use, and those these use in turn
        found = set(_VAR.findall(_serialize(kept, None)))
        if found <= used:
            break
        used |= found
    css = _serialize(kept, used)
    animations = {name for value in _ANIMATION.findall(css) for name in _WORD.findall(value)}
    return css + "".join(rule.serialize() for rule in _keyframes(kept) if _keyframes_name(rule) in animations)


def _names(text: str) -> set[str]:
    """Every name a selector of the sheet may require (its vocabulary), and every custom property."""
    names = set(_CUSTOM.findall(text))

    def walk(rules: list[Node]) -> None:
        for rule in rules:
            if isinstance(rule, QualifiedRule):
                for selector in _split(rule.prelude):
                    names.update(_required(selector))
            elif isinstance(rule, AtRule) and rule.content and rule.lower_at_keyword in ("media", "supports"):
                walk(_rules(rule.content))

    walk(_rules(text))
    return names


def _rules(text: str | list[Node]) -> list[Node]:
    if isinstance(text, str):
        return tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return tinycss2.parse_rule_list(text, skip_comments=True, skip_whitespace=True)


def _keep(rules: list[Node], words: set[str]) -> list[Node | _Kept]:
    kept: list[Node | _Kept] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [selector for selector in _split(rule.prelude) if set(_required(selector)) <= words]
            if selectors:
                kept.append((rule, selectors))
        elif isinstance(rule, AtRule) and rule.content and rule.lower_at_keyword in ("media", "supports"):
            inner = _keep(_rules(rule.content), words)
            if inner:
                kept.append((rule, inner))
        elif isinstance(rule, AtRule):
            kept.append(rule)
    return kept


def _split(prelude: list[Node]) -> Iterator[list[Node]]:
    """The selectors of a rule's prelude (a, b.c > d, …)."""
    selector: list[Node] = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            yield selector
            selector = []
        else:
            selector.append(token)
    yield selector


def _required(selector: list[Node]) -> Iterator[str]:
    """The names an element must have for the selector to match: element names, classes, ids,
    attribute names and [attribute=value] values. Pseudo-classes and their arguments test, never require."""
    previous: Node | None = None
    for token in selector:
        after = previous.value if previous is not None and previous.type == "literal" else ""
        if token.type == "ident" and after == ".":
            yield token.value  # a class
        elif token.type == "ident" and after != ":":
            yield token.lower_value  # an element
        elif token.type == "hash":
            yield token.value  # an id
        elif token.type == "[] block":
            yield from _attribute(token.content)
        previous = token


def _attribute(content: list[Node]) -> Iterator[str]:
    parts = [token for token in content if token.type != "whitespace"]
    if parts and parts[0].type == "ident":
        yield parts[0].lower_value
        operator = "".join(token.value for token in parts[1:] if token.type == "literal")
        value = next((token.value for token in parts[1:] if token.type in ("ident", "string")), None)
        if operator in ("=", "~=", "|=") and value:
            yield value


def _serialize(kept: list[Node | _Kept], used: set[str] | None) -> str:
    """The kept rules, minified; custom properties only when `used` names them (all when None)."""
    out = []
    for item in kept:
        if isinstance(item, AtRule):
            if item.lower_at_keyword != "keyframes":
                out.append(item.serialize())
            continue
        rule, inner = item
        if isinstance(rule, AtRule):
            body = _serialize(inner, used)
            if body:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
            continue
        declarations = [
            declaration.serialize()
            for declaration in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            if isinstance(declaration, Declaration)
            and (used is None or not declaration.name.startswith("--") or declaration.name in used)
        ]
        if declarations:
            selectors = ",".join(tinycss2.serialize(selector).strip() for selector in inner)
            out.append(f"{selectors}{{{';'.join(declarations)}}}")
    return "".join(out)


def _keyframes(kept: list[Node | _Kept]) -> Iterator[AtRule]:
    for item in kept:
        if isinstance(item, AtRule) and item.lower_at_keyword == "keyframes":
            yield item


def _keyframes_name(rule: AtRule) -> str:
    return next((token.value for token in rule.prelude if token.type == "ident"), "")
