"""What hooks/redirects.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import re
from pathlib import Path

from partnership.data import CONTENT, LANGUAGES, DataError, describe, line_of, load_yaml, rel

REDIRECTS = CONTENT / "redirects.yml"


_PAGE = re.compile(r"[a-z0-9][a-z0-9-]*\.html")


_GENERATED = ("404.html", "search.html", "sitemap.xml")  # the theme's own pages in each language


def _sources(address: str) -> list[Path]:
    return [CONTENT / lang / f"{address[:-5]}.md" for lang in LANGUAGES]


def _load() -> dict[str, str]:
    where = rel(REDIRECTS)
    data = load_yaml(REDIRECTS)
    redirects = data.get("redirects") if isinstance(data, dict) else None
    if not isinstance(redirects, dict):
        raise DataError(f"{where}: expected 'redirects:' with lines 'old-name.html: new-name.html' (or {{}} for none); "
                        f"found {describe(redirects)}")
    for old, new in redirects.items():
        at = f"{where}{line_of(redirects, old)}: redirects.{old}"
        for value in (old, new):
            if not isinstance(value, str) or not _PAGE.fullmatch(value):
                raise DataError(f"{at}: expected page addresses such as culture.html: partnership-culture.html "
                                f"(the file name of the page with .html, lower-case letters, digits and hyphens, "
                                f"no folder and no #); found {describe(value)}")
        if old == new:
            raise DataError(f"{at}: the page would redirect to itself, in a loop; expected the new address of the page")
        if new in redirects:
            raise DataError(f"{at}: {new} is itself redirected (to {redirects[new]}); redirect {old} straight to the "
                            f"final address, so that no chain or loop forms")
        if old in _GENERATED:
            raise DataError(f"{at}: the build makes a page {old} itself; a redirect is only for an address that no "
                            f"longer has its page")
        still = [rel(page) for page in _sources(old) if page.is_file()]
        if still:
            raise DataError(f"{at}: {old} is still a page of the site ({', '.join(still)}); "
                            f"a redirect is for an address that no longer has its page")
        missing = [rel(page) for page in _sources(new) if not page.is_file()]
        if missing:
            raise DataError(f"{at}: {new} is not a page of the site; expected the new address of the page "
                            f"({' and '.join(missing)} do{'es' if len(missing) == 1 else ''} not exist)")
    return redirects
