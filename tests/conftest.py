"""Shared fixtures: a built site served over HTTP, a scratch copy of the project, a browser."""

from __future__ import annotations

import contextlib
import json
import os
import re
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
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

pytest_plugins = ["summary"]  # the end of make test, for an editor (tests/summary.py)
ROOT = Path(__file__).resolve().parent.parent
# A bound, never a wait: `expect` returns as soon as the state is there. The test workers (one per core) share the
# machine with their browsers, so a state may take longer than Playwright's 5 seconds to show under load.
expect.set_options(timeout=30_000)

from sitebuild import bench, runner, server  # noqa: E402

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
FIXTURE = ROOT / "tests" / "fixture"  # frozen content for the tests of fixed texts (fixture_project)


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
    with running(server.make_server(path, url, "127.0.0.1", int(urlsplit(url).port or 80), cache_control="no-cache")):
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
    problems = runner.build(path, site_url=url)
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
        """Renames a page in both languages as an editor would (docs/README.md, section 3): its files, the links
        to it, its menu entry and the newsletter kit's entry, and the move declared in content/redirects.yml,
        whatever the menu and the redirects hold (earlier moves to the old address now lead to the new one)."""
        for lang in ("fr", "en"):
            self.file(f"content/{lang}/{old}").rename(self.file(f"content/{lang}/{new}"))
            for page in self.file(f"content/{lang}").glob("*.md"):
                text = page.read_text(encoding="utf-8")
                page.write_text(re.sub(rf"\]\({re.escape(old)}(?=[#)])", f"]({new}", text), encoding="utf-8")
        self.edit_nav(lambda entry: new if entry == old else entry)
        old_html, new_html = old.removesuffix(".md") + ".html", new.removesuffix(".md") + ".html"
        kit = self.file("content/newsletter.yml")
        offered = re.sub(rf"(page: ){re.escape(old_html)}\b", rf"\g<1>{new_html}", kit.read_text(encoding="utf-8"))
        kit.write_text(offered, encoding="utf-8")
        moves = {source: (new_html if target == old_html else target) for source, target in self.redirects().items()}
        self.set_redirects({**moves, old_html: new_html})

    def nav(self) -> list[str]:
        """The menu's page file names, in order (mkdocs.yml nav: entries 'page.md' or 'Title: page.md')."""
        return [entry.split(": ")[-1] for entry in re.findall(r"^  - (.+)$", self._nav_block(), flags=re.M)]

    def edit_nav(self, change: Callable[[str], str | None]) -> None:
        """Rewrites each menu entry's page through `change` (None removes the entry), wherever it is in nav:."""
        block = self._nav_block()

        def entry(match: re.Match[str]) -> str:
            title, page = match.group(2), match.group(3)
            changed = change(page)
            return "" if changed is None else f"{match.group(1)}{title}{changed}\n"

        path = self.file("mkdocs.yml")
        path.write_text(path.read_text(encoding="utf-8").replace(
            block, re.sub(r"^(  - )((?:[^:\n]+: )?)(.+)\n", entry, block, flags=re.M), 1), encoding="utf-8")

    def _nav_block(self) -> str:
        match = re.search(r"^nav:\n(?:  .*\n|\n)*", self.file("mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
        assert match, "mkdocs.yml has no nav:"
        return match.group(0)

    def redirects(self) -> dict[str, str]:
        return dict(yaml.safe_load(self.file("content/redirects.yml").read_text(encoding="utf-8"))["redirects"] or {})

    def set_redirects(self, moves: dict[str, str]) -> None:
        """content/redirects.yml with these moves, its comments kept."""
        path = self.file("content/redirects.yml")
        text = path.read_text(encoding="utf-8")
        head = text[:re.search(r"^redirects:", text, flags=re.M).start()]
        lines = "".join(f"\n  {source}: {target}" for source, target in moves.items())
        path.write_text(f"{head}redirects:{lines or ' {}'}\n", encoding="utf-8")

    def forget_published(self, page: str) -> None:
        """Takes the addresses of a page (about.html) out of permalinks.txt, in both languages: what a test does
        to reach the checks behind the build's first one (a published address that no longer leads anywhere)."""
        path = self.file("permalinks.txt")
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if line.strip().partition("#")[0].split("/")[-1] != page),
                        encoding="utf-8")

    def build(self, site_url: str | None = None, images: bool = False) -> subprocess.CompletedProcess[str]:
        """`make build`, as an editor runs it: python tools/website.py build in the copy.

        The link preview images are drawn only when a test asks for them (images=True): they cost a
        second of CPU per build and only tests/test_previews.py and the escaping test look at them."""
        env = {**copy_env(self.root), "NO_MKDOCS_2_WARNING": "1", "PREVIEW_IMAGES": "1" if images else "0",
               "BUILD_CACHE": BUILD_CACHE}
        if site_url is not None:
            env["SITE_URL"] = site_url
        return subprocess.run(
            [sys.executable, "tools/website.py", "build"], cwd=self.root, env=env, capture_output=True, text=True,
            timeout=120,
        )


