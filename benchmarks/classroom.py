"""A class opens one link at once: N protocol-level students (harness.student) at the same moment, with a
cold browser cache and with the files cached, against one server (`serve.py`, started here) or a running
deployment (--url, e.g. nginx in front of the replicas).

First one real Chromium load of the link records what a cold browser fetches (files, lazy chunks, the
Accept-Encoding it sends) and what its run receives; one student is compared with it (same message sent,
same elements received) and the benchmark stops if they differ. Then each wave prints p50/p95/max of the
time to `script_finished` and to "ready" (script_finished and every file the Chromium load fetched),
errors (a wrong page or title is one), the server's CPU per student, its memory and the load average.
Before all that, one wave of the largest size (files cached) meets the server as it started: what warming
changes (--cold-server turns it off). `--waves K` then opens and closes K waves of sessions and prints the
memory after each (flat, or not).
Loopback only; every wait is bounded (harness.student.DEADLINE per student).

Usage: .venv/bin/python -m benchmarks.classroom [--link /timeline] [--students 1,10,30]
         [--setting new|before|watcher-off|gc-off] [--cold-server] [--waves 10]
         [--url http://127.0.0.1:PORT --pids PID,PID]"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from harness import student
from harness.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server

# Streamlit flags on top of .streamlit/config.toml, to measure each change alone
SETTINGS = {
    "new": (),
    "before": ("--server.fileWatcherType", "auto", "--runner.postScriptGC", "true"),
    "watcher-off": ("--runner.postScriptGC", "true"),  # only the file watcher changed
    "gc-off": ("--server.fileWatcherType", "auto"),  # only the GC changed
}


def rss_mb(pid: int) -> float:
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith("VmRSS:"):
            return int(row.split()[1]) / 1024
    return float("nan")


def server_pid(base: str) -> int:
    """The process listening on the base URL's port: the one whose command line names that port."""
    port = urlsplit(base).port
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve.py" in args and f"{port}".encode() in args:
            return int(cmdline.parent.name)
    raise RuntimeError(f"no server process for {base}")


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_s(pids: list[int]) -> float:
    """CPU seconds (user + system) the processes and their threads have used."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def wave(base: str, link: student.Link, n: int, files: student.Files | None, expect: dict) -> list:
    """N students starting at the same moment; each stops by its own deadline."""
    visits: list = [None] * n
    gate = threading.Barrier(n)

    def one(i: int) -> None:
        gate.wait(timeout=30)
        visits[i] = student.visit(base, link, files, expect)

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(student.DEADLINE + 40)
    return [v or student.Visit(error="student did not return") for v in visits]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[round(q * (len(values) - 1))] if values else float("nan")


def summary(visits: list) -> dict:
    done = [v.finished for v in visits if v.finished is not None and not v.error]
    ready = [v.ready for v in visits if v.ready is not None and not v.error]
    errors = [v.error for v in visits if v.error]
    return {
        "n": len(visits),
        "finished": (pct(done, 0.5), pct(done, 0.95), max(done, default=float("nan"))),
        "ready": (pct(ready, 0.5), pct(ready, 0.95), max(ready, default=float("nan"))),
        "errors": errors,
        "mb": sum(v.received for v in visits) / 1e6,
    }


def own_cpu_s() -> float:
    """CPU seconds this process (the students, all its threads) has used: on a 2-core machine the class's
    client competes with the server for the same cores, so its share is printed beside the server's."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def line(label: str, s: dict, cpu: float | None, rss: float | None, client: float | None = None) -> str:
    f, r = s["finished"], s["ready"]
    out = (
        f"{label:<8} {s['n']:>3} students: script_finished p50/p95/max {f[0]:.2f}/{f[1]:.2f}/{f[2]:.2f} s, "
        f"ready {r[0]:.2f}/{r[1]:.2f}/{r[2]:.2f} s, errors {len(s['errors'])}, {s['mb']:.0f} MB received"
    )
    if cpu is not None:
        out += f", server CPU {cpu / s['n']:.3f} s/student, RSS {rss:.0f} MB"
    if client is not None:
        out += f", the students' own CPU {client / s['n']:.3f} s/student"
    return out + f"; {load()}"


def waves(base, link, sizes, files, expect, pids, say=print, pause: float = 2.0) -> list[tuple]:
    """Each wave size, cold (files fetched) then cached; what each printed, for callers that record it."""
    results = []
    for label, wave_files in (("cold", files), ("cached", None)):
        for n in sizes:
            cpu = cpu_s(pids) if pids else None
            own = own_cpu_s()
            s = summary(wave(base, link, n, wave_files, expect))
            spent = cpu_s(pids) - cpu if pids else None
            rss = sum(rss_mb(p) for p in pids) if pids else None
            say(line(label, s, spent, rss, own_cpu_s() - own))
            for e in sorted(set(s["errors"]))[:3]:
                say(f"         error ({s['errors'].count(e)}×): {e}")
            results.append((label, n, s, spent, rss))
            time.sleep(pause)  # the closed sessions are let go before the next wave
    return results


