"""The timeline: events on one axis, one row each, with eras as bands, or counted per period when there
are too many to draw one by one."""

from __future__ import annotations

import html
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from revolution import limits
from revolution.data import calendar as cal
from revolution.data import categories, sources
from revolution.data import eras as era_lookup
from revolution.data.calendar import MARK_KINDS, mark_kind
from revolution.data.table import records
from revolution.i18n import category, t
from revolution.views import format as fmt
from revolution.views import measure, theme
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

LANE_PX = 24  # one row per event: room for a 13 px label and a 14 px mark
LABEL_CHARS = {"ko": 20, "en": 32}  # a lane's label past this ends in '…'; the hover has it whole
TOP_DATES_PX = (
    52  # above the rows on screen: the dates alone, up to two lines (the legend is under the chart)
)
# one row of legend entries, as measured in Chromium: Plotly sets a line of 16 px type 23.8 px high and leaves
# its `tracegroupgap` (10 px) under each row, every entry being a group of its own (it toggles its marks)
LEGEND_ROW_PX = 34
LEGEND_TYPE_PX = 16  # the legend's type size (the template's)
# The narrowest a timeline is drawn on screen: a Slides page preview on a 390 px phone (its expander leaves
# the chart 324 px; the Timeline page's chart is wider). The server never learns a chart's width, so what
# must fit at every width (the legend's rows, an era's name) is laid out for this one.
NARROWEST_PX = 324
SIDE_PX = 12  # the chart's margin on each side
OVERVIEW_YEARS = 80  # a longer span is drawn as an overview (events per period, under the eras), not a pile
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


PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}
TICK_FORMATS = {  # tick labels by the distance between ticks, so that no two ticks read the same
    "ko": [
        (None, 86_400_000 * 27, "%-m월 %-d일"),
        (86_400_000 * 27, 86_400_000 * 360, "%Y년<br>%-m월"),  # two short lines: four fit a phone
        (86_400_000 * 360, None, "%Y년"),
    ],
    "en": [
        (None, 86_400_000 * 27, "%-d %b"),
        (86_400_000 * 27, 86_400_000 * 360, "%b<br>%Y"),  # one line on a slide: "%b %Y"
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


def _era_row(fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int) -> None:
    """Eras as shaded bands behind the events, each named in the row above the first event (-1) inside a
    clear bar across its band: the browser, which alone knows the chart's width, draws a name only where
    its band holds it (`uniformtext`: a name that would have to shrink under LABEL_PX is hidden, never run
    onto its neighbours); the bar's hover names the era and its years at any width."""
    for n, era, a, b in era_lookup.clipped(eras, lo_year, hi_year):
        _era_band(fig, n, a, b)
        title = era[f"title_{lang}"]
        x0, x1 = pd.Timestamp(f"{a}-01-01"), pd.Timestamp(f"{b + 1}-01-01")
        fig.add_bar(
            base=[x0.strftime("%Y-%m-%d")],
            x=[(x1 - x0).total_seconds() * 1000],
            y=[-1],
            orientation="h",
            # a little over its row: Plotly fits a name inside with 3 px to spare above and below, and Noto's
            # 13 px line (19 px) would have to shrink in a 24 px row
            width=ERA_ROW_SPAN,
            marker=dict(color="rgba(0,0,0,0)", line=dict(width=0)),
            text=[title],
            textposition="inside",
            insidetextanchor="middle",
            textangle=0,
            textfont=dict(size=LABEL_PX, color=theme.MUTED),
            hovertemplate=f"{fmt.wrap(title, HOVER_CHARS)} ({fmt.era_years(era, lang)})<extra></extra>",
            showlegend=False,
        )
    fig.update_layout(uniformtext=dict(minsize=LABEL_PX, mode="hide"))


ERA_ROW_SPAN = 1.2  # rows the era names' bars take, centred on their row (-1)


def _era_lane(fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int, y: float) -> None:
    """Eras as shaded bands behind an overview's bars, and their names in a row of their own above them (a
    band too narrow for its name at the narrowest chart keeps the band; its name is in the hover of the
    band's row)."""
    span = hi_year + 1 - lo_year
    for n, era, a, b in era_lookup.clipped(eras, lo_year, hi_year):
        _era_band(fig, n, a, b)
        title = era[f"title_{lang}"]
        middle = (
            pd.Timestamp(f"{a}-01-01") + (pd.Timestamp(f"{b + 1}-01-01") - pd.Timestamp(f"{a}-01-01")) / 2
        )
        fits = era_name_fits(title, (b + 1 - a) / span)
        fig.add_scatter(
            x=[middle.strftime("%Y-%m-%d")],
            y=[y],
            mode="text" if fits else "markers",
            text=[title],
            textfont=dict(size=LABEL_PX, color=theme.MUTED),
            marker=dict(size=8, symbol="line-ew", color=theme.MUTED, line=dict(width=2, color=theme.MUTED)),
            hovertemplate=f"{fmt.wrap(title, HOVER_CHARS)} ({fmt.era_years(era, lang)})<extra></extra>",
            showlegend=False,
        )


def _era_bands(
    fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int, named: bool = True
) -> None:
    """Eras as shaded bands named from their start under the bottom dates, every other name a line lower so
    that neighbours never share a line (a slide's layout puts them on one line and drops a name its band is
    too narrow for)."""
    for k, (n, era, a, b) in enumerate(era_lookup.clipped(eras, lo_year, hi_year)):
        label = dict(
            annotation_text=era[f"title_{lang}"],
            annotation_position="bottom left",
            annotation=dict(
                font=dict(size=12, color=theme.MUTED),
                y=0,
                yanchor="top",
                yshift=-BOTTOM_PX - (k % 2) * ERA_LINE_PX,
            ),
        )
        _era_band(fig, n, a, b, **(label if named else {}))


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


def era_name_fits(title: str, share: float, plot_px: float = NARROWEST_PX - 2 * SIDE_PX) -> bool:
    """Whether an era's name, centred on its band, stays inside a band of `share` of the axis at the
    narrowest chart (a name wider than its band runs onto its neighbours' names)."""
    return measure.text_width(title, LABEL_PX) + 8 <= share * plot_px


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
    titles = _titles(events, lang, key_titles)
    _draw_marks(fig, events, dates, lanes, lang, color_by, source_names)
    _legends(fig, events, dates, lang, source_names, color_by)
    limit = LABEL_CHARS.get(lang, 24) if labels != "axis" else None
    era_row = len(era_lookup.clipped(eras, lo_year, hi_year)) > 1
    names = {k: _row_name(titles[k], k, events, dates, context, lang, x0, x1, limit) for k in lanes}
    whole = {k: _row_name(titles[k], k, events, dates, context, lang, x0, x1) for k in lanes}
    if labels == "axis":
        _era_bands(fig, eras, lang, lo_year, hi_year)
    else:
        _lane_labels(fig, events, dates, lanes, names, whole, x0, x1, context)
        if era_row:
            _era_row(fig, eras, lang, lo_year, hi_year)
        else:  # a window inside one era: its band, and no row for a name that every row shares
            _era_bands(fig, eras, lang, lo_year, hi_year, named=False)
        if heading:
            _context_header(fig, n_rows - len(context) - 1, lang)
    plot_px = LANE_PX * (n_rows + (1 if era_row else 0))
    # no legend title: Plotly wraps a horizontal legend as if the title took no room, and so runs entries off
    # the right edge; the entries name themselves (the legend's place and room: _place_legend)
    fig.update_layout(barmode="overlay", hovermode="closest", margin=dict(l=SIDE_PX, r=SIDE_PX))
    _date_axes(fig, x0, x1, lang, labels)
    _row_axis(fig, lanes, names, n_rows, era_row, labels)
    if title:
        fig.update_layout(title=title)
    theme.apply(fig)
    named_eras = len(era_lookup.clipped(eras, lo_year, hi_year)) if labels == "axis" else 0
    _place_legend(fig, plot_px, min(2, named_eras))
    # one hover template for every mark, sent once: the row labels and eras set their own
    fig.layout.template.data.bar = [go.Bar(hovertemplate=EVENT_HOVER)]
    fig.layout.template.data.scatter = [go.Scatter(hovertemplate=EVENT_HOVER)]
    return fig


def _draw_marks(fig, events, dates, lanes, lang, color_by, source_names) -> None:
    """Step 1: every telling as the mark its extent and precision call for, one trace per colour, text and
    kind of mark; a legend entry per colour (by text, it is the text's own entry, `_source_legend`)."""
    by_category = color_by == "category"
    marks = {k: t(f"mark_{k}", lang) for k in MARK_KINDS}
    texts = sources.ordered(events.source_id.unique(), source_names)
    # each text's marks sit at its own height in the row, in legend order, so tellings never cover each other
    offsets = {
        s: (i - (len(texts) - 1) / 2) * min(0.32, 0.64 / max(1, len(texts) - 1)) for i, s in enumerate(texts)
    }
    for value in categories.order(events.category.unique()) if by_category else texts:
        part = events[events.category == value] if by_category else events[events.source_id == value]
        if by_category:
            colour, name = categories.get(value).colour, category(value, lang)
            # a stroke of colour, not a mark: every mark's shape belongs to its text
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=name,
                legendgroup=value,
                line=dict(color=colour, width=6),
            )
        else:
            colour, name = sources.style(source_names, value).colour, source_names.get(value, value)
        for source_id in sources.ordered(part.source_id.unique(), source_names):
            tellings = part[part.source_id == source_id]
            style = sources.style(source_names, source_id)
            d = dates.loc[tellings.index]
            offset = offsets[source_id]
            y = pd.Series([lanes[k] + offset for k in tellings.event_key], index=tellings.index)
            # per point only what differs by point; the text's name and the kind of mark are the trace's
            # (`meta`), and the hover template is one for all marks (EVENT_HOVER, in the figure's
            # template): less to send
            custom = pd.Series(
                [
                    [
                        r["event_id"],
                        fmt.wrap(r[f"title_{lang}"], HOVER_CHARS),
                        fmt.wrap(f"{fmt.written_date(r, lang)} — {marks[k]}", HOVER_CHARS),
                        fmt.quote_with_gloss(r, lang),
                    ]
                    for r, k in zip(tellings.to_dict("records"), d.kind)
                ],
                index=tellings.index,
            )
            told_by = fmt.wrap(source_names.get(source_id, ""), HOVER_CHARS)
            inferred = (tellings.get("date_basis", "stated") != "stated").reindex(tellings.index)
            common = dict(name=name, legendgroup=value, showlegend=False)
            for kind in MARK_KINDS:
                at = d.index[d.kind == kind]
                if not len(at):
                    continue
                meta = [told_by, kind]
                if kind == "period":
                    # a date the sentence does not give (the text around it, or a chronology): dotted
                    shapes = ["." if i else style.pattern for i in inferred[at]]
                    fills = one_or_each([pale_colour(colour) if p else colour for p in shapes])
                    fig.add_bar(
                        base=d.lo[at].dt.strftime("%Y-%m-%d"),
                        x=((d.hi - d.lo)[at].dt.total_seconds() * 1000),
                        y=list(y[at]),
                        orientation="h",
                        width=0.3,
                        marker=dict(
                            color=fills,
                            line=dict(color=colour, width=1.5),
                            pattern=dict(shape=one_or_each(shapes), fgcolor=colour, solidity=0.3),
                        ),
                        customdata=list(custom[at]),
                        meta=meta,
                        **common,
                    )
                    continue
                if kind != "day":
                    _whiskers(fig, d.loc[at], y[at], colour, inferred[at], custom[at], meta, common)
                middle = d.lo[at] + (d.hi[at] - d.lo[at]) / 2 if kind != "day" else d.lo[at]
                fig.add_scatter(
                    x=middle.dt.strftime("%Y-%m-%d"),
                    y=list(y[at]),
                    mode="markers",
                    # a month, a year or a window has no day to mark: a dot in its middle was read as that
                    # day ("1917년" as 1 July), so its mark there is an invisible target for the hover and
                    # the click, and the whisker alone is seen
                    marker=dict(
                        color=colour,
                        size=MARK_PX,
                        symbol=style.symbol,
                        line=dict(color=colour, width=2),
                        opacity=1 if kind == "day" else 0,
                    ),
                    customdata=list(custom[at]),
                    meta=meta,
                    **common,
                )


def _legends(fig, events, dates, lang, source_names, color_by="category") -> None:
    """Step 2: the legend entries that explain the marks: which text is filled, which kind of mark is which,
    and the dotted fill of a date the sentence does not give. Coloured by text, each text's colour entry
    names it already: its shape entry is not added again (a text listed twice)."""
    _source_legend(fig, events, source_names, by_colour=color_by != "category")
    _mark_legend(fig, set(dates.kind), lang)
    _pattern_legend(fig, events[(dates.kind == "period").values], lang, source_names)
    if "date_basis" in events and events.date_basis.ne("stated").any():
        fig.add_bar(
            x=[None],
            y=[None],
            name=t("legend_inferred", lang),
            marker=dict(color=theme.MUTED, line=dict(color=theme.MUTED, width=1.5), pattern=dict(shape=".")),
        )


def _pattern_legend(fig, periods: pd.DataFrame, lang: str, source_names: dict) -> None:
    """A text whose periods are drawn with a pattern (the manifesto's hatch) says so in the legend: a bar
    in grey with that pattern, named for the text."""
    for source_id in sources.ordered(periods.source_id.unique(), source_names):
        pattern = sources.style(source_names, source_id).pattern
        if not pattern:
            continue
        fig.add_bar(
            x=[None],
            y=[None],
            name=t("legend_text_period", lang, text=source_names.get(source_id, source_id)),
            legendgroup=f"pattern_{source_id}",
            marker=dict(
                color=theme.MUTED,
                line=dict(color=theme.MUTED, width=1.5),
                pattern=dict(shape=pattern, fgcolor=theme.MUTED, solidity=0.3),
            ),
        )


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


def _row_axis(fig, lanes, names, n_rows, era_row, labels) -> None:
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
            range=[n_rows - 0.5, -1 - ERA_ROW_SPAN / 2 - 0.1 if era_row else -0.6],
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


ERA_LINE_PX = 18  # a line of era names (12 px type) under the bottom dates
BOTTOM_PX = TOP_DATES_PX  # under the rows: the dates again, two lines as on top
SCREEN_TICKS = 4  # dates along a chart on screen: "1917년 10월" four times fits a phone's 360 px
DAY_MS = 86_400_000


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


LEGEND_ITEM_PX = 40  # an entry's swatch and the gap after it (measure.legend_rows' default)
LEGEND_LINE_PX = 21  # a second line of an entry's name: 16 px type, as Plotly spaces lines


def legend_height(fig: go.Figure, width: float = NARROWEST_PX - 2 * SIDE_PX) -> int:
    """The pixels the legend takes in `width` (the plot's width at the narrowest chart), its entries, as
    measured in the chart's font, packed left to right; a name wider than a whole row is first broken at a
    space into lines that fit (Plotly never wraps one, and cuts it at the chart's edge)."""
    room = (width - LEGEND_ITEM_PX) / (LEGEND_TYPE_PX * measure.SPARE)
    for tr in fig.data:
        if tr.showlegend is not False and tr.name and measure.text_width(tr.name, LEGEND_TYPE_PX) > width:
            tr.name = theme.wrap_title(tr.name, room)
    names = measure.legend_names(fig)
    widest = [max(n.split("<br>"), key=lambda line: measure.text_width(line, 1)) for n in names]
    lines = sum(n.count("<br>") for n in names)  # at most one extra line per row that holds such a name
    return measure.legend_rows(widest, width, LEGEND_TYPE_PX) * LEGEND_ROW_PX + lines * LEGEND_LINE_PX


def _whiskers(fig, d, y, colour, inferred, custom, meta, common) -> None:
    """Faint lines across the month, year or window an event happened in (dotted for a date the sentence
    does not give), one trace each way, the marks apart by gaps; the dot in the middle is drawn on top."""
    for dotted in sorted(set(inferred)):
        at = inferred.index[inferred == dotted]
        _whisker(fig, d.loc[at], y[at], colour, dotted, custom[at], meta, common)


def _whisker(fig, d, y, colour, dotted, custom, meta, common) -> None:
    xs, ys, cd = [], [], []
    for lo, hi, v, c in zip(d.lo, d.hi, y, custom):
        xs += [lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d"), None]
        ys += [v, v, None]
        cd += [c, c, None]
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="lines+markers",
        # thin, with a tick at each end: the bounds of when it happened, not a bar it lasted
        line=dict(color=pale_colour(colour, 0.5), width=2, dash="dot" if dotted else "solid"),
        marker=dict(symbol="line-ns-open", size=9, color=colour, opacity=0.7, line=dict(width=2)),
        customdata=cd,
        meta=meta,  # its ends answer the hover and the click as well (the figure's one template)
        **common,
    )


KIND_SYMBOL = "circle-open-dot"  # the kinds' entries: a mark no text is drawn with (the texts own the shapes)


def _mark_legend(fig: go.Figure, kinds: set, lang: str) -> None:
    """Legend entries for the kinds of mark drawn: what a dot, a whiskered dot and a bar say about a date."""
    grey = theme.MUTED
    for kind in MARK_KINDS:
        if kind not in kinds:
            continue
        name = t(f"mark_{kind}", lang)
        if kind == "period":
            fig.add_bar(x=[None], y=[None], name=name, marker=dict(color=grey), legendgroup=f"mark_{kind}")
        elif kind == "day":
            legend_entry(fig, name, f"mark_{kind}", dict(color=grey, symbol=KIND_SYMBOL, size=MARK_PX))
        else:
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                name=name,
                legendgroup=f"mark_{kind}",
                # a whisker with no dot, as drawn: the entry's one marker is a tick, like the whisker's ends
                marker=dict(color=grey, size=9, symbol="line-ns-open", line=dict(width=2)),
                line=dict(color=pale_colour(grey, 0.5), width=2),
            )


