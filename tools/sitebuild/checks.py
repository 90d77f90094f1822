"""What MkDocs would report badly or not at all, checked before it runs: mkdocs.yml, its menu, hooks, plugins and
files, the folders, encodings, SITE_URL, and the hooks' own checks of the data and of each page, said once for
both languages."""

from __future__ import annotations

import fnmatch
import re

from partnership import settings as _settings
from partnership.data import (
    CONTENT,
    LANGUAGE_NAMES,
    LANGUAGES,
    ROOT,
    DataError,
    describe,
    line_of,
    load_forms,
    load_strings,
    parse_yaml,
    read_text,
    rel,
    site_root,
)


def check_sources(site_url: str | None = None) -> None:
    """What MkDocs would report badly or not at all, checked first: mkdocs.yml, the folders, encodings."""
    site_root(site_url)
    config_path = ROOT / "mkdocs.yml"
    if not config_path.is_file():
        raise DataError("mkdocs.yml: file not found; it is the site's configuration, at the top of the project "
                        "folder (restore it: git checkout mkdocs.yml)")
    config = parse_yaml(read_text(config_path), "mkdocs.yml", loader="config")
    if not isinstance(config, dict):
        raise DataError(f"mkdocs.yml: expected the site's settings as 'key: value' lines (site_name:, nav:, "
                        f"theme:, …); found {describe(config)}")
    for lang in LANGUAGES:
        folder = CONTENT / lang
        if not folder.is_dir():
            raise DataError(f"{rel(folder)}: folder not found; it holds the {LANGUAGE_NAMES[lang]} pages")
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".md", ".yml", ".yaml", ".txt", ".svg"):
                read_text(path)
    for path in sorted([*CONTENT.glob("*.yml"), *(ROOT / "quiz").glob("*.yml"), *(CONTENT / "sources").glob("*.txt")]):
        read_text(path)
    _check_hooks(config)
    _check_assets(config)
    _check_plugins(config)
    _settings.check(config)  # the settings that would break a promise: another host, page/ addresses, the menu
    _check_data_and_pages(config)
    _check_nav(config)


def _check_data_and_pages(config: dict) -> None:
    """The hooks' own checks of the data files and of each page's source, run once, before MkDocs.

    They are the checks the hooks make again during the build; here they stop at the first problem in
    a fraction of a second, and each problem is said once for both languages.
    """
    from partnership import anchors, front_matter, html_review, languages, markers, newsletter, redirects
    from partnership import glossary as _glossary
    from partnership import markdown_lint as _markdown_lint
    from partnership.quiz import load_quiz

    load_strings()
    load_forms()
    load_quiz()
    newsletter.load_kit()
    redirects._load()
    markers.load_known()
    for lang in LANGUAGES:
        for path in sorted((CONTENT / lang).rglob("*")):
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(CONTENT).parts):
                languages.check_file(path, lang)
                for folder in path.relative_to(CONTENT / lang).parent.parts:  # folders are part of addresses too
                    languages.check_folder(path, folder)
    pages = [(path, lang) for lang in LANGUAGES for path in sorted((CONTENT / lang).glob("*.md"))]
    for path, lang in pages:  # first: a paste is said as such, not as the ids it brings to one language
        try:
            front_matter.check(path, lang)
            _markdown_lint.check(path)
        except DataError:
            continue  # said below, in the order of the pages' checks
        html_review.check(path, lang, config.get("markdown_extensions") or [])
    for path, lang in pages:
        meta = front_matter.check(path, lang)
        _markdown_lint.check(path)  # Markdown that would not show as written
        anchors.check(path.name, lang)
        markers.check(path, meta)
    _glossary.check()  # the site's words: one for each thing, in every page and text file


def _check_hooks(config: dict) -> None:
    hooks = config.get("hooks", [])
    if not isinstance(hooks, list):
        raise DataError(f"mkdocs.yml{line_of(config, 'hooks')}: hooks: expected a list of files of hooks/, one per "
                        f"line ('  - hooks/forms.py'); found {describe(hooks)}")
    for index, hook in enumerate(hooks):
        if not isinstance(hook, str) or not (ROOT / hook).is_file():
            raise DataError(f"mkdocs.yml{line_of(hooks, index) or line_of(config, 'hooks')}: hooks: '{hook}' does not "
                            f"exist; expected the path of a file of hooks/, e.g. hooks/forms.py")
    for path in sorted((ROOT / "hooks").glob("[!_]*.py")):  # a hook left out would skip its checks silently
        if rel(path) not in hooks:
            raise DataError(f"mkdocs.yml{line_of(config, 'hooks')}: hooks: {rel(path)} is not listed; every hook of "
                            f"hooks/ runs in every build (add the line '  - {rel(path)}')")


