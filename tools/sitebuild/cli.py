"""The command line: `python tools/website.py build|serve|check` (tools/website.py runs main())."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from partnership.data import DataError, rel, site_root
from sitebuild import runner
from sitebuild.annotations import annotations
from sitebuild.engine import use_engine
from sitebuild.messages import ERROR_LOG, report
from sitebuild.watcher import serve


def check() -> int:
    """`make test`, before the tests: the site built once into a temporary folder (site/ is not touched), its
    problems said as `make build` says them, then one line on what to do; 1 when there are any."""
    try:
        site_root()
    except DataError as error:
        problems = [str(error)]
    else:
        with tempfile.TemporaryDirectory(prefix="site-check-") as folder:
            problems = runner.build(Path(folder) / "site")
    if not problems:
        print("make test: the content builds in both languages; now the tests.")
        return 0
    report(problems, 0, "")
    if ERROR_LOG.is_file():  # a fault in the program: the editor's fix is to tell a programmer
        print(f"\nmake test: the build program failed (above), not necessarily because of your text; send "
              f"{rel(ERROR_LOG)} to a programmer. The tests were not run.", file=sys.stderr)
    else:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        print(f"\nmake test: the content has {count} (above); fix {'them' if len(problems) > 1 else 'it'} and "
              f"run make test again. "
              f"The tests were not run.", file=sys.stderr)
    return 1



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and serve the bilingual site: `make build` and "
                                                 "`make serve` call this.")
    parser.add_argument("command", choices=("build", "check", "serve", "worker"))
    parser.add_argument("--port", default=os.environ.get("PORT"))
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    if args.command == "worker":  # one language, built on each request of runner.build(), which checked SITE_ENGINE
        use_engine()
        return runner.worker(*args.args)
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
        report([str(error)], 0, "")
        return 1
    start = time.monotonic()
    problems = runner.build()
    report(problems, time.monotonic() - start, site_url)
    return 1 if problems else 0
