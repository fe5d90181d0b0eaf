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
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from deploy.attacks import attack
from deploy.proxy import (
    NGINX,
    by_route,
    ensure_nginx,
    kind,
    precompress,
    production_flags,
    read_log,
    say,
    start_nginx,
    start_replica,
    stop,
)
from deploy.sessions import VIEWS, classroom, open_session, page_state, pinned_keys, problems
from harness.browser import CHROMIUM, CHROMIUM_ARGS, free_port, wait_healthy
from revolution.data.paths import ROOT


@dataclass
class Proof:
    """What every step needs: the run's folder (logs, nginx's files), the replicas' addresses and names,
    nginx's address, the processes started, and the steps' results (PASS or FAIL with numbers)."""

    run: Path
    replicas: list[str]
    base: str
    procs: list[subprocess.Popen] = field(default_factory=list)
    results: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def name(self) -> dict[str, str]:
        return {addr: f"replica {i + 1} ({addr})" for i, addr in enumerate(self.replicas)}

    def record(self, step: str, ok: bool, detail: str) -> None:
        self.results.append((step, ok, detail))
        say(f"{'PASS' if ok else 'FAIL'}  {step}: {detail}")


def tests_through_nginx(pr: Proof) -> None:
    """a. the project's own browser tests, through nginx; the tests' browser stays on one replica."""
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
        env={**os.environ, "DASHBOARD_URL": pr.base},
        capture_output=True,
        text=True,
        timeout=1500,
    )
    (pr.run / "pytest.log").write_text(out.stdout + out.stderr)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    summary = next(
        (line for line in reversed(lines) if re.search(r"\d+ (passed|failed|error)", line)),
        lines[-1] if lines else "(no output)",
    )
    time.sleep(1)  # the last websockets are logged as they close
    stuck = True
    for route, rows in by_route(read_log(pr.run / "access.log"), None).items():
        kinds = Counter(kind(r["path"]) for r in rows)
        finals = {r["final"] for r in rows if r["tried"]}  # static files: nginx itself
        retried = sum(len(r["tried"]) > 1 for r in rows)
        stuck = stuck and len(finals) == 1 and not retried
        say(
            f"   the tests' browser (cookie {route[:8]}…): {len(rows)} requests "
            f"({kinds['websocket']} websockets, "
            f"{kinds['media']} downloads from /media/, {retried} retried) -> "
            f"{' + '.join(sorted(pr.name.get(f, f) for f in finals))}"
        )
    pr.record(
        "a. browser tests through nginx",
        out.returncode == 0 and stuck,
        f"{summary.strip('= ')} (exit {out.returncode}, {time.monotonic() - start:.0f} s); "
        f"the tests' browser stayed on one replica: {'yes' if stuck else 'NO'}",
    )


def sessions_spread(pr: Proof, browser, count: int) -> None:
    """b. fresh sessions spread over both replicas; each one stays on its replica."""
    sessions = [open_session(browser, pr.base + VIEWS[i % len(VIEWS)]) for i in range(count)]
    for s in sessions:
        s["ctx"].close()  # a websocket is logged when it closes
    time.sleep(1.5)
    groups = by_route(read_log(pr.run / "access.log"), [s["route"] for s in sessions])
    landed, errors_b, split = Counter(), [], []
    for i, s in enumerate(sessions, 1):
        rows = groups.get(s["route"], [])
        kinds = Counter(kind(r["path"]) for r in rows)
        finals = {r["final"] for r in rows if r["tried"]}  # static files: nginx itself
        retried = sum(len(r["tried"]) > 1 for r in rows)
        where = " + ".join(sorted(pr.name.get(f, f) for f in finals)) or "nothing logged"
        if len(finals) == 1:
            landed[next(iter(finals))] += 1
        if len(finals) != 1 or retried or not (kinds["page"] and kinds["static"] and kinds["websocket"]):
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
    spread = ", ".join(f"{landed[a]} on {pr.name[a]}" for a in pr.replicas)
    pr.record(
        "b. sessions spread and stick",
        len(landed) == 2 and not split and not errors_b,
        f"{count} sessions: {spread}; sessions whose requests went to more than "
        "one replica "
        f"or missed page/static/websocket: {len(split)}; errors: {len(errors_b)}",
    )
    for e in errors_b[:10]:
        say(f"   error: {e}")


