"""Browser-side benchmark: navigation to every chart drawn, and input to chart updated, in Debian's headless
Chromium.

Starts the dashboard (harness.browser.streamlit_server) and, in the same run, a one-chart baseline Streamlit
app (one `px.bar`, `theme=None`, with a copy of the project's .streamlit/ settings) on another loopback
port, then prints medians (and p95 when N >= 20, else the maximum) of:

- per page, in Korean: `page.goto` start -> page drawn, both with a cold context (a fresh browser context
per navigation: empty HTTP cache, new Streamlit session) and warm (one context kept for the run, its page
sent to about:blank and then to the page: HTTP cache warm). "Drawn" means: the script run is over (no
element is stale, no running indicator — with toolbarMode "viewer" Streamlit shows none — and the footer,
the last element the entry script writes, is there), every `.js-plotly-plot` has its `.main-svg` and
`data.length > 0` (as many plots as a settled warm-up found), and every table not inside a closed expander
has its canvas. The baseline: its one chart drawn and the run over. Each page's median is printed beside the
baseline's and as a ratio to it.
- per interaction, on a warm page, a real widget input (a sidebar pill, a multiselect option or a tag's
remove button, a selectbox option, the sidebar language switch): from the input (the `pointerdown` of the
click that makes the choice, its `event.timeStamp`) to (a) the first chart with new content drawn and (b)
every chart updated (the charts' data/axis/title signature differs from before the input, every plot is
drawn and no chart is stale), both timestamps taken in the page's clock. st.plotly_chart's element id
includes its figure, so a changed figure arrives as a new element drawn from scratch while the old one
stays, faded, until the run ends: (b) is usually the end of the run. Target printed beside it: 250 ms. A
sample after which the page shows an exception is reported as failed, not timed. Beside each: the bytes the
page received on Streamlit's websocket (frame payloads, Playwright's `framereceived`) from the input to the
run's end: what one interaction costs on the wire.

Server-side caches are warmed first (one navigation per page, also discovering each page's number of
charts), and cold and warm navigations of all pages are interleaved within each repetition, so machine noise
spreads evenly. Nothing leaves the machine: Chromium's resolver rule fails every address but localhost and
127.0.0.1 (IP literals too), and the run counts any request to a non-loopback address (it should print 0).
This script prints figures; it asserts no time limit.

Usage: .venv/bin/python -m benchmarks.browser [N=5] [ONLY]: with ONLY (e.g. `timeline`), only the pages and
interactions whose name holds it, beside the floor."""

from __future__ import annotations

import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlparse

import sitemap
from harness.browser import CHROMIUM, CHROMIUM_ARGS, free_port, server_command, streamlit_server
from revolution.data.paths import ROOT

N = int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 5
ONLY = sys.argv[2] if len(sys.argv) > 2 and __name__ == "__main__" else ""
TARGET_MS = 250
VIEWPORT = {"width": 1400, "height": 1000}
# Fail every address but localhost and 127.0.0.1 (IP literals too): no request can leave the machine.
ARGS = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"]
PAGES = [p.url_path for p in sitemap.PAGES]
BASELINE = (
    "import plotly.express as px\nimport streamlit as st\n\n"
    "pick = st.selectbox('data', ['a', 'b'])\n"
    "st.plotly_chart(px.bar(x=['a', 'b', 'c'][: 3 if pick == 'a' else 2], y=[1, 3, 2][: 3 if pick == "
    "'a' else 2]),"
    " theme=None)\n"
)
LOOPBACK = ("127.", "localhost", "[::1]", "::1")

