"""The timeline: events on one axis, one row each, with eras as bands, or counted per period when there
are too many to draw one by one."""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from revolution import limits
from revolution.data import calendar as cal
from revolution.data import categories
from revolution.i18n import category, t
from revolution.views import format as fmt
from revolution.views import theme
from revolution.views.chart_marks import (
    HOVER_CHARS,
    LABEL_PX,
    LANES,
    MARK_PX,
    legend_entry,
    one_or_each,
    pale_colour,
    short,
)

LANE_PX = 30  # one row per event: room for a 13 px label and a 14 px mark
LABEL_CHARS = {"ko": 20, "en": 32}  # a lane's label past this ends in '…'; the hover has it whole
TOP_PX = 170  # above the rows: the legend (up to three lines at a phone's width) and the dates
TOP_MIN_PX = 40  # the least room above the rows; Plotly adds what the legend and dates take at its width
OVERVIEW_YEARS = 80  # a longer span is drawn as an overview (events per period, under the eras), not a pile
PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}
SOURCE_STYLE = {  # the first text's marks are filled, the second's open (bars: hatched), in every colour
    "history": {"open": False, "pattern": ""},
    "manifesto": {"open": True, "pattern": "/"},
}
TICK_FORMATS = {  # tick labels by the distance between ticks, so that no two ticks read the same
    "ko": [
        (None, 86_400_000 * 27, "%-m월 %-d일"),
        (86_400_000 * 27, 86_400_000 * 360, "%Y년 %-m월"),
        (86_400_000 * 360, None, "%Y년"),
    ],
    "en": [
        (None, 86_400_000 * 27, "%-d %b"),
        (86_400_000 * 27, 86_400_000 * 360, "%b %Y"),
        (86_400_000 * 360, None, "%Y"),
    ],
}


def _written_day(ymd: tuple[int, int, int]) -> date:
    y, m, d = ymd
    try:
        return date(y, m, d)
    except (
        ValueError
    ):  # 29 February in a Julian-only leap year, drawn on the last Gregorian day of that month
        return date(y, m, 28)


def plot_dates(events: pd.DataFrame, mode: str) -> pd.DataFrame:
    """First and last day to draw for each event: New Style, or the text's own dates as written. A date is
    drawn at its precision: a year given alone spans its year, a month its month (`spans`); only a day given
    alone is a point."""
    if mode == "new":
        lo = pd.to_datetime(events.start_gregorian, format="ISO8601")
        hi = pd.to_datetime(events.end_gregorian, format="ISO8601")
    else:
        spans = [
            (cal.bounds(s, p, c)[0], cal.bounds(e, p, c)[1])
            for s, e, p, c in zip(events.start, events.end, events.precision, events.calendar)
        ]
        lo = pd.to_datetime([_written_day(a) for a, _ in spans])
        hi = pd.to_datetime([_written_day(b) for _, b in spans])
    out = pd.DataFrame({"lo": list(lo), "hi": list(hi)}, index=events.index)
    out["hi"] = out.hi + pd.Timedelta(days=1)  # the last day is included
    out["period"] = (events.start != events.end).values
    out["point"] = ((events.start == events.end) & (events.precision == "day")).values
    return out


def _lanes(events: pd.DataFrame) -> dict[str, int]:
    """One row per event key, in order of first date, so both texts' tellings of an event share a row."""
    first = events.sort_values(["start_gregorian", "event_id"]).drop_duplicates("event_key")
    return {k: i for i, k in enumerate(first.event_key)}


