"""hooks/material_js.py: a Material update that moves what it replaces stops the build with one clear line."""

from __future__ import annotations

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