# The page-side "input" timestamp: the first pointerdown/keydown after window.__arm(), on every
# document.
INPUT_CLOCK = """
window.__inputAt = null; window.__armed = false;
window.__arm = () => { window.__inputAt = null; window.__firstAt = null; window.__armed = true; };
for (const type of ['pointerdown', 'keydown']) {
  window.addEventListener(type, e => {
    if (window.__armed) { window.__inputAt = e.timeStamp; window.__armed = false; }
  }, true);
}
"""
# Shared predicates: a Plotly element is drawn; Streamlit's script run is over.
JS_HELPERS = """
const drawn = gd => !!gd.querySelector('.main-svg') && !!gd.data && gd.data.length > 0;
const running = () => [...document.querySelectorAll('[data-testid="stStatusWidget"]')]
    // it fades out for 200 ms after the run: not running
    .some(w => !/StatusWidget-exit/.test(w.className));
const stale = sel => [...document.querySelectorAll('[data-stale="true"]')]
    .some(e => !sel || e.querySelector(sel));
const tablesDrawn = () => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
    .filter(f => !f.closest('details:not([open])')).every(f => f.querySelector('canvas'));
const sigOf = gd => JSON.stringify([(gd.data || []).map(t => [t.name, t.x && t.x.length, t.y && t.y.length]),
    gd.layout && gd.layout.xaxis && gd.layout.xaxis.range,
    gd.layout && gd.layout.title && (gd.layout.title.text || gd.layout.title)]);
const signatures = () => [...document.querySelectorAll('.js-plotly-plot')].map(sigOf);
const isStale = gd => !!gd.closest('[data-stale="true"]');
"""
PAGE_DRAWN = (
    "([charts, marker]) => {"
    + JS_HELPERS
    + """
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || !main.innerText.includes(marker) || running() || stale()) return false;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (plots.length < charts || !plots.every(drawn) || !tablesDrawn()) return false;
  return performance.now();
}"""
)
# Two moments after an input: the first chart with new content drawn (not stale), and every chart
# updated (the
# signatures differ from before, every plot drawn, no stale chart left). st.plotly_chart's element id
# includes
# its
# figure, so a changed figure is a new element, drawn from scratch, and the old one stays, faded, until
# the
# run ends.
CHART_UPDATED = (
    "(before) => {"
    + JS_HELPERS
    + """
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (window.__firstAt == null && plots.some(gd => !isStale(gd) && drawn(gd) && !before.includes(sigOf(gd))))
    window.__firstAt = performance.now();
  if (!plots.length || JSON.stringify(signatures()) === JSON.stringify(before) || !plots.every(drawn)
      || stale('.js-plotly-plot')) return false;
  const now = performance.now();
  return [window.__firstAt == null ? now : window.__firstAt, now];
}"""
)
IDLE = "() => {" + JS_HELPERS + " return !running() && !stale(); }"
SIGNATURES = "() => {" + JS_HELPERS + " return signatures(); }"


def machine() -> str:
    """One line: cores, CPU model, OS, Python, load average now."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"machine: nproc {cores}, {model}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, load average {load}"
    )


@contextmanager
def serve_script(script: Path, log: Path | None = None):
    """`streamlit run SCRIPT` on a free loopback port (like harness.browser.streamlit_server); yields its base
    URL."""
    port = free_port()
    cmd = server_command(port, "-m", "streamlit", "run", str(script))
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        cmd, cwd=script.parent, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/_stcore/health", proc)
        yield base
    finally:
        stop(proc)
        if log:
            out.close()


def wait_http(url: str, proc: subprocess.Popen | None = None, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            if (proc is not None and proc.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer (exit {proc.poll() if proc else '?'})") from None
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    """Stop a process this script started (its own process group), by its id."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def is_loopback(url: str) -> bool:
    if not url.startswith(("http:", "https:", "ws:", "wss:")):
        return True  # data:, blob:, about:
    host = urlparse(url).hostname or ""
    return host.startswith(LOOPBACK) or host in ("localhost", "::1")


class Outside:
    """Counts requests to anything but loopback (the resolver rule makes them fail; they should not
    happen)."""

    def __init__(self):
        self.urls: list[str] = []

    def watch(self, context) -> None:
        context.on("request", lambda r: None if is_loopback(r.url) else self.urls.append(r.url))


class Wire:
    """Bytes of websocket frame payloads a page received since the last `reset` (Streamlit's deltas,
    figures included)."""

    def __init__(self, page):
        self.received = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._count))

    def _count(self, payload) -> None:
        self.received += len(payload.encode() if isinstance(payload, str) else payload)

    def reset(self) -> None:
        self.received = 0


def new_context(browser, outside: Outside):
    ctx = browser.new_context(viewport=VIEWPORT, locale="ko-KR")
    ctx.add_init_script(INPUT_CLOCK)
    outside.watch(ctx)
    return ctx


def stats(values: list[float]) -> tuple[float, float]:
    """Median and p95 (nearest rank; with fewer than 20 values that is the maximum)."""
    if not values:
        return float("nan"), float("nan")
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def fmt(ms: float) -> str:
    return "    –" if ms != ms else f"{ms:7.0f}"


EXCEPTION = '[data-testid="stException"]'


