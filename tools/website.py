"""Build and serve the bilingual site: `make build` and `make serve` call this.

    python tools/website.py build   # both languages into site/; on any problem site/ stays as it was
    python tools/website.py serve   # build, serve on SITE_URL (default http://127.0.0.1:8000/), rebuild on change

mkdocs.yml is built once per language (SITE_LANG=fr, SITE_LANG=en), side by side in a fresh
folder; the site root gets the language chooser, a bilingual 404 page and a sitemap of both
languages; then the folder replaces site/. MkDocs' messages are rewritten for editors: the file,
the problem, no traceback.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import markupsafe

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from _data import (  # noqa: E402
    CONTENT,
    DEFAULT_SITE_URL,
    LANGUAGE_NAMES,
    LANGUAGES,
    DataError,
    load_strings,
    site_root,
    templates,
)
from previews import LOCALES  # noqa: E402

SITE = ROOT / "site"
WATCHED = ("content", "hooks", "quiz", "overrides", "tools", "mkdocs.yml")
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
_DROP = re.compile(r"^(Aborted with .*|Error reading page '.*':|Documentation built in .*|Cleaning site directory|"
                   r"Building documentation to directory: .*)$")
_YAML_MARK = re.compile(r'in ".*?", line (\d+), column \d+')
_LEVEL = re.compile(r"^(?:INFO|WARNING|ERROR|DEBUG)\s+-\s+")


def build(site_dir: Path = SITE, site_url: str | None = None) -> list[str]:
    """Build both languages into site_dir; returns the problems found (none: the site was replaced)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        with ThreadPoolExecutor(len(LANGUAGES)) as pool:
            outputs = list(pool.map(functools.partial(_build_language, staging=staging, env=env), LANGUAGES))
        problems: list[str] = []
        for lang, (returncode, output) in zip(LANGUAGES, outputs, strict=True):
            for problem in explain(output, lang) if returncode else []:
                if problem not in problems:
                    problems.append(problem)
            if returncode and not problems:
                problems.append(f"the {LANGUAGE_NAMES[lang]} build failed without saying why (exit code {returncode})")
        if problems:
            return problems
        try:
            _write_root(staging, env.get("SITE_URL"))
        except DataError as error:
            return [str(error)]
        _swap(staging, site_dir)
        return []
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build_language(lang: str, staging: Path, env: dict[str, str]) -> tuple[int, str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
               "--site-dir", str(staging / lang)]
    done = subprocess.run(command, cwd=ROOT, env=dict(env, SITE_LANG=lang), capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def explain(output: str, lang: str) -> list[str]:
    """MkDocs' warnings and errors as short messages naming the file; INFO lines and tracebacks dropped."""
    problems: list[str] = []
    in_traceback = False
    for raw in output.splitlines():
        line = raw.strip()
        if raw.startswith("Traceback "):
            in_traceback = True
            continue
        if in_traceback:
            if raw and not raw.startswith(" "):
                in_traceback = False
                problems.append(f"unexpected error while building the {LANGUAGE_NAMES[lang]} site: {line}")
            continue
        if not line or raw.startswith("INFO") or _DROP.match(_LEVEL.sub("", line)):
            continue
        if raw.startswith("  - ") and problems and problems[-1].startswith("mkdocs.yml: nav:"):
            problems[-1] += f" {line[2:]}"
            continue
        message = _LEVEL.sub("", line)
        message = message.removeprefix("Error: ")
        if problems and re.match(r"mkdocs\.yml(:\d+)?: not valid YAML", problems[-1]) and not _LEVEL.match(line):
            mark = _YAML_MARK.fullmatch(message)  # the lines after PyYAML's message: more of it, or where
            if not mark:
                problems[-1] += f"; {message}"
            elif problems[-1].startswith("mkdocs.yml: "):  # the first place named is the line to look at
                problems[-1] = problems[-1].replace("mkdocs.yml:", f"mkdocs.yml:{mark.group(1)}:", 1)
            continue
        for pattern, template in _EXPLAIN:
            match = pattern.fullmatch(message)
            if match:
                message = template.format(*match.groups(), lang=lang)
                break
        if message and not _DROP.match(message):
            problems.append(message)
    return problems


def _write_root(staging: Path, site_url: str | None) -> None:
    """The files of the site root: language chooser (x-default), bilingual 404 page, sitemap of both."""
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
    context = {"root": root, "base_path": urlsplit(root).path, "languages": LANGUAGES, "strings": strings,
               "pages": pages, "previews": previews}
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt"):
        (staging / name).write_text(_TEMPLATES.get_template(name).render(context), encoding="utf-8")


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
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the parent's signature
        pass


def make_server(site_dir: Path, site_url: str, host: str = "127.0.0.1", port: int = 8000) -> http.server.HTTPServer:
    """An HTTP server for a built site, at the path of site_url; call serve_forever() on it."""
    handler = type("Handler", (SiteHandler,), {"prefix": urlsplit(site_url).path or "/"})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site_dir)))
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


def _report(problems: list[str], seconds: float, site_url: str) -> None:
    if problems:
        print(f"\nThe build stopped ({len(problems)} problem{'s' if len(problems) > 1 else ''}); "
              "site/ was left as it was:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
    else:
        print(f"Built both languages (French, English) for {site_url} into site/ in {seconds:.1f} s.")
        if site_url == DEFAULT_SITE_URL:
            print("This is the local preview address: to publish, build with SITE_URL set to the site's address, "
                  "e.g. SITE_URL=https://example.org/partenariat/ make build")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "serve"))
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    try:
        site_url = site_root()
    except DataError as error:
        _report([str(error)], 0, "")
        return 1
    start = time.monotonic()
    problems = build()
    _report(problems, time.monotonic() - start, site_url)
    if args.command == "build":
        return 1 if problems else 0
    parts = urlsplit(site_url)
    server = make_server(SITE, site_url, parts.hostname or "127.0.0.1", parts.port or 8000)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving on {site_url} (French: {site_url}fr/, English: {site_url}en/). "
          f"Rebuilds when {', '.join(n for n in WATCHED if (ROOT / n).exists())} change. Ctrl+C stops.")
    seen = _snapshot()
    try:
        while True:
            time.sleep(0.5)
            now = _snapshot()
            if now != seen:
                seen = now
                start = time.monotonic()
                _report(build(), time.monotonic() - start, site_url)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
