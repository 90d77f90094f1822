"""Settings of mkdocs.yml that would break a promise are refused (partnership/settings.py), in one line naming the
line; a build without SITE_URL says once, in its one line, that its links point at the local preview."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from conftest import BUILD_CACHE, ROOT, Project, copy_env, free_port
from test_editor_errors import FORBIDDEN, build_with_previous_site
from test_serve import serving

from partnership import settings as _settings  # noqa: E402
from partnership.data import DataError, parse_yaml, read_text  # noqa: E402

# The smallest configuration the check accepts; each case adds to it, and marks the line to name with "# <-".
BASE = "use_directory_urls: false\ntheme:\n  name: material\n  font: false\n"
NOTICE = "This is the local preview's address: links, QR codes and the paper version point at"

REFUSED = {
    "repository link": ("repo_url: https://github.com/example/site  # <-", "repo_url: found"),
    "repository name": ("repo_name: example/site  # <-", "repo_name: found"),
    "edit link": ("edit_uri: edit/main/content/  # <-", "edit_uri: found"),
    "edit link template": ("edit_uri_template: 'edit/main/{path}'  # <-", "edit_uri_template: found"),
    "font line deleted": ("use_directory_urls: false\ntheme:  # <-\n  name: material", "theme: font: found no font"),
    "theme given by its name": ("use_directory_urls: false\ntheme: material  # <-", "theme: font: found no font"),
    "a font named": (BASE.replace("font: false", "font:  # <-\n    text: Inter"), "theme: font: found a mapping"),
    "font false in quotes": (BASE.replace("font: false", "font: 'false'  # <-"), "theme: font: found 'false'"),
    "analytics": ("extra:\n  analytics:  # <-\n    provider: google\n    property: G-0000", "extra: analytics:"),
    "consent banner": ("extra:\n  consent:  # <-\n    title: Cookies", "extra: consent:"),
    "logo leading to another site": ("extra:\n  homepage: https://example.org/  # <-", "extra: homepage:"),
    "style sheet from a CDN": ("extra_css:\n  - assets/site.css\n  - https://cdn.example.org/x.css  # <-",
                               "extra_css: found 'https://cdn.example.org/x.css', a file on another site"),
    "style sheet without its scheme": ("extra_css:\n  - //cdn.example.org/x.css  # <-", "extra_css: found '//cdn"),
    "script from a CDN, with options": ("extra_javascript:\n  - path: https://cdn.example.org/x.js  # <-\n"
                                        "    defer: true", "extra_javascript: found 'https://cdn"),
    "icon from another site": (BASE + "  favicon: https://example.org/icon.png  # <-", "theme: favicon: found"),
    "logo from another site": (BASE + "  logo: http://example.org/logo.svg  # <-", "theme: logo: found"),
    "polyfill from a CDN": ("extra:\n  polyfills:\n    - https://polyfill.example.org/p.js  # <-", "extra: polyfills:"),
    "pages as folders": (BASE.replace("use_directory_urls: false", "use_directory_urls: true  # <-"),
                         "use_directory_urls: found true"),
    "the site's address written in mkdocs.yml": ("site_url: https://example.org/  # <-", "site_url: found"),
    "a plugin of Material": ("plugins:\n  - search\n  - social  # <-", "plugins: found 'social'; expected search only"),
    "a plugin with its settings": ("plugins:\n  - search\n  - blog:  # <-\n      enabled: true",
                                   "plugins: found 'blog'"),
    "plugins as a mapping": ("plugins:\n  search: {}\n  privacy: {}  # <-", "plugins: found 'privacy'"),
    "emoji as pictures from a CDN": ("markdown_extensions:\n  - toc\n  - pymdownx.emoji  # <-",
                                     "markdown_extensions: pymdownx.emoji: found no emoji_generator"),
    "Mermaid diagrams": ("markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
                         "        - name: mermaid  # <-\n          class: mermaid\n          format: !!python/name:x.y",
                         "found a mermaid diagram fence"),
    "menu title": ("nav:\n  - index.md\n  - À propos: about.md  # <-", "nav: found the title 'À propos' for about.md"),
    "menu section": ("nav:\n  - index.md\n  - Textes:  # <-\n    - editorial.md", "nav: found the section 'Textes'"),
    "menu entry on another site": ("nav:\n  - index.md\n  - https://example.org/  # <-", "an address on another site"),
    "menu title for another site": ("nav:\n  - Blog: https://example.org/  # <-", "an address on another site"),
    "menu entry twice": ("nav:\n  - index.md\n  - about.md\n  - index.md  # <-",
                         "nav: found index.md a second time (first on line"),
}

ACCEPTED = {
    "local files": BASE + "  favicon: assets/favicon.svg\nextra_css:\n  - assets/site.css\nextra_javascript:\n"
                          "  - path: assets/site.js\n    defer: true",
    "search with its settings": BASE + "plugins:\n  - search:\n      lang: fr",
    "emoji written into the page": BASE + "markdown_extensions:\n  - pymdownx.emoji:\n"
                                          "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                                          "      emoji_generator: !!python/name:material.extensions.emoji.to_svg",
    "links to the association's networks (not shown: the site's footer)": BASE + "extra:\n  social:\n"
                                                                                 "    - link: https://example.org/",
    "a menu of file names": BASE + "nav:\n  - index.md\n  - about.md",
    "a setting of the wrong kind, which MkDocs refuses in its words": BASE.replace("use_directory_urls: false",
                                                                                   "use_directory_urls: [false]"),
}


def _refusal(text: str) -> str:
    config = parse_yaml(text if "theme:" in text else BASE + text, "mkdocs.yml", loader="config")
    with pytest.raises(DataError) as raised:
        _settings.check(config)
    return str(raised.value)


@pytest.mark.parametrize("case", REFUSED)
def test_a_setting_that_breaks_a_promise_is_one_line_naming_its_line(case: str) -> None:
    text, contains = REFUSED[case]
    full = text if "theme:" in text else BASE + text
    line = next(number for number, content in enumerate(full.splitlines(), 1) if "# <-" in content)
    message = _refusal(text)
    assert message.startswith(f"mkdocs.yml:{line}: "), message
    assert contains in message and "; expected " in message, message
    assert "\n" not in message and FORBIDDEN.search(message) is None, message


def test_the_pages_as_folders_by_default_are_refused() -> None:
    message = _refusal("theme:\n  name: material\n  font: false\n")
    assert message.startswith("mkdocs.yml: use_directory_urls: found no use_directory_urls line"), message


@pytest.mark.parametrize("case", ACCEPTED)
def test_a_setting_that_keeps_the_promises_is_accepted(case: str) -> None:
    _settings.check(parse_yaml(ACCEPTED[case], "mkdocs.yml", loader="config"))


def test_the_site_s_own_configuration_is_accepted() -> None:
    _settings.check(parse_yaml(read_text(ROOT / "mkdocs.yml"), "mkdocs.yml", loader="config"))


# --- the same, as an editor meets them: make build in a copy of the project, site/ left as it was

def _append(key: str, text: str) -> Callable[[str], str]:
    """Adds `text` (indented lines) under the top-level `key:` of mkdocs.yml, creating the key if needed."""
    def change(settings: str) -> str:
        if re.search(rf"^{key}:\n", settings, flags=re.M):
            return re.sub(rf"^{key}:\n", f"{key}:\n{text}\n", settings, count=1, flags=re.M)
        return f"{settings.rstrip()}\n{key}:\n{text}\n"
    return change


EDITS = {
    "repository link": (lambda t: f"{t.rstrip()}\nrepo_url: https://github.com/example/site\n", "repo_url:",
                        "repo_url: https://github.com/example/site"),
    "analytics": (_append("extra", "  analytics:\n    provider: google\n    property: G-0000"), "extra: analytics:",
                  "  analytics:"),
    "font line deleted": (lambda t: re.sub(r"^  font: false.*\n", "", t, flags=re.M), "theme: font: found no font",
                          "theme:"),
    "style sheet from a CDN": (_append("extra_css", "  - https://cdn.example.org/x.css"), "extra_css: found",
                               "  - https://cdn.example.org/x.css"),
    "pages as folders": (lambda t: re.sub(r"^use_directory_urls:.*$", "use_directory_urls: true", t, flags=re.M),
                         "use_directory_urls: found true", "use_directory_urls: true"),
    "menu title": (lambda t: re.sub(r"^nav:\n  - (\S+)\n", r"nav:\n  - Accueil: \1\n", t, flags=re.M),
                   "nav: found the title 'Accueil'", "  - Accueil: "),
    "menu entry twice": (lambda t: re.sub(r"^(nav:\n(?:  - .*\n)+)", lambda m: m.group(1) + m.group(1).split("\n")[1]
                                          + "\n", t, count=1, flags=re.M), "a second time", None),
    "a plugin of Material": (_append("plugins", "  - social"), "plugins: found 'social'", "  - social"),
}


@pytest.mark.parametrize("case", EDITS)
def test_make_build_refuses_the_setting_and_leaves_the_site(project: Callable[[], Project], case: str) -> None:
    change, contains, marked = EDITS[case]
    copy = project()
    settings = copy.file("mkdocs.yml")
    before = settings.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, "the edit changed nothing in mkdocs.yml"
    settings.write_text(after, encoding="utf-8")
    lines = after.splitlines()
    line = (next(n for n, text in enumerate(lines, 1) if text.startswith(marked)) if marked
            else max(n for n, text in enumerate(lines, 1) if lines.count(text) > 1 and text.startswith("  - ")))
    problems = build_with_previous_site(copy)
    assert len(problems) == 1 and problems[0].startswith(f"mkdocs.yml:{line}: "), problems
    assert contains in problems[0], problems[0]


# --- SITE_URL: the local preview said once

def _build(copy: Project, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**copy_env(copy.root), "NO_MKDOCS_2_WARNING": "1", "PREVIEW_IMAGES": "0", "BUILD_CACHE": BUILD_CACHE}
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run([sys.executable, "tools/website.py", "build"], cwd=copy.root, env=env, capture_output=True,
                          text=True, timeout=180)


def test_a_build_without_site_url_says_once_in_its_one_line_that_it_is_the_local_preview(
    project: Callable[[], Project],
) -> None:
    result = _build(project())
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(result.stdout.splitlines()) == 1, result.stdout  # one line, that says it all
    line = result.stdout.splitlines()[0]
    assert line.startswith("Built both languages (French, English) for http://127.0.0.1:8000/ into site/ in "), line
    assert line.count(NOTICE) == 1 and line.endswith(
        f"{NOTICE} http://127.0.0.1:8000/; to publish, build with the site's address, e.g. "
        f"SITE_URL=https://example.org/partenariat/ make build"), line


def test_a_build_for_the_published_address_says_nothing_of_the_preview(project: Callable[[], Project]) -> None:
    result = _build(project(), "https://example.org/partenariat/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert NOTICE not in result.stdout + result.stderr
    assert result.stdout.startswith("Built both languages (French, English) for https://example.org/partenariat/")


def test_make_serve_says_it_at_its_first_build_only(project: Callable[[], Project]) -> None:
    copy = project()
    page = copy.file(f"content/en/{copy.nav()[0]}")
    with serving(copy, "--port", str(free_port())) as server:
        assert NOTICE in server.wait_for("Built both languages")
        server.wait_for("Serving on")
        for rebuild in (1, 2):  # the page saved again, unchanged: a rebuild
            stamp = page.stat().st_mtime_ns + rebuild * 1_000_000_000
            os.utime(page, ns=(stamp, stamp))
            assert NOTICE not in server.wait_for("Built both languages")
    assert sum(NOTICE in line for line in server.seen) == 1, server.seen
