"""The build of both languages: `build()` checks the sources while each language builds in its own worker
process (`python tools/website.py worker <lang>`, MkDocs loaded once per process), side by side in a fresh
folder; the site root gets the language chooser, a bilingual 404 page and a sitemap of both; the finished site's
links, addresses and size are checked; then the folder replaces site/ in two renames.

One way to run a language's build, measured (issue 22): a worker per language, started by each `make build`
and kept running by `make serve` (sitebuild/watcher.py) between rebuilds, where it skips starting Python and
importing MkDocs and keeps the theme's file list and compiled templates in memory (_remember_theme).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markupsafe

from partnership.data import (
    CONTENT,
    LANGUAGE_NAMES,
    LANGUAGES,
    ROOT,
    DataError,
    load_strings,
    site_root,
    templates,
)
from partnership.link_versions import record as record_links
from sitebuild.checks import check_sources
from sitebuild.engine import use_engine
from sitebuild.messages import ERROR_LOG, ERROR_PAGE, INTERNAL, explain, fault_place, internal_error

SITE = ROOT / "site"
_TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent.parent / "templates"),
    autoescape=jinja2.select_autoescape(("html", "xml")),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)



def build(site_dir: Path = SITE, site_url: str | None = None, languages: Languages | None = None) -> list[str]:
    """Build both languages into site_dir; returns the problems found (none: the site was replaced).

    `languages`: the running workers to build with (make serve); else two are started for this build only."""
    env = build_env(site_url)
    ERROR_LOG.unlink(missing_ok=True)
    try:
        use_engine(env.get("SITE_ENGINE"))
        site_root(env.get("SITE_URL"))
    except DataError as error:
        return [str(error)]
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    own = languages is None or languages.env != env
    workers = Languages(env) if own else languages
    try:
        # The languages build while the sources are checked: a problem the checks find is said first, and alone.
        builds = workers.start(staging)
        try:
            check_sources(env.get("SITE_URL"))
        except BaseException as error:
            if own:
                workers.stop(now=True)
            for build in builds:  # a kept worker's build runs on: its answer is read before the next build
                build.result()
            if isinstance(error, DataError):
                return [str(error)]
            if not isinstance(error, Exception):
                raise
            return [internal_error("the checks of the sources before the build", fault_place(error))]
        outputs = [build.result() for build in builds]
        problems: list[str] = []
        for lang, (returncode, output) in zip(LANGUAGES, outputs, strict=True):
            for problem in explain(output, lang) if returncode else []:
                if problem not in problems:
                    problems.append(problem)
            if returncode and not problems:
                problems.append(internal_error(f"the {LANGUAGE_NAMES[lang]} site", "MkDocs", output))
        if problems:
            return problems
        try:
            _write_root(staging, env.get("SITE_URL"))
        except DataError as error:
            return [str(error)]
        except Exception as error:  # noqa: BLE001
            return [internal_error("index.html, 404.html and sitemap.xml at the site root", fault_place(error))]
        problems = _check_finished(staging, env.get("SITE_URL"))  # every link leads somewhere, the size fits
        if problems:
            return problems
        _swap(staging, site_dir)
        record_links()  # the versions of quiz/links.yml this site can read: never to change (link_versions.py)
        return []
    finally:
        if own:
            workers.stop()
        shutil.rmtree(staging, ignore_errors=True)


def build_env(site_url: str | None = None) -> dict[str, str]:
    """The environment of a build (SITE_URL, when given, instead of this process's)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    return env


class Worker:
    """One language's MkDocs in a process of its own (`website.py worker <lang>`), building on each request.

    Each build is a whole `mkdocs build --strict`: the hooks read the data and pages again every time. A worker
    kept between builds (make serve) holds what depends only on the theme and templates: a change to the program
    itself (hooks/, tools/, overrides/, mkdocs.yml) needs new workers (sitebuild/watcher.py starts them)."""

    def __init__(self, lang: str, env: dict[str, str]) -> None:
        self.lang = lang
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 - what the process says on stderr, if it dies
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tools" / "website.py"), "worker", lang], cwd=ROOT,
            env=dict(env, SITE_LANG=lang), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
            text=True, encoding="utf-8")

    def build(self, site_dir: Path) -> tuple[int, str]:
        """(return code, output): 0 when the language was built into site_dir, else MkDocs' messages."""
        try:
            self.process.stdin.write(f"{site_dir}\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        except (OSError, ValueError):
            answer = ""
        if answer:
            returncode, output = json.loads(answer)
            return returncode, output
        self.process.wait()  # it has stopped: what it said, as a fault in the program
        self.errors.seek(0)
        said = self.errors.read().decode("utf-8", "replace")
        return 1, said or f"The build of the {LANGUAGE_NAMES[self.lang]} site stopped (exit code " \
                          f"{self.process.returncode}) before it answered."

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, now: bool = False, building: threading.Thread | None = None) -> None:
        """End the process: at once (`now`), else once its build is done; `building`: the thread waiting for it."""
        if now:
            self.process.kill()
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if building is not None:
            building.join()
        self.process.stdout.close()
        self.errors.close()


