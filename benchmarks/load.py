"""Bounded load test: N browser sessions against one local server for S seconds, navigating and filtering.

Prints errors, interaction latency p50/p95 and the server's memory at start and end. Loopback only; it stops itself.
Usage: .venv/bin/python benchmarks/load.py [sessions=10] [seconds=60]
"""
from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

SESSIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 60
STEPS = ["/overview", "/figures?group=constituent_assembly", "/timeline?cat=war", "/timeline?from=1917&to=1921",
         "/sources", "/people?person=lenin", "/explorer?table=events&q=1917", "/figures?lang=en"]
DRAWN = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
         "document.querySelector('[data-testid=\"stMainBlockContainer\"]') && "
         "document.querySelector('[data-testid=\"stMainBlockContainer\"]').innerText.length > 20")


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


async def session(browser, base: str, n: int, stop: float, latencies: list, errors: list) -> None:
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
                if await page.locator('[data-testid="stException"]').count():
                    errors.append(f"exception on {url}")
                latencies.append(time.perf_counter() - start)
            except Exception as exc:  # a load test counts failures, it does not stop at the first
                errors.append(f"{url}: {exc.__class__.__name__}")
            step += 1
    finally:
        await ctx.close()


async def main() -> None:
    from playwright.async_api import async_playwright

    with streamlit_server() as base:
        import subprocess
        pid = int(subprocess.run(["pgrep", "-f", f"server.port {base.rsplit(':', 1)[1]}"], capture_output=True,
                                 text=True).stdout.split()[0])
        start_mb = rss_mb(pid)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            latencies, errors = [], []
            stop = time.monotonic() + SECONDS
            await asyncio.gather(*(session(browser, base, n, stop, latencies, errors) for n in range(SESSIONS)))
            await browser.close()
        end_mb = rss_mb(pid)
    lat = sorted(latencies)
    p95 = lat[int(0.95 * (len(lat) - 1))] if lat else float("nan")
    print(f"{SESSIONS} sessions × {SECONDS:.0f} s: {len(lat)} page loads, {len(errors)} errors")
    print(f"navigation to page drawn: p50 {statistics.median(lat) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"server memory: {start_mb:.0f} MB at start, {end_mb:.0f} MB at end")
    for e in errors[:10]:
        print("  error:", e)


if __name__ == "__main__":
    asyncio.run(main())
