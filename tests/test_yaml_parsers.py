"""hooks/_data.py reads YAML with libyaml (fast) and says what is wrong with PyYAML's own parser: the
two must accept exactly the same texts and read them the same, or a mistake would pass unsaid."""

from __future__ import annotations

import random

import _data
import pytest
import yaml
from conftest import ROOT

FILES = ("content/strings.yml", "content/forms.yml", "content/newsletter.yml", "quiz/questions.yml", "mkdocs.yml")
# What a careless edit puts in: YAML's special characters, tabs, invisible and control characters, line ends.
INSERTS = ("\t", ":", ": ", " ", "\n", "'", '"', "-", "- ", "#", "&", "*", "!", "%", "@", "`", "|", ">", "{", "}",
           "[", "]", ",", "?", "\\", "---\n", "...\n", "\r", "\x07", "\x85", "\u2028", "\ufeff", "\u00a0",
           "\u200b", "\x1b", "\x7f", "\x0b", "<<: ", "!!str ", "~", "&a ", "*a", "é", "\U0001f600")


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


def _as_parse_yaml_reads(text: str, loader: str) -> tuple[str, object]:
    try:
        return "read", _data.parse_yaml(text, "x.yml", loader=loader)
    except _data.DataError:
        return "refused", None


def _as_pyyaml_reads(text: str, loader: str) -> tuple[str, object]:
    try:
        return "read", yaml.load(text, Loader=_data._ConfigLoader if loader == "config" else _data._Loader)  # noqa: S506
    except yaml.YAMLError:
        return "refused", None


@pytest.mark.parametrize("name", FILES)
def test_both_parsers_accept_and_read_the_same_careless_edits(name: str) -> None:
    original = (ROOT / name).read_text(encoding="utf-8")
    loader = "config" if name == "mkdocs.yml" else "data"
    rng = random.Random(name)  # the same edits on every run
    for _ in range(120):
        text = _careless(original, rng)
        assert _as_parse_yaml_reads(text, loader) == _as_pyyaml_reads(text, loader), repr(text[:200])


def test_a_tab_inside_a_text_is_said_to_be_a_tab() -> None:  # libyaml alone would read it
    with pytest.raises(_data.DataError, match=r"^content/x\.yml:2: not valid YAML: a tab; indent with spaces"):
        _data.parse_yaml("key:\n  fr: un\ttexte\n", "content/x.yml")
