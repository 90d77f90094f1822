"""Made to be linked: under a sub-path, moved pages, copyable section links, the quiz's page to share."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, Project, Site, copy_project, free_port, serving, site_pages
from helpers import material_started, open_settled
from playwright.sync_api import Browser, Page, expect
from test_permalinks import serves

from partnership.data import markdown_ids
from partnership.quiz import favouring, load_quiz

LANGUAGES = ("fr", "en")
PAGES = sorted(f"{p.stem}.html" for p in (Path(__file__).parent.parent / "content" / "fr").glob("*.md"))
# the page that the hosted copy moves: a page of the site with sections (from the menu), and one of its anchors
MOVED = next(page for page in site_pages() if markdown_ids(ROOT / "content" / "fr" / page))
OLD, ANCHOR = MOVED.removesuffix(".md") + ".html", markdown_ids(ROOT / "content" / "fr" / MOVED)[-1]


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The project built for and served under http://127.0.0.1:<port>/partenariat/, with MOVED moved to
    moved-page.md (its redirect declared)."""
    copy: Project = copy_project(tmp_path_factory.mktemp("hosted") / "project")
    copy.move_page(MOVED, "moved-page.md")
    url = f"http://127.0.0.1:{free_port()}/partenariat/"
    result = copy.build(site_url=url)
    assert result.returncode == 0, result.stderr
    with serving(copy.file("site"), url):
        yield Site(copy.file("site"), url)


@pytest.fixture
def page(new_page) -> Page:
    return new_page(locale="fr-FR")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", [name for name in PAGES if name != OLD] + ["moved-page.html"])
def test_under_a_sub_path_every_page_its_links_and_assets_work(hosted: Site, page: Page, lang: str, name: str) -> None:
    failures: list[str] = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: failures.append(m.text) if m.type == "error" else None)
    open_settled(page, f"{hosted.url}{lang}/{name}")
    expect(page.locator("h1").first).to_be_visible()
    links = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
    )
    internal = sorted({link for link in links if link.startswith("http://127.0.0.1")})
    for link in internal:
        assert link.startswith(hosted.url), link
        assert serves(hosted.path, link.removeprefix(hosted.url) or "./"), link  # the page and its #anchor
    for link in sorted({link.split("#")[0] for link in internal}):
        assert page.request.get(link).status == 200, link
    assert failures == []


def test_under_a_sub_path_the_chooser_sends_a_french_browser_to_french(hosted: Site, page: Page) -> None:
    page.goto(hosted.url)
    expect(page).to_have_url(f"{hosted.url}fr/index.html")


def test_under_a_sub_path_the_language_menu_keeps_page_and_anchor(hosted: Site, page: Page) -> None:
    page.goto(f"{hosted.url}fr/partnership-culture.html#fusion")
    page.get_by_role("button", name="Sélectionner la langue").click()
    page.get_by_role("banner").get_by_role("link", name="English", exact=True).click()
    expect(page).to_have_url(f"{hosted.url}en/partnership-culture.html#fusion")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_moved_page_sends_readers_on_with_their_anchor(hosted: Site, page: Page, lang: str) -> None:
    page.goto(f"{hosted.url}{lang}/{OLD}#{ANCHOR}")
    expect(page).to_have_url(f"{hosted.url}{lang}/moved-page.html#{ANCHOR}")
    expect(page.locator(f"#{ANCHOR}")).to_be_in_viewport()


def test_the_404_page_works_under_a_sub_path(hosted: Site, page: Page) -> None:
    response = page.goto(f"{hosted.url}en/nowhere/deep.html")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    page.get_by_role("link", name="Go to the home page").click()
    expect(page).to_have_url(f"{hosted.url}en/index.html")


@pytest.mark.parametrize(("lang", "how"), [("fr", "mouse"), ("en", "keyboard")])
def test_a_heading_s_link_copies_the_section_address_with_feedback(
    site: Site, browser: Browser, lang: str, how: str
) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{site.url}{lang}/partnership-culture.html")
    material_started(page)  # the copy is Material's; before, the link only leads to the section
    name = {"fr": "Copier le lien de cette section", "en": "Copy the link to this section"}[lang]
    link = page.locator("#fears").get_by_role("link", name=name)
    expect(link).to_be_visible()
    if how == "mouse":
        link.click()
    else:
        link.focus()
        page.keyboard.press("Enter")
    copied = {"fr": "Copié dans le presse-papier", "en": "Copied to clipboard"}[lang]
    expect(page.get_by_text(copied)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site.url}{lang}/partnership-culture.html#fears"
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_quiz_result_links_to_the_page_to_share(site: Site, page: Page, lang: str) -> None:
    quiz = load_quiz()
    form = quiz.forms[4]
    state = {"answers": favouring(quiz, form.id), "wish": "", "meet": [], "own": [], "step": 13, "shown": "result"}
    page.goto(f"{site.url}{lang}/quiz.html")
    page.evaluate("state => localStorage.setItem('partenariat.quiz', state)", json.dumps(state))
    page.reload()
    share = quiz.ui["share"][lang]  # the result card's link to the form's public page (quiz/texts.yml)
    link = page.get_by_role("link", name=share, exact=True).and_(page.locator(f'[data-share="{form.id}"]'))
    link.click()
    expect(page).to_have_url(f"{site.url}{lang}/result-{form.id}.html")
    expect(page.locator("h1")).to_contain_text(re.compile(re.escape(form.name[lang]), re.IGNORECASE))
