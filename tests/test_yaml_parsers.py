"""partnership/data.py reads YAML with libyaml (fast) and says what is wrong with PyYAML's own parser: the
two must accept exactly the same texts and read them the same, or a mistake would pass unsaid.

The careless edits are made on frozen copies of the data files (tests/yaml-samples/), so that an editor's
rewording never changes which edits are tried."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from partnership import data as _data

SAMPLES = Path(__file__).parent / "yaml-samples"
FILES = sorted(path.name for path in SAMPLES.glob("*.yml"))
EDITS = 200  # per file (120 before): about 15 seconds in all
# What a careless edit puts in: YAML's special characters, tabs, invisible and control characters, line ends.
INSERTS = ("\t", ":", ": ", " ", "\n", "'", '"', "-", "- ", "#", " #", "&", "*", "!", "%", "@", "`", "|", ">", "{",
           "}", "[", "]", ",", "?", "\\", "---\n", "...\n", "\r", "\x07", "\x85", "\u2028", "\ufeff", "\u00a0",
           "\u200b", "\x1b", "\x7f", "\x0b", "<<: ", "!!str ", "~", "&a ", "*a", "é", "\U0001f600", "“", "’", "0",
           ",5", "{}", "–")


def _careless(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text))
        choice = rng.random()
        if choice < 0.45:
            text = text[:at] + rng.choice(INSERTS) + text[at:]
        elif choice < 0.75:
            text = text[:at] + text[at + 1:]
        else:
            line = text.rfind("\n", 0, at) + 1
            text = text[:line] + rng.choice(("  ", " ", "\t", "")) + text[line:]
    return text


def _read(text: str, loader: str) -> tuple[str, object]:
    try:
        return "read", _data.parse_yaml(text, "x.yml", loader=loader)
    except _data.DataError as error:
        return "refused", str(error)


def _read_with_the_pure_parser(text: str, loader: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, object]:
    with monkeypatch.context() as patch:
        patch.setattr(_data, "_FAST", {})
        return _read(text, loader)


@pytest.mark.skipif(not _data._FAST, reason="PyYAML was built without libyaml: there is one parser only")
@pytest.mark.parametrize("name", FILES)
def test_both_parsers_accept_and_read_the_same_careless_edits(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    original = (SAMPLES / name).read_text(encoding="utf-8")
    loader = "config" if name == "mkdocs.yml" else "data"
    rng = random.Random(name)  # the same edits on every run
    for _ in range(EDITS):
        text = _careless(original, rng)
        assert _read(text, loader) == _read_with_the_pure_parser(text, loader, monkeypatch), repr(text[:200])


@pytest.mark.parametrize("text", ["weights: {inform?ation: 1}\n", "items: [a, b?]\n", "items: [a,\n  b ? c]\n"])
def test_a_question_mark_between_brackets_is_refused_as_the_pure_parser_does(text: str) -> None:
    assert yaml.load(text, Loader=_data._FAST["data"]) if _data._FAST else True  # noqa: S506 - libyaml reads it
    with pytest.raises(_data.DataError, match=r"^x\.yml:\d: not valid YAML: a question mark inside a text between "
                                              r"brackets"):
        _data.parse_yaml(text, "x.yml")


def test_a_tab_inside_a_text_is_said_to_be_a_tab() -> None:  # libyaml alone would read it
    with pytest.raises(_data.DataError, match=r"^content/x\.yml:2: not valid YAML: a tab; indent with spaces"):
        _data.parse_yaml("key:\n  fr: un\ttexte\n", "content/x.yml")


def test_the_samples_are_the_project_s_kinds_of_files() -> None:
    assert {"strings.yml", "forms.yml", "newsletter.yml", "questions.yml", "mkdocs.yml"} <= set(FILES)
