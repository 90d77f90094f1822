"""Build and serve the bilingual site: `make build` and `make serve` call this.

    python tools/website.py build              # both languages into site/; on any problem site/ stays as it was
    python tools/website.py serve [--port N]   # build, serve on http://127.0.0.1:8000/ (or N), rebuild on change
    python tools/website.py check              # make test, first: build into a temporary folder, say the problems

Before MkDocs runs, the files an editor touches are checked (mkdocs.yml, its menu, hooks and
plugins, encodings, SITE_URL). Then mkdocs.yml is built once per language (SITE_LANG=fr,
SITE_LANG=en), side by side in a fresh folder; the site root gets the language chooser, a
bilingual 404 page and a sitemap of both languages; then the folder replaces site/. MkDocs'
messages are rewritten for editors: the file, the problem, no traceback. An unexpected error (a
fault in the program) is one line naming the file being built; its details go to build-error.log.
While serving, pages get a small script that reloads them after each successful rebuild; the
files in site/ never carry it. SITE_ENGINE=properdocs builds with ProperDocs instead of MkDocs
(make build ENGINE=properdocs, from .venv-properdocs: see use_engine).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fnmatch
import functools
import http.server
import importlib.metadata
import importlib.util
import io
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jinja2
import markupsafe

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
if importlib.util.find_spec("properdocs") and (os.environ.get("SITE_ENGINE", "").strip() == "properdocs"
                                               or not importlib.util.find_spec("mkdocs")):
    import properdocs.replacement  # noqa: F401 - before the hooks' first `import mkdocs` (see use_engine)
import _settings  # noqa: E402
from _annotations import annotations  # noqa: E402
from _data import (  # noqa: E402
    CONTENT,
    DEFAULT_SITE_URL,  # noqa: F401 - tools/offline.py reads it here
    LANGUAGE_NAMES,
    LANGUAGES,
    DataError,
    describe,
    line_of,
    load_forms,
    load_strings,
    parse_yaml,
    read_text,
    rel,
    site_root,
    templates,
)
from _link_versions import record as record_links  # noqa: E402
from _links_hint import link_hint  # noqa: E402

SITE = ROOT / "site"
ERROR_LOG = ROOT / "build-error.log"
# The engine that builds each language: MkDocs 1.6 (.venv, the default) or ProperDocs, its continuation by its
# former maintainers (.venv-properdocs; `make build ENGINE=properdocs` sets SITE_ENGINE). ProperDocs answers to
# MkDocs' module names once `properdocs.replacement` is imported, so this file, the hooks and Material import
# mkdocs.* with either; tests/test_properdocs.py requires the same pages from both.
ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
DEFAULT_PORT = 8000
WATCHED = ("content", "hooks", "quiz", "overrides", "tools", "mkdocs.yml")
_POLL = 0.05  # seconds between two looks at the watched files while serving (a look takes about 2 ms)
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=jinja2.select_autoescape(("html", "xml")),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

# MkDocs' own messages, said the way an editor needs them.
_EXPLAIN = [
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target (?:'.+?' )?is not found "
                   r"among documentation files\."),
        "content/{lang}/{0}: the link '{1}' points to a page or file that does not exist",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target (?:'.+?' )?is not found "
                   r"among documentation files\. Did you mean '(.+?)'\?"),
        "content/{lang}/{0}: the link '{1}' points to a file that does not exist; write '{2}' instead (a page is "
        "linked to by its file name, ending with .md; an e-mail address starts with mailto:)",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the doc '(.+?)' does not contain "
                   r"an anchor '#(.+?)'\."),
        "content/{lang}/{0}: the link '{1}' points to an anchor '#{3}' that content/{lang}/{2} does not have",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but there is no such anchor on this page\."),
        "content/{lang}/{0}: the link '{1}' points to an anchor that this page does not have",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains an (?:absolute|unrecognized relative) link '(.+?)'.*"),
        "content/{lang}/{0}: the link '{1}' is not a link to a page of the site; "
        "link to a page by its file name, e.g. [About](about.md)",
    ),
    (
        re.compile(r"A reference to '(.+?)' is included in the 'nav' configuration, which is not found in the "
                   r"documentation files\."),
        "mkdocs.yml: nav: '{0}' is not a page of content/{lang}/; expected the file name of a page, e.g. about.md",
    ),
    (re.compile(r"Config value 'plugins': The \"(.+?)\" plugin is not installed"),
     "mkdocs.yml: plugins: the plugin '{0}' is not installed; check its spelling (this site uses search)"),
    (re.compile(r"Config value 'hooks': The path '(.+?)' isn't an existing file\."),
     "mkdocs.yml: hooks: '{0}' does not exist; expected the path of a file of hooks/, e.g. hooks/forms.py"),
    (re.compile(r"Config value '(.+?)': Unrecognised configuration name: .*"),
     "mkdocs.yml: {0}: unknown setting; check its spelling (see https://www.mkdocs.org/user-guide/configuration/)"),
    (re.compile(r"Config value '(.+?)': Required configuration not provided\."),
     "mkdocs.yml: {0}: missing; this setting is required"),
    (re.compile(r"Config value 'markdown_extensions': Failed to load extension '(.+?)'\."),
     "mkdocs.yml: markdown_extensions: the extension '{0}' does not exist; check its spelling"),
    (re.compile(r"Config value 'markdown_extensions': Invalid Markdown Extensions configuration"),
     "mkdocs.yml: markdown_extensions: the settings of an extension are not valid; check the indentation of its "
     "lines (two spaces further than the extension's name)"),
    (re.compile(r"Config value 'theme': No theme name set\."),
     "mkdocs.yml: theme: name: missing; expected name: material under theme:"),
    (re.compile(r"Config value 'theme': Unrecognised theme name: '(.+?)'.*"),
     "mkdocs.yml: theme: name: unknown theme '{0}'; expected material"),
    (re.compile(r"Config value '(.+?)': Expected type: (.+?) but received: (.+)"),
     "mkdocs.yml: {0}: expected {1}; found {2}"),
    (re.compile(r"Config value '(.+?)': (.*)"), "mkdocs.yml: {0}: {1}"),
    (
        re.compile(r"MkDocs encountered an error parsing the configuration file: (.*)"),
        "mkdocs.yml: not valid YAML: {0}",
    ),
    (
        re.compile(r"The following pages exist in the docs directory, but are not included in the "
                   r"\"nav\" configuration:"),
        "mkdocs.yml: nav: these pages of content/{lang}/ are not in the menu; add them to nav:",
    ),
]
_DROP = re.compile(r"^(Aborted with .*|Error (?:reading|building) page '.*':|Documentation built in .*|"
                   r"Cleaning site directory|Building documentation to directory: .*)$")
_ERROR_PAGE = re.compile(r"^Error (?:reading|building) page '(.+?)':(?: (.*))?$")
_INTERNAL = "INTERNAL-ERROR "  # what a language build prints for a fault in the program, then where it happened
# MkDocs names Python types in its configuration messages; an editor reads these words instead.
_TYPES = {"bool": "true or false", "str": "a text", "list": "a list", "dict": "a mapping ('key: value' lines)",
          "int": "a whole number", "float": "a number", "NoneType": "nothing", "tuple": "a list"}
_YAML_MARK = re.compile(r'in ".*?", line (\d+), column \d+')
_LEVEL = re.compile(r"^(?:INFO|WARNING|ERROR|DEBUG)\s+-\s+")


def build(site_dir: Path = SITE, site_url: str | None = None) -> list[str]:
    """Build both languages into site_dir; returns the problems found (none: the site was replaced)."""
    env = _build_env(site_url)
    ERROR_LOG.unlink(missing_ok=True)
    try:
        use_engine(env.get("SITE_ENGINE"))
        site_root(env.get("SITE_URL"))
    except DataError as error:
        return [str(error)]
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        # While serving, the languages build in their workers while the sources are checked (a problem the
        # checks find is said first, and alone); else the checks come first, and the languages are built
        # side by side in two copies of this process, which has imported MkDocs once for both.
        warm = all(_workers.get(lang) is not None and _workers[lang].env == env for lang in LANGUAGES)
        builds = [_Language(lang, staging / lang, env) for lang in LANGUAGES] if warm else []
        try:
            check_sources(env.get("SITE_URL"))
        except BaseException as error:
            for language in builds:
                language.stop()
            if isinstance(error, DataError):
                return [str(error)]
            if not isinstance(error, Exception):
                raise
            return [_internal_error("the checks of the sources before the build", _fault_place(error))]
        if not builds:
            _preload()
            builds = [_Language(lang, staging / lang, env) for lang in LANGUAGES]
        outputs = [language.result() for language in builds]
        problems: list[str] = []
        for lang, (returncode, output) in zip(LANGUAGES, outputs, strict=True):
            for problem in explain(output, lang) if returncode else []:
                if problem not in problems:
                    problems.append(problem)
            if returncode and not problems:
                problems.append(_internal_error(f"the {LANGUAGE_NAMES[lang]} site", "MkDocs", output))
        if problems:
            return problems
        try:
            _write_root(staging, env.get("SITE_URL"))
        except DataError as error:
            return [str(error)]
        except Exception as error:  # noqa: BLE001
            return [_internal_error("index.html, 404.html and sitemap.xml at the site root", _fault_place(error))]
        problems = _check_finished(staging, env.get("SITE_URL"))  # every link leads somewhere, the size fits
        if problems:
            return problems
        _swap(staging, site_dir)
        record_links()  # the versions of quiz/links.yml this site can read: never to change (hooks/_link_versions.py)
        return []
    finally:
        shutil.rmtree(staging, ignore_errors=True)


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


def _build_env(site_url: str | None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    return env


def _fault_place(error: BaseException) -> str:
    """Where in the project's own files a fault happened ('hooks/forms.py, line 37'), for the programmer."""
    if isinstance(error, SyntaxError) and error.filename and Path(error.filename).is_file():
        return f"{rel(error.filename)}, line {error.lineno}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if Path(frame.filename).is_file() and Path(frame.filename).resolve().is_relative_to(ROOT)]
    template = getattr(error, "filename", None)  # a Jinja template: its file and line
    if template and getattr(error, "lineno", None):
        path = Path(template) if Path(template).is_absolute() else ROOT / "overrides" / str(template)
        if path.is_file():
            return f"{rel(path)}, line {error.lineno}"
    return f"{rel(frames[-1].filename)}, line {frames[-1].lineno}" if frames else "MkDocs"


