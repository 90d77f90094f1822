"""Pictures of content/<lang>/ are published resized, upright and without their metadata (partnership/pictures.py).

MkDocs copies every file of docs_dir that is not a page into the site; before it does, each raster
picture's file is given the bytes to publish instead (kept in the build cache), so that the original
never reaches site/. Every refused picture is named, one line each.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from partnership.data import DataError
from partnership.pictures import is_picture, limits, published


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs, limit = Path(config.docs_dir).resolve(), limits()
    problems: list[str] = []
    for file in files:
        if not file.abs_src_path or not is_picture(file.src_uri) or not _inside(Path(file.abs_src_path), docs):
            continue  # the theme's own files, pages, style sheets
        try:
            data = published(Path(file.abs_src_path), limit)
        except DataError as error:
            problems.append(str(error))
            continue
        if data is not None:
            file.content_bytes = data
    if problems:
        raise DataError("\n".join(problems))
    return files


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder)