def copy_env(root: Path, **extra: str) -> dict[str, str]:
    """The environment of an editor's command in a copy of the project: the copy's own package (partnership/) and
    build tools (tools/sitebuild/) come first (PYTHONPATH), before the project's, which make installs into .venv."""
    return {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{root}{os.pathsep}{root / 'tools'}", **extra}


def front_matter(page: Path) -> dict[str, object]:
    """A page's front matter, read as YAML."""
    return yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1]) or {}


def site_pages(root: Path = ROOT) -> list[str]:
    """The menu's pages written for the site, the home page aside, in menu order: no original (no `original:`
    or `source:`), no block the build draws (no `<!-- … -->` marker). Tests that need such a page pick it here."""
    return [page for page in Project(root).nav()[1:]
            if not any({"original", "source"} & front_matter(root / "content" / lang / page).keys()
                       or "<!-- " in (root / "content" / lang / page).read_text(encoding="utf-8")
                       for lang in ("fr", "en"))]


def copy_project(root: Path) -> Project:
    """A fresh copy of the project's site sources in `root` (created)."""
    return Project(bench.copy_parts(root))


def copy_fixture_project(root: Path) -> Project:
    """A copy of the project's program with the frozen content of tests/fixture/ (README.md there): what the
    editors change in the real content never changes what a test of fixed texts, lines or names sees."""
    copy = copy_project(root)
    for lang in ("fr", "en"):
        for page in copy.file(f"content/{lang}").iterdir():
            page.unlink()
    copy.file("quiz/links.lock").unlink(missing_ok=True)  # the real project's record of its links.yml versions
    for source in FIXTURE.rglob("*"):
        relative = source.relative_to(FIXTURE)
        if source.is_file() and relative.name not in ("mkdocs.yml", "README.md"):
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / relative)
    _add_new_strings(copy.file("content/strings.yml"), ROOT / "content" / "strings.yml")
    nav = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8").split("\n", 1)[1]
    settings = copy.file("mkdocs.yml")
    settings.write_text(settings.read_text(encoding="utf-8").replace(copy._nav_block(), nav + "\n", 1),
                        encoding="utf-8")
    return copy