def _internal_error(building: str, where: str, details: str | None = None) -> str:
    """Write the details of a fault in the program to build-error.log; the one line that says so."""
    text = details if details is not None else traceback.format_exc()
    with ERROR_LOG.open("a", encoding="utf-8") as log:
        log.write(f"While building {building} ({where}):\n{text}\n")
    return (f"{building}: the build program failed on it ({where}): a fault in the program, not necessarily in "
            f"your text; tell a programmer: the details are in {rel(ERROR_LOG)}")


def check_sources(site_url: str | None = None) -> None:
    """What MkDocs would report badly or not at all, checked first: mkdocs.yml, the folders, encodings."""
    site_root(site_url)
    config_path = ROOT / "mkdocs.yml"
    if not config_path.is_file():
        raise DataError("mkdocs.yml: file not found; it is the site's configuration, at the top of the project "
                        "folder (restore it: git checkout mkdocs.yml)")
    config = parse_yaml(read_text(config_path), "mkdocs.yml", loader="config")
    if not isinstance(config, dict):
        raise DataError(f"mkdocs.yml: expected the site's settings as 'key: value' lines (site_name:, nav:, "
                        f"theme:, …); found {describe(config)}")
    for lang in LANGUAGES:
        folder = CONTENT / lang
        if not folder.is_dir():
            raise DataError(f"{rel(folder)}: folder not found; it holds the {LANGUAGE_NAMES[lang]} pages")
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".md", ".yml", ".yaml", ".txt", ".svg"):
                read_text(path)
    for path in sorted([*CONTENT.glob("*.yml"), *(ROOT / "quiz").glob("*.yml"), *(CONTENT / "sources").glob("*.txt")]):
        read_text(path)
    _check_hooks(config)
    _check_assets(config)
    _check_plugins(config)
    _settings.check(config)  # the settings that would break a promise: another host, page/ addresses, the menu
    _check_data_and_pages(config)
    _check_nav(config)


