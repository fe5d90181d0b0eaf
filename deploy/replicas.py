"""Prove the dashboard runs as two replicas behind nginx, each browser pinned to one replica.

Starts two replicas of the dashboard (serve.py) on loopback ports and Debian's nginx in front of them
(deploy/nginx.conf, filled in), then proves, each step PASS or FAIL with its numbers:
  a. the project's browser tests (tests/test_browser.py) pass through nginx;
  b. fresh browser sessions spread over both replicas, and every request of one session (page, static
     files, websocket) goes to the same replica;
  c. after one replica is stopped, new sessions (fresh ones and ones whose cookie points at the stopped
     replica) all draw their page on the surviving replica with no error;
  e. a class opens one link at once (after b, with both replicas): 30 and then 60 protocol-level students
     (harness.student, checked against one Chromium load) behind this one address, with a cold browser cache
     and with the files cached: no refusal and no wrong page (benchmarks/classroom.py's figures);
  d. attacks against nginx are refused (attack() below): foreign-origin websocket handshakes (and health stays
     fast under 40 of them), too many handshakes from one address, uploads, the metrics endpoint, an unknown
     Host; every response carries the security headers; Chromium refuses to show the app in a frame; a slides
     link asking for many custom timeline ranges gets only a few.
The replicas run with deploy/production.toml's settings (production_flags()); nginx serves Streamlit's static
files itself, gzip-precompressed (precompress()).
Exit code 0 only if every step passed. Everything started here is stopped by its process id, also on
Ctrl-C.
Loopback only; nothing is left running. Not part of the default test run.

Usage (as root, so that a missing nginx can be installed):  .venv/bin/python -m deploy.replicas [--sessions
8] [--class 30,60]; `--precompress DIR` only writes the static folder nginx serves (for production)."""

from __future__ import annotations

import argparse
import base64
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

from harness.browser import CHROMIUM, CHROMIUM_ARGS, free_port, server_command, wait_for_app, wait_healthy
from revolution.data.paths import ROOT

NGINX = "/usr/sbin/nginx"
TEMPLATE = ROOT / "deploy" / "nginx.conf"
COOKIE = "st_route"
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
LOG_LINE = re.compile(
    r'^\S+ \[[^\]]+\] "(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d+) route=(?P<route>\S+) '
    r'upstream="(?P<upstream>[^"]*)" upstream_status="(?P<ustatus>[^"]*)"'
)


def say(msg: str = "") -> None:
    print(msg, flush=True)


def ensure_nginx() -> None:
    if os.path.exists(NGINX):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(
            "nginx is not installed: run `sudo apt-get install -y nginx` (Debian's package), then this again"
        )
    say("installing Debian's nginx (apt-get install -y nginx) ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends", "nginx"]
    if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(
            ["apt-get", "-o", "DPkg::Lock::Timeout=300", "update"], env=env, stdout=subprocess.DEVNULL
        )
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    if not os.path.exists(NGINX):
        sys.exit("apt-get ran but /usr/sbin/nginx is still missing")


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stop a child started in its own session, with its whole process group, by its process id."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def start_replica(port: int, log: Path, cookie_secret: str) -> subprocess.Popen:
    cmd = [*server_command(port), *production_flags()]
    # one cookie secret for all replicas (it signs st.login's cookies; XSRF tokens are not signed)
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    return subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def precompress(dest: Path) -> Path:
    """Streamlit's static files (the replicas' own version, from this venv) copied under `dest`, each text
    file beside its gzip (level 9, made once here rather than by nginx for every student): what nginx's
    `location /static/` serves with gzip_static. Copies, not links: nginx's workers may not read the venv."""
    import gzip

    import streamlit

    src = Path(streamlit.__file__).parent / "static" / "static"
    for path in src.rglob("*"):
        if not path.is_file():
            continue
        out = dest / path.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        if (
            path.suffix in {".js", ".css", ".json", ".svg", ".ttf", ".txt", ".map"}
            and path.stat().st_size > 1024
        ):
            packed = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            if len(packed) < path.stat().st_size:
                out.with_name(out.name + ".gz").write_bytes(packed)
    for folder in [dest, *(d for d in dest.rglob("*") if d.is_dir())]:
        folder.chmod(0o755)
    return dest


