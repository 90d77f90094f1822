"""What the editors' guide (docs/README.md) lets an editor do leaves the tests green.

A copy of the whole repository gets a batch of such edits: the publisher filled in, a page renamed with its
redirect (section 3), a page added and one removed with their menu entries, permalinks and redirect, the
menu reordered, sentences of a page reworded, a question and an answer of the quiz reworded, the newsletter
kit's blurbs reworded and one added, an interface text. The suite's tests of the content (every test file
that starts no browser) then run inside the copy and must pass: a test that pins today's texts, names or
counts goes red here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Project, copy_env, site_pages

INNER = "LEGITIMATE_EDITS_INNER"  # set in the inner run: this test does not run itself again
BROWSER_FIXTURES = re.compile(r"\b(new_page|page_pool|browser)\b\s*[:,)]")
# Left out for their cost, measured: the Nu HTML checker (Java) over every page, 9 s of the run's 40.
# Left out of the inner run: the Nu checker (about 9 s of Java), and the YAML readers' random edits, which read
# none of the real content (they run on frozen samples, tests/yaml-samples/).
SLOW = {"test_valid_html.py", "test_yaml_parsers.py"}


def copy_repository(root: Path) -> Project:
    """The repository as git sees it (tracked files and new ones not ignored), its build cache shared."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    (root / ".cache").symlink_to(ROOT / ".cache")  # kept by content: the copy finds only what its files make
    # the second engine, as make installs it (tests/test_properdocs.py builds the edited copy with it too)
    (root / ".venv-properdocs").symlink_to(ROOT / ".venv-properdocs")
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "before the editor's changes"], cwd=root, check=True)
    return Project(root)


def append(copy: Project, relative: str, text: str) -> None:
    path = copy.file(relative)
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def fill_in_the_publisher(copy: Project) -> None:
    path = copy.file("content/publisher.yml")
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'^  fr: ""$', '  fr: "Association Exemple, Lyon"', text, count=1, flags=re.M)
    text = re.sub(r'^  en: ""$', '  en: "Association Exemple, Lyon"', text, count=1, flags=re.M)
    path.write_text(re.sub(r'^contact: ""$', 'contact: "contact@example.org"', text, flags=re.M), encoding="utf-8")


def rename_a_page(copy: Project, page: str) -> str:
    """Section 3: files, links, menu, newsletter kit, redirect; permalinks.txt keeps the old lines and gets the
    new address's (as the test of the manifest asks)."""
    new = page.removesuffix(".md") + "-site.md"
    old_address, new_address = page.removesuffix(".md") + ".html", new.removesuffix(".md") + ".html"
    added = [line.replace(f"/{old_address}", f"/{new_address}") for line in
             copy.file("permalinks.txt").read_text(encoding="utf-8").splitlines() if f"/{old_address}" in line]
    copy.move_page(page, new)
    append(copy, "permalinks.txt", "".join(f"{line}\n" for line in added))
    return new


def add_a_page(copy: Project, page: str) -> None:
    """A page in both languages, with its menu entry (last) and its lines in permalinks.txt (section 3)."""
    for lang, title, heading, text in (
            ("fr", "Partenaires", "Qui travaille avec nous", "Les associations avec lesquelles nous travaillons."),
            ("en", "Partners", "Who works with us", "The associations we work with.")):
        copy.file(f"content/{lang}/{page}").write_text(
            f"---\ntitle: {title}\ndescription: {text}\n---\n\n# {title}\n\n{text}\n\n## {heading} {{#who}}\n\n"
            f"{text}\n", encoding="utf-8")
    last = copy.nav()[-1]
    copy.edit_nav(lambda entry: f"{entry}\n  - {page}" if entry == last else entry)
    address = page.removesuffix(".md") + ".html"
    append(copy, "permalinks.txt", "".join(f"{lang}/{address}\n{lang}/{address}#who\n" for lang in ("fr", "en")))


def remove_a_page(copy: Project, page: str, instead: str) -> None:
    """A page removed as section 3 says: its files, its menu entry, the links to it, and a redirect."""
    for lang in ("fr", "en"):
        copy.file(f"content/{lang}/{page}").unlink()
        for other in copy.file(f"content/{lang}").glob("*.md"):
            text = other.read_text(encoding="utf-8")
            other.write_text(re.sub(rf"\]\({re.escape(page)}(#[a-z0-9-]+)?\)", f"]({instead})", text),
                             encoding="utf-8")
    copy.edit_nav(lambda entry: None if entry == page else entry)
    old, new = page.removesuffix(".md") + ".html", instead.removesuffix(".md") + ".html"
    copy.set_redirects({**{s: (new if t == old else t) for s, t in copy.redirects().items()}, old: new})


def reorder_the_menu(copy: Project) -> None:
    nav = copy.nav()
    order = [nav[0], *reversed(nav[1:])]
    pages = iter(order)
    copy.edit_nav(lambda _page: next(pages))


def reword_a_page(copy: Project, page: str) -> None:
    """The page's title reworded and a sentence added to its last paragraph, in both languages."""
    for lang, title, sentence in (("fr", " (mis à jour)", "Cette phrase a été ajoutée par un éditeur."),
                                  ("en", " (updated)", "An editor added this sentence.")):
        path = copy.file(f"content/{lang}/{page}")
        text = path.read_text(encoding="utf-8")
        paragraphs = [p for p in re.split(r"\n\n+", text.split("---", 2)[2]) if p[:1].isalpha() and p.endswith(".")]
        assert paragraphs, f"no paragraph to reword in {page}"
        text = text.replace(paragraphs[-1], f"{paragraphs[-1]} {sentence}", 1)
        path.write_text(re.sub(r"^title: (.+)$", rf"title: \1{title}", text, count=1, flags=re.M), encoding="utf-8")