def validated(base: str, link: student.Link, say=print, browser=None) -> tuple[student.Files, list[str]]:
    """One Chromium load of the link (in `browser`, or one started here) and one student beside it: the
    files to replay, and how the student differs from Chromium (nothing, or the benchmark stops)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                return validated(base, link, say, browser)
            finally:
                browser.close()
    files, elements, sent = student.record(base, link, browser)
    one = student.visit(base, link, files, student.expected(link))
    diffs = student.validate(one, elements, sent, link, base)
    say(
        f"Chromium load of {link.path}: {len(files.before)} files before the websocket, {len(files.after)} "
        f"after (lazy), {files.bytes / 1e6:.1f} MB, Accept-Encoding {files.accept_encoding!r}; its run: "
        f"{len(elements)} elements. One student: {len(one.elements)} elements, page {one.page!r}, "
        f"{'same as Chromium' if not diffs else 'DIFFERENT: ' + '; '.join(diffs)}"
    )
    return files, diffs


def memory_waves(base, link, k: int, n: int, pids, say=print) -> list[float]:
    """K waves of N sessions opened and closed (files cached); the servers' memory after each."""
    after = []
    for i in range(k):
        s = summary(wave(base, link, n, None, student.expected(link)))
        time.sleep(2)
        after.append(sum(rss_mb(p) for p in pids))
        say(f"wave {i + 1:>2}/{k}: {n} sessions, {len(s['errors'])} errors; RSS {after[-1]:.0f} MB; {load()}")
    if len(after) >= 2:
        say(
            f"memory after waves 2..{k}: {after[1]:.0f} -> {after[-1]:.0f} MB "
            f"({(after[-1] - after[1]) / after[1] * 100:+.1f} % from the second wave)"
        )
    return after


def measure(base: str, link: student.Link, sizes: list[int], pids: list[int], k: int) -> bool:
    """One student checked against Chromium, then the waves (and K memory waves); True if they differed."""
    files, diffs = validated(base, link)
    if diffs:
        return True
    waves(base, link, sizes, files, student.expected(link), pids)
    if k:
        memory_waves(base, link, k, 30, pids)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--link", default="/timeline", help="the shared link: path and query (default /timeline)"
    )
    parser.add_argument("--students", default="1,10,30", help="wave sizes (default 1,10,30)")
    parser.add_argument("--setting", choices=SETTINGS, default="new", help="Streamlit settings (default new)")
    parser.add_argument("--cold-server", action="store_true", help="DASHBOARD_WARM=0: no warming in serve.py")
    parser.add_argument("--url", help="a running deployment to measure instead of starting serve.py")
    parser.add_argument(
        "--pids", default="", help="with --url: the server processes to measure, comma-separated"
    )
    parser.add_argument("--waves", type=int, default=0, help="then K waves of 30 sessions: memory after each")
    opts = parser.parse_args()
    split = urlsplit(opts.link)
    link = student.Link(split.path.strip("/"), split.query)
    sizes = [int(n) for n in opts.students.split(",") if n]
    print(f"benchmarks.classroom: {opts.link}, setting {opts.setting!r}, {os.cpu_count()} cores; {load()}")
    if opts.url:
        base = opts.url.rstrip("/")
        assert urlsplit(base).hostname in ("127.0.0.1", "localhost"), "loopback only"
        pids = [int(p) for p in opts.pids.split(",") if p]
        return 1 if measure(base, link, sizes, pids, opts.waves) else 0
    env = {"DASHBOARD_WARM": "0"} if opts.cold_server else {}
    log = Path(tempfile.mkdtemp(prefix="classroom-")) / "streamlit.log"
    with streamlit_server(env=env, log=log, flags=SETTINGS[opts.setting]) as base:
        pids = [server_pid(base)]
        # the first class on a server as it started (warmed by serve.py, or not with --cold-server)
        first = max(sizes)
        cpu, own = cpu_s(pids), own_cpu_s()
        s = summary(wave(base, link, first, None, student.expected(link)))
        print(line("first", s, cpu_s(pids) - cpu, rss_mb(pids[0]), own_cpu_s() - own))
        time.sleep(2)
        if measure(base, link, sizes, pids, opts.waves):
            return 1
    text = log.read_text(errors="replace")
    if "Traceback" in text:
        print("server log, first traceback:\n" + text[text.index("Traceback") :][:2000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
