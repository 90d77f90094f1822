"""Runs anywhere: one build, served at SITE_URL, on another origin, under another path, and from disk.

SITE_URL is metadata (canonical, hreflang, Open Graph, sitemap); a reader's browser never calls it.
Material's bundle, as shipped, fetched sitemap.xml next to every <link rel="alternate"> (the SITE_URL
host) and started search at page load; hooks/material_js.py changes that, and these tests hold it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import Site, free_port, serving
from helpers import material_started, open_settled, press_shortcut
from playwright.sync_api import Browser, Page, Request, expect
from sitebuild import offline

# name of the way -> how the address of the site is made from the build
WAYS = ("at SITE_URL", "another origin", "another path", "from disk")
PAGES = ("fr/index.html", "en/partnership-culture.html", "fr/quiz.html", "en/result-cooperation.html", "index.html")
SEARCH_FILES = re.compile(r"search_index\.js(on)?|/workers/search\.|/lunr/|sitemap\.xml")


@pytest.fixture(scope="module")
def addresses(site: Site) -> Iterator[dict[str, str]]:
    """The same build at four addresses: its own, localhost on another port, a sub-path, file://."""
    other = f"http://localhost:{free_port()}/"
    mirror = f"http://127.0.0.1:{free_port()}/miroir/copie/"
    with serving(site.path, other), serving(site.path, mirror):
        yield {"at SITE_URL": site.url, "another origin": other, "another path": mirror,
               "from disk": site.path.as_uri() + "/"}


@pytest.fixture
def page(new_page) -> Page:
    # The test servers send every file with no-cache: a lent page requests each file again, as a new one does.
    return new_page(locale="fr-FR", viewport={"width": 1280, "height": 800})


class Watch:
    """Every request a page makes and every error it reports, from the moment it is attached."""

    def __init__(self, page: Page) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("requestfailed", self._failed)

    def _failed(self, request: Request) -> None:
        # The language chooser sends the browser on while it still reads the chooser: that page's
        # own load is abandoned (net::ERR_ABORTED), which is a navigation, not a failure.
        if not (request.resource_type == "document" and request.failure == "net::ERR_ABORTED"):
            self.errors.append(f"failed: {request.url} ({request.failure})")

    def outside(self, base: str) -> list[str]:
        return [url for url in self.requests if not url.startswith(base) and not url.startswith("data:")]


def _origin_and_path(base: str) -> str:
    """What a request must start with to stay at home: the folder of the site (file://) or its origin."""
    if base.startswith("file:"):
        return base
    parts = urlsplit(base)
    return f"{parts.scheme}://{parts.netloc}/"


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("address", PAGES)
def test_a_page_calls_no_other_address_and_logs_no_error(
    addresses: dict[str, str], page: Page, way: str, address: str
) -> None:
    base = addresses[way]
    watch = Watch(page)
    open_settled(page, base + address)
    expect(page.locator("h1").first).to_be_visible()
    assert watch.outside(_origin_and_path(base)) == []
    assert watch.errors == []


@pytest.mark.parametrize("way", WAYS)
def test_nothing_of_search_and_no_sitemap_loads_before_search_opens(
    addresses: dict[str, str], page: Page, way: str
) -> None:
    watch = Watch(page)
    page.goto(addresses[way] + "fr/partnership-culture.html", wait_until="networkidle")
    assert [url for url in watch.requests if SEARCH_FILES.search(url)] == []


@pytest.mark.parametrize("way", WAYS)
def test_the_keyboard_shortcut_opens_search_which_finds_and_leads_to_a_page(
    addresses: dict[str, str], page: Page, way: str
) -> None:
    base = addresses[way]
    watch = Watch(page)
    open_settled(page, base + "en/index.html")
    press_shortcut(page, "/")
    search = page.get_by_role("textbox", name="Search")
    expect(search).to_be_focused()
    search.press_sequentially("fusion")
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    first.click()
    expect(page).to_have_url(re.compile(re.escape(base + "en/") + r"[a-z-]+\.html"))
    expect(page.locator("h1").first).to_be_visible()
    assert watch.outside(_origin_and_path(base)) == []
    assert [url for url in watch.requests if "workers/search." in url], "the search worker never started"
    assert watch.errors == []


@pytest.mark.parametrize("way", WAYS)
def test_the_language_menu_leads_to_the_same_page_and_section(
    addresses: dict[str, str], page: Page, way: str
) -> None:
    base = addresses[way]
    page.goto(base + "fr/partnership-culture.html#fusion")
    page.get_by_role("banner").get_by_role("button", name="Sélectionner la langue").click()
    page.get_by_role("banner").get_by_role("link", name="English").click()
    expect(page).to_have_url(base + "en/partnership-culture.html#fusion")
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.parametrize("way", WAYS)
def test_every_link_of_the_home_page_stays_in_the_site_and_finds_its_page(
    addresses: dict[str, str], page: Page, way: str
) -> None:
    base = addresses[way]
    page.goto(base + "fr/index.html")
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    internal = sorted({link.split("#")[0] for link in links if link.startswith(_origin_and_path(base))})
    assert len(internal) >= 6, internal
    for link in internal:
        assert link.startswith(base), link
        if way == "from disk":
            assert Path(link.removeprefix("file://")).is_file(), link
        else:
            assert page.request.get(link).status == 200, link


