"""The footer's facts (content/publisher.yml, git) and the counts pages take from the quiz's data."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.dates import format_date
from conftest import ROOT, Project, Site
from helpers import visible_text
from test_build_errors import problems

from partnership.data import DataError, load_strings
from partnership.footer import last_update, load_publisher
from partnership.quiz import load_quiz
from partnership.quiz_facts import SECONDS_PER_QUESTION, UNSCORED_QUESTIONS, quiz_facts


def _footer(html: str) -> str:
    return html[html.index('<footer class="md-footer">'):html.index("</footer>")]


def test_the_footer_says_who_publishes_the_site_only_what_content_publisher_yml_sets(site: Site) -> None:
    facts, strings = load_publisher(), load_strings()
    for lang in ("fr", "en"):
        footer = _footer((site.path / lang / "index.html").read_text(encoding="utf-8"))
        text = visible_text(footer)
        publisher, contact = facts["publisher"][lang], facts["contact"]
        assert (strings["footer_publisher"][lang] in text) == bool(publisher), lang
        assert publisher in text
        assert ("mailto:" in footer) == bool(contact)
        if contact:
            assert f'<a href="mailto:{contact}">{contact}</a>' in footer


def test_the_date_of_the_last_update_is_the_last_commit_of_the_sites_sources(site: Site) -> None:
    updated = last_update()
    assert updated is not None
    for lang, text in (("fr", format_date(updated, "d MMMM y", locale="fr")),
                       ("en", format_date(updated, "d MMMM y", locale="en"))):
        footer = _footer((site.path / lang / "index.html").read_text(encoding="utf-8"))
        assert f'<time datetime="{updated.isoformat()}">{text}</time>' in footer


@pytest.mark.parametrize(("text", "message"), [
    ('publisher: {fr: "Association A"}\ncontact: ""\n',
     "content/publisher.yml:1: publisher: expected a text in each language, or \"\" to leave it out "
     "(publisher: {fr: \"…\", en: \"…\"}); found a mapping with keys fr"),
    ('publisher: {fr: "Association A", en: ""}\ncontact: ""\n',
     "content/publisher.yml:1: publisher: expected a text in both languages, or both empty; found fr "
     "'Association A' and en an empty text"),
    ('publisher: {fr: "", en: ""}\ncontact: "écrivez-nous"\n',
     "content/publisher.yml:2: contact: expected an e-mail address (contact@example.org) or \"\" to leave it "
     "out; found 'écrivez-nous'"),
    ('publisher: {fr: "", en: ""}\ncontact: "https://example.org/contact"\n',
     "content/publisher.yml:2: contact: expected an e-mail address (contact@example.org) or \"\" to leave it "
     "out; found 'https://example.org/contact'"),
    ('publisher: {fr: "", en: ""}\ncontact: ""\nphone: "01"\n',
     "content/publisher.yml:3: phone: unknown key; expected publisher, contact"),
])
def test_a_mistake_in_publisher_yml_is_explained(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "content" / "publisher.yml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_publisher(path)
    assert str(error.value).replace(str(tmp_path) + "/", "") == message


def test_publisher_and_contact_appear_escaped_once_set_and_no_date_without_history(
    project: Callable[[], Project],
) -> None:
    copy = project()
    copy.file("content/publisher.yml").write_text(
        'publisher: {fr: "Association <b>A</b>", en: "Association <b>A</b>"}\ncontact: "contact@example.org"\n',
        encoding="utf-8")
    result = copy.build("http://127.0.0.1:8123/")
    assert result.returncode == 0, result.stdout + result.stderr
    footer = _footer((copy.root / "site" / "fr" / "index.html").read_text(encoding="utf-8"))
    assert "<b>" not in footer
    assert "Publié par Association <b>A</b>" in visible_text(footer)
    assert '<a href="mailto:contact@example.org">contact@example.org</a>' in footer
    assert "<time" not in footer  # a copy of the project without its git history: no date, not a wrong one


def test_counts_come_from_the_quiz_data() -> None:
    questions = len(load_quiz().questions)
    minutes = math.ceil((questions + UNSCORED_QUESTIONS) * SECONDS_PER_QUESTION / 60)
    assert quiz_facts() == {"questions": questions, "unscored": UNSCORED_QUESTIONS, "minutes": minutes}


def test_the_pages_state_the_counts_of_the_quiz_where_they_say_so(site: Site) -> None:
    facts = quiz_facts()
    for lang in ("fr", "en"):
        for source in (ROOT / "content" / lang).glob("*.md"):
            text = source.read_text(encoding="utf-8").split("---", 2)[2]  # the page's text, below its front matter
            html = (site.path / lang / source.with_suffix(".html").name).read_text(encoding="utf-8")
            assert "{quiz_" not in html, source
            shown = visible_text(html).replace("\u00a0", " ")
            for key in facts:
                for before in re.findall(rf"(\w+ ){{quiz_{key}}}", text):
                    assert f"{before}{facts[key]}" in shown, f"{source.name}: {before}{{quiz_{key}}}"


def test_an_unknown_count_in_a_page_is_named(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    copy.edit("content/en/index.md", "answer {quiz_questions} short", "answer {quiz_answers} short")
    assert problems(copy.build()) == [
        "content/en/index.md: unknown placeholder '{quiz_answers}'; expected {quiz_questions}, {quiz_unscored} or "
        "{quiz_minutes}"]
