"""One mkdocs.yml, one build per language.

SITE_LANG (fr or en) picks the pages (content/<lang>/), theme.language, the search language,
the site name and the address (SITE_URL + <lang>/). Every page must exist in both languages,
and each page points at its counterpart: <link rel="alternate" hreflang> in the head and the
language selector in the header, which keeps the reader on the same page.
"""

from __future__ import annotations

import glob
import os
import re
from pathlib import Path
from typing import Any

import markupsafe
from _data import CONTENT, LANGUAGE_NAMES, LANGUAGES, DataError, counterpart, load_strings, rel, site_root, slug
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_OTHER = ("png", "jpg", "jpeg", "svg", "webp", "gif", "pdf", "txt")
_NAME = re.compile(rf"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|{'|'.join(_OTHER)})")
_suggest = slug


@event_priority(100)  # before Material's search plugin reads theme.language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = os.environ.get("SITE_LANG", "fr")
    if lang not in LANGUAGES:
        raise DataError(f"SITE_LANG: unknown language '{lang}'; expected one of {', '.join(LANGUAGES)}")
    root = site_root()
    strings = load_strings()
    config.docs_dir = str(CONTENT / lang)
    config.site_url = f"{root}{lang}/"
    # The theme's templates write these two without escaping them.
    config.site_name = markupsafe.escape(strings["site_name"][lang])
    config.site_description = markupsafe.escape(strings["site_description"][lang])
    config.theme["language"] = lang
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = strings["permalink_title"][lang]
    config.extra["lang"] = lang
    config.extra["site_root"] = root
    config.extra["strings"] = {key: texts[lang] for key, texts in strings.items()}
    config.extra["language_names"] = strings["language_name"]
    config.extra["alternate"] = _alternates(config, "index.html")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = config.extra["lang"]
    for file in files:
        if file.abs_src_path and Path(file.abs_src_path).is_relative_to(CONTENT / lang):
            check_file(Path(file.abs_src_path), lang)
    return files


def check_file(path: Path, lang: str) -> None:
    """A file of content/<lang>/: a usable name, directly in the folder, a page in both languages."""
    _check_name(path, lang)
    inside = path.relative_to(CONTENT / lang)
    if path.suffix != ".md":
        return
    if len(inside.parts) > 1:
        raise DataError(
            f"{rel(path)}: pages live directly in content/{lang}/, not in a sub-folder "
            f"(the language menu and the browser's page lookups expect it); move it to "
            f"content/{lang}/{inside.as_posix().replace('/', '-')}"
        )
    for other in LANGUAGES:
        if other != lang and not (CONTENT / other / inside).is_file():
            folder = CONTENT / other / inside.parent
            for near in sorted(folder.glob(f"{glob.escape(path.stem)}.*")) if folder.is_dir() else []:
                if near.suffix.lower() in (".md", ".markdown", ".mdown", ".txt"):
                    raise DataError(f"{rel(near)}: a page's file name ends with .md, in lower case; rename it "
                                    f"{path.name}")
            raise DataError(
                f"{rel(CONTENT / other / inside)}: missing: {rel(path)} has no "
                f"{LANGUAGE_NAMES[other]} version; every page must exist in both languages"
            )


def check_folder(path: Path, folder: str) -> None:
    """A folder of content/<lang>/ (pictures, documents) is part of their address too."""
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", folder):
        raise DataError(f"{rel(path)}: the folder name '{folder}' becomes part of an address: expected lower-case "
                        f"letters a-z, digits and hyphens only (no space, accent or capital), e.g. {_suggest(folder)}")


def _check_name(path: Path, lang: str) -> None:
    """A file's name is its address: plain lower-case letters, digits and hyphens, and one known ending."""
    if _NAME.fullmatch(path.name):
        return
    stem, dot, ending = path.name.rpartition(".")
    if not dot or ending.lower() not in ("md", *_OTHER) or ending != ending.lower():
        raise DataError(f"{rel(path)}: not a page (a page's file name ends with .md; a picture or document with "
                        f"{', '.join('.' + e for e in _OTHER)}); move this file out of content/{lang}/ or rename it")
    raise DataError(f"{rel(path)}: a file name becomes an address: expected lower-case letters a-z, digits and hyphens "
                    f"only (no space, accent or capital), e.g. {_suggest(stem)}.{ending.lower()}")


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    # base.html and partials/alternate.html read config.extra.alternate while this page renders.
    config.extra["alternate"] = _alternates(config, page.url)
    return context


def _alternates(config: MkDocsConfig, url: str) -> list[dict[str, str]]:
    """The same page in each language: absolute (for hreflang) and relative (for the selector)."""
    root = config.extra["site_root"]
    alternates = [
        {
            "lang": lang,
            "name": config.extra["language_names"][lang],
            "link": f"{root}{lang}/{url}",
            "relative": counterpart(lang, url),
        }
        for lang in LANGUAGES
    ]
    alternates.append({"lang": "x-default", "name": "", "link": root, "relative": "../index.html"})
    return alternates

