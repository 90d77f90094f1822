"""The Content-Security-Policy of every page (partnership/csp.py): written right, and nothing of the site breaks it.

Every built page carries one policy, first in <head>, naming each of its inline scripts by hash and no other
way to run a script. In Chromium, every page of both languages, every state of the quiz and the comparison,
search, the 404 pages, a redirect page, the newsletter kit's copy buttons and the language chooser run with
no violation: none reported to the page (`securitypolicyviolation`, listened to before any script of the
page runs) and none logged by the browser ("Refused to …", "… violates the … Content Security Policy …").
The same at another origin, under another path and from disk. And a script slipped into a page is refused.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import Project, Site, copy_project, free_port, serving, site_pages
from helpers import material_started, open_settled, press_shortcut
from playwright.sync_api import Page, expect
from selectolax.lexbor import LexborHTMLParser
from test_browser import LANGUAGES
from test_compare_browser import PARTNERS, compare_rows, take_turns
from test_quiz_browser import button, quiz, take_quiz, ui, varied_pattern

from partnership.csp import with_policy

META = 'meta[http-equiv="Content-Security-Policy"]'
# Told to the test by the page, from before its first script: every violation, in every frame.
LISTENER = """document.addEventListener("securitypolicyviolation", (event) => console.warn(
  "securitypolicyviolation: " + event.effectiveDirective + " " + event.blockedURI + " at " + event.sourceFile
  + ":" + event.lineNumber + " " + event.sample), true);"""
SEARCH_NAME = {"fr": "Rechercher", "en": "Search"}  # Material's own translation of its search box
MOVED = "moved-for-the-policy-test.html"
TABLE = ('<table><tr><th scope="row">2026</th><td style="text-align: right;">12</td>'
         '<td style="text-align:center">3</td></tr></table>')


def sha256(text: str) -> str:
    """A hash source of CSP for a text (its UTF-8 bytes)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(page_html: str) -> dict[str, list[str]]:
    """The policy of a built page, directive by directive; asserts there is exactly one."""
    metas = LexborHTMLParser(page_html).css(META)
    assert len(metas) == 1, f"{len(metas)} policies"
    policy = metas[0].attributes["content"] or ""
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def violations(page: Page) -> list[str]:
    """Every violation the page reports from now on, and every refusal the browser logs ("Refused to load …",
    "Executing inline script violates the following Content Security Policy directive …")."""
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if message.text.startswith(
        ("securitypolicyviolation", "Refused to")) or "Content Security Policy" in message.text
        or "Content-Security-Policy" in message.text else None)
    return found


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    """Factory: a page that listens for violations before any script of the pages it opens runs (a page with
    an init script is not lent again: each test gets a new one)."""

    def make(**options: object) -> Page:
        page = new_page(**{"locale": "fr-FR", "viewport": {"width": 1280, "height": 800}, **options})
        page.add_init_script(LISTENER)
        page.violations = violations(page)  # type: ignore[attr-defined]
        return page

    return make


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The project with one moved page (a redirect page in each language) and, on a page, a table pasted with
    its cells' alignment (style="…", which partnership/html_review.py lets through), built and served."""
    copy: Project = copy_project(tmp_path_factory.mktemp("moved") / "project")
    copy.set_redirects({MOVED: site_pages()[0].removesuffix(".md") + ".html"})
    for lang in LANGUAGES:
        with copy.file(f"content/{lang}/{site_pages()[0]}").open("a", encoding="utf-8") as page:
            page.write(f"\n{TABLE}\n")
    url = f"http://127.0.0.1:{free_port()}/"
    result = copy.build(site_url=url)
    assert result.returncode == 0, result.stderr
    with serving(copy.root / "site", url):
        yield Site(copy.root / "site", url)


# --------------------------------------------------------------------------------------------
# 1. As written
# --------------------------------------------------------------------------------------------


def test_the_fixture_has_a_redirect_page_in_each_language(moved: Site) -> None:
    assert [(moved.path / lang / MOVED).is_file() for lang in LANGUAGES] == [True] * len(LANGUAGES)


