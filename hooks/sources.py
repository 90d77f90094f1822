"""The two source texts, exactly as received, offered for download in both languages.

content/sources/ holds them byte for byte (SHA256SUMS records their fingerprints); each
build publishes them at <lang>/sources/<name>, so a page links to them as `sources/<name>`.
"""

from __future__ import annotations

from _data import CONTENT
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SOURCES = CONTENT / "sources"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path in sorted(SOURCES.iterdir()):
        if path.is_file() and path.suffix == ".txt":
            files.append(File(f"sources/{path.name}", str(CONTENT), config.site_dir, config.use_directory_urls))
    return files
