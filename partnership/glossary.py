"""One word for each thing: every page and text file of the site uses the words of content/glossary.yml.

The glossary names the seven forms (as content/forms.yml does) and other key words in both languages,
and lists under `avoid` the wordings not to use. check() runs before MkDocs (tools/website.py): a
wording to avoid in a page of the site, in content/*.yml or in the quiz's texts stops the build with
one line naming the file, the line and the glossary's word. The originals (pages whose front matter
says `source:`) are kept as received and left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from partnership.data import CONTENT, LANGUAGES, ROOT, DataError, line_of, load_forms, load_yaml, normalise, rel
from partnership.pages import sources

GLOSSARY = CONTENT / "glossary.yml"
_KEY = re.compile(r"^(\s*)(?:- )?(fr|en):\s?(.*)$")


def site_files(content: Path = CONTENT, root: Path = ROOT) -> list[Path]:
    """The files whose texts are the site's own: pages (originals aside), data files, the quiz's texts."""
    pages = [path for lang in LANGUAGES for path in sorted((content / lang).glob("*.md")) if not sources(path)]
    data = [path for path in sorted(content.glob("*.yml")) if path.name != GLOSSARY.name]
    return pages + data + [root / "quiz" / "texts.yml", root / "quiz" / "questions.yml"]


def avoided(glossary: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """lang → [(wording to avoid, the glossary's word and entry)]."""
    found: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGUAGES}
    for section in ("forms", "terms"):
        for entry_id, entry in (glossary.get(section) or {}).items():
            for lang, wordings in ((entry or {}).get("avoid") or {}).items():
                found.setdefault(lang, [])
                found[lang] += [(str(w), f"{entry.get(lang)} ({section}.{entry_id})") for w in wordings or []]
    return found


def texts(path: Path) -> list[tuple[str, int, str]]:
    """(language, line number, text) of every line of a page or of a YAML text, comments left out."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if path.suffix == ".md":
        return [(path.parent.name, number, line) for number, line in enumerate(lines, start=1)]
    found, current = [], None  # current: (language, indent of its key) for folded texts (>-) on later lines
    for number, line in enumerate(lines, start=1):
        text = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        key = _KEY.match(text)
        if key:
            current = (key.group(2), len(key.group(1)))
            found.append((current[0], number, key.group(3)))
        elif current and text.strip() and len(text) - len(text.lstrip()) > current[1]:
            found.append((current[0], number, text))
        elif text.strip():
            current = None
    return found


def misused(path: Path, avoid: dict[str, list[tuple[str, str]]], root: Path = ROOT) -> list[str]:
    """One line per wording to avoid found in the file: 'file:line: …'."""
    problems = []
    patterns = {lang: [(re.compile(rf"(?<!\w){re.escape(wording)}(?!\w)", re.IGNORECASE), wording, instead)
                       for wording, instead in wordings] for lang, wordings in avoid.items()}
    for lang, number, text in texts(path):
        if lang not in patterns:
            continue
        line = normalise(text)  # once a line, whatever the number of wordings to avoid
        for pattern, wording, instead in patterns[lang]:
            if pattern.search(line):
                problems.append(f"{path.relative_to(root).as_posix()}:{number}: the wording '{wording}' ({lang}) is "
                                f"one the glossary says not to use; write {instead}, as content/glossary.yml says")
    return problems


def check(content: Path = CONTENT, root: Path = ROOT) -> None:
    """The glossary names the forms as forms.yml does, and no text of the site uses a wording it avoids."""
    glossary = load_yaml(content / GLOSSARY.name)
    if not isinstance(glossary, dict) or not isinstance(glossary.get("forms"), dict):
        raise DataError(f"{rel(content / GLOSSARY.name)}: expected 'forms:' and 'terms:' with the site's words in "
                        f"each language (forms: then '  service:' then '    fr: …' and '    en: …')")
    forms = glossary["forms"]
    for form in load_forms(content / "forms.yml"):
        entry = forms.get(form.id)
        for lang in LANGUAGES:
            name = entry.get(lang) if isinstance(entry, dict) else None
            if not isinstance(name, str) or normalise(name) != normalise(form.name[lang]):
                at = line_of(entry, lang) if isinstance(entry, dict) else line_of(forms)
                raise DataError(f"{rel(content / GLOSSARY.name)}{at}: forms.{form.id}.{lang}: the glossary names this "
                                f"form '{name}', content/forms.yml '{form.name[lang]}'; give the form the same name in "
                                f"both files")
    avoid = avoided(glossary)
    for path in site_files(content, root):
        found = misused(path, avoid, root) if path.is_file() else []
        if found:
            raise DataError(found[0])

