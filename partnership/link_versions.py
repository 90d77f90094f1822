"""The published versions of quiz/links.yml, each recorded with its fingerprint in quiz/links.lock.

A shared link gives each answer by its place in the lists of its version (docs/links.md): a version
changed after it was published would read every link made with it wrongly, without a word. The
build refuses a recorded version whose content changed, or that is gone; a version added at the end
is recorded by the first build that succeeds with it (tools/website.py), and committed with links.yml.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from partnership.data import ROOT, DataError, line_of, load_yaml, read_text, rel

LINKS = ROOT / "quiz" / "links.yml"
LOCK = ROOT / "quiz" / "links.lock"
_HEAD = ("# The versions of quiz/links.yml already built, each with the fingerprint of its content: a version\n"
         "# recorded here must never change (links shared with it would be read wrongly). Written by the build;\n"
         "# commit it with quiz/links.yml; never edit it.\n")
_LINE = re.compile(r"([1-9][0-9]*) (sha256:[0-9a-f]{64})")


def fingerprint(version: Any) -> str:
    """The fingerprint of one version: its number, ids and their order."""
    text = json.dumps(version, ensure_ascii=False, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def recorded(lock: Path = LOCK) -> dict[int, str]:
    """The versions recorded in quiz/links.lock: number, fingerprint (none when the file does not exist yet)."""
    if not lock.exists():
        return {}
    found: dict[int, str] = {}
    for number, line in enumerate(read_text(lock).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line.strip())
        if not match or int(match.group(1)) != len(found) + 1:
            raise DataError(f"{rel(lock)}:{number}: this line is not as the build wrote it (a version number, then "
                            f"its fingerprint); put the file back as it was (git checkout {rel(lock)})")
        found[int(match.group(1))] = match.group(2)
    return found


def check_published(versions: list[Any], path: Path = LINKS, lock: Path = LOCK) -> None:
    """Every recorded version still there, as it was; new versions may only follow them."""
    where = rel(path)
    for number, known in recorded(lock).items():
        if number > len(versions):
            raise DataError(f"{where}{line_of(versions)}: versions: version {number} was deleted after it was "
                            f"published (links shared with it would no longer open); put it back as it was")
        if fingerprint(versions[number - 1]) != known:
            raise DataError(f"{where}{line_of(versions, number - 1)}: version {number} was changed after it was "
                            f"published (links shared before would be read wrongly); put it back as it was and add "
                            f"your change as a new version at the end (copy the last version, number it "
                            f"{len(versions) + 1})")


def record(path: Path = LINKS, lock: Path = LOCK) -> None:
    """Records in quiz/links.lock the versions of a site that has just been built (only what is new)."""
    data = load_yaml(path)
    versions = data.get("versions") if isinstance(data, dict) else None
    if not isinstance(versions, list):
        return
    text = _HEAD + "".join(f"{index} {fingerprint(version)}\n" for index, version in enumerate(versions, start=1))
    if not lock.exists() or read_text(lock) != text:
        partial = lock.with_name(f".{lock.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        partial.replace(lock)
