"""`make serve`: both languages on one address, rebuilt when a page changes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable

from conftest import Project, free_port


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_serve_builds_both_languages_and_rebuilds_on_change(project: Callable[[], Project]) -> None:
    copy = project()
    url = f"http://127.0.0.1:{free_port()}/"
    server = subprocess.Popen(
        [sys.executable, "tools/website.py", "serve"], cwd=copy.root,
        env={"PATH": "/usr/bin:/bin", "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(server.stdout), daemon=True).start()
    try:
        assert _wait_for(lambda: _get(f"{url}fr/index.html")[0] == 200)
        assert "Partnership culture" in _get(f"{url}en/index.html")[1]
        status, body = _get(f"{url}en/no-such-page.html")
        assert status == 404 and "Page not found" in body

        copy.edit("content/en/about.md", "Site built with", "Website built with")
        assert _wait_for(lambda: "Website built with" in _get(f"{url}en/about.html")[1])

        copy.edit("content/en/about.md", "(sources/on-partnerships.en.txt)", "(sources/nowhere.txt)")
        message = "content/en/about.md: the link 'sources/nowhere.txt' points to a page or file that does not exist"
        assert _wait_for(lambda: any(message in line for line in output))
        assert "Website built with" in _get(f"{url}en/about.html")[1]  # the previous pages stay served
    finally:
        server.terminate()
        server.wait(timeout=10)
