"""The timeline: events on one axis, one row each, with eras as bands, or counted per period when there
are too many to draw one by one. Its parts, one module a subject: the measures (timeline_sizes), the marks
and their legend (timeline_marks), the rows' names (timeline_rows), the eras (timeline_eras) and the
overview (timeline_overview)."""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from revolution import limits
from revolution.data import calendar as cal
from revolution.data import eras as era_lookup
from revolution.data.calendar import mark_kind
from revolution.data.table import records
from revolution.i18n import category, t
from revolution.views import theme
from revolution.views.chart_marks import LANES, MARK_PX
from revolution.views.timeline_eras import ERA_ROW_SPAN, era_bands, era_row
from revolution.views.timeline_marks import draw_marks, legend_height, legends
from revolution.views.timeline_overview import density_chart
from revolution.views.timeline_rows import context_header, lane_labels, row_name, titles_of
from revolution.views.timeline_sizes import (
    BOTTOM_PX,
    DAY_MS,
    ERA_LINE_PX,
    LABEL_CHARS,
    LANE_PX,
    LEGEND_ITEM_PX,
    NARROWEST_PX,
    OVERVIEW_YEARS,
    PRECISION_RANK,
    SCREEN_TICKS,
    SIDE_PX,
    TICK_FORMATS,
    TOP_DATES_PX,
)

__all__ = [  # what other modules and the tests read here
    "DENSITY",
    "EVENT_HOVER",
    "LABEL_CHARS",
    "LEGEND_ITEM_PX",
    "MARK_PX",
    "NARROWEST_PX",
    "OVERVIEW",
    "OVERVIEW_YEARS",
    "SIDE_PX",
    "category",
    "counted_instead",
    "date_ticks",
    "density_chart",
    "plot_dates",
    "t",
    "timeline_chart",
]

DENSITY, OVERVIEW = "density", "overview"  # why a timeline counts events per period instead of drawing each


def counted_instead(n_events: int, years: tuple[int, int], overview: bool = True) -> str | None:
    """Why a timeline of `n_events` distinct events over `years` is drawn as counts per period instead of a
    row each (DENSITY: more rows than limits.TIMELINE_ROWS; OVERVIEW: a span over OVERVIEW_YEARS, where
    `overview` allows it), or None: the one rule the chart and the page's note both read."""
    if n_events > limits.TIMELINE_ROWS:
        return DENSITY
    if overview and years[1] + 1 - years[0] > OVERVIEW_YEARS:
        return OVERVIEW
    return None


def _written_day(ymd: tuple[int, int, int]) -> date:
    y, m, d = ymd
    try:
        return date(y, m, d)
    except (
        ValueError
    ):  # 29 February in a Julian-only leap year, drawn on the last Gregorian day of that month
        return date(y, m, 28)


def plot_dates(events: pd.DataFrame, mode: str) -> pd.DataFrame:
    """First and last day to draw for each event (New Style, or the text's own dates as written), and how to
    draw it (`kind`, see `mark_kind`): a date is drawn at its precision, so a year given alone covers its
    year, a month its month; only a period is drawn as lasting from its first day to its last."""
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
    out["kind"] = [mark_kind(r) for r in records(events[["extent", "start", "end", "precision"]])]
    out["period"] = (out.kind == "period").values
    out["point"] = (out.kind == "day").values
    return out


