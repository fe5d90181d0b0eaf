"""The timeline's rows named: each row's title, cut to the room beside its marks at the narrowest chart, and
the heading over the rows that only span the window."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from revolution.i18n import t
from revolution.views import format as fmt
from revolution.views import measure, theme
from revolution.views.chart_marks import HOVER_CHARS, LABEL_PX, MARK_PX, short
from revolution.views.timeline_sizes import NARROWEST_PX, PRECISION_RANK, SIDE_PX


def titles_of(events: pd.DataFrame, lang: str, key_titles: pd.DataFrame | None) -> pd.Series:
    """Each row's name: the event key's canonical name where the table of keys gives one, else its most
    precise telling's title (a day beats a month beats a year)."""
    rank = events.precision.map(PRECISION_RANK)
    best = events.assign(_rank=rank).sort_values(["_rank", "start_gregorian"]).drop_duplicates("event_key")
    titles = best.set_index("event_key")[f"title_{lang}"]
    if key_titles is not None and len(key_titles):
        canon = key_titles.set_index("event_key")[f"title_{lang}"]
        titles = canon.reindex(titles.index).fillna(titles)
    return titles


def row_name(title, key, events, dates, context, lang, x0, x1, limit=None) -> str:
    """A row's name (cut to `limit` characters, if given, with '…'); a context row says that it began
    before the window or ends after it, and keeps that whole."""
    if key not in context:
        return short(title, limit) if limit else title
    d = dates[(events.event_key == key).values]
    a, b = int(d.lo.min().year), int((d.hi.max() - pd.Timedelta(days=1)).year)
    earlier, later = d.lo.min() < x0, d.hi.max() > x1
    when = (
        fmt.years_text(a, b, lang)
        if earlier and later
        else t("ctx_since", lang, a=a)
        if earlier
        else t("ctx_until", lang, b=b)
    )
    if limit:
        title = short(title, max(6, limit - len(when) - 3))
    return f"{title} ({when})"


def context_header(fig: go.Figure, y: float, lang: str) -> None:
    """A heading, in a row of its own over a rule, between the window's own events and the periods that
    only span it."""
    fig.add_hline(y=y + 0.5, line=dict(color=theme.MUTED, width=1, dash="dot"))
    fig.add_annotation(
        x=0,
        xref="paper",
        y=y,
        yanchor="middle",
        xanchor="left",
        text=t("ctx_heading", lang),
        showarrow=False,
        font=dict(size=LABEL_PX, color=theme.MUTED),
        bgcolor="rgba(255,255,255,0.85)",
    )


def lane_labels(fig, events, dates, lanes, names, whole, x0, x1, context=frozenset()) -> None:
    """Each row's name (`names`; `whole` in its hover), written in its row beside its marks: after them when
    they end in the left part of the axis, before them when they start in the right part, and otherwise over
    the start of its bar on a white ground, so that no label runs off the chart. A name beside its marks is
    cut further ('…') to the room its side has at the narrowest chart (a context row keeps its years)."""
    titles = names
    ends = dates.assign(key=events.event_key.values).groupby("key").agg(lo=("lo", "min"), hi=("hi", "max"))
    width = (x1 - x0).total_seconds()
    rows = {"right": ([], [], [], []), "left": ([], [], [], [])}
    for key, lane in lanes.items():
        lo, hi = max(ends.lo[key], x0), min(ends.hi[key], x1)
        text = titles[key]
        if (hi - x0).total_seconds() / width <= LABEL_ROOM:
            side, x = "right", hi
        elif (lo - x0).total_seconds() / width >= 1 - LABEL_ROOM:
            side, x = "left", lo
        else:  # a bar across most of the axis: its name over its start, after any dot it would cover
            lo, text = _clear_of_dots(text, key, lo, events, dates, x0, x1, key in context)
            fig.add_annotation(
                x=lo.strftime("%Y-%m-%d"),
                y=lane,
                text=fmt.wrap(text, 80),
                hovertext=fmt.wrap(whole[key], HOVER_CHARS),
                showarrow=False,
                xanchor="left",
                bgcolor="rgba(255,255,255,0.85)",
                font=dict(size=LABEL_PX, color=theme.INK),
                xshift=6,
            )
            continue
        share = (x - x0).total_seconds() / width
        if key not in context:
            text = _cut_to(text, (1 - share if side == "right" else share) * (NARROWEST_PX - 2 * SIDE_PX))
        xs, ys, texts, full = rows[side]
        xs.append(x.strftime("%Y-%m-%d"))
        ys.append(lane)
        texts.append(text)
        full.append(fmt.wrap(whole[key], HOVER_CHARS))
    for side, (xs, ys, texts, full) in rows.items():
        if xs:
            fig.add_scatter(
                x=xs,
                y=ys,
                mode="text",
                text=[f"  {html.escape(s)}  " for s in texts],
                textposition=f"middle {side}",
                textfont=dict(size=LABEL_PX, color=theme.INK),
                customdata=full,
                hovertemplate="%{customdata}<extra></extra>",
                showlegend=False,
                cliponaxis=False,
            )


def _clear_of_dots(text, key, lo, events, dates, x0, x1, keep: bool) -> tuple[pd.Timestamp, str]:
    """Where a row's name on a white ground starts, and the name cut to the room left there: over its bar's
    start, or just after the row's dots (a day known) that the name would cover at the narrowest chart (on
    a phone, "니콜라이 2세 퇴위" over its year's start hid the manifesto's dot for March). `keep`: a context
    row's name is not cut."""
    plot_px = NARROWEST_PX - 2 * SIDE_PX
    span = x1 - x0

    def px(x):
        return (x - x0) / span * plot_px

    own = (events.event_key == key).values & (dates.kind == "day").values
    dots = sorted(px(x) for x in dates.lo[own] if x0 <= x <= x1)
    radius = MARK_PX / 2 + 2
    start = px(lo)
    while True:
        name = text if keep else _cut_to(text, plot_px - start)
        end = start + 6 + measure.text_width(name, LABEL_PX)
        under = [d for d in dots if start - radius < d < end + radius]
        if not under or max(under) + radius >= plot_px * LABEL_ROOM:
            return x0 + span * (start / plot_px), name
        start = max(under) + radius


def _cut_to(text: str, room_px: float) -> str:
    """The name cut with '…' to what `room_px` holds beside its marks (the margin's side and the label's two
    spaces of padding taken into account), keeping at least a few characters."""
    room = room_px + SIDE_PX - measure.text_width("    ", LABEL_PX)
    n = len(text)
    while n > 6 and measure.text_width(short(text, n), LABEL_PX) > room:
        n -= 1
    return short(text, n)


LABEL_ROOM = 0.58  # a label goes after marks that end before this share of the axis (before marks past 1 -)
