"""axe-core, the accessibility checker, run inside a Playwright page; for every browser test that needs it.

axe comes from npm (package.json pins it; `make test` runs `npm ci`): nothing is fetched while testing.

    from axe import axe_violations, describe
    violations = axe_violations(page, rules=("color-contrast",))
    assert violations == [], describe(violations)

`context` limits the check to part of the page (a CSS selector, e.g. "[data-result]"), for a state of
the page such as a quiz step or a hovered button.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from helpers import material_started

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# What "all rules" means: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices. Named by tag,
# so that rules axe leaves out by default run too (target-size, WCAG 2.2 AA 2.5.8).
ALL_RULES = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice")


def axe_violations(page: Any, rules: Sequence[str] | None = None, context: str | None = None) -> list[dict[str, Any]]:
    """The violations axe finds in the page as it is now: [{id, impact, help, nodes: [{target, summary}]}].

    `rules`: axe rule ids to run (when None: every rule of ALL_RULES' tags); `context`: a CSS selector for
    the part of the page to check (the whole document when None).
    """
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `make test` (or `npm ci`) to install axe-core")
    settle(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated by the test driver, not as a <script> of the page: the site's Content-Security-Policy
        # rightly refuses an inline script it has no hash for.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    if context and not page.evaluate("selector => document.querySelector(selector) !== null", context):
        raise ValueError(f"axe_violations: nothing in the page matches the context '{context}'")
    options: dict[str, Any] = {"resultTypes": ["violations"],
                               "runOnly": {"type": "rule", "values": list(rules)} if rules
                               else {"type": "tag", "values": list(ALL_RULES)}}
    result = page.evaluate(
        "([context, options]) => window.axe.run(context ? document.querySelector(context) : document, options)",
        [context, options],
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [{"target": node["target"], "summary": node["failureSummary"]} for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]


def settle(page: Any) -> None:
    """Waits until Material's scripts have started and no CSS transition or animation is running (a menu
    fading in, a hover colour changing): axe must measure what a reader ends up seeing, not a frame in
    between."""
    material_started(page)
    page.wait_for_function(
        "() => document.getAnimations().every(animation => animation.playState !== 'running'"
        " || animation.effect.getComputedTiming().endTime === Infinity)"
    )


def without_transitions(page: Any) -> None:
    """Turns the page's CSS transitions off until it navigates: a hovered colour, a focused link or a menu
    then shows at once the state a reader ends up seeing (a transition only goes from one state to the
    next), and axe measures it without first waiting for each transition to end (settle)."""
    add_style(page, "*, *::before, *::after { transition: none !important; }")


def add_style(page: Any, css: str) -> None:
    """Adds CSS to the page as a constructed style sheet, until it navigates: the site's Content-Security-Policy
    rightly refuses an inline <style> it has no hash for (Playwright's add_style_tag writes one)."""
    page.evaluate("""css => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }""", css)


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations, one line per element, for an assertion message."""
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))}: "
        f"{' '.join(node['summary'].split())}"
        for violation in violations
        for node in violation["nodes"]
    )
