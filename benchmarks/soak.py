"""Long session: one browser, R reruns of the timeline (calendar switch back and forth), server memory
sampled.

Each rerun is a real widget input in headless Chromium, timed from the click to the chart's data changing.
Prints the server's resident memory every `every` reruns and the rerun latency p50/p95. Loopback only.
Usage: .venv/bin/python -m benchmarks.soak [reruns=200] [every=20]"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.browser import IDLE
from benchmarks.load import SIGNATURE, pct, rss_mb, server_pid
from harness.browser import launch, streamlit_server, wait_for_app

RERUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
EVERY = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def main() -> None:
    from playwright.sync_api import sync_playwright

    with streamlit_server() as base, sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        pid = server_pid(base)
        ctx = launch(p, Path(profile))
        page = ctx.new_page()
        page.goto(f"{base}/timeline?from=1917&to=1917")
        wait_for_app(page)
        page.wait_for_selector(".js-plotly-plot .main-svg")
        samples = [(0, rss_mb(pid))]
        latencies, errors = [], 0
        labels = [
            "표기대로",
            "신력 (그레고리력)",
        ]  # as written is the default: the first click goes to New Style
        for n in range(1, RERUNS + 1):
            page.wait_for_function(IDLE, timeout=30_000)  # the previous rerun is over
            before = page.evaluate(SIGNATURE)
            start = time.perf_counter()
            page.get_by_text(labels[n % 2], exact=True).click()
            try:
                page.wait_for_function(f"() => ({SIGNATURE})() !== {before!r}", timeout=20_000)
                latencies.append(time.perf_counter() - start)
            except (
                Exception
            ) as exc:  # counted, not raised: a soak reports what went wrong over its whole length
                errors += 1
                print(f"  rerun {n}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
            if page.locator('[data-testid="stException"]').count():
                errors += 1
            if n % EVERY == 0:
                wait_for_app(page)
                samples.append((n, rss_mb(pid)))
        ctx.close()
    print(f"{RERUNS} reruns of one session (timeline calendar switch), {errors} errors")
    print(f"click to chart updated: p50 {pct(latencies, 0.5):.0f} ms, p95 {pct(latencies, 0.95):.0f} ms")
    print("server memory (MB) after N reruns: " + ", ".join(f"{n}: {mb:.0f}" for n, mb in samples))
    first, last = samples[1][1] if len(samples) > 1 else samples[0][1], samples[-1][1]
    print(
        f"growth from rerun {samples[1][0] if len(samples) > 1 else 0} to {samples[-1][0]}: "
        f"{last - first:+.0f} MB"
    )


if __name__ == "__main__":
    main()
