"""The two source texts, exactly as received: offered for download, and kept word for word.

content/sources/ holds them byte for byte (SHA256SUMS records their fingerprints); each build
publishes them at <lang>/sources/<name>, so a page links to them as `sources/<name>`. A page that
publishes an original says so in its front matter (`source: culture-de-partenariat.fr.txt`), and
the build stops if a sentence of that source is missing from the page or worded differently.
"""

from __future__ import annotations

import html as html_lib
import re

from _data import CONTENT, DataError, normalise, read_text, rel, source_sentences
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

SOURCES = CONTENT / "sources"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in sorted(SOURCES.glob("*.txt")):
        files.append(File(f"sources/{path.name}", str(CONTENT), config.site_dir, config.use_directory_urls))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    source = page.meta.get("source")
    if not source:
        return None
    text = normalise(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))
    for sentence in source_sentences(read_text(SOURCES / source)):
        wanted = normalise(sentence)
        # the original's all-capitals title is set in sentence case
        if wanted not in text and not (sentence.isupper() and wanted.casefold() in text.casefold()):
            raise DataError(
                f"{rel(page.file.abs_src_path)}: the original must stay word for word, but this sentence of "
                f"{rel(SOURCES / source)} is missing or changed: '{sentence.strip()}'"
            )
    return None