def _era_lane(fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int, y: float) -> None:
    """Eras as shaded bands behind the events, and their names in a row of their own above the first
    event (a band too narrow for its name keeps the band; its name is in the hover of the band's row)."""
    span = hi_year + 1 - lo_year
    for n, era in enumerate(eras.sort_values("start_year").to_dict("records")):
        a, b = max(era["start_year"], lo_year), min(era["end_year"], hi_year)
        if a > b:
            continue
        _era_band(fig, n, a, b)
        title = era[f"title_{lang}"]
        middle = (
            pd.Timestamp(f"{a}-01-01") + (pd.Timestamp(f"{b + 1}-01-01") - pd.Timestamp(f"{a}-01-01")) / 2
        )
        fits = (b + 1 - a) / span >= ERA_LABEL_SHARE * max(1, len(title) / 8)
        fig.add_scatter(
            x=[middle.strftime("%Y-%m-%d")],
            y=[y],
            mode="text" if fits else "markers",
            text=[title],
            textfont=dict(size=LABEL_PX, color=theme.MUTED),
            marker=dict(size=8, symbol="line-ew", color=theme.MUTED, line=dict(width=2, color=theme.MUTED)),
            hovertemplate=f"{fmt.wrap(title, HOVER_CHARS)} ({a}–{b})<extra></extra>",
            showlegend=False,
        )


def _era_bands(fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int) -> None:
    """Eras as shaded bands named at their top (a slide's layout drops a name its band is too narrow for)."""
    for n, era in enumerate(eras.sort_values("start_year").to_dict("records")):
        a, b = max(era["start_year"], lo_year), min(era["end_year"], hi_year)
        if a <= b:
            _era_band(
                fig,
                n,
                a,
                b,
                annotation_text=era[f"title_{lang}"],
                annotation_position="top left",
                annotation=dict(font=dict(size=12, color=theme.MUTED)),
            )


def _era_band(fig: go.Figure, n: int, a: int, b: int, **label) -> None:
    """Era `n` as a band from the first day of year `a` to the last of `b`, shaded in turn."""
    fig.add_vrect(
        x0=f"{a}-01-01",
        x1=f"{b + 1}-01-01",
        fillcolor=theme.GRID if n % 2 else "#f6f8fa",
        opacity=0.6,
        layer="below",
        line_width=0,
        **label,
    )


ERA_LABEL_SHARE = 0.12  # of the axis, per eight characters of the era's name


