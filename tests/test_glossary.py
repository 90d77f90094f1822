"""One word for each thing: the glossary (content/glossary.yml) and every text of the site that uses it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _data import load_forms, load_yaml, normalise
from conftest import ROOT, Site
from helpers import article_html, visible_text

GLOSSARY = load_yaml(ROOT / "content" / "glossary.yml")
# The site's own texts; the pages that publish an original word for word (front matter `source:`) are
# left out, since an original is kept as received.
SITE_FILES = sorted(
    [path for lang in ("fr", "en") for path in (ROOT / "content" / lang).glob("*.md")]
    + [path for path in (ROOT / "content").glob("*.yml") if path.name != "glossary.yml"],
)
QUIZ_FILES = [ROOT / "quiz" / "texts.yml", ROOT / "quiz" / "questions.yml"]
_KEY = re.compile(r"^(\s*)(?:- )?(fr|en):\s?(.*)$")


def _avoid() -> dict[str, list[tuple[str, str]]]:
    """lang → [(wording to avoid, the glossary entry it stands for)]."""
    found: dict[str, list[tuple[str, str]]] = {"fr": [], "en": []}
    for section in ("forms", "terms"):
        for entry_id, entry in GLOSSARY[section].items():
            for lang, wordings in (entry.get("avoid") or {}).items():
                found[lang] += [(wording, f"{entry[lang]} ({section}.{entry_id})") for wording in wordings]
    return found


AVOID = _avoid()


def texts(path: Path) -> list[tuple[str, int, str]]:
    """(language, line number, text) of every line of a page or of a YAML text, comments left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".md":
        lang = path.parent.name
        if any(line.startswith("source:") for line in lines[: lines.index("---", 1)]):
            return []
        return [(lang, number, line) for number, line in enumerate(lines, start=1)]
    found, current = [], None  # current: (language, indent of its key) for folded texts (>-) on later lines
    for number, line in enumerate(lines, start=1):
        text = line.split(" #", 1)[0] if not line.lstrip().startswith("#") else ""
        key = _KEY.match(text)
        if key:
            current = (key.group(2), len(key.group(1)))
            found.append((current[0], number, key.group(3)))
        elif current and text.strip() and len(text) - len(text.lstrip()) > current[1]:
            found.append((current[0], number, text))
        elif text.strip():
            current = None
    return found


def misused(path: Path, root: Path = ROOT) -> list[str]:
    """'file:line: 'wording' (lang); the glossary says …' for each wording the glossary says to avoid."""
    problems = []
    for lang, number, text in texts(path):
        for wording, instead in AVOID[lang]:
            if re.search(rf"(?<!\w){re.escape(wording)}(?!\w)", normalise(text), re.IGNORECASE):
                problems.append(f"{path.relative_to(root)}:{number}: '{wording}' ({lang}); the glossary says {instead}")
    return problems


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
        "en/page.md:6: 'equal footing of esteem' (en); the glossary says parity of esteem (terms.parity-of-esteem)"]
    assert misused(data, tmp_path) == ["texts.yml:5: 'scale' (en); the glossary says the seven forms, in the order "
                                       "of the text (terms.order-of-the-forms)"]


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