def start_nginx(run: Path, listen: str, replicas: list[str]) -> subprocess.Popen:
    conf = TEMPLATE.read_text()
    static = run / "static"
    if not static.is_dir():
        precompress(static)
    for name, value in {
        "RUN_DIR": str(run),
        "STATIC_DIR": str(static),
        "LISTEN": listen,
        "SERVER_NAME": "127.0.0.1 localhost",  # the Host names this proof uses; a real site puts its own
        "REPLICA_1": replicas[0],
        "REPLICA_2": replicas[1],
    }.items():
        conf = conf.replace(f"@{name}@", value)
    left = re.findall(r"@[A-Z_0-9]+@", conf)
    assert not left, f"unfilled placeholders in deploy/nginx.conf: {left}"
    (run / "nginx.conf").write_text(conf)
    (run / "tmp").mkdir(exist_ok=True)
    run.chmod(0o755)  # as root, nginx's workers run as nobody and must reach the temp folders
    (run / "tmp").chmod(0o755)
    args = [NGINX, "-p", str(run), "-e", str(run / "error.log"), "-c", str(run / "nginx.conf")]
    check = subprocess.run(args + ["-t", "-q"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError("nginx -t refused the configuration:\n" + check.stderr)
    return subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=open(run / "nginx.stderr", "wb"), start_new_session=True
    )


def read_log(path: Path, offset: int = 0) -> list[dict]:
    """The access log's lines (from a byte offset on) with the replicas tried and the one that
    answered."""
    rows = []
    with open(path, "rb") as f:
        f.seek(offset)
        text = f.read().decode(errors="replace")
    for line in text.splitlines():
        m = LOG_LINE.match(line)
        if m:
            row = m.groupdict()
            tried = [a.strip() for a in row["upstream"].split(",") if a.strip() and a.strip() != "-"]
            row["tried"], row["final"] = tried, (tried[-1] if tried else "-")
            rows.append(row)
    return rows


def kind(path: str) -> str:
    if path.startswith("/_stcore/stream"):
        return "websocket"
    if path.startswith("/static/") or path.startswith("/favicon"):
        return "static"
    if "/_stcore/" in path:  # host-config, health (the frontend also tries them under the page's path)
        return "stcore"
    if path.startswith("/media/"):
        return "media"
    return "page"


def by_route(rows: list[dict], routes: list[str] | None) -> dict[str, list[dict]]:
    groups = defaultdict(list)
    for row in rows:
        if routes is None or row["route"] in routes:
            groups[row["route"]].append(row)
    return groups


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=8, help="fresh sessions in step b (default 8)")
    parser.add_argument("--after", type=int, default=6, help="new sessions after a replica stops (default 6)")
    parser.add_argument("--skip-tests", action="store_true", help="skip step a (the browser test suite)")
    parser.add_argument("--class", dest="sizes", default="30,60", help="step e's class sizes (default 30,60)")
    parser.add_argument("--precompress", metavar="DIR", help="write nginx's static folder to DIR, and exit")
    parser.add_argument(
        "--print-flags", action="store_true", help="print deploy/production.toml as Streamlit flags, and exit"
    )
    opts = parser.parse_args()
    if opts.print_flags:
        say(" ".join(production_flags()))
        return 0
    if opts.precompress:
        say(f"static files for nginx's @STATIC_DIR@: {precompress(Path(opts.precompress).resolve())}")
        return 0

    ensure_nginx()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium (./dev test installs it)")
    run = Path(tempfile.mkdtemp(prefix="dashboard-replicas-"))
    ports = [free_port(), free_port()]
    replicas = [f"127.0.0.1:{p}" for p in ports]
    name = {addr: f"replica {i + 1} ({addr})" for i, addr in enumerate(replicas)}
    listen = f"127.0.0.1:{free_port()}"
    base = f"http://{listen}"
    procs: list[subprocess.Popen] = []
    nginx = None
    results: list[tuple[str, bool, str]] = []

    def record(step: str, ok: bool, detail: str) -> None:
        results.append((step, ok, detail))
        say(f"{'PASS' if ok else 'FAIL'}  {step}: {detail}")

    try:
        secret = secrets.token_hex(32)
        for i, port in enumerate(ports):
            procs.append(start_replica(port, run / f"replica-{i + 1}.log", secret))
        for i, proc in enumerate(procs):
            wait_healthy(f"http://{replicas[i]}", proc, f"replica {i + 1}")
        nginx = start_nginx(run, listen, replicas)
        wait_healthy(base, nginx, "nginx", timeout=20)
        version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.strip()
        say(f"{version} on {base} -> {', '.join(name[a] for a in replicas)}; logs in {run}")

        # a. the project's own browser tests, through nginx
        if opts.skip_tests:
            say("SKIP  a. browser tests through nginx (--skip-tests)")
        else:
            say("a. running tests/test_browser.py through nginx ...")
            start = time.monotonic()
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "tests/test_browser.py",
                    "-m",
                    "browser",
                    "-q",
                    "-p",
                    "no:cacheprovider",
                ],
                cwd=ROOT,
                env={**os.environ, "DASHBOARD_URL": base},
                capture_output=True,
                text=True,
                timeout=1500,
            )
            (run / "pytest.log").write_text(out.stdout + out.stderr)
            lines = [line for line in out.stdout.splitlines() if line.strip()]
            summary = next(
                (line for line in reversed(lines) if re.search(r"\d+ (passed|failed|error)", line)),
                lines[-1] if lines else "(no output)",
            )
            time.sleep(1)  # the last websockets are logged as they close
            stuck = True
            for route, rows in by_route(read_log(run / "access.log"), None).items():
                kinds = Counter(kind(r["path"]) for r in rows)
                finals = {r["final"] for r in rows if r["tried"]}  # static files: nginx itself
                retried = sum(len(r["tried"]) > 1 for r in rows)
                stuck = stuck and len(finals) == 1 and not retried
                say(
                    f"   the tests' browser (cookie {route[:8]}…): {len(rows)} requests "
                    f"({kinds['websocket']} websockets, "
                    f"{kinds['media']} downloads from /media/, {retried} retried) -> "
                    f"{' + '.join(sorted(name.get(f, f) for f in finals))}"
                )
            record(
                "a. browser tests through nginx",
                out.returncode == 0 and stuck,
                f"{summary.strip('= ')} (exit {out.returncode}, {time.monotonic() - start:.0f} s); "
                f"the tests' browser stayed on one replica: {'yes' if stuck else 'NO'}",
            )

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                # b. fresh sessions spread over both replicas; each one stays on its replica
                sessions = [open_session(browser, base + VIEWS[i % len(VIEWS)]) for i in range(opts.sessions)]
                for s in sessions:
                    s["ctx"].close()  # a websocket is logged when it closes
                time.sleep(1.5)
                groups = by_route(read_log(run / "access.log"), [s["route"] for s in sessions])
                landed, errors_b, split = Counter(), [], []
                for i, s in enumerate(sessions, 1):
                    rows = groups.get(s["route"], [])
                    kinds = Counter(kind(r["path"]) for r in rows)
                    finals = {r["final"] for r in rows if r["tried"]}  # static files: nginx itself
                    retried = sum(len(r["tried"]) > 1 for r in rows)
                    where = " + ".join(sorted(name.get(f, f) for f in finals)) or "nothing logged"
                    if len(finals) == 1:
                        landed[next(iter(finals))] += 1
                    if (
                        len(finals) != 1
                        or retried
                        or not (kinds["page"] and kinds["static"] and kinds["websocket"])
                    ):
                        split.append(i)
                    errors_b += problems(s)
                    say(
                        f"   session {i}: {len(rows):3d} requests ({kinds['page']} page, "
                        f"{kinds['static']} static, "
                        f"{kinds['websocket']} websocket, {kinds['stcore'] + kinds['media']} other) -> "
                        f"{where}; "
                        f"drawn in {s['seconds']:.1f} s"
                    )
                jars = Counter(", ".join(s["cookies"]) for s in sessions)
                say(f"   cookies in the browser: {'; '.join(f'{j} ({n} sessions)' for j, n in jars.items())}")
                spread = ", ".join(f"{landed[a]} on {name[a]}" for a in replicas)
                record(
                    "b. sessions spread and stick",
                    len(landed) == 2 and not split and not errors_b,
                    f"{opts.sessions} sessions: {spread}; sessions whose requests went to more than "
                    "one replica "
                    f"or missed page/static/websocket: {len(split)}; errors: {len(errors_b)}",
                )
                for e in errors_b[:10]:
                    say(f"   error: {e}")

                # e. a class behind one address opens one link at once
                classroom(record, base, procs, browser, [int(n) for n in opts.sizes.split(",") if n])

                # c. stop one replica; new sessions must all draw on the other one
                victim, survivor = replicas[0], replicas[1]
                need = opts.after // 2 + 1
                pinned = pinned_keys(base, run / "access.log", victim, need)
                live = open_session(browser, base + VIEWS[0], cookie=pinned.pop(), base=base)
                live_before = live["websockets"]
                mark = (run / "access.log").stat().st_size  # from here on, only what happened after the stop
                stop(procs[0])
                say(
                    f"c. stopped {name[victim]} (SIGTERM to its process group, exit code "
                    f"{procs[0].returncode})"
                )
                # a user who had the page open on the stopped replica: does the page reconnect to the
                # survivor?
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    live["page"].wait_for_timeout(500)
                    state = page_state(live["page"])
                    if live["websockets"] > live_before and state["charts"] and not state["busy"]:
                        break
                live["state"] = page_state(live["page"])
                # does the page still work? a filter change must redraw the chart (a rerun on the
                # survivor)
                count = (
                    "() => document.querySelector('.js-plotly-plot').data.reduce((n, t) => n + t.y.length, 0)"
                )
                live["tries"] = []
                for _ in range(2):  # the first action after a failover can be lost (see the report)
                    try:
                        before = live["page"].evaluate(count)
                        box = live["page"].get_by_label("Search (Korean or English)")
                        box.fill("Kronstadt")
                        box.press("Enter")
                        live["page"].wait_for_function(f"() => ({count})() < {before}", timeout=15_000)
                        live["tries"].append(
                            f"redrew the chart ({before} -> {live['page'].evaluate(count)} events)"
                        )
                        break
                    except Exception as exc:
                        live["tries"].append(f"no effect within 15 s ({exc.__class__.__name__})")
                live["ctx"].close()
                after = []
                for i in range(
                    opts.after
                ):  # odd ones are new users, even ones return with a cookie for the stopped one
                    cookie = pinned[i // 2] if i % 2 else None
                    after.append(
                        open_session(browser, base + VIEWS[i % len(VIEWS)], cookie=cookie, base=base)
                    )
                for s in after:
                    s["ctx"].close()
                time.sleep(1.5)
                rows_c = read_log(run / "access.log", mark)
                groups = by_route(rows_c, [s["route"] for s in after])
                errors_c, off, retried = [], 0, 0
                for i, s in enumerate(after, 1):
                    rows = groups.get(s["route"], [])
                    finals = {r["final"] for r in rows if r["tried"]}  # static files: nginx itself
                    off += finals != {survivor}
                    retried += sum(len(r["tried"]) > 1 for r in rows)
                    errors_c += problems(s)
                    kinds = Counter(kind(r["path"]) for r in rows)
                    say(
                        f"   new session {i} "
                        f"({'cookie of the stopped replica' if s['pinned'] else 'no cookie'}): "
                        f"{len(rows):3d} requests ({kinds['page']} page, {kinds['websocket']} websocket) -> "
                        f"{' + '.join(sorted(name.get(f, f) for f in finals)) or 'nothing logged'}; "
                        f"drawn in {s['seconds']:.1f} s; {len(problems(s))} errors"
                    )
                for e in errors_c[:10]:
                    say(f"   error: {e}")
                refused = sum(
                    "Connection refused" in line for line in (run / "error.log").read_text().splitlines()
                )
                say(
                    f"   nginx: {sum(len(r['tried']) > 1 for r in rows_c)} request(s) after the stop "
                    "were retried on "
                    "the survivor (connection refused, then 200/101); 'Connection refused' lines in "
                    "error.log: "
                    f"{refused}; 502s sent to browsers: {sum(r['status'] == '502' for r in rows_c)}"
                )
                record(
                    "c. one replica stopped",
                    len(after) >= 5 and off == 0 and not errors_c,
                    f"{len(after)} new sessions, {len(after) - off} drawn on {name[survivor]}, errors: "
                    f"{len(errors_c)}",
                )
                ws = [
                    name.get(r["final"], r["final"])
                    for r in rows_c
                    if r["route"] == live["route"] and kind(r["path"]) == "websocket"
                ]
                st = live["state"]
                say(
                    "   (not counted) a page left open on the stopped replica: its websockets, in the "
                    "order they "
                    f"closed: {', '.join(ws) or 'none'}; charts still drawn: {st['charts']}, exception "
                    "boxes: "
                    f"{st['exceptions']}, 'Connection error': {'yes' if st['connection_error'] else 'no'};"
                )
                say(
                    f"   its search box after the stop: {'; then '.join(live['tries'])} "
                    f"(a new Streamlit session on the survivor: the old session's state is gone)"
                )

                # d. attacks against nginx (the survivor serves; the stopped replica is retried away)
                attack(record, base, [survivor], procs[1:], browser)
            finally:
                browser.close()
    except KeyboardInterrupt:
        say("interrupted")
        results.append(("interrupted", False, ""))
    finally:
        stop(nginx)
        for proc in procs:
            stop(proc)
    passed = bool(results) and all(ok for _, ok, _ in results)
    say(
        f"{'PASS' if passed else 'FAIL'}: {sum(ok for _, ok, _ in results)} of {len(results)} steps passed; "
        f"nginx and both replicas stopped; logs in {run}"
    )
    return 0 if passed else 1


# --- e. a class at once ------------------------------------------------------------------------------------
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


# --- production settings, and d. the attack step ----------------------------------------------------------
PRODUCTION = ROOT / "deploy" / "production.toml"
FOREIGN = 40  # foreign-origin handshakes at once: 40 stalled a replica for 10-15 s before nginx refused them


def production_flags(path: Path = PRODUCTION) -> list[str]:
    """deploy/production.toml as `streamlit run` flags (Streamlit reads no other config file); a list
    option repeats its flag."""
    flags = []
    for section, options in tomllib.loads(path.read_text(encoding="utf-8")).items():
        for name, value in options.items():
            for v in value if isinstance(value, list) else [value]:
                flags += [f"--{section}.{name}", str(v).lower() if isinstance(v, bool) else str(v)]
    return flags


def handshake(addr: str, origin: str | None, timeout: float = 40) -> int | str:
    """One raw websocket handshake on /_stcore/stream: the HTTP status that came back (101 = accepted), or
    what happened instead."""
    host, port = addr.rsplit(":", 1)
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {addr}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ] + ([f"Origin: {origin}"] if origin else [])
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as s:
            s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            first = s.recv(256).split(b"\r\n", 1)[0].decode(errors="replace")
    except OSError as exc:
        return exc.__class__.__name__
    return int(first.split()[1]) if first.startswith("HTTP/") else (first or "closed")


