"""Scale benchmark: the timeline and the explorer on synthetic corpora of 1,000, 10,000 and 100,000 events.

Each size is generated (harness/synthetic.py, into a temporary folder), loaded through the same loader
and run in a fresh process with AppTest: first run, warm reruns (median of N) of each page and of a filter
change, and the process's memory (resident now, and its peak). Prints the growth factor from the smallest
size. Usage: .venv/bin/python -m benchmarks.scale [N=10] [sizes=1000,10000,100000]"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from revolution.data.paths import ROOT


def memory_mb() -> tuple[float, float]:
    """This process's resident memory now and at its peak, from /proc."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def worker(n_runs: int) -> dict:
    """Runs in the child, with REVOLUTION_DATA_DIR set: times and memory for one corpus."""
    from streamlit.testing.v1 import AppTest

    def median_rerun(at, touch=None) -> float:
        times = []
        for i in range(n_runs):
            if touch:
                touch(at, i)
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception, [e.value for e in at.exception]
        return statistics.median(times)

    out = {}
    start = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600).run()
    out["load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    at.switch_page("pages/timeline.py").run()
    out["timeline_first_s"] = time.perf_counter() - start
    assert not at.exception, [e.value for e in at.exception]
    out["timeline_rerun_s"] = median_rerun(at)
    cats = (["war"], ["revolution"], [])
    out["timeline_filter_s"] = median_rerun(at, lambda a, i: a.multiselect(key="cat").set_value(cats[i % 3]))
    years = ((1900, 1930), (1700, 2017), (1917, 1917))
    out["timeline_years_s"] = median_rerun(at, lambda a, i: a.slider(key="years").set_value(years[i % 3]))
    at.switch_page("pages/explorer.py").run()
    out["explorer_rerun_s"] = median_rerun(at)
    tables = ("events", "figures")
    out["explorer_table_s"] = median_rerun(
        at, lambda a, i: next(w for w in a.get("button_group") if w.key == "table").set_value(tables[i % 2])
    )
    words = ("혁명", "war", "")
    out["explorer_search_s"] = median_rerun(at, lambda a, i: a.text_input(key="q").set_value(words[i % 3]))
    out["rss_mb"], out["peak_mb"] = memory_mb()
    return out


def main() -> None:
    from harness.synthetic import generate

    n_runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "1000,10000,100000").split(",")]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    print(f"machine: {os.cpu_count()} cores, {cpu}; median of {n_runs} warm AppTest reruns per row")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = generate(size, Path(tmp) / f"corpus_{size}")
            env = {**os.environ, "REVOLUTION_DATA_DIR": str(folder)}
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.scale", "--worker", str(n_runs)],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if proc.returncode:
                print(f"{size:>7} events: FAILED\n{proc.stderr[-2000:]}")
                continue
            results[size] = json.loads(proc.stdout.strip().splitlines()[-1])
    rows = [
        ("load (first run of the app)", "load_s", 1),
        ("timeline: first run", "timeline_first_s", 1000),
        ("timeline: warm rerun", "timeline_rerun_s", 1000),
        ("timeline: category filter", "timeline_filter_s", 1000),
        ("timeline: year range", "timeline_years_s", 1000),
        ("explorer: warm rerun", "explorer_rerun_s", 1000),
        ("explorer: switch table", "explorer_table_s", 1000),
        ("explorer: search", "explorer_search_s", 1000),
        ("memory resident (MB)", "rss_mb", 1),
        ("memory peak (MB)", "peak_mb", 1),
    ]
    sizes = [s for s in sizes if s in results]
    if not sizes:
        return
    print(f"{'':32}" + "".join(f"{s:>12,}" for s in sizes) + f"{'growth':>10}")
    for label, key, scale in rows:
        values = [results[s][key] * scale for s in sizes]
        growth = values[-1] / values[0] if values[0] else float("nan")
        name = label + ("" if key.endswith("mb") else (" (s)" if scale == 1 else " (ms)"))
        print(f"{name:32}" + "".join(f"{v:12.1f}" for v in values) + f"{growth:9.1f}×")
    print(f"size growth: {sizes[-1] / sizes[0]:.0f}× (sub-linear means every growth above is smaller)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(int(sys.argv[2]))))
    else:
        main()
