"""The newsletter kit: what associations paste into their email and printed newsletters.

content/newsletter.yml lists the pages to offer, the blurbs (as many as the editors like, each under its
own name, with a label) and the kit's small texts, in both languages. content/<lang>/newsletter.md holds
the page's own prose and, each on a line of its own, the markers this hook replaces:
- `<!-- newsletter:links -->`: a card per page: its address and a "Copy link" button, then, folded, the
  link ready to paste as plain text, Markdown and HTML;
- `<!-- newsletter:blurbs -->`: the blurbs, in their order, with their word counts and a "Copy text" button;
- `<!-- newsletter:qr -->`: the QR codes, shown with links to download them as SVG and PNG.
A page listed at an address it has left (content/redirects.yml) is offered at its new one.
Every address is SITE_URL + <lang>/ + page (config.site_url), so the kit follows the address the
site is built for. The QR codes are made offline by segno and added to the build as
assets/qr/<page>.svg and .png; the same address always gives the same bytes (kept in .cache/qr,
hooks/cache.py).
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from partnership.data import (
    DataError,
    rel,
    typeset,
)
from partnership.newsletter import (
    _ENV,
    _KINDS,
    _MARKER,
    PNG_OPTIONS,
    QR_DISPLAY_SIZE,
    SVG_OPTIONS,
    Kit,
    _markdown_text,
    _qr_file,
    _qr_uri,
    load_kit,
    word_count,
)

_kit: Kit | None = None


def on_config(config: MkDocsConfig) -> None:
    global _kit
    _kit = load_kit()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _kit is None:
        return files
    for key in _kit.pages:
        if not key.qr:
            continue
        for options in (SVG_OPTIONS, PNG_OPTIONS):
            content = _qr_file(config.site_url + key.page, options)
            files.append(File.generated(config, _qr_uri(key, options["kind"]), content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if _kit is None or not _MARKER.search(markdown):
        return None
    data = _plain_data(_kit, page, config)

    def render(match: re.Match[str]) -> str:
        kind = match.group(1)
        if kind not in _KINDS:
            raise DataError(f"{rel(page.file.abs_src_path)}: {match.group(0)}: unknown part '{kind}'; expected "
                            f"one of {', '.join(f'<!-- newsletter:{known} -->' for known in _KINDS)}")
        html_text = _ENV.get_template(f"newsletter_{kind}.html").render(data)
        return "\n".join(line for line in html_text.splitlines() if line.strip())

    return _MARKER.sub(render, markdown)


def _plain_data(kit: Kit, page: Page, config: MkDocsConfig) -> dict[str, Any]:
    lang = config.extra["lang"]
    ui = {key: typeset(texts[lang], lang) for key, texts in kit.ui.items()}
    links, codes = [], []
    for key in kit.pages:
        url = config.site_url + key.page
        label = typeset(key.label[lang], lang)
        links.append({
            "label": label,
            "href": get_relative_url(key.page, page.url),
            "url": url,
            "plain": f"{label}\n{url}",
            "markdown": f"[{_markdown_text(label)}]({url})",
            "html": f'<a href="{html.escape(url)}">{html.escape(label, quote=False)}</a>',
        })
        if key.qr:
            stem = key.page.removesuffix(".html")
            png_size = int.from_bytes(_qr_file(url, PNG_OPTIONS)[16:20], "big")  # the width in the PNG's header
            codes.append({
                "label": label,
                "alt": ui["qr_alt"].replace("{label}", label),
                "size": QR_DISPLAY_SIZE,
                "svg": get_relative_url(_qr_uri(key, "svg"), page.url),
                "png": get_relative_url(_qr_uri(key, "png"), page.url),
                "svg_name": f"qr-{lang}-{stem}.svg",
                "png_name": f"qr-{lang}-{stem}.png",
                "png_label": ui["png"].replace("{size}", str(png_size)),
            })
    blurbs = [
        {
            "name": typeset(blurb.label[lang], lang),
            "text": typeset(blurb.text[lang], lang),
            "words": ui["words"].replace("{n}", str(word_count(blurb.text[lang]))),
        }
        for blurb in kit.blurbs
    ]
    return {"ui": ui, "links": links, "blurbs": blurbs, "qr_codes": codes}
