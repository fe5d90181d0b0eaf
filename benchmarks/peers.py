"""Peers on the same events, in the same browser, in the same run: Knight Lab's TimelineJS and Datasette.

- TimelineJS: every event (158 now) in TimelineJS JSON (the project's own export,
`revolution.exports.publish.timelinejs_bytes`, Korean), on a page that loads TimelineJS from the npm
package's files only, served by Python's http.server on a loopback port. Timed: `page.goto` start ->
TimelineJS's `loaded` event has fired and every event's marker is in the time navigator and the title
slide is drawn. Ours: `/timeline` (all events) -> the chart drawn and the run over
(benchmarks/browser.py's PAGE_DRAWN).
- Datasette: our CSVs in one SQLite file (sqlite3 + csv, every column as text), `datasette serve
--immutable` on a loopback port. Timed: `page.goto` start -> the events table's rows are in `table.rows-
and-columns` (`?_size=200`, so every row, not the first 100). Ours: `/explorer?table=events` -> the
table's canvas is there and the caption counts every row.
- The static lesson bundle (issue 16): the offline lesson zip of the whole timeline (slide key
`timeline:all`, built by `revolution.exports.slides.lesson_bytes` as the Slides page's download does),
unzipped into a temporary folder and served by the same kind of loopback http.server as TimelineJS (and,
as a student opens it from a USB stick, over file://). Timed: `page.goto` start -> the chart page's Plotly
plot has its `.main-svg` and every mark (one `.point` per event row) is drawn. Against the same TimelineJS
samples. What bounds it: a page that only loads `plotly.min.js` (-> `window.Plotly` defined) beside one
that only loads TimelineJS's `timeline.js` (-> `window.TL` defined). What would move it: the same chart
page on plotly.js's own scatter/bar/pie bundle (`plotly.js-basic-dist-min` of the installed plotly's
plotly.js version, from npm into benchmarks/.peers/; measured, not shipped).

Both cold (a fresh browser context per navigation) and warm (one context, sent to about:blank between
navigations), medians (p95 when N >= 20, else the maximum), ours / theirs. Nothing may leave the machine:
TimelineJS's web fonts are switched off (`font: null`; analytics and Soundcite are off by default),
Chromium's resolver fails every address but loopback (benchmarks/browser.py's ARGS) and a listener counts
any request elsewhere in the timed runs; before them an untimed pass loads every page, ours and theirs,
through a `page.route` gate that aborts any request not to loopback, and prints how many it aborted (and
checks itself on a request to a reserved .invalid name). The timed runs do not use page.route: any route
makes Playwright intercept every request, which here costs a Streamlit page (about 130 requests) about a
second and the peers (a handful each) almost nothing. TimelineJS and Datasette are installed only for this
script, into benchmarks/.peers/ (ignored by git): `npm install --prefix benchmarks/.peers @knight-
lab/timelinejs` and a venv of its own for Datasette (`python3.11 -m venv benchmarks/.peers/venv`, `pip
install datasette`), never into the project's .venv. A missing npm or a failed install prints a skip line.
This script prints figures; it asserts no time limit.

Usage: .venv/bin/python -m benchmarks.peers [N=5]"""

from __future__ import annotations

import csv
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from benchmarks.browser import (
    ARGS,
    PAGE_DRAWN,
    VIEWPORT,
    Outside,
    fmt,
    footer_marker,
    is_loopback,
    machine,
    stats,
    stop,
    wait_http,
)
from harness.browser import CHROMIUM, free_port, static_server, streamlit_server
from revolution.data.paths import ROOT

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5
PEERS = ROOT / "benchmarks" / ".peers"
TLJS = PEERS / "node_modules" / "@knight-lab" / "timelinejs"
VENV = PEERS / "venv"
LANG = "ko"

