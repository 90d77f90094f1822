"""Shared fixtures: a built site served over HTTP, a scratch copy of the project, a browser."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, expect
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
# A bound, never a wait: `expect` returns as soon as the state is there. Two test workers per core share the
# machine with their browsers, so a state may take longer than Playwright's 5 seconds to show under load.
expect.set_options(timeout=30_000)
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))

import website  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PROJECT_PARTS = ("mkdocs.yml", "content", "hooks", "overrides", "tools", "quiz")
# The copies of the project share the project's build cache (hooks/cache.py): it is kept by content, so a
# copy finds there only what its own files would make.
BUILD_CACHE = str(ROOT / ".cache")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Site:
    """A built site: its folder and the address it is served at (ends with '/')."""

    path: Path
    url: str


@contextlib.contextmanager
def serving(path: Path, url: str) -> Iterator[None]:
    """Serves a built site at `url` (its path is the prefix, as on a host under a sub-path) in the block."""
    server = website.make_server(path, url, "127.0.0.1", int(urlsplit(url).port or 80))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real project, built once with SITE_URL set to where the tests serve it."""
    url = f"http://127.0.0.1:{free_port()}/"
    path = tmp_path_factory.mktemp("built") / "site"
    problems = website.build(path, site_url=url)
    assert problems == [], problems
    with serving(path, url):
        yield Site(path, url)


