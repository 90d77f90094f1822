"""The error catalogue (docs/errors.md, docs/erreurs.md) has every message the build can give.

The messages are collected from the code itself: every DataError the hooks and tools/sitebuild/ can
raise, every rewording of MkDocs' and the YAML parser's messages, every line `make serve` can say.
Each literal part of a message (what stays the same whatever the file, line or value) must appear
word for word in both catalogues, so that an editor who searches for the words of a message finds
its explanation. A new message without its entry fails this test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = {"en": ROOT / "docs" / "errors.md", "fr": ROOT / "docs" / "erreurs.md"}
# the build program says its problems in messages; these two only measure (bench.py) or report a zip written
NOT_MESSAGES = ("bench.py", "offline.py")
SOURCES = sorted([*(ROOT / "hooks").glob("*.py"), *(ROOT / "partnership").glob("*.py"),
                  *(path for path in (ROOT / "tools" / "sitebuild").glob("*.py") if path.name not in NOT_MESSAGES)])
# Calls whose text argument is a message an editor reads.
RAISERS = {"DataError": 0, "problem": 4, "internal_error": None, "_unknown": None, "_lost": None}
# Module-level tables of messages (rewordings of MkDocs and of the YAML parser).
TABLES = {"_YAML_PROBLEMS", "_YAML_FALLBACK", "_EXPLAIN", "_TYPES", "MESSAGES"}
_EDGE = " '\"{}()[];:,.#<>-!?"
MIN_LENGTH = 12


def _fragments(node: ast.AST) -> list[str]:
    """The literal parts of a message expression (f-string, string, concatenation)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value.replace("{{", "{").replace("}}", "}")]  # a str.format template of a table
    if isinstance(node, ast.JoinedStr):
        return [part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str)]
    if isinstance(node, ast.BinOp):
        return _fragments(node.left) + _fragments(node.right)
    if isinstance(node, ast.IfExp):
        return _fragments(node.body) + _fragments(node.orelse)
    return []


def _message_nodes(tree: ast.AST) -> list[ast.AST]:
    nodes: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in RAISERS and node.args:
                index = RAISERS[name]
                nodes += node.args if index is None else node.args[index:index + 1]
            if name == "print" and node.args and isinstance(node.args[0], ast.JoinedStr):
                nodes.append(node.args[0])
        if isinstance(node, ast.FunctionDef) and node.name in RAISERS:  # helpers that return the message
            nodes += [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in TABLES for t in targets) and node.value is not None:
                nodes += _table_messages(node.value)
    return nodes


def _table_messages(value: ast.AST) -> list[ast.AST]:
    """The messages of a table: (what MkDocs or PyYAML say, what the editor reads) pairs keep the second."""
    if isinstance(value, ast.List):
        return [item.elts[-1] if isinstance(item, ast.Tuple) else item for item in value.elts]
    if isinstance(value, ast.Dict):
        return [v for v in value.values if v is not None]
    return [value]


def messages() -> dict[str, list[str]]:
    """Each message's literal parts worth searching for, by where it is in the code."""
    found: dict[str, list[str]] = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _message_nodes(tree):
            pieces = [piece for part in _fragments(node) for piece in re.split(r"\{[a-z0-9_]*\}", part)]
            parts = [" ".join(piece.split()).strip(_EDGE) for piece in pieces]
            parts = [part for part in parts if len(part) >= MIN_LENGTH and re.search(r"[a-z]{3}", part)]
            if parts:
                found[f"{path.relative_to(ROOT)}:{node.lineno}"] = parts
    return found


def _normalise(text: str) -> str:
    return " ".join(text.replace("\\|", "|").split())


def test_the_collector_finds_the_messages() -> None:
    found = messages()
    assert len(found) >= 80
    flat = " ".join(" ".join(parts) for parts in found.values())
    for known in ("has no id; add one at the end of the line", "a tab; indent with spaces", "is already in use",
                  "the build program failed on it", "file not found", "unknown marker"):
        assert known in flat, known


@pytest.mark.parametrize("lang", CATALOGUES)
def test_every_message_is_in_the_catalogue(lang: str) -> None:
    catalogue = _normalise(CATALOGUES[lang].read_text(encoding="utf-8"))
    missing = [f"{where}: {part}" for where, parts in messages().items() for part in parts
               if _normalise(part) not in catalogue]
    assert missing == [], f"{CATALOGUES[lang].relative_to(ROOT)} lacks {len(missing)} messages:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", CATALOGUES)
def test_every_entry_says_what_it_means_and_how_to_fix_it(lang: str) -> None:
    """Each entry: a heading, the message in a code block, then plain words (at least two sentences)."""
    text = CATALOGUES[lang].read_text(encoding="utf-8")
    entries = re.split(r"^### ", text, flags=re.M)[1:]
    assert len(entries) >= 25
    for entry in entries:
        title = entry.splitlines()[0]
        assert "```" in entry, f"{lang}: {title}: no message shown"
        prose = re.sub(r"```.*?```", "", entry, flags=re.S)
        assert len(re.findall(r"[.!?](?:\s|$)", prose)) >= 2, f"{lang}: {title}: say what it means and how to fix it"
