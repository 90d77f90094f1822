"""Why a link of a page leads nowhere, when it is a known mistake: a picture left in another folder, a link
into the other language's folder. tools/website.py says it instead of MkDocs' "does not exist"."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath

from partnership.data import CONTENT, LANGUAGES, rel

PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")
_ANOTHER_SITE = re.compile(r"(?:www\.[\w.-]+|[\w-]+\.(?:org|com|net|fr|eu|info|be|ch|ca|io|coop|asso\.fr))(?:[/?#]|$)",
                           re.I)


def link_hint(lang: str, page: str, link: str, content: Path = CONTENT) -> str | None:
    """The message for the link `link` of content/<lang>/<page>, or None when no known mistake explains it."""
    target = link.split("#", 1)[0].split("?", 1)[0]
    if not target or "://" in target or target.startswith("/"):
        return None
    where = f"{rel(content / lang / page)}"
    folder = (content / lang / page).parent
    wanted = (folder / target).resolve()
    other = next(other for other in LANGUAGES if other != lang)
    try:
        inside = wanted.relative_to((content / other).resolve())
    except ValueError:
        inside = None
    if _ANOTHER_SITE.match(target):
        return (f"{where}: the link '{link}' is read as a file of the site; a link to another site starts with "
                f"https://: write 'https://{link}'")
    near = _near(folder / PurePosixPath(target).parent, PurePosixPath(target).name)
    if near is not None and inside is None:
        anchor = link[len(target):]
        return (f"{where}: the link '{link}' points to a file that does not exist; write "
                f"'{PurePosixPath(target).parent / near if '/' in target else near}{anchor}' (file names are in "
                f"lower case, with hyphens instead of spaces)")
    if inside is not None and PurePosixPath(target).suffix.lower() in PICTURES and wanted.is_file():
        return (f"{where}: the picture '{target}' is in content/{other}/: each language's pictures are in its own "
                f"folder, content/fr/… and content/en/…; copy it to {rel(folder)}/ and write "
                f"'{PurePosixPath(target).name}'")
    if inside is not None and PurePosixPath(target).suffix.lower() not in PICTURES:
        here = PurePosixPath(*Path(inside).parts).as_posix()
        anchor = link[len(target):] if "#" in link else ""
        return (f"{where}: the link '{link}' leads into content/{other}/: links stay in the page's language: link "
                f"to '{here}{anchor}' (the language menu leads to the other language)")
    if PurePosixPath(target).suffix.lower() not in PICTURES:
        return None
    name = PurePosixPath(target).name
    places = [content / PurePosixPath(target), content / other / PurePosixPath(target),
              *sorted(content.rglob(name))]
    found = next((place for place in places if place.is_file() and place.resolve() != wanted), None)
    if found is None:
        return None
    return (f"{where}: the picture '{target}' is not in {rel(wanted.parent)}/ (it is in {rel(found.parent)}/: each "
            f"language's pictures are in its own folder, content/fr/… and content/en/…); copy it to "
            f"{rel(wanted.parent)}/")


def _near(folder: Path, name: str) -> str | None:
    """The one file of `folder` whose name is `name` but for capitals, accents, spaces, quotes or a last dot."""
    if not folder.is_dir():
        return None
    wanted = _key(name)
    found = [path.name for path in folder.iterdir()
             if path.is_file() and path.name != name and _key(path.name) == wanted]
    return found[0] if len(found) == 1 else None


def _key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.strip(" \"'“”‘’«»").rstrip(".,;:")).casefold()
    return re.sub(r"[\s_]+", "-", "".join(c for c in name if not unicodedata.combining(c)))
