"""The quiz as data: grounded in the text, every form reachable, one scoring rule, clear errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from string import ascii_lowercase

import pytest
from conftest import ROOT, Project, Site
from test_build_errors import problems

from partnership.data import load_forms, normalise
from partnership.quiz import SOURCE, favouring, load_quiz, score

FORM_IDS = [form.id for form in load_forms()]


def test_there_are_eight_to_twelve_questions_each_quoting_the_original() -> None:
    quiz = load_quiz()
    assert 8 <= len(quiz.questions) <= 12
    source = normalise(SOURCE.read_text(encoding="utf-8"))
    for question in quiz.questions:
        assert normalise(question.source) in source, question.id


def test_every_form_s_own_phrase_is_turned_into_a_question() -> None:
    sources = [normalise(question.source) for question in load_quiz().questions]
    for form in load_forms():
        assert any(source in normalise(form.definition["fr"]) for source in sources), form.id


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_each_form_is_reached_by_the_answers_most_in_its_favour(form_id: str) -> None:
    quiz = load_quiz()
    pattern = favouring(quiz, form_id)
    assert sorted(pattern) == sorted(q.id for q in quiz.questions)
    result = score(quiz, pattern)
    assert (result["kind"], result["forms"]) == ("clear", [form_id])


def test_points_add_up_per_form(make_quiz: Callable[..., object]) -> None:
    quiz = make_quiz({"a": {"service": 3}, "b": {"fusion": 1}}, {"a": {"service": 2, "information": 1}, "b": {}})
    result = score(quiz, {"q1": "a", "q2": "a"})
    assert result["scores"] == {**dict.fromkeys(FORM_IDS, 0), "service": 5, "information": 1}
    assert (result["kind"], result["forms"]) == ("clear", ["service"])
    assert result["pulls"] == {"service": ["q1", "q2"]}


def test_no_answer_gives_no_form(make_quiz: Callable[..., object]) -> None:
    result = score(make_quiz({"a": {"service": 3}, "b": {"fusion": 1}}), {})
    assert (result["kind"], result["forms"], result["pulls"]) == ("none", [], {})


def test_an_answer_without_points_counts_like_no_answer(make_quiz: Callable[..., object]) -> None:
    """ "I don't know" (weights: {}) adds nothing and pulls towards no form, as a question left unanswered."""
    quiz = make_quiz({"a": {"service": 3}, "b": {"fusion": 3}}, {"a": {"cooperation": 3}, "dunno": {}})
    assert score(quiz, {"q1": "b", "q2": "dunno"}) == score(quiz, {"q1": "b"})
    assert score(quiz, {"q2": "dunno"})["kind"] == "none"


def test_the_quiz_has_an_answer_for_a_reader_who_does_not_know() -> None:
    """Who the action is for and how involved they are is a question some readers cannot answer."""
    quiz = load_quiz()
    recipients = next(question for question in quiz.questions if question.id == "recipients")
    assert [answer.id for answer in recipients.answers if not answer.weights] == ["e"]


def test_neighbours_within_a_tenth_are_between(make_quiz: Callable[..., object]) -> None:
    quiz = make_quiz(*[{"a": {"concertation": 3}, "b": {"consultation": 3}}] * 7)
    # 4 x 3 = 12 for consultation, 3 x 3 = 9 for concertation: 3 x 10 > 12, clear
    assert score(quiz, {f"q{n}": "b" if n <= 4 else "a" for n in range(1, 8)})["forms"] == ["consultation"]
    quiz = make_quiz({"a": {"concertation": 10}}, {"a": {"consultation": 9}})
    result = score(quiz, {"q1": "a", "q2": "a"})  # 1 x 10 <= 10: between, in scale order
    assert (result["kind"], result["forms"]) == ("between", ["consultation", "concertation"])


def test_far_apart_forms_within_a_tenth_are_a_split(make_quiz: Callable[..., object]) -> None:
    quiz = make_quiz({"a": {"fusion": 3}}, {"a": {"service": 3}})
    result = score(quiz, {"q1": "a", "q2": "a"})
    assert (result["kind"], result["forms"]) == ("split", ["service", "fusion"])
    assert result["pulls"] == {"service": ["q2"], "fusion": ["q1"]}


def test_equal_points_go_to_the_form_nearer_service_first(make_quiz: Callable[..., object]) -> None:
    quiz = make_quiz({"a": {"cooperation": 2, "concertation": 2}})
    assert score(quiz, {"q1": "a"})["forms"] == ["concertation", "cooperation"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_quiz_page_is_linked_from_the_home_and_forms_pages(site: Site, lang: str) -> None:
    for page in ("index.html", "partnership-culture.html"):
        assert 'href="quiz.html"' in (site.path / lang / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_paper_grid_gives_the_points_of_the_data(site: Site, lang: str) -> None:
    quiz = load_quiz()
    html = (site.path / lang / "quiz.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><th scope="row">(\d+)</th>(.*?)</tr>', html)
    assert [int(number) for number, _ in rows] == list(range(1, len(quiz.questions) + 1))
    for (_, cells), question in zip(rows, quiz.questions, strict=True):
        found = re.findall(r"<td>(.*?)</td>", cells)
        letters = dict(zip((a.id for a in question.answers), ascii_lowercase, strict=False))  # in the order shown
        expected = [
            "\u2002".join(f"{letters[a.id]}\u00a0{a.weights[f]}" for a in question.answers if f in a.weights)
            for f in FORM_IDS
        ]
        assert found == expected, question.id


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_paper_letters_follow_the_order_shown(site: Site, lang: str) -> None:
    quiz = load_quiz()
    html = (site.path / lang / "quiz.html").read_text(encoding="utf-8")
    for question in quiz.questions:
        found = re.findall(rf'name="{question.id}" value="([a-z]+)"[^>]*> <span class="quiz__letter">([a-z])\.</span>',
                           html)
        assert found == [(a.id, letter) for a, letter in zip(question.answers, ascii_lowercase, strict=False)]


def test_the_answers_are_not_in_the_order_of_the_forms() -> None:
    """An answer's position must not give its form away: no question lists them in scale order."""
    quiz = load_quiz()
    order = {form.id: form.order for form in quiz.forms}
    for question in quiz.questions:
        places = [min(order[f] for f, p in a.weights.items() if p == max(a.weights.values()))
                  for a in question.answers if a.weights]  # "I don't know" gives no form: it has no place
        assert places != sorted(places) and places != sorted(places, reverse=True), question.id


