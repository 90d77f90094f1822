"""The content pages the program links to or reads, found from the data, never by today's file names.

A link the program writes (a result page's button to the quiz, the forms figure's steps, the quiz's links to a
form's definition and to its result page) names the address the page was first published at (permalinks.txt:
never change these), followed through content/redirects.yml (`current_address`): a page renamed with its redirect is
linked to directly. Renamed without it, the link names a page the build no longer has, and the check of the
finished site stops the build on it, naming the template (partnership/site_links.py): the old address, printed in
newsletters and shared, must keep working.
A page the program reads is found by what it holds: the original of a source text is the page whose front
matter says `source: <its file name>` (`original`), in whatever file it is.
"""

from __future__ import annotations

import re
from pathlib import Path

from partnership.data import CONTENT, LANGUAGES, DataError, load_yaml, read_text, rel

FORMS = "partnership-culture.html"  # the seven forms, fears, resistances and pleasures (the French original)
QUIZ = "quiz.html"  # the page holding <!-- quiz -->
RESULT = "result-{form}.html"  # the page of a form the quiz result links to (<!-- result:<form> -->)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_SOURCE = re.compile(r"^source:[ \t]*['\"]?([^'\"\n#]+?)['\"]?[ \t]*(?:#.*)?$", re.M)


def sources(page: Path) -> list[str]:
    """The `source:` values of a page's front matter: [] for any page but an original."""
    front = _FRONT_MATTER.match(read_text(page).replace("\r\n", "\n"))
    return _SOURCE.findall(front.group(1)) if front else []


def original(source: Path, content: Path = CONTENT) -> str:
    """The file name (same in every language) of the page whose front matter says `source: <source's name>`."""
    for lang in LANGUAGES:
        for page in sorted((content / lang).glob("*.md")):
            if source.name in sources(page):
                return page.name
    raise DataError(f"{rel(source)}: no page of content/ publishes this original any more (a front matter line "
                    f"'source: {source.name}'); the seven forms and the quiz are drawn from that page: give it its "
                    f"line 'source: {source.name}' back")


def current_address(address: str, content: Path = CONTENT) -> str:
    """Where a page the site published now is: `address` (about.html#privacy), followed through content/redirects.yml.

    A template that links to a content page names the address the page was first published at; once the page
    is renamed with its redirect, the link leads straight to the new page. Without the redirect it still names
    the old one, and partnership/site_links.py stops the build on it, naming the template. hooks/redirects.py checks
    the file."""
    page, hash_, anchor = address.partition("#")
    data = load_yaml(content / "redirects.yml")
    moves = data.get("redirects") if isinstance(data, dict) else None
    target = moves.get(page) if isinstance(moves, dict) else None
    return f"{target}{hash_}{anchor}" if isinstance(target, str) and target else address
