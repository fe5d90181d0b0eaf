"""WCAG 2.1 AA in Debian's headless Chromium: axe-core on every page in both languages, the page's language,
and a visible keyboard focus."""

import shutil

import pytest

import sitemap
from harness.browser import wait_for_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
PAGES = [p.url_path for p in sitemap.PAGES]
CHARTS = "() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0"
# The rules of WCAG 2.0 and 2.1, levels A and AA; axe's best practices are not part of the standard.
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")


def axe_script() -> str:
    """axe.min.js as the PyPI package axe-playwright-python ships it (pinned in requirements-dev.txt): taken
    from a registry at set-up, never fetched while the tests run."""
    from axe_playwright_python.base import AXE_FILE_PATH

    return AXE_FILE_PATH.read_text(encoding="utf-8")


def open_page(context, url: str, charts: bool):
    page = context.new_page()
    page.goto(url)
    wait_for_app(page)
    if charts:
        page.wait_for_function(CHARTS, timeout=30_000)
    return page


def audit(page) -> list[dict]:
    """axe's WCAG 2.1 A/AA violations on the page as drawn: rule, impact, count and the first elements."""
    page.add_script_tag(content=axe_script())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    # heading order is one of axe's best practices, not a WCAG rule; the sections under a page's title are h2
    order = page.evaluate("() => axe.run(document, {runOnly: {type: 'rule', values: ['heading-order']}})")
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "nodes": len(v["nodes"]),
            "help": v["help"],
            "where": [n["target"] for n in v["nodes"][:3]],
            "why": v["nodes"][0]["failureSummary"].splitlines()[-1] if v["nodes"] else "",
        }
        for v in result["violations"] + order["violations"]
    ]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_wcag_violation(server, context, name, lang):
    page = open_page(
        context, f"{server}/{name}?lang={lang}", charts=name in ("figures", "timeline", "people")
    )
    try:
        found = audit(page)
    finally:
        page.close()
    counts = {
        i: sum(v["nodes"] for v in found if v["impact"] == i) for i in ("critical", "serious", "moderate")
    }
    print(f"\naxe {name} {lang}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    blocking = [v for v in found if v["impact"] in BLOCKING or v["rule"] == "heading-order"]
    assert not blocking, "\n".join(
        f"{v['impact']} {v['rule']} ×{v['nodes']}: {v['help']} at {v['where']} ({v['why']})" for v in blocking
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_html_lang_is_the_chosen_language(server, context, lang):
    # screen readers pick their voice by <html lang>; Streamlit leaves it at "en"
    page = open_page(context, f"{server}/timeline?lang={lang}", charts=False)
    try:
        page.wait_for_function(f"() => document.documentElement.lang === '{lang}'", timeout=15_000)
        other, label = ("en", "English") if lang == "ko" else ("ko", "한국어")
        page.locator('[data-testid="stSidebar"]').get_by_text(label, exact=True).click()
        page.wait_for_function(f"() => document.documentElement.lang === '{other}'", timeout=20_000)
    finally:
        page.close()


def test_keyboard_focus_is_visible_on_sidebar_links_and_inputs(server, context):
    page = open_page(context, f"{server}/timeline?lang=en", charts=False)
    try:
        outlines = {}
        for what, locator in (
            ("link", page.locator('[data-testid="stSidebarNav"] a').nth(1)),
            ("input", page.get_by_label("Search (Korean or English)")),
        ):
            locator.focus()
            page.keyboard.press("Shift+Tab")  # focus by keyboard, so that :focus-visible applies
            page.keyboard.press("Tab")
            outlines[what] = page.evaluate(
                """() => { const s = getComputedStyle(document.activeElement);
                           return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
            )
        for what, (style, width) in outlines.items():
            assert style != "none" and width >= 2, (what, style, width)
    finally:
        page.close()
