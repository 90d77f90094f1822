"""One definition of the seven forms (content/forms.yml), read or checked by every page that names them."""

from __future__ import annotations

import re

import pytest
from _data import load_forms, normalise
from conftest import Site
from helpers import article_html, elements, visible_text

# Published anchors: links in newsletters depend on them, in both languages.
PUBLISHED_IDS = ["service", "information", "consultation", "concertation", "cooperation", "reciprocity", "fusion"]
ITEM_IDS = {
    "fears": ["fear-identity", "fear-status", "fear-investment", "fear-power", "fear-concessions", "fear-soul"],
    "resistances": ["resistance-institutions", "resistance-actors", "resistance-traditions", "resistance-experts"],
    "pleasures": ["pleasure-sharing", "pleasure-novelty", "pleasure-peers", "pleasure-learning"],
}
LANGUAGES = ("fr", "en")


def _items(site: Site, lang: str) -> dict[str, str]:
    """id → visible text of each list item that has an id, on the forms page."""
    html = article_html(site.path / lang / "partnership-culture.html")
    return {m.group(1): visible_text(m.group(2)) for m in re.finditer(r'<li id="([^"]+)">(.*?)</li>', html, re.S)}


def test_the_data_file_defines_the_seven_published_forms_in_order() -> None:
    forms = load_forms()
    assert [form.id for form in forms] == PUBLISHED_IDS
    assert [form.order for form in forms] == list(range(1, 8))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_form_is_an_anchor_whose_item_carries_the_data_definition(site: Site, lang: str) -> None:
    items = _items(site, lang)
    assert list(items)[:7] == PUBLISHED_IDS
    for form in load_forms():
        assert normalise(form.definition[lang]) in normalise(items[form.id]), (lang, form.id)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_fear_resistance_and_pleasure_has_a_language_independent_id(site: Site, lang: str) -> None:
    items = list(_items(site, lang))
    assert items[7:] == [*ITEM_IDS["fears"], *ITEM_IDS["resistances"], *ITEM_IDS["pleasures"]]
    html = article_html(site.path / lang / "partnership-culture.html")
    for section in ("forms", *ITEM_IDS):
        assert f'<h2 id="{section}">' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_figure_shows_the_seven_forms_as_one_scale_linking_to_their_anchors(site: Site, lang: str) -> None:
    html = article_html(site.path / lang / "partnership-culture.html")
    figure = re.search(r'<figure class="forms-scale">(.*?)</figure>', html, re.S).group(1)
    links = [a["href"] for tag, a in elements(figure) if tag == "a"]
    assert links == [f"#{form.id}" for form in load_forms()]
    names = re.findall(r'<tspan class="forms-scale__number">(\d)</tspan> (.*?)</text>', figure)
    assert names == [(str(form.order), form.name[lang]) for form in load_forms()]
    svg = [a for tag, a in elements(figure) if tag == "svg"][0]
    assert svg["aria-labelledby"] == "forms-scale-title forms-scale-desc"
    assert '<title id="forms-scale-title">' in figure and '<desc id="forms-scale-desc">' in figure
    desc = re.search(r'<desc id="forms-scale-desc">(.*?)</desc>', figure).group(1)
    assert desc.count(". ") + desc.count(".") >= 7  # the text alternative names every step
    assert "<figcaption>" in figure
    widths = [int(w) for w in re.findall(r'<rect x="0" y="\d+" width="(\d+)"', figure)]
    assert widths == sorted(widths) and len(set(widths)) == 7  # one scale: each step longer than the last


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_lists_the_forms_from_the_data_file(site: Site, lang: str) -> None:
    html = article_html(site.path / lang / "index.html")
    listing = re.search(r'<dl class="forms-list">(.*?)</dl>', html, re.S).group(1)
    links = [a["href"] for tag, a in elements(listing) if tag == "a"]
    assert links == [f"partnership-culture.html#{form.id}" for form in load_forms()]
    text = normalise(visible_text(listing))
    for form in load_forms():
        assert normalise(f"{form.order}. {form.name[lang]}") in text
        assert normalise(form.definition[lang]) in text