def timeline_chart(
    events: pd.DataFrame,
    eras: pd.DataFrame,
    lang: str,
    mode: str,
    color_by: str,
    source_names: dict,
    years: tuple[int, int] | None = None,
    labels: str = "row",
    overview: bool = True,
) -> go.Figure:
    """Events on one axis, one row each, labelled in the row: a day is a mark, a month or a year given
    alone a pale bar across it, a period a bar; colour and mark shape by category
    (revolution.data.categories), filled for the history text and open for the manifesto; eras as bands.
    Past `limits.TIMELINE_ROWS` rows, or over a span longer than OVERVIEW_YEARS (with `overview`), events
    are counted per period instead (see `density_chart`). `labels="axis"` names the rows on the y axis
    instead, for a slide, whose layout pages rows by their axis labels (revolution.exports.slide_layout);
    a screen's width is better spent on the rows."""
    fig = go.Figure()
    if events.empty:
        fig.update_layout(title=t("no_rows", lang), height=300)
        return theme.apply(fig)
    dates = plot_dates(events, mode)
    lo_year, hi_year = years or (int(dates.lo.dt.year.min()), int(dates.hi.dt.year.max()))
    too_long = overview and hi_year + 1 - lo_year > OVERVIEW_YEARS
    if events.event_key.nunique() > limits.TIMELINE_ROWS or too_long:
        return density_chart(events, lang, color_by, source_names, (lo_year, hi_year), eras)
    lanes = _lanes(events)
    x0, x1 = pd.Timestamp(f"{lo_year}-01-01"), pd.Timestamp(f"{hi_year + 1}-01-01")
    by_category = color_by == "category"
    for value in (
        categories.order(events.category.unique()) if by_category else sorted(events.source_id.unique())
    ):
        part = events[events.category == value] if by_category else events[events.source_id == value]
        vocab = categories.get(value)
        colour = vocab.colour if by_category else theme.SOURCE_COLORS.get(value, theme.MUTED)
        name = category(value, lang) if by_category else source_names.get(value, value)
        marker = vocab.marker if by_category else "circle"
        legend_entry(fig, name, value, dict(color=colour, symbol=marker, size=MARK_PX))
        for source_id, tellings in part.groupby("source_id", sort=True):
            style = SOURCE_STYLE.get(source_id, SOURCE_STYLE["history"])
            d = dates.loc[tellings.index]
            offset = -0.16 if style["open"] is False else 0.16
            y = [lanes[k] + offset for k in tellings.event_key]
            precision = {p: t(f"precision_{p}", lang) for p in PRECISION_RANK}
            # per point only what differs by point; the text's name is the trace's (`meta`), and the hover
            # template is one for all marks (EVENT_HOVER, in the figure's template): less to send
            custom = [
                [
                    r["event_id"],
                    fmt.wrap(r[f"title_{lang}"], HOVER_CHARS),
                    fmt.wrap(f"{fmt.written_date(r, lang)} — {precision[r['precision']]}", HOVER_CHARS),
                    fmt.quote_with_gloss(r, lang),
                ]
                for r in tellings.to_dict("records")
            ]
            told_by = fmt.wrap(source_names.get(source_id, ""), HOVER_CHARS)
            point = d.point.values
            if (~point).any():
                spans = ~point
                # a month or a year given alone: somewhere in it, not all of it; pale
                pale = ~d.period.values[spans]
                colours = one_or_each([colour if solid else pale_colour(colour) for solid in ~pale])
                # a date the sentence does not give (the text around it, or a standard chronology): dotted
                inferred = (tellings.get("date_basis", "stated") != "stated").to_numpy()[spans]
                shapes = one_or_each(["." if i else style["pattern"] for i in inferred])
                fig.add_bar(
                    base=d.lo[spans].dt.strftime("%Y-%m-%d"),
                    x=((d.hi - d.lo)[spans].dt.total_seconds() * 1000),
                    y=[v for v, s in zip(y, spans) if s],
                    orientation="h",
                    width=0.3,
                    name=name,
                    legendgroup=value,
                    showlegend=False,
                    marker=dict(
                        color=colours,
                        line=dict(color=colour, width=1.5),
                        pattern=dict(shape=shapes, fgcolor=colour, solidity=0.3),
                    ),
                    customdata=[c for c, s in zip(custom, spans) if s],
                    meta=told_by,
                )
            if point.any():
                symbol = marker + ("-open" if style["open"] else "")
                fig.add_scatter(
                    x=d.lo[point].dt.strftime("%Y-%m-%d"),
                    y=[v for v, p in zip(y, point) if p],
                    mode="markers",
                    name=name,
                    legendgroup=value,
                    showlegend=False,
                    marker=dict(color=colour, size=MARK_PX, symbol=symbol, line=dict(color=colour, width=2)),
                    customdata=[c for c, p in zip(custom, point) if p],
                    meta=told_by,
                )
    _source_legend(fig, source_names)
    if "date_basis" in events and events.date_basis.ne("stated").any():
        fig.add_bar(
            x=[None],
            y=[None],
            name=t("legend_inferred", lang),
            marker=dict(color="white", line=dict(color=theme.MUTED, width=1.5), pattern=dict(shape=".")),
        )
    if labels == "axis":
        _era_bands(fig, eras, lang, lo_year, hi_year)
    else:
        _lane_labels(fig, events, dates, lanes, lang, x0, x1)
        _era_lane(fig, eras, lang, lo_year, hi_year, -1)
    plot_px = LANE_PX * (len(lanes) + 1)
    fig.update_layout(
        barmode="overlay",
        height=plot_px + TOP_PX + 30,
        hovermode="closest",
        # the legend above the dates along the top, so a reader sees both before the first row
        # no legend title: Plotly wraps a horizontal legend as if the title took no room, and so runs
        # entries off the right edge; the entries name themselves
        legend=dict(y=1 + 34 / plot_px, yanchor="bottom"),
        margin=dict(l=12, r=12, t=TOP_PX, b=30),
    )
    fig.update_xaxes(
        type="date",
        range=[x0.strftime("%Y-%m-%d"), x1.strftime("%Y-%m-%d")],
        tickformatstops=[
            dict(dtickrange=[a, b], value=f) for a, b, f in TICK_FORMATS.get(lang, TICK_FORMATS["ko"])
        ],
        side="top",
    )
    if labels == "axis":
        fig.update_layout(meta=dict(drawn_as=LANES))  # the slide layout pages it by these rows
        rank = events.precision.map(PRECISION_RANK)
        best = (
            events.assign(_rank=rank).sort_values(["_rank", "start_gregorian"]).drop_duplicates("event_key")
        )
        titles = best.set_index("event_key")[f"title_{lang}"]
        fig.update_yaxes(
            tickvals=list(lanes.values()),
            ticktext=[html.escape(titles[k]) for k in lanes],
            showgrid=False,
            autorange=False,
            range=[len(lanes) - 0.5, -0.5],
            # plotly.js's default ("hide past div") measures every label once per label placed: 0.6 s of
            # the lesson bundle's whole timeline (133 rows) in a browser; the labels sit in the automargin
            # anyway, so "allow" draws the same pixels
            ticklabeloverflow="allow",
        )
    else:
        fig.update_yaxes(
            showticklabels=False, showgrid=False, autorange=False, range=[len(lanes) - 0.5, -1.6]
        )
    theme.apply(fig)
    if not fig.layout.title.text:
        # no title: the legend hangs from the plot's top (above the dates), so Plotly makes the room it takes
        # at the chart's width (two rows on a projector, more on a phone) instead of a phone's worst case
        fig.update_layout(
            margin_t=TOP_MIN_PX,
            legend=dict(xref="paper", x=0, yref="paper", y=1 + 34 / plot_px, yanchor="bottom"),
        )
    # one hover template for every mark, sent once: the row labels and eras set their own
    fig.layout.template.data.bar = [go.Bar(hovertemplate=EVENT_HOVER)]
    fig.layout.template.data.scatter = [go.Scatter(hovertemplate=EVENT_HOVER)]
    return fig