def _lanes(events: pd.DataFrame, dates: pd.DataFrame, window=None) -> tuple[dict[str, int], set[str]]:
    """One row per event key, so both texts' tellings of an event share a row: first the window's own
    events (a telling that lies inside it), in order of first date; then, as context, the keys whose every
    telling began before the window or ends after it. Returns the rows and the context keys."""
    own = pd.Series(True, index=events.index)
    if window is not None:
        x0, x1 = window
        own = (dates.lo >= x0) & (dates.hi <= x1)
    keys = events.assign(_own=own.values).groupby("event_key")._own.any()
    context = set(keys[~keys].index)
    # a row sits where its most precise telling is drawn: a period at its start, a dot where it is (so a
    # telling dated only "1917" does not put October at the top of 1917)
    at = dates.lo.where(dates.kind == "period", dates.lo + (dates.hi - dates.lo) / 2)
    first = events.assign(
        _ctx=events.event_key.isin(context).values,
        _rank=events.precision.map(PRECISION_RANK).values,
        _at=at.values,
    )
    first = first.sort_values(["_rank", "_at", "event_id"]).drop_duplicates("event_key")
    # in a window of a year or two, an event known only to the year has no place in its order: after those
    # whose month or day is known
    short_window = window is not None and (window[1] - window[0]).days <= 2 * 366
    first = first.assign(_coarse=short_window & (first._rank >= PRECISION_RANK["year"]))
    first = first.sort_values(["_ctx", "_coarse", "_at", "event_id"])
    return {k: i for i, k in enumerate(first.event_key)}, context


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
    key_titles: pd.DataFrame | None = None,
    title: str | None = None,
) -> go.Figure:
    """Events on one axis, one row each, labelled in the row, drawn by what the text knows (`mark_kind`): a
    day is a dot; a month, a year or a wider window given for something that happened once is a faint
    whisker across it with no visible dot (somewhere in it, never a day, nor the shape of a period); a period
    is a bar, hatched for a text whose pattern is one (and said so in the legend). Colour by
    category (revolution.data.categories) or by text; the mark's shape, fill and bar pattern always by
    text (revolution.data.sources), so texts stay apart when colour shows the category; eras as bands.
    The window's own events come first, then periods that only span it, as context. Rows are named by
    `key_titles` (the event keys' canonical names, data/event_keys.csv), else by their most precise
    telling. Past `limits.TIMELINE_ROWS` rows, or over a span longer than
    OVERVIEW_YEARS (with `overview`), events are counted per period instead (see `density_chart`).
    `labels="axis"` names the rows on the y axis instead, for a slide, whose layout pages rows by their
    axis labels (revolution.exports.slide_layout); a screen's width is better spent on the rows. `title`, if
    given, is laid out with the rest (set after, it would sit on the dates)."""
    fig = go.Figure()
    if events.empty:
        fig.update_layout(title=t("no_rows", lang), height=300)
        return theme.apply(fig)
    dates = plot_dates(events, mode)
    lo_year, hi_year = years or (int(dates.lo.dt.year.min()), int(dates.hi.dt.year.max()))
    if counted_instead(events.event_key.nunique(), (lo_year, hi_year), overview):
        return density_chart(events, lang, color_by, source_names, (lo_year, hi_year), eras)
    x0, x1 = pd.Timestamp(f"{lo_year}-01-01"), pd.Timestamp(f"{hi_year + 1}-01-01")
    lanes, context = _lanes(events, dates, (x0, x1) if years else None)
    heading = labels != "axis" and 0 < len(context) < len(lanes)
    if heading:  # on screen, a row of its own names the context rows (a slide's rows name themselves)
        lanes = {k: v + (1 if k in context else 0) for k, v in lanes.items()}
    n_rows = max(lanes.values()) + 1
    titles = titles_of(events, lang, key_titles)
    draw_marks(fig, events, dates, lanes, lang, color_by, source_names)
    legends(fig, events, dates, lang, source_names, color_by)
    limit = LABEL_CHARS.get(lang, 24) if labels != "axis" else None
    named_row = len(era_lookup.clipped(eras, lo_year, hi_year)) > 1
    names = {k: row_name(titles[k], k, events, dates, context, lang, x0, x1, limit) for k in lanes}
    whole = {k: row_name(titles[k], k, events, dates, context, lang, x0, x1) for k in lanes}
    if labels == "axis":
        era_bands(fig, eras, lang, lo_year, hi_year)
    else:
        lane_labels(fig, events, dates, lanes, names, whole, x0, x1, context)
        if named_row:
            era_row(fig, eras, lang, lo_year, hi_year)
        else:  # a window inside one era: its band, and no row for a name that every row shares
            era_bands(fig, eras, lang, lo_year, hi_year, named=False)
        if heading:
            context_header(fig, n_rows - len(context) - 1, lang)
    plot_px = LANE_PX * (n_rows + (1 if named_row else 0))
    # no legend title: Plotly wraps a horizontal legend as if the title took no room, and so runs entries off
    # the right edge; the entries name themselves (the legend's place and room: _place_legend)
    fig.update_layout(barmode="overlay", hovermode="closest", margin=dict(l=SIDE_PX, r=SIDE_PX))
    _date_axes(fig, x0, x1, lang, labels)
    _row_axis(fig, lanes, names, n_rows, named_row, labels)
    if title:
        fig.update_layout(title=title)
    theme.apply(fig)
    named_eras = len(era_lookup.clipped(eras, lo_year, hi_year)) if labels == "axis" else 0
    _place_legend(fig, plot_px, min(2, named_eras))
    # one hover template for every mark, sent once: the row labels and eras set their own
    fig.layout.template.data.bar = [go.Bar(hovertemplate=EVENT_HOVER)]
    fig.layout.template.data.scatter = [go.Scatter(hovertemplate=EVENT_HOVER)]
    return fig


