"""What hooks/newsletter.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno

from partnership.cache import cached_bytes
from partnership.data import (
    CONTENT,
    LANGUAGE_NAMES,
    LANGUAGES,
    DataError,
    bilingual,
    bilingual_texts,
    describe,
    line_of,
    load_yaml,
    problem,
    rel,
    templates,
)
from partnership.pages import current_address

DATA = CONTENT / "newsletter.yml"


QR_FOLDER = "assets/qr"


# At least medium error correction (a smudge may hide 15 % of the code), never a Micro QR code (not every
# phone reads them), the standard white margin of 4 modules. PNG: 10 pixels a module at 300 dpi.
QR_OPTIONS: dict[str, Any] = {"error": "m", "micro": False}


SVG_OPTIONS: dict[str, Any] = {"kind": "svg", "scale": 4, "border": 4, "dark": "#000", "light": "#fff",
                               "xmldecl": False}


PNG_OPTIONS: dict[str, Any] = {"kind": "png", "scale": 10, "border": 4, "dark": "#000", "light": "#fff", "dpi": 300}


QR_DISPLAY_SIZE = 160  # CSS pixels on the page, the same for every code whatever its number of modules


BLURB_KEYS = ("label", "fr", "en")


# The kit's own texts, with the placeholders each must keep.
UI_KEYS: dict[str, tuple[str, ...]] = {
    "copy_link": (), "copy_text": (), "other_forms": (),
    "plain": (), "markdown": (), "html": (), "words": ("{n}",),
    "qr_alt": ("{label}",), "svg": (), "png": ("{size}",),
}


WORD = re.compile(r"\w+(?:[’'-]\w+)*")  # l’association, three-minute: one word each


_KINDS = ("links", "blurbs", "qr")


_MARKER = re.compile(r"<!-- newsletter:([a-z-]+) -->")


_MARKDOWN_SPECIAL = re.compile(r"[\\[\]]")  # escaped in a Markdown link's text


_PAGE = re.compile(r"[a-z0-9][a-z0-9-]*\.html")


_BLURB_NAME = re.compile(r"[a-z][a-z0-9-]*")


_ENV = templates()


@dataclass(frozen=True)
class KeyPage:
    """A page the kit offers: its file name in the address (quiz.html), its name, whether it has a QR code."""

    page: str
    label: dict[str, str]
    qr: bool


@dataclass(frozen=True)
class Blurb:
    """A text presenting the site: its name in the file (short), its label and its text in each language."""

    name: str
    label: dict[str, str]
    text: dict[str, str]


@dataclass(frozen=True)
class Kit:
    pages: list[KeyPage]
    blurbs: list[Blurb]
    ui: dict[str, dict[str, str]]


def qr_bytes(code: segno.QRCode, options: dict[str, Any]) -> bytes:
    """The file of a QR code, as segno writes it with these options (SVG_OPTIONS or PNG_OPTIONS)."""
    out = io.BytesIO()
    code.save(out, **options)
    return out.getvalue()


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


def _qr_uri(key: KeyPage, kind: str) -> str:
    return f"{QR_FOLDER}/{key.page.removesuffix('.html')}.{kind}"


def _qr_file(address: str, options: dict[str, Any]) -> bytes:
    """The file of the QR code of `address` (SVG_OPTIONS or PNG_OPTIONS), made once and kept in .cache/qr."""
    return cached_bytes("qr", (repr(QR_OPTIONS), repr(options), segno.__version__, address),
                        lambda: qr_bytes(segno.make(address, **QR_OPTIONS), options))


def load_kit(path: Path = DATA) -> Kit:
    """content/newsletter.yml, checked; any problem is a DataError naming file, line and key."""
    where = rel(path)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected the keys pages, blurbs, ui; found {describe(data)}")
    for key in data:
        if key not in ("pages", "blurbs", "ui"):
            raise problem(where, data, key, key, "unknown key; expected pages, blurbs, ui")
    return Kit(_pages(data, where), _blurbs(data, where), bilingual_texts(data, "ui", where, UI_KEYS))


def _pages(data: dict[str, Any], where: str) -> list[KeyPage]:
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages:
        raise problem(where, data, "pages", "pages", f"expected a list of pages (page, label, qr); "
                                                     f"found {describe(pages)}")
    result: list[KeyPage] = []
    for index, item in enumerate(pages):
        at = f"pages[{index}]"
        if not isinstance(item, dict):
            raise problem(where, pages, index, at, f"expected a page (page, label, qr); found {describe(item)}")
        for key in item:
            if key not in ("page", "label", "qr"):
                raise problem(where, item, key, f"{at}.{key}", "unknown key; expected page, label, qr")
        name = item.get("page")
        if not isinstance(name, str) or not _PAGE.fullmatch(name):
            raise problem(where, item, "page", f"{at}.page", f"expected the file name of a page as in its address, "
                                                             f"such as quiz.html, without #; found {describe(name)}")
        name = current_address(name)  # a page moved since (content/redirects.yml): its new address
        for lang in LANGUAGES:
            source = CONTENT / lang / name.replace(".html", ".md")
            if not source.is_file():
                raise problem(where, item, "page", f"{at}.page",
                              f"'{name}' is not a page of the site: {rel(source)} does not exist")
        if name in {known.page for known in result}:
            raise problem(where, item, "page", f"{at}.page", f"the page '{name}' is listed twice")
        qr = item.get("qr", False)
        if not isinstance(qr, bool):
            raise problem(where, item, "qr", f"{at}.qr",
                          f"expected true (the page gets a QR code) or false; found {describe(qr)}")
        result.append(KeyPage(name, bilingual(item, "label", f"{at}.label", where), qr))
    return result


def _blurbs(data: dict[str, Any], where: str) -> list[Blurb]:
    """blurbs: at least one, each under a name (short, agenda-2025) with a label, a French and an English text."""
    blurbs = data.get("blurbs")
    if not isinstance(blurbs, dict) or not blurbs:
        raise problem(where, data, "blurbs", "blurbs", f"expected at least one blurb, each under its own name "
                                                       f"(such as short:) with a label and its fr and en texts; "
                                                       f"found {describe(blurbs)}")
    result: list[Blurb] = []
    for name, item in blurbs.items():
        line = f":{blurbs.key_lines[name]}" if name in getattr(blurbs, "key_lines", {}) else line_of(blurbs)
        at = f"{where}{line}: blurbs.{name}"
        if not isinstance(name, str) or not _BLURB_NAME.fullmatch(name):
            shown = f"'{name}'" if isinstance(name, str) else describe(name)
            raise DataError(f"{at}: the name of a blurb is {shown}; expected lower-case letters, digits and "
                            f"hyphens, starting with a letter, such as short or agenda-2025")
        if not isinstance(item, dict):
            raise DataError(f"{at}: expected a blurb (label, fr, en) on the lines below its name, indented; "
                            f"found {describe(item)}")
        for key in item:
            if key not in BLURB_KEYS:
                raise problem(where, item, key, f"blurbs.{name}.{key}", "unknown key; expected label, fr, en")
        if "label" not in item:
            raise DataError(f'{at}: the blurb has no label; give it its name in each language, shown above its '
                            f'text in the kit (label: {{fr: "…", en: "…"}})')
        text = {}
        for lang in LANGUAGES:
            value = item.get(lang)
            if not isinstance(value, str) or not value.strip():
                other = LANGUAGE_NAMES[next(other for other in LANGUAGES if other != lang)]
                here = f"{where}{line_of(item, lang) if lang in item else line}"
                raise DataError(f"{here}: blurbs.{name}.{lang}: missing the {LANGUAGE_NAMES[lang]} text of the "
                                f"blurb, found {describe(value)}; write it under {lang}: >-, indented like the "
                                f"{other} text")
            text[lang] = re.sub(r"[ \t\r\n]+", " ", value.strip())
        result.append(Blurb(name, bilingual(item, "label", f"blurbs.{name}.label", where), text))
    return result