class _Build:
    """One language building in its worker, from a thread of this process, while the sources are checked."""

    def __init__(self, worker: Worker, site_dir: Path) -> None:
        self.answer: tuple[int, str] = (1, "")
        self.thread = threading.Thread(target=self._run, args=(worker, site_dir), daemon=True)
        self.thread.start()

    def _run(self, worker: Worker, site_dir: Path) -> None:
        self.answer = worker.build(site_dir)

    def result(self) -> tuple[int, str]:
        self.thread.join()
        return self.answer


class Languages:
    """A worker per language, all with the same environment; one that has stopped is started again."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.workers = {lang: Worker(lang, env) for lang in LANGUAGES}
        self.builds: dict[str, _Build] = {}

    def start(self, staging: Path) -> list[_Build]:
        """Each language building into its folder of staging."""
        for lang, worker in self.workers.items():
            if not worker.alive():
                self._stop(lang)
                self.workers[lang] = Worker(lang, self.env)
        self.builds = {lang: _Build(self.workers[lang], staging / lang) for lang in LANGUAGES}
        return list(self.builds.values())

    def stop(self, now: bool = False) -> None:
        """End the workers: at once (`now`: their builds are not wanted), else once their builds are done."""
        for lang in self.workers:
            self._stop(lang, now)

    def _stop(self, lang: str, now: bool = False) -> None:
        build = self.builds.pop(lang, None)
        self.workers[lang].stop(now, build.thread if build else None)


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
    one JSON line [return code, output]."""
    _remember_theme()
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")  # the answers' own channel: nothing else writes to it
    os.dup2(2, 1)  # what a library or a program it runs writes to stdout goes where a dead worker's words go
    for line in sys.stdin:
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                returncode = build_language(lang, line.strip())
            except (Exception, SystemExit) as error:  # noqa: BLE001 - a fault in the program
                print(INTERNAL + internal_error(f"the {LANGUAGE_NAMES[lang]} site", fault_place(error)))
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
        match = ERROR_PAGE.match(record.getMessage())
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
    stream.addFilter(lambda record: not ERROR_PAGE.match(record.getMessage()))
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
        print(INTERNAL + internal_error(building, fault_place(error)))
        return 1
    finally:  # a worker builds again in this process: the next build has its own handlers
        logger.removeHandler(stream)
        logger.removeHandler(current)



def _write_root(staging: Path, site_url: str | None) -> None:
    """The files of the site root: language chooser (x-default), bilingual 404 page, sitemap of both."""
    from partnership.csp import with_policy
    from partnership.not_found import base_element
    from partnership.previews import LOCALES

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
    """The finished site's links and resources (partnership/site_links.py), the addresses it has published
    (permalinks.txt, partnership/permalinks.py) and its total size (tools/budget.yml)."""
    from partnership import permalinks as _permalinks
    from partnership.site_links import check, total_size

    try:
        # A published address lost is said first, and alone: the links that led to it say the same again.
        return _permalinks.check(staging) or check(staging, site_root(site_url)) + total_size(staging)
    except Exception as error:  # noqa: BLE001
        return [internal_error("the check of the links and the size of the finished site", fault_place(error))]


def _swap(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by the finished build in two renames, so a reader never sees half a site."""
    old = site_dir.with_name(f".site-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)

