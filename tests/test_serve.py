"""`make serve`: both languages on one address, rebuilt when a page changes, the browser reloaded;
a busy port said in one line. No test waits for a duration: each waits for a message of the
server (read line by line) or for what the page shows."""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from conftest import BUILD_CACHE, Project, copy_env, free_port

TIMEOUT = 120  # seconds; a bound on a loaded machine, never a wait


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


class Server:
    """`python tools/website.py serve` in a copy of the project, its output read line by line."""

    def __init__(self, copy: Project, *arguments: str, site_url: str | None = None) -> None:
        env = {**copy_env(copy.root), "NO_MKDOCS_2_WARNING": "1", "PREVIEW_IMAGES": "0", "BUILD_CACHE": BUILD_CACHE}
        if site_url:
            env["SITE_URL"] = site_url
        self.process = subprocess.Popen(
            [sys.executable, "tools/website.py", "serve", *arguments], cwd=copy.root, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")  # the end of the output

    def wait_for(self, text: str) -> str:
        """The next line of output that contains `text` (fails if the server ends first)."""
        while True:
            try:
                line = self.lines.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"the server did not say {text!r}: {self.seen}") from None
            self.seen.append(line)
            if text in line:
                return line
            assert line or self.process.poll() is None, f"the server ended before saying {text!r}: {self.seen}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@contextmanager
def serving(copy: Project, *arguments: str, site_url: str | None = None) -> Iterator[Server]:
    server = Server(copy, *arguments, site_url=site_url)
    try:
        yield server
    finally:
        server.stop()


def test_serve_builds_both_languages_and_rebuilds_on_change(project: Callable[[], Project]) -> None:
    copy = project()
    url = f"http://127.0.0.1:{free_port()}/"
    with serving(copy, site_url=url) as server:
        server.wait_for(f"Serving on {url}")
        assert _get(f"{url}fr/index.html")[0] == 200
        assert "Partnership culture" in _get(f"{url}en/index.html")[1]
        status, body = _get(f"{url}en/no-such-page.html")
        assert status == 404 and "Page not found" in body

        copy.edit("content/en/about.md", "Site built with", "Website built with")
        server.wait_for("Built both languages")
        assert "Website built with" in _get(f"{url}en/about.html")[1]

        copy.edit("content/en/about.md", "(sources/on-partnerships.en.txt)", "(sources/nowhere.txt)")
        server.wait_for("content/en/about.md: the link 'sources/nowhere.txt' points to a page or file that does not "
                        "exist")
        assert "Website built with" in _get(f"{url}en/about.html")[1]  # the previous pages stay served


def test_rebuilds_take_data_templates_and_program_changes_as_a_fresh_build_would(
    project: Callable[[], Project],
) -> None:
    """The languages stay loaded between rebuilds (tools/website.py's workers): nothing they keep may hide a change."""
    copy = project()
    url = f"http://127.0.0.1:{free_port()}/"
    with serving(copy, site_url=url) as server:
        server.wait_for(f"Serving on {url}")

        copy.edit("content/strings.yml", "en: About this site", "en: All about this site")  # a data file
        server.wait_for("Built both languages")
        assert "All about this site" in _get(f"{url}en/about.html")[1]

        copy.edit("overrides/partials/footer.html", '<footer class="md-footer">',  # a theme template
                  '<footer class="md-footer" data-edited="template">')
        server.wait_for("Built both languages")
        assert 'data-edited="template"' in _get(f"{url}fr/index.html")[1]

        copy.edit("hooks/footer.py", '"about": typeset(strings["footer_about"], lang),',  # the program
                  '"about": typeset(strings["footer_about"], lang) + "!",')
        server.wait_for("starting again")
        server.wait_for("Built both languages")
        assert "All about this site!" in _get(f"{url}en/about.html")[1]


def test_serve_on_the_port_given(project: Callable[[], Project]) -> None:
    port = free_port()
    with serving(project(), "--port", str(port)) as server:
        server.wait_for(f"Serving on http://127.0.0.1:{port}/")
        status, body = _get(f"http://127.0.0.1:{port}/en/index.html")
        assert status == 200
        assert f'<link rel="canonical" href="http://127.0.0.1:{port}/en/index.html">' in body


def test_a_busy_port_is_one_line_suggesting_another(project: Callable[[], Project]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        copy = project()
        result = subprocess.run([sys.executable, "tools/website.py", "serve", "--port", str(port)],
                                cwd=copy.root, env=copy_env(copy.root), capture_output=True, text=True,
                                timeout=TIMEOUT)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (f"make serve: port {port} is already in use (another make serve?); choose another one: "
                             f"make serve PORT={port + 1}\n")


def test_a_port_that_is_not_a_number_is_one_line(project: Callable[[], Project]) -> None:
    copy = project()
    result = subprocess.run([sys.executable, "tools/website.py", "serve", "--port", "huit-mille"],
                            cwd=copy.root, env=copy_env(copy.root), capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert result.returncode == 1
    assert result.stderr == ("make serve: PORT: expected a number from 1024 to 65535, e.g. make serve PORT=8001; "
                             "found 'huit-mille'\n")


def test_the_browser_reloads_after_a_rebuild_and_the_published_pages_carry_no_reload(
    project: Callable[[], Project], browser: object
) -> None:
    from playwright.sync_api import expect

    copy = project()
    url = f"http://127.0.0.1:{free_port()}/"
    with serving(copy, site_url=url) as server:
        server.wait_for(f"Serving on {url}")
        page = browser.new_page()  # type: ignore[attr-defined]
        try:
            page.goto(f"{url}en/about.html")
            expect(page.get_by_role("heading", level=1)).to_have_text("About")
            copy.edit("content/en/about.md", "# About", "# About this site, live")
            # no navigation by the test: the page reloads itself after the rebuild
            expect(page.get_by_role("heading", level=1)).to_have_text("About this site, live", timeout=TIMEOUT * 1000)
        finally:
            page.close()
    published = [path for path in copy.file("site").rglob("*") if path.suffix in (".html", ".js")]
    assert published
    assert not [path for path in published if "__reload__" in path.read_text(encoding="utf-8")]
