"""Problems as GitHub workflow annotations, so an editor in GitHub's web editor sees each one on its line.

In GitHub Actions (GITHUB_ACTIONS=true) each problem line `path:line: what was found; what to do` is
also printed as `::error file=path,line=line,title=…::message`; a problem naming no file gets none.
Plain Python: the build (tools/sitebuild/messages.py) and the tests' summary (tests/summary.py) use it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping

# A problem's leading place: a path of the project (no space, with a '/' or a '.') and perhaps its line.
_PLACE = re.compile(r"(?P<file>[^\s:]*[/.][^\s:]*)(?::(?P<line>\d+))?: ")


def in_actions(environ: Mapping[str, str] = os.environ) -> bool:
    """True in a GitHub Actions run, where the runner reads workflow commands from the output."""
    return environ.get("GITHUB_ACTIONS") == "true"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: str, title: str) -> str:
    """The `::error …::…` line for one problem: its file and line when it starts with them."""
    place = _PLACE.match(problem)
    properties = []
    if place:
        properties.append(f"file={_property(place['file'])}")
        if place["line"]:
            properties.append(f"line={place['line']}")
    properties.append(f"title={_property(title)}")
    return f"::error {','.join(properties)}::{_data(problem)}"


def annotations(problems: Iterable[str], title: str, environ: Mapping[str, str] = os.environ) -> list[str]:
    """The annotation lines to print for these problems: none outside GitHub Actions."""
    return [annotation(problem, title) for problem in problems] if in_actions(environ) else []
