"""The settings of mkdocs.yml that would break a promise of the site, refused before MkDocs runs.

The site promises that a reader's browser calls this site only (no fonts, scripts, pictures,
analytics or repository facts from another host), that it sets no cookie, and that its pages
work at any address and opened from disk (page.html, never page/). One line of mkdocs.yml is
enough for Material or MkDocs to break these promises, silently: each such line is refused here,
with the promise it breaks. The menu lists each page once, by its file name only: there is one
menu for both languages, and each page shows its own title (front matter title:) in each.

Left alone, because they load nothing and show nothing: extra.social, extra.generator and
copyright (overrides/partials/footer.html replaces Material's footer, which shows them) and
theme.icon (Material writes its icons into the page).
"""

from __future__ import annotations

import re
from typing import Any

from partnership.data import DEFAULT_SITE_URL, DataError, describe, line_of

PLACEHOLDER_SITE_URL = f"{DEFAULT_SITE_URL}fr/"  # mkdocs.yml's site_url, which hooks/languages.py replaces
_PLUGINS = ("search", "material/search")
_PROMISE = "the site promises that a reader's browser calls this site only"
# An address on another host: a scheme and //, or // alone (the page's own scheme).
_REMOTE = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_EXAMPLES = {"extra_css": "assets/site.css", "extra_javascript": "assets/site.js", "favicon": "assets/favicon.svg",
             "logo": "assets/favicon.svg", "polyfills": "assets/site.js"}


def check(config: dict) -> None:
    """Raise DataError for the first setting of mkdocs.yml (read with line numbers) that breaks a promise."""
    _check_repository(config)
    _check_addresses(config)
    _check_theme(config)
    _check_extra(config)
    _check_files(config)
    _check_plugins(config)
    _check_extensions(config)
    _check_menu(config)


def _at(container: Any, key: str | int | None = None) -> str:
    return f"mkdocs.yml{line_of(container, key)}"