def test_every_page_has_one_policy_first_in_head_with_a_hash_for_each_inline_script(moved: Site) -> None:
    pages = sorted(moved.path.rglob("*.html"))
    assert len(pages) > 2 * len(site_pages())
    for path in pages:
        text = path.read_text(encoding="utf-8")
        policy = directives(text)
        head = LexborHTMLParser(text).css("head > *")
        first = next(index for index, node in enumerate(head) if node.attributes.get("http-equiv"))
        assert [node.attributes.get("charset") for node in head[:first]] in ([], ["utf-8"]), path
        tree = LexborHTMLParser(text)
        scripts = {sha256(node.text()) for node in tree.css("script:not([src])")}
        assert scripts, f"{path}: no inline script found: the test would prove nothing"
        assert set(policy["script-src"]) == {"'self'", *scripts}, path
        styles = {sha256(node.text()) for node in tree.css("style")}
        attributes = {sha256(node.attributes["style"] or "") for node in tree.css("[style]")}
        assert set(policy["style-src"]) == {"'self'", *styles, *(attributes and {"'unsafe-hashes'", *attributes})}, path


def test_the_policy_forbids_what_the_issue_forbids(site: Site) -> None:
    policy = directives((site.path / "fr" / "index.html").read_text(encoding="utf-8"))
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'", "file:"]  # file: for Firefox, from disk (partnership/csp.py)
    assert policy["form-action"] == ["'none'"]
    assert "frame-ancestors" not in policy  # a <meta> policy cannot set it: browsers ignore it and say so
    for values in policy.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "blob:"} & set(values), values
        assert not [value for value in values if "//" in value or "." in value.strip("'")], values  # no host


def test_a_page_edited_after_its_policy_was_written_gets_one_policy_again() -> None:
    once = with_policy("<!doctype html><html><head><meta charset=utf-8><script>a()</script></head></html>")
    twice = with_policy(once.replace("a()", "b()"))
    assert twice.count("Content-Security-Policy") == 1
    assert directives(twice)["script-src"] == ["'self'", sha256("b()")]


# --------------------------------------------------------------------------------------------
# 2. In the browser: nothing of the site is refused
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_of_a_language_breaks_the_policy(site: Site, open_page, lang: str) -> None:
    page = open_page()
    for path in sorted((site.path / lang).rglob("*.html")):
        open_settled(page, f"{site.url}{path.relative_to(site.path).as_posix()}")
    assert page.violations == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_state_of_the_quiz_keeps_to_the_policy(site: Site, open_page, lang: str) -> None:
    """Intro, every question, the result, sharing (link, QR code, copy), then a partner's link compared."""
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    open_settled(page, f"{site.url}{lang}/quiz.html")
    take_quiz(page, lang, varied_pattern(), self_form=PARTNERS[0][1], wish=PARTNERS[1][1], own="Le temps")
    share = page.locator(".quiz__share")
    share.get_by_label(ui("share_label", lang), exact=True).fill("Association A")
    share.get_by_label(ui("share_own", lang), exact=True).check()
    share.get_by_role("button", name=ui("share_qr", lang)).click()
    expect(share.get_by_role("img", name=ui("share_qr_label", lang))).to_be_visible()
    share.get_by_role("button", name=ui("share_copy", lang)).click()
    expect(share.get_by_role("status")).to_have_text(ui("share_copied", lang))
    link = share.get_by_label(ui("share_link", lang), exact=True).input_value()
    page.goto(link.replace(link.split("#")[0], f"{site.url}{lang}/quiz.html"))  # as a partner's link
    expect(compare_rows(page)).to_have_count(2)  # the reader's answers, the partner's
    assert page.violations == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_taking_turns_on_one_device_keeps_to_the_policy(site: Site, open_page, lang: str) -> None:
    page = open_page(viewport={"width": 390, "height": 844})
    page.goto(f"{site.url}{lang}/quiz.html")
    take_turns(page, lang, PARTNERS[:2])
    expect(compare_rows(page)).to_have_count(2)
    assert page.violations == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_the_404_page_at_depth_and_the_kit_s_copy_buttons_keep_to_the_policy(
    site: Site, open_page, lang: str
) -> None:
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    open_settled(page, f"{site.url}{lang}/index.html")
    press_shortcut(page, "/")
    page.get_by_role("textbox", name=SEARCH_NAME[lang]).press_sequentially("partena")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    open_settled(page, f"{site.url}{lang}/a/b/no-such-page.html")
    open_settled(page, f"{site.url}{lang}/newsletter.html")
    for copy in page.locator("button.md-clipboard").all()[:2]:
        copy.click()
        expect(page.get_by_role("status")).to_be_visible()
    assert page.violations == []  # type: ignore[attr-defined]


