"""What hooks/languages.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import glob
import re
from pathlib import Path

from partnership.data import (
    CONTENT,
    LANGUAGE_NAMES,
    LANGUAGES,
    DataError,
    rel,
    slug,
)

_OTHER = ("png", "jpg", "jpeg", "svg", "webp", "gif", "pdf", "txt")


_NAME = re.compile(rf"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|{'|'.join(_OTHER)})")


_suggest = slug


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
