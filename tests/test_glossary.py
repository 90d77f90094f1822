"""One word for each thing: the glossary (content/glossary.yml) and every text of the site that uses it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, Project, Site, site_pages
from helpers import article_html, visible_text
from test_build_errors import problems

from partnership import glossary as _glossary
from partnership.data import load_forms, load_yaml, normalise

GLOSSARY = load_yaml(ROOT / "content" / "glossary.yml")
SITE_FILES = _glossary.site_files()[:-2]
QUIZ_FILES = _glossary.site_files()[-2:]
AVOID = _glossary.avoided(GLOSSARY)


def misused(path: Path, root: Path = ROOT) -> list[str]:
    return _glossary.misused(path, AVOID, root)


def test_the_glossary_names_the_seven_forms_of_forms_yml_with_the_same_names() -> None:
    forms = load_forms()
    assert list(GLOSSARY["forms"]) == [form.id for form in forms]
    for form in forms:
        for lang in ("fr", "en"):
            assert normalise(GLOSSARY["forms"][form.id][lang]) == normalise(form.name[lang]), (form.id, lang)


def test_parite_d_estime_is_parity_of_esteem() -> None:
    assert GLOSSARY["terms"]["parity-of-esteem"]["en"] == "parity of esteem"
    assert "equal footing of esteem" in GLOSSARY["terms"]["parity-of-esteem"]["avoid"]["en"]


def test_the_check_finds_a_wording_to_avoid_in_a_page_and_in_a_folded_yaml_text(tmp_path: Path) -> None:
    page = tmp_path / "en" / "page.md"
    page.parent.mkdir()
    page.write_text("---\ntitle: T\ndescription: D\n---\n\nWe work on an Equal Footing of Esteem.\n", encoding="utf-8")
    data = tmp_path / "texts.yml"
    data.write_text("a:\n  fr: texte\n  en: >-\n    first line,\n    then the scale of forms\n# the scale\n",
                    encoding="utf-8")
    assert misused(page, tmp_path) == [
        "en/page.md:6: the wording 'equal footing of esteem' (en) is one the glossary says not to use; write parity "
        "of esteem (terms.parity-of-esteem), as content/glossary.yml says"]
    assert misused(data, tmp_path) == [
        "texts.yml:5: the wording 'scale' (en) is one the glossary says not to use; write the seven forms, in the "
        "order of the text (terms.order-of-the-forms), as content/glossary.yml says"]


@pytest.mark.parametrize("path", SITE_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_page_and_text_file_of_the_site_uses_the_glossary_terms(path: Path) -> None:
    assert misused(path) == []


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_quiz_texts_use_the_glossary_terms(path: Path) -> None:
    assert misused(path) == []


def test_concertation_is_glossed_where_it_first_appears_in_the_english_text(site: Site) -> None:
    gloss = GLOSSARY["terms"]["concertation-gloss"]["gloss"]["en"]
    text = visible_text(article_html(site.path / "en" / "partnership-culture.html"))
    first = text.lower().index("concertation")
    assert text[first:].startswith(f"concertation [{gloss}]")


def test_a_wording_to_avoid_stops_the_build_on_one_line(project: Callable[[], Project]) -> None:
    copy = project()
    page = site_pages()[0]
    wording, _ = AVOID["en"][0]
    path = copy.file(f"content/en/{page}")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append(f"A sentence with {wording} in it.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(copy.build()) == [
        f"content/en/{page}:{len(lines)}: the wording '{wording}' (en) is one the glossary says not to use; write "
        f"{AVOID['en'][0][1]}, as content/glossary.yml says"]
