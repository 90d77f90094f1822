"""The content pages the program links to or reads, found from the data, never by today's file names.

A link the program writes (a result page's button to the quiz, the forms figure's steps, the quiz's links to a
form's definition and to its result page) names the address the page was first published at (permalinks.txt:
never change these), followed through content/redirects.yml (`current_address`): a page renamed with its redirect is
linked to directly. Renamed without it, the link names a page the build no longer has, and the check of the
finished site stops the build on it, naming the template (hooks/_site_links.py): the old address, printed in
newsletters and shared, must keep working.
A page the program reads is found by what it holds: the original of a source text is the page whose front
matter says `source: <its file name>` (`original`), in whatever file it is.
"""

from __future__ import annotations

import re
from pathlib import Path

from _data import CONTENT, LANGUAGES, DataError, rel
from _site_links import current_address

__all__ = ["FORMS", "QUIZ", "RESULT", "current_address", "original"]

FORMS = "partnership-culture.html"  # the seven forms, fears, resistances and pleasures (the French original)
QUIZ = "quiz.html"  # the page holding <!-- quiz -->
RESULT = "result-{form}.html"  # the page of a form the quiz result links to (<!-- result:<form> -->)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_SOURCE = re.compile(r"^source:[ \t]*['\"]?([^'\"\n#]+?)['\"]?[ \t]*(?:#.*)?$", re.M)


def original(source: Path, content: Path = CONTENT) -> str:
    """The file name (same in every language) of the page whose front matter says `source: <source's name>`."""
    for lang in LANGUAGES:
        for page in sorted((content / lang).glob("*.md")):
            front = _FRONT_MATTER.match(page.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n"))
            if front and source.name in _SOURCE.findall(front.group(1)):
                return page.name
    raise DataError(f"{rel(source)}: no page of content/ publishes this original any more (a front matter line "
                    f"'source: {source.name}'); the seven forms and the quiz are drawn from that page: give it its "
                    f"line 'source: {source.name}' back")