EVENT_HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{meta}<br><i>“%{customdata[3]}”</i><extra></extra>"
)


def _source_legend(fig: go.Figure, source_names: dict) -> None:
    """Two legend entries that explain the marks' fill: which text is filled, which open."""
    for source_id, style in SOURCE_STYLE.items():
        if source_id in source_names:
            symbol = "square-open" if style["open"] else "square"
            marker = dict(color=theme.MUTED, symbol=symbol, size=MARK_PX)
            legend_entry(fig, source_names[source_id], f"src_{source_id}", marker)


def _lane_labels(fig, events, dates, lanes, lang, x0, x1) -> None:
    """Each row's name, written in its row beside its marks: after them when they end in the left part of
    the axis, before them when they start in the right part, and otherwise over the start of its bar on a
    white ground, so that no label runs off the chart. Named after its most precise telling (a day beats a
    month beats a year)."""
    rank = events.precision.map(PRECISION_RANK)
    best = events.assign(_rank=rank).sort_values(["_rank", "start_gregorian"]).drop_duplicates("event_key")
    titles = best.set_index("event_key")[f"title_{lang}"]
    ends = dates.assign(key=events.event_key.values).groupby("key").agg(lo=("lo", "min"), hi=("hi", "max"))
    width = (x1 - x0).total_seconds()
    rows = {"right": ([], [], [], []), "left": ([], [], [], [])}
    for key, lane in lanes.items():
        lo, hi = max(ends.lo[key], x0), min(ends.hi[key], x1)
        text = short(titles[key], LABEL_CHARS.get(lang, 24))
        if (hi - x0).total_seconds() / width <= LABEL_ROOM:
            side, x = "right", hi
        elif (lo - x0).total_seconds() / width >= 1 - LABEL_ROOM:
            side, x = "left", lo
        else:  # a bar across most of the axis: its name over its start
            fig.add_annotation(
                x=lo.strftime("%Y-%m-%d"),
                y=lane,
                text=fmt.wrap(text, 80),
                hovertext=fmt.wrap(titles[key], HOVER_CHARS),
                showarrow=False,
                xanchor="left",
                bgcolor="rgba(255,255,255,0.85)",
                font=dict(size=LABEL_PX, color=theme.INK),
                xshift=6,
            )
            continue
        xs, ys, texts, full = rows[side]
        xs.append(x.strftime("%Y-%m-%d"))
        ys.append(lane)
        texts.append(text)
        full.append(fmt.wrap(titles[key], HOVER_CHARS))
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


