"""Where the editors work: annotations (tools/sitebuild/annotations.py), `make test`'s check of the content before
the tests (tools/website.py check) and its summary at the end (tests/summary.py)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BUILD_CACHE, ROOT, Project, copy_env
from sitebuild.annotations import annotation, annotations
from summary import CONTENT_TESTS

ACTIONS = {"GITHUB_ACTIONS": "true"}
TITLE = "The build stopped"


def run(copy: Project, command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """python tools/website.py <command> in the copy, as make runs it."""
    return subprocess.run([sys.executable, "tools/website.py", command], cwd=copy.root, capture_output=True,
                          text=True, timeout=180, env={**copy_env(copy.root), "NO_MKDOCS_2_WARNING": "1",
                                                       "PREVIEW_IMAGES": "0", "BUILD_CACHE": BUILD_CACHE, **env})


def broken(project: Callable[[], Project]) -> Project:
    """A copy with one mistake an editor makes: a front matter key misspelt in the first page of the menu."""
    copy = project()
    copy.edit("content/fr/index.md", "title:", "titre:")
    return copy


def test_an_annotation_names_the_file_and_the_line() -> None:
    assert annotation("content/fr/about.md:3: front matter: unknown key 'titre'", TITLE) == (
        "::error file=content/fr/about.md,line=3,title=The build stopped::"
        "content/fr/about.md:3: front matter: unknown key 'titre'")


def test_an_annotation_without_a_line_names_the_file_only() -> None:
    assert annotation("mkdocs.yml: nav: 'x.md' is not a page", TITLE).startswith(
        "::error file=mkdocs.yml,title=The build stopped::")


@pytest.mark.parametrize("problem", ["SITE_URL: expected an address starting with https://",
                                     "the French site: the build program failed on it (MkDocs)"])
def test_a_problem_naming_no_file_is_annotated_without_one(problem: str) -> None:
    assert annotation(problem, TITLE) == f"::error title=The build stopped::{problem}"


def test_an_annotation_escapes_what_github_reads_as_syntax() -> None:
    assert annotation("content/fr/a,b.md:2: 100% sure\r\nof it", "make test: a::b, c") == (
        "::error file=content/fr/a%2Cb.md,line=2,title=make test%3A a%3A%3Ab%2C c::"
        "content/fr/a,b.md:2: 100%25 sure%0D%0Aof it")


@pytest.mark.parametrize("environ", [{}, {"GITHUB_ACTIONS": "false"}, {"CI": "true"}])
def test_no_annotation_outside_github_actions(environ: dict[str, str]) -> None:
    assert annotations(["content/fr/about.md:3: front matter"], TITLE, environ) == []


def test_make_build_in_github_actions_annotates_each_problem(project: Callable[[], Project]) -> None:
    result = run(broken(project), "build", **ACTIONS)
    problems = [line[4:] for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert result.returncode == 1 and len(problems) == 1, result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("::")] == [annotation(problems[0], TITLE)]


def test_make_build_elsewhere_prints_no_annotation(project: Callable[[], Project]) -> None:
    result = run(broken(project), "build")
    assert result.returncode == 1 and "::error" not in result.stdout + result.stderr


def test_the_check_says_the_problems_as_make_build_does_and_stops(project: Callable[[], Project]) -> None:
    copy = broken(project)
    built = run(copy, "build")
    checked = run(copy, "check")
    assert checked.returncode == 1
    assert checked.stderr.startswith(built.stderr), checked.stderr
    assert checked.stderr.strip().splitlines()[-1] == (
        "make test: the content has 1 problem (above); fix it and run make test again. The tests were not run.")


def test_the_check_counts_the_problems(project: Callable[[], Project]) -> None:
    copy = project()  # two links to a page that does not exist, one in each language: two problems
    for lang in ("fr", "en"):
        pages = sorted(copy.file(f"content/{lang}").glob("*.md"))
        page = next(path for path in pages if "](" in path.read_text(encoding="utf-8"))
        copy.edit(page.relative_to(copy.root).as_posix(), "](", "](no-such-page.md#")
    assert "make test: the content has 2 problems (above); fix them" in run(copy, "check").stderr


def test_the_check_leaves_site_as_it_was(project: Callable[[], Project]) -> None:
    copy = project()
    copy.file("site").mkdir()
    copy.file("site/index.html").write_text("the site published before", encoding="utf-8")
    result = run(copy, "check")
    assert result.returncode == 0, result.stderr
    assert [path.name for path in copy.file("site").iterdir()] == ["index.html"]
    assert copy.file("site/index.html").read_text(encoding="utf-8") == "the site published before"
    assert not list(copy.root.glob(".site-*"))


def test_the_check_sends_a_fault_of_the_program_to_a_programmer(project: Callable[[], Project]) -> None:
    copy = project()
    copy.edit("hooks/markers.py", "def on_config", "def on_config(:")
    last = run(copy, "check").stderr.strip().splitlines()[-1]
    assert last.startswith("make test: the build program failed (above)") and "build-error.log" in last, last


def test_make_test_checks_the_content_before_the_tests_and_logs_them_in_full() -> None:
    commands = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    check = next(i for i, line in enumerate(commands.splitlines()) if "tools/website.py check" in line)
    tests = next(i for i, line in enumerate(commands.splitlines()) if "-m pytest" in line)
    assert check < tests and "--full-log=test-results/pytest.log" in commands.splitlines()[tests]


# The summary at the end of make test, seen in a small suite of its own.
SUITE = {
    "test_permalinks.py": 'def test_served():\n    assert False, "permalinks.txt: 2 addresses lead nowhere"\n\n'
                          "def test_fine():\n    pass\n",
    "test_program.py": "import pytest\n\n@pytest.fixture\ndef browser():\n    raise RuntimeError('no browser')\n\n"
                       "def test_menu(browser):\n    pass\n\ndef test_sum():\n    assert 1 + 1 == 3\n",
}


def suite(tmp_path: Path, *options: str, files: dict[str, str] = SUITE) -> tuple[str, Path]:
    """Runs pytest with the summary on `files`, with the full log as make test asks: its console, the log."""
    (tmp_path / "tests").mkdir()
    for name, text in files.items():
        (tmp_path / "tests" / name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "summary", "-p", "no:cacheprovider", "-ra",
         "--full-log=test-results/pytest.log", *options, "tests"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "tests")},
    )
    return result.stdout, tmp_path / "test-results" / "pytest.log"


def summary_of(console: str) -> list[str]:
    lines = console.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith("make test: ")):]


def test_the_summary_comes_last_and_sorts_the_failures_for_the_editor(tmp_path: Path) -> None:
    assert summary_of(suite(tmp_path)[0]) == [
        "make test: 3 tests failed (the full report, for a programmer: test-results/pytest.log).",
        "These check the content: each line says what was found; fix it and run make test again:",
        f"  tests/test_permalinks.py: {CONTENT_TESTS['test_permalinks.py']}",
        "    - test_served: permalinks.txt: 2 addresses lead nowhere",
        "These check the program; if you only changed content, ask a programmer (send test-results/pytest.log):",
        "  tests/test_program.py",
        "    - test_menu",
        "    - test_sum",
    ]


def test_the_summary_is_said_once_with_parallel_workers(tmp_path: Path) -> None:
    console = suite(tmp_path, "-n", "2")[0]
    assert console.count("make test: 3 tests failed") == 1, console


def test_the_tracebacks_go_to_the_log_not_to_the_console(tmp_path: Path) -> None:
    console, log = suite(tmp_path)
    assert "raise RuntimeError('no browser')" in log.read_text(encoding="utf-8")
    assert "raise RuntimeError" not in console and "Traceback" not in console, console


def test_no_summary_when_every_test_passes(tmp_path: Path) -> None:
    console = suite(tmp_path, files={"test_fine.py": "def test_fine():\n    pass\n"})[0]
    assert "make test:" not in console and "1 passed" in console


def test_every_test_file_the_summary_counts_as_content_exists() -> None:
    assert [name for name in CONTENT_TESTS if not (ROOT / "tests" / name).is_file()] == []
