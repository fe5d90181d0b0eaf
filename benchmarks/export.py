"""Export benchmark: every chart as a slide PNG (the first export, which starts Chromium, then warm), and
decks.

Uses the same code as the download buttons (revolution.exports.images with the citation line) and the
Slides page (revolution.exports.slides, revolution.exports.publish).
Usage: .venv/bin/python -m benchmarks.export [N=5]"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from revolution.data.load import load_dataset
from revolution.exports import images, publish, slides

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    data = load_dataset()
    names = dict(zip(data.sources.source_id, data.sources.short_ko))
    keys = slides.options(data)
    items = [slides.build(data, k, "ko", names) for k in keys]
    line = publish.citation("ko", list(names.values()), "http://localhost:8501/figures")
    cpu = next(
        (
            x.split(":", 1)[1].strip()
            for x in Path("/proc/cpuinfo").read_text().splitlines()
            if x.startswith("model name")
        ),
        "?",
    )
    print(f"machine: {os.cpu_count()} cores, {cpu}; {len(items)} charts; warm = median of {N}")

    first, png = timed(
        lambda: images.render(images.with_citation(items[0].figure, line), "png", images.SLIDE, 2)
    )
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"  first PNG export (starts Chromium)   {first:7.2f} s   (target ≤ 3 s)")
    warm_all = []
    for item in items:
        runs = [
            timed(
                lambda item=item: images.render(
                    images.with_citation(item.figure, line), "png", images.SLIDE, 2
                )
            )[0]
            for _ in range(N)
        ]
        warm_all.append(statistics.median(runs))
        print(f"  warm PNG 3840×2160 {item.key:<34} {warm_all[-1]:7.3f} s")
    print(
        f"  warm PNG, median over charts         {statistics.median(warm_all):7.3f} s   (target ≤ 0.3 s), "
        f"slowest {max(warm_all):.3f} s"
    )
    svg = [
        timed(lambda: images.render(images.with_citation(items[0].figure, line), "svg"))[0] for _ in range(N)
    ]
    print(f"  warm SVG                             {statistics.median(svg):7.3f} s")

    ten = (items * 2)[:10]
    deck = [
        publish.Slide(i.figure, i.title, i.caption, i.quotes, "http://localhost:8501/slides") for i in ten
    ]
    runs = [timed(lambda: publish.deck(deck, "ko", list(names.values()))) for _ in range(max(1, N // 2))]
    size = len(runs[-1][1])
    print(
        f"  10-chart deck (12 slides, PPTX)      {statistics.median(t for t, _ in runs):7.2f} s   "
        "(target ≤ 5 s), "
        f"{size / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
