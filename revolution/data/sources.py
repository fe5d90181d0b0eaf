"""The sources vocabulary: the kinds of text the dashboard reads (labels in revolution.i18n), and how each
text is drawn (its colour, marker, fill and bar pattern, and its place in legends), from data/sources.csv."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from revolution.data import categories
from revolution.data.errors import DataError
from revolution.data.table import LINE, records

# the two kinds our texts are, and the kinds a teacher brings with ./dev add-text
KINDS = ("history_survey", "political_manifesto", "textbook", "encyclopedia", "newspaper", "other")

# The style columns of sources.csv; a blank cell takes the fallback below.
STYLE_COLUMNS = ("colour", "marker", "fill", "pattern", "legend_order")

# Fallbacks, taken in turn by the texts that give no style of their own, skipping what another text has
# taken. Colours from IBM's and Paul Tol's colour-blind-safe sets, each at least 3:1 against white and
# none a colour with another meaning (a category's; theme's stated, bound, derived, place and grey: a test
# holds both lists apart); the first two are what sources.csv gives the two texts we ship.
PALETTE = ("#B2182B", "#785EF0", "#999933", "#648FFF", "#EE3377", "#B15928", "#8073AC", "#CC6677")
# The Plotly marker shapes sources.csv may give a text (their filled form; `fill` says whether open).
SYMBOLS = (
    "circle",
    "diamond",
    "square",
    "triangle-up",
    "triangle-down",
    "triangle-left",
    "triangle-right",
    "star",
    "hexagon",
    "pentagon",
    "cross",
    "x",
    "hourglass",
    "bowtie",
    "star-triangle-up",
    "star-square",
    "star-diamond",
    "diamond-tall",
    "diamond-wide",
    "hexagram",
    "octagon",
)
# The fallback shapes, in turn, so that texts stay apart where colour shows the category (the same shape
# in every chart).
# A square comes late: the legend's swatch of a bar (a period) is one.
MARKERS = ("circle", "diamond", "triangle-up", "star", "hexagon", "square", "pentagon", "triangle-down")
FILLS = ("filled", "open")
# Bar patterns (Plotly's shapes; "solid" is none). Not ".": a dotted fill says a date is not the text's.
PATTERNS = ("solid", "/", "\\", "x", "|", "-", "+")


@dataclass(frozen=True)
class Style:
    colour: str
    marker: str  # a Plotly marker symbol, its filled form
    open: bool  # drawn as an outline
    pattern: str  # a Plotly bar pattern shape; "" draws the bar solid

    @property
    def symbol(self) -> str:
        """The Plotly symbol as drawn: the marker, or its open variant."""
        return self.marker + ("-open" if self.open else "")


def in_order(sources: pd.DataFrame) -> pd.DataFrame:
    """The sources in legend order: those given a `legend_order` by it, then the rest as the file lists
    them."""
    rank = sources.legend_order.astype("Float64").fillna(float("inf"))
    return sources.assign(_rank=rank.values).sort_values("_rank", kind="stable").drop(columns="_rank")


def styles(sources: pd.DataFrame) -> dict[str, Style]:
    """Every source's style, in legend order: its own where sources.csv gives one, else the first fallback
    no other text has taken (so texts added without a style still differ from each other and from ours)."""
    rows = records(in_order(sources))
    styled = ("colour", "marker", "pattern")
    taken = {col: Counter(r[col] for r in rows if r.get(col) is not None) for col in styled}
    # a text's marker is told by its shape and fill together: a filled circle is not an open one
    shapes = {(r["marker"], r["fill"] or "filled") for r in rows if r.get("marker")}
    out = {}
    for n, r in enumerate(rows):
        colour = r.get("colour") or _next(PALETTE, taken["colour"])
        pattern = r.get("pattern") or _next(PATTERNS, taken["pattern"])
        fill = r.get("fill") or FILLS[n % 2]
        marker = r.get("marker")
        if not marker:
            free = [m for m in MARKERS if (m, fill) not in shapes and m not in taken["marker"]]
            marker = free[0] if free else MARKERS[n % len(MARKERS)]
        for col, value in (("colour", colour), ("pattern", pattern), ("marker", marker)):
            taken[col][value] += 0 if r.get(col) else 1  # a text's own is counted already
        shapes.add((marker, fill))
        out[r["source_id"]] = Style(
            colour.upper(), marker, fill == "open", "" if pattern == "solid" else pattern
        )
    return out


def _next(options: tuple, taken: Counter) -> str:
    """The first fallback no text has taken; when every one is taken (more texts than fallbacks), the one
    the fewest texts have: what a text is drawn in never depends on a count of positions."""
    return min(options, key=lambda o: taken[o])


class Names(dict):
    """Each source's short name by id, in legend order, carrying every source's style: what a figure
    builder is given, so that it draws each text as the data says (plain dicts work too, see `style`)."""

    def __init__(self, names: Mapping, styles: Mapping):
        super().__init__(names)
        self.styles = dict(styles)


def names(sources: pd.DataFrame, lang: str) -> Names:
    ordered = in_order(sources)
    return Names(dict(zip(ordered.source_id, ordered[f"short_{lang}"])), styles(sources))


def style(source_names: Mapping, source_id: str) -> Style:
    """The style of `source_id`: from `Names`, or for a plain mapping the fallback by its position in it."""
    given = getattr(source_names, "styles", None) or {}
    if source_id in given:
        return given[source_id]
    ids = [*source_names, *([] if source_id in source_names else [source_id])]
    blank = {c: pd.Series([None] * len(ids), dtype="object") for c in STYLE_COLUMNS}
    return styles(pd.DataFrame({"source_id": ids, **blank}))[source_id]


def check(sources: pd.DataFrame) -> None:
    """What the schema cannot say about the style columns: no colour of a category (a text drawn in the
    revolution's colour would read as one), and no two texts in one colour or one marker and fill."""
    reserved = {c.colour.upper(): code for code, c in categories.CATEGORIES.items()}
    reserved[categories.UNKNOWN.colour.upper()] = "an unknown category"
    seen: dict = {}
    for r in records(sources):
        colour = (r.get("colour") or "").upper()
        if colour in reserved:
            raise DataError(
                "sources.csv",
                r[LINE],
                "colour",
                f"{r['colour']} is the colour of the category {reserved[colour]!r}: give the text its own",
            )
        for col, value in (("colour", colour), ("marker", (r.get("marker"), r.get("fill") or "filled"))):
            if (colour if col == "colour" else r.get("marker")) and (col, value) in seen:
                raise DataError(
                    "sources.csv",
                    r[LINE],
                    col,
                    f"row {seen[(col, value)]} already draws its text this way: give each text its own",
                )
            seen[(col, value)] = r[LINE]


def ordered(ids, source_names: Mapping) -> list[str]:
    """The source ids given, in legend order (the order of `source_names`), ids it lacks after them."""
    ids = set(ids)
    return [s for s in source_names if s in ids] + sorted(ids - set(source_names))
