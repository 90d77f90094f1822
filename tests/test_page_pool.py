"""The page pool of conftest.py: a lent page starts as a new page of a new context would.

The browser tests rely on it for their independence; each test here leaves something behind on a page,
then borrows the page again (the pool lends the same one back) and checks that nothing is left.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

OPTIONS = {"locale": "fr-FR", "viewport": {"width": 390, "height": 844}}


@pytest.fixture
def borrow(page_pool):
    """Lends a page with OPTIONS and gives it back when asked (or after the test)."""
    lent = []

    def lend():
        page = page_pool.lend(dict(OPTIONS))
        lent.append(page)
        return page

    def give_back(page):
        lent.remove(page)
        page_pool.give_back(page)

    yield lend, give_back
    for page in lent:
        page_pool.give_back(page)


def test_stored_data_cookies_and_history_are_gone(site, borrow):
    """The history is reset on about:blank: the test's first address is the second entry."""
    lend, give_back = borrow
    page = lend()
    page.goto(f"{site.url}fr/index.html")
    page.evaluate("() => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1');"
                  " document.cookie = 'left=1'; }")
    page.goto(f"{site.url}en/index.html")
    give_back(page)
    again = lend()
    assert again == page  # the same page, lent again: what follows checks the emptying
    again.goto(f"{site.url}fr/index.html")
    assert again.evaluate("() => [localStorage.getItem('left'), sessionStorage.getItem('left'), document.cookie,"
                          " history.length]") == [None, None, "", 2]


def test_listeners_routes_viewport_and_extra_pages_are_gone(site, borrow):
    lend, give_back = borrow
    page = lend()
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.route("**/*.css", lambda route: route.abort())
    page.set_viewport_size({"width": 1280, "height": 800})
    page.context.new_page()
    give_back(page)
    again = lend()
    assert again == page and len(again.context.pages) == 1
    seen.clear()
    response = again.goto(f"{site.url}fr/index.html")
    assert response is not None and response.ok
    expect(again.locator("link[rel=stylesheet]").first).to_be_attached()
    assert again.evaluate("() => Array.from(document.styleSheets).every(sheet => sheet.cssRules.length > 0)")
    assert again.viewport_size == OPTIONS["viewport"]
    assert seen == []


def test_a_page_with_an_init_script_is_not_lent_again(site, borrow):
    lend, give_back = borrow
    page = lend()
    page.add_init_script("window.left = 1")
    give_back(page)
    again = lend()
    assert again != page and page.is_closed()
    again.goto(f"{site.url}fr/index.html")
    assert again.evaluate("() => typeof window.left") == "undefined"


def test_the_mouse_is_back_where_a_new_page_has_it(site, borrow):
    """A press of the mouse without a move lands where it does on a new page, at (0, 0), not on the link
    the last test left the mouse on (Playwright presses where it last moved the mouse)."""
    lend, give_back = borrow
    page = lend()
    page.goto(f"{site.url}fr/index.html")
    page.locator("article a").first.hover()
    assert page.evaluate("() => document.querySelectorAll('a:hover').length") == 1
    give_back(page)
    again = lend()
    again.goto(f"{site.url}fr/index.html")
    again.evaluate("() => addEventListener('mousedown', event => { window.pressed = [event.clientX, event.clientY]; })")
    again.mouse.down()
    again.mouse.up()
    assert again.evaluate("() => window.pressed") == [0, 0]
    expect(again).to_have_url(f"{site.url}fr/index.html")


def test_listeners_added_once_or_to_the_context_are_gone(site, borrow):
    lend, give_back = borrow
    page = lend()
    seen = []
    page.once("request", lambda request: seen.append(("once", request.url)))
    page.context.on("request", lambda request: seen.append(("context", request.url)))
    give_back(page)
    again = lend()
    assert again == page
    again.goto(f"{site.url}fr/index.html")
    assert seen == []


def test_a_listener_the_test_took_off_itself_is_not_in_the_way(site, borrow):
    lend, give_back = borrow
    page = lend()
    seen = []

    def note(request):
        seen.append(request.url)

    page.on("request", note)
    page.remove_listener("request", note)
    give_back(page)
    again = lend()
    assert again == page
    again.goto(f"{site.url}fr/index.html")
    assert seen == []


@pytest.mark.parametrize("use", ["page.clock.install", "context.clock.set_fixed_time"])
def test_a_context_whose_clock_was_used_is_not_lent_again(site, borrow, use):
    """Playwright's clock is the context's and cannot be uninstalled: the next test gets a new context."""
    lend, give_back = borrow
    page = lend()
    context = page.context
    if use == "page.clock.install":
        page.clock.install()
    else:
        context.clock.set_fixed_time("2020-01-01T00:00:00Z")
    page.goto(f"{site.url}fr/index.html")
    give_back(page)
    again = lend()
    assert again.context != context
    again.goto(f"{site.url}fr/index.html")
    assert again.evaluate("() => new Date().getFullYear()") > 2020
