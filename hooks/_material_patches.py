"""Every patch of Material's own files, in one place, written for one version of mkdocs-material.

The site changes Material through its supported seams wherever one exists: theme options
(mkdocs.yml), block overrides (overrides/main.html: `extrahead`, `scripts`), partial overrides
(overrides/partials/: alternate, footer, and the copies in COPIED) and a template (overrides/404.html).
What no seam reaches is patched here, as exact replacements in Material's text:
- BUNDLE: Material's JavaScript bundle (hooks/material_js.py writes the site's copy);
- PAGE: what base.html writes outside its blocks, in every rendered page (hooks/material_markup.py).

Each patch must match exactly once, and the installed Material must be the version the patches (and
the copied partials, COPIED) were written for: otherwise the build
stops with one line naming the version and the patch. To move to another version: read each patch
and copied partial (COPIED) against the new files, then set WRITTEN_FOR.

Free of MkDocs: the tests feed it any text and any version.
"""

from __future__ import annotations

from typing import NamedTuple

from partnership.data import DataError

WRITTEN_FOR = "9.8.1"
# Material's partials copied into overrides/ with a change (each says which in its first comment).
COPIED = ("partials/search.html", "partials/toc.html", "partials/javascripts/base.html")


class Patch(NamedTuple):
    name: str     # how messages name it
    shipped: str  # what Material's file says, exactly once
    ours: str     # what the site's copy says instead
    why: str


BUNDLE = (
    Patch("no sitemap lookups", 'ui({document$:ct});', '',
          "no sitemap lookups next to the <link rel=alternate> addresses"),
    Patch("search index on demand", '$(location.protocol!=="file:")', '$(!1)',
          "the search index loads when search opens, not at page load"),
    Patch("search worker on demand", 't=new Worker(e)', 't=new SearchWorkerOnDemand(e)',
          "the search worker starts with the first search"),
    Patch("highlighter from search only", 'V("search.highlight")?Ai(',
          'V("search.highlight")&&new URLSearchParams(location.search).has("h")?Ai(',
          "the highlighter asks for the index only on a page opened from a search result"),
    Patch("start after DOMContentLoaded", 'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document))',
          '(document.readyState!=="loading"?e.next(document):'
          'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document)))',
          "the page's components start though the bundle comes after DOMContentLoaded"),
)

PAGE = (
    Patch("drawer toggle without autocomplete",
          '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
          '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
          "autocomplete is not allowed on a checkbox; hooks/material_js.js closes the drawer on pageshow"),
    Patch("search toggle without autocomplete",
          '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
          '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
          "autocomplete is not allowed on a checkbox; hooks/material_js.js closes search on pageshow"),
    Patch("copy message as a status", '<div class="md-dialog" data-md-component="dialog">',
          '<div class="md-dialog" data-md-component="dialog" role="status">',
          "'Copied to clipboard' is announced, and is inside a landmark for axe"),
)


def check_version(installed: str) -> None:
    """Stops the build when the installed mkdocs-material is not the one the patches were written for."""
    if installed != WRITTEN_FOR:
        raise DataError(
            f"hooks/_material_patches.py: mkdocs-material {installed} is installed, but the patches of Material's "
            f"files and the copied partials were written for {WRITTEN_FOR}; pin mkdocs-material=={WRITTEN_FOR} "
            "in requirements.txt, or ask a programmer to check each patch against the new version"
        )


def apply(text: str, patches: tuple[Patch, ...], where: str, version: str) -> str:
    """`text` with each patch applied; each must match exactly once."""
    for patch in patches:
        found = text.count(patch.shipped)
        if found != 1:
            raise DataError(
                f"hooks/_material_patches.py: patch '{patch.name}' matches {where} of mkdocs-material {version} "
                f"{found} times, expected exactly once ({patch.why}); ask a programmer to update it for that version"
            )
        text = text.replace(patch.shipped, patch.ours)
    return text


def patch_bundle(text: str, name: str, version: str) -> str:
    """Material's bundle `name`, patched, without its source map comment (not published: fewer bytes)."""
    source_map = Patch("no source map", f"\n//# sourceMappingURL={name}.map", "",
                       "the source map is not published")
    return apply(text, (*BUNDLE, source_map), name, version).rstrip() + "\n"


def patch_page(html: str, page: str, version: str) -> str:
    """A page as Material's base.html wrote it, patched where no block reaches."""
    return apply(html, PAGE, f"base.html as rendered for {page}", version)
