"""Figure builders: pure functions from data frames to Plotly figures, every mark carrying its quote."""

from __future__ import annotations

import html
import math
from datetime import date

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from revolution import limits
from revolution.data import calendar as cal
from revolution.data import categories, qualifiers
from revolution.i18n import category, t
from revolution.views import format as fmt
from revolution.views import theme

HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>“%{customdata[2]}”</i><extra></extra>"
BOUND_COLOUR = theme.PALETTE[3]  # vermillion: the colour of 'the text gives only a bound'
HATCH = dict(shape="/", fgcolor=BOUND_COLOUR, bgcolor="rgba(213,94,0,0.12)", solidity=0.35)
HOVER_CHARS = 50  # a hover line wraps at this many characters (Korean has few spaces to break at)
LABEL_PX = 13  # text written in a chart (row names, era names): at least 12 px as drawn, on a phone too
MARK_PX = 13  # a timeline mark, and its legend swatch
ARROW_LENGTH = 0.14  # of the axis: long enough to read as 'and on', short of the next label


REF_MARKER = dict(symbol="x-thin-open", size=16, color="#333333", line=dict(width=3, color="#333333"))
REF_HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>%{customdata[2]}</i><extra>%{fullData.name}</extra>"
)


def _ref_custom(refs: pd.DataFrame) -> list[list[str]]:
    out = []
    for r in refs.to_dict("records"):
        value = f"{r['value']:g}" + (
            f" ({r['value_low']:g}–{r['value_high']:g})" if pd.notna(r["value_low"]) else ""
        )
        note = "; ".join(str(x) for x in (r["scope"], r["caveat"]) if isinstance(x, str) and x)
        out.append(
            [
                fmt.wrap(f"{r['quantity']}: {value} {r['unit']}", HOVER_CHARS),
                fmt.wrap(f"{r['source_title']} — {r['strength']}", HOVER_CHARS),
                fmt.wrap(note or "—", HOVER_CHARS),
            ]
        )
    return out


def _add_refs_beside(fig: go.Figure, refs: pd.DataFrame, labels: dict, lang: str, **where) -> None:
    """Reference values as open crosses beside the row of the figure they sit beside (bar-style charts).

    The crosses sit off the row's centre line, where the bar's value label is: Plotly's grouped scatter mode
    shifts the crosses' offset group away from an empty companion group's, so "55% 초과" is never
    crossed out."""
    if refs is None or refs.empty:
        return
    y = [labels[f] for f in refs.figure_id]
    fig.add_scatter(
        x=refs.value,
        y=y,
        mode="markers",
        marker=REF_MARKER,
        name=t("other_sources", lang),
        legendgroup="refs",
        customdata=_ref_custom(refs),
        hovertemplate=REF_HOVER,
        cliponaxis=False,
        orientation="h",
        offsetgroup="refs",
        **where,
    )
    fig.add_scatter(
        x=[None] * len(y),
        y=y,
        mode="markers",
        orientation="h",
        offsetgroup="refs_room",
        hoverinfo="skip",
        **(where | {"showlegend": False}),
    )
    fig.update_layout(scattermode="group", scattergap=0.1)


def _add_refs_over_time(fig: go.Figure, refs: pd.DataFrame, lang: str) -> None:
    """Reference values at their year (a year-valued reference marks the year on the 100 line)."""
    if refs is None or refs.empty:
        return
    is_year = refs.unit.eq("year")
    x = [int(v) if y else int(p) for v, y, p in zip(refs.value, is_year, refs.period_start)]
    y = [100 if yr else v for v, yr in zip(refs.value, is_year)]
    fig.add_scatter(
        x=x,
        y=y,
        mode="markers",  # no id beside each cross: ids piled on the text's own labels; the hover names it
        marker=REF_MARKER,
        name=t("other_sources", lang),
        customdata=_ref_custom(refs),
        hovertemplate=REF_HOVER,
    )