def _mapping(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _remote(value: Any) -> bool:
    return isinstance(value, str) and _REMOTE.match(value) is not None


def _refuse(container: dict, key: str, label: str, expected: str, why: str) -> None:
    """A line that must not be there: 'found …; expected …: why'."""
    if key in container:
        raise DataError(f"{_at(container, key)}: {label}: found {describe(container[key])}; expected {expected}: {why}")


def _check_repository(config: dict) -> None:
    _refuse(config, "repo_url", "repo_url", "no repo_url line (delete it)",
            f"Material would fetch the repository's stars and forks from its host in every reader's browser, and "
            f"{_PROMISE}")
    _refuse(config, "repo_name", "repo_name", "no repo_name line (delete it)",
            f"it names a repository for repo_url, which the site does not use ({_PROMISE})")
    for key in ("edit_uri", "edit_uri_template"):
        _refuse(config, key, key, f"no {key} line (delete it)",
                "it puts on every page a link to edit it on the repository's host, and the site's pages refer to no "
                "other site")


def _check_addresses(config: dict) -> None:
    value = config.get("use_directory_urls", True)
    if value is True:  # another kind of value (a text, a list) is MkDocs' to refuse, in its words
        found = "true" if "use_directory_urls" in config else "no use_directory_urls line (MkDocs then takes true)"
        at = _at(config, "use_directory_urls") if "use_directory_urls" in config else "mkdocs.yml"
        raise DataError(f"{at}: "
                        f"use_directory_urls: found {found}; expected use_directory_urls: false: the pages are "
                        f"published as page.html, which works on every host and opened from disk, and the "
                        f"addresses already published must keep working")
    site_url = config.get("site_url")
    if site_url is not None and site_url != PLACEHOLDER_SITE_URL:
        raise DataError(f"{_at(config, 'site_url')}: site_url: found {describe(site_url)}; expected site_url: "
                        f"{PLACEHOLDER_SITE_URL}, which the build replaces: the site's address is given when "
                        f"building, e.g. SITE_URL=https://example.org/partenariat/ make build")


def _check_theme(config: dict) -> None:
    theme = config.get("theme")
    if not isinstance(theme, (dict, str)):
        return  # no theme, or not one MkDocs can read: MkDocs says so
    if not isinstance(theme, dict) or "font" not in theme:
        raise DataError(f"{_at(config, 'theme')}: theme: font: found no "
                        f"font line (Material then loads Google Fonts); expected font: false under theme: (the "
                        f"reader's own fonts), because {_PROMISE}")
    if theme["font"] is not False:
        raise DataError(f"{_at(theme, 'font')}: theme: font: found {describe(theme['font'])}; expected font: false: "
                        f"any other value makes Material load Google Fonts in every reader's browser, and {_PROMISE}")
    features = theme.get("features")
    for index, feature in enumerate(features if isinstance(features, list) else []):
        if isinstance(feature, str) and feature.startswith("navigation.instant"):
            raise DataError(f"{_at(features, index)}: theme: features: found {feature}; expected no "
                            f"navigation.instant line (delete it): Material would load each next page into the one "
                            f"already open, where that page's own scripts (the quiz's) and security policy would "
                            f"not apply")


def _check_extra(config: dict) -> None:
    extra = _mapping(config.get("extra"))
    _refuse(extra, "analytics", "extra: analytics", "no analytics (delete these lines)",
            "they would send every reader's visits to another site, and the site promises no tracking and no "
            "audience measurement")
    _refuse(extra, "consent", "extra: consent", "no consent banner (delete these lines)",
            "the site sets no cookie and tracks no one, so it has nothing to ask consent for, and a cookie banner "
            "would tell readers the opposite")
    if _remote(extra.get("homepage")):
        raise DataError(f"{_at(extra, 'homepage')}: extra: homepage: found '{extra['homepage']}', an address on "
                        f"another site; expected no homepage line (the logo then leads to the site's home page): "
                        f"the site's pages refer to no other site")


def _check_files(config: dict) -> None:
    """Style sheets, scripts and pictures the pages load: files of the site, never addresses of another host."""
    theme, extra = _mapping(config.get("theme")), _mapping(config.get("extra"))
    named: list[tuple[str, str, Any, Any]] = [
        (key, key, config.get(key), None) for key in ("extra_css", "extra_javascript")]
    named += [(f"theme: {key}", key, theme, key) for key in ("favicon", "logo")]
    named.append(("extra: polyfills", "polyfills", extra.get("polyfills"), None))
    for label, key, parent, only in named:
        items = [(only, parent.get(only))] if only else list(enumerate(parent)) if isinstance(parent, list) else []
        for index, item in items:
            path = item.get("path") if isinstance(item, dict) else item
            if _remote(path):
                raise DataError(f"{_at(parent, index)}: {label}: found '{path}', a file on another site; expected a "
                                f"file of the site, e.g. {_EXAMPLES[key]} (a programmer puts it in overrides/): "
                                f"every reader's browser would fetch it from that other site, and {_PROMISE}")


def _check_plugins(config: dict) -> None:
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        named = [(name, plugins, name) for name in plugins]
    elif isinstance(plugins, list):
        named = [(next(iter(item)) if isinstance(item, dict) and len(item) == 1 else item, plugins, index)
                 for index, item in enumerate(plugins)]
    else:
        return
    for name, parent, key in named:
        if isinstance(name, str) and name not in _PLUGINS:
            raise DataError(f"{_at(parent, key)}: plugins: found '{name}'; expected search only: the site's hooks "
                            f"do the rest, and no other plugin has been checked against the site's promises (no "
                            f"request to another host, no cookie, pages that work opened from disk); ask a programmer")


def _check_extensions(config: dict) -> None:
    extensions = config.get("markdown_extensions")
    items = list(enumerate(extensions)) if isinstance(extensions, list) else []
    for index, item in items:
        name, options = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
        options = _mapping(options)
        if name == "pymdownx.emoji" and "emoji_generator" not in options:
            raise DataError(f"{_at(extensions, index)}: markdown_extensions: pymdownx.emoji: found no "
                            f"emoji_generator; expected emoji_generator: "
                            f"!!python/name:material.extensions.emoji.to_svg (with emoji_index: "
                            f"!!python/name:material.extensions.emoji.twemoji), which writes each emoji into the page: "
                            f"by default, every reader's browser fetches the emoji from another site")
        fences = options.get("custom_fences") if name == "pymdownx.superfences" else None
        for fence in fences if isinstance(fences, list) else []:
            if isinstance(fence, dict) and "mermaid" in str(fence.get("class", "")).split():
                raise DataError(f"{_at(fences, fences.index(fence))}: markdown_extensions: pymdownx.superfences: "
                                f"found a mermaid diagram fence; expected none: Material draws these diagrams with a "
                                f"program every reader's browser fetches from another site (unpkg.com); put the "
                                f"diagram in the page as a picture instead")


def _check_menu(config: dict) -> None:
    """nav: each page once, by file name: a title written here would show in both languages."""
    nav = config.get("nav")
    seen: dict[str, str] = {}

    def walk(items: list) -> None:
        for index, item in enumerate(items):
            at = _at(items, index)
            page = item
            if isinstance(item, dict) and len(item) == 1:
                title, page = next(iter(item.items()))
                if isinstance(page, list):
                    first = next((p for p in page if isinstance(p, str)), "about.md")
                    raise DataError(f"{at}: nav: found the section '{title}'; expected the pages one per line "
                                    f"directly under nav: ('  - {first}'): there is one menu for both languages, and "
                                    f"a section's title written here would show in both")
                if isinstance(page, str) and not _remote(page):
                    raise DataError(f"{at}: nav: found the title '{title}' for {page}; expected only the file name, "
                                    f"'  - {page}': the menu shows each page's own title in each language (its "
                                    f"front matter title:), and a title written here would show in both")
            if _remote(page):
                raise DataError(f"{at}: nav: found '{page}', an address on another site; expected the file name of "
                                f"a page of the site, e.g. about.md: the menu lists the site's own pages, which "
                                f"refer to no other site")
            if isinstance(page, str) and page in seen:
                raise DataError(f"{at}: nav: found {page} a second time (first {seen[page]}); expected each page "
                                f"once in the menu: delete this line")
            if isinstance(page, str):
                line = line_of(items, index).lstrip(":")
                seen[page] = f"on line {line}" if line else "above"

    if isinstance(nav, list):
        walk(nav)  # any other shape: tools/website.py's check of the menu says what is expected
