"""A careless editor at work: every mistake below gets one clear line naming the file (and the line
or key), with no traceback and no programming word, and the site published before stays as it was.

Each case is what an editor does to a scratch copy of the project with the frozen content of tests/fixture/
(tests/conftest.py `fixture_project`), and what the one message must start with and contain: the pages, lines
and texts named here are the fixture's, which the editors' changes to the real content never reach.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from conftest import BUILD_CACHE, Project, copy_env

BuildProject = Callable[[], Project]
Edit = Callable[[Project], None]

# What must never reach an editor: Python's words for its errors, a traceback, a raw parser message.
FORBIDDEN = re.compile(
    r"Traceback|File \"|\b[A-Z][A-Za-z]*(?:Error|Exception)\b|\bKeyError\b|line \d+, column|<block end>|<scalar>|"
    r"could not find expected|mapping values are not allowed|<class '|\bNoneType\b|\bdict\b|\bstr\b|\bint\b"
)


def replace(path: str, old: str, new: str) -> Edit:
    def edit(copy: Project) -> None:
        copy.edit(path, old, new)
    return edit


def write(path: str, text: str | bytes) -> Edit:
    def edit(copy: Project) -> None:
        file = copy.file(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(text, encoding="utf-8")
    return edit


def delete(path: str) -> Edit:
    return lambda copy: copy.file(path).unlink()


def rename(old: str, new: str) -> Edit:
    return lambda copy: copy.file(old).rename(copy.file(new))


def transform(path: str, change: Callable[[str], str]) -> Edit:
    """Any change to a file's text, for edits that must not depend on what the file holds today."""
    def edit(copy: Project) -> None:
        file = copy.file(path)
        text = file.read_text(encoding="utf-8")
        changed = change(text)
        assert changed != text, f"the edit changed nothing in {path}"
        file.write_text(changed, encoding="utf-8")
    return edit


def encode(path: str, encoding: str) -> Edit:
    def edit(copy: Project) -> None:
        file = copy.file(path)
        file.write_bytes(file.read_text(encoding="utf-8").encode(encoding, errors="replace"))
    return edit


def first_text(text: str) -> re.Match[str]:
    """The first 'fr: …' or 'en: …' text of a YAML data file."""
    match = re.search(r"^(\s+)(fr|en): (.+)$", text, flags=re.M)
    assert match, "no text in this file"
    return match


