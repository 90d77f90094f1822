"""Every message the editors' guide (docs/README.md) quotes is one the build really gives.

A quoted message is a line of a plain fenced block (no language named), or an inline code span, that
starts with a file of the site's sources followed by ':' (`content/fr/about.md:3: …`, `mkdocs.yml: …`),
with '… ' (a message quoted in part), or as a line of make's own (`The build stopped`, `make serve: `,
`make test: the`). In a quote, '…' stands for words left out, and '  - ' is the build's bullet.

The examples of section 4, which an editor follows step by step, are made again on a copy of the project:
each message quoted under an example must be one the build of that copy prints (its line numbers aside:
they move with the text). Every other quoted message must fit one message of the code (as collected for
the error catalogue by tests/test_error_catalogue.py), word for word: the literal parts of that message,
in order, and nothing between them that the message could not hold.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

import pytest
from conftest import PROJECT_PARTS, ROOT, Project
from test_error_catalogue import SOURCES, _message_nodes

GUIDE = ROOT / "docs" / "README.md"
PLACES = (*PROJECT_PARTS, "permalinks.txt")  # what a build message can start with: a file of the sources
FIXED = ("The build stopped", "Built both languages", "make serve: ", "make test: the ")
WRAPPERS = ("- ", "make serve: ")  # what the build puts before a message: a bullet, the command's name
EXTENDED = ("add them to nav:",)  # messages the build completes with what it found (the pages' names)
HOLE = None  # in a message of the code: any value (a file, a line, a name)
STAR = "…"  # in a quote: words left out


def is_message(text: str) -> bool:
    place = re.match(r"([\w.-]+)[\w./-]*(?::\d+)?: ", text)
    return bool(place and place.group(1) in PLACES) or text.startswith((f"{STAR} ", *FIXED))


def _plain(text: str) -> str:
    return " ".join(text.split())


def quotes(guide: str) -> list[str]:
    """The messages the guide quotes, in its order, each once."""
    found: list[str] = []
    blocks = re.compile(r"^ *```([^\n]*)\n(.*?)^ *```$", flags=re.M | re.S)
    for language, block in blocks.findall(guide):
        if not language.strip():
            found += [_plain(line).removeprefix("- ") for line in block.splitlines()]
    found += [_plain(span) for span in re.findall(r"`([^`]+)`", blocks.sub("", guide))]
    return list(dict.fromkeys(quote for quote in found if is_message(quote)))


def _pieces(node: ast.AST, table: bool) -> list[list[str | None]]:
    """The ways a message of the code can read: literal texts and holes, one list per variant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if not table:
            return [[node.value]]
        parts = re.split(r"(\{[a-z0-9_]*\})", node.value.replace("{{", "\0").replace("}}", "\1"))
        return [[HOLE if re.fullmatch(r"\{[a-z0-9_]*\}", p) else p.replace("\0", "{").replace("\1", "}")
                 for p in parts]]
    if isinstance(node, ast.JoinedStr):
        return [[v.value if isinstance(v, ast.Constant) else HOLE for v in node.values]]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [left + right for left in _pieces(node.left, table) for right in _pieces(node.right, table)]
    if isinstance(node, ast.IfExp):
        return _pieces(node.body, table) + _pieces(node.orelse, table)
    return [[HOLE]]


def _tokens(pieces: list[str | None]) -> tuple[str | None, ...]:
    """A message of the code as characters and holes (a message may follow a place and a wrapper)."""
    tokens: list[str | None] = []
    for piece in pieces:
        tokens += [HOLE] if piece is None else list(re.sub(r"\s+", " ", piece))
    while tokens and tokens[0] == " ":  # a message printed after an empty line
        tokens.pop(0)
    while tokens and tokens[-1] == " ":
        tokens.pop()
    if "".join(t for t in tokens if t is not None).endswith(EXTENDED):
        tokens.append(HOLE)
    return (HOLE, *tokens)


