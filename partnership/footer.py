"""What hooks/footer.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path
from typing import Any

from partnership.data import CONTENT, LANGUAGES, ROOT, DataError, describe, line_of, load_yaml, rel

PUBLISHER = CONTENT / "publisher.yml"


SOURCES = ("content", "quiz", "hooks", "overrides", "mkdocs.yml")


# An address as readers' e-mail programs take it: no ':' or '/' (a link's words), no quotes, spaces or commas.
_EMAIL = re.compile(r"[^@\s<>\"':/,;()\[\]]+@[^@\s<>\"':/,;()\[\]]+\.[a-z]{2,}", re.I)


_KEYS = ("publisher", "contact")


ABOUT = {"about": "about.html", "privacy": "about.html#privacy"}  # as published (permalinks.txt): never change


def load_publisher(path: Path = PUBLISHER) -> dict[str, Any]:
    """content/publisher.yml, checked: publisher {fr, en} (both set or both empty) and contact."""
    where = rel(path)
    data = load_yaml(path)
    example = 'publisher: {fr: "…", en: "…"} and contact: "contact@example.org"'
    if not isinstance(data, dict):
        raise DataError(f"{where}: expected {example}; found {describe(data)}")
    for key in data:
        if key not in _KEYS:
            raise DataError(f"{where}{line_of(data, key)}: {key}: unknown key; expected publisher, contact")
    publisher = data.get("publisher")
    if not isinstance(publisher, dict) or set(publisher) != set(LANGUAGES):
        raise DataError(f"{where}{line_of(data, 'publisher')}: publisher: expected a text in each language, "
                        f'or "" to leave it out (publisher: {{fr: "…", en: "…"}}); found {describe(publisher)}')
    texts = {lang: (publisher[lang] or "").strip() if isinstance(publisher[lang], (str, type(None))) else None
             for lang in LANGUAGES}
    if None in texts.values() or (bool(texts["fr"]) != bool(texts["en"])):
        raise DataError(f"{where}{line_of(data, 'publisher')}: publisher: expected a text in both languages, or "
                        f"both empty; found fr {describe(publisher['fr'])} and en {describe(publisher['en'])}")
    contact = data.get("contact") or ""
    if isinstance(contact, str) and re.match(r"\s*mailto:", contact, flags=re.I):
        raise DataError(f"{where}{line_of(data, 'contact')}: contact: found {describe(contact)}; expected the "
                        f"e-mail address alone, without 'mailto:' (the footer makes the link itself), "
                        f"e.g. contact: contact@example.org")
    if not isinstance(contact, str) or (contact.strip() and not _EMAIL.fullmatch(contact.strip())):
        raise DataError(f"{where}{line_of(data, 'contact')}: contact: expected an e-mail address "
                        f'(contact@example.org) or "" to leave it out; found {describe(contact)}')
    return {"publisher": texts, "contact": contact.strip()}


def last_update(root: Path = ROOT) -> datetime.date | None:
    """The date of the last commit that changed the site's sources; None without git or history."""
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *SOURCES], cwd=root, capture_output=True,
                               text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return datetime.date.fromisoformat(found)
    except ValueError:
        return None
