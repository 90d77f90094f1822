"""What hooks/markers.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

from partnership.data import CONTENT, LANGUAGES, DataError, load_forms, parse_yaml, read_text, rel

FAMILIES = ("quiz", "forms", "result", "newsletter")


_NAME = r"[A-Za-zÀ-ÿ0-9_-]+(?:\s*:\s*[A-Za-zÀ-ÿ0-9_-]+)*"


_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


_MARKER_SHAPE = re.compile(rf"\s*({_NAME})\s*")


_BROKEN = re.compile(r"<!?-*\s*(?:quiz|forms?|results?|newsletters?)\b[^\n]*", re.I)


_FENCE = re.compile(r"^\s*(```|~~~)")


_known: list[str] = []


def load_known() -> None:
    """The markers the hooks replace today, for suggestions ('did you mean …?') and blocks: values."""
    global _known
    forms = [form.id for form in load_forms()]
    _known = ["quiz", "forms:figure", "forms:list", *(f"forms:figure:{form}" for form in forms),
              *(f"result:{form}" for form in forms), "newsletter:links", "newsletter:blurbs", "newsletter:qr"]


def check(path: Path, meta: dict) -> None:
    """What can be said from the page's source alone: its markers, those it expects, those of the other language."""
    where = rel(path)
    markers = _markers(_outside_code(read_text(path)), where)
    _check_expected(meta, path, where, markers)
    _check_languages(path.name)


def _check_left(markdown: str, source: list[tuple[int, str]], where: str) -> None:
    """A marker that no hook replaced is unknown: name it, with the line where the editor wrote it."""
    text = "\n".join(line for _, line in _outside_code(markdown))
    for match in _COMMENT.finditer(text):
        shape = _MARKER_SHAPE.fullmatch(match.group(1))
        if not shape or not _looks_like_marker(re.sub(r"\s*:\s*", ":", shape.group(1))):
            continue
        written = match.group(0)
        line = next((number for number, content in source if written.split("\n", 1)[0] in content), 0)
        raise DataError(_unknown(where, line, written, re.sub(r"\s*:\s*", ":", shape.group(1))))


def _unknown(where: str, line: int, written: str, name: str) -> str:
    return (f"{where}{f':{line}' if line else ''}: {written}: unknown marker{_suggest(name)}; a marker is written "
            f"exactly as <!-- name -->, one of {', '.join(f'<!-- {k} -->' for k in _short_known())}")


def _outside_code(text: str) -> list[tuple[int, str]]:
    """The page's lines with their numbers, code blocks (``` or ~~~) blanked: a marker shown as code is text."""
    lines, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        lines.append((number, "" if fenced else re.sub(r"`[^`\n]*`", "", line)))
    return lines


def _markers(lines: list[tuple[int, str]], where: str) -> dict[str, list[int]]:
    """Every marker of the page and its lines; raises on anything that looks like a marker but is not one."""
    text = "\n".join(line for _, line in lines)
    numbers = [number for number, _ in lines]

    def line_at(offset: int) -> int:
        return numbers[min(text.count("\n", 0, offset), len(numbers) - 1)]

    found: dict[str, list[int]] = {}
    for match in _COMMENT.finditer(text):
        shape = _MARKER_SHAPE.fullmatch(match.group(1))
        if not shape:
            continue  # an ordinary comment, such as <!-- à relire -->
        name = re.sub(r"\s*:\s*", ":", shape.group(1))
        if not _looks_like_marker(name):
            continue
        line = line_at(match.start())
        written = match.group(0)
        if name not in _known and _suggest(name):  # misspelt: said at once (else after the hooks, if none knew it)
            raise DataError(_unknown(where, line, written, name))
        source_line = text.splitlines()[text.count("\n", 0, match.start())]
        if source_line.strip() != written:
            raise DataError(f"{where}:{line}: {written} must be on a line of its own, with an empty line before "
                            f"and after it")
        found.setdefault(name, []).append(line)
    without_comments = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    opened = without_comments.find("<!--")
    if opened >= 0:
        raise DataError(f"{where}:{line_at(opened)}: a comment '<!--' is opened here and never closed with '-->'; "
                        f"everything after it would disappear from the page")
    broken = _BROKEN.search(without_comments)
    if broken:
        raise DataError(f"{where}:{line_at(broken.start())}: '{broken.group(0).strip()}' looks like a broken "
                        f"marker{_suggest(broken.group(0))}; a marker is written exactly as <!-- name -->")
    for name, at in found.items():
        if len(at) > 1:
            raise DataError(f"{where}:{at[1]}: <!-- {name} --> appears twice on the page (lines "
                            f"{' and '.join(map(str, at[:2]))}); a block appears once on a page")
    return found


