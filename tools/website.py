"""Build and serve the bilingual site: `make build` and `make serve` call this.

    python tools/website.py build              # both languages into site/; on any problem site/ stays as it was
    python tools/website.py serve [--port N]   # build, serve on http://127.0.0.1:8000/ (or N), rebuild on change
    python tools/website.py check              # make test, first: build into a temporary folder, say the problems

Before MkDocs runs, the files an editor touches are checked (mkdocs.yml, its menu, hooks and
plugins, encodings, SITE_URL). Then mkdocs.yml is built once per language (SITE_LANG=fr,
SITE_LANG=en), side by side in a fresh folder; the site root gets the language chooser, a
bilingual 404 page and a sitemap of both languages; then the folder replaces site/. MkDocs'
messages are rewritten for editors: the file, the problem, no traceback. An unexpected error (a
fault in the program) is one line naming the file being built; its details go to build-error.log.
While serving, pages get a small script that reloads them after each successful rebuild; the
files in site/ never carry it. SITE_ENGINE=properdocs builds with ProperDocs instead of MkDocs
(make build ENGINE=properdocs, from .venv-properdocs: see tools/sitebuild/engine.py).

The program is the package tools/sitebuild/ (installed into .venv by make), one module per concern.
"""

import sys

from sitebuild.cli import main

if __name__ == "__main__":
    sys.exit(main())