def _check_data_and_pages(config: dict) -> None:
    """The hooks' own checks of the data files and of each page's source, run once, before MkDocs.

    They are the checks the hooks make again during the build; here they stop at the first problem in
    a fraction of a second, and each problem is said once for both languages.
    """
    import _glossary
    import _markdown_lint
    import anchors
    import front_matter
    import html_review
    import languages
    import markers
    import newsletter
    import redirects
    from _quiz import load_quiz

    load_strings()
    load_forms()
    load_quiz()
    newsletter.load_kit()
    redirects._load()
    markers.load_known()
    for lang in LANGUAGES:
        for path in sorted((CONTENT / lang).rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(CONTENT).parts):
                languages.check_file(path, lang)
                for folder in path.relative_to(CONTENT / lang).parent.parts:  # folders are part of addresses too
                    languages.check_folder(path, folder)
    pages = [(path, lang) for lang in LANGUAGES for path in sorted((CONTENT / lang).glob("*.md"))]
    for path, lang in pages:  # first: a paste is said as such, not as the ids it brings to one language
        try:
            front_matter.check(path, lang)
            _markdown_lint.check(path)
        except DataError:
            continue  # said below, in the order of the pages' checks
        html_review.check(path, lang, config.get("markdown_extensions") or [])
    for path, lang in pages:
        meta = front_matter.check(path, lang)
        _markdown_lint.check(path)  # Markdown that would not show as written
        anchors.check(path.name, lang)
        markers.check(path, meta)
    _glossary.check()  # the site's words: one for each thing, in every page and text file


def _check_hooks(config: dict) -> None:
    hooks = config.get("hooks", [])
    if not isinstance(hooks, list):
        raise DataError(f"mkdocs.yml{line_of(config, 'hooks')}: hooks: expected a list of files of hooks/, one per "
                        f"line ('  - hooks/forms.py'); found {describe(hooks)}")
    for index, hook in enumerate(hooks):
        if not isinstance(hook, str) or not (ROOT / hook).is_file():
            raise DataError(f"mkdocs.yml{line_of(hooks, index) or line_of(config, 'hooks')}: hooks: '{hook}' does not "
                            f"exist; expected the path of a file of hooks/, e.g. hooks/forms.py")
    for path in sorted((ROOT / "hooks").glob("[!_]*.py")):  # a hook left out would skip its checks silently
        if rel(path) not in hooks:
            raise DataError(f"mkdocs.yml{line_of(config, 'hooks')}: hooks: {rel(path)} is not listed; every hook of "
                            f"hooks/ runs in every build (add the line '  - {rel(path)}')")


def _check_assets(config: dict) -> None:
    """The style sheets, scripts and icons mkdocs.yml names exist (the theme's folder or the pages' folders)."""
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    folder = ROOT / str(theme.get("custom_dir") or "overrides")
    named = [(key, item, config.get(key)) for key in ("extra_css", "extra_javascript")
             for item in (config.get(key) if isinstance(config.get(key), list) else [])]
    named += [(key, theme.get(key), theme) for key in ("favicon", "logo") if isinstance(theme.get(key), str)]
    for key, item, parent in named:
        path = item if isinstance(item, str) else None
        if path is None or re.match(r"https?://", path):
            continue
        if not (folder / path).is_file() and not all((CONTENT / lang / path).is_file() for lang in LANGUAGES):
            at = line_of(parent, parent.index(item)) if isinstance(parent, list) else line_of(parent, key)
            raise DataError(f"mkdocs.yml{at}: {key}: '{path}' does not exist in {rel(folder)}/; expected the path of a "
                            f"file there, e.g. assets/site.css")


