"""Link previews: Open Graph and Twitter card tags on every page, with a 1200×630 image of its own."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_CACHE, ROOT, Project, Site, copy_env
from helpers import elements
from PIL import Image

from partnership import previews
from partnership.data import DataError, load_strings
from partnership.quiz_facts import quiz_facts

LANGUAGES = ("fr", "en")
LOCALES = {"fr": "fr_FR", "en": "en_GB"}
PAGES = sorted(path.name.replace(".md", ".html") for path in (ROOT / "content" / "fr").glob("*.md"))
SUB_PATH = "https://example.org/partenariat/"
IMAGE_TAGS = ("og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:image", "twitter:image:alt")


def _meta(path: Path) -> dict[str, list[str]]:
    """The page's <meta property|name=… content=…> tags: each key with its values, in order."""
    found: dict[str, list[str]] = {}
    for tag, attrs in elements(path.read_text(encoding="utf-8")):
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key and (key.startswith(("og:", "twitter:"))):
            found.setdefault(key, []).append(attrs.get("content", ""))
    return found


def _front_matter(lang: str, page: str) -> dict[str, str]:
    """The page's front matter, with the quiz's counts filled in as hooks/quiz_facts.py does."""
    text = (ROOT / "content" / lang / page.replace(".html", ".md")).read_text(encoding="utf-8")
    for key, value in quiz_facts().items():
        text = text.replace(f"{{quiz_{key}}}", str(value))
    return yaml.safe_load(text.split("---\n", 2)[1])


def _canonical(path: Path) -> list[str]:
    return [a["href"] for tag, a in elements(path.read_text(encoding="utf-8")) if tag == "link"
            and a.get("rel") == "canonical"]


def _expected(title: str, description: str, url: str, image: str, lang: str, site_name: str) -> dict[str, list[str]]:
    alt = f"{title} — {site_name}"
    return {
        "og:type": ["website"],
        "og:site_name": [site_name],
        "og:title": [title],
        "og:description": [description],
        "og:url": [url],
        "og:locale": [LOCALES[lang]],
        "og:locale:alternate": [locale for other, locale in LOCALES.items() if other != lang],
        "og:image": [image],
        "og:image:type": ["image/png"],
        "og:image:width": ["1200"],
        "og:image:height": ["630"],
        "og:image:alt": [alt],
        "twitter:card": ["summary_large_image"],
        "twitter:title": [title],
        "twitter:description": [description],
        "twitter:image": [image],
        "twitter:image:alt": [alt],
    }


def _pages(site_dir: Path) -> list[Path]:
    return [site_dir / lang / page for lang in LANGUAGES for page in [*PAGES, "404.html"]]


