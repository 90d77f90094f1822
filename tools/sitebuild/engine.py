"""The engine that builds each language: MkDocs 1.6 (.venv, the default) or ProperDocs, its continuation by its
former maintainers (.venv-properdocs; `make build ENGINE=properdocs` sets SITE_ENGINE). ProperDocs answers to
MkDocs' module names once `properdocs.replacement` is imported (sitebuild/__init__.py does it first), so this
program, the hooks and Material import mkdocs.* with either; tests/test_properdocs.py requires the same pages
from both."""

from __future__ import annotations

import importlib.metadata
import os
import sys

from partnership.data import DataError, rel

ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}


def use_engine(name: str | None = None) -> str:
    """The engine named by SITE_ENGINE (MkDocs when unset), made the one `import mkdocs` gives in this process."""
    name = (os.environ.get("SITE_ENGINE", "") if name is None else name).strip() or "mkdocs"
    if name not in ENGINES:
        raise DataError(f"SITE_ENGINE: expected mkdocs or properdocs, e.g. make build ENGINE=properdocs; "
                        f"found '{name}'")
    try:
        importlib.metadata.distribution(name)  # installed (`import mkdocs` may give ProperDocs: not enough)
    except importlib.metadata.PackageNotFoundError:
        raise DataError(f"SITE_ENGINE={name}: {ENGINES[name]} is not installed in {rel(sys.prefix)}/; run make "
                        f"build (MkDocs, in .venv) or make build ENGINE=properdocs (ProperDocs, in .venv-properdocs): "
                        f"each installs its engine") from None
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401 - from now on, mkdocs.* imports give properdocs.*
    return name

