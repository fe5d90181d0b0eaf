"""One layout for every slide export: type large enough for the back of a room, margins, room for the source
line, and a chart too tall for one slide cut into pages of whole rows."""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real

import pandas as pd
import plotly.graph_objects as go

from revolution.views import chart_marks, measure, theme
from revolution.views.timeline_charts import date_ticks


@dataclass(frozen=True)
class Type:
    """Font sizes in pixels at a 1920×1080 slide (24 px there is 12 pt on a 13.33-inch slide)."""

    title: int = 40
    axis_title: int = 28
    body: int = 26  # ticks, legend, value labels
    small: int = 24  # source line and notes on the chart: the floor
    edge: int = 36  # free band along each edge


SLIDE_TYPE = Type()
LANE_LINES = 2  # a timeline row label wraps to at most two lines
AXIS_BAND = 120  # below the plot: tick labels and the axis title, then the source line


def wrap(text: str, size: float, width: float, max_lines: int | None = None) -> list[str]:
    """Lines of at most `width` pixels, broken at spaces where possible; the last kept line ends in '…'."""
    lines, line = [], ""
    for word in str(text).replace("<br>", " ").split(" "):
        trial = f"{line} {word}" if line else word
        if measure.text_width(trial, size) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:  # a word wider than the line (Korean runs are long) breaks between glyphs
            if measure.text_width(line + ch, size) > width:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure.text_width(last + "…", size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines or [""]


def _legend_rows(fig: go.Figure, width: float, size: int) -> int:
    names = measure.legend_names(fig)
    return measure.legend_rows(names, width, size, fig.layout.legend.title.text or "", 80, 20)


def _is_lane_chart(fig: go.Figure) -> bool:
    """A timeline drawn one row per event, as its builder says (numbered rows named by tick labels)."""
    return chart_marks.drawn_as(fig) == chart_marks.LANES


SURE_ROWS = 8  # bars a slide of any export size holds (a square one holds 13 at the floor type size)


def may_split(fig: go.Figure) -> bool:
    """Whether an export of the figure may take more than one slide, told without laying it out (which
    takes up to a second for the whole timeline): a timeline of named rows, or one panel of more horizontal
    bars than any slide holds. A download's name and type are fixed before it is built, so such a chart
    always comes as a zip of numbered images."""
    if _is_lane_chart(fig):
        return True
    bars = [tr for tr in fig.data if tr.type == "bar" and tr.orientation == "h"]
    if not bars or any((tr.yaxis or "y") != "y" for tr in fig.data):
        return False
    return len({v for tr in bars for v in (tr.y or ()) if isinstance(v, str)}) > SURE_ROWS


def fit(fig: go.Figure, size: tuple[int, int], citation: str = "", kind: Type = SLIDE_TYPE) -> go.Figure:
    """A copy of the figure laid out for a slide of `size` pixels: every text at least `kind.small`, titles,
    labels and ticks larger, a free band along each edge, the legend and title sized to the lines they
    take, and the source line (wrapped) in its own band under the axis title."""
    width, height = size
    out = go.Figure(fig)
    inner = width - 2 * kind.edge
    title = out.layout.title.text or ""
    # one line (Plotly draws a wrapped title's first line above its anchor, off the image): smaller type
    # for a long title, down to the axis titles' size, then cut with '…'
    title_size = kind.title
    while title and title_size > kind.axis_title and measure.text_width(title, title_size) > inner:
        title_size -= 2
    title_lines = wrap(title, title_size, inner, max_lines=1) if title else []
    for tr in out.data:  # a name a phone's legend broke in two lines is one line on a slide's wide legend
        if tr.name and "<br>" in tr.name and tr.showlegend is not False:
            tr.name = tr.name.replace("<br>", " ")
    legend = _legend_rows(out, inner, kind.body)
    cite_lines = wrap(citation, kind.small, inner) if citation else []
    top = (
        kind.edge
        + len(title_lines) * title_size * 1.3
        + (12 if title_lines else 0)
        + legend * kind.body * 1.7
    )
    # a timeline's dates run along its top: no tick labels or axis title under it, so its eras are named
    # there, under their bands (at the top they sat on the first row's bar)
    dates_on_top = out.layout.xaxis.side == "top" and not out.layout.xaxis.title.text
    era_names = [a for a in out.layout.annotations if a.xref == "x" and a.yref == "y domain" and a.text]
    # a timeline repeats its dates under the last row (timeline_charts): a line of ticks there
    second = out.layout.to_plotly_json().get("xaxis2", {})
    under = second.get("side") == "bottom" and second.get("overlaying") == "x"
    dates_band = math.ceil(kind.body * 1.3) + 12 if under else 0
    if dates_on_top and era_names and _is_lane_chart(out):
        for ann in era_names:
            ann.update(y=0, yanchor="top", yshift=-4 - dates_band)
        axis_band = dates_band + math.ceil(kind.small * 1.4) + 8
    else:
        axis_band = dates_band if dates_on_top else AXIS_BAND
    bottom = kind.edge + len(cite_lines) * kind.small * 1.35 + axis_band
    out.update_layout(
        width=width,
        height=height,
        autosize=False,
        font=dict(size=kind.body),
        margin=dict(l=kind.edge, r=kind.edge + 24, t=math.ceil(top + 8), b=math.ceil(bottom), pad=4),
        title=dict(
            text=title_lines[0] if title_lines else None,
            font=dict(size=title_size),
            x=kind.edge / width,
            xref="container",
            y=1 - kind.edge / height,
            yref="container",
            yanchor="top",
            pad=dict(t=0),
        ),
        legend=dict(
            font=dict(size=kind.body),
            title=dict(font=dict(size=kind.body)),
            # under the title, from the slide's own margin (not the plot's, which moves with the labels)
            y=1 - (kind.edge + len(title_lines) * title_size * 1.3 + (12 if title_lines else 0)) / height,
            yref="container",
            yanchor="top",
            x=kind.edge / width,
            xref="container",
            xanchor="left",
            orientation="h",
            entrywidth=0,
        ),
        hoverlabel=dict(font=dict(size=kind.body)),
    )
    # every axis: larger ticks and titles, the axis title close to its labels
    out.update_xaxes(
        tickfont=dict(size=kind.body),
        title=dict(font=dict(size=kind.axis_title), standoff=8),
        automargin=True,
    )
    out.update_yaxes(
        tickfont=dict(size=kind.body),
        title=dict(font=dict(size=kind.axis_title), standoff=8),
        automargin=True,
    )
    for tr in out.data:
        if getattr(tr, "text", None) is not None and hasattr(tr, "textfont"):
            tr.textfont.size = max(kind.body, tr.textfont.size or 0)
        if tr.type == "bar":
            tr.constraintext = "none"  # Plotly would shrink a label to the bar's thickness
        if tr.type == "scatter" and tr.text is not None:
            tr.cliponaxis = False  # a label under a point near the axis stays whole
        # one size for every mark; sizes per mark (an array: the map's circles by mentions) stay as drawn
        if tr.type == "scatter" and isinstance(tr.marker.size, Real):
            tr.marker.size = max(tr.marker.size, 14)
    for ann in out.layout.annotations:
        ann.font.size = max(kind.small, ann.font.size or 0)
        if ann.showarrow and not ann.text and ann.yshift:  # a bound's arrow runs under its larger label
            ann.yshift = -kind.body * 0.85
    _spread_labels(out, width - 2 * kind.edge - inner / 4, height - top - bottom, kind.body)
    if _is_lane_chart(out):
        _fit_lanes(out, inner, kind)
    else:
        _wrap_row_names(out, inner, height - top - bottom, kind)
    # the left margin is set from the row labels, so the source line can start at the slide's own margin
    left = kind.edge + _label_width(out, kind)
    out.update_layout(margin=dict(l=math.ceil(left)))
    out.update_yaxes(automargin=False)
    plot_width = width - left - kind.edge - 24
    _clear_arrows(out, plot_width, kind)
    _fit_x_ticks(out, plot_width, kind)
    _fit_band_names(out, plot_width, kind)
    _room_for_bar_labels(out, plot_width, kind)
    if cite_lines:
        out.add_annotation(
            text="<br>".join(cite_lines),
            xref="paper",
            yref="paper",
            x=0,
            y=0,
            xshift=kind.edge - left,
            yshift=-(axis_band or kind.small // 2),
            xanchor="left",
            yanchor="top",
            showarrow=False,
            align="left",
            font=dict(size=kind.small, color=theme.MUTED),
        )
    return out


def _wrap_row_names(fig: go.Figure, inner: float, height_room: float, kind: Type) -> None:
    """Row names of horizontal bars wrapped to a third of the slide (two lines where rows have room)."""
    rows: dict[str, list[str]] = {}
    for tr in fig.data:
        if tr.type == "bar" and tr.orientation == "h" and tr.y is not None:
            names = rows.setdefault("yaxis" + (tr.yaxis or "y")[1:], [])
            names += [v for v in tr.y if isinstance(v, str) and v not in names]
    total = sum(len(c) for c in rows.values())
    lines = 2 if total and height_room / total >= 2 * kind.body * 1.3 + 8 else 1
    for name, cats in rows.items():
        fig.layout[name].update(
            tickmode="array",
            tickvals=cats,
            ticktext=["<br>".join(wrap(c, kind.body, inner / 3, max_lines=lines)) for c in cats],
        )


def _fit_x_ticks(fig: go.Figure, plot_width: float, kind: Type) -> None:
    """Horizontal tick labels, no more than fit side by side (tilted labels would run into the axis title)."""
    for name in [k for k in fig.layout if k.startswith("xaxis")]:
        axis = fig.layout[name]
        sample = "0000-00" if axis.tickformat == "%Y-%m" else "00000"
        fit_n = max(2, int(plot_width // (measure.text_width(sample, kind.body) + 36)))
        axis.tickangle = 0
        axis.nticks = fit_n
        if axis.type == "date" and axis.range and axis.dtick is not None and axis.tick0 is not None:
            # a timeline's dates, top and bottom, ticked alike (see timeline_charts.date_ticks)
            least = 12 if axis.tickformat == "%Y" else 0
            axis.update(date_ticks(pd.Timestamp(axis.range[0]), pd.Timestamp(axis.range[1]), fit_n, least))
        elif axis.type == "date" and axis.range and axis.tickformat == "%Y-%m":
            months = (pd.Timestamp(axis.range[1]) - pd.Timestamp(axis.range[0])).days / 30.4
            step = next((m for m in (1, 2, 3, 4, 6, 12, 24) if months / m <= fit_n), 60)
            axis.dtick = f"M{step}"


def _room_for_bar_labels(fig: go.Figure, plot_width: float, kind: Type) -> None:
    """A horizontal bar's value label sits past its end: widen a fixed axis range until the label fits."""
    for tr in fig.data:
        if tr.type != "bar" or tr.orientation != "h" or tr.text is None or tr.textposition != "outside":
            continue
        axis = fig.layout["xaxis" + (tr.xaxis or "x")[1:]]
        if not axis.range or axis.type == "date":
            continue
        lo, hi = axis.range
        base = tr.base if tr.base is not None else [0] * len(tr.x)
        base = base if isinstance(base, (list, tuple)) else [base] * len(tr.x)
        for x, b, label in zip(tr.x, base, tr.text):
            end = float(x) + float(b or 0)
            room = plot_width - measure.text_width(label, kind.body) - 16
            if room > 0 and (end - lo) / (hi - lo) * plot_width > room:
                hi = lo + (end - lo) * plot_width / room
        axis.range = [lo, hi]


def _fit_band_names(fig: go.Figure, plot_width: float, kind: Type) -> None:
    """An era's name is drawn only where its band, as cut by the axis range, is wide enough to hold it."""
    axis = fig.layout.xaxis
    if axis.type != "date" or not axis.range:
        return
    r0, r1 = pd.Timestamp(axis.range[0]), pd.Timestamp(axis.range[1])
    span = (r1 - r0).total_seconds() or 1
    keep = []
    for ann in fig.layout.annotations:
        if ann.xref != "x" or ann.x is None or not ann.text:
            keep.append(ann)
            continue
        start = pd.Timestamp(ann.x)
        ends = [
            pd.Timestamp(sh.x1)
            for sh in fig.layout.shapes
            if sh.x0 is not None and pd.Timestamp(sh.x0) <= start
        ]
        end = min((e for e in ends if e > start), default=start)
        shown = (min(end, r1) - max(start, r0)).total_seconds() / span * plot_width
        if shown >= measure.text_width(ann.text, ann.font.size or kind.small) + 12:
            keep.append(ann)
    fig.layout.annotations = keep


def _spread_labels(fig: go.Figure, plot_width: float, plot_height: float, size: float) -> None:
    """Labelled points close together on the slide (a stated value and references for the same years) get
    their labels on sides that face away from each other: the highest above, the lowest below, any between
    beside, alternating left and right."""
    points = []  # [trace, index, x, y]
    for tr in fig.data:
        if tr.type != "scatter" or tr.text is None or not isinstance(tr.textposition, str) or tr.x is None:
            continue
        if tr.y is None or not all(isinstance(v, Real) for v in (*tr.x, *tr.y)):
            continue
        points += [(tr, n, float(x), float(y)) for n, (x, y) in enumerate(zip(tr.x, tr.y))]
    if len(points) < 2:
        return
    y_axis, x_axis = fig.layout.yaxis, fig.layout.xaxis
    ys = [p[3] for p in points]
    xs = [float(x) for tr in fig.data if tr.x is not None for x in tr.x if isinstance(x, Real)]
    y_lo, y_hi = sorted(y_axis.range) if y_axis.range else (min(ys), max(ys))
    x_lo, x_hi = sorted(x_axis.range) if x_axis.range else (min(xs), max(xs))
    near_y = (y_hi - y_lo) * 3 * size / max(plot_height, 1) or 1  # two labels and a gap, in data units
    near_x = (x_hi - x_lo) * 4 * size / max(plot_width, 1) or 1
    flipped = bool(y_axis.range and y_axis.range[0] > y_axis.range[1]) or y_axis.autorange == "reversed"
    # one trace's labels for the same x and nearly the same height become one label ("R12, R13")
    for tr in {id(p[0]): p[0] for p in points}.values():
        text = [str(v) for v in tr.text]
        for a in range(len(tr.x)):
            for b in range(a):
                same_x = float(tr.x[a]) == float(tr.x[b])
                if same_x and text[a] and text[b] and abs(float(tr.y[a]) - float(tr.y[b])) <= near_y:
                    text[b], text[a] = f"{text[b]}, {text[a]}", ""
        if text != [str(v) for v in tr.text]:
            tr.text = text
    points = [p for p in points if str(p[0].text[p[1]])]
    group = list(range(len(points)))  # clusters of points near each other (union-find)

    def root(k):
        while group[k] != k:
            k = group[k]
        return k

    for a in range(len(points)):
        for b in range(a):
            if abs(points[a][2] - points[b][2]) <= near_x and abs(points[a][3] - points[b][3]) <= near_y:
                group[root(a)] = root(b)
    clusters: dict[int, list] = {}
    for k in range(len(points)):
        clusters.setdefault(root(k), []).append(points[k])
    where = {id(tr): [tr.textposition] * len(tr.x) for tr, *_ in points}
    for members in clusters.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda p: p[3], reverse=not flipped)  # highest on the slide first
        for rank, (tr, n, _, _) in enumerate(members):
            if rank == 0:
                where[id(tr)][n] = "top center"
            elif rank == len(members) - 1:
                where[id(tr)][n] = "bottom center"
            else:
                where[id(tr)][n] = "middle left" if rank % 2 else "middle right"  # neighbours alternate
    for tr, *_ in points:
        if where[id(tr)] != [tr.textposition] * len(tr.x):
            tr.textposition = where[id(tr)]


def _label_width(fig: go.Figure, kind: Type) -> float:
    """Room for the widest y tick label (row names of bar charts and timelines, or numbers) and the
    axis title beside it."""
    labels: list[str] = []
    for name in [k for k in fig.layout if k.startswith("yaxis")]:
        axis = fig.layout[name]
        if axis.visible is False:
            continue
        if axis.ticktext is not None:
            labels += [str(x) for x in axis.ticktext]
        if axis.title.text:
            labels.append("")  # counted below as one rotated line
    for tr in fig.data:
        named = fig.layout["yaxis" + (tr.yaxis or "y")[1:]].ticktext is not None
        if tr.type == "bar" and tr.orientation == "h" and tr.y is not None and not named:
            labels += [str(v) for v in tr.y if isinstance(v, str)]
    widest = max((measure.text_width(part, kind.body) for x in labels for part in x.split("<br>")), default=0)
    widest = max(widest, measure.text_width("00000", kind.body))  # numeric ticks
    titled = any(fig.layout[k].title.text for k in fig.layout if k.startswith("yaxis"))
    return widest + 16 + (kind.axis_title * 1.4 + 8 if titled else 0)


def _fit_lanes(fig: go.Figure, inner: float, kind: Type) -> None:
    """Row labels of a timeline wrapped to two short lines, so they take a third of the width at most."""
    room = inner / 3
    fig.layout.yaxis.ticktext = [
        "<br>".join(wrap(label, kind.body, room, max_lines=LANE_LINES)) for label in fig.layout.yaxis.ticktext
    ]


def _clear_arrows(fig: go.Figure, plot_width: float, kind: Type) -> None:
    """A bound's arrow starts past its bar's label when it points onward, and short of the bar's end when
    it points back, so that no arrow runs through a label (on the Petrograd slide the arrow of "over
    10,000" ran through "1만 명 초과"). The labels' widths are measured at the slide's type size."""
    labels: dict = {}
    for tr in fig.data:
        if tr.type == "bar" and tr.orientation == "h" and tr.text is not None and tr.x is not None:
            texts = [tr.text] * len(tr.x) if isinstance(tr.text, str) else tr.text
            for y, text in zip(tr.y, texts):
                key = (tr.xaxis or "x", y)
                labels[key] = max(labels.get(key, 0), measure.text_width(str(text), kind.body))
    arrows = [
        a for a in fig.layout.annotations if a.showarrow and not a.text and a.axref not in (None, "pixel")
    ]
    arrows = [
        a for a in arrows if a.ax is not None and fig.layout[(a.xref or "x").replace("x", "xaxis", 1)].range
    ]

    def scale(ann):
        axis = fig.layout[(ann.xref or "x").replace("x", "xaxis", 1)]
        share = (axis.domain[1] - axis.domain[0]) if axis.domain else 1
        return axis, max(1.0, plot_width * share)

    # first the axes widen where an onward arrow past its label would leave the plot (the longest bar's)
    for ann in arrows:
        axis, px = scale(ann)
        lo, hi = axis.range
        room = labels.get((ann.xref or "x", ann.y), 0) + 12 + 56
        if ann.x > ann.ax and room < px * 0.8:
            k = room / px
            axis.range = [lo, max(hi, (ann.ax - lo * k) / (1 - k))]
    for ann in arrows:
        axis, px = scale(ann)
        lo, hi = axis.range
        per_px = (hi - lo) / px
        value, head = ann.ax, ann.x
        if head > value:  # onward: from past the label, at least as long as before
            tail = value + (labels.get((ann.xref or "x", ann.y), 0) + 12) * per_px
            end = min(hi, tail + max(head - value, 48 * per_px))
            if end - tail >= 24 * per_px:
                ann.ax, ann.x = tail, end
        else:  # back: its tail a little inside the bar, clear of the label after the bar's end
            ann.ax = value - 6 * per_px


def plot_room(fig: go.Figure, size: tuple[int, int], kind: Type = SLIDE_TYPE, citation: str = "x") -> float:
    """The height the figure's rows get when it is laid out at `size` with `citation` as its source line."""
    return _plot_height(fig, size, kind, citation or "x")


def _plot_height(fig: go.Figure, size: tuple[int, int], kind: Type, citation: str = "x") -> float:
    laid = fit(fig, size, citation, kind)
    return size[1] - laid.layout.margin.t - laid.layout.margin.b - kind.body


def _row_height(label: str, kind: Type) -> float:
    """A row's share of the plot: its label's lines and a gap, so labels of neighbouring rows never touch."""
    return (label.count("<br>") + 1) * kind.body * 1.3 + 12


def _lane_spans(fig: go.Figure) -> dict[int, tuple[pd.Timestamp, pd.Timestamp]]:
    """Each row's first and last drawn day, read from the figure's own bars and markers."""
    spans: dict[int, list] = {}
    for tr in fig.data:
        if tr.y is None or tr.x is None or tr.type not in ("bar", "scatter"):
            continue
        if tr.type == "bar" and tr.base is not None:
            lo = pd.to_datetime(list(tr.base))
            hi = lo + pd.to_timedelta(list(tr.x), unit="ms")
        else:
            lo = hi = pd.to_datetime(list(tr.x))
        for y, a, b in zip(tr.y, lo, hi):
            if y is None or pd.isna(a):  # a legend entry, not a mark
                continue
            lane = int(round(float(y)))
            old = spans.get(lane)
            spans[lane] = [min(old[0], a), max(old[1], b)] if old else [a, b]
    return {k: (v[0], v[1]) for k, v in spans.items()}


def split_rows(
    lanes: list[int], years: dict[int, int], need: dict[int, float], room: float
) -> list[list[int]]:
    """Consecutive rows in pages that fit `room` pixels (rows are drawn evenly, so a page needs its tallest
    row's height times its number of rows); a page ends where the year changes when that keeps it at least
    half full, so a page reads as a year range rather than a cut in the middle of 1917."""
    pages = _split(lanes, years, need, room, len(lanes))
    if len(pages) > 1:  # the same number of pages, evened out, so the last page is not two lonely rows
        even = _split(lanes, years, need, room, math.ceil(len(lanes) / len(pages)))
        pages = even if len(even) == len(pages) else pages
    return pages


def _split(lanes: list[int], years: dict[int, int], need: dict[int, float], room: float, most: int) -> list:
    pages, rest = [], list(lanes)
    while rest:
        n = 1
        while n < min(len(rest), most) and (n + 1) * max(need[k] for k in rest[: n + 1]) <= room:
            n += 1
        cut = n
        if n < len(rest):
            for c in range(n, max(1, n // 2) - 1, -1):
                if years[rest[c - 1]] != years[rest[c]]:
                    cut = c
                    break
        pages.append(rest[:cut])
        rest = rest[cut:]
    return pages


def pages(
    fig: go.Figure, size: tuple[int, int], kind: Type = SLIDE_TYPE, room: float | None = None
) -> list[tuple[go.Figure, tuple]]:
    """The figure as one or more slides: a timeline with more rows than a slide holds becomes several pages
    of whole rows, each with the dates of its own rows; returns (figure, (first year, last year) or None).
    `room`: the rows' height to cut for, if not the plot's at `size` (a deck shown in two boxes)."""
    if not _is_lane_chart(fig):
        return _category_pages(fig, size, kind, room)
    spans = _lane_spans(fig)
    lanes = sorted(spans)
    labels = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    inner = size[0] - 2 * kind.edge
    wrapped = {k: "<br>".join(wrap(labels.get(k, ""), kind.body, inner / 3, LANE_LINES)) for k in lanes}
    need = {k: _row_height(wrapped[k], kind) for k in lanes}
    room = _plot_height(fig, size, kind) if room is None else room
    if len(lanes) * max(need.values(), default=0) <= room:
        return [(fig, _years(spans, lanes))]
    years = {k: spans[k][0].year for k in lanes}
    out = []
    whole = fig.layout.xaxis.range
    for rows in split_rows(lanes, years, need, room):
        lo = min(spans[k][0] for k in rows)
        hi = max(spans[k][1] for k in rows)
        pad = max((hi - lo) * 0.04, pd.Timedelta(days=10))
        x0, x1 = lo - pad, hi + pad
        if whole:  # a page never shows more than the chart's own range (a long period runs off its edge)
            x0, x1 = max(x0, pd.Timestamp(whole[0])), min(x1, pd.Timestamp(whole[1]))
        page = go.Figure(fig)
        page.update_yaxes(
            range=[rows[-1] + 0.5, rows[0] - 0.5],
            tickvals=rows,
            ticktext=[labels.get(k, "") for k in rows],
            autorange=False,
        )
        days = (x1 - x0).days
        page.update_xaxes(
            range=[x0.strftime("%Y-%m-%d"), x1.strftime("%Y-%m-%d")],
            tickformat="%Y" if days > 3 * 365 else "%Y-%m",
            **date_ticks(x0, x1, 8, 12 if days > 3 * 365 else 0),  # fewer if they do not fit (_fit_x_ticks)
        )
        _clip_bands(page, x0, x1)
        out.append((page, _years(spans, rows)))
    return out


def _years(spans: dict, rows: list[int]) -> tuple[int, int]:
    """The years in which the page's events begin (what a page titled "1918–1921" is expected to hold)."""
    return (min(spans[k][0].year for k in rows), max(spans[k][0].year for k in rows))


def _category_pages(
    fig: go.Figure, size: tuple[int, int], kind: Type, room: float | None = None
) -> list[tuple[go.Figure, None]]:
    """A single panel of horizontal bars with more rows than a slide holds: pages of whole rows."""
    axes = {tr.yaxis or "y" for tr in fig.data if tr.type == "bar" and tr.orientation == "h"}
    if len(axes) != 1 or axes != {"y"} or any((tr.yaxis or "y") != "y" for tr in fig.data):
        return [(fig, None)]
    cats: list[str] = []
    for tr in fig.data:
        cats += [v for v in (tr.y or ()) if isinstance(v, str) and v not in cats]
    room = _plot_height(fig, size, kind) if room is None else room
    per = max(1, int(room // _row_height("", kind)))
    if len(cats) <= per:
        return [(fig, None)]
    n_pages = math.ceil(len(cats) / per)
    per = math.ceil(len(cats) / n_pages)
    reverse = fig.layout.yaxis.autorange == "reversed"
    out = []
    for start in range(0, len(cats), per):
        rows = cats[start : start + per]
        page = go.Figure(fig)
        # An arrow of a row on another page goes with its row.
        keep = [ann for ann in page.layout.annotations if ann.yref != "y" or ann.y in rows]
        page.layout.annotations = keep
        page.update_yaxes(
            categoryorder="array",
            categoryarray=cats,
            range=[start + len(rows) - 0.5, start - 0.5]
            if reverse
            else [start - 0.5, start + len(rows) - 0.5],
            autorange=False,
        )
        out.append((page, None))
    return out


def _clip_bands(fig: go.Figure, x0: pd.Timestamp, x1: pd.Timestamp) -> None:
    """Era names sit at their band's start: a band cut by the page keeps its name at the page's start, one
    outside the page loses it (the name would otherwise be drawn outside the plot)."""
    keep = []
    for ann in fig.layout.annotations:
        if ann.xref != "x" or ann.x is None:
            keep.append(ann)
            continue
        start = pd.Timestamp(ann.x)
        ends = [
            pd.Timestamp(s.x1) for s in fig.layout.shapes if s.x0 is not None and pd.Timestamp(s.x0) == start
        ]
        end = max(ends) if ends else start
        if end <= x0 or start >= x1:
            continue
        if start < x0:
            ann.x = x0.strftime("%Y-%m-%d")
        keep.append(ann)
    fig.layout.annotations = keep
