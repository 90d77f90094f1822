"""The two source texts, exactly as received: offered for download, and kept word for word.

content/sources/ holds them byte for byte (SHA256SUMS records their fingerprints); each build
publishes them at <lang>/sources/<name>, so a page links to them as `sources/<name>`. A page that
publishes an original says so in its front matter (`source: culture-de-partenariat.fr.txt`), and
the build stops if a sentence of that source is missing from the page, worded differently or out
of order, or if the page adds any text of its own inside the original: between its first sentence
after the title and its last one (the open list endings "…" included), there is only the original.
The site's own texts go before the text (under the title) or after it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from partnership.data import CONTENT, DataError, read_text, rel
from partnership.sources import SOURCES, check, page_text


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in sorted(SOURCES.glob("*.txt")):
        files.append(File(f"sources/{path.name}", str(CONTENT), config.site_dir, config.use_directory_urls))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    source = page.meta.get("source")
    if not source:
        return None
    problem = check(page_text(html), read_text(SOURCES / source))
    if problem:
        raise DataError(f"{rel(page.file.abs_src_path)}: the original must stay word for word, with nothing of "
                        f"the site's inside it; {problem} ({rel(SOURCES / source)})")
    return None
