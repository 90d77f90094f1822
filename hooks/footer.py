"""The footer of every page: the site, who publishes it, a contact, the date of its last update, links.

Who publishes the site and the contact come from content/publisher.yml (an empty value leaves its
line out: nothing is invented); the date is that of the project's last commit touching the site's
sources (git), left out where the project has no history. overrides/partials/footer.html draws it
from config.extra["footer"], with the About and privacy links and the same page in the other language.
The About and privacy links name the addresses the site first published (ABOUT), followed through
content/redirects.yml: a page renamed with its redirect is linked to directly; renamed without it, the
link is missing and the build stops on it (hooks/_site_links.py).
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path
from typing import Any

from _data import CONTENT, LANGUAGES, ROOT, DataError, describe, line_of, load_yaml, rel, typeset
from _pages import current_address
from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig

PUBLISHER = CONTENT / "publisher.yml"
SOURCES = ("content", "quiz", "hooks", "overrides", "mkdocs.yml")
# An address as readers' e-mail programs take it: no ':' or '/' (a link's words), no quotes, spaces or commas.
_EMAIL = re.compile(r"[^@\s<>\"':/,;()\[\]]+@[^@\s<>\"':/,;()\[\]]+\.[a-z]{2,}", re.I)
_KEYS = ("publisher", "contact")
ABOUT = {"about": "about.html", "privacy": "about.html#privacy"}  # as published (permalinks.txt): never change


def on_config(config: MkDocsConfig) -> None:
    lang = config.extra["lang"]
    facts = load_publisher()
    updated = last_update()
    contact = facts["contact"]
    strings = config.extra["strings"]
    config.extra["footer"] = {
        "labels": {  # written out, so that content/strings.yml's check sees every key used
            "publisher": typeset(strings["footer_publisher"], lang),
            "contact": typeset(strings["footer_contact"], lang),
            "updated": typeset(strings["footer_updated"], lang),
            "about": typeset(strings["footer_about"], lang),
            "privacy": typeset(strings["footer_privacy"], lang),
            "other_language": typeset(strings["footer_other_language"], lang),
        },
        "description": typeset(strings["site_description"], lang),
        "publisher": typeset(facts["publisher"][lang], lang),
        "contact": contact,
        "contact_href": f"mailto:{contact}" if contact else "",
        "updated": updated.isoformat() if updated else "",
        "updated_text": format_date(updated, "d MMMM y", locale=lang) if updated else "",
        "links": {key: current_address(address) for key, address in ABOUT.items()},
    }


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
