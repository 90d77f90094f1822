"""The build program of the bilingual site, by concern: `python tools/website.py build|serve|check` runs it.

- cli.py: the command line (build, serve, check; and `worker`, which the runner starts);
- checks.py: the sources checked before MkDocs runs (mkdocs.yml, its menu, hooks and plugins, encodings, data);
- runner.py: the build of both languages, each in its own worker process (`website.py worker <lang>`), side
  by side, then the site root, the finished site's checks and the swap into site/; the engine (SITE_ENGINE);
- messages.py: what an editor reads: MkDocs' messages rewritten, one line per problem, build-error.log;
- server.py: the HTTP server of site/ (make_server) and the live reload of `make serve`;
- watcher.py: `make serve`: the watched files, a rebuild on each change.
Installed editable into .venv by make (pyproject.toml), as the domain package `partnership` is.
"""

import importlib.util
import os

# ProperDocs answers to MkDocs' module names once `properdocs.replacement` is imported: before the hooks' first
# `import mkdocs` (see runner.use_engine).
if importlib.util.find_spec("properdocs") and (os.environ.get("SITE_ENGINE", "").strip() == "properdocs"
                                               or not importlib.util.find_spec("mkdocs")):
    import properdocs.replacement  # noqa: F401
