"""Data whose meaning YAML would change without a word is refused, and a mistake is said with its real cause:
a ' #' that cuts a text, a published version of quiz/links.yml edited, curly quotes, invisible spaces, a date
that is none, a decimal comma, '{}' with lines after it, a picture or a link in the wrong folder, and the
mistakes a hurried editor makes (docs/errors.md). Each case is a copy of the project with the frozen content of
tests/fixture/, built as an editor builds it: one line, and the site published before left as it was."""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Callable

import pytest
from conftest import FIXTURE, Project
from test_editor_errors import FORBIDDEN, Edit, build_with_previous_site, one_clear_line, replace, transform, write

from partnership import data as _data

BuildProject = Callable[[], Project]
PAGE = "content/fr/about.md"  # pages, lines and texts of the fixture (tests/fixture/)
FRONT = "title: À propos\n"
HEADING = "# À propos\n"
SITE_NAME = "  fr: Culture de partenariat\n"  # content/strings.yml, line 5
ANSWER = "weights: {concertation: 2, cooperation: 1}"  # quiz/questions.yml, line 30: questions[0].answers[0]
ANSWER_TEXT = "fr: Nous travaillons ensemble sur certains points, en ajustant nos actions."  # line 28
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJ"
                       "RU5ErkJggg==")  # one pixel
FIRST_ANSWERS = "for-or-with: [a, b, c, d, e]"  # quiz/links.yml, version 1
FIXTURE_LINKS = (FIXTURE / "quiz" / "links.yml").read_text(encoding="utf-8").splitlines()
VERSION_1 = FIXTURE_LINKS.index("  - version: 1") + 1  # its line


def add_version(text: str) -> str:
    """quiz/links.yml with a version 2 at the end, a copy of version 1 (as docs/README.md section 6 says)."""
    block = re.search(r"^  - version: 1\n(?:    .*\n|\s*\n)*?(?=\S|\n\S)", text, flags=re.M).group(0).rstrip("\n")
    return text.replace(block, block + "\n" + block.replace("version: 1", "version: 2"), 1)


