"""Browser sessions through nginx, as the replicas proof opens them: a fresh context that loads a view
and says what it saw (the replica its cookie pins it to, errors, seconds to a chart), and step e, a class
opening one link at once from one address."""

import secrets
import subprocess
import time
import urllib.request
from pathlib import Path

from deploy.proxy import COOKIE, read_log, say
from harness.browser import wait_for_app

CHART = "() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0"
# views (pages with parameters) the fresh sessions open, in turn
VIEWS = [
    "/timeline?lang=en",
    "/figures?group=constituent_assembly",
    "/timeline?cat=war",
    "/people",
    "/figures?group=constituent_assembly&lang=en",
    "/timeline?from=1917&to=1921",
]


def open_session(browser, url: str, cookie: str | None = None, base: str | None = None) -> dict:
    """A fresh browser context that loads one page with a chart; returns what it saw."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    if cookie:
        ctx.add_cookies([{"name": COOKIE, "value": cookie, "url": base}])
    page = ctx.new_page()
    seen = {
        "ctx": ctx,
        "page": page,
        "pinned": bool(cookie),
        "http_errors": [],
        "failed": [],
        "websockets": 0,
        "error": None,
    }
    page.on("response", lambda r: r.status >= 500 and seen["http_errors"].append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: seen["failed"].append(f"{r.failure} {r.url}"))
    page.on("websocket", lambda ws: seen.__setitem__("websockets", seen["websockets"] + 1))
    start = time.perf_counter()
    try:
        page.goto(url)
        wait_for_app(page)
        page.wait_for_function(CHART, timeout=30_000)
    except Exception as exc:  # counted as an error of this session, not a crash of the proof
        seen["error"] = f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}"
    seen["seconds"] = time.perf_counter() - start
    seen["exceptions"] = page.locator('[data-testid="stException"]').count()
    seen["connection_error"] = page.evaluate("() => document.body.innerText.includes('Connection error')")
    cookies = ctx.cookies()
    seen["route"] = next((c["value"] for c in cookies if c["name"] == COOKIE), None)
    seen["cookies"] = sorted(f"{c['name']}{' (HttpOnly)' if c['httpOnly'] else ''}" for c in cookies)
    return seen


def page_state(page) -> dict:
    return page.evaluate("""() => ({
        charts: document.querySelectorAll('.js-plotly-plot .main-svg').length,
        busy: !!document.querySelector('[data-testid="stStatusWidget"]'),
        exceptions: document.querySelectorAll('[data-testid="stException"]').length,
        connection_error: document.body.innerText.includes('Connection error')})""")


def pinned_keys(base: str, log: Path, replica: str, count: int) -> list[str]:
    """Routing keys that nginx sends to `replica`: what a browser pinned to it carries in its cookie."""
    found: list[str] = []
    for _ in range(8):
        mark = log.stat().st_size
        keys = [secrets.token_hex(16) for _ in range(16)]
        for key in keys:
            req = urllib.request.Request(base + "/_stcore/host-config", headers={"Cookie": f"{COOKIE}={key}"})
            urllib.request.urlopen(req, timeout=5).read()
        time.sleep(0.3)
        found += [r["route"] for r in read_log(log, mark) if r["route"] in keys and r["final"] == replica]
        if len(found) >= count:
            return found[:count]
    raise RuntimeError(f"no {count} routing keys found for {replica}")


def problems(s: dict) -> list[str]:
    out = list(s["http_errors"]) + [f"request failed: {f}" for f in s["failed"]]
    if s["error"]:
        out.append(s["error"])
    if s["exceptions"]:
        out.append(f"{s['exceptions']} Streamlit exception box(es)")
    if s["connection_error"]:
        out.append("'Connection error' shown")
    if not s["route"]:
        out.append(f"no {COOKIE} cookie")
    return out


CLASS_LINK = "/timeline"


def classroom(record, base: str, procs: list[subprocess.Popen], browser, sizes: list[int]) -> None:
    """e. N students at once from 127.0.0.1 (one address, as a school behind NAT), cold and cached, through
    nginx: none refused (HTTP 429), none on a wrong page. Prints benchmarks/classroom.py's lines."""
    from benchmarks import classroom as bench
    from harness import student

    link = student.Link(CLASS_LINK.strip("/"))
    say(f"e. a class opens {CLASS_LINK} at once, from one address ...")
    try:
        files, diffs = bench.validated(base, link, lambda m: say("   " + m), browser)
    except Exception as exc:  # e.g. the page never drew in Chromium: this step fails, the proof goes on
        record("e. a class at once from one address", False, f"Chromium load failed: {exc!s:.200}")
        return
    pids = [p.pid for p in procs if p.poll() is None]
    results = bench.waves(
        base, link, sizes, files, student.expected(link), pids, say=lambda m: say("   " + m)
    )
    refused = sum("429" in e for r in results for e in r[2]["errors"])
    errors = sum(len(r[2]["errors"]) for r in results)
    worst = {f"{label} {n}": r["ready"][1] for label, n, r, _, _ in results}
    record(
        "e. a class at once from one address",
        not diffs and errors == 0,
        f"{' and '.join(map(str, sizes))} students, cold and cached: {errors} errors "
        f"({refused} refused with 429); "
        "p95 ready: " + ", ".join(f"{k} {v:.2f} s" for k, v in worst.items()),
    )
