"""A careless editor at work on the pages (content/<lang>/*.md): each mistake below, found by trying them on a
copy, once stopped with a misleading cause or published something wrong; now it gets one clear line naming the
file and the real cause, and the site published before stays as it was (tests/test_editor_errors.py's check).

The cases edit the frozen content of tests/fixture/ (tests/conftest.py `fixture_project`), never today's texts.
"""

from __future__ import annotations

import pytest
from test_editor_errors import BuildProject, Edit, one_clear_line, replace, write

PAGE = "content/en/about.md"  # a page of the fixture, its last paragraph and one of its headings
LAST = "Texts: see [Sources](#sources)"
HEADING = "## Privacy {#privacy}"


def append(text: str, path: str = PAGE) -> Edit:
    def edit(copy: object) -> None:
        file = copy.file(path)  # type: ignore[attr-defined]
        file.write_text(file.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return edit


def link(address: str) -> Edit:
    return replace(PAGE, LAST, f"Texts: see [Sources]({address})")


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00"
       b"\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x9a\xa0\xa1\x00\x00\x00\x00IEND\xaeB`\x82")

# case: (edits, the message starts with, the message contains)
CASES: dict[str, tuple[list[Edit], str, str]] = {
    # --- pasted HTML: said by the HTML review, before the anchors read the same paste as ids
    "text pasted from Google Docs": ([append('<b style="font-weight:normal;" id="docs-internal-guid-1a2b">'
                                             '<span style="font-size:11pt">Hello</span></b>')],
                                     "content/en/about.md:35:", "text pasted from Google Docs"),
    "a newsletter sign-up form pasted": ([append('<div id="mc_embed_signup"><form action="https://x.list-manage.com/'
                                                 'subscribe/post"><input type="email"></form></div>')],
                                         "content/en/about.md:35:", "a form (<form>)"),
    "a block never closed": ([replace(PAGE, HEADING, '<div class="note">\n\n' + HEADING)], "content/en/about.md:27:",
                             "never closed with </div>"),
    "Markdown inside an HTML block": ([append("<div>\n**Important** text\n</div>")], "content/en/about.md:36:",
                                      "<div markdown>"),
    # --- pictures and links published wrong
    "a picture without a description": ([append("![](photo.png)"), write("content/en/photo.png", PNG)],
                                        "content/en/about.md:35:", "a picture without a description"),
    "a link without an address": ([link("")], "content/en/about.md:33:", "a link without an address"),
    "a link to the preview's address": ([link("http://127.0.0.1:8000/en/index.html")], "content/en/about.md:33:",
                                        "a link to the site's own address"),
    "an e-mail address with a comma": ([link("mailto:contact@example,org")], "content/en/about.md:33:",
                                       "the e-mail address of the link"),
    "an e-mail address without its domain": ([link("mailto:contact@example")], "content/en/about.md:33:",
                                             "the e-mail address of the link"),
    "mailto: written twice": ([link("mailto:mailto:contact@example.org")], "content/en/about.md:33:",
                              "the e-mail address of the link"),
    # --- links almost right: the file meant is named
    "a link with a capital": ([link("Index.md")], "content/en/about.md:", "write 'index.md'"),
    "a link with a space for a hyphen": ([link("<partnership culture.md>")], "content/en/about.md:",
                                         "write 'partnership-culture.md'"),
    "a link in curly quotes": ([link("“index.md”")], "content/en/about.md:", "write 'index.md'"),
    "a link ending with a full stop": ([link("index.md.")], "content/en/about.md:", "write 'index.md'"),
    "a link to .html": ([link("index.html#texts")], "content/en/about.md:", "write 'index.md#texts' instead"),
    "an e-mail address without mailto:": ([link("contact@example.org")], "content/en/about.md:",
                                          "write 'mailto:contact@example.org' instead"),
    "another site without https://": ([link("www.example.org")], "content/en/about.md:",
                                      "write 'https://www.example.org'"),
    "a picture of the other language's folder": ([append("![A photo](../fr/photo.png)"),
                                                  write("content/fr/photo.png", PNG)],
                                                 "content/en/about.md:", "is in content/fr/"),
    "a page's name ending with .MD": ([lambda copy: copy.file(PAGE).rename(copy.file("content/en/about.MD"))],
                                      "content/en/about.MD:", "ends with .md, in lower case"),
    # --- Markdown other editors accept, shown here as written
    "a space between ] and (": ([replace(PAGE, LAST, "Texts: see [Sources] (#sources)")], "content/en/about.md:33:",
                                "delete the space"),
    "a numbered list written 1)": ([append("1) one\n2) two")], "content/en/about.md:35:", "write '1.'"),
    "a footnote": ([append("A text[^1].\n\n[^1]: A note.")], "content/en/about.md:35:", "no footnotes"),
    "a box's text not indented": ([append("!!! note\nA text.")], "content/en/about.md:36:", "indent each line"),
    "an id with a space": ([replace(PAGE, HEADING, "## Privacy {#privacy policy}")], "content/en/about.md:27:",
                           "an id holds no space"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_careless_page_edit_gets_one_clear_line(fixture_project: BuildProject, case: str) -> None:
    one_clear_line(fixture_project(), *CASES[case])