def _titles(events: pd.DataFrame, lang: str, key_titles: pd.DataFrame | None) -> pd.Series:
    """Each row's name: the event key's canonical name where the table of keys gives one, else its most
    precise telling's title (a day beats a month beats a year)."""
    rank = events.precision.map(PRECISION_RANK)
    best = events.assign(_rank=rank).sort_values(["_rank", "start_gregorian"]).drop_duplicates("event_key")
    titles = best.set_index("event_key")[f"title_{lang}"]
    if key_titles is not None and len(key_titles):
        canon = key_titles.set_index("event_key")[f"title_{lang}"]
        titles = canon.reindex(titles.index).fillna(titles)
    return titles


def _row_name(title, key, events, dates, context, lang, x0, x1, limit=None) -> str:
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


def _context_header(fig: go.Figure, y: float, lang: str) -> None:
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


def _source_legend(fig: go.Figure, events: pd.DataFrame, source_names: dict, by_colour: bool) -> None:
    """One legend entry per text drawn, in the data's order, with its mark's shape and fill: in its colour
    when colour shows the text (the entry then toggles its marks), else in grey."""
    for source_id in sources.ordered(events.source_id.unique(), source_names):
        style = sources.style(source_names, source_id)
        colour = style.colour if by_colour else theme.MUTED
        marker = dict(color=colour, symbol=style.symbol, size=MARK_PX, line=dict(color=colour, width=2))
        group = source_id if by_colour else f"src_{source_id}"
        legend_entry(fig, source_names.get(source_id, source_id), group, marker)


def _lane_labels(fig, events, dates, lanes, names, whole, x0, x1, context=frozenset()) -> None:
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
    values = (
        categories.order(counts[key].unique())
        if by_category
        else sources.ordered(counts[key].unique(), source_names)
    )
    fig = go.Figure()
    for value in values:
        part = counts[counts[key] == value]
        name = category(value, lang) if by_category else source_names.get(value, value)
        colour = categories.get(value).colour if by_category else sources.style(source_names, value).colour
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