@dataclass
class Project:
    """A scratch copy of the project that a test may break, then build as an editor would."""

    root: Path

    def file(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.file(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def move_page(self, old: str, new: str) -> None:
        """Renames a page in both languages as an editor would: links, menu, and the declared redirect."""
        for lang in ("fr", "en"):
            self.file(f"content/{lang}/{old}").rename(self.file(f"content/{lang}/{new}"))
            for page in self.file(f"content/{lang}").glob("*.md"):
                page.write_text(page.read_text(encoding="utf-8").replace(f"({old})", f"({new})"), encoding="utf-8")
        self.edit("mkdocs.yml", f"  - {old}", f"  - {new}")
        self.edit("content/redirects.yml", "redirects: {}",
                  f"redirects:\n  {old.replace('.md', '.html')}: {new.replace('.md', '.html')}")

    def build(self, site_url: str | None = None, images: bool = False) -> subprocess.CompletedProcess[str]:
        """`make build`, as an editor runs it: python tools/website.py build in the copy.

        The link preview images are drawn only when a test asks for them (images=True): they cost a
        second of CPU per build and only tests/test_previews.py and the escaping test look at them."""
        env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "PREVIEW_IMAGES": "1" if images else "0",
               "BUILD_CACHE": BUILD_CACHE}
        if site_url is not None:
            env["SITE_URL"] = site_url
        return subprocess.run(
            [sys.executable, "tools/website.py", "build"], cwd=self.root, env=env, capture_output=True, text=True,
            timeout=120,
        )


def copy_project(root: Path) -> Project:
    """A fresh copy of the project's site sources in `root` (created)."""
    root.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Callable[[], Project]:
    """Factory: a fresh copy of the project's site sources in a temporary folder."""
    return lambda: copy_project(tmp_path / f"project{len(list(tmp_path.iterdir()))}")


@pytest.fixture
def make_quiz() -> Callable[..., object]:
    """Factory: a small quiz over the real seven forms, each question given as {answer id: weights}."""
    from _data import load_forms
    from _quiz import Answer, Question, Quiz

    def make(*questions: dict[str, dict[str, int]]) -> Quiz:
        text = {"fr": "…", "en": "…"}
        return Quiz(
            forms=load_forms(),
            questions=[
                Question(f"q{number}", "", text, tuple(Answer(a, text, w) for a, w in answers.items()), text)
                for number, answers in enumerate(questions, start=1)
            ],
            ui={}, talk={}, pleasures_for={}, fears=[], resistances=[], pleasures=[],
        )

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ContextPool:
    """Browser contexts lent to tests and emptied when given back, so that the next test with the same
    options starts as in a new context: no page of its own, no cookie, stored data, route or permission
    but those its options give.

    Each pooled context keeps one blank page open, never lent: while it lives, Chromium keeps the
    context's processes, and a test's page costs about half the CPU of a page in a new context (0.5 s
    instead of 1 s for a page of this site). It is also where the stored data of every origin the context
    visited is cleared (Chrome DevTools Protocol, Storage.clearDataForOrigin).

    The test servers send every file with Cache-Control: no-store, so a lent context requests every file
    again, as a new one would: a test may watch the network in it. A context that has visited a non-HTTP
    address (file://), or where a test installed Playwright's clock, is closed rather than lent again."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.idle: dict[str, list[BrowserContext]] = {}
        self.keepers: dict[int, tuple[Page, CDPSession, set[str]]] = {}

    def lend(self, options: dict[str, object]) -> tuple[str, BrowserContext]:
        key = json.dumps(options, sort_keys=True)
        if self.idle.get(key):
            return key, self.idle[key].pop()
        context = self.browser.new_context(**options)
        keeper = context.new_page()
        origins: set[str] = set()
        context.on("request", lambda request: origins.add(_origin(request.url)))
        self.keepers[id(context)] = (keeper, context.new_cdp_session(keeper), origins)
        return key, context

    def give_back(self, key: str, context: BrowserContext, options: dict[str, object]) -> None:
        keeper, session, origins = self.keepers[id(context)]
        try:
            pages = [page for page in context.pages if page != keeper]
            clean = all(origin.startswith("http") for origin in origins) and not any(
                page.evaluate("() => typeof globalThis.__pwClock !== 'undefined'") for page in pages[:1])
            for page in pages:
                page.close()
            if clean:
                context.unroute_all(behavior="ignoreErrors")
                context.clear_cookies()
                context.clear_permissions()
                if options.get("permissions"):
                    context.grant_permissions(options["permissions"])
                for origin in origins:
                    session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        except PlaywrightError:
            clean = False
        if not clean:
            del self.keepers[id(context)]
            context.close()
            return
        origins.clear()
        self.idle.setdefault(key, []).append(context)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="session")
def context_pool(browser: Browser) -> ContextPool:
    return ContextPool(browser)


@pytest.fixture
def new_context(context_pool: ContextPool) -> Iterator[Callable[..., BrowserContext]]:
    """Factory: a browser context as browser.new_context(**options) makes it (fresh cookies, storage and
    permissions), lent by the worker's pool and emptied after the test."""
    lent: list[tuple[str, BrowserContext, dict[str, object]]] = []

    def make(**options: object) -> BrowserContext:
        key, context = context_pool.lend(options)
        lent.append((key, context, options))
        return context

    yield make
    for key, context, options in lent:
        context_pool.give_back(key, context, options)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that share a module-scoped fixture (a build, a visit of every page, the HTML checker's run) run
    in the same parallel worker (`pytest -n 4 --dist loadgroup`): that fixture is then set up once.

    pytest-xdist 3.8 groups tests by a '@group' suffix of their id, which it can no longer add under
    pytest 9 (the id moved to Node._id): it is added here, as xdist would."""
    if not config.getoption("loadgroup", default=False):
        return
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        shared = sorted(name for name in item.fixturenames
                        if info and (definitions := info.name2fixturedefs.get(name))
                        and definitions[-1].scope == "module")
        if shared and "@" not in item.nodeid:
            _set_node_id(item, f"{item.nodeid}@{item.module.__name__}:{'+'.join(shared)}")


def _set_node_id(item: pytest.Item, nodeid: str) -> None:
    try:
        from _pytest.nodeid import coerce_node_id
    except ImportError:  # pytest 8: xdist's own way
        item._nodeid = nodeid
        return
    item._id = coerce_node_id(nodeid)
