"""The browser side at scale: the dashboard served on a synthetic corpus of 100,000 events
(harness/synthetic.py, chosen through REVOLUTION_DATA_DIR as benchmarks/scale.py does), timed in Debian's
headless Chromium with benchmarks/browser.py's clocks and predicates:

- first paint: `page.goto` start -> page drawn (browser.py's PAGE_DRAWN), cold (a fresh context) and warm
(one context, HTTP cache warm), of /timeline and /explorer?table=events;
- input -> updated: the timeline's preset pill (1917 ⇄ civil war) and category multiselect (+/− war) as
browser.py times them (pointerdown -> every chart updated); the explorer's search on the events table (the
words typed, then Enter: its keydown -> the row count caption reads the count this script computes from the
same corpus, every table has its canvas and the run is over). The words alternate (혁명 ⇄ war).

Beside them, in the same run, browser.py's one-chart floor app. Target printed: 1 s (issue 16). Medians (the
maximum when N < 20) and KB received on the websocket per input. Generating and loading the corpus takes a
minute or two before the first figure. Prints figures; asserts no time limit.

Usage: .venv/bin/python -m benchmarks.browser_scale [N=3] [events=100000]"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from benchmarks.browser import (
    ARGS,
    BASELINE,
    EXCEPTION,
    JS_HELPERS,
    PAGE_DRAWN,
    VIEWPORT,
    Outside,
    Wire,
    fmt,
    footer_marker,
    input_line,
    interactions,
    machine,
    new_context,
    report,
    sample_inputs,
    serve_script,
    stats,
    time_navigation,
)
from harness.browser import CHROMIUM, streamlit_server
from revolution.data import paths
from revolution.data.paths import ROOT

N = int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 3
SIZE = int(sys.argv[2]) if len(sys.argv) > 2 and __name__ == "__main__" else 100_000
TARGET_MS = 1000
WORDS = ("혁명", "war")
# The explorer's table is updated: its row count caption reads CAPTION, every table has its canvas, the run
# is over. Returns [updated, updated] (one table: first and all are the same moment).
TABLE_UPDATED = (
    "(caption) => {"
    + JS_HELPERS
    + """
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || running() || stale() || !tablesDrawn()) return false;
  const captions = [...main.querySelectorAll('[data-testid="stCaptionContainer"]')]
    .map(e => e.innerText.trim());
  if (!captions.includes(caption)) return false;
  const now = performance.now();
  return [now, now];
}"""
)


def load_load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def search_steps(page, data) -> list:
    """(prepare: type the word, act: press Enter, the caption the table must then show), for each word."""
    from revolution.data import filters
    from revolution.i18n import t

    box = page.locator('[data-testid="stTextInput"]').filter(has_text=t("search", "ko")).locator("input")
    steps = []
    for word in WORDS:
        n = len(filters.events(data, filters.EventFilter(text=word)))
        steps.append(
            (
                lambda w=word: box.fill(w),
                lambda: box.press("Enter"),
                t("n_rows", "ko", n=f"{n:,}"),
            )
        )
    return steps


def main() -> None:
    from playwright.sync_api import sync_playwright

    from harness.synthetic import generate
    from revolution.data.load import load_dataset

    marker = footer_marker()
    outside = Outside()
    failures: list[str] = []
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        corpus = generate(SIZE, tmp / f"corpus_{SIZE}")
        os.environ[paths.DATA_ENV] = str(corpus)  # this process's own dataset: the captions to expect
        data = load_dataset()
        print(machine())
        print(f"corpus: {len(data.events):,} events, {len(data.figures):,} figures (harness.synthetic)")
        script = tmp / "floor" / "baseline.py"
        script.parent.mkdir()
        script.write_text(BASELINE)
        if (ROOT / ".streamlit").is_dir():
            shutil.copytree(ROOT / ".streamlit", script.parent / ".streamlit")
        base = stack.enter_context(streamlit_server(env={paths.DATA_ENV: str(corpus)}))
        floor = stack.enter_context(serve_script(script))
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        print(
            f"browser: Chromium {browser.version} (headless), viewport {VIEWPORT['width']}×"
            f"{VIEWPORT['height']}; N = {N}"
        )
        warm_ctx = new_context(browser, outside)
        warm = warm_ctx.new_page()
        wire = Wire(warm)
        targets = {"floor: one px.bar": (floor + "/", 1, "")}
        for name, path in (("timeline", "/timeline"), ("explorer", "/explorer?table=events")):
            try:  # the server's first run loads the corpus (about 10 s at 100,000 events)
                warm.goto(base + path)
                warm.wait_for_function(PAGE_DRAWN, arg=[0, marker], polling="raf", timeout=600_000)
                warm.wait_for_timeout(1500)
                if warm.locator(EXCEPTION).count():
                    failures.append(f"warm-up {name}: the page shows an exception")
            except Exception as exc:
                failures.append(f"warm-up {name}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
            charts = warm.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
            targets[name] = (base + path, charts, marker)
        cold = {k: [] for k in targets}
        hot = {k: [] for k in targets}
        for _ in range(N):
            for name, (url, charts, mark) in targets.items():
                ctx = new_context(browser, outside)
                try:
                    cold[name].append(time_navigation(ctx.new_page(), url, charts, mark) * 1000)
                except Exception as exc:
                    failures.append(f"cold {name}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
                finally:
                    ctx.close()
            for name, (url, charts, mark) in targets.items():
                warm.goto("about:blank")
                try:
                    hot[name].append(time_navigation(warm, url, charts, mark) * 1000)
                except Exception as exc:
                    failures.append(f"warm {name}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
        tail = "p95" if N >= 20 else "max"
        print(f"\nnavigation -> page drawn (ms), load average now {load_load()}")
        print(f"  {'page':<22}{'charts':>6}   {'cold med':>8} {tail:>7}   {'warm med':>8} {tail:>7}")
        for name, (_, charts, _) in targets.items():
            (cm, cp), (wm, wp) = stats(cold[name]), stats(hot[name])
            print(f"  {name:<22}{charts:>6}   {fmt(cm):>8} {fmt(cp):>7}   {fmt(wm):>8} {fmt(wp):>7}")

        print(
            f"\ninput -> first changed chart / every chart or the table updated (ms, page clock; target ≤ "
            f"{TARGET_MS} ms)"
        )
        print(
            f"  {'interaction':<48}{'n':>3}  {'first med':>9} {tail:>6}  {'all med':>7} {tail:>6}  "
            f"{'KB/input':>8}  target"
        )
        every = interactions(warm, base, floor, data)
        chosen = [k for k in every if k.startswith(("floor", "timeline: preset", "timeline: category"))]
        for name in chosen:
            path, steps = every[name]
            url, mark = (path, "") if path.startswith(floor) else (base + path, marker)
            values = sample_inputs(
                warm, url, mark, steps, wire, N, lambda e, n=name: failures.append(f"{n}: {e}")
            )
            print(input_line(name, values, TARGET_MS))
        name = f"explorer: search, events table ({' ⇄ '.join(WORDS)})"
        values = sample_inputs(
            warm,
            base + "/explorer?table=events",
            marker,
            search_steps(warm, data),
            wire,
            N,
            lambda e: failures.append(f"{name}: {e}"),
            updated=TABLE_UPDATED,
            charts=0,
        )
        print(input_line(name, values, TARGET_MS))
        print(f"load average at the end: {load_load()}")
        warm_ctx.close()
        browser.close()
    report(outside, failures)


if __name__ == "__main__":
    main()