def in_first_text(change: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        match = first_text(text)
        return text[:match.start(3)] + change(match.group(3)) + text[match.end(3):]
    return apply


def drop_first_english(text: str) -> str:
    match = re.search(r"^\s+en: .+\n", text, flags=re.M)
    assert match
    return text[:match.start()] + text[match.end():]


def tab_in_first_indent(text: str) -> str:
    return re.sub(r"^  (?=\S)", "\t", text, count=1, flags=re.M)


def first_key_twice(text: str) -> str:
    match = re.search(r"^([a-z_]+):.*\n(?:[ #].*\n|\n)*", text, flags=re.M)
    assert match
    return text + "\n" + match.group(0)


def colon_in_first_text(text: str) -> str:
    return in_first_text(lambda value: value.strip('"').replace('"', "") + " : voir")(text)


PAGE = "content/fr/about.md"  # pages, lines and texts of the fixture (tests/fixture/)
PAGE_EN = "content/en/about.md"
FRONT = "title: À propos"

# case: (edits, the message starts with, the message contains)
CASES: dict[str, tuple[list[Edit], str, str]] = {
    # --- pages: files
    "page deleted in one language": ([delete(PAGE)], "content/fr/about.md: missing", "no French version"),
    "page emptied": ([write(PAGE, "")], "content/fr/about.md:1:", "found an empty file"),
    "page that is only a blank line": ([write(PAGE, "\n\n# À propos\n")], "content/fr/about.md:1:", "front matter"),
    "front matter deleted": ([transform(PAGE, lambda t: t.split("---", 2)[2])], "content/fr/about.md:1:",
                             "expected the page to start with its front matter"),
    "front matter never closed": ([transform(PAGE, lambda t: t.replace("---\n\n", "\n", 1))],
                                  "content/fr/about.md:1:", "never closed"),
    "page saved as Latin-1": ([encode(PAGE, "latin-1")], "content/fr/about.md:", "is not saved as UTF-8"),
    "page saved as Windows-1252": ([encode(PAGE_EN, "cp1252")], "content/en/about.md:", "is not saved as UTF-8"),
    "page saved as UTF-16": ([encode(PAGE, "utf-16")], "content/fr/about.md:", "UTF-16"),
    "a picture saved as a page": ([write(PAGE, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01")],
                                  "content/fr/about.md:", "not a text file"),
    "page name with a space": ([rename(PAGE, "content/fr/a propos.md"), rename(PAGE_EN, "content/en/a propos.md")],
                               "content/", "lower-case letters a-z, digits and hyphens"),
    "page name with an accent": ([write("content/fr/présentation.md", "---\ntitle: P\ndescription: P.\n---\n")],
                                 "content/fr/présentation.md:", "e.g. presentation.md"),
    "page name with a capital": ([write("content/en/Glossary.md", "---\ntitle: G\ndescription: G.\n---\n")],
                                 "content/en/Glossary.md:", "lower-case"),
    "editor's backup file left beside the pages": ([write("content/fr/about.md~", "x")],
                                                   "content/fr/about.md~:", "not a page"),
    "page in a sub-folder": ([write("content/fr/textes/glossaire.md", "---\ntitle: G\ndescription: G.\n---\n"),
                              write("content/en/textes/glossaire.md", "---\ntitle: G\ndescription: G.\n---\n")],
                             "content/", "not in a sub-folder"),
    "new page in one language only": ([write("content/fr/glossaire.md", "---\ntitle: G\ndescription: G.\n---\n")],
                                      "content/en/glossaire.md: missing", "no English version"),
    "new page in both languages, not in the menu": (
        [write(f"content/{lang}/glossary.md", "---\ntitle: G\ndescription: G.\n---\n\n# G\n") for lang in ("fr", "en")],
        "mkdocs.yml:", "nav: the page glossary.md is not in the menu"),
    # --- pages: front matter
    "title deleted": ([replace(PAGE, FRONT + "\n", "")], "content/fr/about.md", "title: expected the page title"),
    "title left empty": ([replace(PAGE, FRONT, "title:")], "content/fr/about.md:2:", "found nothing"),
    "title that is a number": ([replace(PAGE, FRONT, "title: 2024")], "content/fr/about.md:2:", "the number 2024"),
    "title that is a date": ([replace(PAGE, FRONT, "title: 2024-05-01")], "content/fr/about.md:2:", "the date"),
    "title that is yes": ([replace(PAGE, FRONT, "title: yes")], "content/fr/about.md:2:", "yes/no value true"),
    "title with an unclosed quotation mark": ([replace(PAGE, FRONT, 'title: "À propos')], "content/fr/about.md:2:",
                                              "quotation mark"),
    "title with a quotation mark inside quotes": ([replace(PAGE, FRONT, "title: 'L'association'")],
                                                  "content/fr/about.md:2:", "after a closing quotation mark"),
    "description with an unquoted colon": ([replace(PAGE, "description: D’où", "description: Sources : d’où")],
                                           "content/fr/about.md:3:", "a colon followed by a space"),
    "front matter indented with a tab": ([replace(PAGE, FRONT, "\t" + FRONT)], "content/fr/about.md:2:", "a tab"),
    "front matter key twice": ([replace(PAGE, FRONT, FRONT + "\n" + FRONT)], "content/fr/about.md:3:",
                               "the key 'title' appears twice"),
    "front matter key in French": ([replace(PAGE, FRONT, "titre: À propos")], "content/fr/about.md:2:",
                                   "did you mean 'title'"),
    "front matter key with a capital": ([replace(PAGE, FRONT, "Title: À propos")], "content/fr/about.md:2:",
                                        "unknown key 'Title'"),
    "translation said to be of a language that does not exist": (
        [replace("content/fr/editorial.md", "original: en", "original: english")], "content/fr/editorial.md:4:",
        "original:"),
    "hide written as a word": ([replace(PAGE, FRONT, FRONT + "\nhide: toc")], "content/fr/about.md:3:", "hide:"),
    "hide of something unknown": ([replace(PAGE, FRONT, FRONT + "\nhide: [sidebar]")], "content/fr/about.md:3:",
                                  "hide:"),
    "blocks written as a word": ([replace("content/fr/quiz.md", "blocks: [quiz]", "blocks: quiz")],
                                 "content/fr/quiz.md:", "blocks: expected a list"),
    "blocks of an unknown marker": ([replace("content/fr/quiz.md", "blocks: [quiz]", "blocks: [quizz]")],
                                    "content/fr/quiz.md:", "did you mean <!-- quiz -->"),
    "source file misspelt": ([replace("content/en/editorial.md", "source: on-partnerships.en.txt",
                                      "source: on-partnership.en.txt")], "content/en/editorial.md:3:", "source:"),
    # --- pages: headings, ids, links
    "heading without its id": ([replace(PAGE_EN, "## Privacy {#privacy}", "## Privacy")], "content/en/about.md:",
                               "has no id"),
    "id with a capital": ([replace(PAGE_EN, "{#privacy}", "{#Privacy}")], "content/en/about.md:",
                          "is not usable in a link"),
    "id used twice": ([replace(PAGE_EN, "{#privacy}", "{#sources}")], "content/en/about.md:", "used twice"),
    "id renamed in one language": ([replace(PAGE_EN, "{#privacy}", "{#private}")],
                                   "content/fr/about.md and content/en/about.md have different anchors", "#private"),
    "link to a page that does not exist": ([replace("content/fr/index.md", "(about.md)", "(apropos.md)")],
                                           "content/fr/index.md:", "does not exist"),
    "link to a missing section": ([replace("content/en/index.md", "(about.md)", "(about.md#privcy)")],
                                  "content/en/index.md:", "#privcy"),
    "link written as a site address": ([replace("content/en/index.md", "(about.md)", "(/en/about.html)")],
                                       "content/en/index.md:", "not a link to a page of the site"),
    "a sentence of the original changed": ([replace("content/fr/partnership-culture.md", "mot magique",
                                                    "mot vraiment magique")], "content/fr/partnership-culture.md:",
                                           "word for word"),
    # --- pages: markers
    "marker misspelt": ([replace("content/fr/index.md", "<!-- forms:figure -->", "<!-- forms:figures -->")],
                        "content/fr/index.md:", "did you mean <!-- forms:figure -->"),
    "marker without its spaces": ([replace("content/en/quiz.md", "<!-- quiz -->", "<!--quiz-->")],
                                  "content/en/quiz.md:", "unknown marker"),
    "marker with a capital": ([replace("content/en/quiz.md", "<!-- quiz -->", "<!-- Quiz -->")],
                              "content/en/quiz.md:", "did you mean <!-- quiz -->"),
    "marker deleted in one language": ([replace("content/en/index.md", "<!-- forms:figure -->", "")],
                                       "content/fr/index.md and content/en/index.md have different blocks",
                                       "<!-- forms:figure --> only in content/fr/index.md"),
    "marker the front matter expects, deleted": ([replace("content/fr/quiz.md", "<!-- quiz -->", "")],
                                                 "content/fr/quiz.md:", "expects the marker <!-- quiz -->"),
    "marker deleted in both languages": ([replace(f"content/{lang}/quiz.md", "<!-- quiz -->", "")
                                          for lang in ("fr", "en")], "content/", "<!-- quiz -->"),
    "marker inside a sentence": ([replace("content/fr/index.md", "<!-- forms:figure -->",
                                          "Les voici : <!-- forms:figure -->")], "content/fr/index.md:",
                                 "on a line of its own"),
    "marker twice": ([replace("content/fr/index.md", "<!-- forms:figure -->",
                              "<!-- forms:figure -->\n\n<!-- forms:figure -->")],
                     "content/fr/index.md:", "appears twice"),
    "comment never closed": ([replace("content/en/index.md", "<!-- forms:figure -->", "<!-- forms:figure")],
                             "content/en/index.md:", "never closed"),
    "marker with a dash missing": ([replace("content/fr/quiz.md", "<!-- quiz -->", "<!- quiz -->")],
                                   "content/fr/quiz.md:", "broken marker"),
    "result page with another form's marker": (
        [transform("content/fr/result-fusion.md", lambda t: t.replace("<!-- result:fusion -->",
                                                                      "<!-- result:service -->"))],
        "content/fr/result-fusion.md", "<!-- result:fusion -->"),
    "figure of an unknown form": ([replace("content/fr/partnership-culture.md", "<!-- forms:figure -->",
                                           "<!-- forms:figure:coop -->")], "content/fr/partnership-culture.md",
                                  "coop"),
    # --- content/strings.yml
    "interface text key misspelt": ([transform("content/strings.yml", lambda t: t.replace("not_found_text:",
                                                                                       "not_foud_text:"))],
                                    "content/strings.yml:", "did you mean 'not_found_text'"),
    "interface text deleted": ([transform("content/strings.yml", lambda t: re.sub(
        r"^not_found_text:\n(?:  .*\n)+", "", t, flags=re.M))], "content/strings.yml: not_found_text: missing",
        "uses it"),
    "interface text of no template": ([transform("content/strings.yml",
                                                 lambda t: t + "\nfooter_note:\n  fr: a\n  en: b\n")],
                                      "content/strings.yml:", "no template uses it"),
    "interface text without its English": ([transform("content/strings.yml", drop_first_english)],
                                           "content/strings.yml:", "missing the English text"),
    "interface text left empty": ([transform("content/strings.yml", in_first_text(lambda v: '""'))],
                                  "content/strings.yml:", "found an empty text"),
    "placeholder deleted": ([transform("content/strings.yml",
                                       lambda t: t.replace("environ {minutes}", "environ", 1))],
                            "content/strings.yml:", "expected the placeholder {minutes}"),
    "placeholder translated": ([transform("content/strings.yml",
                                          lambda t: t.replace("environ {minutes}", "environ {durée}", 1))],
                               "content/strings.yml:", "unknown placeholder {durée}"),
    "placeholder in a text that has none": ([transform("content/strings.yml", in_first_text(lambda v: v + " {site}"))],
                                            "content/strings.yml:", "unknown placeholder {site}"),
    "a third language added": ([transform("content/strings.yml", lambda t: t.replace(
        "  en: Partnership culture\n", "  en: Partnership culture\n  de: Partnerschaftskultur\n", 1))],
        "content/strings.yml:", "unknown language 'de'"),
    "language code in capitals": ([transform("content/strings.yml", lambda t: re.sub(r"^  fr:", "  FR:", t, count=1,
                                                                                     flags=re.M))],
                                  "content/strings.yml:", "unknown language 'FR'"),
    "interface key twice": ([transform("content/strings.yml", first_key_twice)], "content/strings.yml:",
                            "appears twice"),
    "interface texts indented with a tab": ([transform("content/strings.yml", tab_in_first_indent)],
                                            "content/strings.yml:", "a tab"),
    "interface text with an unclosed quotation mark": ([transform("content/strings.yml", in_first_text(
        lambda v: '"' + v.strip('"')))], "content/strings.yml:", "quotation mark"),
    "interface text with an unquoted colon": ([transform("content/strings.yml", colon_in_first_text)],
                                              "content/strings.yml:", "colon"),
    "interface text as a list": ([transform("content/strings.yml", in_first_text(lambda v: "[a, b]"))],
                                 "content/strings.yml:", "a list of 2 items"),
    "interface text that is yes": ([transform("content/strings.yml", in_first_text(lambda v: "yes"))],
                                   "content/strings.yml:", "yes/no value"),
    "strings.yml deleted": ([delete("content/strings.yml")], "content/strings.yml: file not found", ""),
    "strings.yml emptied": ([write("content/strings.yml", "")], "content/strings.yml:", "found nothing"),
    "strings.yml saved as Latin-1": ([encode("content/strings.yml", "latin-1")], "content/strings.yml:",
                                     "not saved as UTF-8"),
    "strings.yml with an invisible control character": ([transform("content/strings.yml", in_first_text(
        lambda v: v + "\x07"))], "content/strings.yml:", "invisible character U+0007"),
    # --- content/forms.yml
    "form defined twice": ([transform("content/forms.yml", lambda t: re.sub(r"^(\s+- )id: (?!service)[a-z]+",
                                                                            r"\1id: service", t, count=1,
                                                                            flags=re.M))],
                           "content/forms.yml:", "used twice"),
    "form order as a word": ([transform("content/forms.yml", lambda t: re.sub(r"order: \d+", "order: premier", t,
                                                                              count=1))],
                             "content/forms.yml:", "expected a whole number"),
    "form order with a gap": ([transform("content/forms.yml", lambda t: re.sub(r"order: 1\b", "order: 9", t,
                                                                               count=1))],
                              "content/forms.yml:", "expected the numbers 1 to"),
    "form without its English definition": ([transform("content/forms.yml", drop_first_english)],
                                            "content/forms.yml:", "missing the English text"),
    "form with an unknown key": ([transform("content/forms.yml", lambda t: re.sub(
        r"^(\s+)order:", r"\1couleur: x\n\1order:", t, count=1, flags=re.M))],
                                "content/forms.yml:", "unknown key"),
    "forms.yml deleted": ([delete("content/forms.yml")], "content/forms.yml: file not found", ""),
    "forms.yml indented with a tab": ([transform("content/forms.yml", tab_in_first_indent)], "content/forms.yml:",
                                      "a tab"),
    # --- content/redirects.yml
    "redirect to a page that does not exist": ([replace("content/redirects.yml", "redirects: {}",
                                                        "redirects:\n  culture.html: culturre.html")],
                                               "content/redirects.yml:", "is not a page of the site"),
    "redirect of a page that still exists": ([replace("content/redirects.yml", "redirects: {}",
                                                      "redirects:\n  about.html: index.html")],
                                             "content/redirects.yml:", "still a page of the site"),
    "redirect to itself": ([replace("content/redirects.yml", "redirects: {}", "redirects:\n  about.html: about.html")],
                           "content/redirects.yml:", "loop"),
    "redirect over the 404 page": ([replace("content/redirects.yml", "redirects: {}",
                                            "redirects:\n  404.html: index.html")],
                                   "content/redirects.yml:", "the build makes a page 404.html"),
    "redirects in a chain": ([replace("content/redirects.yml", "redirects: {}",
                                      "redirects:\n  old.html: older.html\n  older.html: about.html")],
                             "content/redirects.yml:", "is itself redirected"),
    "redirect with a folder": ([replace("content/redirects.yml", "redirects: {}",
                                        "redirects:\n  fr/culture.html: partnership-culture.html")],
                               "content/redirects.yml:", "no folder"),
    "redirect without .html": ([replace("content/redirects.yml", "redirects: {}",
                                        "redirects:\n  culture: partnership-culture.html")],
                               "content/redirects.yml:", "found 'culture'"),
    "redirects as a list": ([replace("content/redirects.yml", "redirects: {}", "redirects:\n  - culture.html")],
                            "content/redirects.yml:", "found a list of 1 item"),
    "redirects.yml deleted": ([delete("content/redirects.yml")], "content/redirects.yml: file not found", ""),
    "the same old address twice": ([replace("content/redirects.yml", "redirects: {}",
                                            "redirects:\n  a.html: about.html\n  a.html: index.html")],
                                   "content/redirects.yml:", "appears twice"),
    # --- content/newsletter.yml
    "newsletter page that does not exist": ([transform("content/newsletter.yml", lambda t: re.sub(
        r"page: [a-z-]+\.html", "page: accueil.html", t, count=1))], "content/newsletter.yml:", "accueil.html"),
    "newsletter QR code as a French word": ([transform("content/newsletter.yml", lambda t: re.sub(
        r"^(\s+)qr: (true|false)", r"\1qr: oui", t, count=1, flags=re.M))], "content/newsletter.yml:", "expected true"),
    "newsletter placeholder deleted": ([transform("content/newsletter.yml", lambda t: t.replace("{label}", "", 1))],
                                       "content/newsletter.yml:", "{label}"),
    "newsletter text without its English": ([transform("content/newsletter.yml", drop_first_english)],
                                            "content/newsletter.yml:", "English"),
    # --- quiz data (whatever it holds)
    "quiz questions deleted": ([delete("quiz/questions.yml")], "quiz/questions.yml: file not found", ""),
    "quiz texts emptied": ([write("quiz/texts.yml", "")], "quiz/texts.yml:", "found nothing"),
    "quiz questions indented with a tab": ([transform("quiz/questions.yml", tab_in_first_indent)],
                                           "quiz/questions.yml:", "a tab"),
    "quiz text without its English": ([transform("quiz/texts.yml", drop_first_english)], "quiz/texts.yml:",
                                      "English"),
    "quiz texts saved as Latin-1": ([encode("quiz/texts.yml", "latin-1")], "quiz/texts.yml:", "not saved as UTF-8"),
    "quiz key twice": ([transform("quiz/questions.yml", first_key_twice)], "quiz/questions.yml:", "appears twice"),
    # --- mkdocs.yml
    "mkdocs.yml deleted": ([delete("mkdocs.yml")], "mkdocs.yml: file not found", ""),
    "mkdocs.yml emptied": ([write("mkdocs.yml", "")], "mkdocs.yml:", "found nothing"),
    "menu given twice": ([replace("mkdocs.yml", "nav:", "nav:\n  - index.md\nnav:")], "mkdocs.yml:",
                         "the key 'nav' appears twice"),
    "menu entry for a missing page": ([replace("mkdocs.yml", "  - about.md", "  - apropos.md")], "mkdocs.yml:",
                                      "'apropos.md' is not a page"),
    "menu written as a word": ([transform("mkdocs.yml",
                                          lambda t: re.sub(r"nav:\n(?:  - .*\n)+", "nav: index.md\n", t))],
                               "mkdocs.yml:", "nav: expected a list of pages"),
    "hook file missing": ([replace("mkdocs.yml", "  - hooks/forms.py", "  - hooks/form.py")], "mkdocs.yml:",
                          "hooks/form.py' does not exist"),
    "plugin misspelt": ([replace("mkdocs.yml", "  - search ", "  - serch ")], "mkdocs.yml:",
                        "the plugin 'serch' is not installed"),
    "theme misspelt": ([replace("mkdocs.yml", "name: material", "name: materiel")], "mkdocs.yml: theme:",
                       "unknown theme 'materiel'; expected material"),
    "setting misspelt": ([replace("mkdocs.yml", "strict: true", "stric: true")], "mkdocs.yml: stric:",
                         "unknown setting"),
    "setting of the wrong kind": ([replace("mkdocs.yml", "use_directory_urls: false", "use_directory_urls: [false]")],
                                  "mkdocs.yml: use_directory_urls:", "expected true or false; found a list"),
    "mkdocs.yml indented with a tab": ([replace("mkdocs.yml", "  - index.md", "\t- index.md")], "mkdocs.yml:",
                                       "a tab"),
    "mkdocs.yml with an unclosed quotation mark": ([replace("mkdocs.yml", "site_name: Culture de partenariat",
                                                            'site_name: "Culture de partenariat')],
                                                   "mkdocs.yml:", "quotation mark"),
    "mkdocs.yml saved as Latin-1": ([transform("mkdocs.yml", lambda t: t + "# é\n"), encode("mkdocs.yml", "latin-1")],
                                    "mkdocs.yml:", "not saved as UTF-8"),
    "a hook left out of the configuration": ([replace("mkdocs.yml", "  - hooks/markers.py\n", "")], "mkdocs.yml:",
                                             "hooks/markers.py is not listed"),
    "theme name deleted": ([replace("mkdocs.yml", "  name: material\n", "")], "mkdocs.yml: theme: name: missing",
                           "expected name: material"),
    "pictures in a folder named with a space": ([write("content/fr/mes images/photo.png", b"\x89PNG\r\n")],
                                                "content/fr/mes images/photo.png:", "e.g. mes-images"),
    "a picture named with a capital": ([write("content/en/Photo.png", b"\x89PNG\r\n")], "content/en/Photo.png:",
                                       "e.g. photo.png"),
    "style sheet misspelt": ([replace("mkdocs.yml", "  - assets/site.css", "  - assets/sites.css")], "mkdocs.yml:",
                             "extra_css: 'assets/sites.css' does not exist"),
    "site name deleted from the configuration": ([transform("mkdocs.yml", lambda t: re.sub(r"^site_name:.*\n", "", t,
                                                                                          flags=re.M))],
                                                 "mkdocs.yml: site_name: missing", "required"),
    "Markdown extension misspelt": ([replace("mkdocs.yml", "  - attr_list", "  - attr_lists")],
                                    "mkdocs.yml: markdown_extensions:", "'attr_lists' does not exist"),
    "plugins written as a word": ([transform("mkdocs.yml", lambda t: re.sub(r"plugins:\n  - search.*\n",
                                                                            "plugins: search\n", t))],
                                  "mkdocs.yml:", "plugins: expected a list of plugins"),
    "source text re-saved as Latin-1": ([encode("content/sources/culture-de-partenariat.fr.txt", "latin-1")],
                                        "content/sources/culture-de-partenariat.fr.txt:", "not saved as UTF-8"),
    "forms.yml emptied": ([write("content/forms.yml", "")], "content/forms.yml:", "expected a list of forms"),
    "newsletter.yml emptied": ([write("content/newsletter.yml", "")], "content/newsletter.yml:",
                               "expected the keys pages, blurbs, ui; found nothing"),
    "redirects.yml emptied": ([write("content/redirects.yml", "")], "content/redirects.yml:", "found nothing"),
    "a form's name written in one language only": ([transform("content/forms.yml", lambda t: re.sub(
        r"^(\s+)name:\n\s+fr: (.+)\n\s+en: .+\n", r"\1name: \2\n", t, count=1, flags=re.M))],
        "content/forms.yml:", "expected a text in each language"),
    # --- folders
    "English pages folder deleted": ([lambda copy: __import__("shutil").rmtree(copy.file("content/en"))],
                                     "content/en: folder not found", ""),
    "source text deleted": ([delete("content/sources/on-partnerships.en.txt")], "content/en/editorial.md:", "source:"),
}

SITE_URLS = {
    "without https://": ("example.org/partenariat/", "expected an address starting with https://"),
    "without the final slash": ("https://example.org/partenariat", "expected the address to end with '/'"),
    "with a quotation mark": ('https://example.org/"partenariat/', "the character '\"' cannot be part"),
    "with an angle bracket": ("https://example.org/<script>/", "the character '<' cannot be part"),
    "with a space": ("https://example.org/mon site/", "SITE_URL: a space cannot be part"),
    "with a query": ("https://example.org/?page=1", "without '?' or '#'"),
    "of another protocol": ("ftp://example.org/", "starting with https://"),
    "with an accent in a folder": ("https://example.org/présentation/", "folders of letters"),
    "with a capital host": ("https://Example.org/", "host name in lower case"),
    "only a host name": ("https://", "expected the address"),
}


def build_with_previous_site(copy: Project, site_url: str | None = None) -> list[str]:
    """Builds a copy that already has a published site/, checks that it stays as it was, returns the problems."""
    site = copy.file("site")
    site.mkdir()
    (site / "index.html").write_text("the site published before", encoding="utf-8")
    env = {**copy_env(copy.root), "NO_MKDOCS_2_WARNING": "1", "PREVIEW_IMAGES": "0", "BUILD_CACHE": BUILD_CACHE}
    if site_url is not None:
        env["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "tools/website.py", "build"], cwd=copy.root, env=env,
                            capture_output=True, text=True, timeout=180)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert FORBIDDEN.search(output) is None, output
    assert "The build stopped" in output and "site/ was left as it was" in output, output
    assert [p.name for p in site.iterdir()] == ["index.html"], output
    assert (site / "index.html").read_text(encoding="utf-8") == "the site published before"
    assert not any(p.name.startswith(".site-") for p in copy.root.iterdir()), "a half-built site was left behind"
    return [line[4:] for line in output.splitlines() if line.startswith("  - ")]


def one_clear_line(copy: Project, edits: list[Edit], starts: str, contains: str) -> None:
    """Makes the edits in the copy, builds it over a published site: one line, starting and containing as said."""
    for edit in edits:
        edit(copy)
    problems = build_with_previous_site(copy)
    assert len(problems) == 1, problems
    assert problems[0].startswith(starts), problems[0]
    assert contains in problems[0], problems[0]


@pytest.mark.parametrize("case", CASES)
def test_a_careless_edit_gets_one_clear_line(fixture_project: BuildProject, case: str) -> None:
    one_clear_line(fixture_project(), *CASES[case])


@pytest.mark.parametrize("case", SITE_URLS)
def test_a_wrong_site_url_gets_one_clear_line(fixture_project: BuildProject, case: str) -> None:
    url, contains = SITE_URLS[case]
    problems = build_with_previous_site(fixture_project(), site_url=url)
    assert len(problems) == 1 and problems[0].startswith("SITE_URL: "), problems
    assert contains in problems[0], problems[0]


def test_files_with_a_byte_order_mark_are_built(fixture_project: BuildProject) -> None:
    """Some Windows editors start UTF-8 files with a byte-order mark: accepted in pages and data files alike."""
    copy = fixture_project()
    for name in (PAGE, "content/strings.yml", "quiz/texts.yml", "mkdocs.yml"):
        file = copy.file(name)
        file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<h1" in copy.file("site/fr/about.html").read_text(encoding="utf-8")


def test_a_page_saved_with_windows_line_endings_is_built(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    page = copy.file(PAGE_EN)
    page.write_bytes(page.read_bytes().replace(b"\n", b"\r\n"))
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "<title>About - Partnership culture</title>" in copy.file("site/en/about.html").read_text(encoding="utf-8")


def test_enough_kinds_of_mistakes_are_tried() -> None:
    assert len(CASES) + len(SITE_URLS) >= 80


def test_a_fault_in_the_program_is_one_line_naming_the_page_and_the_log(fixture_project: BuildProject) -> None:
    copy = fixture_project()
    # A programmer's slip in a hook, met while a page is read: not the editor's fault, but said the same calm way.
    copy.edit("hooks/translations.py", '    original = page.meta.get("original")\n',
              '    original = page.meta.get("original")\n    if original:\n        1 / 0\n')
    problems = build_with_previous_site(copy)
    assert problems[0].startswith("content/fr/editorial.md: the build program failed on it (hooks/translations.py, "
                                  "line "), problems
    assert problems[0].endswith("tell a programmer: the details are in build-error.log"), problems
    log = copy.file("build-error.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log and "hooks/translations.py" in log



FAULTS = {
    "a hook that is not valid Python": (replace("hooks/forms.py", "def on_config", "def on_config(:"),
                                        "the site: the build program failed on it (hooks/forms.py, line "),
    # the checks before the build are the package's (partnership/); the hooks only adapt it to MkDocs
    "a module checked before the build, broken": (replace("partnership/markers.py", "\ndef ", "\ndef (:"),
                                                  "the checks of the sources before the build: the build program "
                                                  "failed on it (partnership/markers.py, line "),
    "a hook, broken": (replace("hooks/markers.py", "def on_config", "def on_config(:"),
                       "the site: the build program failed on it (hooks/markers.py, line "),
    "a theme template that is not valid Jinja": (replace("overrides/404.html", "{% block content %}",
                                                         "{% block content %}{% if %}"),
                                                 "the site: the build program failed on it (overrides/404.html, line "),
}


@pytest.mark.parametrize("case", FAULTS)
def test_a_programmer_slip_is_one_line_naming_where_and_the_log(fixture_project: BuildProject, case: str) -> None:
    edit, starts = FAULTS[case]
    copy = fixture_project()
    edit(copy)
    problems = build_with_previous_site(copy)
    assert len(problems) == 1 and problems[0].startswith(starts), problems
    assert problems[0].endswith("tell a programmer: the details are in build-error.log")
    assert copy.file("build-error.log").read_text(encoding="utf-8").strip()
