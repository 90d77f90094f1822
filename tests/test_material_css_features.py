"""Material's style sheets keep a feature's rules only when the site turns the feature on (hooks/material_css.py).

Material's bundle names the markup of every feature of the theme (tabs, annotations, tooltips, the version
selector…); its names count only when a page, theme.features or the __config calls for the feature. These tests
build a one-page site in a folder and read the names the reduction finds there, and the sheet it writes.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT

# The hook, loaded from its file as MkDocs loads it (hooks/ is not a package).
_SPEC = importlib.util.spec_from_file_location("hook_material_css", ROOT / "hooks" / "material_css.py")
material_css = sys.modules.setdefault("hook_material_css", importlib.util.module_from_spec(_SPEC))
_SPEC.loader.exec_module(material_css)

# A feature, what turns it on (in the page's markup, or the __config's settings), and a name of its rules.
FEATURES = {
    "content tabs": ('<div class="tabbed-set"></div>', {}, "tabbed-labels"),
    "code annotations": ('<div class="annotate"></div>', {}, "md-annotation"),
    "tooltips": ("", {"features": ["content.tooltips"]}, "md-tooltip2"),
    "version selector": ("", {"version": {"provider": "mike"}}, "md-version__current"),
    "repository facts": ('<div class="md-source"></div>', {}, "md-source__facts"),
    "diagrams": ('<pre class="mermaid"></pre>', {}, "--md-mermaid-node-bg-color"),
}


def one_page_site(folder: Path, markup: str, settings: dict) -> Path:
    config = {"base": ".", "features": [], "version": None, "tags": None, **settings}
    (folder / "index.html").write_text(
        f'<!doctype html><html><head><script id="__config" type="application/json">{json.dumps(config)}</script>'
        f"</head><body><main>{markup}</main></body></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_the_site_does_not_turn_on_leaves_its_names_out(tmp_path, feature):
    *_, name = FEATURES[feature]
    assert name not in material_css._words(one_page_site(tmp_path, "<p>text</p>", {}))


@pytest.mark.parametrize("feature", FEATURES)
def test_a_feature_the_site_turns_on_keeps_its_names(tmp_path, feature):
    markup, settings, name = FEATURES[feature]
    assert name in material_css._words(one_page_site(tmp_path, markup, settings))


def test_a_feature_s_rules_go_with_its_names_and_come_back_with_them(tmp_path):
    sheet = material_css._shipped("main").read_text(encoding="utf-8")
    off = material_css._words(one_page_site(tmp_path, "<p>text</p>", {}))
    on = material_css._words(one_page_site(tmp_path, '<div class="tabbed-set"></div>', {}))
    assert ".tabbed-labels" not in material_css.reduce_css(sheet, off)
    assert ".tabbed-labels" in material_css.reduce_css(sheet, on)


def test_names_the_bundle_only_looks_for_count_when_a_page_holds_them(tmp_path):
    assert "highlight" not in material_css._words(one_page_site(tmp_path, "<p>text</p>", {}))
    assert "highlight" in material_css._words(one_page_site(tmp_path, '<div class="highlight"></div>', {}))