def test_the_offline_copy_opens_from_disk_with_quiz_and_search(site: Site, page: Page, tmp_path: Path) -> None:
    archive = offline.write_zip(site.path, tmp_path / "copy.zip")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path / "unzipped")
    folder = tmp_path / "unzipped" / offline.FOLDER
    watch = Watch(page)
    page.goto((folder / "index.html").as_uri())
    expect(page).to_have_url((folder / "fr" / "index.html").as_uri())  # a French browser goes to French
    material_started(page)  # the page has asked for all it needs: leaving now would abandon none of it
    open_settled(page, (folder / "fr" / "quiz.html").as_uri())
    scripts = page.eval_on_selector_all("script[src]", "scripts => scripts.map(s => s.src)")
    assert [src for src in scripts if "quiz" in src], "the quiz page has no script of the quiz"
    assert [src for src in scripts if src not in watch.requests] == []
    press_shortcut(page, "s")
    page.get_by_role("textbox", name="Rechercher").press_sequentially("partenariat")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert watch.outside(folder.as_uri() + "/") == []
    assert watch.errors == []


@pytest.mark.parametrize("way", ("at SITE_URL", "from disk"))
def test_on_a_phone_the_search_button_starts_search(addresses: dict[str, str], browser: Browser, way: str) -> None:
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    watch = Watch(page)
    page.goto(addresses[way] + "fr/index.html", wait_until="networkidle")
    assert [url for url in watch.requests if SEARCH_FILES.search(url)] == []
    page.locator("label.md-header__button[for=__search]").tap()
    expect(page.get_by_role("dialog", name="Rechercher", include_hidden=True)).to_have_count(1)  # aria-dialog-name
    search = page.get_by_role("textbox", name="Rechercher")
    expect(search).to_be_visible()
    search.press_sequentially("concertation")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert watch.errors == []
    context.close()


# --------------------------------------------------------------------------------------------
# The 404 pages: shown at any depth, wherever the site is served (hooks/not_found.py)
# --------------------------------------------------------------------------------------------

NOT_FOUND = {"fr": "Page introuvable", "en": "Page not found"}
HOME = {"fr": "Aller à l’accueil", "en": "Go to the home page"}
MISSING = ("fr/nowhere.html", "en/a/b/c.html")  # a missing address in a language folder, at two depths
TEAL = "rgb(0, 105, 92)"  # the header's colour: Material's and the site's style sheets have loaded


@pytest.mark.parametrize("way", WAYS[:3])
@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_address_shows_the_404_page_styled_with_its_links_in_the_site(
    addresses: dict[str, str], page: Page, way: str, missing: str
) -> None:
    base, lang = addresses[way], missing[:2]
    watch = Watch(page)
    response = open_settled(page, base + missing)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(NOT_FOUND[lang])
    expect(page.get_by_role("banner")).to_have_css("background-color", TEAL)
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert page.evaluate("() => typeof window.component$") == "object"  # Material's bundle has run
    assert watch.outside(_origin_and_path(base)) == []
    if way != "another path":  # elsewhere the browser's look-ahead first tries SITE_URL's path (not used)
        assert watch.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page.get_by_role("main").get_by_role("link", name=HOME[lang]).click()
    expect(page).to_have_url(base + f"{lang}/index.html")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()


@pytest.mark.parametrize("way", WAYS[:3])
def test_the_404_page_s_menu_and_search_lead_to_pages_of_the_site(
    addresses: dict[str, str], page: Page, way: str
) -> None:
    base = addresses[way]
    page.goto(base + "en/a/b/c.html")
    page.get_by_role("banner").get_by_role("button", name="Select language").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Français")).to_have_attribute(
        "href", re.compile(r"fr/index\.html$"))
    assert page.get_by_role("banner").get_by_role("link", name="Français").evaluate("a => a.href") == (
        base + "fr/index.html")
    page.keyboard.press("Escape")
    press_shortcut(page, "/")
    page.get_by_role("textbox", name="Search").press_sequentially("fusion")
    first = page.locator(".md-search-result__item a").first
    expect(first).to_be_visible()
    first.click()
    expect(page).to_have_url(re.compile(re.escape(base + "en/") + r"[a-z-]+\.html"))
    expect(page.get_by_role("heading", level=1).first).to_be_visible()


@pytest.mark.parametrize("way", WAYS[:3])
def test_a_host_s_single_404_page_at_any_depth_leads_to_both_languages(
    addresses: dict[str, str], site: Site, page: Page, way: str
) -> None:
    """Hosts such as GitHub Pages answer every missing address with the site root's 404.html."""
    base = addresses[way]
    root_404 = site.path / "404.html"
    page.route(base + "fr/a/b/nowhere.html", lambda route: route.fulfill(status=404, path=root_404))
    response = page.goto(base + "fr/a/b/nowhere.html")
    assert response is not None and response.status == 404
    for lang in ("fr", "en"):
        expect(page.get_by_role("heading", level=1, name=NOT_FOUND[lang])).to_be_visible()
        link = page.get_by_role("link", name=HOME[lang])
        assert link.evaluate("a => a.href") == base + f"{lang}/index.html"
    page.get_by_role("link", name=HOME["en"]).click()
    expect(page).to_have_url(base + "en/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.parametrize("name", ("fr/404.html", "404.html"))
def test_a_404_page_opened_from_disk_is_styled_and_leads_to_the_site(
    addresses: dict[str, str], page: Page, name: str
) -> None:
    folder = addresses["from disk"]
    page.goto(folder + name, wait_until="load")
    expect(page.get_by_role("heading", level=1).first).to_have_text(NOT_FOUND["fr"])
    if name != "404.html":
        expect(page.get_by_role("banner")).to_have_css("background-color", TEAL)
    page.get_by_role("link", name=HOME["fr"]).first.click()
    expect(page).to_have_url(folder + "fr/index.html")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
