"""Valid HTML: the Nu HTML checker (vnu.jar from npm's vnu-jar, Debian's Java) finds nothing on any page.

Errors and warnings both count, "info" warnings included (a section without a heading). Markup of
Material's that the checker refuses is corrected from the project (hooks/material_markup.py), never
by leaving a message out.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, Site

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def check(path: Path) -> list[dict[str, object]]:
    """The Nu checker's messages for every HTML file under path (or for one file)."""
    assert shutil.which("java"), "Java is missing: `make test` installs Debian's default-jre-headless"
    assert VNU.is_file(), "vnu.jar is missing: `make test` installs it with npm ci"
    done = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(path)],
                          capture_output=True, text=True, timeout=600)
    return json.loads(done.stderr)["messages"]


@pytest.fixture(scope="module")
def messages(site: Site) -> list[dict[str, object]]:
    return check(site.path)


def _where(message: dict[str, object], root: Path) -> str:
    page = str(message.get("url", "")).removeprefix(root.as_uri() + "/").removeprefix(f"file:{root}/")
    return f"{page}:{message.get('lastLine', '?')}: {message.get('subType', message['type'])}: {message['message']}"


# The checker reads the pages as files: a file: address has no origin, so to it the site's own files (relative
# addresses) are never 'self' of the pages' Content-Security-Policy (partnership/csp.py). In a browser they are:
# tests/test_csp_browser.py opens every page, from disk too. Any other address it names still counts.
_OWN_FILE_REFUSED = re.compile(r"Resource violates Content Security Policy \(meta tag\): [a-z ]+ “(?![a-z]+:|//)[^”]*” "
                               r"blocked by “[a-z-]+” directive\.")


def test_no_page_has_an_html_error_or_warning(site: Site, messages: list[dict[str, object]]) -> None:
    found = [_where(message, site.path) for message in messages
             if not _OWN_FILE_REFUSED.fullmatch(str(message["message"]))]
    assert not found, f"{len(found)} messages:\n" + "\n".join(found)


def test_the_checker_reports_what_it_should(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="fr"><title>x</title><input type="checkbox" autocomplete="off">'
                    '<section><p>no heading</p></section><label for="nowhere">x</label>', encoding="utf-8")
    found = {str(message["message"]).split(".")[0] for message in check(page)}
    assert any("autocomplete" in text for text in found), found
    assert any("Section lacks heading" in text for text in found), found
    assert any("“for” attribute" in text for text in found), found
