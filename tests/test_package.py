"""The site's domain is one package, `partnership`, apart from the engine: it never imports MkDocs (nor Material
or ProperDocs), and nothing finds it, or the hooks, through sys.path (make installs it into .venv).

The check of sys.path looks for the hooks folder only: the folder tools/ is the business of tools/sitebuild."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
from conftest import ROOT

ENGINES = ("mkdocs", "material", "properdocs")
MODULES = sorted(f"partnership.{path.stem}" for path in (ROOT / "partnership").glob("*.py") if path.stem != "__init__")
# A finder ahead of every other that refuses the engines, as if they were not installed.
_WITHOUT_ENGINES = f"""
import importlib, sys
class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {ENGINES!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
sys.meta_path.insert(0, Refuse())
"""
_HOOKS_ON_PATH = re.compile(r"sys\.path\.(?:insert|append)\([^)]*" + "hoo" + r"ks", re.S)


def _without_engines(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _WITHOUT_ENGINES + code], cwd=ROOT / "content", capture_output=True,
                          text=True, timeout=120, check=False)


def test_the_engines_cannot_be_imported_in_the_checking_interpreter() -> None:
    for engine in ENGINES:
        result = _without_engines(f"import {engine}")
        assert result.returncode != 0 and "ModuleNotFoundError" in result.stderr, engine


@pytest.mark.parametrize("module", MODULES)
def test_every_module_of_the_package_imports_without_the_engines(module: str) -> None:
    result = _without_engines(f"importlib.import_module({module!r})")
    assert result.returncode == 0, result.stderr.strip().splitlines()[-1:]


def test_no_module_of_the_package_imports_an_engine_even_inside_a_function() -> None:
    found = []
    for path in sorted((ROOT / "partnership").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}:{node.lineno}: {name}" for name in names if name.split(".")[0] in ENGINES]
    assert found == []


def test_the_package_is_found_as_installed_not_through_sys_path() -> None:
    result = subprocess.run([sys.executable, "-c", "import partnership; print(partnership.__file__)"],
                            cwd="/", capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == str(ROOT / "partnership" / "__init__.py"), result.stderr


def test_no_file_puts_the_hooks_folder_on_sys_path() -> None:
    files = [path for folder in ("hooks", "tools", "tests") for path in sorted((ROOT / folder).rglob("*.py"))]
    found = [path.relative_to(ROOT).as_posix() for path in files if _HOOKS_ON_PATH.search(path.read_text("utf-8"))]
    assert found == []
