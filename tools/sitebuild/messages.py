"""What an editor reads: MkDocs' messages rewritten (the file, the problem, no traceback), one line per problem,
and a fault in the program as one line naming the file being built, its details in build-error.log."""

from __future__ import annotations

import re
import sys
import traceback
from pathlib import Path
from urllib.parse import urlsplit

from partnership.data import LANGUAGE_NAMES, ROOT, rel
from partnership.links_hint import link_hint
from sitebuild.annotations import annotations
from sitebuild.engine import ENGINES, use_engine

ERROR_LOG = ROOT / "build-error.log"

# MkDocs' own messages, said the way an editor needs them.
_EXPLAIN = [
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target (?:'.+?' )?is not found "
                   r"among documentation files\."),
        "content/{lang}/{0}: the link '{1}' points to a page or file that does not exist",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target (?:'.+?' )?is not found "
                   r"among documentation files\. Did you mean '(.+?)'\?"),
        "content/{lang}/{0}: the link '{1}' points to a file that does not exist; write '{2}' instead (a page is "
        "linked to by its file name, ending with .md; an e-mail address starts with mailto:)",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the doc '(.+?)' does not contain "
                   r"an anchor '#(.+?)'\."),
        "content/{lang}/{0}: the link '{1}' points to an anchor '#{3}' that content/{lang}/{2} does not have",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but there is no such anchor on this page\."),
        "content/{lang}/{0}: the link '{1}' points to an anchor that this page does not have",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains an (?:absolute|unrecognized relative) link '(.+?)'.*"),
        "content/{lang}/{0}: the link '{1}' is not a link to a page of the site; "
        "link to a page by its file name, e.g. [About](about.md)",
    ),
    (
        re.compile(r"A reference to '(.+?)' is included in the 'nav' configuration, which is not found in the "
                   r"documentation files\."),
        "mkdocs.yml: nav: '{0}' is not a page of content/{lang}/; expected the file name of a page, e.g. about.md",
    ),
    (re.compile(r"Config value 'plugins': The \"(.+?)\" plugin is not installed"),
     "mkdocs.yml: plugins: the plugin '{0}' is not installed; check its spelling (this site uses search)"),
    (re.compile(r"Config value 'hooks': The path '(.+?)' isn't an existing file\."),
     "mkdocs.yml: hooks: '{0}' does not exist; expected the path of a file of hooks/, e.g. hooks/forms.py"),
    (re.compile(r"Config value '(.+?)': Unrecognised configuration name: .*"),
     "mkdocs.yml: {0}: unknown setting; check its spelling (see https://www.mkdocs.org/user-guide/configuration/)"),
    (re.compile(r"Config value '(.+?)': Required configuration not provided\."),
     "mkdocs.yml: {0}: missing; this setting is required"),
    (re.compile(r"Config value 'markdown_extensions': Failed to load extension '(.+?)'\."),
     "mkdocs.yml: markdown_extensions: the extension '{0}' does not exist; check its spelling"),
    (re.compile(r"Config value 'markdown_extensions': Invalid Markdown Extensions configuration"),
     "mkdocs.yml: markdown_extensions: the settings of an extension are not valid; check the indentation of its "
     "lines (two spaces further than the extension's name)"),
    (re.compile(r"Config value 'theme': No theme name set\."),
     "mkdocs.yml: theme: name: missing; expected name: material under theme:"),
    (re.compile(r"Config value 'theme': Unrecognised theme name: '(.+?)'.*"),
     "mkdocs.yml: theme: name: unknown theme '{0}'; expected material"),
    (re.compile(r"Config value '(.+?)': Expected type: (.+?) but received: (.+)"),
     "mkdocs.yml: {0}: expected {1}; found {2}"),
    (re.compile(r"Config value '(.+?)': (.*)"), "mkdocs.yml: {0}: {1}"),
    (
        re.compile(r"MkDocs encountered an error parsing the configuration file: (.*)"),
        "mkdocs.yml: not valid YAML: {0}",
    ),
    (
        re.compile(r"The following pages exist in the docs directory, but are not included in the "
                   r"\"nav\" configuration:"),
        "mkdocs.yml: nav: these pages of content/{lang}/ are not in the menu; add them to nav:",
    ),
]
_DROP = re.compile(r"^(Aborted with .*|Error (?:reading|building) page '.*':|Documentation built in .*|"
                   r"Cleaning site directory|Building documentation to directory: .*)$")
ERROR_PAGE = re.compile(r"^Error (?:reading|building) page '(.+?)':(?: (.*))?$")
INTERNAL = "INTERNAL-ERROR "  # what a language build prints for a fault in the program, then where it happened
# MkDocs names Python types in its configuration messages; an editor reads these words instead.
_TYPES = {"bool": "true or false", "str": "a text", "list": "a list", "dict": "a mapping ('key: value' lines)",
          "int": "a whole number", "float": "a number", "NoneType": "nothing", "tuple": "a list"}