def health_ms(base: str) -> float:
    start = time.perf_counter()
    try:
        urllib.request.urlopen(base + "/_stcore/health", timeout=60).read()
    except OSError:
        return float("inf")
    return (time.perf_counter() - start) * 1000


def under_handshakes(addr: str, origins: list[str | None], probe: str) -> tuple[Counter, list[float]]:
    """Open all handshakes at once and, until every one is answered, time /_stcore/health at `probe`."""
    answers: list = [None] * len(origins)

    def shake(i: int, origin: str | None) -> None:
        answers[i] = handshake(addr, origin)

    threads = [threading.Thread(target=shake, args=(i, o), daemon=True) for i, o in enumerate(origins)]
    for t in threads:
        t.start()
    times = []
    while any(t.is_alive() for t in threads) or len(times) < 10:
        times.append(health_ms(probe))
        time.sleep(0.05)
    for t in threads:
        t.join()
    return Counter(answers), times


def request(base: str, path: str, method: str = "GET", body: bytes | None = None, host: str | None = None):
    """Status and headers (repeats kept) of one request, or the exception's name if none came back."""
    addr = base.split("//", 1)[1]
    conn = http.client.HTTPConnection(addr, timeout=30)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host or addr)
        if body is not None:
            conn.putheader("Content-Type", "multipart/form-data; boundary=x")
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            try:
                conn.send(body)
            except OSError:  # nginx may answer (and close) before the body is sent: read that answer
                pass
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheaders()
    except (OSError, http.client.HTTPException) as exc:
        return exc.__class__.__name__, []
    finally:
        conn.close()