def _check_plugins(config: dict) -> None:
    from importlib.metadata import entry_points

    plugins = config.get("plugins", [])
    if not isinstance(plugins, (list, dict)):
        raise DataError(f"mkdocs.yml{line_of(config, 'plugins')}: plugins: expected a list of plugins, one per line "
                        f"('  - search'); found {describe(plugins)}")
    names = list(plugins) if isinstance(plugins, dict) else [
        next(iter(item)) if isinstance(item, dict) and item else item for item in plugins or []]
    installed = {entry.name for group in ("mkdocs.plugins", "properdocs.plugins")
                 for entry in entry_points(group=group)}
    for name in names:
        if isinstance(name, str) and not {name, name.split("/")[-1], f"material/{name}"} & installed:
            raise DataError(f"mkdocs.yml{line_of(config, 'plugins')}: plugins: the plugin '{name}' is not installed; "
                            f"check its spelling (this site uses search)")


def _check_nav(config: dict) -> None:
    nav = config.get("nav")
    if nav is None:
        return  # MkDocs then lists every page; the nav warning names the ones left out

    def walk(items: object, parent: object, key: object) -> None:
        if not isinstance(items, list):
            raise DataError(f"mkdocs.yml{line_of(parent, key)}: nav: expected a list of pages, one per line "
                            f"('  - about.md'); found {describe(items)}")
        for index, item in enumerate(items):
            at = f"mkdocs.yml{line_of(items, index) or line_of(parent, key)}: nav"
            if isinstance(item, dict) and len(item) == 1:
                title, value = next(iter(item.items()))
                if isinstance(value, list):
                    walk(value, item, title)
                    continue
                item = value
            if not isinstance(item, str):
                raise DataError(f"{at}: expected a page's file name, such as about.md; "
                                f"found {describe(item)}")
            if re.match(r"https?://", item):
                continue
            for lang in LANGUAGES:
                if not (CONTENT / lang / item).is_file():
                    raise DataError(f"{at}: '{item}' is not a page: {rel(CONTENT / lang / item)} does not exist; "
                                    f"expected the file name of a page of content/{lang}/, e.g. about.md")

    walk(nav, config, "nav")
    listed = set(_nav_pages(nav))
    hidden = config.get("not_in_nav") or ""
    patterns = [line.strip() for line in hidden.splitlines() if line.strip()] if isinstance(hidden, str) else []
    for path in sorted((CONTENT / LANGUAGES[0]).glob("*.md")):
        if path.name not in listed and not any(fnmatch.fnmatch("/" + path.name, p) for p in patterns):
            raise DataError(f"mkdocs.yml{line_of(config, 'nav')}: nav: the page {path.name} is not in the menu; add "
                            f"a line '  - {path.name}' to nav: where it belongs")


def _nav_pages(items: list) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) and item else item
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


