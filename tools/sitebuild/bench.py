"""`make bench`: how fast the site builds and how light it is for a reader, against tools/budget.yml.

    python tools/bench.py [--runs 5] [--no-lighthouse]    # tools/sitebuild/bench.py

Prints one table: the first build of both languages with an empty build cache (hooks/cache.py;
for information), the cold build (a new Python process building into an empty folder, as
`make build` does, the build cache filled:
median and spread of --runs builds into a scratch folder), the rebuild after saving one page
while `tools/website.py serve` runs (in a scratch copy of the project: until the new text is in
its site/), the page count and size of site/, what a first visit downloads (HTML, CSS, JS, other;
gzip-compressed as a real host sends it) for the home, forms, quiz and a result page in each
language, the quiz's own JS and CSS, and Lighthouse's four scores (npm's lighthouse, mobile
settings, Debian's Chromium) on the home, forms and quiz pages. Every figure is shown with its
budget and ratio (figure / budget).
A measurement, never a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from partnership.data import ROOT

BUDGET = ROOT / "tools" / "budget.yml"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PROJECT_PARTS = ("mkdocs.yml", "pyproject.toml", "content", "partnership", "hooks", "overrides", "tools", "quiz",
                 "permalinks.txt")
LANGUAGES = ("fr", "en")
PHONE = {"width": 390, "height": 844}  # the first visits are measured on a phone
FIRST_LOAD = {"home": "index.html", "forms": "partnership-culture.html", "quiz": "quiz.html",
              "result": "result-cooperation.html"}
SCORED = ("home", "forms", "quiz")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
KINDS = {"document": "html", "stylesheet": "css", "script": "js"}
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- builds -------------------------------------------------------------------------------------------------

def cold_builds(runs: int, url: str, site_dir: Path) -> list[float]:
    """Seconds for `make build` into site_dir: a new Python process each time, as an editor's build is."""
    program = ("import sys; from pathlib import Path; from sitebuild import runner; "
               "problems = runner.build(Path(sys.argv[1]), site_url=sys.argv[2]); print(*problems, sep='\\n'); "
               "sys.exit(1 if problems else 0)")
    times = []
    for _ in range(runs):
        shutil.rmtree(site_dir, ignore_errors=True)
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-c", program, str(site_dir), url], cwd=ROOT, capture_output=True,
                              text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        times.append(time.monotonic() - start)
        if done.returncode:
            raise SystemExit("the build failed:\n" + done.stdout + done.stderr)
    return times


def first_build(site_dir: Path, cache: Path) -> float:
    """A build that finds nothing in the build cache (hooks/cache.py): compiles every template, draws every image."""
    os.environ["BUILD_CACHE"] = str(cache)
    try:
        return cold_builds(1, "http://127.0.0.1:8000/", site_dir)[0]
    finally:
        del os.environ["BUILD_CACHE"]


def _wait_for(path: Path, text: str, timeout: float = 120) -> float:
    """Seconds until path exists and contains text (a measurement helper: polls every 20 ms)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if text in path.read_text(encoding="utf-8"):
                return time.monotonic()
        except (FileNotFoundError, UnicodeDecodeError):
            pass
        time.sleep(0.02)
    raise SystemExit(f"{path} did not show '{text}' within {timeout:.0f} s")


def copy_parts(root: Path) -> Path:
    """A copy of the project's sources and program (PROJECT_PARTS) in `root` (created), as an editor has it."""
    root.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)
    return root