def _custom(rows: pd.DataFrame, lang: str, source_names: dict) -> list[list[str]]:
    out = []
    for r in rows.to_dict("records"):
        label = f"{fmt.pick(r, 'measure', lang)}: {fmt.stated(r, lang)}"
        src = source_names.get(r["source_id"], "") if pd.notna(r["source_id"]) else t("derived", lang)
        if r.get("kind") == "derived":
            src = t("derived_how", lang, how=r["derivation"])
        out.append([fmt.wrap(label, HOVER_CHARS), fmt.wrap(src, HOVER_CHARS), fmt.quote_with_gloss(r, lang)])
    return out


def _row_label(row: dict, lang: str) -> str:
    """A bar's name on the axis, in lines of 11 em: a long name would take a phone's whole width."""
    return theme.wrap_title(fmt.pick(row, "measure", lang), em=11)


def _count_ticks(top: float, unit: str, lang: str) -> dict:
    """Korean counts people in 만 (10,000), as the texts do: ticks '100만', '200만' rather than 1,000,000
    (English: 1M, 2M); at most four, so they stay level on a phone."""
    if unit not in ("persons", "count") or top < 20_000:
        return {}
    raw = top / 3
    scale = 10 ** math.floor(math.log10(raw))
    step = next(m * scale for m in (1, 2, 5, 10) if m * scale >= raw)
    vals = [i * step for i in range(int(top // step) + 1)]
    group = fmt.MAN.get(lang)  # Korean counts in 만, as format.number does
    if group:
        text = [f"{v / group[0]:,g}{group[1]}" for v in vals]
    else:  # English says 1M: short enough that three ticks stay level on a phone
        text = [f"{v / 1e6:g}M" if step >= 1e6 else f"{v / 1e3:g}k" for v in vals]
    return {"tickvals": vals, "ticktext": ["0" if v == 0 else x for v, x in zip(vals, text)]}


def _title(group: dict, lang: str) -> str:
    return group[f"title_{lang}"]


def bounds_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """Bars for shares the text bounds: an 'over' bar is solid to its bound with an arrow onward; an 'under'
    bar is hatched (anywhere up to its bound) with an arrow back; no bound is drawn as an exact value."""
    rows = rows.reset_index(drop=True)
    labels = [_row_label(r, lang) for r in rows.to_dict("records")]
    custom = _custom(rows, lang, source_names)
    vocab = [qualifiers.get(q) for q in rows.qualifier]
    exact = pd.Series([q.solid for q in vocab], index=rows.index)
    fig = go.Figure()
    for mask, name, style in (
        (exact, t("exact_legend", lang), dict(color=theme.PALETTE[0])),
        (
            ~exact,
            t("bound_legend", lang),
            dict(color="rgba(0,0,0,0)", pattern=HATCH, line=dict(color=theme.PALETTE[3], width=2)),
        ),
    ):
        if mask.any():
            idx = rows.index[mask]
            base = [rows.value_low[i] if vocab[i].spans else 0 for i in idx]
            width = [rows.value_high[i] - rows.value_low[i] if vocab[i].spans else rows.value[i] for i in idx]
            fig.add_bar(
                y=[labels[i] for i in idx],
                x=width,
                base=base,
                orientation="h",
                name=name,
                marker=style,
                text=[fmt.stated(rows.loc[i], lang) for i in idx],
                textposition="outside",
                constraintext="none",  # never shrunk to the bar's thickness: read at full size
                customdata=[custom[i] for i in idx],
                hovertemplate=HOVER,
                cliponaxis=False,
            )
    biggest = max(
        float(rows.value.max()), float(refs.value.max()) if refs is not None and not refs.empty else 0
    )
    top = max(100.0, biggest * 1.3) if rows.unit.eq("percent").all() else biggest * 1.5
    _bound_arrows(fig, rows, labels, top)
    _add_refs_beside(fig, refs, dict(zip(rows.figure_id, labels)), lang)
    fig.update_layout(
        title=_title(group, lang), barmode="overlay", bargap=0.45, height=max(380, 110 * len(rows) + 220)
    )
    fig.update_xaxes(
        range=[0, top], title=t("value", lang) + (" (%)" if rows.unit.eq("percent").all() else "")
    )
    fig.update_yaxes(autorange="reversed")
    return theme.apply(fig)


def index_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """An index over years (pre-war = 100), one line per source, with the pre-war level marked."""
    rows = rows.sort_values("period_start")
    fig = go.Figure()
    for source_id, part in rows.groupby("source_id", sort=False):
        fig.add_scatter(
            x=part.period_start.astype(int),
            y=part.value,
            mode="lines+markers+text",
            name=source_names.get(source_id, source_id),
            text=[fmt.stated(r, lang) for r in part.to_dict("records")],
            textposition="top center",
            marker=dict(size=14, color=theme.SOURCE_COLORS.get(source_id)),
            line=dict(width=3),
            customdata=_custom(part, lang, source_names),
            hovertemplate=HOVER,
        )
    if maddison is not None and not maddison.empty:
        fig.add_scatter(
            x=maddison.year,
            y=maddison["index"],
            mode="lines+markers",
            name=theme.wrap_title(t("maddison_line", lang), em=14),  # a long legend entry, cut on a phone
            line=dict(dash="dash", color=theme.MUTED, width=2),
            marker=dict(size=6, color=theme.MUTED),
            hovertemplate="%{x}: %{y}<extra>Maddison 2020</extra>",
        )
    _add_refs_over_time(fig, refs, lang)
    fig.add_hline(
        y=100,
        line=dict(dash="dot", color=theme.MUTED),
        annotation_text=t("prewar_line", lang),
        annotation_position="bottom right",
    )
    fig.update_layout(title=_title(group, lang), height=480, showlegend=True)
    fig.update_xaxes(title=t("year", lang), tickformat="d")  # 1921, not 1,921
    peak = max(
        [float(rows.value.max())]
        + ([float(maddison["index"].max())] if maddison is not None and not maddison.empty else [])
    )
    fig.update_yaxes(title=t("index_axis", lang), range=[0, max(120, peak * 1.15)])
    return theme.apply(fig)


def rank_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """World rank over time; first place at the top."""
    rows = rows.sort_values("period_start")
    fig = go.Figure()
    for source_id, part in rows.groupby("source_id", sort=False):
        fig.add_scatter(
            x=part.period_start.astype(int),
            y=part.value,
            mode="lines+markers+text",
            name=source_names.get(source_id, source_id),
            line=dict(width=3),
            marker=dict(size=18, color=theme.SOURCE_COLORS.get(source_id)),
            text=[fmt.stated(r, lang) for r in part.to_dict("records")],
            textposition="middle right",
            customdata=_custom(part, lang, source_names),
            hovertemplate=HOVER,
        )
    _add_refs_over_time(fig, refs, lang)
    fig.update_layout(title=_title(group, lang), height=420)
    fig.update_xaxes(title=t("year", lang), tickformat="d")  # 1921, not 1,921
    fig.update_yaxes(
        title=t("rank_axis", lang), autorange=False, range=[float(rows.value.max()) + 1, 0.5], dtick=1
    )
    return theme.apply(fig)


def bars_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """Horizontal bars, one panel per unit so people and percentages never share an axis; colour by source,
    dotted for derived values, hatched where the text gives only a bound."""
    units = list(dict.fromkeys(rows.unit))
    fig = make_subplots(
        rows=len(units),
        cols=1,
        vertical_spacing=0.12 if len(units) > 1 else 0.02,
        row_heights=[max(1, (rows.unit == u).sum()) for u in units],
    )
    shown = set()
    kind = rows["kind"] if "kind" in rows else pd.Series("stated", index=rows.index)
    series = rows.assign(series=[("derived" if k == "derived" else s) for k, s in zip(kind, rows.source_id)])
    for n, unit in enumerate(units, 1):
        part = series[series.unit == unit]
        order = [_row_label(r, lang) for r in part.to_dict("records")]
        for name, sub in part.groupby("series", sort=False):
            derived = name == "derived"
            label = t("derived", lang) if derived else source_names.get(name, name)
            color = theme.PALETTE[2] if derived else theme.SOURCE_COLORS.get(name, theme.PALETTE[0])
            bounded = [not qualifiers.get(q).solid for q in sub.qualifier]
            shapes = ["." if derived else ("/" if b else "") for b in bounded]
            fig.add_bar(
                y=[_row_label(r, lang) for r in sub.to_dict("records")],
                x=sub.value,
                orientation="h",
                row=n,
                col=1,
                name=label,
                legendgroup=label,
                showlegend=label not in shown,
                cliponaxis=False,
                marker=dict(color=color, pattern=dict(shape=shapes, solidity=0.4)),
                text=[fmt.stated(r, lang) for r in sub.to_dict("records")],
                textposition="outside",
                constraintext="none",  # never shrunk to the bar's thickness: read at full size
                customdata=_custom(sub, lang, source_names),
                hovertemplate=HOVER,
            )
            shown.add(label)
        near = refs[refs.figure_id.isin(part.figure_id)] if refs is not None else None
        if near is not None and not near.empty:
            labels = dict(zip(part.figure_id, order))
            _add_refs_beside(fig, near, labels, lang, row=n, col=1, showlegend="refs" not in shown)
            shown.add("refs")
        top = float(part.value.max()) * 1.45
        _bound_arrows(fig, part, order, top, xref="x" if n == 1 else f"x{n}", yref="y" if n == 1 else f"y{n}")
        fig.update_xaxes(range=[0, top], row=n, col=1, **_count_ticks(top, unit, lang))
        fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], row=n, col=1)
    fig.update_layout(
        title=_title(group, lang),
        barmode="overlay",
        height=max(400, 80 * len(rows) + 170 * len(units) + 160),
    )
    return theme.apply(fig)


def _bound_arrows(fig: go.Figure, rows: pd.DataFrame, labels: list, top: float, xref="x", yref="y") -> None:
    """An arrow from the end of each bar whose value is a bound: onward for 'over', back for 'under' (the
    qualifier vocabulary says which)."""
    for label, value, code in zip(labels, rows.value, rows.qualifier):
        direction = qualifiers.get(code).arrow
        if not direction:
            continue
        head = value + top * ARROW_LENGTH * direction
        if direction < 0 and value >= 0:  # back, but not past zero into the row names (a short bar: no room)
            head = max(head, 0)
        fig.add_annotation(
            x=head,
            y=label,
            ax=value,
            ay=label,
            axref=xref,
            ayref=yref,
            xref=xref,
            yref=yref,
            showarrow=True,
            arrowhead=3,
            arrowsize=1.4,
            arrowwidth=2.5,
            arrowcolor=BOUND_COLOUR,
            text="",
            yshift=-14,
        )


BUILDERS = {"bounds": bounds_chart, "index": index_chart, "rank": rank_chart, "bars": bars_chart}


def group_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """The chart for one group of figures, drawn the way its `chart` kind says; reference values from other
    sources (and, on the index chart, the Maddison GDP-per-head index) when given."""
    return BUILDERS[group["chart"]](rows, group, lang, source_names, refs=refs, maddison=maddison)


def headline_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """A headline card's small chart: the group's own chart (a bound drawn as a bound, other sources as
    crosses), without the title and legend the card already gives, low enough to sit beside its value."""
    fig = group_chart(rows, group, lang, source_names, refs=refs, maddison=maddison)
    fig.update_layout(
        title=None,
        showlegend=False,
        height=240 + 30 * max(0, len(rows) - 2),
        margin=dict(l=10, r=30, t=10, b=10),
        font=dict(size=13),
    )
    fig.update_xaxes(title=None)
    fig.update_yaxes(title=None)
    # the card prints each value in large type just above; beside a bar on a phone it ran off the chart
    fig.update_traces(text=None, selector=dict(type="bar"))
    return fig


def alt_text(rows: pd.DataFrame, group: dict, lang: str) -> str:
    """A one-paragraph text alternative: the chart's title and every value as stated."""
    items = "; ".join(
        f"{fmt.pick(r, 'measure', lang)} {fmt.stated(r, lang)} "
        f"({fmt.period(r['period_start'], r['period_end'])})"
        for r in rows.to_dict("records")
    )
    return f"{_title(group, lang)}: {items}"


# --- timeline ----------------------------------------------------------------------------------------

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


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend_entry(fig: go.Figure, name: str, group: str, marker: dict) -> None:
    """A legend entry alone (a trace with no point): it shows the mark and names it for every trace of its
    group, which share its `legendgroup` and so are toggled with it."""
    fig.add_scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=group, marker=marker)


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
        _legend_entry(fig, name, value, dict(color=colour, symbol=marker, size=MARK_PX))
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
                colours = _one_or_each([colour if solid else _pale(colour) for solid in ~pale])
                # a date the sentence does not give (the text around it, or a standard chronology): dotted
                inferred = (tellings.get("date_basis", "stated") != "stated").to_numpy()[spans]
                shapes = _one_or_each(["." if i else style["pattern"] for i in inferred])
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


