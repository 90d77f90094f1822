"""One definition of the seven forms (content/forms.yml), read or checked by every page that names them."""

from __future__ import annotations

import re

import pytest
from conftest import Site
from helpers import article_html, elements, visible_text

from partnership.data import load_forms, load_strings, normalise
from partnership.forms import figure_data, figure_html

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


def _figure(html: str) -> str:
    return re.search(r'<figure class="forms-scale">(.*?)</figure>', html, re.S).group(1)


def _steps(figure: str) -> list[dict[str, str]]:
    return [attrs for tag, attrs in elements(figure) if "forms-scale__step" in attrs.get("class", "").split()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_figure_draws_seven_equal_steps_in_the_texts_order_linking_to_their_anchors(site: Site, lang: str) -> None:
    figure = _figure(article_html(site.path / lang / "partnership-culture.html"))
    steps = _steps(figure)
    assert [step["data-form"] for step in steps] == PUBLISHED_IDS
    assert [step["href"] for step in steps] == [f"#{form_id}" for form_id in PUBLISHED_IDS]
    assert {step["class"] for step in steps} == {"forms-scale__step"}  # equal: nothing sets one step apart
    assert "<svg" not in figure and "style=" not in figure and "fill=" not in figure and "width=" not in figure
    names = re.findall(r'<span class="forms-scale__mark">(\d)</span> <span class="forms-scale__name">(.*?)</span>',
                       figure)
    assert [(number, normalise(name)) for number, name in names] == [
        (str(form.order), normalise(form.name[lang])) for form in load_forms()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_figure_labels_both_ends_and_says_its_order_is_not_a_ranking(site: Site, lang: str) -> None:
    figure = _figure(article_html(site.path / lang / "partnership-culture.html"))
    strings = load_strings()
    ends = re.findall(r'<p class="forms-scale__end forms-scale__end--(start|end)">(.*?)</p>', figure)
    assert [(end, normalise(text)) for end, text in ends] == [
        ("start", normalise(strings["scale_start"][lang])), ("end", normalise(strings["scale_end"][lang]))]
    caption = visible_text(re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S).group(1))
    assert {"fr": "n’est pas un classement", "en": "is not a ranking"}[lang] in caption


@pytest.mark.parametrize("current", [None, *PUBLISHED_IDS])
def test_other_hooks_draw_the_same_figure_with_one_step_marked_and_a_label_in_every_step(current: str | None) -> None:
    strings = {key: texts["en"] for key, texts in load_strings().items()}
    figure = figure_html(load_forms(), "en", strings, "partnership-culture.html", current)
    steps = _steps(figure)
    assert len(steps) == 7
    marked = [step["data-form"] for step in steps if "forms-scale__step--current" in step["class"].split()]
    assert marked == ([current] if current else [])
    assert [step["data-form"] for step in steps if step.get("aria-current") == "true"] == marked
    labels = re.findall(r'<span class="forms-scale__here">(.*?)</span>', figure)
    assert labels == [strings["figure_here"]] * 7
    assert figure_data(load_forms(), "en", strings, "x.html")["steps"][0]["href"] == "x.html#service"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_draws_the_figure_linking_to_the_text(site: Site, lang: str) -> None:
    figure = _figure(article_html(site.path / lang / "index.html"))
    assert [step["href"] for step in _steps(figure)] == [
        f"partnership-culture.html#{form.id}" for form in load_forms()]