class _Language:
    """One language building in the background: in a running worker (make serve), else in a copy of this
    process (fork: MkDocs is imported once for both languages), else in a new process (when this one runs
    other threads, which a copy would not have)."""

    def __init__(self, lang: str, site_dir: Path, env: dict[str, str]) -> None:
        self.lang, self.site_dir, self.env = lang, site_dir, env
        self.process: subprocess.Popen[str] | None = None
        self.thread: threading.Thread | None = None
        self.answer: tuple[int, str] | None = None
        self.child, self.pipe = 0, -1
        worker = _workers.get(lang)
        if worker is not None and worker.env == env:
            self._start_thread(lambda: worker.build(site_dir))
        elif hasattr(os, "fork") and threading.active_count() == 1:
            self._fork()
        else:
            self.process = self._start()

    def stop(self) -> None:
        """The build is not wanted (the checks found a problem): a process ends now, a worker's build runs on."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
        if self.child:
            os.kill(self.child, signal.SIGKILL)
            os.close(self.pipe)
            os.waitpid(self.child, 0)
        if self.thread is not None:
            self.thread.join()

    def result(self) -> tuple[int, str]:
        """(return code, output) as from `website.py language`."""
        if self.child:  # the other copy never waits for this one: reading one pipe after the other is safe
            with open(self.pipe, encoding="utf-8", errors="replace") as pipe:
                output = pipe.read()
            _, status = os.waitpid(self.child, 0)
            return os.waitstatus_to_exitcode(status), output
        if self.thread is not None:
            self.thread.join()
            if self.answer is not None:
                return self.answer
            _workers.pop(self.lang, None)  # the worker has stopped: new processes from now on
            self.process = self._start()
        assert self.process is not None
        output, errors = self.process.communicate()
        return self.process.returncode, output + errors

    def _start_thread(self, ask: Callable[[], tuple[int, str] | None]) -> None:
        def run() -> None:
            self.answer = ask()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def _start(self) -> subprocess.Popen[str]:
        command = [sys.executable, str(Path(__file__).resolve()), "language", self.lang, str(self.site_dir)]
        return subprocess.Popen(command, cwd=ROOT, env=dict(self.env, SITE_LANG=self.lang), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def _fork(self) -> None:
        read, write = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        child = os.fork()
        if child == 0:  # the copy: build this language, say it on the pipe, leave without the parent's cleanup
            returncode = 1
            try:
                os.close(read)
                os.dup2(write, 1)
                os.dup2(write, 2)
                sys.stdout = sys.stderr = open(write, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                os.environ.clear()
                os.environ.update(self.env, SITE_LANG=self.lang)
                returncode = build_language(self.lang, str(self.site_dir))
            except BaseException:  # noqa: BLE001 - said as a `language` process would say it
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                os._exit(returncode)
        os.close(write)
        self.child, self.pipe = child, read


def _preload() -> None:
    """What each language's build imports, imported before this process is copied for them (once)."""
    import importlib

    for name in ("mkdocs.commands.build", "mkdocs.config.defaults", "material.plugins.search.plugin",
                 "material.templates", "markdown.extensions.attr_list", "markdown.extensions.md_in_html",
                 "markdown.extensions.def_list", "markdown.extensions.admonition", "markdown.extensions.toc",
                 "markdown.extensions.fenced_code", "pygments.formatters.html", "PIL.Image", "PIL.ImageDraw",
                 "PIL.ImageFont", "PIL.PngImagePlugin", "segno", "font_lato", "babel.core", "colorama",
                 "xml.etree.ElementTree", "html.parser"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


class _Worker:
    """One language's MkDocs kept running while serving (`website.py worker <lang>`): a rebuild skips
    starting Python and importing MkDocs and Material, and finds the theme's compiled templates in memory.

    Each build is the same as `website.py language`: the hooks read the data and pages again every time.
    A change to the program itself (hooks/, tools/, overrides/, mkdocs.yml) starts new workers."""

    def __init__(self, lang: str, env: dict[str, str]) -> None:
        self.env = env
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "worker", lang], cwd=ROOT,
            env=dict(env, SITE_LANG=lang), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8")

    def build(self, site_dir: Path) -> tuple[int, str] | None:
        """(return code, output) as from `website.py language`; None if the worker has stopped."""
        try:
            self.process.stdin.write(f"{site_dir}\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        except (OSError, ValueError):
            return None
        if not answer:
            return None
        returncode, output = json.loads(answer)
        return returncode, output

    def stop(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


_workers: dict[str, _Worker] = {}


def _start_workers(env: dict[str, str]) -> None:
    _stop_workers()
    _workers.update({lang: _Worker(lang, env) for lang in LANGUAGES})


def _stop_workers() -> None:
    for running in _workers.values():
        running.stop()
    _workers.clear()


def _remember_theme() -> None:
    """In a worker, what depends only on the theme and the templates is worked out once: the list of the
    theme's files (Material's folder holds thousands of icons) and each template's compiled code. While a
    worker runs, only content/ and quiz/ change: the server starts new workers for any other change."""
    listed: dict[tuple[object, ...], list[str]] = {}
    compiled: dict[tuple[object, ...], object] = {}
    list_templates, compile_template = jinja2.Environment.list_templates, jinja2.Environment.compile

    def list_once(env: jinja2.Environment, extensions: object = None, filter_func: object = None) -> list[str]:
        loader = env.loader
        key = (type(loader), tuple(map(str, getattr(loader, "searchpath", ()))), extensions,
               getattr(filter_func, "__code__", filter_func))
        if key not in listed:
            listed[key] = list_templates(env, extensions, filter_func)
        return list(listed[key])

    def compile_once(env: jinja2.Environment, source: object, name: str | None = None, filename: str | None = None,
                     raw: bool = False, defer_init: bool = False) -> object:
        if not isinstance(source, str):
            return compile_template(env, source, name, filename, raw, defer_init)
        key = (source, name, filename, raw, defer_init, env.autoescape, env.trim_blocks, env.lstrip_blocks,
               env.keep_trailing_newline, tuple(sorted(env.extensions)), env.block_start_string,
               env.variable_start_string, env.comment_start_string, env.line_statement_prefix)
        if key not in compiled:
            compiled[key] = compile_template(env, source, name, filename, raw, defer_init)
        return compiled[key]

    jinja2.Environment.list_templates = list_once
    jinja2.Environment.compile = compile_once


def worker(lang: str) -> int:
    """`website.py worker <lang>`: for each folder read on stdin, build the language into it; answer on stdout
    one JSON line [return code, output], as `website.py language` would have exited and printed."""
    _remember_theme()
    answers = sys.stdout
    for line in sys.stdin:
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                returncode = build_language(lang, line.strip())
            except Exception as error:  # noqa: BLE001 - said as `language` says it
                print(_INTERNAL + _internal_error(f"the {LANGUAGE_NAMES[lang]} site", _fault_place(error)))
                returncode = 1
        answers.write(json.dumps([returncode, output.getvalue()]) + "\n")
        answers.flush()
    return 0


class _Formatter(logging.Formatter):
    """MkDocs' own log format (LEVEL  -  message), which explain() reads."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


class _CurrentPage(logging.Handler):
    """Remembers the page MkDocs says it was reading or building when something went wrong."""

    page: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        match = _ERROR_PAGE.match(record.getMessage())
        if match:
            self.page = match.group(1)


def build_language(lang: str, site_dir: str) -> int:
    """One language with MkDocs, in this process: `mkdocs build --strict`, with faults caught."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    stream = logging.StreamHandler(sys.stdout)
    stream.setFormatter(_Formatter())
    # MkDocs says "Error reading page 'x': <what Python said>" before a fault: the page is all we keep of it.
    stream.addFilter(lambda record: not _ERROR_PAGE.match(record.getMessage()))
    current = _CurrentPage()
    logger.addHandler(stream)
    logger.addHandler(current)
    try:
        mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=site_dir))
        return 0
    except (Abort, ConfigurationError, BuildError) as error:  # MkDocs has logged the problem
        print("Aborted with " + str(error))
        return 1
    except Exception as error:  # noqa: BLE001 - a fault in the program
        # The page being built when there is one; else the site (the same line from both languages, said once).
        building = f"content/{lang}/{current.page}" if current.page else "the site"
        print(_INTERNAL + _internal_error(building, _fault_place(error)))
        return 1
    finally:  # a worker builds again in this process: the next build has its own handlers
        logger.removeHandler(stream)
        logger.removeHandler(current)