def _one_or_each(values: list) -> list | str:
    """One value for the whole trace when every point has it (sent once), else one per point."""
    return values[0] if len(set(values)) == 1 else values


def _pale(hex_colour: str, alpha: float = 0.28) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _source_legend(fig: go.Figure, source_names: dict) -> None:
    """Two legend entries that explain the marks' fill: which text is filled, which open."""
    for source_id, style in SOURCE_STYLE.items():
        if source_id in source_names:
            symbol = "square-open" if style["open"] else "square"
            marker = dict(color=theme.MUTED, symbol=symbol, size=MARK_PX)
            _legend_entry(fig, source_names[source_id], f"src_{source_id}", marker)


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
        text = _short(titles[key], LABEL_CHARS.get(lang, 24))
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


# --- two sources, people and places ------------------------------------------------------------------


def coverage_chart(events: pd.DataFrame, lang: str, source_names: dict) -> go.Figure:
    """Events per decade, per source, on a time axis: each bar stands over its ten years, so the empty
    centuries between the 1100s and the 1670s show as the gap they are."""
    decade = events.start_gregorian.str[:4].astype(int) // 10 * 10
    counts = events.assign(decade=decade).groupby(["decade", "source_id"]).size().unstack(fill_value=0)
    fig = go.Figure()
    label = [f"{d}{t('decade_suffix', lang)}" for d in counts.index]
    for source_id in counts.columns:
        fig.add_bar(
            x=[d + 5 for d in counts.index],  # the middle of the decade
            y=counts[source_id],
            name=source_names.get(source_id, source_id),
            marker_color=theme.SOURCE_COLORS.get(source_id),
            customdata=label,
            hovertemplate="%{customdata}: %{y}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(title=t("coverage", lang), barmode="group", bargap=0.05, height=420)
    fig.update_xaxes(
        title=t("year", lang), type="linear", tickformat="d", ticksuffix=fmt.YEAR_SUFFIX.get(lang, "")
    )
    fig.update_yaxes(title=t("n_events_axis", lang))
    return theme.apply(fig)


def mentions_chart(
    counts: pd.DataFrame, labels: dict, lang: str, source_names: dict, title: str, top: int = 15
) -> go.Figure:
    """Mentions per name and source, the most mentioned first. `counts`: id, source_id, mentions."""
    key = counts.columns[0]
    totals = counts.groupby(key).mentions.sum().sort_values(ascending=False)
    keep = list(totals[totals > 0].index[:top])
    fig = go.Figure()
    for source_id, part in counts[counts[key].isin(keep)].groupby("source_id", sort=True):
        part = part.set_index(key).reindex(keep)
        fig.add_bar(
            y=[labels.get(k, k) for k in keep],
            x=part.mentions,
            orientation="h",
            name=source_names.get(source_id, source_id),
            marker_color=theme.SOURCE_COLORS.get(source_id),
            hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(title=title, barmode="stack", height=max(320, 30 * len(keep) + 160))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("mentions", lang))
    return theme.apply(fig)


# the narrowest plot a place name must fit: a 390-px phone less the page's margins and the axis' ticks
PHONE_PLOT_PX = 200


def _free_labels(x, y, labels, radii, px_per_x: float, px_per_y: float, size: int) -> list[str | None]:
    """Where each label (in order of priority) can go — above, below or right of its point — without
    touching a label already placed, beyond its marker (`radii`, px), at `px_per_x`/`px_per_y` pixels per
    unit; None: hover only."""
    x, y, radii = list(x), list(y), list(radii)
    boxes, where = [], []
    left, right = min(x) * px_per_x - 10, max(x) * px_per_x + 10
    # a place at a bigger place's point (Siberia at Russia's, Kronstadt at Petrograd's: within 3 units)
    # is named in the hover only
    inside = [
        any(rk > ri and math.hypot(xk - xi, yk - yi) < 3 for xk, yk, rk in zip(x, y, radii))
        for xi, yi, ri in zip(x, y, radii)
    ]
    for xi, yi, text, r, hidden in zip(x, y, labels, radii, inside):
        if hidden:
            where.append(None)
            continue
        # a little larger than drawn (type, offsets and the plot's real scale all vary a few pixels)
        w = sum(size if ord(ch) > 0x1100 else size * 0.6 for ch in str(text)) + 10
        h, cx, cy, r = size * 1.7, xi * px_per_x, yi * px_per_y, r + 3
        spots = {
            "top center": (cx - w / 2, cx + w / 2, cy + r, cy + r + h),
            "bottom center": (cx - w / 2, cx + w / 2, cy - r - h, cy - r),
            "middle right": (cx + r, cx + r + w, cy - h / 2, cy + h / 2),
        }  # not left: a name there runs over the axis' tick labels
        spot = next(
            (
                name
                for name, box in spots.items()
                if left <= box[0]
                and box[1] <= right  # inside the plot, off the axis' tick labels
                and all(box[1] < b[0] or box[0] > b[1] or box[3] < b[2] or box[2] > b[3] for b in boxes)
            ),
            None,
        )
        where.append(spot)
        if spot:
            boxes.append(spots[spot])
    return where


def places_chart(places: pd.DataFrame, counts: pd.DataFrame, lang: str, label_px: int = 13) -> go.Figure:
    """Places at their coordinates, sized by mentions; no base map, so nothing is fetched. Only the names
    that fit a phone-width plot without touching another name are written (most mentioned first); every
    place names itself in the hover. `label_px`: the names' type size (a slide's is larger, so it writes
    fewer names: the slide's plot is no wider than a phone's in degrees per pixel)."""
    total = counts.groupby("place_id").mentions.sum()
    located = (
        places.dropna(subset=["lat", "lon"])
        .assign(n=lambda d: d.place_id.map(total).fillna(0))
        .sort_values(["n", "place_id"], ascending=[False, True])
    )
    names = located[f"name_{lang}"]
    span = float(located.lon.max() - located.lon.min()) * 1.1 or 1.0
    per_x = PHONE_PLOT_PX / span
    sizes = located.n.clip(lower=1) ** 0.5 * 6 + 6
    shown = _free_labels(located.lon, located.lat, names, sizes / 2, per_x, per_x * 1.4, label_px)
    fig = go.Figure(
        go.Scatter(
            x=located.lon,
            y=located.lat,
            mode="markers+text",
            text=[n if s else "" for n, s in zip(names, shown)],
            textposition=[s or "top center" for s in shown],
            textfont=dict(size=label_px),
            marker=dict(
                size=sizes,
                color=theme.PALETTE[0],
                opacity=0.7,
                line=dict(color="white", width=1),
            ),
            customdata=list(zip(names, located.n.astype(int).astype(str))),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_layout(title=t("map_title", lang), height=560, showlegend=False)
    fig.update_xaxes(title=t("lon", lang))
    fig.update_yaxes(title=t("lat", lang), scaleanchor="x", scaleratio=1.4)
    return theme.apply(fig)
