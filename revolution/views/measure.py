"""The one way text is measured before it is drawn: with the font the charts are drawn in (Noto Sans CJK KR,
read by Pillow), so that theme, charts and slide layout agree on what fits."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import plotly.graph_objects as go

# Debian's fonts-noto-cjk (./dev installs it); the charts name this family first.
FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJKkr-Regular.otf"),
)
FAMILY = "Noto Sans CJK KR"
REFERENCE_PX = 100  # advances are read at this size and scaled: a glyph's advance is linear in its size
# The layouts keep a tenth to spare over the regular face's advances: bold runs, the browser's hinting and
# a fallback font for a glyph Noto lacks all draw wider. (The slide layout pages the whole timeline exactly
# as it did with the per-character estimate this replaced.)
SPARE = 1.1


@functools.cache
def _font():
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with python-pptx
        return None
    for path in FONT_FILES:
        if not path.exists():
            continue
        for index in range(12):
            try:
                font = ImageFont.truetype(str(path), REFERENCE_PX, index=index)
            except OSError:
                break
            if font.getname()[0] == FAMILY:
                return font
    return None


def _estimate(text: str) -> float:
    """Without the font (a machine without fonts-noto-cjk): CJK glyphs one em, Latin about 0.6."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        elif ch == " ":
            width += 0.3
        elif ch.isupper() or ch in "mw@%":
            width += 0.78
        else:
            width += 0.62
    return width


@functools.lru_cache(maxsize=65536)
def _em(text: str) -> float:
    font = _font()
    return font.getlength(text) / REFERENCE_PX if font else _estimate(text)


def text_width(text, size: float, spare: float = SPARE) -> float:
    """A line's width in pixels at `size` px, with room to spare (`spare=1`: as drawn)."""
    return _em(str(text)) * size * spare


def legend_names(fig: go.Figure) -> list[str]:
    """The entries a figure's legend shows: one per legend group, named by its first trace."""
    names, seen = [], set()
    for tr in fig.data:
        group = tr.legendgroup or tr.name
        if tr.showlegend is False or not tr.name or group in seen:
            continue
        seen.add(group)
        names.append(tr.name)
    if fig.layout.showlegend is False or (len(names) < 2 and fig.layout.showlegend is not True):
        return []
    return names


def legend_rows(
    names: Iterable[str], width: float, size: float, title: str = "", item_pad: float = 40, title_pad=10
) -> int:
    """How many rows a horizontal legend of these entries takes in `width` pixels (0 for none); each entry
    is its name and `item_pad` for the swatch and the gap after it."""
    widths = [text_width(n, size) + item_pad for n in names]
    if not widths:
        return 0
    if title:
        widths.insert(0, text_width(title, size) + title_pad)
    rows, used = 1, 0.0
    for w in widths:
        if used and used + w > width:
            rows, used = rows + 1, 0.0
        used += w
    return rows
