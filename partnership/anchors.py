"""What hooks/anchors.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

from partnership.data import CONTENT, LANGUAGES, DataError, markdown_ids, rel


def check(name: str, lang: str) -> None:
    """The page `name` of content/<lang>/: every heading has an id, and the ids are those of the other language."""
    ids = {lang: markdown_ids(CONTENT / lang / name)}
    for other in LANGUAGES:
        path = CONTENT / other / name
        if other != lang and path.is_file():
            ids[other] = markdown_ids(path)
    differences = []
    for one in LANGUAGES:  # said the same way by both builds, so it is reported once
        only = [f"#{i}" for i in ids.get(one, []) if not all(i in found for found in ids.values())]
        if only:
            differences.append(f"{', '.join(only)} only in {rel(CONTENT / one / name)}")
    if differences:
        pages = " and ".join(rel(CONTENT / one / name) for one in LANGUAGES)
        raise DataError(f"{pages} have different anchors; a page has the same ids in both languages: "
                        f"{'; '.join(differences)}")