def _build(copy: Project, **env: str) -> subprocess.CompletedProcess[str]:
    """Project.build with more environment variables."""
    return subprocess.run(
        [sys.executable, "tools/website.py", "build"], cwd=copy.root, capture_output=True, text=True, timeout=120,
        env={**copy_env(copy.root), "NO_MKDOCS_2_WARNING": "1", "BUILD_CACHE": BUILD_CACHE, **env},
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_its_link_preview_tags(site: Site, lang: str, page: str) -> None:
    path = site.path / lang / page
    front = _front_matter(lang, page)
    url = f"{site.url}{lang}/{page}"
    image = f"{site.url}{lang}/assets/previews/{page.replace('.html', '.png')}"
    site_name = load_strings()["site_name"][lang]
    assert _canonical(path) == [url]
    assert _meta(path) == _expected(front["title"], front["description"], url, image, lang, site_name)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_404_page_has_its_link_preview_tags(site: Site, lang: str) -> None:
    strings = {key: texts[lang] for key, texts in load_strings().items()}
    assert _meta(site.path / lang / "404.html") == _expected(
        strings["not_found_title"], strings["not_found_text"], f"{site.url}{lang}/404.html",
        f"{site.url}{lang}/assets/previews/404.png", lang, strings["site_name"],
    )


def test_each_image_is_a_1200_by_630_png_of_its_own(site: Site) -> None:
    digests = set()
    for path in _pages(site.path):
        [url] = _meta(path)["og:image"]
        assert url.startswith(site.url), url
        image = site.path / url.removeprefix(site.url)
        data = image.read_bytes()
        with Image.open(io.BytesIO(data)) as picture:
            assert (picture.format, picture.size) == ("PNG", (1200, 630)), image
        digests.add(hashlib.sha256(data).hexdigest())
    assert len(digests) == len(_pages(site.path))
    written = sorted(p.relative_to(site.path).as_posix() for p in site.path.glob("*/assets/previews/*"))
    assert written == sorted(f"{lang}/assets/previews/{page.replace('.html', '.png')}"
                             for lang in LANGUAGES for page in [*PAGES, "404.html"])


def test_an_image_is_the_same_bytes_for_the_same_title() -> None:
    title = "Notre partenariat est un partenariat « de service » — où en est le vôtre ?"
    first = previews.draw(title, "Culture de partenariat", "fr")
    assert previews.draw(title, "Culture de partenariat", "fr") == first
    assert previews.draw(title.replace("service", "fusion"), "Culture de partenariat", "fr") != first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_titles_are_large_and_break_only_where_a_reader_expects(lang: str) -> None:
    for page in PAGES:
        size, lines = previews.title_lines(_front_matter(lang, page)["title"], lang)
        assert size >= 60 and 1 <= len(lines) <= 3, (page, size, lines)
        assert not [line for line in lines if line.startswith(("—", "?", "!", ":", ";", "»"))], lines
        assert not [line for line in lines if line.endswith("«")], lines


def test_a_title_the_font_cannot_draw_names_the_page() -> None:
    with pytest.raises(DataError, match=r"^content/en/about\.md: title: the character '😀' \(U\+1F600\)"):
        previews.draw("About 😀", "Partnership culture", "en", where="content/en/about.md: title")
    previews.draw("À propos des partenariats… « l’éditorial »", "Culture de partenariat", "fr")


def test_every_address_derives_from_site_url(project: Callable[[], Project]) -> None:
    copy = project()
    result = copy.build(site_url=SUB_PATH, images=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in _pages(copy.file("site")):
        meta = _meta(path)
        lang = path.parent.name
        addresses = meta["og:url"] + meta["og:image"] + meta["twitter:image"]
        assert all(address.startswith(f"{SUB_PATH}{lang}/") for address in addresses), (path, addresses)
        if path.name != "404.html":
            assert meta["og:url"] == _canonical(path)
        assert copy.file("site").joinpath(meta["og:image"][0].removeprefix(SUB_PATH)).is_file()


def test_preview_images_can_be_switched_off(project: Callable[[], Project]) -> None:
    copy = project()
    result = _build(copy, PREVIEW_IMAGES="0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(copy.file("site").glob("*/assets/previews")) == []
    for path in _pages(copy.file("site")):
        meta = _meta(path)
        assert not set(IMAGE_TAGS) & set(meta), path
        assert meta["twitter:card"] == ["summary"]
        assert meta["og:title"] and meta["og:description"] and meta["og:url"] and meta["og:locale"]


def test_a_wrong_switch_value_stops_the_build(project: Callable[[], Project]) -> None:
    result = _build(project(), PREVIEW_IMAGES="no")
    assert result.returncode == 1
    assert "PREVIEW_IMAGES: expected 1 (draw the link preview images, the default) or 0 (skip them); found 'no'" in (
        result.stdout + result.stderr)


def test_the_language_chooser_has_a_preview_too(site: Site) -> None:
    tags = {a.get("property") or a.get("name"): a["content"]
            for tag, a in elements((site.path / "index.html").read_text(encoding="utf-8")) if tag == "meta"
            and (a.get("property", "").startswith("og:") or a.get("name", "").startswith("twitter:"))}
    assert tags["og:url"] == site.url
    name = load_strings()["site_name"]
    assert tags["og:title"] == f"{name['fr']} · {name['en']}"
    assert tags["og:image"] == f"{site.url}fr/assets/previews/index.png"
    assert (site.path / "fr" / "assets" / "previews" / "index.png").is_file()
    assert tags["twitter:card"] == "summary_large_image"