def explain(output: str, lang: str) -> list[str]:
    """MkDocs' warnings and errors as short messages naming the file; INFO lines and tracebacks dropped."""
    problems: list[str] = []
    in_traceback = False
    for raw in output.splitlines():
        line = raw.strip()
        if raw.startswith(_INTERNAL):
            problems.append(raw[len(_INTERNAL):])
            continue
        if raw.startswith("Traceback "):
            in_traceback = True
            continue
        if in_traceback:
            if raw and not raw.startswith(" "):
                in_traceback = False
                problems.append(_internal_error(f"the {LANGUAGE_NAMES[lang]} site", "MkDocs", output))
            continue
        if _ERROR_PAGE.match(_LEVEL.sub("", line)):
            continue  # MkDocs' preface to a problem it says next, or to a fault (said by build_language)
        if not line or raw.startswith("INFO") or _DROP.match(_LEVEL.sub("", line)):
            continue
        if raw.startswith("  - ") and problems and problems[-1].startswith("mkdocs.yml: nav:"):
            problems[-1] += f" {line[2:]}"
            continue
        message = _LEVEL.sub("", line)
        message = message.removeprefix("Error: ")
        if re.match(r"[A-Z][A-Za-z]*(?:Error|Exception): ", message):
            continue  # Python's account of the problem MkDocs has just said: not for an editor
        if problems and re.match(r"mkdocs\.yml(:\d+)?: not valid YAML", problems[-1]) and not _LEVEL.match(line):
            mark = _YAML_MARK.fullmatch(message)  # the lines after PyYAML's message: more of it, or where
            if not mark:
                problems[-1] += f"; {message}"
            elif problems[-1].startswith("mkdocs.yml: "):  # the first place named is the line to look at
                problems[-1] = problems[-1].replace("mkdocs.yml:", f"mkdocs.yml:{mark.group(1)}:", 1)
            continue
        missing = _EXPLAIN[0][0].fullmatch(message)  # a link to nothing: a known mistake is said with its cause
        hint = link_hint(lang, missing.group(1), missing.group(2)) if missing else None
        for pattern, template in [] if hint else _EXPLAIN:
            match = pattern.fullmatch(message)
            if match:
                message = template.format(*match.groups(), lang=lang)
                break
        message = hint or message
        message = re.sub(r"<class '(\w+)'>", lambda m: _TYPES.get(m.group(1), "another kind of value"), message)
        if message and not _DROP.match(message) and message not in problems:
            problems.append(message)
    return problems


def _write_root(staging: Path, site_url: str | None) -> None:
    """The files of the site root: language chooser (x-default), bilingual 404 page, sitemap of both."""
    from _csp import with_policy
    from not_found import base_element
    from previews import LOCALES

    root = site_root(site_url)
    strings = load_strings()
    pages = sorted(
        path.relative_to(CONTENT / LANGUAGES[0]).with_suffix(".html").as_posix()
        for path in (CONTENT / LANGUAGES[0]).rglob("*.md")
    )
    name = " · ".join(strings["site_name"][lang] for lang in LANGUAGES)
    image = f"{LANGUAGES[0]}/assets/previews/index.png"  # the home page's, when previews are drawn
    previews = markupsafe.Markup(templates().get_template("previews.html").render(
        site_name=name, title=name, description=strings["site_description"][LANGUAGES[0]], url=root,
        locale=LOCALES[LANGUAGES[0]], alternates=[LOCALES[lang] for lang in LANGUAGES[1:]],
        image={"url": root + image, "width": 1200, "height": 630, "alt": name} if (staging / image).is_file() else None,
    ))
    base_path = urlsplit(root).path
    context = {"root": root, "base_path": base_path, "languages": LANGUAGES, "strings": strings,
               "pages": pages, "previews": previews, "base": markupsafe.Markup(base_element(base_path, ""))}
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt"):
        text = _TEMPLATES.get_template(name).render(context)
        (staging / name).write_text(with_policy(text) if name.endswith(".html") else text, encoding="utf-8")


