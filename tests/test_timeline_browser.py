"""The timeline as a class sees it on a 1280×720 screen, in Chromium (issue 23): 1917 opens with February and
October in view as marks, and the dates are written under the last row as well as over the first."""

import shutil

import pytest

from harness.browser import wait_for_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]

# Where each event's marks are drawn: for every marker trace, the screen box of the point whose id is asked.
MARKS = """(ids) => {
  const out = {};
  for (const el of document.querySelectorAll('.js-plotly-plot .scatterlayer .trace')) {
    const trace = el.__data__ && el.__data__[0] && el.__data__[0].trace;
    if (!trace || trace.mode !== 'markers' || !trace.customdata || !trace.meta) continue;
    const points = el.querySelectorAll('path.point');
    trace.customdata.forEach((c, i) => {
      if (c && ids.includes(c[0]) && points[i]) {
        const r = points[i].getBoundingClientRect();
        (out[c[0]] = out[c[0]] || []).push(
          {kind: trace.meta[1], top: r.top, bottom: r.bottom, left: r.left, right: r.right});
      }
    });
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_1917_at_1280x720_shows_february_and_october_as_marks_without_scrolling(server, context, lang):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    try:
        page.goto(f"{server}/timeline?from=1917&to=1917&lang={lang}")
        wait_for_app(page)
        # EH027: 23 February 1917; EH033: 25 October 1917 (the history text gives both days)
        marks = page.evaluate(MARKS, ["EH027", "EH033"])
        for event_id in ("EH027", "EH033"):
            (mark,) = marks[event_id]
            assert mark["kind"] == "day", mark  # a dot, not a bar across a month or the year
            assert 0 <= mark["top"] and mark["bottom"] <= 720, (event_id, mark)
            assert 0 <= mark["left"] and mark["right"] <= 1280, (event_id, mark)
        assert page.evaluate("() => window.scrollY") == 0
        # the dates under the last row read the same as those over the first
        top = page.locator(".js-plotly-plot g.xtick text").all_inner_texts()
        bottom = page.locator(".js-plotly-plot g.x2tick text").all_inner_texts()
        assert top and bottom == top
    finally:
        page.close()
