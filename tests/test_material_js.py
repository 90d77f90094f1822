"""Patches of Material's files (hooks/_material_patches.py): another Material, or a patch that no longer matches
exactly once, stops the build with one clear line; every page asks for the site's bundle once it is shown."""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

import pytest
from helpers import hook

from partnership.data import DataError

patches = hook("_material_patches")
material_js = hook("material_js")

INSTALLED = metadata.version("mkdocs-material")


def _fake_bundle(name: str) -> str:
    """A bundle that holds each shipped text of the patches once, as Material's does."""
    return ";".join(patch.shipped for patch in patches.BUNDLE) + f";window.x=1;\n//# sourceMappingURL={name}.map\n"


def test_the_patches_are_written_for_the_installed_material() -> None:
    assert patches.WRITTEN_FOR == INSTALLED  # requirements.txt pins it; a new pin needs the patches checked


def test_each_copied_partial_names_the_version_it_was_copied_from() -> None:
    """A copy of Material's partial is checked with the patches when Material changes: it says which it is."""
    overrides = Path(__file__).resolve().parent.parent / "overrides"
    copies = {path.relative_to(overrides).as_posix() for path in (overrides / "partials").rglob("*.html")
              if re.match(r"\{#- Material [\d.]+'s ", path.read_text(encoding="utf-8"))}
    assert copies == set(patches.COPIED)
    for name in patches.COPIED:
        first = (overrides / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(f"{{#- Material {patches.WRITTEN_FOR}'s {name} "), name


def test_another_material_version_stops_the_build_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(material_js, "_VERSION", "9.9.0")
    with pytest.raises(DataError) as error:
        material_js.on_config(None)  # type: ignore[arg-type]
    assert str(error.value) == (
        f"hooks/_material_patches.py: mkdocs-material 9.9.0 is installed, but the patches of Material's files and "
        f"the copied partials were written for {patches.WRITTEN_FOR}; pin mkdocs-material=={patches.WRITTEN_FOR} "
        "in requirements.txt, or ask a programmer to check each patch against the new version"
    )


def test_a_fake_bundle_holding_each_text_once_is_patched_in_full() -> None:
    patched = patches.patch_bundle(_fake_bundle("bundle.0000.min.js"), "bundle.0000.min.js", "9.8.1")
    assert patched == ";".join(patch.ours for patch in patches.BUNDLE) + ";window.x=1;\n"


@pytest.mark.parametrize("times", [0, 2])
def test_a_bundle_patch_matching_other_than_once_stops_the_build_naming_it(times: int) -> None:
    worker = next(patch for patch in patches.BUNDLE if patch.name == "search worker on demand")
    text = _fake_bundle("bundle.0000.min.js").replace(worker.shipped, ";".join([worker.shipped] * times))
    with pytest.raises(DataError) as error:
        patches.patch_bundle(text, "bundle.0000.min.js", "9.8.1")
    assert str(error.value) == (
        f"hooks/_material_patches.py: patch 'search worker on demand' matches bundle.0000.min.js of "
        f"mkdocs-material 9.8.1 {times} times, expected exactly once (the search worker starts with the first "
        "search); ask a programmer to update it for that version"
    )


@pytest.mark.parametrize("times", [0, 2])
def test_a_page_patch_matching_other_than_once_stops_the_build_naming_it(times: int) -> None:
    dialog = next(patch for patch in patches.PAGE if patch.name == "copy message as a status")
    page = "".join(patch.shipped for patch in patches.PAGE).replace(dialog.shipped, dialog.shipped * times)
    with pytest.raises(DataError) as error:
        patches.patch_page(page, "content/fr/quiz.md", "9.8.1")
    assert str(error.value) == (
        f"hooks/_material_patches.py: patch 'copy message as a status' matches base.html as rendered for "
        f"content/fr/quiz.md of mkdocs-material 9.8.1 {times} times, expected exactly once ('Copied to "
        "clipboard' is announced, and is inside a landmark for axe); ask a programmer to update it for that version"
    )


def test_a_page_without_the_site_s_bundle_loader_stops_the_build_naming_it() -> None:
    with pytest.raises(DataError) as error:
        material_js._once_shown('<body><script src="assets/site.js"></script></body>', "content/fr/quiz.md")
    assert str(error.value) == (
        "hooks/material_js.py: expected the site's bundle loader once in content/fr/quiz.md, found it 0 times; "
        "has a file in overrides/ replaced the scripts block of overrides/main.html?"
    )


def test_every_page_asks_for_the_site_s_bundle_once_it_is_shown(site) -> None:
    """No page waits for Material's bundle to be shown: each adds it after its first contentful paint."""
    loader = re.compile(r'<script>\((function \(src\) \{.*?\})\)\(("[^"]+")\)</script>', re.S)
    pages = [path for path in site.path.rglob("*.html") if "assets/javascripts/bundle." in path.read_text("utf-8")]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text("utf-8")
        assert not re.search(r'<script[^>]* src="[^"]*bundle\.', html), path
        found = loader.findall(html)
        assert len(found) == 1, path
        function, source = found[0]
        assert "first-contentful-paint" in function
        assert (path.parent / json.loads(source)).resolve().is_file(), (path, source)
