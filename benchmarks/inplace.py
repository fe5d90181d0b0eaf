"""A chart that updates in place, measured against `st.plotly_chart` before anything ships (issue 16).

`st.plotly_chart` makes a changed figure a new element (its id hashes the figure), which Plotly draws from
scratch. A `st.components.v2` component mounted with a key keeps its identity across reruns, so its script
can apply a changed figure to the plot already drawn with `Plotly.react` (as Dash's graph does). This script
serves two small apps on loopback ports, each switching between two figures with a selectbox:

- "plotly_chart": `st.plotly_chart(fig, key=..., theme=None)`, as the dashboard draws;
- "in place": a components.v2 component (inline html/js, no styles isolation, so Plotly's own styles reach
  it) that loads the plotly.js bundle shipped in the installed `plotly` package (copied into the app's
  `static/` folder, served by Streamlit's static serving; nothing from the network) and calls
  `Plotly.react` on the same <div> on every run.

Two pairs of figures: the floor (a three-bar chart ⇄ two bars) and the timeline (1914–1924 ⇄ 1917, the
dashboard's own figures). Timed as benchmarks/browser.py times its inputs: pointerdown of the choice ->
every chart updated, page clock, plus the bytes received on the websocket (the two timeline states alternate,
and Streamlit sends a message of 10 KB or more that the browser already holds as a reference to it: there the
figure costs under 1 KB after its first showing). Prints figures; asserts nothing.

Usage: .venv/bin/python -m benchmarks.inplace [N=5]"""

from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

import plotly

from benchmarks.browser import (
    ARGS,
    PAGE_DRAWN,
    ROOT,
    Outside,
    Wire,
    fmt,
    machine,
    new_context,
    serve_script,
    stats,
    time_input,
)
from harness.browser import CHROMIUM

N = int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 5
BUNDLE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

FIGURES = """
import plotly.express as px
import streamlit as st

PICK = st.selectbox("data", ["a", "b"])


def figure():
    if KIND == "floor":
        n = 3 if PICK == "a" else 2
        return px.bar(x=["a", "b", "c"][:n], y=[1, 3, 2][:n])
    from revolution.data import filters
    from revolution.views import page_views
    from revolution.data.load import load_dataset

    data = st.cache_resource(load_dataset)()
    names = dict(zip(data.sources.source_id, data.sources.short_ko))
    years = (1914, 1924) if PICK == "a" else (1917, 1917)
    chosen = filters.EventFilter(years=years)
    return page_views.timeline(data, chosen, "ko", "written", "category", names).figure
"""

PLOTLY_CHART = 'st.plotly_chart(figure(), key="chart", theme=None, config={"displaylogo": False})\n'

# The component's script: load plotly.js once per page (the bundle is served as text/plain, so it is read
# and evaluated in the page's global scope), then Plotly.react on the same <div> every time data changes.
IN_PLACE = r'''
JS = """
export default function ({ parentElement, data }) {
  const el = parentElement.querySelector(".plot");
  const draw = () => {
    const fig = JSON.parse(data.spec);
    window.Plotly.react(el, fig.data, fig.layout, { displaylogo: false, responsive: true });
  };
  if (window.Plotly) { draw(); return; }
  window.__plotly = window.__plotly || fetch("app/static/plotly.min.js")
    .then(r => r.text()).then(code => { (0, eval)(code); });
  window.__plotly.then(draw);
}
"""
HTML = '<div class="plot"></div>'
chart = st.components.v2.component("inplace_plot", html=HTML, js=JS, isolate_styles=False)
chart(data={"spec": figure().to_json()}, key="chart")
'''


def app(folder: Path, kind: str, draw: str) -> Path:
    script = folder / f"{kind}_{'inplace' if 'components' in draw else 'plotly_chart'}.py"
    script.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nKIND = {kind!r}\n" + FIGURES + draw)
    return script


def main() -> None:
    from playwright.sync_api import sync_playwright

    outside = Outside()
    failures: list[str] = []
    rows = []
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        (folder / "static").mkdir()
        shutil.copy(BUNDLE, folder / "static" / "plotly.min.js")
        (folder / ".streamlit").mkdir()
        (folder / ".streamlit" / "config.toml").write_text(
            '[server]\nenableStaticServing = true\n[client]\ntoolbarMode = "viewer"\n'
        )
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        print(machine())
        print(f"browser: Chromium {browser.version}; N = {N}; plotly.js from {BUNDLE}")
        for kind in ("floor", "timeline"):
            for label, draw in (("plotly_chart", PLOTLY_CHART), ("in place (Plotly.react)", IN_PLACE)):
                base = stack.enter_context(serve_script(app(folder, kind, draw)))
                ctx = new_context(browser, outside)
                page = ctx.new_page()
                wire = Wire(page)
                page.goto(base + "/", wait_until="commit")
                page.wait_for_function(PAGE_DRAWN, arg=[1, ""], polling="raf", timeout=120_000)
                box = page.locator('[data-testid="stSelectbox"]')

                def step(option, page=page, box=box):
                    return (
                        lambda: (
                            box.locator("input").click(),
                            page.get_by_role("option", name=option, exact=True).wait_for(),
                        ),
                        lambda: page.get_by_role("option", name=option, exact=True).click(),
                    )

                values = []
                for i in range(N + 1):  # the first sample warms the path up and is dropped
                    try:
                        got = time_input(page, *step("b" if i % 2 == 0 else "a"), wire)
                        if i:
                            values.append(got)
                    except Exception as exc:
                        failures.append(f"{kind} {label}: {exc.__class__.__name__}: {str(exc)[:120]}")
                rows.append((kind, label, values))
                ctx.close()
        browser.close()
    print("\ninput -> every chart updated (ms, page clock; median, max) and KB received per input")
    for kind, label, values in rows:
        med, top = stats([v[1] for v in values])
        kb = sorted(v[2] for v in values)[len(values) // 2] / 1000 if values else float("nan")
        print(f"  {kind:<9}{label:<26}{len(values):>3}  {fmt(med)} {fmt(top)}  {kb:7.1f} KB")
    print(f"\nrequests to non-loopback addresses: {len(outside.urls)}")
    for f in failures:
        print("  failed sample:", f)


if __name__ == "__main__":
    main()
