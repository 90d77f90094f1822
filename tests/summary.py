"""The end of `make test`, for an editor: which tests failed, one line each, and who can fix them.

A test of the content (pages, data files, the guide) says in its message what was found: the editor
fixes it. A test of the program is for a programmer: the editor sends the full report, which
`--full-log=test-results/pytest.log` (the Makefile's) writes, tracebacks and output included; the
console then leaves the tracebacks out and says each failure in one line. Registered by tests/conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild.annotations import annotations

# The test files that check what editors change; each failure's message says what to fix. The others
# check the program.
CONTENT_TESTS = {
    "test_fidelity.py": "the originals word for word, the translations complete and marked",
    "test_glossary.py": "the glossary's words in every text (content/glossary.yml)",
    "test_languages.py": "both languages in step",
    "test_permalinks.py": "every published address still leads somewhere (permalinks.txt, content/redirects.yml)",
    "test_privacy.py": "no page refers to another website",
    "test_newsletter.py": "the newsletter kit (content/newsletter.yml)",
    "test_scenarios.py": "the quiz's weights against the partnerships of tests/scenarios.yml",
    "test_footer.py": "the footer (content/publisher.yml)",
    "test_results.py": "the pages of the forms to share (content/*/result-*.md)",
    "test_forms.py": "the seven forms (content/forms.yml)",
    "test_guide.py": "the messages the editors' guide quotes (docs/README.md)",
}
_GROUP = re.compile(r"@[\w.]+:[\w+]+$")  # the '@group' suffix conftest.py adds for --dist loadgroup
_PYTHON_WORDS = re.compile(r"^(?:[A-Za-z_.]*(?:Error|Exception)|Failed): ")
WIDTH = 150


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--full-log", metavar="PATH", default=None,
                     help="write every failure's full report (traceback, output) to PATH")


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the reports all reach the main process (pytest-xdist's controller)
        config.pluginmanager.register(Summary(config), "editor-summary")


class Summary:
    """Collects the failures as they are reported, writes the full log, says the summary at the very end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.failures: list[tuple[str, str]] = []
        path = config.getoption("full_log")
        self.log = Path(path) if path else None
        if self.log:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            self.log.write_text("", encoding="utf-8")

    def _failed(self, report: pytest.CollectReport | pytest.TestReport, what: str) -> None:
        nodeid = _GROUP.sub("", report.nodeid) or "(collecting the tests)"
        self.failures.append((nodeid, first_line(report)))
        if self.log:
            sections = "".join(f"\n--- {title} ---\n{text}" for title, text in report.sections)
            with self.log.open("a", encoding="utf-8") as log:
                log.write(f"==== {nodeid} ({what}) ====\n{report.longreprtext}\n{sections}\n\n")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.failed:
            self._failed(report, "the test" if report.when == "call" else f"its {report.when}")

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self._failed(report, "collecting it")

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """With the full reports in the log, the console leaves out the tracebacks (as --tb=no): its short
        summary still says each failure in one line. The reports were made in full during the run."""
        if self.log:
            session.config.option.tbstyle = "no"

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        terminal = config.pluginmanager.get_plugin("terminalreporter")
        if self.failures and terminal is not None:
            for line in summary(self.failures, str(self.log) if self.log else None):
                terminal.write_line(line)
            for nodeid, why in self.failures:  # in GitHub Actions: on the run's page, and on the file it names
                for line in annotations([why or nodeid], f"make test: {nodeid}"):
                    terminal.write_line(line)


def first_line(report: pytest.CollectReport | pytest.TestReport) -> str:
    """What the failure says, on one line, without Python's name for it."""
    crash = getattr(report.longrepr, "reprcrash", None)
    text = crash.message if crash is not None else report.longreprtext
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = _PYTHON_WORDS.sub("", line)
    return line if len(line) <= WIDTH else line[:WIDTH - 1] + "…"


def summary(failures: list[tuple[str, str]], log: str | None) -> list[str]:
    """The lines that end `make test`: the failed tests by file, the content's first, then the program's."""
    send = f"send {log}" if log else "send the whole output above"
    content = [(nodeid, why) for nodeid, why in failures if _file(nodeid).name in CONTENT_TESTS]
    program = [(nodeid, why) for nodeid, why in failures if _file(nodeid).name not in CONTENT_TESTS]
    lines = ["", f"make test: {len(failures)} test{'s' if len(failures) > 1 else ''} failed"
             + (f" (the full report, for a programmer: {log})." if log else ".")]
    if content:
        lines.append("These check the content: each line says what was found; fix it and run make test again:")
        lines += _by_file(content, with_reason=True)
    if program:
        lines.append(f"These check the program; if you only changed content, ask a programmer ({send}):")
        lines += _by_file(program, with_reason=False)
    return lines


def _file(nodeid: str) -> Path:
    return Path(nodeid.split("::")[0])


def _by_file(failures: list[tuple[str, str]], with_reason: bool) -> list[str]:
    lines: list[str] = []
    for file in dict.fromkeys(_file(nodeid) for nodeid, _ in failures):
        lines.append(f"  {file.as_posix()}" + (f": {CONTENT_TESTS[file.name]}" if file.name in CONTENT_TESTS else ""))
        for nodeid, why in failures:
            if _file(nodeid) == file:
                test = nodeid.split("::", 1)[1] if "::" in nodeid else nodeid
                lines.append(f"    - {test}" + (f": {why}" if with_reason and why else ""))
    return lines