def _check_finished(staging: Path, site_url: str | None) -> list[str]:
    """The finished site's links and resources (hooks/_site_links.py), the addresses it has published
    (permalinks.txt, hooks/_permalinks.py) and its total size (tools/budget.yml)."""
    import _permalinks
    from _site_links import check, total_size

    try:
        # A published address lost is said first, and alone: the links that led to it say the same again.
        return _permalinks.check(staging) or check(staging, site_root(site_url)) + total_size(staging)
    except Exception as error:  # noqa: BLE001
        return [_internal_error("the check of the links and the size of the finished site", _fault_place(error))]


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by the finished build in two renames, so a reader never sees half a site."""
    old = site_dir.with_name(f".site-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ under the path of SITE_URL, like a static host: language 404 pages, UTF-8 text."""

    prefix = "/"
    cache_control = "no-store"  # make serve: an edit shows at the next reload
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
        ".json": "application/json",
    }

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / ".no-such-file")
        return super().translate_path("/" + clean[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        inside = self.path[len(self.prefix):] if self.path.startswith(self.prefix) else ""
        lang = inside.split("/", 1)[0]
        page = Path(self.directory) / (f"{lang}/404.html" if lang in LANGUAGES else "404.html")
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the parent's signature
        pass


class LiveReload:
    """The number of the last successful build; waiting requests learn when it changes."""

    def __init__(self) -> None:
        self.build = time.time_ns() // 1_000_000 % 1_000_000_000  # a new server (started again) has a new number
        self._changed = threading.Condition()

    def rebuilt(self) -> None:
        with self._changed:
            self.build += 1
            self._changed.notify_all()

    def wait(self, seen: int, seconds: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.build != seen, timeout=seconds)
            return self.build


_RELOAD_PATH = "/__reload__"
# Asks the server, one long request at a time, whether a newer build exists; reloads the page when it does.
# A file of its own, not an inline script: the pages' Content-Security-Policy (hooks/_csp.py) runs only theirs.
_RELOAD_SCRIPT = (
    '(function(){var build=document.currentScript.dataset.build;function ask(){fetch("' + _RELOAD_PATH
    + '?build="+build,{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(t!==build)'
    '{location.reload()}else{ask()}}).catch(function(){setTimeout(ask,2000)})}ask()})();'
).encode()


class ServeHandler(SiteHandler):
    """SiteHandler for `make serve`: each HTML page gets the reload script as it is sent (never in site/)."""

    reload: LiveReload = LiveReload()

    def do_GET(self) -> None:  # noqa: N802 - the parent's name
        if self.path.split("?", 1)[0] == _RELOAD_PATH + ".js":
            self._send(200, "text/javascript; charset=utf-8", _RELOAD_SCRIPT)
            return
        if self.path.split("?", 1)[0] == _RELOAD_PATH:
            seen = parse_qs(urlsplit(self.path).query).get("build", ["0"])[0]
            body = str(self.reload.wait(int(seen) if seen.isdigit() else 0, 25)).encode()
            self._send(200, "text/plain; charset=utf-8", body)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            self._send(200, "text/html; charset=utf-8", self._with_script(path.read_bytes()))
            return
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        inside = self.path[len(self.prefix):] if self.path.startswith(self.prefix) else ""
        lang = inside.split("/", 1)[0]
        page = Path(self.directory) / (f"{lang}/404.html" if lang in LANGUAGES else "404.html")
        self._send(404, "text/html; charset=utf-8", self._with_script(page.read_bytes() if page.is_file()
                                                                         else b"Not found"))

    def _with_script(self, body: bytes) -> bytes:
        script = f'<script src="{_RELOAD_PATH}.js" data-build="{self.reload.build}"></script>'.encode()
        end = body.rfind(b"</body>")
        return body[:end] + script + body[end:] if end >= 0 else body + script

    def _send(self, code: int, content_type: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    """A browser that closes a page while it loads is no problem; any other fault is one line, details logged."""

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        print(_internal_error("a request to make serve", "tools/website.py"), file=sys.stderr)


def make_server(site_dir: Path, site_url: str, host: str = "127.0.0.1", port: int = 8000,
                reload: LiveReload | None = None, cache_control: str = "no-store") -> http.server.HTTPServer:
    """An HTTP server for a built site, at the path of site_url; call serve_forever() on it.

    With `reload`, pages reload themselves in the browser after each rebuild (for `make serve`).
    `cache_control`: what the files' Cache-Control header says (the tests' servers: "no-cache")."""
    base, extra = (ServeHandler, {"reload": reload}) if reload else (SiteHandler, {})
    handler = type("Handler", (base,), {"prefix": urlsplit(site_url).path or "/", "cache_control": cache_control,
                                        **extra})
    server = _Server((host, port), functools.partial(handler, directory=str(site_dir)))
    server.daemon_threads = True
    return server


def _snapshot() -> dict[str, float]:
    files: dict[str, float] = {}
    for name in WATCHED:
        path = ROOT / name
        for item in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            if item.is_file() and "__pycache__" not in item.parts:
                files[str(item)] = item.stat().st_mtime
    return files


def _report(problems: list[str], seconds: float, site_url: str, preview: bool = True) -> bool:
    """Say how a build ended, in one line when it succeeded; True when that line said the address is the local
    preview's (`preview`: say it; make serve says it at its first build only)."""
    if problems:
        print(f"\nThe build stopped ({len(problems)} problem{'s' if len(problems) > 1 else ''}); "
              "site/ was left as it was:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        for line in annotations(problems, "The build stopped"):  # in GitHub Actions: each problem on its line
            print(line)
        return False
    local = preview and urlsplit(site_url).hostname in ("127.0.0.1", "localhost")
    notice = (f" This is the local preview's address: links, QR codes and the paper version point at {site_url}; "
              f"to publish, build with the site's address, e.g. SITE_URL=https://example.org/partenariat/ make build"
              if local else "")
    engine = f" with {ENGINES[use_engine()]}" if use_engine() != "mkdocs" else ""
    print(f"Built both languages (French, English){engine} for {site_url} into site/ in {seconds:.1f} s.{notice}")
    return local


def _port(value: str | None, site_url: str) -> int:
    """The port to serve on: PORT (make serve PORT=8001), else SITE_URL's when it is local, else 8000."""
    if value is None or not value.strip():
        parts = urlsplit(site_url)
        return parts.port or DEFAULT_PORT if parts.hostname in ("127.0.0.1", "localhost") else DEFAULT_PORT
    if not value.strip().isdigit() or not 1024 <= int(value) <= 65535:
        raise DataError(f"PORT: expected a number from 1024 to 65535, e.g. make serve PORT=8001; found '{value}'")
    return int(value)


def _open_server(site_url: str, port: int, reload: LiveReload) -> http.server.HTTPServer:
    try:
        return make_server(SITE, site_url, "127.0.0.1", port, reload)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise DataError(f"port {port} is already in use (another make serve?); choose another one: "
                            f"make serve PORT={port + 1}") from None
        raise DataError(f"port {port} cannot be used here ({error.strerror or 'refused'}); choose another one: "
                        f"make serve PORT=8001") from None


def serve(port_value: str | None) -> int:
    """`make serve`: bind the port first (a busy port is said at once), build, serve, rebuild on change."""
    site_url = site_root()
    local = urlsplit(site_url).hostname in ("127.0.0.1", "localhost")
    port = _port(port_value, site_url)
    if local and not os.environ.get("SITE_URL", "").strip() or port_value and local:
        site_url = f"http://127.0.0.1:{port}{urlsplit(site_url).path}"
        os.environ["SITE_URL"] = site_url
    reload = LiveReload()
    server = _open_server(site_url, port, reload)
    env = _build_env(None)
    _start_workers(env)
    seen = _snapshot()  # before the first build: a file saved while it runs is built next
    start = time.monotonic()
    told = _report(build(), time.monotonic() - start, site_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{port}{urlsplit(site_url).path}"
    print(f"Serving on {address} (French: {address}fr/, English: {address}en/). "
          f"Rebuilds when {', '.join(n for n in WATCHED if (ROOT / n).exists())} change, and the browser reloads "
          f"the page. Ctrl+C stops.")
    try:
        while True:
            time.sleep(_POLL)
            now = _snapshot()
            if now == seen:
                continue
            changed = {path for path in now.keys() | seen.keys() if now.get(path) != seen.get(path)}
            seen = now
            if any(path.endswith(".py") for path in changed):  # the program itself: start it again
                print("The build program changed (a .py file): starting again.")
                server.server_close()
                _stop_workers()
                os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), "serve",
                                          *(["--port", port_value] if port_value else [])])
            if any(not _content_only(path) for path in changed):  # templates, settings: new workers
                _clear_caches()
                _start_workers(env)
            start = time.monotonic()
            problems = build()
            told = _report(problems, time.monotonic() - start, site_url, preview=not told) or told
            if not problems:
                reload.rebuilt()
    except KeyboardInterrupt:
        server.shutdown()
        _stop_workers()
    return 0


def check() -> int:
    """`make test`, before the tests: the site built once into a temporary folder (site/ is not touched), its
    problems said as `make build` says them, then one line on what to do; 1 when there are any."""
    try:
        site_root()
    except DataError as error:
        problems = [str(error)]
    else:
        with tempfile.TemporaryDirectory(prefix="site-check-") as folder:
            problems = build(Path(folder) / "site")
    if not problems:
        print("make test: the content builds in both languages; now the tests.")
        return 0
    _report(problems, 0, "")
    if ERROR_LOG.is_file():  # a fault in the program: the editor's fix is to tell a programmer
        print(f"\nmake test: the build program failed (above), not necessarily because of your text; send "
              f"{rel(ERROR_LOG)} to a programmer. The tests were not run.", file=sys.stderr)
    else:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        print(f"\nmake test: the content has {count} (above); fix {'them' if len(problems) > 1 else 'it'} and "
              f"run make test again. "
              f"The tests were not run.", file=sys.stderr)
    return 1


def _content_only(path: str) -> bool:
    """A change the running workers take as it is: pages and data (content/) and the quiz's files (quiz/)."""
    return any(Path(path).is_relative_to(ROOT / name) for name in ("content", "quiz"))


def _clear_caches() -> None:
    """What the checks before each build keep in memory (the strings the templates use): read again."""
    import _data

    for function in vars(_data).values():
        if callable(getattr(function, "cache_clear", None)):
            function.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "check", "serve", "language", "worker"))
    parser.add_argument("--port", default=os.environ.get("PORT"))
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    if args.command in ("language", "worker"):  # started by build(), which has checked SITE_ENGINE
        use_engine()
    if args.command == "language":  # one language, for build(): python tools/website.py language fr <folder>
        return build_language(*args.args)
    if args.command == "worker":  # one language, built again on each request of `make serve`
        return worker(*args.args)
    if args.command == "serve":
        try:
            return serve(args.port)
        except DataError as error:  # before the first build: the port or the address; one line says it
            print(f"make serve: {error}", file=sys.stderr)
            for line in annotations([f"make serve: {error}"], "make serve"):
                print(line)
            return 1
    if args.command == "check":
        return check()
    try:
        site_url = site_root()
    except DataError as error:
        _report([str(error)], 0, "")
        return 1
    start = time.monotonic()
    problems = build()
    _report(problems, time.monotonic() - start, site_url)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
