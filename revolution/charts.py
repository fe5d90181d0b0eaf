"""Figure builders: pure functions from data frames to Plotly figures, every mark carrying its quote."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from . import calendar as cal
from . import format as fmt
from . import limits, theme
from .i18n import category, t

HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>“%{customdata[2]}”</i><extra></extra>"
HATCH = dict(shape="/", fgcolor=theme.PALETTE[3], bgcolor="rgba(213,94,0,0.12)", solidity=0.35)


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
                fmt.wrap(f"{r['quantity']}: {value} {r['unit']}", 50),
                fmt.wrap(f"{r['source_title']} — {r['strength']}", 50),
                fmt.wrap(note or "—", 50),
            ]
        )
    return out


def _add_refs_beside(fig: go.Figure, refs: pd.DataFrame, labels: dict, lang: str, **where) -> None:
    """Reference values as open crosses in a slot of their own beside the figure's bar (bar-style charts),
    so a cross never covers the bar's value label."""
    if refs is None or refs.empty:
        return
    fig.update_layout(barmode="group", scattermode="group", scattergap=0.1)
    fig.for_each_trace(lambda tr: tr.update(offsetgroup="stated"), selector=dict(type="bar"))
    fig.add_scatter(
        orientation="h",
        offsetgroup="refs",
        x=refs.value,
        y=[labels[f] for f in refs.figure_id],
        mode="markers",
        marker=REF_MARKER,
        name=t("other_sources", lang),
        legendgroup="refs",
        customdata=_ref_custom(refs),
        hovertemplate=REF_HOVER,
        cliponaxis=False,
        **where,
    )


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
        mode="markers+text",
        marker=REF_MARKER,
        name=t("other_sources", lang),
        text=[r["ref_id"] for r in refs.to_dict("records")],
        textposition="bottom center",
        textfont=dict(size=12, color=theme.MUTED),
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
        out.append([fmt.wrap(label, 50), fmt.wrap(src, 50), fmt.wrap(r["quote"])])
    return out


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
    """Bars for shares the text bounds: an 'over' bar is solid to its bound with an arrow onward; an
    'under'
    bar
    is hatched (anywhere up to its bound) with an arrow back; no bound is drawn as an exact value."""
    rows = rows.reset_index(drop=True)
    labels = [fmt.pick(r, "measure", lang) for r in rows.to_dict("records")]
    custom = _custom(rows, lang, source_names)
    exact = rows.qualifier.isin(["exact", "approx", "more_than"])
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
            base = [rows.value_low[i] if rows.qualifier[i] == "range" else 0 for i in idx]
            width = [
                rows.value_high[i] - rows.value_low[i] if rows.qualifier[i] == "range" else rows.value[i]
                for i in idx
            ]
            fig.add_bar(
                y=[labels[i] for i in idx],
                x=width,
                base=base,
                orientation="h",
                name=name,
                marker=style,
                text=[fmt.stated(rows.loc[i], lang) for i in idx],
                textposition="outside",
                customdata=[custom[i] for i in idx],
                hovertemplate=HOVER,
                cliponaxis=False,
            )
    biggest = max(
        float(rows.value.max()), float(refs.value.max()) if refs is not None and not refs.empty else 0
    )
    top = max(100.0, biggest * 1.3) if rows.unit.eq("percent").all() else biggest * 1.5
    for i, r in rows.iterrows():
        if r.qualifier in ("more_than", "less_than"):
            step = top * 0.14 * (1 if r.qualifier == "more_than" else -1)
            fig.add_annotation(
                x=r.value + step,
                y=labels[i],
                ax=r.value,
                ay=labels[i],
                axref="x",
                ayref="y",
                xref="x",
                yref="y",
                showarrow=True,
                arrowhead=3,
                arrowsize=1.4,
                arrowwidth=2.5,
                arrowcolor=theme.PALETTE[3],
                text="",
                yshift=-14,
            )
    fig.update_layout(barmode="overlay")
    _add_refs_beside(fig, refs, dict(zip(rows.figure_id, labels)), lang)
    fig.update_layout(title=_title(group, lang), bargap=0.45, height=max(260, 110 * len(rows) + 140))
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
            name=t("maddison_line", lang),
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
    fig.update_xaxes(title=t("year", lang))
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
    fig.update_xaxes(title=t("year", lang))
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
    """Horizontal bars, one panel per unit so people and percentages never share an axis; colour by
    source,
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
        order = [fmt.pick(r, "measure", lang) for r in part.to_dict("records")]
        for name, sub in part.groupby("series", sort=False):
            derived = name == "derived"
            label = t("derived", lang) if derived else source_names.get(name, name)
            color = theme.PALETTE[2] if derived else theme.SOURCE_COLORS.get(name, theme.PALETTE[0])
            bounded = ~sub.qualifier.isin(["exact", "approx"])
            shapes = ["." if derived else ("/" if b else "") for b in bounded]
            fig.add_bar(
                y=[fmt.pick(r, "measure", lang) for r in sub.to_dict("records")],
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
                customdata=_custom(sub, lang, source_names),
                hovertemplate=HOVER,
            )
            shown.add(label)
        near = refs[refs.figure_id.isin(part.figure_id)] if refs is not None else None
        if near is not None and not near.empty:
            labels = dict(zip(part.figure_id, order))
            _add_refs_beside(fig, near, labels, lang, row=n, col=1, showlegend="refs" not in shown)
            shown.add("refs")
        fig.update_xaxes(range=[0, float(part.value.max()) * 1.45], row=n, col=1)
        fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], row=n, col=1)
    fig.update_layout(
        title=_title(group, lang),
        barmode="group" if "refs" in shown else "overlay",
        height=max(300, 80 * len(rows) + 120 * len(units) + 80),
    )
    return theme.apply(fig)


BUILDERS = {"bounds": bounds_chart, "index": index_chart, "rank": rank_chart, "bars": bars_chart}


def group_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """The chart for one group of figures, drawn the way its `chart` kind says; reference values from
    other
    sources (and, on the index chart, the Maddison GDP-per-head index) when given."""
    return BUILDERS[group["chart"]](rows, group, lang, source_names, refs=refs, maddison=maddison)


def alt_text(rows: pd.DataFrame, group: dict, lang: str) -> str:
    """A one-paragraph text alternative: the chart's title and every value as stated."""
    items = "; ".join(
        f"{fmt.pick(r, 'measure', lang)} {fmt.stated(r, lang)} "
        f"({fmt.period(r['period_start'], r['period_end'])})"
        for r in rows.to_dict("records")
    )
    return f"{_title(group, lang)}: {items}"


