"""The journeys readers take, in three browser engines: Chromium (Blink), Firefox ESR (Gecko), WebKitGTK (WebKit).

The journeys are written once, in Node (tests/engines/journeys.mjs), over one small driver interface
(tests/engines/drivers.mjs): puppeteer-core drives Debian's Chromium headless shell (DevTools protocol) and Debian's
Firefox ESR (WebDriver BiDi), and WebKitGTK's own WebKitWebDriver drives its MiniBrowser (W3C WebDriver) on an Xvfb
display. Each engine runs every journey in one Node process, one browser, a fresh profile per journey; each
(engine, journey) is one test here, so that a failure names both. The tests of one engine share one module-scoped
fixture: `--dist loadgroup` runs them in one worker (conftest.py), the engines in parallel with the rest.

What the journeys look for comes from the data (quiz/texts.yml, questions.yml, the forms, content/strings.yml),
through the Chromium tests' own helpers. The site is the `site` fixture's build, served from a copy in which every
page starts with tests/engines/errors.js (a listener of script errors, a file of the site's origin, which the
pages' policy allows): classic WebDriver has no event for a page's errors, so WebKit's are read from it; the other
two engines also report theirs through their protocol.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, free_port, serving
from sitebuild import offline
from test_anywhere import HOME, NOT_FOUND
from test_compare_browser import full_state
from test_quiz_browser import FORM_IDS, QUESTIONS, QUIZ, form_name, python_score, text, ui

ENGINES_DIR = ROOT / "tests" / "engines"
JOURNEYS = ("pages", "quiz", "share", "compare", "turns", "offline", "missing")
ERRORS_SCRIPT = "engine-errors.js"
LOGS = ROOT / "test-results"  # engines-<engine>.log: each journey's line (its seconds) and what the browser said
# The CSP <meta> every page starts with (hooks' csp), else <head>: the listener goes right after it.
_FIRST_IN_HEAD = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">|<head(?:\s[^>]*)?>', re.I)
# Bounds, never waits: a state inside a journey has 20 s (journeys.mjs), a call to a browser 30 s (drivers.mjs), a
# journey JOURNEY_BOUND seconds (then its browser starts again, and the next journey runs), an engine's whole run
# BOUND seconds (its start and restarts included). Under no load an engine's run takes 15 to 30 s.
JOURNEY_BOUND = 90
BOUND = 120 + len(JOURNEYS) * JOURNEY_BOUND


def with_listener(folder: Path, absolute: bool) -> None:
    """Every HTML page of the folder with tests/engines/errors.js first: at /engine-errors.js (served), or at its
    relative path (opened from disk)."""
    shutil.copy2(ENGINES_DIR / "errors.js", folder / ERRORS_SCRIPT)
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        depth = len(page.relative_to(folder).parts) - 1
        src = f"/{ERRORS_SCRIPT}" if absolute else "../" * depth + ERRORS_SCRIPT
        first = _FIRST_IN_HEAD.search(html)
        assert first, f"{page}: no <head>"
        page.write_text(html[:first.end()] + f'<script src="{src}"></script>' + html[first.end():], encoding="utf-8")


@pytest.fixture(scope="session")
def engines_spec(site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The site served from a copy with the listener, the offline copy unzipped (with it too), and spec.json:
    what the journeys need to know, from the data."""
    root = tmp_path_factory.mktemp("engines")
    served = root / "site"
    shutil.copytree(site.path, served)
    with_listener(served, absolute=True)
    with zipfile.ZipFile(offline.write_zip(site.path, root / "copy.zip")) as archive:
        archive.extractall(root / "unzipped")
    unzipped = root / "unzipped" / offline.FOLDER
    with_listener(unzipped, absolute=False)
    base = f"http://127.0.0.1:{free_port()}/"
    spec = root / "spec.json"
    spec.write_text(json.dumps(journeys_spec(site.path, site.url, base, unzipped.as_uri() + "/"), ensure_ascii=False),
                    encoding="utf-8")
    with serving(served, base):
        yield spec


def walk(form_id: str, **extra: Any) -> dict[str, Any]:
    """Answers in favour of a form, and the form the reference scorer finds for them, named in both languages."""
    answers = full_state(form_id)["answers"]
    outcome = python_score(answers)
    assert outcome["kind"] == "clear", (form_id, outcome)
    found = outcome["forms"][0]
    return {"answers": answers, "form": found, "name": {lang: form_name(found, lang) for lang in ("fr", "en")},
            **extra}


