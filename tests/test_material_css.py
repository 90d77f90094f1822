"""Material's style sheets, reduced at build time (hooks/material_css.py), change nothing a reader sees.

Each test opens a page of the built site in a state a reader brings it to (search open with results,
the menu open, a link copied, the quiz at a step or its result…), notes the computed style of every
element and pseudo-element, then puts Material's whole sheets (from the installed package, served by
a route) in place of the reduced ones and notes them again: nothing may differ. The build test checks
that the reduction is a real one.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import material
import pytest
from axe import settle
from conftest import ROOT, Project, Site
from helpers import material_started, press_shortcut
from playwright.sync_api import Page, Route, expect
from test_quiz_axe import go_to

from partnership.newsletter import load_kit

SHIPPED = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
WHOLE = {sheet: next(SHIPPED.glob(f"{sheet}.*.min.css")) for sheet in ("main", "palette")}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
# every page of the menu (mkdocs.yml), a result page and the 404 page
PAGES = (*(page.removesuffix(".md") + ".html" for page in Project(ROOT).nav()), "result-cooperation.html", "404.html")
KIT_PAGE = next(page.stem + ".html" for page in sorted((ROOT / "content" / "fr").glob("*.md"))  # the kit's page
                if "<!-- newsletter:" in page.read_text(encoding="utf-8"))

# The properties any style sheet of the page may set, Material's whole sheets included: the longhands of
# every declaration (a shorthand such as margin gives margin-top…), and of the style attributes. Only these
# can differ between the reduced and the whole sheets; a property none of them sets keeps the browser's
# value, or follows one of them (currentcolor follows color). Custom properties are left out: the
# properties they feed are compared.
PROPERTIES = """async () => {
  const names = new Set();
  const add = style => { for (let i = 0; i < style.length; i++) if (!style[i].startsWith("--")) names.add(style[i]); };
  const walk = rules => {
    for (const rule of rules) {
      if (rule.style) add(rule.style);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  for (const name of ["main", "palette"]) {
    const reduced = [...document.styleSheets].find(sheet => sheet.href
      && new RegExp("assets/stylesheets/" + name + "\\.[0-9a-f]{8}\\.min\\.css$").test(sheet.href));
    if (!reduced) continue;
    const whole = new CSSStyleSheet();
    whole.replaceSync(await (await fetch(reduced.href.replace(/[^/]+$/, "whole-" + name + ".css"))).text());
    walk(whole.cssRules);
  }
  for (const element of document.querySelectorAll("[style]")) add(element.style);
  return [...names].sort();
}"""

# The computed value of each of `properties` for every element and its generated boxes (::before, ::after
# when they have content, ::marker of list items and summaries, ::placeholder of text fields), kept in the
# page (window.lookBefore) or compared with what was kept: the boxes that differ, with what differs.
LOOK = """([compare, properties]) => {
  const boxes = [];
  for (const element of document.querySelectorAll("*")) {
    const pseudos = [null, "::before", "::after"];
    if (element.matches("li, summary")) pseudos.push("::marker");
    if (element.matches("input, textarea")) pseudos.push("::placeholder");
    for (const pseudo of pseudos) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && pseudo.endsWith("before") || pseudo && pseudo.endsWith("after")) {
        if (style.content === "none" || style.content === "normal") continue;
      }
      const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
        + (typeof element.className === "string" && element.className.trim()
          ? "." + element.className.trim().split(/\\s+/).join(".") : "") + (pseudo || "");
      boxes.push([name, properties.map(property => style.getPropertyValue(property))]);
    }
  }
  if (!compare) {
    window.lookBefore = boxes;
    return [];
  }
  const before = window.lookBefore;
  const names = boxes.map(([name]) => name).join(" ");
  if (names !== before.map(([name]) => name).join(" ")) return ["the page changed while the style sheets were swapped"];
  const differences = [];
  boxes.forEach(([name, values], index) => {
    const changed = properties.filter((property, at) => values[at] !== before[index][1][at]);
    if (changed.length) {
      differences.push(name + ": " + changed.map(property => property + ": " + values[properties.indexOf(property)])
        .join("; ").slice(0, 300));
    }
  });
  return differences;
}"""

# Adds Material's whole sheets right after the reduced ones, waits until they apply, removes the reduced ones.
WHOLE_SHEETS = """async () => {
  const reduced = [...document.querySelectorAll('link[rel=stylesheet]')]
    .filter(link => /assets\\/stylesheets\\/(main|palette)\\.[0-9a-f]{8}\\.min\\.css$/.test(link.href));
  await Promise.all(reduced.map(link => new Promise((resolve, reject) => {
    const whole = document.createElement("link");
    whole.rel = "stylesheet";
    whole.href = link.href.replace(/(main|palette)\\.[0-9a-f]{8}\\.min\\.css$/, "whole-$1.css");
    whole.onload = resolve;
    whole.onerror = () => reject(new Error("could not load " + whole.href));
    link.after(whole);
  })));
  reduced.forEach(link => link.remove());
  return reduced.length;
}"""


@pytest.fixture
def open_page(new_page) -> Callable[..., Page]:
    def make(viewport: dict[str, int]) -> Page:
        page = new_page(locale="fr-FR", viewport=viewport)
        page.route("**/whole-*.css", _whole_sheet)
        return page

    return make


def _whole_sheet(route: Route) -> None:
    sheet = route.request.url.rsplit("whole-", 1)[1].removesuffix(".css")
    route.fulfill(path=WHOLE[sheet], content_type="text/css; charset=utf-8")


def expect_same_look(page: Page) -> None:
    """Every box of the page looks the same with Material's whole style sheets as with the reduced ones."""
    settle(page)
    properties = page.evaluate(PROPERTIES)
    assert len(properties) > 100, properties  # Material's sheets set far more than a hundred properties
    page.evaluate(LOOK, [False, properties])
    assert page.evaluate(WHOLE_SHEETS) == 2, "the page does not link Material's two reduced style sheets"
    settle(page)
    differences = page.evaluate(LOOK, [True, properties])
    assert differences == [], f"{len(differences)} boxes look different:\n" + "\n".join(differences[:40])