# --- timeline
# -------------------------------------------------------------------------------------------------


def _written_day(ymd: tuple[int, int, int]) -> date:
    y, m, d = ymd
    try:
        return date(y, m, d)
    except (
        ValueError
    ):  # 29 February in a Julian-only leap year, drawn on the last Gregorian day of that month
        return date(y, m, 28)


def plot_dates(events: pd.DataFrame, mode: str) -> pd.DataFrame:
    """First and last day to draw for each event: New Style, or the text's own dates as written."""
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
    return out


def _lanes(events: pd.DataFrame, lang: str) -> dict[str, int]:
    """One row per event key, in order of first date, so both texts' tellings of an event share a
    row."""
    first = events.sort_values(["start_gregorian", "event_id"]).drop_duplicates("event_key")
    return {k: i for i, k in enumerate(first.event_key)}


def timeline_chart(
    events: pd.DataFrame,
    eras: pd.DataFrame,
    lang: str,
    mode: str,
    color_by: str,
    source_names: dict,
    years: tuple[int, int] | None = None,
) -> go.Figure:
    """All events on one axis: periods as bars, dated events as markers, eras as shaded bands; past
    `limits.TIMELINE_ROWS` rows, events counted per year instead (see `density_chart`)."""
    fig = go.Figure()
    if events.empty:
        fig.update_layout(title=t("no_rows", lang), height=300)
        return theme.apply(fig)
    if events.event_key.nunique() > limits.TIMELINE_ROWS:
        return density_chart(events, lang, color_by, source_names, years)
    dates = plot_dates(events, mode)
    lanes = _lanes(events, lang)
    # each row is named after its most precise telling (a day beats a month beats a year)
    rank = events.precision.map({"day": 0, "month": 1, "year": 2, "decade": 3})
    best = events.assign(_rank=rank).sort_values(["_rank", "start_gregorian"]).drop_duplicates("event_key")
    titles = best.set_index("event_key").loc[list(lanes)].reset_index()
    ticktext = [fmt.wrap(r[f"title_{lang}"], 30).split("<br>")[0] for r in titles.to_dict("records")]
    offset = {"history": -0.18, "manifesto": 0.18}
    symbols = {"history": "circle", "manifesto": "diamond"}
    key = "category" if color_by == "category" else "source_id"
    palette = (theme.PALETTE * 2) if key == "category" else None
    for n, (value, part) in enumerate(events.groupby(key, sort=True)):
        color = palette[n % len(palette)] if palette else theme.SOURCE_COLORS.get(value, theme.PALETTE[n])
        name = category(value, lang) if key == "category" else source_names.get(value, value)
        d = dates.loc[part.index]
        y = [lanes[k] + offset.get(s, 0) for k, s in zip(part.event_key, part.source_id)]
        custom = [
            [
                r["event_id"],
                fmt.wrap(f"{r[f'title_{lang}']} — {r['date_text']}", 50),
                fmt.wrap(source_names.get(r["source_id"], ""), 50),
                fmt.wrap(r["quote"]),
            ]
            for r in part.to_dict("records")
        ]
        hover = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br><i>“%{customdata[3]}”</i><extra></extra>"
        per = d.period.values
        if per.any():
            fig.add_bar(
                base=d.lo[per].dt.strftime("%Y-%m-%d"),
                x=((d.hi - d.lo)[per].dt.total_seconds() * 1000),
                y=[v for v, p in zip(y, per) if p],
                orientation="h",
                width=0.32,
                name=name,
                legendgroup=name,
                marker=dict(color=color, opacity=0.75),
                customdata=[c for c, p in zip(custom, per) if p],
                hovertemplate=hover,
            )
        if (~per).any():
            mid = d.lo[~per] + (d.hi[~per] - d.lo[~per]) / 2
            fig.add_scatter(
                x=mid.dt.strftime("%Y-%m-%d"),
                y=[v for v, p in zip(y, per) if not p],
                mode="markers",
                name=name,
                legendgroup=name,
                showlegend=not per.any(),
                marker=dict(
                    color=color,
                    size=13,
                    line=dict(color="white", width=1),
                    symbol=[symbols.get(s, "circle") for s, p in zip(part.source_id, per) if not p],
                ),
                customdata=[c for c, p in zip(custom, per) if not p],
                hovertemplate=hover,
            )
    lo_year, hi_year = years or (int(dates.lo.dt.year.min()), int(dates.hi.dt.year.max()))
    span = hi_year + 1 - lo_year
    for n, era in enumerate(eras.to_dict("records")):
        a, b = max(era["start_year"], lo_year), min(era["end_year"], hi_year)
        if a > b:
            continue
        # a band too narrow for its name keeps the band and gives the name to the hover of the axis
        # instead
        label = era[f"title_{lang}"] if (b + 1 - a) / span > 0.14 else ""
        fig.add_vrect(
            x0=f"{a}-01-01",
            x1=f"{b + 1}-01-01",
            fillcolor=theme.GRID if n % 2 else "#f6f8fa",
            opacity=0.6,
            layer="below",
            line_width=0,
            annotation_text=label,
            annotation_position="top left",
            annotation=dict(font=dict(size=12, color=theme.MUTED)),
        )
    fig.update_layout(
        barmode="overlay",
        height=max(360, 26 * len(lanes) + 180),
        hovermode="closest",
        legend=dict(title=t("color_category" if key == "category" else "color_source", lang)),
    )
    fig.update_xaxes(
        type="date",
        range=[f"{lo_year}-01-01", f"{hi_year + 1}-01-01"],
        title=t("date_axis", lang),
        tickformat="%Y" if hi_year - lo_year >= 3 else "%Y-%m",
    )
    fig.update_yaxes(
        tickvals=list(range(len(lanes))),
        ticktext=ticktext,
        autorange="reversed",
        range=[len(lanes) - 0.5, -0.5],
        showgrid=False,
    )
    return theme.apply(fig)


