"""Script-side benchmark: warm AppTest reruns of every page and interaction beside two floors, medians of N
runs."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

import sitemap
from revolution.data.paths import ROOT

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20
FLOORS = {
    "empty page": "import streamlit as st\n",
    "one Plotly bar": (
        "import plotly.express as px, streamlit as st\n"
        "st.plotly_chart(px.bar(x=['a', 'b'], y=[1, 2]), theme=None)\n"
    ),
}
CHARTS = {  # each page of sitemap.PAGES and the charts it draws (a new page needs its count here)
    "overview": 4,  # the headline cards' small charts
    "figures": 9,
    "timeline": 1,
    "sources": 1,
    "people": 3,
    "explorer": 0,
    "slides": 4,
    "read": 0,
}


def median_rerun(at: AppTest, touch=None) -> float:
    times = []
    for _ in range(N):
        if touch:
            touch(at)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, [e.value for e in at.exception]
    return statistics.median(times)


def main() -> None:
    floors = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, code in FLOORS.items():
            path = Path(tmp) / f"{name.replace(' ', '_')}.py"
            path.write_text(code)
            at = AppTest.from_file(str(path)).run()
            floors[name] = median_rerun(at)
    print(f"machine: {sys.platform}, median of {N} warm reruns (AppTest)")
    for name, value in floors.items():
        print(f"  floor {name:<28} {value * 1000:8.1f} ms")
    bar = floors["one Plotly bar"]
    for listed in sitemap.PAGES:
        page, n_charts = listed.url_path, CHARTS[listed.url_path]
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
        at.switch_page(listed.file).run()
        value = median_rerun(at)
        budget = 2 * bar * max(1, n_charts)
        print(
            f"  page {page:<29} {value * 1000:8.1f} ms  = {value / bar:5.1f}× one-chart floor"
            f" (target ≤ {budget * 1000:.0f} ms for {n_charts} charts)"
        )
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("pages/timeline.py").run()
    cats = [["war"], ["revolution"]]
    value = median_rerun(
        at, lambda a: a.multiselect(key="cat").set_value(cats.append(cats.pop(0)) or cats[0])
    )
    print(f"  interaction timeline filter        {value * 1000:8.1f} ms  (target ≤ 100 ms)")
    langs = ["en", "ko"]
    value = median_rerun(
        at,
        lambda a: next(w for w in a.get("button_group") if w.key == "lang").set_value(
            langs.append(langs.pop(0)) or langs[0]
        ),
    )
    print(f"  interaction language switch        {value * 1000:8.1f} ms  (target ≤ 100 ms)")
    at.switch_page("pages/figures.py").run()
    sources = [["history"], []]
    value = median_rerun(
        at, lambda a: a.multiselect(key="src").set_value(sources.append(sources.pop(0)) or sources[0])
    )
    print(f"  interaction figures source filter  {value * 1000:8.1f} ms  (target ≤ 100 ms)")
    at.switch_page("pages/explorer.py").run()
    words = ["혁명", ""]
    value = median_rerun(
        at, lambda a: a.text_input(key="q").set_value(words.append(words.pop(0)) or words[0])
    )
    print(f"  interaction explorer search        {value * 1000:8.1f} ms  (target ≤ 100 ms)")
    at.switch_page("pages/read.py").run()
    value = median_rerun(at, lambda a: a.button[1].click())
    print(f"  interaction read next mark         {value * 1000:8.1f} ms  (target ≤ 100 ms)")
    value = median_rerun(
        at, lambda a: a.text_input(key="q").set_value(words.append(words.pop(0)) or words[0])
    )
    print(f"  interaction read search            {value * 1000:8.1f} ms  (target ≤ 100 ms)")


if __name__ == "__main__":
    main()