def _looks_like_marker(name: str) -> bool:
    family = name.split(":", 1)[0].lower()
    return ":" in name or name in _known or bool(difflib.get_close_matches(family, FAMILIES, n=1, cutoff=0.7))


def _short_known() -> list[str]:
    """The markers to show in a message: those of a form shown once, as <form>."""
    return [name for name in _known if name.count(":") < 2 and not name.startswith("result:")] + [
        "forms:figure:<form>", "result:<form>"]


def _suggest(written: str) -> str:
    cleaned = re.sub(r"[<>!\s-]+", " ", written).strip().replace(" : ", ":").replace(" ", ":").lower()
    close = difflib.get_close_matches(cleaned, _known, n=1, cutoff=0.6)
    return f" (did you mean <!-- {close[0]} -->?)" if close else ""


def _check_expected(meta: dict, path: Path, where: str, markers: dict[str, list[int]]) -> None:
    expected = meta.get("blocks", [])
    if not isinstance(expected, list) or not all(isinstance(name, str) for name in expected):
        raise DataError(f"{where}: front matter: blocks: expected a list of markers without <!-- -->, such as "
                        f"[quiz] or [newsletter:links, newsletter:qr]")
    for name in expected:
        if name not in _known:
            raise DataError(f"{where}: front matter: blocks: '{name}' is not a block the build knows"
                            f"{_suggest(name)}; expected one of {', '.join(_short_known())}")
        if name not in markers:
            raise DataError(f"{where}: the front matter (blocks:) expects the marker <!-- {name} -->, which the page "
                            f"does not have; put the line <!-- {name} --> back where the block goes")
    for wanted in _implied(path):
        if wanted not in markers:
            raise DataError(f"{where}: a page result-<form>.md holds the line <!-- {wanted} -->, which this page "
                            f"does not have")
        for name in markers:
            if name.startswith("result:") and name != wanted:
                raise DataError(f"{where}:{markers[name][0]}: <!-- {name} --> on the page of another form; expected "
                                f"<!-- {wanted} -->")


def _implied(path: Path) -> list[str]:
    """The marker a page's file name calls for: result-<form>.md holds <!-- result:<form> -->."""
    return [f"result:{path.stem.removeprefix('result-')}"] if path.stem.startswith("result-") else []


def _blocks(path: Path) -> list[str]:
    """The page's front matter blocks: (the build of its language reports a missing one)."""
    lines = read_text(path).splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        return []
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    try:
        meta = parse_yaml("\n".join(lines[1:end]), rel(path), first_line=2)
    except DataError:
        return []  # hooks/front_matter.py reports it
    blocks = meta.get("blocks") if isinstance(meta, dict) else None
    return [name for name in blocks if isinstance(name, str)] if isinstance(blocks, list) else []


def _check_languages(name: str) -> None:
    """The same markers in both languages (said the same way by both builds, so reported once)."""
    counts, expected = {}, {}
    for lang in LANGUAGES:
        path = CONTENT / lang / name
        if not path.is_file():
            return  # hooks/languages.py reports the missing page
        counts[lang] = Counter(name for name, lines in _markers(_outside_code(read_text(path)), rel(path)).items()
                               for _ in lines)
        implied = _implied(path)
        if any((name not in _known and _suggest(name)) or (implied and name.startswith("result:") and
                                                          name not in implied) for name in counts[lang]):
            return  # a misspelt or misplaced marker: the build of that language names it
        expected[lang] = _blocks(path) + _implied(path)
    differences = []
    for lang in LANGUAGES:
        only = [f"<!-- {name} -->" for name in counts[lang]
                if any(name not in counts[other] and name not in expected[other] for other in LANGUAGES)]
        if only:
            differences.append(f"{', '.join(only)} only in {rel(CONTENT / lang / name)}")
    if differences:
        pages = " and ".join(rel(CONTENT / lang / name) for lang in LANGUAGES)
        raise DataError(f"{pages} have different blocks; a page has the same markers in both languages: "
                        f"{'; '.join(differences)}")
