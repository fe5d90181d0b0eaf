"""The project's Plotly template: Hangul-first fonts, a colour-blind-safe palette, type readable on a
slide."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Noto Sans CJK KR is what the project installs (fonts-noto-cjk); the rest are what viewers' machines have.
FONT = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, NanumGothic, sans-serif"
# Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SOURCE_COLORS = {"history": "#0072B2", "manifesto": "#D55E00"}
INK, MUTED, GRID = "#1f2328", "#57606a", "#e6e8eb"
NAME = "revolution"

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=16, color=INK),
        title=dict(
            font=dict(size=22),
            x=0,
            xref="paper",
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=16),
        ),
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis=dict(gridcolor=GRID, zeroline=False, linecolor=MUTED, ticks="outside", automargin=True),
        yaxis=dict(gridcolor=GRID, zeroline=False, linecolor=MUTED, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, bgcolor="rgba(255,255,255,0)"),
        hoverlabel=dict(font=dict(family=FONT, size=14), bgcolor="white", align="left"),
        margin=dict(l=20, r=30, t=110, b=40),
    )
)
pio.templates[NAME] = TEMPLATE


def apply(fig: go.Figure) -> go.Figure:
    fig.update_layout(template=NAME)
    return fig
