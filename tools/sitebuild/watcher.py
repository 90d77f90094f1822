"""`make serve`: bind the port, build, serve, and build again when a watched file changes; the browser reloads.

A change to content/ or quiz/ is built by the running workers (sitebuild/runner.py); a change to the templates
or settings (overrides/, mkdocs.yml) gets new workers; a change to the program (a .py file) starts the whole
program again."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from partnership.data import ROOT, site_root
from sitebuild import runner
from sitebuild.messages import report
from sitebuild.server import LiveReload, open_server, port_of

WATCHED = ("content", "hooks", "partnership", "quiz", "overrides", "tools", "mkdocs.yml")
POLL = 0.05  # seconds between two looks at the watched files while serving (a look takes about 2 ms)


def serve(port_value: str | None) -> int:
    """`make serve`: bind the port first (a busy port is said at once), build, serve, rebuild on change."""
    site_url = site_root()
    local = urlsplit(site_url).hostname in ("127.0.0.1", "localhost")
    port = port_of(port_value, site_url)
    if local and not os.environ.get("SITE_URL", "").strip() or port_value and local:
        site_url = f"http://127.0.0.1:{port}{urlsplit(site_url).path}"
        os.environ["SITE_URL"] = site_url
    reload = LiveReload()
    server = open_server(runner.SITE, site_url, port, reload)
    env = runner.build_env()
    languages = runner.Languages(env)
    seen = snapshot()  # before the first build: a file saved while it runs is built next
    start = time.monotonic()
    told = report(runner.build(languages=languages), time.monotonic() - start, site_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{port}{urlsplit(site_url).path}"
    print(f"Serving on {address} (French: {address}fr/, English: {address}en/). "
          f"Rebuilds when {', '.join(n for n in WATCHED if (ROOT / n).exists())} change, and the browser reloads "
          f"the page. Ctrl+C stops.")
    try:
        while True:
            time.sleep(POLL)
            now = snapshot()
            if now == seen:
                continue
            changed = {path for path in now.keys() | seen.keys() if now.get(path) != seen.get(path)}
            seen = now
            if any(path.endswith(".py") for path in changed):  # the program itself: start it again
                print("The build program changed (a .py file): starting again.")
                server.server_close()
                languages.stop()
                os.execv(sys.executable, [sys.executable, str(ROOT / "tools" / "website.py"), "serve",
                                          *(["--port", port_value] if port_value else [])])
            if any(not content_only(path) for path in changed):  # templates, settings: new workers
                clear_caches()
                languages.stop()
                languages = runner.Languages(env)
            start = time.monotonic()
            problems = runner.build(languages=languages)
            told = report(problems, time.monotonic() - start, site_url, preview=not told) or told
            if not problems:
                reload.rebuilt()
    except KeyboardInterrupt:
        server.shutdown()
        languages.stop()
    return 0


def snapshot() -> dict[str, float]:
    """The modification time of every watched file."""
    files: dict[str, float] = {}
    for name in WATCHED:
        path = ROOT / name
        for item in [path] if path.is_file() else path.rglob("*") if path.is_dir() else []:
            if item.is_file() and "__pycache__" not in item.parts:
                files[str(item)] = item.stat().st_mtime
    return files


def content_only(path: str) -> bool:
    """A change the running workers take as it is: pages and data (content/) and the quiz's files (quiz/)."""
    return any(Path(path).is_relative_to(ROOT / name) for name in ("content", "quiz"))


def clear_caches() -> None:
    """What the checks before each build keep in memory (the strings the templates use): read again."""
    from partnership import data

    for function in vars(data).values():
        if callable(getattr(function, "cache_clear", None)):
            function.cache_clear()
