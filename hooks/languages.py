"""One mkdocs.yml, one build per language.

SITE_LANG (fr or en) picks the pages (content/<lang>/), theme.language, the search language,
the site name and the address (SITE_URL + <lang>/). Every page must exist in both languages,
and each page points at its counterpart: <link rel="alternate" hreflang> in the head and the
language selector in the header, which keeps the reader on the same page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from partnership.data import (
    CONTENT,
    LANGUAGES,
    DataError,
    counterpart,
    load_strings,
    site_root,
)
from partnership.languages import check_file


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