LABEL_ROOM = 0.58  # a label goes after marks that end before this share of the axis (before marks past 1 -)


def _bins(lo_year: int, hi_year: int) -> int:
    """Years per bar: one year up to 40 years shown, then 5 or 10, so that a bar stays wide enough to see
    and to hover."""
    span = hi_year + 1 - lo_year
    return 1 if span <= 40 else 5 if span <= 250 else 10


def density_chart(
    events: pd.DataFrame,
    lang: str,
    color_by: str,
    source_names: dict,
    years: tuple[int, int] | None = None,
    eras: pd.DataFrame | None = None,
) -> go.Figure:
    """An overview: how many events start in each year (or 5 or 10 years), stacked by category or source,
    under the eras. Counts are computed here, so the figure's size depends on the span, not on the number of
    events."""
    start = events.start_gregorian.str[:4].astype(int)
    lo_year, hi_year = years or (int(start.min()), int(events.end_gregorian.str[:4].astype(int).max()))
    step = _bins(lo_year, hi_year)
    by_category = color_by == "category"
    key = "category" if by_category else "source_id"
    binned = events.assign(bin=(start - lo_year) // step * step + lo_year)
    counts = binned.groupby([key, "bin"], sort=True).size().rename("n").reset_index()
    values = categories.order(counts[key].unique()) if by_category else sorted(counts[key].unique())
    fig = go.Figure()
    for value in values:
        part = counts[counts[key] == value]
        name = category(value, lang) if by_category else source_names.get(value, value)
        colour = categories.get(value).colour if by_category else theme.SOURCE_COLORS.get(value, theme.MUTED)
        label = [str(b) if step == 1 else f"{b}–{b + step - 1}" for b in part.bin]
        fig.add_bar(
            x=[f"{b}-01-01" for b in part.bin],
            y=part.n,
            name=name,
            marker_color=colour,
            width=[step * 365.25 * 86_400_000 * 0.9] * len(part),
            offset=0,
            hovertext=label,
            hovertemplate="%{hovertext}: %{y:,}<extra>%{fullData.name}</extra>",
        )
    top = int(binned.groupby("bin").size().max())
    if eras is not None:
        _era_lane(fig, eras, lang, lo_year, hi_year, top * 1.12)
    fig.update_layout(
        title=t("density_title", lang, n=f"{len(events):,}", step=step),
        barmode="stack",
        height=480,
        legend=dict(traceorder="normal"),
        margin=dict(t=150),
    )
    fig.update_xaxes(
        type="date",
        range=[f"{lo_year}-01-01", f"{hi_year + 1}-01-01"],
        title=t("date_axis", lang),
        tickformatstops=[
            dict(dtickrange=[a, b], value=f) for a, b, f in TICK_FORMATS.get(lang, TICK_FORMATS["ko"])
        ],
    )
    fig.update_yaxes(title=t("n_events_axis", lang), range=[0, top * 1.25])
    return theme.apply(fig)