def _bins(lo_year: int, hi_year: int) -> int:
    """Years per bar: one year up to 150 years shown, then 5 or 10, so that a bar stays wide enough to
    hover."""
    span = hi_year + 1 - lo_year
    return 1 if span <= 150 else 5 if span <= 750 else 10


def density_chart(
    events: pd.DataFrame, lang: str, color_by: str, source_names: dict, years: tuple[int, int] | None = None
) -> go.Figure:
    """Too many events to draw one by one: how many start in each year (or 5 or 10 years), stacked by
    category
    or source. Counts are computed here, so the figure's size depends on the span, not on the number of
    events."""
    start = events.start_gregorian.str[:4].astype(int)
    lo_year, hi_year = years or (int(start.min()), int(events.end_gregorian.str[:4].astype(int).max()))
    step = _bins(lo_year, hi_year)
    key = "category" if color_by == "category" else "source_id"
    counts = (
        events.assign(bin=(start - lo_year) // step * step + lo_year)
        .groupby([key, "bin"], sort=True)
        .size()
        .rename("n")
        .reset_index()
    )
    fig = go.Figure()
    for n, (value, part) in enumerate(counts.groupby(key, sort=True)):
        name = category(value, lang) if key == "category" else source_names.get(value, value)
        own = theme.PALETTE[n % len(theme.PALETTE)]
        color = own if key == "category" else theme.SOURCE_COLORS.get(value, own)
        label = [str(b) if step == 1 else f"{b}–{b + step - 1}" for b in part.bin]
        fig.add_bar(
            x=[f"{b}-01-01" for b in part.bin],
            y=part.n,
            name=name,
            marker_color=color,
            width=[step * 365.25 * 86_400_000 * 0.9] * len(part),
            offset=0,
            hovertext=label,
            hovertemplate="%{hovertext}: %{y:,}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(
        title=t("density_title", lang, n=f"{len(events):,}", step=step),
        barmode="stack",
        height=480,
        legend=dict(title=t("color_category" if key == "category" else "color_source", lang)),
    )
    fig.update_xaxes(
        type="date",
        range=[f"{lo_year}-01-01", f"{hi_year + 1}-01-01"],
        title=t("date_axis", lang),
        tickformat="%Y",
    )
    fig.update_yaxes(title=t("n_events_axis", lang))
    return theme.apply(fig)


# --- two sources, people and places
# ----------------------------------------------------------------------------


def coverage_chart(events: pd.DataFrame, lang: str, source_names: dict) -> go.Figure:
    """Events per decade, per source."""
    decade = events.start_gregorian.str[:4].astype(int) // 10 * 10
    counts = events.assign(decade=decade).groupby(["decade", "source_id"]).size().unstack(fill_value=0)
    fig = go.Figure()
    for source_id in counts.columns:
        fig.add_bar(
            x=[f"{d}s" if lang == "en" else f"{d}년대" for d in counts.index],
            y=counts[source_id],
            name=source_names.get(source_id, source_id),
            marker_color=theme.SOURCE_COLORS.get(source_id),
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(title=t("coverage", lang), barmode="group", height=420)
    fig.update_xaxes(title=t("decade", lang), type="category")
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


def places_chart(places: pd.DataFrame, counts: pd.DataFrame, lang: str) -> go.Figure:
    """Places at their coordinates, sized by mentions; no base map, so nothing is fetched."""
    total = counts.groupby("place_id").mentions.sum()
    located = places.dropna(subset=["lat", "lon"]).assign(n=lambda d: d.place_id.map(total).fillna(0))
    fig = go.Figure(
        go.Scatter(
            x=located.lon,
            y=located.lat,
            mode="markers+text",
            text=located[f"name_{lang}"],
            textposition="top center",
            marker=dict(
                size=(located.n.clip(lower=1) ** 0.5 * 6 + 6),
                color=theme.PALETTE[0],
                opacity=0.7,
                line=dict(color="white", width=1),
            ),
            customdata=located[["place_id", "n"]].astype(str).values,
            hovertemplate="%{text}: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_layout(title=t("map_title", lang), height=560, showlegend=False)
    fig.update_xaxes(title=t("lon", lang))
    fig.update_yaxes(title=t("lat", lang), scaleanchor="x", scaleratio=1.4)
    return theme.apply(fig)