def test_the_language_chooser_and_the_root_404_page_keep_to_the_policy(site: Site, open_page) -> None:
    page = open_page(locale="de-DE")  # a language the site does not have: the chooser stays
    open_settled(page, site.url)
    page.get_by_role("link").first.click()
    material_started(page)
    page.goto(f"{site.url}nowhere/at/all.html")
    assert page.violations == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_redirect_page_keeps_to_the_policy(moved: Site, open_page, lang: str) -> None:
    page = open_page()
    page.goto(f"{moved.url}{lang}/{MOVED}#top")
    expect(page).to_have_url(f"{moved.url}{lang}/{site_pages()[0].removesuffix('.md')}.html#top")
    material_started(page)
    assert page.violations == []  # type: ignore[attr-defined]


def test_a_table_s_aligned_cells_keep_their_alignment_and_the_policy(moved: Site, open_page) -> None:
    page = open_page()
    open_settled(page, f"{moved.url}fr/{site_pages()[0].removesuffix('.md')}.html")
    expect(page.locator("td").first).to_have_css("text-align", "right")
    expect(page.locator("td").last).to_have_css("text-align", "center")
    assert page.violations == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("way", ("another origin", "another path"))
def test_at_another_address_the_quiz_search_and_404_keep_to_the_policy(site: Site, open_page, way: str) -> None:
    url = (f"http://localhost:{free_port()}/" if way == "another origin"
           else f"http://127.0.0.1:{free_port()}/partenariat/")
    page = open_page()
    with serving(site.path, url):
        open_settled(page, f"{url}fr/quiz.html")
        button(page, "start", "fr").click()
        expect(quiz(page)).to_have_attribute("data-step", "1")
        press_shortcut(page, "/")
        page.get_by_role("textbox", name=SEARCH_NAME["fr"]).press_sequentially("partena")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        open_settled(page, f"{url}en/some/where/missing.html")
    assert page.violations == []  # type: ignore[attr-defined]


def test_from_disk_pages_search_and_the_quiz_keep_to_the_policy(site: Site, open_page) -> None:
    """The offline copy is site/ as built (tools/offline.py only zips it): opened from disk."""
    page = open_page()
    page.goto((site.path / "index.html").as_uri())
    expect(page).to_have_url((site.path / "fr" / "index.html").as_uri())
    material_started(page)
    for path in sorted((site.path / "en").glob("*.html")):
        open_settled(page, path.as_uri())
    open_settled(page, (site.path / "fr" / "quiz.html").as_uri())
    take_quiz(page, "fr", varied_pattern())
    open_settled(page, (site.path / "fr" / "404.html").as_uri())  # its <base> moved to its folder
    press_shortcut(page, "s")
    page.get_by_role("textbox", name=SEARCH_NAME["fr"]).press_sequentially("partenariat")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert page.violations == []  # type: ignore[attr-defined]


# --------------------------------------------------------------------------------------------
# 3. The policy bites
# --------------------------------------------------------------------------------------------


def test_a_script_slipped_into_a_built_page_is_refused_and_does_not_run(site: Site, open_page,
                                                                         tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    target = copy / "fr" / site_pages()[0].replace(".md", ".html")
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("</body>", "<script>window.slipped = true</script></body>", 1), encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/"
    page = open_page()
    with serving(copy, url):
        open_settled(page, f"{url}fr/{target.name}")
    assert page.evaluate("() => window.slipped") is None
    assert [found for found in page.violations if found.startswith("securitypolicyviolation: script-src-elem")]
    assert [found for found in page.violations if found.startswith("Executing inline script violates")]  # logged