_YAML_MARK = re.compile(r'in ".*?", line (\d+), column \d+')
_LEVEL = re.compile(r"^(?:INFO|WARNING|ERROR|DEBUG)\s+-\s+")


def fault_place(error: BaseException) -> str:
    """Where in the project's own files a fault happened ('hooks/forms.py, line 37'), for the programmer."""
    if isinstance(error, SyntaxError) and error.filename and Path(error.filename).is_file():
        return f"{rel(error.filename)}, line {error.lineno}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if Path(frame.filename).is_file() and Path(frame.filename).resolve().is_relative_to(ROOT)]
    template = getattr(error, "filename", None)  # a Jinja template: its file and line
    if template and getattr(error, "lineno", None):
        path = Path(template) if Path(template).is_absolute() else ROOT / "overrides" / str(template)
        if path.is_file():
            return f"{rel(path)}, line {error.lineno}"
    return f"{rel(frames[-1].filename)}, line {frames[-1].lineno}" if frames else "MkDocs"


def internal_error(building: str, where: str, details: str | None = None) -> str:
    """Write the details of a fault in the program to build-error.log; the one line that says so."""
    text = details if details is not None else traceback.format_exc()
    with ERROR_LOG.open("a", encoding="utf-8") as log:
        log.write(f"While building {building} ({where}):\n{text}\n")
    return (f"{building}: the build program failed on it ({where}): a fault in the program, not necessarily in "
            f"your text; tell a programmer: the details are in {rel(ERROR_LOG)}")



def explain(output: str, lang: str) -> list[str]:
    """MkDocs' warnings and errors as short messages naming the file; INFO lines and tracebacks dropped."""
    problems: list[str] = []
    in_traceback = False
    for raw in output.splitlines():
        line = raw.strip()
        if raw.startswith(INTERNAL):
            problems.append(raw[len(INTERNAL):])
            continue
        if raw.startswith("Traceback "):
            in_traceback = True
            continue
        if in_traceback:
            if raw and not raw.startswith(" "):
                in_traceback = False
                problems.append(internal_error(f"the {LANGUAGE_NAMES[lang]} site", "MkDocs", output))
            continue
        if ERROR_PAGE.match(_LEVEL.sub("", line)):
            continue  # MkDocs' preface to a problem it says next, or to a fault (said by build_language)
        if not line or raw.startswith("INFO") or _DROP.match(_LEVEL.sub("", line)):
            continue
        if raw.startswith("  - ") and problems and problems[-1].startswith("mkdocs.yml: nav:"):
            problems[-1] += f" {line[2:]}"
            continue
        message = _LEVEL.sub("", line)
        message = message.removeprefix("Error: ")
        if re.match(r"[A-Z][A-Za-z]*(?:Error|Exception): ", message):
            continue  # Python's account of the problem MkDocs has just said: not for an editor
        if problems and re.match(r"mkdocs\.yml(:\d+)?: not valid YAML", problems[-1]) and not _LEVEL.match(line):
            mark = _YAML_MARK.fullmatch(message)  # the lines after PyYAML's message: more of it, or where
            if not mark:
                problems[-1] += f"; {message}"
            elif problems[-1].startswith("mkdocs.yml: "):  # the first place named is the line to look at
                problems[-1] = problems[-1].replace("mkdocs.yml:", f"mkdocs.yml:{mark.group(1)}:", 1)
            continue
        missing = _EXPLAIN[0][0].fullmatch(message)  # a link to nothing: a known mistake is said with its cause
        hint = link_hint(lang, missing.group(1), missing.group(2)) if missing else None
        for pattern, template in [] if hint else _EXPLAIN:
            match = pattern.fullmatch(message)
            if match:
                message = template.format(*match.groups(), lang=lang)
                break
        message = hint or message
        message = re.sub(r"<class '(\w+)'>", lambda m: _TYPES.get(m.group(1), "another kind of value"), message)
        if message and not _DROP.match(message) and message not in problems:
            problems.append(message)
    return problems



def report(problems: list[str], seconds: float, site_url: str, preview: bool = True) -> bool:
    """Say how a build ended, in one line when it succeeded; True when that line said the address is the local
    preview's (`preview`: say it; make serve says it at its first build only)."""
    if problems:
        print(f"\nThe build stopped ({len(problems)} problem{'s' if len(problems) > 1 else ''}); "
              "site/ was left as it was:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        for line in annotations(problems, "The build stopped"):  # in GitHub Actions: each problem on its line
            print(line)
        return False
    local = preview and urlsplit(site_url).hostname in ("127.0.0.1", "localhost")
    notice = (f" This is the local preview's address: links, QR codes and the paper version point at {site_url}; "
              f"to publish, build with the site's address, e.g. SITE_URL=https://example.org/partenariat/ make build"
              if local else "")
    engine = f" with {ENGINES[use_engine()]}" if use_engine() != "mkdocs" else ""
    print(f"Built both languages (French, English){engine} for {site_url} into site/ in {seconds:.1f} s.{notice}")
    return local

