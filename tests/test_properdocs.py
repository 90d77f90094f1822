"""The site builds the same with ProperDocs as with MkDocs.

MkDocs 1.6 (in .venv) has had no release since 2024 and its owner plans a 2.0 without plugins, themes or
hooks; ProperDocs (in .venv-properdocs, requirements-properdocs.txt) is the continuation of MkDocs 1.x by its
former maintainers. The project is built here with both engines, for the same address, by the same
`tools/website.py` (SITE_ENGINE picks the engine): both must give the same files, each holding the same bytes,
but for the one line where each engine names itself (`<meta name="generator">`). So the day the site must
change engine, `make build ENGINE=properdocs` is known to publish the same site (docs/README.md, "Two engines").

The .venv-properdocs is made by make (make test, make test-properdocs, make build ENGINE=properdocs), once.
"""

from __future__ import annotations

import os
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT, Site
from sitebuild.engine import use_engine

from partnership.data import DataError

PROPERDOCS_PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"
# Each engine names itself in every page: Material writes mkdocs-<the engine's mkdocs_version>.
GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-([^",]+), mkdocs-material-[^"]+">')
# runner.build() into a folder, as `make build ENGINE=properdocs` builds site/.
BUILD = ("import sys; from pathlib import Path; from sitebuild import runner; "
         "problems = runner.build(Path(sys.argv[1]), site_url=sys.argv[2]); print(*problems, sep='\\n'); "
         "sys.exit(1 if problems else 0)")


@pytest.fixture(scope="module")
def properdocs_site(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built with ProperDocs, for the address the MkDocs site (`site`) was built for."""
    assert PROPERDOCS_PYTHON.is_file(), "ProperDocs is not installed: run make test-properdocs (or make test) once"
    path = tmp_path_factory.mktemp("properdocs") / "site"
    done = subprocess.run([str(PROPERDOCS_PYTHON), "-c", BUILD, str(path), site.url], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, SITE_ENGINE="properdocs"))
    assert done.returncode == 0, f"the ProperDocs build failed:\n{done.stdout}{done.stderr}"
    return path


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def _engines(files: dict[str, bytes]) -> set[str]:
    return {match.decode() for content in files.values() for match in GENERATOR.findall(content)}


def test_properdocs_venv_has_no_mkdocs() -> None:
    """The second build runs ProperDocs itself: MkDocs is not even installed beside it."""
    found = subprocess.run([str(PROPERDOCS_PYTHON), "-c", "import importlib.util as u; "
                            "print(bool(u.find_spec('mkdocs')), bool(u.find_spec('properdocs')))"],
                           capture_output=True, text=True, timeout=60, check=True)
    assert found.stdout.split() == ["False", "True"]


def test_each_build_names_its_engine(site: Site, properdocs_site: Path) -> None:
    """Each build was made by its engine, at its pinned version: MkDocs for one, ProperDocs for the other."""
    pin = re.search(r"^properdocs==(\S+)", (ROOT / "requirements-properdocs.txt").read_text(), re.MULTILINE)
    assert pin, "requirements-properdocs.txt: expected a line properdocs==<version>"
    assert [_engines(_files(site.path)), _engines(_files(properdocs_site))] == [
        {version("mkdocs")}, {f"ProperDocs {pin.group(1)}"}]


def test_same_files(site: Site, properdocs_site: Path) -> None:
    """ProperDocs writes every file MkDocs writes (pages, search index, sitemaps, assets), and no other."""
    assert sorted(_files(properdocs_site)) == sorted(_files(site.path))


def test_same_content(site: Site, properdocs_site: Path) -> None:
    """Every file holds the same bytes with either engine, but the line where each engine names itself."""
    mkdocs, properdocs = _files(site.path), _files(properdocs_site)
    assert mkdocs, "the MkDocs build wrote nothing"
    differ = [name for name in sorted(mkdocs.keys() & properdocs.keys())
              if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])]
    assert differ == [], f"{len(differ)} files differ between MkDocs and ProperDocs: {', '.join(differ[:20])}"


def test_unknown_engine_is_one_line() -> None:
    """A misspelt engine stops the build with one line saying what is expected."""
    expected = r"^SITE_ENGINE: expected mkdocs or properdocs, .*; found 'propperdocs'$"
    with pytest.raises(DataError, match=expected):
        use_engine("propperdocs")
