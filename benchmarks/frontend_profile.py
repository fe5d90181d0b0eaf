"""Where the browser spends an input: timeline preset inputs (1917 ⇄ civil war), profiled with
Chromium's sampling profiler (CDP `Profiler`), main thread time summed per script and per function.

"(program)" is the browser's own work outside JavaScript (style, layout, paint); "(idle)" is the main thread
waiting, mostly for the server. The first two inputs warm up and are dropped. Prints figures; asserts nothing.

Usage: .venv/bin/python -m benchmarks.frontend_profile [N=4]"""

from __future__ import annotations

import collections
import os
import sys

from benchmarks.browser import (
    ARGS,
    CHART_UPDATED,
    INPUT_CLOCK,
    PAGE_DRAWN,
    SIGNATURES,
    VIEWPORT,
    footer_marker,
    settle,
)
from harness.browser import CHROMIUM, streamlit_server

N = int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 4
WARM_UP = 2


def main() -> None:
    from playwright.sync_api import sync_playwright

    from revolution.i18n import t

    presets = [t("preset_civil_war_1918_1921", "ko"), t("preset_1917", "ko")]
    per_script, per_function, walls = collections.Counter(), collections.Counter(), []
    with streamlit_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        ctx = browser.new_context(viewport=VIEWPORT, locale="ko-KR")
        ctx.add_init_script(INPUT_CLOCK)
        page = ctx.new_page()
        page.goto(base + "/timeline")
        page.wait_for_function(PAGE_DRAWN, arg=[1, footer_marker()], polling="raf", timeout=120_000)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 200})  # µs
        sidebar = page.locator('[data-testid="stSidebar"]')
        for i in range(N + WARM_UP):
            settle(page)
            before = page.evaluate(SIGNATURES)
            page.evaluate("() => window.__arm()")
            cdp.send("Profiler.start")
            sidebar.get_by_role("radio", name=presets[i % 2], exact=True).click()
            done = page.wait_for_function(
                CHART_UPDATED, arg=before, polling="raf", timeout=60_000
            ).json_value()
            profile = cdp.send("Profiler.stop")["profile"]
            if i < WARM_UP:
                continue
            walls.append(done[1] - page.evaluate("() => window.__inputAt"))
            nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
            for node, delta in zip(profile["samples"], profile["timeDeltas"]):
                frame = nodes[node]
                script = frame["url"].rsplit("/", 1)[-1] or frame["functionName"] or "(native)"
                per_script[script] += delta / 1000
                per_function[(script, frame["functionName"] or "(anonymous)")] += delta / 1000
        browser.close()
    walls.sort()
    print(
        f"timeline preset input -> chart updated: median {walls[len(walls) // 2]:.0f} ms, {len(walls)} inputs"
    )
    print(f"load average now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("main thread per input, by script (ms):")
    for name, ms in per_script.most_common(12):
        print(f"  {ms / len(walls):7.1f}  {name}")
    print("by function (ms):")
    for (script, name), ms in per_function.most_common(15):
        print(f"  {ms / len(walls):7.1f}  {name}  [{script}]")


if __name__ == "__main__":
    main()