def test_the_reduced_sheets_are_a_fraction_of_material_s(site: Site) -> None:
    folder = site.path / "fr" / "assets" / "stylesheets"
    reduced = {path.name.split(".")[0]: len(gzip.compress(path.read_bytes())) for path in folder.glob("*.min.css")}
    assert sorted(reduced) == ["main", "palette"]
    whole = {sheet: len(gzip.compress(path.read_bytes())) for sheet, path in WHOLE.items()}
    assert reduced["main"] < 0.7 * whole["main"], (reduced, whole)
    assert reduced["palette"] < 0.2 * whole["palette"], (reduced, whole)
    assert not list(folder.glob("*.map")), "source maps of sheets the site does not serve"


@pytest.mark.parametrize("viewport", (PHONE, DESKTOP), ids=("phone", "desktop"))
@pytest.mark.parametrize("path", PAGES)
def test_every_page_looks_the_same_as_with_material_s_whole_sheets(site, open_page, path, viewport):
    page = open_page(viewport)
    page.goto(f"{site.url}fr/{path}", wait_until="load")
    expect(page.locator("h1").first).to_be_visible()
    expect_same_look(page)


@pytest.mark.parametrize("path", ("quiz.html", "partnership-culture.html"))
def test_printed_pages_look_the_same_as_with_material_s_whole_sheets(site, open_page, path):
    page = open_page(DESKTOP)
    page.emulate_media(media="print")
    page.goto(f"{site.url}en/{path}", wait_until="load")
    expect(page.locator("h1").first).to_be_attached()
    expect_same_look(page)


@pytest.mark.parametrize("viewport", (PHONE, DESKTOP), ids=("phone", "desktop"))
def test_search_with_results_looks_the_same(site, open_page, viewport):
    page = open_page(viewport)
    page.goto(f"{site.url}en/index.html")
    press_shortcut(page, "/")
    page.get_by_role("textbox", name="Search").press_sequentially("partner")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.locator(".md-search-result__more summary").first.click()
    expect_same_look(page)


def test_the_open_menu_on_a_phone_looks_the_same(site, open_page):
    page = open_page(PHONE)
    page.goto(f"{site.url}fr/partnership-culture.html")
    page.get_by_role("banner").locator("label[for=__drawer]").click()
    expect(page.get_by_role("navigation", name="Navigation")).to_be_in_viewport()
    expect_same_look(page)


def test_the_open_language_menu_looks_the_same(site, open_page):
    page = open_page(DESKTOP)
    page.goto(f"{site.url}fr/index.html")
    page.get_by_role("banner").get_by_role("button", name="Sélectionner la langue").click()
    expect(page.get_by_role("banner").get_by_role("link", name="English")).to_be_visible()
    expect_same_look(page)


def test_a_scrolled_page_with_its_header_title_and_back_to_top_looks_the_same(site, open_page):
    page = open_page(DESKTOP)
    page.goto(f"{site.url}en/partnership-culture.html#fusion")
    material_started(page)  # its scroll listener brings the back-to-top button out
    page.mouse.wheel(0, -200)
    expect(page.locator(".md-top")).to_be_visible()
    expect(page.locator(".md-header__title--active")).to_have_count(1)
    expect(page.locator(".md-nav__link--active").first).to_be_attached()
    expect_same_look(page)


def test_a_copied_kit_text_looks_the_same(site, open_page):
    page = open_page(DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url.rstrip("/"))
    page.clock.install()
    page.goto(f"{site.url}fr/{KIT_PAGE}")
    material_started(page)  # the copy buttons are Material's
    page.get_by_role("button", name=load_kit().ui["copy_link"]["fr"], exact=True).last.click()
    expect(page.locator(".md-dialog")).to_be_visible()
    page.clock.pause_at(page.evaluate("Date.now()") + 1)  # "Copied" stays while the sheets are compared
    expect_same_look(page)


@pytest.mark.parametrize("where", ("step", "result", "compare"))
def test_the_quiz_in_each_state_looks_the_same(site, open_page, where):
    page = open_page(PHONE)
    go_to(page, site, "fr", where)
    expect_same_look(page)
