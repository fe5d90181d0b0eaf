"""The Read page in Chromium: a 'read in context' link from Figures, Timeline and Explorer lands on the
passage, highlighted and in view (markup in a seed or a quote: tests/test_hostile.py)."""

import shutil

import pytest

from harness.browser import wait_for_app
from revolution.views import reading

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
HIGHLIGHT = "rgb(255, 230, 128)"  # the selected row's background (reading.css)


def highlighted_in_view(page, row_id: str) -> dict:
    """The selected row's mark: highlighted, and inside the viewport once the page has scrolled to it."""
    page.wait_for_function(
        """id => { const el = document.getElementById('m-' + id);
                   if (!el) return false;
                   const r = el.getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight; }""",
        arg=reading.safe_id(row_id),
        timeout=30_000,
    )
    return page.evaluate(
        """id => { const a = document.getElementById('m-' + id).closest('a.s');
                   return {bg: getComputedStyle(a).backgroundColor, cls: a.className}; }""",
        reading.safe_id(row_id),
    )


def follow(context, page, name: str):
    """Click the first link with this name; it opens the Read page in a new tab."""
    with context.expect_page() as opened:
        page.get_by_role("link", name=name).first.click()
    target = opened.value
    wait_for_app(target)
    return target


@pytest.mark.parametrize(
    "url, link, row",
    [
        ("/figures?group=constituent_assembly&lang=en", "Read in context", "FH010"),
        ("/timeline?event=EH049", "문맥에서 읽기", "EH049"),
    ],
    ids=["figures", "timeline telling"],
)
def test_read_in_context_from_a_chart_or_a_telling_lands_on_the_passage(server, context, url, link, row):
    page = context.new_page()
    page.goto(f"{server}{url}")
    wait_for_app(page)
    target = follow(context, page, link)
    assert "/read?" in target.url and f"row={row}" in target.url  # src=history is the default, left out
    got = highlighted_in_view(target, row)
    assert got["bg"] == HIGHLIGHT and f"r-{row}" in got["cls"]
    target.close()
    page.close()


def test_read_in_context_from_an_explorer_row_lands_on_the_passage(server, context):
    page = context.new_page()
    page.goto(f"{server}/explorer?table=events&lang=en")
    wait_for_app(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # The table is drawn on a canvas: the link column is the first, the first row under a ~35 px header.
    # The first click selects the cell, the second follows its link.
    x, y = box["x"] + 40, box["y"] + 53
    with context.expect_page() as opened:
        page.mouse.click(x, y)
        page.wait_for_timeout(800)  # a canvas grid: no DOM state says the cell is selected, so a pause
        page.mouse.click(x, y)
    target = opened.value
    wait_for_app(target)
    assert "row=EH001" in target.url
    assert highlighted_in_view(target, "EH001")["bg"] == HIGHLIGHT
    target.close()
    page.close()