def reword_the_quiz(copy: Project) -> None:
    """The first question's text and its first answer's text, in both languages."""
    path = copy.file("quiz/questions.yml")
    text = path.read_text(encoding="utf-8")
    for indent, lang, word in (("      ", "fr", "Franchement, "), ("      ", "en", "Honestly, "),
                               ("          ", "fr", "En vérité, "), ("          ", "en", "Truly, ")):
        match = re.search(rf"^{indent}{lang}: (.+)$", text, flags=re.M)
        assert match, f"no {lang} text indented {len(indent)} in quiz/questions.yml"
        value = match.group(1)
        quoted = value[0] in "\"'"
        reworded = value[0] + word + value[1:] if quoted else word + value[0].lower() + value[1:]
        text = text[:match.start(1)] + reworded + text[match.end(1):]
    path.write_text(text, encoding="utf-8")


def reword_the_newsletter_and_strings(copy: Project) -> None:
    """A short sentence more at the end of the last blurb, in both languages, the site's description reworded in
    content/strings.yml."""
    kit = copy.file("content/newsletter.yml")
    text = kit.read_text(encoding="utf-8")
    name, blurb = list(yaml.safe_load(text)["blurbs"].items())[-1]
    for lang, words in (("fr", " Venez voir."), ("en", " Come and see.")):
        last = blurb[lang].split()[-1]
        at = text.index(last, text.index(f"    {lang}: >-", text.index(f"\n  {name}:\n"))) + len(last)
        text = text[:at] + words + text[at:]
    kit.write_text(text, encoding="utf-8")
    strings = copy.file("content/strings.yml")
    text = strings.read_text(encoding="utf-8")
    text = re.sub(r"^(site_description:.*\n  fr: )(\S)", lambda m: f"{m[1]}En bref, {m[2].lower()}", text, flags=re.M)
    text = re.sub(r"^(site_description:.*\n  fr: .*\n  en: )(\S)", lambda m: f"{m[1]}In short, {m[2].lower()}", text,
                  flags=re.M)
    strings.write_text(text, encoding="utf-8")


def add_a_blurb(copy: Project) -> None:
    """Section 7: a blurb more, made as the guide says: the first blurb's block copied below it under a new name,
    its label and its text changed in both languages."""
    kit = copy.file("content/newsletter.yml")
    text = kit.read_text(encoding="utf-8")
    first = re.search(r"^blurbs:\n(?:#.*\n)*(  [a-z][a-z0-9-]*:\n(?:(?:    .*)?\n)*)", text, flags=re.M)
    assert first, "no blurb under blurbs: in content/newsletter.yml"
    block = re.sub(r"^  [a-z0-9-]+:", "  agenda-2025:", first.group(1), count=1, flags=re.M)
    block = re.sub(r"^(      (fr|en): )", lambda m: m[1] + {"fr": "Agenda, ", "en": "Diary, "}[m[2]], block,
                   count=2, flags=re.M)
    block = re.sub(r"^(    (fr|en): >-\n      )", lambda m: m[1] + {"fr": "Nouveau ! ", "en": "New! "}[m[2]], block,
                   flags=re.M)
    kit.write_text(text[:first.end()] + block + text[first.end():], encoding="utf-8")
    assert "agenda-2025" in yaml.safe_load(kit.read_text(encoding="utf-8"))["blurbs"]


def inner_tests(root: Path) -> list[str]:
    """Every test file that starts no browser (no new_page, page_pool or browser fixture), this one and the
    SLOW ones aside."""
    return sorted(str(path.relative_to(root)) for path in (root / "tests").glob("test_*.py")
                  if path.name != Path(__file__).name and path.name not in SLOW
                  and not BROWSER_FIXTURES.search(path.read_text(encoding="utf-8")))


@pytest.mark.skipif(os.environ.get(INNER) == "1", reason="the inner run of the legitimate edits")
def test_the_edits_the_guide_allows_leave_the_tests_green(tmp_path: Path) -> None:
    copy = copy_repository(tmp_path / "repository")
    pages = site_pages(copy.root)
    assert pages, "expected a page written for the site in the menu (no original, no block of the build)"
    fill_in_the_publisher(copy)
    reword_a_page(copy, pages[0])
    renamed = rename_a_page(copy, pages[0])
    add_a_page(copy, "partners.md")
    add_a_page(copy, "members.md")
    remove_a_page(copy, "members.md", instead="partners.md")  # as if published before: its permalinks stay
    reorder_the_menu(copy)
    reword_the_quiz(copy)
    reword_the_newsletter_and_strings(copy)
    add_a_blurb(copy)
    assert renamed in copy.nav() and "members.md" not in copy.nav() and pages[0] not in copy.nav()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "--no-header", "-rfE",
         "--tb=short", *inner_tests(copy.root)],
        cwd=copy.root, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, **{INNER: "1", "NO_MKDOCS_2_WARNING": "1",
                                 "PYTHONPATH": copy_env(copy.root)["PYTHONPATH"]}),
    )
    failed = [line for line in done.stdout.splitlines() if line.startswith(("FAILED ", "ERROR "))]
    assert done.returncode == 0, (
        "these tests fail after edits the editors' guide allows (they pin today's content: read it from the data, "
        "or use fixture_project):\n" + "\n".join(failed) + "\n\n" + done.stdout[-6000:] + done.stderr[-2000:])
