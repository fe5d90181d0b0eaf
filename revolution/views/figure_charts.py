"""Figure groups: pure functions from the figures a text states to Plotly figures, every mark carrying
its quote."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from revolution.data import qualifiers, sources
from revolution.i18n import t
from revolution.views import format as fmt
from revolution.views import theme
from revolution.views.chart_marks import (
    ARROW_LENGTH,
    BOUND_COLOUR,
    HATCH,
    HOVER,
    HOVER_CHARS,
    REF_HOVER,
    REF_MARKER,
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
    floor = pd.Series([q.arrow > 0 for q in vocab], index=rows.index)
    ceiling = pd.Series([q.arrow < 0 for q in vocab], index=rows.index)
    hatched = dict(color="rgba(0,0,0,0)", pattern=HATCH, line=dict(color=theme.BOUND, width=2))
    fig = go.Figure()
    # one legend entry per kind of mark drawn: a value as stated, a floor (solid, an arrow onward), a ceiling
    # (hatched, an arrow back), a range (hatched across it); "over 55%" is a bound, not a value as stated
    for mask, name, style in (
        (exact & ~floor, t("exact_legend", lang), dict(color=theme.STATED)),
        (
            floor,
            t("bound_over_legend", lang),
            dict(color=theme.STATED, line=dict(color=theme.BOUND, width=2)),
        ),
        (ceiling, t("bound_under_legend", lang), hatched),
        (~exact & ~ceiling, t("bound_legend", lang), hatched),
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


def _over_years(rows: pd.DataFrame, lang: str, source_names: dict, mark_px: int, text_at: str) -> go.Figure:
    """A value over the years, one line per source with each point's value written beside it as stated:
    what the index and the rank charts share."""
    fig = go.Figure()
    by_date = rows.sort_values("period_start")
    for source_id in sources.ordered(rows.source_id.unique(), source_names):
        part = by_date[by_date.source_id == source_id]
        style = sources.style(source_names, source_id)
        fig.add_scatter(
            x=part.period_start.astype(int),
            y=part.value,
            mode="lines+markers+text",
            name=source_names.get(source_id, source_id),
            text=[fmt.stated(r, lang) for r in part.to_dict("records")],
            textposition=text_at,
            marker=dict(
                size=mark_px, color=style.colour, symbol=style.symbol, line=dict(width=2, color=style.colour)
            ),
            line=dict(width=3, color=style.colour),
            customdata=_custom(part, lang, source_names),
            hovertemplate=HOVER,
        )
    fig.update_xaxes(title=t("year", lang), tickformat="d")  # 1921, not 1,921
    return fig


def index_chart(
    rows: pd.DataFrame,
    group: dict,
    lang: str,
    source_names: dict,
    refs: pd.DataFrame | None = None,
    maddison: pd.DataFrame | None = None,
) -> go.Figure:
    """An index over years (pre-war = 100), one line per source, with the pre-war level marked."""
    fig = _over_years(rows, lang, source_names, 14, "top center")
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
        # above the line's left end: the right end is where the index comes back to 100 (its point, its
        # label, other sources' crosses), and a label there sat under them
        annotation_position="top left",
    )
    fig.update_layout(title=_title(group, lang), height=480, showlegend=True)
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
    fig = _over_years(rows, lang, source_names, 18, "middle right")
    _add_refs_over_time(fig, refs, lang)
    fig.update_layout(title=_title(group, lang), height=420)
    fig.update_yaxes(
        title=t("rank_axis", lang), autorange=False, range=[float(rows.value.max()) + 1, 0.5], dtick=1
    )
    return theme.apply(fig)


LEGEND_RANK = 900  # before Plotly's default (1000): the other sources' entries follow the texts'
BOUNDS_RANK = 1100  # what a bound's marks mean: after the texts and the other sources


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
            color = theme.DERIVED if derived else sources.style(source_names, name).colour
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
                # the texts in the legend in the data's order (the bars keep the rows' order), ours last
                legendrank=LEGEND_RANK + list(source_names).index(name)
                if name in source_names
                else LEGEND_RANK + len(source_names),
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
    _bounds_key(fig, rows, lang)
    fig.update_layout(
        title=_title(group, lang),
        barmode="overlay",
        height=max(400, 80 * len(rows) + 170 * len(units) + 160),
    )
    return theme.apply(fig)


def _bounds_key(fig: go.Figure, rows: pd.DataFrame, lang: str) -> None:
    """Legend entries that say what a bound's marks are (an arrow onward: a floor; an arrow back on a
    hatched bar: a ceiling; hatched across: a range), for the kinds the chart draws: the texts' entries name
    only their colours. In the bounds chart's words, in the bounds' colour, after every other entry."""
    drawn = {qualifiers.get(q) for q in rows.qualifier}
    arrow = dict(mode="markers", hoverinfo="skip", legendrank=BOUNDS_RANK)
    if any(q.arrow > 0 for q in drawn):
        fig.add_scatter(
            x=[None], y=[None], name=t("bound_over_legend", lang),
            marker=dict(symbol="arrow-right", size=14, color=theme.BOUND), **arrow,
        )  # fmt: skip
    if any(q.arrow < 0 for q in drawn):
        fig.add_scatter(
            x=[None], y=[None], name=t("bound_under_legend", lang),
            marker=dict(symbol="arrow-left", size=14, color=theme.BOUND), **arrow,
        )  # fmt: skip
    if any(q.spans for q in drawn):
        fig.add_bar(
            x=[None], y=[None], orientation="h", name=t("bound_legend", lang), hoverinfo="skip",
            marker=dict(color="rgba(0,0,0,0)", pattern=HATCH, line=dict(color=theme.BOUND, width=2)),
            legendrank=BOUNDS_RANK,
        )  # fmt: skip


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
