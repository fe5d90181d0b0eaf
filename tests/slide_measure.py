"""Measuring a slide as drawn: every SVG `<text>` box and its font size, read from Chromium (used by
tests/test_slides_drawn.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .legibility import overlaps


def deck_pdf(soffice: str, deck: Path, folder: Path) -> Path:
    """The deck as LibreOffice draws it, as a PDF in `folder` (a profile of its own there, so that runs in
    parallel never share one)."""
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder), str(deck)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / (deck.stem + ".pdf")


# Boxes and sizes of every non-empty <text> in the first <svg> layers (Plotly draws text only as <text>).
MEASURE_JS = """(root) => {
  const out = [];
  for (const el of document.querySelectorAll(root + ' text')) {
    if (!el.textContent.trim()) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || +style.opacity === 0) continue;
    out.push({text: el.textContent, size: parseFloat(style.fontSize), x: r.left, y: r.top,
              w: r.width, h: r.height});
  }
  return out;
}"""


# Boxes of every annotation's arrow (Plotly draws one as a <path> in an `annotation-arrow-g` group).
ARROWS_JS = """(root) => [...document.querySelectorAll(root + ' .annotation-arrow-g path')].map(el => {
  const r = el.getBoundingClientRect();
  return {x: r.left, y: r.top, w: r.width, h: r.height};
}).filter(b => b.w > 0 || b.h > 0)"""


def measure_arrows(page) -> list[dict]:
    """The arrows of the SVG `measure_svg` last loaded."""
    return page.evaluate(ARROWS_JS, "svg")


def crossed(arrows: list[dict], boxes: list[dict], tol: float = 1.0) -> list[str]:
    """Texts an arrow runs through: their boxes and an arrow's box overlap by more than `tol` px each way."""
    found = []
    for a in arrows:
        for b in boxes:
            w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if w > tol and h > tol:
                found.append(b["text"])
    return found


def outside(boxes: list[dict], width: float, height: float, tol: float = 0.5) -> list[str]:
    """Texts whose box leaves the image (by more than half a pixel)."""
    return [
        b["text"]
        for b in boxes
        if b["x"] < -tol or b["y"] < -tol or b["x"] + b["w"] > width + tol or b["y"] + b["h"] > height + tol
    ]


def measure_svg(page, svg: bytes | str, width: int, height: int) -> list[dict]:
    """Load an SVG as the whole page at its own size and read its text boxes."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    page.set_viewport_size({"width": width, "height": height})
    page.set_content(f"<html><body style='margin:0'>{text}</body></html>")
    page.evaluate("document.fonts.ready")
    return page.evaluate(MEASURE_JS, "svg")


def summary(boxes: list[dict], width: float, height: float) -> dict:
    return {
        "smallest": min((b["size"] for b in boxes), default=0),
        "overlaps": len(overlaps(boxes)),
        "outside": len(outside(boxes, width, height)),
    }


def problems(boxes: list[dict], width: float, height: float, floor: float = 24) -> list[tuple]:
    """What a slide must not have: text under `floor` px, text on text, text past the image's edge."""
    return (
        [("small", b["text"], b["size"]) for b in boxes if b["size"] < floor]
        + [("overlap", pair) for pair in overlaps(boxes)]
        + [("outside", text) for text in outside(boxes, width, height)]
    )
