"""What every chart shares: hover templates, type and mark sizes, the colour and hatch of a bound,
the reference cross, and small helpers for names, legends and fills."""

from __future__ import annotations

import plotly.graph_objects as go

from revolution.views import theme

HOVER = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>“%{customdata[2]}”</i><extra></extra>"
BOUND_COLOUR = theme.BOUND  # vermillion: the colour of 'the text gives only a bound'

HOVER_CHARS = 50  # a hover line wraps at this many characters (Korean has few spaces to break at)
LABEL_PX = 13  # text written in a chart (row names, era names): at least 12 px as drawn, on a phone too
MARK_PX = 13  # a timeline mark, and its legend swatch
ARROW_LENGTH = 0.14  # of the axis: long enough to read as 'and on', short of the next label


# What a builder tells the slide layout about the figure it drew (in `layout.meta`), so that the layout
# never has to guess from tick values: a timeline of one named row per event, to be paged by rows.
LANES = "lanes"


def drawn_as(fig: go.Figure) -> str | None:
    meta = fig.layout.meta
    return meta.get("drawn_as") if isinstance(meta, dict) else None


REF_MARKER = dict(symbol="x-thin-open", size=16, color="#333333", line=dict(width=3, color="#333333"))
REF_HOVER = (
    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>%{customdata[2]}</i><extra>%{fullData.name}</extra>"
)


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def legend_entry(fig: go.Figure, name: str, group: str, marker: dict) -> None:
    """A legend entry alone (a trace with no point): it shows the mark and names it for every trace of its
    group, which share its `legendgroup` and so are toggled with it."""
    fig.add_scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=group, marker=marker)


def one_or_each(values: list) -> list | str:
    """One value for the whole trace when every point has it (sent once), else one per point."""
    return values[0] if len(set(values)) == 1 else values


def pale_colour(hex_colour: str, alpha: float = 0.28) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


HATCH = dict(shape="/", fgcolor=BOUND_COLOUR, bgcolor=pale_colour(BOUND_COLOUR, 0.12), solidity=0.35)