# (file, old text, new text), the exact message the editor gets: lines and texts of the frozen quiz data of
# tests/fixture/ (fixture_project), which the editors' rewording never reaches
CASES = {
    "YAML syntax error": (
        ("quiz/questions.yml", "  - id: informing", "  - id: [informing"),
        "quiz/questions.yml:52: not valid YAML: a list opened with '[' on this line is never closed with ']'",
    ),
    "missing translation": (
        ("quiz/questions.yml", "      en: In this partnership, does one of you mostly work “for” the other, or do you "
         "work “with” each other?\n", ""),
        'quiz/questions.yml:19: questions[0].text.en: missing the English text (text: {fr: "…", en: "…"}); '
        "found nothing",
    ),
    "unknown form id": (
        ("quiz/questions.yml", "weights: {concertation: 2, cooperation: 1}", "weights: {concertation: 2, coop: 1}"),
        "quiz/questions.yml:30: questions[0].answers[0].weights: unknown form 'coop'; expected one of service, "
        "information, consultation, concertation, cooperation, reciprocity, fusion",
    ),
    "duplicate question id": (
        ("quiz/questions.yml", "  - id: approval", "  - id: opinion"),
        "quiz/questions.yml:122: questions[3].id: the id 'opinion' is used twice; each question needs its own",
    ),
    "a phrase that is not in the text": (
        ("quiz/questions.yml", 'source: "nos identités ont disparu"', 'source: "nos identités ont fondu"'),
        "quiz/questions.yml:293: questions[8].source: expected a phrase quoted word for word from "
        "content/sources/culture-de-partenariat.fr.txt; found 'nos identités ont fondu'",
    ),
    "interface text without its placeholder": (
        ("quiz/texts.yml", "    en: Question {n} of {total}", "    en: Question {n}"),
        "quiz/texts.yml:33: ui.progress.en: expected the placeholder {total} in the text (the build puts a value "
        "there); found 'Question {n}'",
    ),
    "a fear that is not an anchor of the text": (
        ("quiz/texts.yml", "  - id: fear-soul", "  - id: fear-sol"),
        "quiz/texts.yml:538: fears[5].id: 'fear-sol' is not an anchor of content/fr/partnership-culture.md; "
        "expected one of its ids, e.g. 'fear-identity'",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_quiz_data_gets_one_clear_message(fixture_project: Callable[[], Project], case: str) -> None:
    (path, old, new), expected = CASES[case]
    copy = fixture_project()
    copy.edit(path, old, new)
    assert problems(copy.build()) == [expected]


def test_a_duplicate_answer_id_is_named(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    text = copy.file("quiz/questions.yml").read_text(encoding="utf-8")
    start = text.index("  - id: informing")
    second = text.index("      - id: b", start)
    copy.file("quiz/questions.yml").write_text(text[:second] + "      - id: a" + text[second + 13:], encoding="utf-8")
    assert problems(copy.build()) == [
        "quiz/questions.yml:76: questions[1].answers[3].id: the id 'a' is used twice; each answer needs its own"
    ]


def test_a_question_without_answers_is_named(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    path = copy.file("quiz/questions.yml")
    text = path.read_text(encoding="utf-8")
    last = text.index("    answers:", text.index("  - id: who-does-what"))
    path.write_text(text[:last] + "    answers: []\n", encoding="utf-8")
    assert problems(copy.build()) == [
        "quiz/questions.yml:330: questions[9].answers: expected a list of at least two answers; found an empty list"
    ]


def test_weights_that_leave_a_form_unreachable_are_refused(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    path = copy.file("quiz/questions.yml")
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"weights: \{fusion: \d\}", "weights: {service: 1}", text)
    path.write_text(text.replace("weights: {fusion: 2, reciprocity: 1}", "weights: {reciprocity: 1}"),
                    encoding="utf-8")
    assert problems(copy.build()) == [
        "quiz/questions.yml: questions[].answers[].weights: the form 'fusion' cannot be reached; expected it to win "
        "when every answer most in its favour is chosen; found service (give 'fusion' more points in some answers)"
    ]


def test_a_missing_interface_text_is_named(fixture_project: Callable[[], Project]) -> None:
    copy = fixture_project()
    copy.edit("quiz/texts.yml", "  progress:\n    fr: Question {n} sur {total}\n    en: Question {n} of {total}\n", "")
    assert problems(copy.build()) == [
        'quiz/texts.yml:6: ui.progress: missing; expected a text in each language (progress: {fr: "…", en: "…"})'
    ]


def test_every_text_quiz_js_writes_is_given_to_it_by_the_page() -> None:
    from partnership.quiz import COMPARE_TEXTS, JS_TEXTS

    script = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "quiz" / "js").glob("*.js"))
    ui = set(load_quiz().ui)
    actions = set(re.findall(r'data-action="([a-z]+)"', (ROOT / "quiz" / "quiz.html").read_text(encoding="utf-8")))
    used = set(re.findall(r'"([a-z_]+)"', script)) & ui - actions  # every interface key the script names
    used |= {f"result_{kind}" for kind in ("clear", "between", "split")}  # written "result_" + kind
    used |= {"resume"}  # the label "Start" becomes when answers are kept
    used -= {"intro"}  # the name of a view (flow.js), not the text
    assert len(used) > 20
    given = set(JS_TEXTS) | set(COMPARE_TEXTS)
    assert used <= given, used - given
    assert given <= ui