def templates() -> dict[tuple[str | None, ...], str]:
    """Every message of the code, as tokens, with where it is."""
    found: dict[tuple[str | None, ...], str] = {}
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        tables = {id(n) for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign))
                  for n in ast.walk(node)}
        for node in _message_nodes(tree):
            for pieces in _pieces(node, table=id(node) in tables):
                tokens = _tokens(pieces)
                if _words(tokens):  # not a wrapper such as f"  - {problem}" or "mkdocs.yml: {0}: {1}"
                    found.setdefault(tokens, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def fits(template: tuple[str | None, ...], quote: str) -> bool:
    """Could the message read as the quote? Both have gaps: the template's holes, the quote's '…'."""
    said = [STAR if c == STAR else c for c in quote]
    n, k = len(template), len(said)
    after = [[False] * (k + 1) for _ in range(n + 1)]  # after[i][j]: template[i:] and said[j:] can agree
    after[n][k] = True
    for i in range(n, -1, -1):
        for j in range(k, -1, -1):
            if i == n and j == k:
                continue
            if i < n and template[i] is HOLE:
                after[i][j] = after[i + 1][j] or (j < k and after[i][j + 1])
            elif j < k and said[j] == STAR:
                after[i][j] = after[i][j + 1] or (i < n and after[i + 1][j])
            else:
                after[i][j] = i < n and j < k and template[i] == said[j] and after[i + 1][j + 1]
    return after[0][0]


def _words(template: tuple[str | None, ...]) -> list[str]:
    """The template's runs of words that every message it gives holds (a file's name alone is none)."""
    runs = [_plain(p) for p in "".join(t if t is not None else "\0" for t in template).split("\0")]
    return [run for run in runs if len(run) > len("make serve:") and re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", run)]


def source_of(quote: str, known: dict[tuple[str | None, ...], str]) -> tuple[str, tuple[str | None, ...]] | None:
    """Where in the code the message the quote quotes is, and the message, if it is one."""
    for wrapper in ("", *WRAPPERS):
        if not quote.startswith(wrapper):
            continue
        said = quote.removeprefix(wrapper)
        for template, where in known.items():
            if any(words in said for words in _words(template)) and fits(template, said):
                return where, template
    return None


@pytest.fixture(scope="module")
def known() -> dict[tuple[str | None, ...], str]:
    return templates()


def test_the_guide_quotes_messages() -> None:
    found = quotes(GUIDE.read_text(encoding="utf-8"))
    assert len(found) >= 10, found
    assert any(quote.startswith("The build stopped") for quote in found), found


def test_every_message_the_guide_quotes_is_one_the_code_gives(known: dict[tuple[str | None, ...], str]) -> None:
    unknown = [quote for quote in quotes(GUIDE.read_text(encoding="utf-8")) if source_of(quote, known) is None]
    assert unknown == [], ("docs/README.md quotes messages the build does not give (reworded, or no longer given); "
                           "copy them from what the build prints:\n" + "\n".join(unknown))


def test_a_reworded_quote_is_caught(known: dict[tuple[str | None, ...], str]) -> None:
    """Each quote, with one word added inside the words the message always has, is no message of the code."""
    passed = []
    for quote in quotes(GUIDE.read_text(encoding="utf-8")):
        found = source_of(quote, known)
        assert found, quote
        words = max((w for w in _words(found[1]) if w in quote), key=len)
        reworded = quote.replace(words, words.replace(" ", " plainly ", 1), 1)
        if source_of(reworded, known):
            passed.append(f"{reworded} (fits {source_of(reworded, known)[0]})")
    assert passed == []


# Section 4's examples, made again: for each, the edits of each step the guide describes, on a fresh copy.
def _replace(path: str, old: str, new: str) -> Callable[[Project], None]:
    return lambda copy: copy.edit(path, old, new)


def _remove_line(path: str, start: str) -> Callable[[Project], None]:
    def remove(copy: Project) -> None:
        lines = copy.file(path).read_text(encoding="utf-8").splitlines(keepends=True)
        assert any(line.startswith(start) for line in lines), f"no line '{start}…' in {path}"
        copy.file(path).write_text("".join(line for line in lines if not line.startswith(start)), encoding="utf-8")
    return remove


def _new_page(*langs: str) -> Callable[[Project], None]:
    def create(copy: Project) -> None:
        for lang in langs:
            copy.file(f"content/{lang}/glossary.md").write_text(
                "---\ntitle: Glossaire\ndescription: Les mots du partenariat, expliqués simplement.\n---\n\n"
                "# Glossaire\n", encoding="utf-8")
    return create


def _description(text: str) -> Callable[[Project], None]:
    def write(copy: Project) -> None:
        path = copy.file("content/fr/about.md")
        path.write_text(re.sub(r"^description:.*$", f"description: {text}", path.read_text(encoding="utf-8"),
                               count=1, flags=re.M), encoding="utf-8")
    return write


EXAMPLES: dict[str, list[list[Callable[[Project], None]]]] = {
    "A link to a page that does not exist": [
        [_replace("content/fr/index.md", "(about.md)", "(a-propos.md)")],
        [_replace("content/fr/index.md", "(about.md)", "(about.md#vie-privee)")],
    ],
    "A heading without id": [[_replace("content/fr/partnership-culture.md", " {#fears}", "")]],
    "A page in one language only": [[_new_page("fr")], [_new_page("fr", "en")]],
    "Bad front matter": [
        [_replace("content/fr/about.md", "title:", "titre:")],
        [_remove_line("content/fr/about.md", "description:")],
        [_description("Sources : d’où viennent les textes")],
    ],
}


def examples(guide: str) -> dict[str, list[str]]:
    """Section 4's examples: each one's bold title, and the messages quoted from it to its 'Fix:' paragraph."""
    section = re.search(r"^## 4\..*?(?=^##? )", guide, flags=re.M | re.S)
    assert section, "docs/README.md has no section 4"
    found = {}
    for match in re.finditer(r"^\*\*(?!`)(.+?)\*\*(.*?)^Fix:.*?(?:\n\n|\Z)", section.group(0), flags=re.M | re.S):
        found[match.group(1)] = quotes(match.group(0))
    return found


def _numbers_aside(line: str) -> str:
    return re.sub(r"^([^\s:]+):\d+:", r"\1:<line>:", line)


def test_every_example_of_section_4_is_made_again_here() -> None:
    assert sorted(examples(GUIDE.read_text(encoding="utf-8"))) == sorted(EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES)
def test_an_example_of_section_4_gives_the_messages_the_guide_quotes(fixture_project: Callable[[], Project],
                                                                     example: str) -> None:
    # The guide's examples name pages and texts (about.md, the heading of #fears): they are made on the
    # fixture's fixed content, which an editor's edits to the real pages never change.
    quoted = examples(GUIDE.read_text(encoding="utf-8")).get(example)
    assert quoted, f"docs/README.md section 4 quotes no message for '{example}'"
    printed = []
    for step in EXAMPLES[example]:
        copy = fixture_project()
        for edit in step:
            edit(copy)
        result = copy.build()
        assert result.returncode == 1, f"{example}: the build did not stop\n{result.stdout}"
        printed += [_numbers_aside(_plain(line).removeprefix("- ")) for line in result.stderr.splitlines() if line]
    pattern = {quote: re.compile(".*".join(map(re.escape, _numbers_aside(quote).split(STAR)))) for quote in quoted}
    unmatched = [quote for quote in quoted if not any(pattern[quote].fullmatch(line) for line in printed)]
    assert unmatched == [], (f"docs/README.md section 4, '{example}': the build says instead:\n" + "\n".join(printed)
                             + "\n\nnot:\n" + "\n".join(unmatched))