def _add_new_strings(fixture: Path, real: Path) -> None:
    """Appends to the fixture's strings.yml the entries the program has since started to use (new keys of the
    real file), so that the frozen texts keep building; what the fixture holds keeps its lines."""
    text, new = fixture.read_text(encoding="utf-8"), real.read_text(encoding="utf-8")
    have = set(yaml.safe_load(text))
    added = [match.group(0) for match in re.finditer(r"^([a-z_][a-z0-9_]*):.*\n(?:[ #].*\n|\n)*", new, flags=re.M)
             if match.group(1) not in have]
    if added:
        fixture.write_text(text.rstrip("\n") + "\n" + "".join(added), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Callable[[], Project]:
    """Factory: a fresh copy of the project's site sources in a temporary folder."""
    return lambda: copy_project(tmp_path / f"project{len(list(tmp_path.iterdir()))}")


@pytest.fixture
def fixture_project(tmp_path: Path) -> Callable[[], Project]:
    """Factory: a fresh copy of the project's program with the fixed content of tests/fixture/, for the tests
    that name a page, a line or a sentence (an exact message, an edit of a given text). Skipped inside
    tests/test_legitimate_edits.py's run: the editors' edits it makes do not reach the fixture's content."""
    if os.environ.get("LEGITIMATE_EDITS_INNER") == "1":
        pytest.skip("the fixture's content, which the edits of the real content do not reach")
    return lambda: copy_fixture_project(tmp_path / f"project{len(list(tmp_path.iterdir()))}")


@pytest.fixture
def make_quiz() -> Callable[..., object]:
    """Factory: a small quiz over the real seven forms, each question given as {answer id: weights}."""
    from partnership.data import load_forms
    from partnership.quiz import Answer, Question, Quiz

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
    - on about:blank, at the context's viewport, without the listeners the test added to it or to its context
      (page.on, page.once, context.on…: noted as they are added), no route;
    - with the cookies, permissions (but those the options grant) and the data stored (local and session
      storage, IndexedDB, caches…) by every origin the context visited cleared (Chrome DevTools Protocol);
    - any other page the test opened closed.

    The test servers send every file with Cache-Control: no-cache, so a lent page requests every file again,
    as a new one would, and a test may watch the network on it; the browser keeps what it has compiled of a
    script it is told has not changed (304), which saves about a tenth of the CPU of each page. A test that
    counts bytes sets the cache aside (tools/bench.py, first_visit). What cannot be undone is not given back: a page
    where a test added an init script, exposed a function, emulated a media or extra headers is closed (its
    context gets a new page), and a context is closed when it visited a non-HTTP address (file://) or a test
    used Playwright's clock, which is the context's (page.clock is context.clock; any of its methods installs
    it): the pool notes the calls of these methods, never reading Playwright's private attributes."""

    _IRREVERSIBLE = ("add_init_script", "expose_function", "expose_binding", "emulate_media",
                     "set_extra_http_headers", "add_locator_handler", "route_from_har", "route_web_socket")
    _CLOCK = ("install", "fast_forward", "pause_at", "resume", "run_for", "set_fixed_time", "set_system_time")

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
            context._pool_listeners = _noting_listeners(context)  # type: ignore[attr-defined]
            # page.clock is the context's clock (the same object): any of its methods installs the clock
            context._pool_clock = clock = []  # type: ignore[attr-defined]
            for name in self._CLOCK:
                setattr(context.clock, name, _noting(getattr(context.clock, name), name, clock))
        page = context.pages[0] if context.pages else self._new_page(context)
        page._pool_used.clear()  # type: ignore[attr-defined]
        page._pool_listeners.clear()  # type: ignore[attr-defined]
        page._pool_lent = (key, options)  # type: ignore[attr-defined]
        return page

    def _new_page(self, context: BrowserContext) -> Page:
        """A page of `context` that notes which of the irreversible methods a test calls, and the listeners it
        adds through page.on() or page.once() (and takes off through page.remove_listener())."""
        page = context.new_page()
        page._pool_used = used = []  # type: ignore[attr-defined]
        for name in self._IRREVERSIBLE:
            setattr(page, name, _noting(getattr(page, name), name, used))
        page._pool_listeners = _noting_listeners(page)  # type: ignore[attr-defined]
        return page

    def give_back(self, page: Page) -> None:
        key, options = page._pool_lent  # type: ignore[attr-defined]
        context = page.context
        origins = self.origins[id(context)]
        try:
            for other in context.pages:
                if other != page:
                    other.close()
            if not all(origin.startswith("http") for origin in origins) or context._pool_clock:  # type: ignore[attr-defined]
                raise _NotReusable  # a file:// origin's data cannot be cleared; the clock is the context's
            _forget_listeners(context)
            if page.is_closed() or page._pool_used:  # type: ignore[attr-defined]
                page.close()
                page = self._new_page(context)
            else:
                self._empty(page, options)
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
    def _empty(page: Page, options: dict[str, object]) -> None:
        _forget_listeners(page)
        page.unroute_all(behavior="ignoreErrors")
        page.goto("about:blank")
        page.mouse.move(0, 0)  # where the mouse of a new page is; nothing is under it on about:blank
        viewport = options.get("viewport", {"width": 1280, "height": 720})
        if viewport and page.viewport_size != viewport:
            page.set_viewport_size(viewport)  # type: ignore[arg-type]


class _NotReusable(Exception):
    pass


def _noting_listeners(target: Page | BrowserContext) -> list[tuple[str, Callable[..., object]]]:
    """Notes the listeners a test adds to a page or a context (on, once) and takes off (remove_listener), so
    that they can be taken off when the page is given back; the list returned is where they are noted."""
    added: list[tuple[str, Callable[..., object]]] = []
    on, once, remove = target.on, target.once, target.remove_listener

    def adding(method: Callable[..., object]) -> Callable[..., object]:
        def add(event: str, listener: Callable[..., object]) -> None:
            added.append((event, listener))
            method(event, listener)

        return add

    def remove_listener(event: str, listener: Callable[..., object]) -> None:
        if (event, listener) in added:
            added.remove((event, listener))
        remove(event, listener)

    target.on, target.once = adding(on), adding(once)  # type: ignore[method-assign]
    target.remove_listener = remove_listener  # type: ignore[method-assign]
    target._pool_remove = remove  # type: ignore[union-attr]
    return added


def _forget_listeners(target: Page | BrowserContext) -> None:
    """Takes off the listeners a test added (a listener `once` already called is off already: no error)."""
    added = target._pool_listeners  # type: ignore[union-attr]
    for event, listener in added:
        target._pool_remove(event, listener)  # type: ignore[union-attr]
    added.clear()


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
    pytest 9 (the id moved to Node._id): it is added here, as xdist would. Upstream: "--dist=loadgroup silently
    stops grouping on pytest main", https://github.com/pytest-dev/pytest-xdist/issues/1386 (a fix is proposed in
    https://github.com/pytest-dev/pytest-xdist/pull/1388): when a release of xdist closes it, this can go."""
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