def _date_axes(fig, x0, x1, lang, labels) -> None:
    """Step 3: the dates along the top and again under the last row, ticked alike."""
    axis = dict(
        type="date",
        range=[x0.strftime("%Y-%m-%d"), x1.strftime("%Y-%m-%d")],
        tickformatstops=[
            # on a slide one line each (a slide is wide; its layout reserves one line of dates)
            dict(dtickrange=[a, b], value=f.replace("<br>", " ") if labels == "axis" else f)
            for a, b, f in TICK_FORMATS.get(lang, TICK_FORMATS["ko"])
        ],
    )
    # ticks chosen here, not by Plotly: an overlaying date axis left to choose its own labels them a month
    # off its ticks (plotly.js 3), and few enough for a phone's width
    axis.update(date_ticks(x0, x1, SCREEN_TICKS))
    axis.update(tickangle=0)  # few enough ticks to stand upright on a phone (SCREEN_TICKS)
    fig.update_xaxes(side="top", **axis)
    # the same dates under the last row, so that a reader scrolled down a tall chart still has them: a
    # second axis that follows the first (its one invisible point makes Plotly draw it)
    fig.update_layout(xaxis2=dict(overlaying="x", side="bottom", anchor="y", **axis))
    fig.add_scatter(x=axis["range"], y=[None, None], xaxis="x2", hoverinfo="skip", showlegend=False)


def _row_axis(fig, lanes, names, n_rows, named_row, labels) -> None:
    """Step 4: the rows: named on the axis for a slide (its layout pages them), in the plot on screen."""
    if labels == "axis":
        fig.update_layout(meta=dict(drawn_as=LANES))  # the slide layout pages it by these rows
        fig.update_yaxes(
            tickvals=list(lanes.values()),
            ticktext=[html.escape(names[k]) for k in lanes],
            showgrid=False,
            autorange=False,
            range=[n_rows - 0.5, -0.5],
            # plotly.js's default ("hide past div") measures every label once per label placed: 0.6 s of
            # the lesson bundle's whole timeline (133 rows) in a browser; the labels sit in the automargin
            # anyway, so "allow" draws the same pixels
            ticklabeloverflow="allow",
        )
    else:
        fig.update_yaxes(
            showticklabels=False,
            showgrid=False,
            autorange=False,
            range=[n_rows - 0.5, -1 - ERA_ROW_SPAN / 2 - 0.1 if named_row else -0.6],
        )


def _place_legend(fig, plot_px, era_lines: int = 0) -> None:
    """Step 5: the room above the rows (the title, if any, and the dates) and under them (the dates again,
    `era_lines` of era names, the legend), laid out for the narrowest chart, so that no width the app draws
    the figure at puts one on another. The rows start right under the dates, so that a 1280×720 screen shows
    the window's first events (1917: February to October). A slide's layout (slide_layout.fit) sets all of
    this anew for its known size."""
    title = fig.layout.title.text
    title_px = theme.PAD_PX + (title.count("<br>") + 1) * theme.LINE_PX + 4 if title else 0
    legend_px = legend_height(fig)
    under = BOTTOM_PX + era_lines * ERA_LINE_PX
    height = plot_px + title_px + TOP_DATES_PX + under + legend_px
    fig.update_layout(
        # room for the legend at the narrowest chart, in the margin: a legend taller than its room makes
        # Plotly take the rest from the rows, which a fixed height squeezes onto each other
        height=height,
        margin=dict(t=title_px + TOP_DATES_PX, b=under + legend_px),
        # hung from the chart's own bottom edge (its pixels are fixed), under the bottom dates: placed on the
        # plot instead, it would follow the plot up into the dates if Plotly ever shrank the plot; from the
        # chart's left edge, not the plot's (row names on the axis narrow the plot)
        legend=dict(xref="container", x=0.01, yref="container", y=legend_px / height, yanchor="top"),
    )


def date_ticks(x0: pd.Timestamp, x1: pd.Timestamp, most: int, least_months: int = 0) -> dict:
    """A tick every so many days, months or years, so that at most `most` ticks fall between x0 and x1
    (and never closer than `least_months`: 12 for labels that show only the year)."""
    days = (x1 - x0).days
    for step in (1, 2, 7, 14) if not least_months else ():
        if days / step <= most:
            return dict(tick0="2000-01-03", dtick=step * DAY_MS)  # a Monday: weeks start on one
    months = days / 30.44
    steps = [m for m in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600) if m >= least_months]
    step = next((m for m in steps if months / m <= most), 1200)
    return dict(tick0="2000-01-01", dtick=f"M{step}")


EVENT_HOVER = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{meta[0]}<br><i>“%{customdata[3]}”</i><extra></extra>"
)