def journeys_spec(site_path: Path, site_url: str, base: str, offline_folder: str) -> dict[str, Any]:
    """What the journeys need: the addresses (the site's SITE_URL, where the copy is served, the offline copy's
    folder), the pages, the quiz's texts and answers, the words to look for."""
    pages = sorted(path.relative_to(site_path).as_posix() for lang in ("fr", "en")
                   for path in (site_path / lang).rglob("*.html"))
    forms = FORM_IDS
    return {
        "site": site_url,
        "journey_bound": JOURNEY_BOUND,
        "base": base,
        "offline": offline_folder,
        "pages": [base + page for page in pages],
        "ui": {lang: {key: ui(key, lang) for key in QUIZ.ui} for lang in ("fr", "en")},
        "questions": [{"id": question.id,
                       "answers": {answer.id: {lang: text(answer.text, lang) for lang in ("fr", "en")}
                                   for answer in question.answers}}
                      for question in QUESTIONS],
        "walks": {
            "quiz": walk(forms[len(forms) // 2]),
            "share": walk(forms[1], label="Les Tilleuls"),
            "compare": walk(forms[-1]),
            "partner": walk(forms[2], label="Partner A"),
            "offline": walk(forms[-2]),
        },
        "turns": [walk(form, label=label) for label, form in zip(("Alice", "Bob", "Carol"), forms[::2], strict=False)],
        "search": {"word": form_name(forms[-1], "en").split()[0].lower()},
        "missing": {"lang": "fr", "path": "fr/a/b/c/missing.html", "title": NOT_FOUND["fr"], "home": HOME["fr"]},
    }


def run_engine(engine: str, spec: Path) -> dict[str, dict[str, Any]]:
    """Every journey in one engine (one Node process, one browser): journey → {"ok", "error", "seconds"}."""
    with subprocess.Popen(["node", str(ENGINES_DIR / "journeys.mjs"), engine, str(spec)], cwd=ROOT, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"},
                          start_new_session=True) as node:
        try:
            out, err = node.communicate(timeout=BOUND)
        except subprocess.TimeoutExpired:
            os.killpg(node.pid, signal.SIGKILL)  # node and the browser, driver and display it started
            out, err = node.communicate()
            err = f"still running after {BOUND} s. {err}"
    LOGS.mkdir(exist_ok=True)
    (LOGS / f"engines-{engine}.log").write_text(out + err, encoding="utf-8")
    results = {line["journey"]: line for line in map(json.loads, filter(None, out.splitlines()))}
    for journey in JOURNEYS:
        results.setdefault(journey, {"ok": False, "error": f"{engine} stopped before this journey "
                                     f"(exit {node.returncode}): {err.strip()[-2000:]}"})
    return results


def check(results: dict[str, dict[str, Any]], engine: str, journey: str) -> None:
    result = results[journey]
    assert result["ok"], f"{engine}, {journey}: {result['error']}"


@pytest.fixture(scope="module")
def chromium_journeys(engines_spec: Path) -> dict[str, dict[str, Any]]:
    return run_engine("chromium", engines_spec)


@pytest.fixture(scope="module")
def firefox_journeys(engines_spec: Path) -> dict[str, dict[str, Any]]:
    return run_engine("firefox", engines_spec)


@pytest.fixture(scope="module")
def webkit_journeys(engines_spec: Path) -> dict[str, dict[str, Any]]:
    return run_engine("webkit", engines_spec)


# One module-scoped fixture per engine: conftest.py puts the tests that share one in one xdist group (the
# xdist_group mark itself no longer groups under pytest 9, pytest-xdist#1386).
@pytest.mark.parametrize("journey", JOURNEYS)
def test_in_chromium(chromium_journeys, journey: str) -> None:
    check(chromium_journeys, "Chromium", journey)


@pytest.mark.parametrize("journey", JOURNEYS)
def test_in_firefox(firefox_journeys, journey: str) -> None:
    check(firefox_journeys, "Firefox ESR", journey)


@pytest.mark.parametrize("journey", JOURNEYS)
def test_in_webkit(webkit_journeys, journey: str) -> None:
    check(webkit_journeys, "WebKitGTK", journey)
