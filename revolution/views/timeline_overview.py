"""A timeline's overview: how many events start in each year (or 5 or 10 years), under the eras, for a span
too long or too full to draw one row per event."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from revolution.data import categories, sources
from revolution.i18n import category, t
from revolution.views import theme
from revolution.views.timeline_eras import era_lane
from revolution.views.timeline_sizes import TICK_FORMATS


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
        era_lane(fig, eras, lang, lo_year, hi_year, top * 1.12)
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
