"""The HTTP server of a built site (make_server), as a static host serves it: under the path of SITE_URL, each
language's 404 page, UTF-8 text; for `make serve`, pages get a small script that reloads them after each
successful rebuild (LiveReload), as they are sent: the files in site/ never carry it."""

from __future__ import annotations

import errno
import functools
import http.server
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from partnership.data import LANGUAGES, DataError
from sitebuild.messages import internal_error

DEFAULT_PORT = 8000


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

    def not_found_page(self) -> Path:
        """The 404 page a host would send for this address: its language's, else the bilingual root one."""
        inside = self.path[len(self.prefix):] if self.path.startswith(self.prefix) else ""
        lang = inside.split("/", 1)[0]
        return Path(self.directory) / (f"{lang}/404.html" if lang in LANGUAGES else "404.html")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        page = self.not_found_page()
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
# A file of its own, not an inline script: the pages' Content-Security-Policy (partnership/csp.py) runs only theirs.
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
        page = self.not_found_page()
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
        print(internal_error("a request to make serve", "tools/website.py"), file=sys.stderr)


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



def port_of(value: str | None, site_url: str) -> int:
    """The port to serve on: PORT (make serve PORT=8001), else SITE_URL's when it is local, else 8000."""
    if value is None or not value.strip():
        parts = urlsplit(site_url)
        return parts.port or DEFAULT_PORT if parts.hostname in ("127.0.0.1", "localhost") else DEFAULT_PORT
    if not value.strip().isdigit() or not 1024 <= int(value) <= 65535:
        raise DataError(f"PORT: expected a number from 1024 to 65535, e.g. make serve PORT=8001; found '{value}'")
    return int(value)


def open_server(site_dir: Path, site_url: str, port: int, reload: LiveReload) -> http.server.HTTPServer:
    try:
        return make_server(site_dir, site_url, "127.0.0.1", port, reload)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise DataError(f"port {port} is already in use (another make serve?); choose another one: "
                            f"make serve PORT={port + 1}") from None
        raise DataError(f"port {port} cannot be used here ({error.strerror or 'refused'}); choose another one: "
                        f"make serve PORT=8001") from None