# case: (edits, the message starts with, the message contains)
CASES: dict[str, tuple[list[Edit], str, str]] = {
    # --- a ' #' cuts a text (YAML reads a comment)
    "a ' #' in an interface text": ([replace("content/strings.yml", SITE_NAME, "  fr: Culture # de partenariat\n")],
                                    "content/strings.yml:5: site_name.fr: the text is cut at ' #'",
                                    'put the whole text between double quotes, e.g. fr: "… # …"'),
    "a ' #' in an answer": ([replace("quiz/questions.yml", ANSWER_TEXT, ANSWER_TEXT.replace(", en", " # en"))],
                            "quiz/questions.yml:28: questions[0].answers[0].text.fr: the text is cut at ' #'", ""),
    "a ' #' in a page title": ([replace(PAGE, FRONT, "title: À propos # Sources\n")],
                               "content/fr/about.md:2: title: the text is cut at ' #'", ""),
    # --- a published version of quiz/links.yml edited
    "a published version reordered": ([replace("quiz/links.yml", FIRST_ANSWERS, "for-or-with: [b, a, c, d, e]")],
                                      f"quiz/links.yml:{VERSION_1}: version 1 was changed after it was published",
                                      "add your change as a new version at the end (copy the last version, number "
                                      "it 2)"),
    "a published version given an answer": ([replace("quiz/links.yml", FIRST_ANSWERS,
                                                     "for-or-with: [a, b, c, d, e, f]")],
                                            f"quiz/links.yml:{VERSION_1}: version 1 was changed after it was "
                                            "published", ""),
    "the record of the versions edited": ([transform("quiz/links.lock", lambda t: t.replace(" sha256:", " sha:"))],
                                          "quiz/links.lock:4: this line is not as the build wrote it", ""),
    # --- curly quotes, invisible spaces, dates, decimal commas, '{}'
    "curly quotes around a title with a colon": ([replace(PAGE, FRONT, "title: “Sources : d’où”\n")],
                                                 "content/fr/about.md:2: not valid YAML: curly quotes (“ ” or ‘ ’) "
                                                 "do not quote a text in YAML", 'use straight double quotes "…"'),
    "curly single quotes around a text": ([replace("content/strings.yml", SITE_NAME,
                                                   "  fr: ‘Culture de partenariat’\n")],
                                          "content/strings.yml:5: site_name.fr: curly quotes", ""),
    "a no-break space in the indentation": ([replace("content/strings.yml", SITE_NAME, "\u00a0" + SITE_NAME[1:])],
                                            "content/strings.yml:5: not valid YAML: a no-break space (U+00A0) at the "
                                            "start of line 5",
                                            "indent with ordinary spaces"),
    "a no-break space before a key's colon": ([replace("content/strings.yml", SITE_NAME,
                                                       SITE_NAME.replace("fr:", "fr\u00a0:"))],
                                              "content/strings.yml:5: a no-break space (U+00A0) before the colon of "
                                              "'fr'", "write 'fr:'"),
    "a zero-width space inside an id": ([replace(PAGE, "{#sources}", "{#sour\u200bces}")],
                                        "content/fr/about.md:8: a zero-width space (U+200B) inside the id '#sources'",
                                        ""),
    "a date that is none": ([replace(PAGE, FRONT, FRONT + "date: 2026-13-45\n")],
                            "content/fr/about.md:3: date: 2026-13-45 is not a date", ""),
    "a decimal comma in a weight": ([replace("quiz/questions.yml", ANSWER, ANSWER.replace(": 1}", ": 1,5}"))],
                                    "quiz/questions.yml:30: questions[0].answers[0].weights: 1,5 is not a whole "
                                    "number of points: weights are 1, 2 or 3", "write cooperation: 1 or "),
    "'{}' left above new lines": ([replace("content/redirects.yml", "redirects: {}",
                                           "redirects: {}\n  about.html: editorial.html")],
                                  "content/redirects.yml:", "'redirects: {}' says there are none, and lines follow"),
    # --- pictures and links in the wrong folder
    "a picture left in content/images/": ([write("content/images/photo.jpg", b"\xff\xd8\xff\xd9"),
                                           replace(PAGE, HEADING, HEADING + "\n![Une photo](images/photo.jpg)\n")],
                                          "content/fr/about.md: the picture 'images/photo.jpg' is not in "
                                          "content/fr/images/ (it is in content/images/",
                                          "each language's pictures are in its own folder"),
    "a picture of the other language": ([write("content/en/images/photo.png", PNG),
                                         replace(PAGE, HEADING, HEADING + "\n![Une photo](images/photo.png)\n")],
                                        "content/fr/about.md: the picture 'images/photo.png' is not in "
                                        "content/fr/images/ (it is in content/en/images/", ""),
    "a link into the other language": ([replace(PAGE, HEADING, HEADING + "\n[About](../en/about.md)\n")],
                                       "content/fr/about.md: the link '../en/about.md' leads into content/en/",
                                       "links stay in the page's language: link to 'about.md'"),
    # --- what else a hurried editor does
    "two keys on one line": ([replace("quiz/questions.yml", ANSWER, "weights: cooperation: 2")],
                             "quiz/questions.yml:30: not valid YAML: two 'key: value' on one line",
                             "write weights: {cooperation: 2}"),
    "a year as a text": ([replace("content/strings.yml", SITE_NAME, "  fr: 2026\n")],
                         "content/strings.yml:4: site_name.fr: YAML reads the number 2026 here, not a text", ""),
    "a time as a text": ([replace("content/strings.yml", SITE_NAME, "  fr: 1:30\n")],
                         "content/strings.yml:5: site_name.fr: YAML reads 1:30 as the number 90", ""),
    "a word processor's dash as a list item": ([replace("quiz/questions.yml", "      - id: c\n", "      – id: c\n")],
                                               "quiz/questions.yml:", "(a dash or bullet from a word processor)"),
    "'=' alone as a text": ([replace("content/strings.yml", SITE_NAME, "  fr: =\n")],
                            "content/strings.yml:5: not valid YAML: '<<' or '=' has a meaning of its own", ""),
    "a decimal comma on a line of its own": ([replace("quiz/questions.yml", ANSWER, "weights:\n          "
                                                      "concertation: 2\n          cooperation: 1,5")],
                                             "quiz/questions.yml:32: questions[0].answers[0].weights.cooperation: 1,5 "
                                             "is not a whole number of points", ""),
    "two answers with the same text": ([replace("quiz/questions.yml", ANSWER_TEXT,
                                                "fr: L’un de nous travaille pour l’autre, qui fixe la tâche.")],
                                       "quiz/questions.yml:33: questions[0].answers[1].text.fr: the same text as the "
                                       "answer 'c' of this question", ""),
    "'no' as a text": ([replace("content/strings.yml", SITE_NAME, "  fr: No\n")],
                       "content/strings.yml:4: site_name.fr: YAML reads the yes/no value false here, not a text", ""),
    "an octal number": ([replace("content/forms.yml", "    order: 1\n", "    order: 010\n")],
                        "content/forms.yml:13: forms[0].order: YAML reads 010 as the number 8", ""),
    "a '?' in a text between brackets": ([replace("quiz/questions.yml", ANSWER, "weights: {concertation?: 2}")],
                                         "quiz/questions.yml:30: not valid YAML: a question mark inside a text "
                                         "between brackets", ""),
}


