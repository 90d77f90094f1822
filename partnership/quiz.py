"""The quiz as data (quiz/questions.yml, quiz/texts.yml), checked, and its reference scorer.

Not a hook itself: hooks/quiz.py renders it, the tests import it. quiz/quiz.js scores in the
browser with the same rule as `score` below; a browser test checks that the two agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from partnership.data import (
    CONTENT,
    LANGUAGES,
    ROOT,
    DataError,
    Form,
    bilingual,
    bilingual_texts,
    describe,
    load_forms,
    load_yaml,
    markdown_ids,
    normalise,
    problem,
    rel,
    typeset,
)
from partnership.link_versions import check_published
from partnership.pages import original

QUIZ = ROOT / "quiz"
SOURCE = CONTENT / "sources" / "culture-de-partenariat.fr.txt"
_ID = re.compile(r"[a-z][a-z0-9-]*")
# Interface texts the template and quiz.js use, with the placeholders each must keep.
UI_KEYS = {
    "intro": ("{questions}", "{unscored}", "{minutes}"), "together": (), "start": (), "resume": (), "paper_title": (),
    "paper_intro": (),
    "paper_partnership": (), "paper_organisation": (), "paper_date": (), "paper_print": (), "paper_hint": (),
    "score_rows": (), "score_total": (), "score_result": (), "score_unscored": (), "progress": ("{n}", "{total}"),
    "previous": (), "next": (), "see_result": (), "change": (), "change_label": ("{n}",), "forget": (),
    "forgotten": (), "self_question": (), "self_unknown": (), "wish_question": (), "wish_unknown": (),
    "meet_question": (), "fears": (), "resistances": (), "own_label": (), "own_add": (), "own_remove": (),
    "grid_title": (), "grid_question": (), "grid_total": (), "result_clear": (), "result_between": (),
    "result_split": (), "result_pair": ("{from}", "{to}"), "result_split_note": (), "result_none": (),
    "unanswered_one": (), "unanswered_many": ("{count}",), "self_agree": ("{form}",), "self_differ": ("{form}",),
    "gap_title": ("{form}",), "self_none": (), "pulls_to": ("{form}",), "share": (), "print": (), "restart": (),
    "point": ("{count}",),
    "points": ("{count}",), "why_title": (), "why_scores": (), "why_towards": ("{form}",), "why_elsewhere": (),
    "wish_title": (), "wish_same": ("{form}",), "wish_further": ("{from}", "{to}", "{steps}"),
    "wish_back": ("{from}", "{to}", "{steps}"), "step_one": (), "step_many": ("{count}",),
    "wish_further_involves": (), "wish_back_involves": (), "not_better": (), "met_title": (), "met_none": (),
    "pleasures_title": (), "talk_title": (), "no_answer": (),
    # the result card's confirmations, changing an answer from the result, a turn's steps (quiz/js/flow.js)
    "forget_confirm": (), "forget_yes": (), "restart_confirm": (), "restart_yes": (), "keep_answers": (),
    "change_return": (), "turn_finish": (), "turn_cancel": (), "turn_cancelled": (),
    # the comparison of partners (quiz/js/share.js, compare.js, meeting.js)
    "compare": (), "share_title": (), "share_intro": (), "share_label": (), "share_own": (), "share_link": (),
    "share_copy": (), "share_copied": (), "share_copy_failed": (), "share_qr": (), "share_qr_label": (),
    "compare_title": (), "me": (), "partner_n": ("{n}",), "one_partner": ("{label}",), "take_to_compare": (),
    "add_title": (), "add_label": (), "add_button": (), "add_hint": (), "add_not_link": (), "add_full": (),
    "add_same": (), "added": ("{label}",), "remove_partner": ("{label}",), "link_damaged": (), "link_future": (),
    "link_long": (), "link_partial_one": (), "link_partial_many": ("{count}",), "col_partner": (),
    "col_answers": (), "col_self": (), "col_wish": (), "mark_answers": (), "mark_self": (), "mark_wish": (),
    "figure_compare": (), "far_apart": ("{a}", "{b}", "{steps}", "{from}", "{to}"), "agree_title": (),
    "agree_place": ("{form}",), "agree_none": (), "differ_title": (), "differ_none": (), "to_discuss": (),
    "met_compare": (), "met_yes": (), "met_no": (), "own_of": ("{label}",), "room": (), "room_intro": (),
    "room_label": (), "room_start": (), "room_turn": ("{label}",), "room_done": ("{label}",), "room_next": (),
    "room_show": (), "save": (), "open": (), "opened": (), "open_bad": (), "back_to_result": (),
    "forget_partners": (),
    # a partner's link opened, the paste form's errors, the printed comparison's header (quiz/js/compare.js)
    "far_apart_me": ("{b}", "{steps}", "{from}", "{to}"), "far_apart_note": (), "banner_title": (),
    "banner_sent": ("{label}",), "banner_kept": (), "banner_todo": ("{minutes}",), "error_title": (),
    "error_prefix": (), "add_empty": (), "print_name_label": (), "print_partnership": (), "print_date": (),
    "print_partners": (),
}


@dataclass(frozen=True)
class Answer:
    id: str
    text: dict[str, str]
    weights: dict[str, int]


@dataclass(frozen=True)
class Question:
    id: str
    source: str
    text: dict[str, str]
    answers: tuple[Answer, ...]
    prompt: dict[str, str]


@dataclass(frozen=True)
class Item:
    """A fear, a resistance or a pleasure of the text; its id is its anchor on the forms page."""

    id: str
    text: dict[str, str]


@dataclass(frozen=True)
class Quiz:
    forms: list[Form]
    questions: list[Question]
    ui: dict[str, dict[str, str]]
    talk: dict[str, dict[str, str]]
    pleasures_for: dict[str, list[str]]
    fears: list[Item]
    resistances: list[Item]
    pleasures: list[Item]
    links: dict[str, Any] = field(default_factory=dict)


def load_quiz(folder: Path = QUIZ) -> Quiz:
    """Both files of the quiz, checked; any problem is a DataError naming file, line and key.

    Read once per process while the files it reads are unchanged (three hooks and the checks ask)."""
    page = original(SOURCE)  # the forms, fears, resistances and pleasures have their anchors there
    read = [*sorted(folder.glob("*.yml")), folder / "links.lock", CONTENT / "forms.yml", SOURCE,
            *(CONTENT / lang / page for lang in LANGUAGES)]
    stamp = tuple((str(path), *_stamp(path)) for path in read)
    if _loaded.get(folder, (None,))[0] != stamp:
        _loaded[folder] = (stamp, _load_quiz(folder))
    return _loaded[folder][1]


_loaded: dict[Path, tuple[tuple[object, ...], Quiz]] = {}


def _stamp(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except OSError:
        return (-1, -1)
    return (found.st_mtime_ns, found.st_size)


def _load_quiz(folder: Path) -> Quiz:
    forms = load_forms()
    questions = _questions(folder / "questions.yml", forms)
    texts_path = folder / "texts.yml"
    where = rel(texts_path)
    texts = load_yaml(texts_path)
    if not isinstance(texts, dict):
        raise DataError(f"{where}: expected the keys ui, forms, fears, resistances, pleasures; found {describe(texts)}")
    ui = bilingual_texts(texts, "ui", where, UI_KEYS)
    items = {kind: _items(texts, kind, where) for kind in ("fears", "resistances", "pleasures")}
    talk, pleasures_for = _form_texts(texts, where, forms, {item.id for item in items["pleasures"]})
    quiz = Quiz(forms, questions, ui, talk, pleasures_for, items["fears"], items["resistances"], items["pleasures"])
    quiz = replace(quiz, links=_links(folder / "links.yml", quiz))
    _check_reachable(quiz, rel(folder / "questions.yml"))
    _check_mixed(quiz, rel(folder / "questions.yml"))
    return quiz


def _questions(path: Path, forms: list[Form]) -> list[Question]:
    where = rel(path)
    data = load_yaml(path)
    items = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise problem(where, data, "questions", "questions", f"expected a list of questions; found {describe(items)}")
    source = normalise(SOURCE.read_text(encoding="utf-8"))
    form_ids = [form.id for form in forms]
    questions: list[Question] = []
    for index, item in enumerate(items):
        at = f"questions[{index}]"
        _keys(item, items, index, at, where, ("id", "source", "text", "prompt", "answers"))
        question_id = _id(item, at, where, {q.id for q in questions}, "question")
        phrase = item.get("source")
        if not isinstance(phrase, str) or not phrase.strip() or normalise(phrase) not in source:
            raise problem(where, item, "source", f"{at}.source", f"expected a phrase quoted word for word from "
                          f"{rel(SOURCE)}; found {describe(phrase)}")
        text = bilingual(item, "text", f"{at}.text", where)
        prompt = bilingual(item, "prompt", f"{at}.prompt", where)
        answers_data = item.get("answers")
        if not isinstance(answers_data, list) or len(answers_data) < 2:
            raise problem(where, item, "answers", f"{at}.answers",
                          f"expected a list of at least two answers; found {describe(answers_data)}")
        answers: list[Answer] = []
        for number, answer in enumerate(answers_data):
            path_ = f"{at}.answers[{number}]"
            _keys(answer, answers_data, number, path_, where, ("id", "text", "weights"))
            answer_id = _id(answer, path_, where, {a.id for a in answers}, "answer")
            answer_text = bilingual(answer, "text", f"{path_}.text", where)
            for lang in LANGUAGES:  # two answers a reader cannot tell apart
                same = next((a for a in answers if normalise(a.text[lang]) == normalise(answer_text[lang])), None)
                if same is not None:
                    raise problem(where, answer["text"], lang, f"{path_}.text.{lang}",
                                  f"the same text as the answer '{same.id}' of this question; each answer needs "
                                  f"its own wording")
            answers.append(Answer(answer_id, answer_text, _weights(answer, path_, where, form_ids)))
        questions.append(Question(question_id, phrase, text, tuple(answers), prompt))
    return questions


def _keys(item: Any, parent: Any, index: int, at: str, where: str, keys: tuple[str, ...]) -> None:
    if not isinstance(item, dict):
        raise problem(where, parent, index, at, f"expected {', '.join(keys)}; found {describe(item)}")
    for key in item:
        if key not in keys:
            raise problem(where, item, key, f"{at}.{key}", f"unknown key; expected {', '.join(keys)}")


def _id(item: dict[str, Any], at: str, where: str, taken: set[str], what: str) -> str:
    value = item.get("id")
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise problem(where, item, "id", f"{at}.id",
                      f"expected a short lower-case id such as 'for-or-with'; found {describe(value)}")
    if value in taken:
        raise problem(where, item, "id", f"{at}.id", f"the id '{value}' is used twice; each {what} needs its own")
    return value


def _weights(answer: dict[str, Any], at: str, where: str, form_ids: list[str]) -> dict[str, int]:
    weights = answer.get("weights")
    if not isinstance(weights, dict):  # {} is an answer that gives no points, such as "I don't know"
        raise problem(where, answer, "weights", f"{at}.weights",
                      f"expected points for one form or more, e.g. {{cooperation: 2}}, or {{}} for an answer that "
                      f"gives none (\"I don't know\"); found {describe(weights)}")
    for form_id, points in weights.items():
        if form_id not in form_ids:
            raise problem(where, weights, form_id, f"{at}.weights",
                          f"unknown form '{form_id}'; expected one of {', '.join(form_ids)}")
        if isinstance(points, str) and re.fullmatch(r"[0-9]+,[0-9]+", points.strip()):
            raise problem(where, weights, form_id, f"{at}.weights.{form_id}",
                          f"{points.strip()} is not a whole number of points: weights are 1, 2 or 3 (write "
                          f"{form_id}: 1 or {form_id}: 2)")
        if not isinstance(points, int) or isinstance(points, bool) or not 1 <= points <= 3:
            raise problem(where, weights, form_id, f"{at}.weights.{form_id}",
                          f"expected a whole number of points from 1 to 3; found {describe(points)}")
    return dict(weights)


def _items(texts: dict[str, Any], kind: str, where: str) -> list[Item]:
    data = texts.get(kind)
    if not isinstance(data, list) or not data:
        raise problem(where, texts, kind, kind, f"expected a list of items (id, text); found {describe(data)}")
    items: list[Item] = []
    for index, item in enumerate(data):
        at = f"{kind}[{index}]"
        _keys(item, data, index, at, where, ("id", "text"))
        item_id = _id(item, at, where, {i.id for i in items}, "item")
        items.append(Item(item_id, bilingual(item, "text", f"{at}.text", where)))
    for lang in LANGUAGES:
        page = CONTENT / lang / original(SOURCE)
        anchors = markdown_ids(page)
        for index, item in enumerate(items):
            if item.id not in anchors:
                raise problem(where, data, index, f"{kind}[{index}].id",
                              f"'{item.id}' is not an anchor of {rel(page)}; expected one of its ids, e.g. "
                              f"'{next((a for a in anchors if a.startswith(kind[:-1] + '-')), anchors[0])}'")
    return items


def _form_texts(
    texts: dict[str, Any], where: str, forms: list[Form], pleasure_ids: set[str]
) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    data = texts.get("forms")
    if not isinstance(data, dict):
        raise problem(where, texts, "forms", "forms", f"expected one entry per form; found {describe(data)}")
    talk, pleasures = {}, {}
    for form in forms:
        entry = data.get(form.id)
        if not isinstance(entry, dict):
            raise problem(where, data, None, f"forms.{form.id}",
                          f"missing; expected talk: {{fr: …, en: …}} and pleasures: [ids] for the form '{form.id}'")
        _keys(entry, data, 0, f"forms.{form.id}", where, ("talk", "pleasures"))
        talk[form.id] = bilingual(entry, "talk", f"forms.{form.id}.talk", where)
        chosen = entry.get("pleasures")
        if not isinstance(chosen, list) or not chosen or not set(chosen) <= pleasure_ids:
            raise problem(where, entry, "pleasures", f"forms.{form.id}.pleasures",
                          f"expected a list of pleasure ids ({', '.join(sorted(pleasure_ids))}); "
                          f"found {describe(chosen)}")
        pleasures[form.id] = list(chosen)
    for key in data:
        if key not in talk:
            raise problem(where, data, key, f"forms.{key}",
                          f"unknown form '{key}'; expected one of {', '.join(f.id for f in forms)}")
    return talk, pleasures


def _check_reachable(quiz: Quiz, where: str) -> None:
    """Every form can be the result: choosing, for each question, the answer that favours it most."""
    for form in quiz.forms:
        result = score(quiz, favouring(quiz, form.id))
        if result["forms"] != [form.id]:
            found = " and ".join(result["forms"]) or "no form"
            raise DataError(
                f"{where}: questions[].answers[].weights: the form '{form.id}' cannot be reached; expected it to "
                f"win when every answer most in its favour is chosen; found {found} "
                f"(give '{form.id}' more points in some answers)"
            )


def _links(path: Path, quiz: Quiz) -> dict[str, Any]:
    """The versions of the shared-link format (quiz/links.yml), the latest able to carry every answer."""
    where = rel(path)
    data = load_yaml(path)
    versions = data.get("versions") if isinstance(data, dict) else None
    if not isinstance(versions, list) or not versions:
        raise problem(where, data, "versions", "versions", f"expected a list of versions; found {describe(versions)}")
    check_published(versions, path, path.with_name("links.lock"))  # a published version never changes
    for index, version in enumerate(versions):
        at = f"versions[{index}]"
        _keys(version, versions, index, at, where, ("version", "questions", "forms", "items"))
        if version.get("version") != index + 1:
            raise problem(where, version, "version", f"{at}.version",
                          f"expected {index + 1} (versions are numbered 1, 2, 3… in order); "
                          f"found {describe(version.get('version'))}")
        questions = version.get("questions")
        if not isinstance(questions, dict) or not all(
            isinstance(answers, list) and answers and all(isinstance(a, str) for a in answers)
            for answers in questions.values()
        ):
            raise problem(where, version, "questions", f"{at}.questions",
                          f"expected each question id with its answer ids, e.g. for-or-with: [a, b, c]; "
                          f"found {describe(questions)}")
        for key in ("forms", "items"):
            if not isinstance(version.get(key), list) or not all(isinstance(i, str) for i in version[key]):
                raise problem(where, version, key, f"{at}.{key}",
                              f"expected a list of ids; found {describe(version.get(key))}")
    renamed = data.get("renamed") or {}
    if not isinstance(renamed, dict) or not all(isinstance(renamed.get(k) or {}, dict) for k in renamed):
        raise problem(where, data, "renamed", "renamed",
                      f"expected questions, answers, forms and items, each old id: new id; found {describe(renamed)}")
    latest, at = versions[-1], f"versions[{len(versions) - 1}]"
    needed = [("forms", form.id) for form in quiz.forms] + [("items", i.id) for i in quiz.fears + quiz.resistances]
    missing = [f"the {kind[:-1]} '{item}'" for kind, item in needed if item not in latest[kind]]
    for question in quiz.questions:
        known = latest["questions"].get(question.id)
        if known is None:
            missing.append(f"the question '{question.id}'")
            continue
        missing += [f"the answer '{a.id}' of '{question.id}'" for a in question.answers if a.id not in known]
    if missing:
        raise problem(where, versions, len(versions) - 1, at,
                      f"{', '.join(missing)} cannot travel in a shared link; expected a new version at the end of "
                      f"versions that lists it (keep the older ones: links made with them must still open)")
    return {"versions": versions, "renamed": {key: dict(renamed.get(key) or {}) for key in
                                              ("questions", "answers", "forms", "items")}}


def _check_mixed(quiz: Quiz, where: str) -> None:
    """The position of an answer must not give its form away: not every question in scale order."""
    order = {form.id: form.order for form in quiz.forms}

    def place(answer: Answer) -> int:
        return min(order[f] for f, points in answer.weights.items() if points == max(answer.weights.values()))

    places = [[place(a) for a in q.answers if a.weights] for q in quiz.questions]  # an answer without points has none
    if all(found == sorted(found) for found in places):
        raise DataError(
            f"{where}: questions[].answers: every question lists its answers in the order of the forms, so "
            f"an answer's place gives its form away; expected the answers of some questions in another order"
        )


def favouring(quiz: Quiz, form_id: str) -> dict[str, str]:
    """The answer pattern most in favour of a form: per question, most points for it, fewest for others."""
    return {
        question.id: max(
            question.answers,
            key=lambda a: (a.weights.get(form_id, 0), a.weights.get(form_id, 0) - sum(a.weights.values())),
        ).id
        for question in quiz.questions
    }


def score(quiz: Quiz, answers: dict[str, str]) -> dict[str, Any]:
    """The scoring rule (quiz/quiz.js implements the same one).

    Each chosen answer adds its points to its forms. The form with the most points wins (on equal
    points, the one nearer 'service'). If the runner-up has points and is within a tenth of the
    winner (difference x 10 <= winner's points), the result names both, in scale order: 'between'
    when they are neighbours on the scale, 'split' otherwise. `pulls` lists, for each form named,
    the questions whose answer gave it points.
    """
    scores = {form.id: 0 for form in quiz.forms}
    chosen = {}
    for question in quiz.questions:
        answer = next((a for a in question.answers if a.id == answers.get(question.id)), None)
        if answer:
            chosen[question.id] = answer
            for form_id, points in answer.weights.items():
                scores[form_id] += points
    order = {form.id: form.order for form in quiz.forms}
    ranked = sorted(scores, key=lambda form_id: (-scores[form_id], order[form_id]))
    best, second = ranked[0], ranked[1]
    if scores[best] == 0:
        kind, named = "none", []
    elif scores[second] > 0 and (scores[best] - scores[second]) * 10 <= scores[best]:
        named = sorted((best, second), key=order.__getitem__)
        kind = "between" if order[named[1]] - order[named[0]] == 1 else "split"
    else:
        kind, named = "clear", [best]
    pulls = {form_id: [q for q, a in chosen.items() if a.weights.get(form_id, 0) > 0] for form_id in named}
    return {"scores": scores, "kind": kind, "forms": named, "pulls": pulls}


MARKER = "<!-- quiz -->"


# quiz/js/, in the order they are joined into the quiz.js a browser loads.
SCRIPTS = ("texts.js", "storage.js", "scoring.js", "figure.js", "result.js", "flow.js", "paper.js")


# quiz/js/, joined into the compare.js the page loads only when a reader shares or compares.
COMPARE_SCRIPTS = ("codec.js", "qr.js", "share.js", "compare.js", "meeting.js")


STYLES = ("quiz.css", "compare.css")


# The comparison's texts (written by compare.js, which the page loads only when a reader shares or compares).
COMPARE_TEXTS = (
    "compare",
    "share_title",
    "share_intro",
    "share_label",
    "share_own",
    "share_link",
    "share_copy",
    "share_copied",
    "share_copy_failed",
    "share_qr",
    "share_qr_label",
    "compare_title",
    "me",
    "partner_n",
    "one_partner",
    "take_to_compare",
    "add_title",
    "add_label",
    "add_button",
    "add_hint",
    "add_not_link",
    "add_full",
    "add_same",
    "added",
    "remove_partner",
    "link_damaged",
    "link_future",
    "link_long",
    "link_partial_one",
    "link_partial_many",
    "col_partner",
    "col_answers",
    "col_self",
    "col_wish",
    "mark_answers",
    "mark_self",
    "mark_wish",
    "figure_compare",
    "far_apart",
    "agree_title",
    "agree_place",
    "agree_none",
    "differ_title",
    "differ_none",
    "to_discuss",
    "met_compare",
    "met_yes",
    "met_no",
    "own_of",
    "room",
    "room_intro",
    "room_label",
    "room_start",
    "room_done",
    "room_next",
    "room_show",
    "save",
    "open",
    "opened",
    "open_bad",
    "back_to_result",
    "forget_partners",
    "far_apart_me",
    "far_apart_note",
    "banner_title",
    "banner_sent",
    "banner_kept",
    "banner_todo",
    "error_title",
    "error_prefix",
    "add_empty",
    "print_name_label",
    "print_partnership",
    "print_date",
    "print_partners",
)


# The interface texts quiz.js writes itself (the template writes the others into the page).
JS_TEXTS = (
    "progress", "resume", "next", "see_result", "change", "change_label", "forgotten", "own_remove", "result_clear",
    "result_between", "result_split", "result_pair", "result_split_note", "result_none", "unanswered_one",
    "unanswered_many", "self_agree", "self_differ", "gap_title", "self_none", "pulls_to", "share", "print", "restart",
    "forget", "point", "points", "why_title", "why_scores", "why_towards", "why_elsewhere", "wish_title",
    "wish_same", "wish_further", "wish_back", "step_one", "step_many", "wish_further_involves",
    "wish_back_involves", "not_better", "met_title", "met_none", "pleasures_title", "talk_title", "no_answer",
    "own_label", "own_add", "fears", "resistances", "self_unknown", "compare",
    "forget_confirm", "forget_yes", "restart_confirm", "restart_yes", "keep_answers", "change_return",
    "room_turn", "turn_finish", "turn_cancel", "turn_cancelled",
)


_COMMENT = re.compile(r"/\*.*?\*/|^\s*//[^\n]*$", re.S | re.M)


def _compare_data(quiz: Quiz, lang: str, minutes: int) -> str:
    """What only the comparison needs, in the page's language, at the head of compare.js (not in every quiz page):
    its texts, the discussion prompt of each question and the table of shared links (quiz/links.yml)."""
    data = {
        "texts": {key: typeset(quiz.ui[key][lang], lang) for key in COMPARE_TEXTS},
        "prompts": {question.id: typeset(question.prompt[lang], lang) for question in quiz.questions},
        "links": quiz.links,
        "minutes": minutes,  # how long the quiz takes (hooks/quiz_facts.py), said to a partner whose link opens
    }
    payload = json.dumps(data, ensure_ascii=False)
    return f"window.PartnershipQuiz=Object.assign(window.PartnershipQuiz||{{}},{payload});\n"


def _style(name: str) -> str:
    """A stylesheet of quiz/ without its comments and the spaces around its punctuation."""
    css = re.sub(r"/\*.*?\*/", "", (QUIZ / name).read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip() + "\n"


def _script(names: tuple[str, ...]) -> str:
    """Files of quiz/js/ joined into one, comments and indentation left out (fewer bytes to load)."""
    parts = []
    for name in names:
        source = _COMMENT.sub("", (QUIZ / "js" / name).read_text(encoding="utf-8"))
        parts.append("\n".join(line.strip() for line in source.splitlines() if line.strip()))
    return "\n".join(parts) + "\n"
