"""`make bench`: how long a build takes, and what a reader's browser downloads on a first visit.

    python tools/bench.py [--runs 5]

Builds both languages several times into a scratch folder (median and spread), with the link
preview images and without them (PREVIEW_IMAGES=0), then opens each home page, the quiz and the
About page in Debian's Chromium with an empty cache and adds up every response, gzip-compressed
as a static host would send it. A measurement, never a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import website  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_times(site_dir: Path, url: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.monotonic()
        problems = website.build(site_dir, site_url=url)
        times.append(time.monotonic() - start)
        if problems:
            raise SystemExit("the build failed:\n" + "\n".join(problems))
    return times


def first_load(url: str) -> list[tuple[str, int, int]]:
    """(address, bytes, gzip bytes) of every response while the page loads and settles."""
    from playwright.sync_api import sync_playwright

    responses = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.on("response", lambda response: responses.append(response))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(500)
        sizes = []
        for response in responses:
            body = response.body() if response.status < 300 else b""
            sizes.append((response.url.removeprefix(url.rsplit("/", 2)[0] + "/"), len(body),
                          len(gzip.compress(body, compresslevel=6))))
        browser.close()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    url = f"http://127.0.0.1:{_free_port()}/"
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = Path(scratch) / "site"
        for images in ("0", "1"):
            os.environ["PREVIEW_IMAGES"] = images
            times = build_times(site_dir, url, args.runs)
            print(f"Build of both languages, {'with' if images == '1' else 'without'} preview images, "
                  f"{args.runs} runs: median {statistics.median(times):.2f} s "
                  f"(min {min(times):.2f} s, max {max(times):.2f} s)")
        server = website.make_server(site_dir, url, "127.0.0.1", int(url.rsplit(":", 1)[1].strip("/")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        for address in ("fr/index.html", "en/index.html", "fr/quiz.html", "fr/about.html"):
            sizes = first_load(f"{url}{address}")
            print(f"\nFirst load of {url}{address}: {len(sizes)} responses, "
                  f"{sum(s[1] for s in sizes) / 1024:.1f} KiB, {sum(s[2] for s in sizes) / 1024:.1f} KiB gzipped")
            for name, raw, packed in sorted(sizes, key=lambda s: -s[2]):
                print(f"  {packed / 1024:7.1f} KiB gz  {raw / 1024:7.1f} KiB  {name}")
        server.shutdown()


if __name__ == "__main__":
    main()
