"""Shared fixtures: a built site served over HTTP, a scratch copy of the project, a browser."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
# A bound, never a wait: `expect` returns as soon as the state is there. The test workers (one per core) share the
# machine with their browsers, so a state may take longer than Playwright's 5 seconds to show under load.
expect.set_options(timeout=30_000)
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))

import bench  # noqa: E402
import website  # noqa: E402

# The browser tests run in Debian's Chromium headless shell: the same Chromium (Blink, V8, version) without
# the browser's user interface, as Playwright runs headless tests; a page costs it about half the CPU.
# test_headless_shell.py checks that Chromium itself shows every page as the shell does.
CHROMIUM = "/usr/bin/chromium-headless-shell"
FULL_CHROMIUM = bench.CHROMIUM  # what make bench measures with
CHROMIUM_ARGS = bench.CHROMIUM_ARGS
PROJECT_PARTS = bench.PROJECT_PARTS
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
    with running(website.make_server(path, url, "127.0.0.1", int(urlsplit(url).port or 80), cache_control="no-cache")):
        yield


@contextlib.contextmanager
def running(server: socketserver.BaseServer) -> Iterator[None]:
    """Runs an HTTP server in a thread of its own for the block, then closes it."""
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


class PagePool:
    """Browser pages lent to tests and emptied when given back, so that the next test with the same options
    starts as on a new page of a new context: no cookie, stored data, route, permission or listener of its
    own but what its options give; its history holds only about:blank, before the test's first address.

    A page of this site costs about half the CPU on a page Chromium already has (its renderer process
    kept) as on a new page, and half again as in a new context. So each set of options has its contexts,
    each with one page that is lent, and given back:
    - on about:blank, at the context's viewport, with the listeners it had when lent, no route;
    - with the cookies, permissions (but those the options grant) and the data stored (local and session
      storage, IndexedDB, caches…) by every origin the context visited cleared (Chrome DevTools Protocol);
    - any other page the test opened closed.

    The test servers send every file with Cache-Control: no-cache, so a lent page requests every file again,
    as a new one would, and a test may watch the network on it; the browser keeps what it has compiled of a
    script it is told has not changed (304), which saves about a tenth of the CPU of each page. A test that
    counts bytes sets the cache aside (tools/bench.py, first_visit). What cannot be undone is not given back: a page
    where a test added an init script, exposed a function, emulated a media or extra headers, or installed
    Playwright's clock is closed (its context gets a new page), and a context that visited a non-HTTP
    address (file://) is closed."""

    _IRREVERSIBLE = ("add_init_script", "expose_function", "expose_binding", "emulate_media",
                     "set_extra_http_headers", "add_locator_handler", "route_from_har", "route_web_socket")

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.idle: dict[str, list[BrowserContext]] = {}
        self.origins: dict[int, set[str]] = {}

    def lend(self, options: dict[str, object]) -> Page:
        key = json.dumps(options, sort_keys=True)
        if self.idle.get(key):
            context = self.idle[key].pop()
        else:
            context = self.browser.new_context(**options)
            origins: set[str] = set()
            context.on("request", lambda request: origins.add(_origin(request.url)))
            self.origins[id(context)] = origins
        page = context.pages[0] if context.pages else self._new_page(context)
        page._pool_used.clear()  # type: ignore[attr-defined]
        listeners = {event: _listeners(page, event) for event in list(page._impl_obj._events)}
        page._pool_lent = (key, options, listeners)  # type: ignore[attr-defined]
        return page

    def _new_page(self, context: BrowserContext) -> Page:
        """A page of `context` that notes which of the irreversible methods a test calls."""
        page = context.new_page()
        page._pool_used = used = []  # type: ignore[attr-defined]
        for name in self._IRREVERSIBLE:
            setattr(page, name, _noting(getattr(page, name), name, used))
        return page

    def give_back(self, page: Page) -> None:
        key, options, listeners = page._pool_lent  # type: ignore[attr-defined]
        context = page.context
        origins = self.origins[id(context)]
        try:
            for other in context.pages:
                if other != page:
                    other.close()
            if not all(origin.startswith("http") for origin in origins) or (
                    not page.is_closed() and page.evaluate("() => typeof globalThis.__pwClock !== 'undefined'")):
                raise _NotReusable  # a file:// origin's data cannot be cleared; the clock is the context's
            if page.is_closed() or page._pool_used:  # type: ignore[attr-defined]
                page.close()
                page = self._new_page(context)
            else:
                self._empty(page, options, listeners)
            context.unroute_all(behavior="ignoreErrors")
            context.clear_cookies()
            context.clear_permissions()
            if options.get("permissions"):
                context.grant_permissions(options["permissions"])
            session = context.new_cdp_session(page)
            session.send("Page.resetNavigationHistory")
            for origin in origins:
                session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            session.detach()
        except (PlaywrightError, _NotReusable):
            del self.origins[id(context)]
            context.close()
            return
        origins.clear()
        self.idle.setdefault(key, []).append(context)

    @staticmethod
    def _empty(page: Page, options: dict[str, object], listeners: dict[str, list[object]]) -> None:
        events = page._impl_obj  # the listeners the test added, through page.on() or page.once()
        for event in list(events._events):
            for listener in _listeners(page, event):
                if listener not in listeners.get(event, []):
                    events.remove_listener(event, listener)
        page.unroute_all(behavior="ignoreErrors")
        page.goto("about:blank")
        page.mouse.move(0, 0)  # where the mouse of a new page is; nothing is under it on about:blank
        viewport = options.get("viewport", {"width": 1280, "height": 720})
        if viewport and page.viewport_size != viewport:
            page.set_viewport_size(viewport)  # type: ignore[arg-type]


class _NotReusable(Exception):
    pass


def _listeners(page: Page, event: str) -> list[object]:
    found = page._impl_obj._events.get(event, [])
    return list(found) if isinstance(found, list) else [found]


def _noting(method: Callable[..., object], name: str, used: list[str]) -> Callable[..., object]:
    def noted(*args: object, **kwargs: object) -> object:
        used.append(name)
        return method(*args, **kwargs)

    return noted


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="session")
def page_pool(browser: Browser) -> PagePool:
    return PagePool(browser)


@pytest.fixture
def new_page(page_pool: PagePool) -> Iterator[Callable[..., Page]]:
    """Factory: a page as browser.new_context(**options).new_page() makes it (fresh cookies, storage,
    permissions and history), lent by the worker's pool and emptied after the test. `page.context` is
    its own: a second page opened there is closed after the test."""
    lent: list[Page] = []

    def make(**options: object) -> Page:
        page = page_pool.lend(options)
        lent.append(page)
        return page

    yield make
    for page in lent:
        page_pool.give_back(page)


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
