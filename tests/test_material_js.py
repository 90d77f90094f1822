"""hooks/material_js.py: a Material update that moves what it replaces stops the build with one clear line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material_js
import pytest
from _data import DataError


def test_a_bundle_without_what_is_replaced_stops_the_build_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = (material_js._SHIPPED / next(material_js._SHIPPED.glob("bundle.*.min.js")).name).read_text(
        encoding="utf-8")
    (tmp_path / "bundle.0000.min.js").write_text(shipped.replace("t=new Worker(e)", "t=new Worker(n)"),
                                                 encoding="utf-8")
    monkeypatch.setattr(material_js, "_SHIPPED", tmp_path)
    with pytest.raises(DataError) as error:
        material_js.on_config(None)  # type: ignore[arg-type]
    assert str(error.value) == (
        f"hooks/material_js.py: Material's bundle.0000.min.js (mkdocs-material {material_js.material.__version__}) "
        "no longer contains 't=new Worker(e)' exactly once; update this replacement for that version "
        "(the search worker starts with the first search)"
    )


def test_a_page_without_material_s_bundle_script_stops_the_build_naming_it() -> None:
    with pytest.raises(DataError) as error:
        material_js._once_shown('<body><script src="assets/site.js"></script></body>', "content/fr/quiz.md")
    assert str(error.value) == (
        "hooks/material_js.py: expected Material's bundle script once in content/fr/quiz.md, found it 0 times; "
        "has a file in overrides/ changed Material's scripts block?"
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