def rebuilds_while_serving(scratch: Path, runs: int = 3) -> list[float]:
    """Save content/fr/about.md in a scratch copy served by tools/website.py; seconds until site/ has it."""
    copy = copy_parts(scratch / "project")
    port = _free_port()
    # the copy runs its own packages (partnership/, tools/sitebuild/), found before those make installed from here
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}/", PORT=str(port), NO_MKDOCS_2_WARNING="1",
               PYTHONPATH=os.pathsep.join((str(copy), str(copy / "tools"))))
    server = subprocess.Popen([sys.executable, str(copy / "tools" / "website.py"), "serve"], cwd=copy, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page, built = copy / "content" / "fr" / "about.md", copy / "site" / "fr" / "about.html"
    times = []
    try:
        _wait_for(built, "</html>")
        original = page.read_text(encoding="utf-8")
        for run in range(runs):
            marker = f"bench-{os.getpid()}-{run}"
            time.sleep(1.1)  # let the server note the files as they are before the page is saved
            start = time.monotonic()
            page.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            times.append(_wait_for(built, marker) - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


# --- serving as a host does -----------------------------------------------------------------------------------

class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: gzip for text, long caching for Material's content-hashed assets, short for the rest."""

    def do_GET(self) -> None:  # noqa: N802 - the parent's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        gzipped = path.suffix in _COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = _gzip(body)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        hashed = path.name.count(".") >= 3 and ".min." in path.name  # bundle.9f95557d.min.js
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if hashed else "public, max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the parent's signature
        pass


@functools.cache
def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=9, mtime=0)


@contextmanager
def hosting(site_dir: Path) -> Iterator[str]:
    port = _free_port()
    handler = functools.partial(CompressingHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


# --- what a reader downloads ----------------------------------------------------------------------------------

def first_loads(url: str) -> dict[str, dict[str, float]]:
    """KB transferred (compressed body) by kind, for each page of FIRST_LOAD in each language, empty cache."""
    from playwright.sync_api import sync_playwright

    loads: dict[str, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE)
        for lang in LANGUAGES:
            for address in FIRST_LOAD.values():
                downloads = first_visit(page, f"{url}{lang}/{address}")
                sizes = dict.fromkeys(("html", "css", "js", "other"), 0.0)
                for kind, body, _ in downloads:
                    sizes[KINDS.get(kind, "other")] += body / 1024
                sizes["total"] = sum(sizes.values())
                sizes["requests"] = len(downloads)
                loads[f"{lang}/{address}"] = sizes
        browser.close()
    return loads


def first_visit(page: Any, url: str) -> list[tuple[str, int, str]]:
    """What a first visit to url downloads: (Playwright's resource type, compressed body in bytes, address)
    for each file. `page` is a phone's (PHONE); its browser's cache is set aside for the visit (Chrome
    DevTools Protocol, as DevTools' "Disable cache"), so every file comes from the host, as on a first visit."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    requests: list[Any] = []

    def finished(request: Any) -> None:
        requests.append(request)

    page.on("requestfinished", finished)
    try:
        page.goto(url, wait_until="networkidle")
    finally:
        page.remove_listener("requestfinished", finished)
        session.detach()
    downloads = []
    for request in requests:
        body = request.sizes()["responseBodySize"]
        if body < 0:  # Chromium's own favicon request reports none: the header says it
            response = request.response()
            body = int(response.headers.get("content-length", 0)) if response else 0
        downloads.append((request.resource_type, body, request.url))
    return downloads


def lighthouse(url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "report.json"  # a file: Node may cut a long report written to a pipe
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
            env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300,
        )
        if done.returncode:
            raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
        report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not measure {url}: {report['runtimeError']['message']}")
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


# --- the table ------------------------------------------------------------------------------------------------

class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, label: str, value: float, budget: float, unit: str, higher_is_better: bool = False,
            digits: int = 1) -> None:
        ratio = value / budget if budget else float("inf")
        within = value >= budget if higher_is_better else value <= budget
        self.rows.append((label, f"{value:.{digits}f} {unit}".strip(), f"{budget:g} {unit}".strip(),
                          f"{ratio:.2f}", "ok" if within else "OVER" if not higher_is_better else "UNDER"))

    def note(self, label: str, value: float, unit: str, digits: int = 1) -> None:
        """A figure shown for information, with no budget."""
        self.rows.append((label, f"{value:.{digits}f} {unit}".strip(), "-", "-", ""))

    def print(self) -> None:
        header = ("measure", "figure", "budget", "ratio", "")
        widths = [max(len(row[i]) for row in [header, *self.rows]) for i in range(5)]
        for row in [header, tuple("-" * w for w in widths), *self.rows]:
            cells = zip(row, widths, strict=True)
            print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(cells)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs (a few minutes)")
    args = parser.parse_args()
    budget = yaml.safe_load(BUDGET.read_text(encoding="utf-8"))
    table = Table()
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = Path(scratch) / "site"
        print("Building both languages with an empty build cache (.cache/)...", file=sys.stderr)
        first = first_build(site_dir, Path(scratch) / "empty-cache")
        table.note("first build, both languages, empty build cache (.cache/: once per machine)", first, "s",
                   digits=2)
        print(f"Building both languages {args.runs} times...", file=sys.stderr)
        times = cold_builds(args.runs, "http://127.0.0.1:8000/", site_dir)
        table.add(f"cold build, both languages (median of {args.runs})", statistics.median(times),
                  budget["build"]["cold_median_s"], "s", digits=2)
        table.add("cold build, spread (slowest - fastest)", max(times) - min(times),
                  budget["build"]["cold_spread_s"], "s", digits=2)
        print("Saving a page while serving...", file=sys.stderr)
        rebuilds = rebuilds_while_serving(Path(scratch))
        table.add(f"rebuild after saving one page while serving (median of {len(rebuilds)})",
                  statistics.median(rebuilds), budget["build"]["rebuild_one_page_s"], "s", digits=2)
        files = [p for p in site_dir.rglob("*") if p.is_file()]
        table.add("pages (HTML files in site/)", len([p for p in files if p.suffix == ".html"]),
                  budget["site"]["pages"], "", digits=0)
        table.add("site size", sum(p.stat().st_size for p in files) / 1e6, budget["site"]["size_mb"], "MB")
        print("Loading pages as a first-time reader...", file=sys.stderr)
        with hosting(site_dir) as url:
            loads = first_loads(url)
            for address, sizes in loads.items():
                kind = "quiz" if address.endswith("quiz.html") else "page"
                for part in ("html", "css", "js", "other", "total"):
                    label = f"first load {address} {part}" + (f" ({sizes['requests']:.0f} requests)"
                                                              if part == "total" else "")
                    table.add(label, sizes[part], budget["first_load_kb"][kind][part], "KB")
            for lang in LANGUAGES:
                own = sum(len(_gzip((site_dir / lang / "quiz" / name).read_bytes()))
                          for name in ("quiz.js", "quiz.css"))
                table.add(f"quiz's own JS+CSS, {lang}/quiz/ (gzip)", own / 1024, budget["quiz_own_kb"], "KB")
            if args.no_lighthouse:
                print("Lighthouse skipped (--no-lighthouse).", file=sys.stderr)
            elif not LIGHTHOUSE.exists():
                print("Lighthouse is not installed (npm ci); its scores are left out.", file=sys.stderr)
            else:
                for lang in LANGUAGES:
                    for name in SCORED:
                        print(f"Lighthouse on {lang}/{FIRST_LOAD[name]}...", file=sys.stderr)
                        for category, score in lighthouse(f"{url}{lang}/{FIRST_LOAD[name]}").items():
                            table.add(f"Lighthouse {category}, {lang}/{FIRST_LOAD[name]}", score,
                                      budget["lighthouse"][category], "", higher_is_better=True, digits=0)
    table.print()


if __name__ == "__main__":
    main()
