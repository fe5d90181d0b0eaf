"""Bounded load test: N browser sessions against one local server for S seconds, navigating and filtering.

Prints errors, page-load and interaction latency p50/p95 and the server's memory at start and end. Loopback
only; it stops itself. Usage: .venv/bin/python -m benchmarks.load [sessions=10] [seconds=60]"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.browser import IDLE
from harness.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server

SESSIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 60
STEPS = [
    "/overview",
    "/figures?group=constituent_assembly",
    "/timeline?cat=revolution",
    "/timeline?from=1917&to=1921",
    "/sources",
    "/people?person=lenin",
    "/explorer?table=events&q=1917",
    "/figures?lang=en",
]
# Where the timeline's marks are (markers' x, bars' base): what the calendar switch moves.
SIGNATURE = (
    "() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')]"
    ".map(p => (p.data || []).map(t => [t.x, t.base])))"
)
DRAWN = (
    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
    "document.querySelector('[data-testid=\"stMainBlockContainer\"]') && "
    "document.querySelector('[data-testid=\"stMainBlockContainer\"]').innerText.length > 20"
)


def rss_mb(pid: int) -> float:
    """Resident memory of the server and its children, from /proc."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("Tgid", "").strip() == str(pid) or fields.get("PPid", "").strip() == str(pid):
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total / 1024


def server_pid(base: str) -> int:
    """The process id of the Streamlit server listening on the base URL's port."""
    port = base.rsplit(":", 1)[1]
    out = subprocess.run(
        ["pgrep", "-f", f"server.port {port}"], capture_output=True, text=True
    ).stdout.split()
    return int(out[0])


async def interact(page, url: str, interactions: list) -> None:
    """On a timeline, switch the calendar (a real widget input) and time it until the chart's data changes
    (every timeline step shows Old Style dates, so the switch always moves something)."""
    if "/timeline" not in url:
        return
    await page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    await page.wait_for_function(IDLE, timeout=30_000)
    before = await page.evaluate(SIGNATURE)
    start = time.perf_counter()
    await page.get_by_text("신력 (그레고리력)", exact=True).click()
    await page.wait_for_function(f"() => ({SIGNATURE})() !== {before!r}", timeout=30_000)
    interactions.append(time.perf_counter() - start)


async def session(
    browser, base: str, n: int, stop: float, latencies: list, interactions: list, errors: list
) -> None:
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await ctx.new_page()
    step = n
    try:
        while time.monotonic() < stop:
            url = base + STEPS[step % len(STEPS)]
            start = time.perf_counter()
            try:
                await page.goto(url)
                await page.wait_for_function(DRAWN, timeout=30_000)
                latencies.append(time.perf_counter() - start)
                await interact(page, url, interactions)
                if await page.locator('[data-testid="stException"]').count():
                    errors.append(f"exception on {url}")
            except Exception as exc:  # a load test counts failures, it does not stop at the first
                errors.append(f"{url}: {exc.__class__.__name__}")
            step += 1
    finally:
        await ctx.close()


def pct(values: list, q: float) -> float:
    values = sorted(values)
    return values[int(q * (len(values) - 1))] * 1000 if values else float("nan")


async def main() -> None:
    from playwright.async_api import async_playwright

    log = Path(tempfile.mkdtemp()) / "streamlit.log"
    with streamlit_server(log=log) as base:
        pid = server_pid(base)
        start_mb = rss_mb(pid)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            latencies, interactions, errors = [], [], []
            stop = time.monotonic() + SECONDS
            await asyncio.gather(
                *(session(browser, base, n, stop, latencies, interactions, errors) for n in range(SESSIONS))
            )
            await browser.close()
        end_mb = rss_mb(pid)
    print(
        f"{SESSIONS} sessions × {SECONDS:.0f} s: {len(latencies)} page loads, {len(interactions)} "
        "interactions, "
        f"{len(errors)} errors"
    )
    print(f"navigation to page drawn: p50 {pct(latencies, 0.5):.0f} ms, p95 {pct(latencies, 0.95):.0f} ms")
    print(
        f"interaction (timeline calendar switch) to chart updated: p50 {pct(interactions, 0.5):.0f} ms, "
        f"p95 {pct(interactions, 0.95):.0f} ms"
    )
    print(f"server memory: {start_mb:.0f} MB at start, {end_mb:.0f} MB at end")
    for e in errors[:10]:
        print("  error:", e)
    text = log.read_text(errors="replace")
    if "Traceback" in text:  # the page hides details from users; the server's log has them
        print("server log, first traceback:\n" + text[text.index("Traceback") :][:3000])


if __name__ == "__main__":
    asyncio.run(main())