@pytest.mark.parametrize("case", CASES)
def test_a_change_of_meaning_gets_one_line_naming_its_cause(fixture_project: BuildProject, case: str) -> None:
    one_clear_line(fixture_project(), *CASES[case])


def test_comments_and_quoted_hashes_still_build(fixture_project: BuildProject) -> None:
    """A comment after a quoted text or two spaces away (as the data files align theirs) stays a comment."""
    copy = fixture_project()
    copy.edit("content/strings.yml", SITE_NAME, '  fr: "Culture # de partenariat"  # the name of the site\n')
    copy.edit(PAGE, FRONT, "title: À propos   # the menu shows it\n")
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = copy.file("site/fr/about.html").read_text(encoding="utf-8")
    assert "Culture # de partenariat" in page and "<title>À propos - " in page


def test_a_new_version_is_recorded_and_then_never_changes(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    copy.file("quiz/links.yml").write_text(add_version(copy.file("quiz/links.yml").read_text(encoding="utf-8")),
                                           encoding="utf-8")
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    lock = copy.file("quiz/links.lock").read_text(encoding="utf-8")
    shutil.rmtree(copy.file("site"))
    assert re.search(r"^1 sha256:\w{64}\n2 sha256:\w{64}\n\Z", lock, flags=re.M), lock
    text = copy.file("quiz/links.yml").read_text(encoding="utf-8")
    last = text.rindex(FIRST_ANSWERS)
    copy.file("quiz/links.yml").write_text(text[:last] + "for-or-with: [e, d, c, b, a]" +
                                           text[last + len(FIRST_ANSWERS):], encoding="utf-8")
    problems = build_with_previous_site(copy)
    assert len(problems) == 1 and re.match(r"quiz/links\.yml:\d+: version 2 was changed after it was published",
                                           problems[0]), problems
    assert "number it 3" in problems[0]


def test_a_published_version_deleted_stops_the_build(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    copy.file("quiz/links.lock").write_text(copy.file("quiz/links.lock").read_text(encoding="utf-8") +
                                            "2 sha256:" + "0" * 64 + "\n", encoding="utf-8")
    problems = build_with_previous_site(copy)
    assert problems == [problems[0]] and problems[0].startswith(
        f"quiz/links.yml:{VERSION_1}: versions: version 2 was deleted after it was published"), problems
    assert FORBIDDEN.search(problems[0]) is None


@pytest.mark.parametrize("text", ["order: 3 # the third\n", 'fr: "a # b" # a note\n', "order: 01\n", "fr: 100% sûr\n",
                                  "fr: un texte  # aligned\n", "items: []  # none yet\n", "fr: |\n  a # b\n"])
def test_what_means_what_it_says_is_read(text: str) -> None:
    """Comments after a number, a quoted text or two spaces away, and '01', are read as written."""
    assert _data.parse_yaml(text, "x.yml") is not None