def rss_mb(procs: list[subprocess.Popen]) -> float:
    total = 0
    for proc in procs:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_s(procs: list[subprocess.Popen]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    fields = [Path(f"/proc/{p.pid}/stat").read_text().rsplit(")", 1)[1].split() for p in procs]
    return sum(int(f[11]) + int(f[12]) for f in fields) / ticks  # utime + stime


def framed(browser, url: str) -> tuple[bool, str]:
    """Whether Chromium draws `url` inside an iframe of a page from another origin, and what it said."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Framing(BaseHTTPRequestHandler):
        def do_GET(self):
            body = f'<!doctype html><title>another site</title><iframe src="{url}"></iframe>'.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    # another origin on loopback (Chromium blocks a public page from framing a loopback one anyway, which
    # would prove nothing), served from a thread of this script
    other = ThreadingHTTPServer(("127.0.0.1", 0), Framing)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    ctx = browser.new_context()
    page = ctx.new_page()
    said = []
    page.on("console", lambda m: said.append(m.text))
    try:
        page.goto(f"http://127.0.0.1:{other.server_port}/")
        inner = None
        for _ in range(40):
            page.wait_for_timeout(250)
            inner = next((f for f in page.frames if f.url.startswith(url.split("?")[0])), None)
            if inner and inner.locator('[data-testid="stMain"]').count():
                return True, "drawn"
            if any("frame-ancestors" in m or "X-Frame-Options" in m for m in said):
                break
        refusal = next((m for m in said if "frame-ancestors" in m or "X-Frame-Options" in m), "")
        return False, refusal or f"frame at {inner.url if inner else 'none'}"
    finally:
        ctx.close()
        other.shutdown()
        other.server_close()


def attack(record, base: str, live: list[str], procs: list[subprocess.Popen], browser) -> None:
    """d. Every attack of issue 17 against nginx, each printed with its figures; all traffic to 127.0.0.1."""
    from revolution.exports import slides
    from revolution.i18n import t

    listen = base.split("//", 1)[1]
    say("d. attacks against nginx ...")
    quiet = sorted(health_ms(base) for _ in range(10))[4]

    # 1. foreign-origin handshakes: refused by nginx; health stays fast
    answers, times = under_handshakes(listen, [f"https://evil{i}.example" for i in range(FOREIGN)], base)
    record(
        "d1. foreign-origin websocket handshakes",
        answers == Counter({403: FOREIGN}) and max(times) < 1000,
        f"{FOREIGN} at once: answers {dict(answers)}; /_stcore/health during them: median "
        f"{sorted(times)[len(times) // 2]:.0f} ms, max {max(times):.0f} ms ({len(times)} probes; quiet: "
        f"{quiet:.0f} ms)",
    )
    # the site's own origin, far more often than a browser would: the rate limit answers 429
    answers, _ = under_handshakes(listen, [f"http://{listen}"] * 120, base)
    record(
        "d1. handshakes rate-limited per address",
        answers[429] > 0 and answers[101] > 0,
        f"120 same-origin handshakes at once: {answers[101]} accepted (101), {answers[429]} refused (429), "
        f"other: {dict((k, n) for k, n in answers.items() if k not in (101, 429)) or 'none'}",
    )
    time.sleep(2)  # let the handshake zone drain before the next checks

    # 2. uploads: the app has no uploader
    before = rss_mb(procs)
    body = os.urandom(1 << 20)
    paths = ["/_stcore/upload_file/s/f", "/timeline/_stcore/upload_file/s/f"]
    ups = Counter(request(base, paths[i % 2], "PUT", body)[0] for i in range(FOREIGN))
    grew = rss_mb(procs) - before
    record(
        "d2. uploads refused",
        set(ups) <= {403, 413} and grew < 5,
        f"{FOREIGN} PUTs of 1 MB: answers {dict(ups)}; replica memory {before:.0f} -> {before + grew:.0f} MB",
    )

    # 6. metrics, and 7. a Host that is not ours (DNS rebinding)
    metrics = {p: request(base, p)[0] for p in ("/_stcore/metrics", "/figures/_stcore/metrics")}
    foreign_host = request(base, "/", host="evil.example")[0]
    record(
        "d3. metrics and foreign Host refused",
        set(metrics.values()) == {403} and not isinstance(foreign_host, int),
        f"{', '.join(f'{p}: {s}' for p, s in metrics.items())}; Host: evil.example: {foreign_host}"
        + ("" if isinstance(foreign_host, int) else " (dropped without an answer: nginx's 444)"),
    )

    # 4. security headers on a page, a static file and a refusal
    want = {
        "content-security-policy": "frame-ancestors 'none'",
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
        "permissions-policy": "camera=()",
    }
    page_status, page_headers = request(base, "/overview")
    index = urllib.request.urlopen(base + "/", timeout=30).read().decode()
    asset = re.search(r'src="\.?/?(static/js/[^"]+)"', index)
    missing, dupes, servers = [], [], set()
    for path in ["/overview", "/" + asset[1] if asset else "/", "/_stcore/metrics"]:
        status, headers = request(base, path)
        names = [k.lower() for k, _ in headers]
        got = {k.lower(): v for k, v in headers}
        missing += [f"{h} on {path}" for h, v in want.items() if v not in got.get(h, "")]
        dupes += [f"{h} on {path}" for h in want if names.count(h) > 1]
        servers.add(got.get("server", "-"))
    hsts = "strict-transport-security" in {k.lower() for k, _ in page_headers}
    record(
        "d4. security headers",
        not missing and not dupes and servers == {"nginx"} and not hsts,
        f"{len(want)} headers on a page ({page_status}), a static file and a refusal: missing "
        f"{missing or 'none'}, repeated {dupes or 'none'}; Server: {', '.join(servers)}; "
        f"HSTS {'sent' if hsts else 'not sent on plain HTTP (sent under TLS)'}",
    )

    # 4. framing: Chromium refuses the page in a frame through nginx (a replica alone would be drawn)
    drawn, why = framed(browser, base + "/overview")
    direct, _ = framed(browser, f"http://{live[0]}/overview")
    record(
        "d4. framed page refused by Chromium",
        not drawn and direct,
        f"through nginx: {'drawn' if drawn else 'refused'} ({why[:110]}); "
        f"the same page straight from a replica: {'drawn' if direct else 'refused'}",
    )

    # 3. the costly link: 50 custom timeline ranges ask for 50 timelines; the deck keeps MAX_CUSTOM
    deck = ",".join(f"timeline:{1850 + i}-{1950 + i}" for i in range(50))
    ctx = browser.new_context(locale="ko-KR")
    page = ctx.new_page()
    cpu = cpu_s(procs)
    start = time.perf_counter()
    page.goto(f"{base}/slides?deck={deck}")
    wait_for_app(page)
    page.locator('[data-testid="stExpander"]').first.wait_for(timeout=30_000)
    wait_for_app(page)
    took, spent = time.perf_counter() - start, cpu_s(procs) - cpu
    kept = page.locator('[data-testid="stExpander"]').count()
    told = t("deck_cap", "ko", n=slides.MAX_CUSTOM) in page.inner_text("body")
    ctx.close()
    record(
        "d5. costly link capped",
        kept == slides.MAX_CUSTOM and told,
        f"/slides with 50 custom ranges ({len(deck)} characters): {kept} slides built, message shown: "
        f"{'yes' if told else 'NO'}; drawn in {took:.1f} s, replica CPU {spent:.1f} s",
    )

    # for comparison, not counted: the same foreign handshakes straight to a replica, as before nginx refused
    direct_answers, direct_times = under_handshakes(
        live[0], [f"https://evil{i}.example" for i in range(FOREIGN)], f"http://{live[0]}"
    )
    say(
        f"   (not counted) {FOREIGN} foreign-origin handshakes straight to {live[0]}, bypassing nginx: "
        f"answers {dict(direct_answers)}; its /_stcore/health took up to {max(direct_times):.0f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