def time_navigation(page, url: str, charts: int, marker: str, timeout: float = 90_000) -> float:
    """Seconds from page.goto start to the page drawn (see PAGE_DRAWN)."""
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout)
    page.wait_for_function(PAGE_DRAWN, arg=[charts, marker], polling="raf", timeout=timeout)
    took = time.perf_counter() - start
    if page.locator(EXCEPTION).count():
        raise RuntimeError(f"the page shows an exception: {url}")
    return took


def settle(page, timeout: float = 60_000) -> None:
    page.wait_for_function(IDLE, polling="raf", timeout=timeout)
    page.wait_for_timeout(300)


def time_input(
    page, prepare, act, wire: Wire, timeout: float = 60_000, updated: str = CHART_UPDATED, arg=None
) -> tuple[float, float, int]:
    """Milliseconds, in the page's clock, from the input's pointerdown (or keydown) to the first changed chart
    drawn and to every chart updated; and the bytes received on the websocket from the input to the run's
    end. Another `updated` predicate (given `arg`, else the charts' signatures before the input) returns
    [first, all] timestamps of its own."""
    phase = "waiting for the previous run to end"
    try:
        settle(page)
        phase = "preparing the input"
        prepare()
        page.wait_for_function(IDLE, polling="raf", timeout=timeout)
        before = page.evaluate(SIGNATURES) if arg is None else arg
        page.evaluate("() => window.__arm()")
        wire.reset()
        phase = "giving the input"
        act()
        phase = "waiting for the charts to change"
        done = page.wait_for_function(updated, arg=before, polling="raf", timeout=timeout).json_value()
    except Exception as exc:
        raise RuntimeError(f"{phase}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from None
    started = page.evaluate("() => window.__inputAt")
    if started is None:
        raise RuntimeError("no input event was seen")
    settle(page)
    if page.locator(EXCEPTION).count():
        raise RuntimeError("the page shows an exception after the input")
    return done[0] - started, done[1] - started, wire.received


def sample_inputs(
    page, url, mark, steps, wire, n, failed, updated: str = CHART_UPDATED, charts: int = 1
) -> list:
    """N timed inputs on PAGE, taking STEPS in turn, each (prepare, act) or (prepare, act, arg of `updated`);
    a failed sample is reported through FAILED and the page is loaded again from URL (at most 3 times) and
    waited for until drawn with CHARTS charts."""
    values, step, misses, restart = [], 0, 0, True
    while len(values) < n and misses < 3:
        try:
            if restart:  # (re)start from the page as its URL gives it
                page.goto(url, wait_until="commit")
                page.wait_for_function(PAGE_DRAWN, arg=[charts, mark], polling="raf", timeout=90_000)
                restart = False
            prepare, act, *arg = steps[step % len(steps)]
            values.append(time_input(page, prepare, act, wire, updated=updated, arg=arg[0] if arg else None))
            step += 1
        except Exception as exc:  # report the failed sample, start again from the page's URL
            misses += 1
            step, restart = 0, True
            failed(f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    return values


def input_line(name: str, values: list, target: float) -> str:
    """One printed row: samples, first/all medians and tails, KB per input, the target and the verdict."""
    fm, fp = stats([v[0] for v in values])
    am, ap = stats([v[1] for v in values])
    kb = statistics.median([v[2] for v in values]) / 1000 if values else float("nan")
    verdict = "–" if not values else ("ok" if am <= target else "over")
    return (
        f"  {name:<48}{len(values):>3}  {fmt(fm):>9} {fmt(fp):>6}  {fmt(am):>7} {fmt(ap):>6}  "
        f"{kb:8.1f}  ≤ {target:g} {verdict}"
    )


def footer_marker(lang: str = "ko") -> str:
    """A piece of the footer that dashboard.py writes after every page: its presence means the page is
    complete."""
    from revolution.i18n import t

    return t("footer", lang, sources="\x00").split("\x00", 1)[1].strip(" .")[:16]


def interactions(page, base: str, floor: str, data) -> dict[str, tuple[str, list]]:
    """Each interaction: (the URL it starts from, a list of steps (prepare, act)); the steps alternate two
    states. The first is the floor: the one-chart baseline app, its selectbox switching the bar chart's
    data. The language switch is timed one way, Korean -> English on a freshly loaded page each time, so
    every sample is alike."""
    from revolution.i18n import category, t

    noop = lambda: None  # noqa: E731

    def pill(label):
        # anywhere on the page: the timeline's presets are in the sidebar or in its chart's region
        return noop, lambda: page.get_by_role("radio", name=label, exact=True).click()

    def add(scope, label, option):
        box = scope.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
        return (
            lambda: (
                page.keyboard.press("Escape"),
                box.locator("input").click(),
                page.get_by_role("option", name=option, exact=True).wait_for(),
            ),
            lambda: page.get_by_role("option", name=option, exact=True).click(),
        )

    def remove(scope, label, option):
        box = scope.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
        return (
            lambda: page.keyboard.press("Escape"),
            lambda: box.get_by_role("button", name=f"Remove {option}").click(),
        )

    def select(label, option):
        box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
        return (
            lambda: (
                box.locator("input").click(),
                page.get_by_role("option", name=option, exact=True).wait_for(),
            ),
            lambda: page.get_by_role("option", name=option, exact=True).click(),
        )

    def fresh(path):
        def load():
            page.goto(base + path, wait_until="commit")
            page.wait_for_function(PAGE_DRAWN, arg=[1, footer_marker()], polling="raf", timeout=90_000)

        return load

    def nudge(label, key):
        # a range slider's upper thumb, moved by the keyboard: one year on, one year back
        box = page.locator('[data-testid="stSlider"]').filter(has_text=label)
        return (lambda: box.get_by_role("slider").last.focus(), lambda: page.keyboard.press(key))

    groups = dict(zip(data.groups.group_id, data.groups.title_ko))
    g1, g2 = "constituent_assembly", "industrial_output"
    first_source = data.sources.short_ko.iloc[0]
    main = page.locator('[data-testid="stMain"]')
    return {
        "floor: one px.bar, selectbox (a ⇄ b)": (floor + "/", [select("data", "b"), select("data", "a")]),
        "timeline: preset pill (1917 ⇄ civil war)": (
            "/timeline",
            [pill(t("preset_1917", "ko")), pill(t("preset_civil_war_1918_1921", "ko"))],
        ),
        "timeline: category multiselect (+/− war)": (
            "/timeline",
            [
                add(page, t("categories", "ko"), category("war", "ko")),
                remove(page, t("categories", "ko"), category("war", "ko")),
            ],
        ),
        "figures: chart selectbox (one group ⇄ another)": (
            f"/figures?group={g1}",
            [select(t("choose_group", "ko"), groups[g2]), select(t("choose_group", "ko"), groups[g1])],
        ),
        "figures: source multiselect, 9 charts (+/−)": (
            "/figures",
            [add(main, t("sources", "ko"), first_source), remove(main, t("sources", "ko"), first_source)],
        ),
        MAP_INPUT: (
            "/people?from=1917&to=1917",
            [nudge(t("map_years", "ko"), "ArrowRight"), nudge(t("map_years", "ko"), "ArrowLeft")],
        ),
        "timeline: language switch, Korean -> English": (
            "/timeline",
            [(fresh("/timeline"), pill("English")[1])],
        ),
    }


def main() -> None:
    from playwright.sync_api import sync_playwright

    from revolution.data.load import load_dataset

    data = load_dataset()
    marker = footer_marker()
    outside = Outside()
    failures: list[str] = []
    with ExitStack() as stack:
        script = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "baseline.py"
        script.write_text(BASELINE)
        if (ROOT / ".streamlit").is_dir():  # the same settings (theme, toolbar mode, ...) as the dashboard
            shutil.copytree(ROOT / ".streamlit", script.parent / ".streamlit")
        base = stack.enter_context(streamlit_server())
        floor = stack.enter_context(serve_script(script))
        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        print(machine())
        print(
            f"browser: Chromium {browser.version} (headless, {CHROMIUM}), viewport {VIEWPORT['width']}×"
            f"{VIEWPORT['height']}; N = {N}"
        )
        targets = {"baseline: one px.bar": (floor + "/", 1, "")}
        warm_ctx = new_context(browser, outside)
        warm = warm_ctx.new_page()
        wire = Wire(warm)
        # Warm the servers (dataset, cached figures, first-run rerun) and count each page's charts once
        # settled.
        for name, url, charts, mark in [
            ("baseline", floor + "/", 1, ""),
            *((name, f"{base}/{name}", 0, marker) for name in PAGES if ONLY in name),
        ]:
            try:
                warm.goto(url)
                warm.wait_for_function(PAGE_DRAWN, arg=[charts, mark], polling="raf", timeout=180_000)
                warm.wait_for_timeout(1500)
                if warm.locator(EXCEPTION).count():
                    failures.append(f"warm-up {name}: the page shows an exception")
            except Exception as exc:  # counted as it stands; its samples will tell
                failures.append(f"warm-up {name}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
            if name != "baseline":
                charts = warm.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
                targets[name] = (url, charts, marker)
        cold: dict[str, list] = {k: [] for k in targets}
        hot: dict[str, list] = {k: [] for k in targets}
        for _ in range(N):
            for name, (url, charts, mark) in targets.items():
                ctx = new_context(browser, outside)
                try:
                    cold[name].append(time_navigation(ctx.new_page(), url, charts, mark) * 1000)
                except Exception as exc:  # a benchmark reports a failed sample and goes on
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
        base_cold, base_warm = stats(cold["baseline: one px.bar"])[0], stats(hot["baseline: one px.bar"])[0]
        print(
            "\nnavigation: page.goto start -> every chart drawn and the run over (ms; cold = fresh context, "
            "warm = same context, HTTP cache warm)"
        )
        print(
            f"  {'page':<22}{'charts':>6}   {'cold med':>8} {tail:>7} {'× base':>7}   {'warm med':>8} "
            f"{tail:>7} "
            f"{'× base':>7}"
        )
        for name, (_, charts, _) in targets.items():
            cm, cp = stats(cold[name])
            wm, wp = stats(hot[name])
            print(
                f"  {name:<22}{charts:>6}   {fmt(cm):>8} {fmt(cp):>7} {cm / base_cold:7.1f}   {fmt(wm):>8} "
                f"{fmt(wp):>7} {wm / base_warm:7.1f}"
            )

        print(
            f"\ninteraction: pointerdown of the input -> first changed chart drawn / every chart updated "
            f"(ms, page clock; target ≤ {TARGET_MS} ms for every chart updated)"
        )
        print(
            f"  {'interaction':<48}{'n':>3}  {'first med':>9} {tail:>6}  {'all med':>7} {tail:>6}  "
            f"{'KB/input':>8}  target"
        )
        floor_all = None
        for name, (path, steps) in interactions(warm, base, floor, data).items():
            if ONLY not in name and not name.startswith("floor"):
                continue
            url, mark = (path, "") if path.startswith(floor) else (base + path, marker)
            values = sample_inputs(
                warm, url, mark, steps, wire, N, lambda e, n=name: failures.append(f"{n}: {e}")
            )
            if name.startswith("floor") and values:
                floor_all = statistics.median([v[1] for v in values])
            # the map's year change is held to 1.5 × the one-chart floor of this same run (issue 27)
            target = 1.5 * floor_all if name == MAP_INPUT and floor_all else TARGET_MS
            print(input_line(name, values, round(target)))
        if not ONLY or ONLY in MAP_INPUT:
            print(map_bytes(data))
        warm_ctx.close()
        browser.close()
    report(outside, failures)


MAP_INPUT = "people: the map's years (1917 ⇄ 1917–1918)"


def map_bytes(data) -> str:
    """What the map sends a page with each change of years: the page's figure as JSON (cached.py builds it
    with image=True), and the shapes' part of it (their picture), for both windows of MAP_INPUT."""
    import plotly.io as pio

    from revolution.data import mentions
    from revolution.views import place_map

    names = dict(zip(data.sources.source_id, data.sources.short_ko))
    counts = mentions.text_mentions(data, "places")
    parts = []
    for years in ((1917, 1917), (1917, 1918)):
        fig = place_map.map_chart(data, counts, "ko", names, years, image=True)
        whole = len(pio.to_json(fig).encode())
        shapes = sum(len(im.source.encode()) for im in fig.layout.images)
        kb = f"figure {whole / 1000:.1f} KB as JSON, shapes {shapes / 1000:.1f} KB"
        parts.append(f"{years[0]}–{years[1]}: {kb}")
    return "map as the page gets it: " + "; ".join(parts)


def report(outside: Outside, failures: list[str]) -> None:
    """The end of a browser benchmark: any request that left the machine, and the samples that failed."""
    print(
        f"\nrequests to non-loopback addresses: {len(outside.urls)}"
        + (f" (e.g. {outside.urls[0]})" if outside.urls else "")
    )
    for f in failures:
        print("  failed sample:", f)


if __name__ == "__main__":
    main()