TIMELINE_HTML = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>TimelineJS: our events</title>
<link rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<style>html, body { height: 100%; margin: 0; } #timeline { width: 100%; height: 100%; }</style>
</head><body><div id="timeline"></div>
<script>
window.__loadedAt = null;
const data = new URLSearchParams(location.search).get('data') || 'events_ko.json';
const timeline = new TL.Timeline('timeline', data, {
  // locale: a local file
  script_path: new URL('/node_modules/@knight-lab/timelinejs/dist/js/', location.href).href,
  language: 'ko', font: null, hash_bookmark: false, soundcite: false,
  ga_measurement_id: null, track_events: []
});
timeline.on('loaded', () => { window.__loadedAt = performance.now(); });
</script></body></html>
"""
# Requests that are not to loopback (http, https, ws, wss to anything but 127.x, localhost, [::1]):
# routed to
# the
# gate and aborted. Any page.route, even one whose pattern matches nothing, makes Playwright intercept
# every
# request.
OUTSIDE = re.compile(r"^(?!(https?|wss?)://(127\.|localhost[:/]|\[::1\]))[a-z]+://")
TIMELINE_DRAWN = """(events) => {
  if (window.__loadedAt == null) return false;
  const slide = document.querySelector('.tl-slide');
  if (!slide || !slide.getBoundingClientRect().height) return false;
  return document.querySelectorAll('.tl-timenav .tl-timemarker').length >= events ? performance.now() : false;
}"""
# The lesson bundle's chart page: Plotly has drawn the plot and every mark of every trace (bars and markers
# alike are `.point` elements in Plotly's SVG).
LESSON_DRAWN = """(marks) => {
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd.querySelector('.main-svg') || !gd.data || !gd.data.length) return false;
  return gd.querySelectorAll('.main-svg .point').length >= marks ? performance.now() : false;
}"""
# A page that only loads one script: what the script's download, parse and first run cost alone.
SCRIPT_ONLY_HTML = """<!doctype html><html><head><meta charset="utf-8"><title>{name} alone</title></head>
<body><script src="{src}"></script><script>window.__scriptAt = performance.now();</script></body></html>
"""
SCRIPT_LOADED = """(name) => window.__scriptAt != null && window[name] ? performance.now() : false"""
DATASETTE_DRAWN = """(rows) => document.querySelectorAll('table.rows-and-columns tbody tr').length >= rows
    ? performance.now() : false"""
TABLE_DRAWN = """(caption) => {
  const frame = document.querySelector('[data-testid="stDataFrame"]');
  const main = document.querySelector('[data-testid="stMain"]');
  const ok = frame && frame.querySelector('canvas') && main && main.innerText.includes(caption);
  return ok ? performance.now() : false;
}"""


def last_line(text: str) -> str:
    lines = [x for x in (text or "").strip().splitlines() if x.strip()]
    return lines[-1][:200] if lines else "no output"


def ensure_timelinejs() -> str | None:
    """None when TimelineJS's files are there (installed now if missing), else why not."""
    if (TLJS / "dist" / "js" / "timeline.js").is_file():
        return None
    npm = shutil.which("npm")
    if not npm:
        return "npm is not installed"
    PEERS.mkdir(parents=True, exist_ok=True)
    try:
        run = subprocess.run(
            [npm, "install", "--prefix", str(PEERS), "--no-audit", "--no-fund", "@knight-lab/timelinejs"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"npm install failed: {exc.__class__.__name__}"
    if run.returncode != 0 or not (TLJS / "dist" / "js" / "timeline.js").is_file():
        return f"npm install failed (exit {run.returncode}): {last_line(run.stderr or run.stdout)}"
    return None


def plotly_basic() -> tuple[Path | None, str]:
    """plotly.js's own partial bundle (scatter, bar, pie) of the same version as the installed plotly's
    plotly.min.js, from npm into benchmarks/.peers (installed now if missing): its path, or None and why not.
    Measured as what would move the bundle's first paint, never shipped."""
    from revolution.exports.bundle import PLOTLY_JS

    with open(PLOTLY_JS, encoding="utf-8") as f:
        found = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", f.read(300))
    if not found:
        return None, "no version in plotly.min.js's header"
    path = PEERS / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
    wanted = f"plotly.js-basic-dist-min@{found[1]}"
    if path.is_file() and f'"version": "{found[1]}"' in (path.parent / "package.json").read_text():
        return path, wanted
    npm = shutil.which("npm")
    if not npm:
        return None, "npm is not installed"
    try:
        subprocess.run(
            [npm, "install", "--prefix", str(PEERS), "--no-audit", "--no-fund", wanted],
            capture_output=True,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"npm install {wanted} failed: {exc.__class__.__name__}"
    return (path, wanted) if path.is_file() else (None, f"npm install {wanted} failed")


def ensure_datasette() -> str | None:
    """None when Datasette is in its own venv (made now if missing), else why not."""
    exe = VENV / "bin" / "datasette"
    if exe.is_file():
        return None
    python = shutil.which("python3.11") or shutil.which("python3")
    if not python:
        return "no python3.11 to make Datasette's venv"
    try:
        if not (VENV / "bin" / "pip").is_file():
            made = subprocess.run(
                [python, "-m", "venv", str(VENV)], capture_output=True, text=True, timeout=300
            )
            if made.returncode != 0:
                return f"python -m venv failed: {last_line(made.stderr)}"
        run = subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", "datasette"],
            capture_output=True,
            text=True,
            timeout=900,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"pip install datasette failed: {exc.__class__.__name__}"
    if run.returncode != 0 or not exe.is_file():
        return f"pip install datasette failed (exit {run.returncode}): {last_line(run.stderr or run.stdout)}"
    return None


def write_timeline_site(data) -> Path:
    """benchmarks/.peers/site/: the page and our events in TimelineJS JSON, exactly as the Explorer exports
    them."""
    from revolution.exports import publish

    names = dict(zip(data.sources.source_id, data.sources[f"short_{LANG}"]))  # as ui.source_names does
    site = PEERS / "site"
    site.mkdir(parents=True, exist_ok=True)
    only = SCRIPT_ONLY_HTML.format(
        name="timeline.js", src="/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"
    )
    (site / "timeline_only.html").write_text(only, encoding="utf-8")
    (site / "events_ko.json").write_bytes(publish.timelinejs_bytes(data.events, data.eras, LANG, names))
    (site / "index.html").write_text(TIMELINE_HTML, encoding="utf-8")
    return site


def export_as_is(context, url: str) -> str:
    """Does TimelineJS draw the project's export unchanged? Its own message if not."""
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.wait_for_function(
            "() => window.__loadedAt != null || document.querySelector('.tl-message-full') "
            "&& /ERROR|오류/.test(document.body.innerText)",
            timeout=30_000,
        )
        if page.evaluate("() => window.__loadedAt != null"):
            return "TimelineJS draws the project's export as it is"
        return (
            "TimelineJS refuses the project's export as it is: "
            + " ".join(page.evaluate("() => document.querySelector('.tl-message-full').innerText").split())[
                :160
            ]
        )
    except Exception as exc:
        return f"TimelineJS on the project's export as it is: no answer ({exc.__class__.__name__})"
    finally:
        page.close()


def write_lesson_site(data, folder: Path) -> tuple[str, int]:
    """The offline lesson bundle of the whole timeline, unzipped into FOLDER as a student would; returns
    the chart page's path inside FOLDER and its number of marks. Beside it, a page that loads only
    plotly.min.js (`plotly_only.html`)."""
    import io
    import zipfile

    from revolution.exports import slides

    names = dict(zip(data.sources.source_id, data.sources[f"short_{LANG}"]))
    item = slides.build(data, "timeline:all", LANG, names)
    zipped = slides.lesson_bytes([item], LANG, data.sources, {False: "", True: ""})
    with zipfile.ZipFile(io.BytesIO(zipped)) as zf:
        zf.extractall(folder)
        for info in zf.infolist():  # keep each file's date, as unzip does (the static server's Last-Modified)
            stamp = time.mktime((*info.date_time, 0, 0, -1))
            os.utime(folder / info.filename, (stamp, stamp))
    chart = next(p for p in (folder / "lesson").glob("*.html") if p.name != "index.html")
    only = SCRIPT_ONLY_HTML.format(name="plotly.min.js", src="plotly.min.js")
    (folder / "lesson" / "plotly_only.html").write_text(only, encoding="utf-8")
    basic, _ = plotly_basic()
    if basic:  # the same chart page on plotly.js's scatter/bar/pie bundle
        shutil.copy(basic, folder / "lesson" / basic.name)
        page = chart.read_text(encoding="utf-8").replace('src="plotly.min.js"', f'src="{basic.name}"')
        (folder / "lesson" / "basic.html").write_text(page, encoding="utf-8")
    # one mark per placed point; the legend's own traces hold a single empty point and draw none
    marks = sum(x is not None for trace in item.figure.data for x in (trace.x if trace.x is not None else ()))
    return chart.relative_to(folder).as_posix(), marks


def write_sqlite(data_dir: Path, path: Path) -> int:
    """Every CSV of the data package as a table (columns as text); returns the events' row count."""
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        for csv_path in sorted(data_dir.glob("*.csv")):
            with open(csv_path, newline="", encoding="utf-8-sig") as f:
                rows = list(csv.reader(f))
            if not rows:
                continue
            cols = ", ".join('"' + c.replace('"', '""') + '" TEXT' for c in rows[0])
            db.execute(f'CREATE TABLE "{csv_path.stem}" ({cols})')
            db.executemany(
                f'INSERT INTO "{csv_path.stem}" VALUES ({", ".join("?" * len(rows[0]))})', rows[1:]
            )
        return db.execute("SELECT count(*) FROM events").fetchone()[0]


@contextmanager
def datasette_server(db: Path):
    port = free_port()
    proc = subprocess.Popen(
        [
            str(VENV / "bin" / "datasette"),
            "serve",
            "--immutable",
            str(db),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/-/versions.json", proc)
        yield base
    finally:
        stop(proc)


class Gate:
    """One page.route handler for every page, ours and theirs: loopback passes, anything else is
    aborted."""

    def __init__(self):
        self.blocked: list[str] = []

    def __call__(self, route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


def timed(context, url: str, predicate: str, arg, timeout: float = 90_000) -> float:
    """Milliseconds from page.goto start to PREDICATE true, on a page of CONTEXT (a new page unless
    given)."""
    page = context.pages[0] if context.pages else context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout)
    page.wait_for_function(predicate, arg=arg, polling="raf", timeout=timeout)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    from playwright.sync_api import sync_playwright

    from revolution.data import paths
    from revolution.data.load import load_dataset
    from revolution.i18n import t

    data = load_dataset()
    n_events = len(data.events)
    marker = footer_marker(LANG)
    print(machine())
    skips, pairs = [], []  # pairs: (title, ours, theirs); each side (label, url, predicate, arg)
    ours_timeline = ("ours: /timeline", "{base}/timeline", PAGE_DRAWN, [1, marker])
    ours_table = (
        "ours: /explorer?table=events",
        "{base}/explorer?table=events",
        TABLE_DRAWN,
        t("n_rows", LANG, n=n_events),
    )
    with ExitStack() as stack:
        why = ensure_timelinejs()
        if why:
            skips.append(f"skip TimelineJS: {why}")
        else:
            write_timeline_site(data)
            tl_base = stack.enter_context(static_server(PEERS))
            tljs = ("TimelineJS 3 (local files)", tl_base + "/site/index.html", TIMELINE_DRAWN, n_events)
            pairs.append((f"timeline of {n_events} events: navigation -> drawn", ours_timeline, tljs))
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            chart, marks = write_lesson_site(data, folder)
            lesson_base = stack.enter_context(static_server(folder))
            title = (
                f"static lesson bundle, whole timeline ({marks} marks), vs TimelineJS: navigation -> drawn"
            )
            bundle_http = ("ours: lesson bundle (http)", f"{lesson_base}/{chart}", LESSON_DRAWN, marks)
            bundle_file = ("ours: lesson bundle (file://)", (folder / chart).as_uri(), LESSON_DRAWN, marks)
            pairs.append((title, bundle_http, tljs))
            pairs.append((title.replace("bundle", "bundle over file://"), bundle_file, tljs))
            if (folder / "lesson" / "basic.html").is_file():
                basic = (
                    "bundle on plotly-basic (http)",
                    f"{lesson_base}/lesson/basic.html",
                    LESSON_DRAWN,
                    marks,
                )
                pairs.append((f"what would move it: {plotly_basic()[1]}, not shipped", basic, tljs))
            else:
                skips.append(f"skip the partial plotly.js bundle: {plotly_basic()[1]}")
            pairs.append(
                (
                    "what bounds it: a page that only loads the chart library -> library defined",
                    (
                        "plotly.min.js alone",
                        f"{lesson_base}/lesson/plotly_only.html",
                        SCRIPT_LOADED,
                        "Plotly",
                    ),
                    (
                        "TimelineJS timeline.js alone",
                        tl_base + "/site/timeline_only.html",
                        SCRIPT_LOADED,
                        "TL",
                    ),
                )
            )
        why = ensure_datasette()
        if why:
            skips.append(f"skip Datasette: {why}")
        else:
            db = PEERS / "revolution.db"
            rows = write_sqlite(paths.data_dir(), db)
            try:
                ds_base = stack.enter_context(datasette_server(db))
                pairs.append(
                    (
                        f"events table ({rows} rows): navigation -> drawn",
                        ours_table,
                        (
                            "Datasette (--immutable)",
                            ds_base + "/revolution/events?_size=200",
                            DATASETTE_DRAWN,
                            rows,
                        ),
                    )
                )
            except RuntimeError as exc:
                skips.append(f"skip Datasette: it did not start ({exc})")
        for line in skips:
            print(line)
        if not pairs:
            return
        base = stack.enter_context(streamlit_server())
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        print(
            f"browser: Chromium {browser.version} (headless, {CHROMIUM}), viewport {VIEWPORT['width']}×"
            f"{VIEWPORT['height']}; N = {N}"
        )
        outside = Outside()

        def context():
            """A timed context: no page.route (it costs our ~130-file pages about a second, see the
            docstring); the resolver rule in ARGS fails every address but loopback, and a listener
            counts any such request."""
            ctx = browser.new_context(viewport=VIEWPORT, locale="ko-KR")
            outside.watch(ctx)
            return ctx

        # Untimed pass through the page.route gate: every side once, the gate's own check, the export as
        # it
        # is.
        gate, notes, failures = Gate(), [], []
        probe = context()
        probe.route(OUTSIDE, gate)
        page = probe.new_page()
        page.goto(base + "/_stcore/health", wait_until="commit")
        page.evaluate("() => fetch('http://gate-check.invalid/').catch(() => null)")
        page.wait_for_timeout(500)
        notes.append(
            "gate check: a request to http://gate-check.invalid/ was "
            + ("aborted by the gate" if gate.blocked else "NOT seen by the gate")
        )
        gate.blocked.clear()
        for _, ours, theirs in pairs:
            for label, address, predicate, arg in (ours, theirs):
                try:
                    timed(probe, address.format(base=base), predicate, arg)
                except Exception as exc:
                    failures.append(
                        f"gate pass {label}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}"
                    )
        if "tl_base" in locals():
            notes.append(export_as_is(probe, tl_base + "/site/index.html?data=events_ko.json"))
        probe.close()
        outside.urls.clear()  # the gate check's own request
        sides = [side for _, ours, theirs in pairs for side in (ours, theirs)]
        sides = list({s[0]: s for s in sides}.values())
        url = {s[0]: s[1].format(base=base) for s in sides}
        # file:// pages are another site: in the same context they would swap the renderer process and so
        # drop the http pages' compiled scripts from memory; they get a warm context of their own
        warm, warm_file = context(), context()
        ctx_of = {s[0]: warm_file if url[s[0]].startswith("file:") else warm for s in sides}
        for label, _, predicate, arg in sides:  # warm the servers' caches; not measured
            try:
                timed(ctx_of[label], url[label], predicate, arg)
            except Exception as exc:
                failures.append(f"warm-up {label}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
        cold = {s[0]: [] for s in sides}
        hot = {s[0]: [] for s in sides}
        for _ in range(N):
            for label, _, predicate, arg in sides:
                ctx = context()
                try:
                    cold[label].append(timed(ctx, url[label], predicate, arg))
                except Exception as exc:  # a benchmark reports a failed sample and goes on
                    failures.append(f"cold {label}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
                finally:
                    ctx.close()
            for label, _, predicate, arg in sides:
                ctx_of[label].pages[0].goto("about:blank")
                try:
                    hot[label].append(timed(ctx_of[label], url[label], predicate, arg))
                except Exception as exc:
                    failures.append(f"warm {label}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
        warm.close()
        warm_file.close()
        browser.close()

    tail = "p95" if N >= 20 else "max"
    for title, ours, theirs in pairs:
        print(f"\n{title} (ms; cold = fresh context, warm = same context)")
        print(f"  {'':<32}{'cold med':>9} {tail:>6}   {'warm med':>9} {tail:>6}")
        for label, *_ in (ours, theirs):
            cm, cp = stats(cold[label])
            wm, wp = stats(hot[label])
            print(f"  {label:<32}{fmt(cm):>9} {fmt(cp):>6}   {fmt(wm):>9} {fmt(wp):>6}")
        ratio = [stats(d[ours[0]])[0] / stats(d[theirs[0]])[0] for d in (cold, hot)]
        print(f"  {'ours / theirs':<32}{ratio[0]:>9.1f} {'':>6}   {ratio[1]:>9.1f}")
    for line in notes:
        print("note:", line)
    print(
        f"\nrequests not to loopback: {len(gate.blocked)} aborted by the page.route gate in the untimed pass"
        + (" (" + ", ".join(sorted({u.split("/")[2] for u in gate.blocked})) + ")" if gate.blocked else "")
        + f"; {len(outside.urls)} seen in the timed runs"
    )
    for f in failures:
        print("  failed sample:", f)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
