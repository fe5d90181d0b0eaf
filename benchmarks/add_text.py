"""./dev add-text, measured: the proposals' recall on the synthetic text and on our two seeds, the time of
--propose-only on a 100 KB text, and the review page's warm rerun. Prints figures; asserts nothing.

    .venv/bin/python -m benchmarks.add_text [N reruns]"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from harness import recall, third_text
from revolution.data import paths, propose
from revolution.data.load import load_dataset
from revolution.data.paths import ROOT

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
SIZE = 100_000


def show(name: str, result: dict, misses: bool) -> None:
    for table, r in result.items():
        print(
            f"  {name:<26} {table:<8} {r['right']:>3} / {r['rows']:<3} right = {r['recall']:6.1%}"
            f"   ({r['unmatched_proposals']} proposals match no row)"
        )
        if misses:
            for want, near in r["misses"]:
                said = [
                    {
                        k: p.get(k)
                        for k in ("value", "qualifier", "unit", "start", "end", "precision", "calendar")
                        if p.get(k) not in (None, "")
                    }
                    for p in near
                ]
                where = want.get("anchor") or want.get("quote")[:50]
                print(f"      missed: {where!r}  proposed: {said or 'nothing'}")


def hundred_kb(folder: Path, data) -> Path:
    """Our seeds one after the other, cut at a line end near 100 KB: a long teacher's text that is no text
    already in (its SHA-256 is new)."""
    raw = "\n".join(data.seeds[source_id] for source_id in data.sources.source_id)
    cut = raw.encode("utf-8")[:SIZE]
    text = cut.decode("utf-8", errors="ignore").rsplit("\n", 1)[0]
    path = folder / "long_text.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    data = load_dataset()
    print("recall: figures right = value, qualifier and unit; events right = start, end, precision, calendar")
    show("synthetic text", recall.synthetic(data), misses=True)
    for source_id in ("history", "manifesto"):
        show(f"{source_id} (all rows)", recall.seed(data, source_id), misses=False)
        show(f"{source_id} (stated dates)", recall.seed(data, source_id, stated_only=True), misses=False)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        text = hundred_kb(tmp, data)
        raw = text.read_text(encoding="utf-8")
        times = []
        for _ in range(5):
            start = time.perf_counter()
            out = propose.propose(raw, "long", data, "russia")
            times.append(time.perf_counter() - start)
        n = {k: len(v) for k, v in out.items()}
        print(
            f"\n--propose-only on {text.stat().st_size:,} bytes: "
            f"scanner alone {statistics.median(times):.2f} s "
            f"(median of 5), proposals {n}"
        )
        cmd = [
            sys.executable,
            "-m",
            "tools.add_text",
            str(text),
            "--id",
            "long",
            "--propose-only",
            "--out",
            str(tmp / "out"),
            "--no-input",
            "--calendar-convention",
            "russia",
        ]
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        print(
            f"  the whole command (a new Python, the dataset loaded and checked, CSVs written): "
            f"{time.perf_counter() - start:.2f} s"
        )

        root = tmp / "review_page"
        root.mkdir()
        third_text.staged(root, data)
        os.environ[paths.EDIT_ENV] = "1"
        os.environ[paths.REVIEW_ENV] = str(root / "review")
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
        at.switch_page("pages/review.py").run()
        for label, touch in (
            ("as staged", None),
            ("after accept all", lambda a: a.button(key="review_accept_all").click()),
        ):
            if touch:
                touch(at)
                at.run()
            runs = []
            for _ in range(N):
                start = time.perf_counter()
                at.run()
                runs.append(time.perf_counter() - start)
                assert not at.exception, [e.value for e in at.exception]
            print(
                f"  review page warm rerun, {label:<17} {statistics.median(runs) * 1000:7.1f} ms "
                f"(median of {N}; target ≤ 100 ms)"
            )
        # the same machine's load, measured the same way: the front page (a page every student opens)
        at.switch_page("pages/overview.py").run()
        runs = []
        for _ in range(N):
            start = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - start)
        load = os.getloadavg()[0]
        print(
            f"  for scale: overview page warm rerun {statistics.median(runs) * 1000:7.1f} ms "
            f"(load average {load:.1f} on {os.cpu_count()} cores)"
        )


if __name__ == "__main__":
    main()