def _check_assets(config: dict) -> None:
    """The style sheets, scripts and icons mkdocs.yml names exist (the theme's folder or the pages' folders)."""
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    folder = ROOT / str(theme.get("custom_dir") or "overrides")
    named = [(key, item, config.get(key)) for key in ("extra_css", "extra_javascript")
             for item in (config.get(key) if isinstance(config.get(key), list) else [])]
    named += [(key, theme.get(key), theme) for key in ("favicon", "logo") if isinstance(theme.get(key), str)]
    for key, item, parent in named:
        path = item if isinstance(item, str) else None
        if path is None or re.match(r"https?://", path):
            continue
        if not (folder / path).is_file() and not all((CONTENT / lang / path).is_file() for lang in LANGUAGES):
            at = line_of(parent, parent.index(item)) if isinstance(parent, list) else line_of(parent, key)
            raise DataError(f"mkdocs.yml{at}: {key}: '{path}' does not exist in {rel(folder)}/; expected the path of a "
                            f"file there, e.g. assets/site.css")


def _check_plugins(config: dict) -> None:
    from importlib.metadata import entry_points

    plugins = config.get("plugins", [])
    if not isinstance(plugins, (list, dict)):
        raise DataError(f"mkdocs.yml{line_of(config, 'plugins')}: plugins: expected a list of plugins, one per line "
                        f"('  - search'); found {describe(plugins)}")
    names = list(plugins) if isinstance(plugins, dict) else [
        next(iter(item)) if isinstance(item, dict) and item else item for item in plugins or []]
    installed = {entry.name for group in ("mkdocs.plugins", "properdocs.plugins")
                 for entry in entry_points(group=group)}
    for name in names:
        if isinstance(name, str) and not {name, name.split("/")[-1], f"material/{name}"} & installed:
            raise DataError(f"mkdocs.yml{line_of(config, 'plugins')}: plugins: the plugin '{name}' is not installed; "
                            f"check its spelling (this site uses search)")


def _check_nav(config: dict) -> None:
    nav = config.get("nav")
    if nav is None:
        return  # MkDocs then lists every page; the nav warning names the ones left out

    def walk(items: object, parent: object, key: object) -> None:
        if not isinstance(items, list):
            raise DataError(f"mkdocs.yml{line_of(parent, key)}: nav: expected a list of pages, one per line "
                            f"('  - about.md'); found {describe(items)}")
        for index, item in enumerate(items):
            at = f"mkdocs.yml{line_of(items, index) or line_of(parent, key)}: nav"
            if isinstance(item, dict) and len(item) == 1:
                title, value = next(iter(item.items()))
                if isinstance(value, list):
                    walk(value, item, title)
                    continue
                item = value
            if not isinstance(item, str):
                raise DataError(f"{at}: expected a page's file name, such as about.md; "
                                f"found {describe(item)}")
            if re.match(r"https?://", item):
                continue
            for lang in LANGUAGES:
                if not (CONTENT / lang / item).is_file():
                    raise DataError(f"{at}: '{item}' is not a page: {rel(CONTENT / lang / item)} does not exist; "
                                    f"expected the file name of a page of content/{lang}/, e.g. about.md")

    walk(nav, config, "nav")
    listed = set(_nav_pages(nav))
    hidden = config.get("not_in_nav") or ""
    patterns = [line.strip() for line in hidden.splitlines() if line.strip()] if isinstance(hidden, str) else []
    for path in sorted((CONTENT / LANGUAGES[0]).glob("*.md")):
        if path.name not in listed and not any(fnmatch.fnmatch("/" + path.name, p) for p in patterns):
            raise DataError(f"mkdocs.yml{line_of(config, 'nav')}: nav: the page {path.name} is not in the menu; add "
                            f"a line '  - {path.name}' to nav: where it belongs")


def _nav_pages(items: list) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) and item else item
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages

