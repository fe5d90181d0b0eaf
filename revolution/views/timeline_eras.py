"""The timeline's eras: shaded bands behind the rows, named in a row of their own, under the dates (a slide)
or over an overview's bars."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from revolution.data import eras as era_lookup
from revolution.views import format as fmt
from revolution.views import measure, theme
from revolution.views.chart_marks import HOVER_CHARS, LABEL_PX
from revolution.views.timeline_sizes import BOTTOM_PX, ERA_LINE_PX, NARROWEST_PX, SIDE_PX


def era_row(fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int) -> None:
    """Eras as shaded bands behind the events, each named in the row above the first event (-1) inside a
    clear bar across its band: the browser, which alone knows the chart's width, draws a name only where
    its band holds it (`uniformtext`: a name that would have to shrink under LABEL_PX is hidden, never run
    onto its neighbours); the bar's hover names the era and its years at any width."""
    for n, era, a, b in era_lookup.clipped(eras, lo_year, hi_year):
        era_band(fig, n, a, b)
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


def era_lane(fig: go.Figure, eras: pd.DataFrame, lang: str, lo_year: int, hi_year: int, y: float) -> None:
    """Eras as shaded bands behind an overview's bars, and their names in a row of their own above them (a
    band too narrow for its name at the narrowest chart keeps the band; its name is in the hover of the
    band's row)."""
    span = hi_year + 1 - lo_year
    for n, era, a, b in era_lookup.clipped(eras, lo_year, hi_year):
        era_band(fig, n, a, b)
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


def era_bands(
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
        era_band(fig, n, a, b, **(label if named else {}))


def era_band(fig: go.Figure, n: int, a: int, b: int, **label) -> None:
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
