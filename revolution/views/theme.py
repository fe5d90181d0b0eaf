"""The project's Plotly template: Hangul-first fonts, a colour-blind-safe palette, type readable on a
slide."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from revolution.views import measure

# Noto Sans CJK KR is what the project installs (fonts-noto-cjk); the rest are what viewers' machines have.
FONT = "Noto Sans CJK KR, Noto Sans KR, Malgun Gothic, Apple SD Gothic Neo, NanumGothic, sans-serif"
# Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# What a colour means, named once (never a palette position): a value the text states exactly, a value it
# gives only a bound of, a share we computed, and a mark that stands for a place.
STATED, BOUND, DERIVED = "#0072B2", "#D55E00", "#009E73"
# A text's colour, marker and fill are data (data/sources.csv, revolution.data.sources): none above.
INK, MUTED, GRID = "#1f2328", "#57606a", "#e6e8eb"
NAME = "revolution"

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=16, color=INK),
        title=dict(
            font=dict(size=22),
            x=0.02,
            xref="container",  # from the chart's left edge, not the plot's (long axis labels push that)
            xanchor="left",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=38),  # below the modebar, which sits at the top right of the chart
        ),
        colorway=PALETTE,
        paper_bgcolor="white",
        plot_bgcolor="white",
        # 2,400,000 rather than 2.4M: the SI suffixes are English abbreviations
        xaxis=dict(
            gridcolor=GRID,
            zeroline=False,
            linecolor=MUTED,
            ticks="outside",
            automargin=True,
            exponentformat="none",
            separatethousands=True,
        ),
        yaxis=dict(
            gridcolor=GRID,
            zeroline=False,
            linecolor=MUTED,
            automargin=True,
            exponentformat="none",
            separatethousands=True,
        ),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, bgcolor="rgba(255,255,255,0)"),
        hoverlabel=dict(font=dict(family=FONT, size=14), bgcolor="white", align="left"),
        margin=dict(l=20, r=30, t=130, b=40),
    )
)
pio.templates[NAME] = TEMPLATE


TITLE_EM = 15  # a title line fits a phone's chart: 15 em of 22 px is 330 px


def wrap_title(text: str, em: float = TITLE_EM) -> str:
    """A title broken into lines of at most `em` (measured in the chart's font), at spaces where it can, so
    no title runs past a narrow chart's edge and is cut."""
    lines, line = [], ""
    for word in str(text).split(" "):
        trial = f"{line} {word}" if line else word
        # `em` is a budget measured in the browser, at the width the title really has: no spare on it
        if line and measure.text_width(trial, 1, spare=1) > em:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    return "<br>".join(lines)


PHONE_PX = 260  # the legend's width in a chart on a 390-px phone (the chart's width less its margins)
LINE_PX, PAD_PX = 30, 38  # a title line of 22 px type; the room above it, under the modebar


def _legend_rows(fig: go.Figure) -> int:
    """How many rows the legend takes on a phone (it sits between the title and the plot)."""
    names = measure.legend_names(fig)
    return measure.legend_rows(names, PHONE_PX, 16, fig.layout.legend.title.text or "")


def apply(fig: go.Figure) -> go.Figure:
    """Our template, a title that fits a phone, and room at the top for the title and the legend under it,
    so neither sits on the other."""
    fig.update_layout(template=NAME)
    title = fig.layout.title.text
    if title and "<br>" not in title:
        fig.update_layout(title_text=wrap_title(title))
    lines = (fig.layout.title.text or "").count("<br>") + 1 if fig.layout.title.text else 0
    below_title = PAD_PX + lines * LINE_PX + 4
    height = fig.layout.height or 450
    # the legend hangs from just under the title across the chart's whole width (not the plot's, which long
    # axis labels narrow on a phone), and the plot starts under the rows it takes there
    fig.update_layout(
        margin_t=below_title + _legend_rows(fig) * 26 + 14,
        legend=dict(xref="container", x=0.02, yref="container", y=1 - below_title / height, yanchor="top"),
    )
    return fig