def one_replica_stopped(pr: Proof, browser, after_n: int) -> str:
    """c. stop one replica: new sessions (fresh ones and ones whose cookie points at the stopped replica)
    must all draw on the other one. Returns the survivor."""
    victim, survivor = pr.replicas[0], pr.replicas[1]
    need = after_n // 2 + 1
    pinned = pinned_keys(pr.base, pr.run / "access.log", victim, need)
    live = open_session(browser, pr.base + VIEWS[0], cookie=pinned.pop(), base=pr.base)
    live_before = live["websockets"]
    mark = (pr.run / "access.log").stat().st_size  # from here on, only what happened after the stop
    stop(pr.procs[0])
    say(f"c. stopped {pr.name[victim]} (SIGTERM to its process group, exit code {pr.procs[0].returncode})")
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
    count = "() => document.querySelector('.js-plotly-plot').data.reduce((n, t) => n + t.y.length, 0)"
    live["tries"] = []
    for _ in range(2):  # the first action after a failover can be lost (see the report)
        try:
            before = live["page"].evaluate(count)
            box = live["page"].get_by_label("Search (Korean or English)")
            box.fill("Kronstadt")
            box.press("Enter")
            live["page"].wait_for_function(f"() => ({count})() < {before}", timeout=15_000)
            live["tries"].append(f"redrew the chart ({before} -> {live['page'].evaluate(count)} events)")
            break
        except Exception as exc:
            live["tries"].append(f"no effect within 15 s ({exc.__class__.__name__})")
    live["ctx"].close()
    after = []
    for i in range(after_n):  # odd ones are new users, even ones return with a cookie for the stopped one
        cookie = pinned[i // 2] if i % 2 else None
        after.append(open_session(browser, pr.base + VIEWS[i % len(VIEWS)], cookie=cookie, base=pr.base))
    for s in after:
        s["ctx"].close()
    time.sleep(1.5)
    rows_c = read_log(pr.run / "access.log", mark)
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
            f"{' + '.join(sorted(pr.name.get(f, f) for f in finals)) or 'nothing logged'}; "
            f"drawn in {s['seconds']:.1f} s; {len(problems(s))} errors"
        )
    for e in errors_c[:10]:
        say(f"   error: {e}")
    refused = sum("Connection refused" in line for line in (pr.run / "error.log").read_text().splitlines())
    say(
        f"   nginx: {sum(len(r['tried']) > 1 for r in rows_c)} request(s) after the stop "
        "were retried on "
        "the survivor (connection refused, then 200/101); 'Connection refused' lines in "
        "error.log: "
        f"{refused}; 502s sent to browsers: {sum(r['status'] == '502' for r in rows_c)}"
    )
    pr.record(
        "c. one replica stopped",
        len(after) >= 5 and off == 0 and not errors_c,
        f"{len(after)} new sessions, {len(after) - off} drawn on {pr.name[survivor]}, errors: "
        f"{len(errors_c)}",
    )
    ws = [
        pr.name.get(r["final"], r["final"])
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
    return survivor


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
    ports = [free_port(), free_port()]
    listen = f"127.0.0.1:{free_port()}"
    pr = Proof(
        Path(tempfile.mkdtemp(prefix="dashboard-replicas-")),
        [f"127.0.0.1:{p}" for p in ports],
        f"http://{listen}",
    )
    nginx = None
    try:
        secret = secrets.token_hex(32)
        for i, port in enumerate(ports):
            pr.procs.append(start_replica(port, pr.run / f"replica-{i + 1}.log", secret))
        for i, proc in enumerate(pr.procs):
            wait_healthy(f"http://{pr.replicas[i]}", proc, f"replica {i + 1}")
        nginx = start_nginx(pr.run, listen, pr.replicas)
        wait_healthy(pr.base, nginx, "nginx", timeout=20)
        version = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr.strip()
        say(f"{version} on {pr.base} -> {', '.join(pr.name[a] for a in pr.replicas)}; logs in {pr.run}")
        if opts.skip_tests:
            say("SKIP  a. browser tests through nginx (--skip-tests)")
        else:
            tests_through_nginx(pr)

        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                sessions_spread(pr, browser, opts.sessions)
                # e. a class behind one address opens one link at once (both replicas up)
                classroom(pr.record, pr.base, pr.procs, browser, [int(n) for n in opts.sizes.split(",") if n])
                survivor = one_replica_stopped(pr, browser, opts.after)
                # d. attacks against nginx (the survivor serves; the stopped replica is retried away)
                attack(pr.record, pr.base, [survivor], pr.procs[1:], browser)
            finally:
                browser.close()
    except KeyboardInterrupt:
        say("interrupted")
        pr.results.append(("interrupted", False, ""))
    finally:
        stop(nginx)
        for proc in pr.procs:
            stop(proc)
    results = pr.results
    passed = bool(results) and all(ok for _, ok, _ in results)
    say(
        f"{'PASS' if passed else 'FAIL'}: {sum(ok for _, ok, _ in results)} of {len(results)} steps passed; "
        f"nginx and both replicas stopped; logs in {pr.run}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
