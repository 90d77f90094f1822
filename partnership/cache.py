"""Build cache: work that gives the same result for the same input is kept in .cache/ and reused.

Two things are kept, each under a name derived from everything that decides it, so a change to any
of them simply makes a new entry (nothing is ever out of date):
- the compiled Jinja templates (Material's, the overrides, the hooks'), checked by Jinja against
  their source text;
- the link-preview images (hooks/previews.py), named by the title, site name, language, number of
  forms and the code and font that draw them.
Deleting .cache/ is always safe; the next build is slower and fills it again. A cache that cannot
be written (read-only disk) is skipped without a word: the build writes the same site.
BUILD_CACHE=<folder> keeps the cache elsewhere (the tests share one between copies of the project).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2

CACHE = Path(os.environ.get("BUILD_CACHE") or Path(__file__).resolve().parent.parent / ".cache")


def template_cache() -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates in .cache/templates (None if the folder cannot be made)."""
    folder = _folder("templates")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None


def cached_bytes(kind: str, key: Iterable[str | bytes], make: Callable[[], bytes]) -> bytes:
    """make()'s bytes, kept in .cache/<kind>/ under a hash of `key`: the same key, the same bytes."""
    digest = hashlib.sha256()
    for part in key:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    folder = _folder(kind)
    path = folder / digest.hexdigest() if folder else None
    if path and path.is_file():
        return path.read_bytes()
    data = make()
    if path:
        _write(path, data)
    return data


def _folder(kind: str) -> Path | None:
    folder = CACHE / kind
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: the two languages build side by side and may write the same entry."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
