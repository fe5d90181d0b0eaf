"""What the Timeline page shows for one choice of filters, built together so the page builds it once per
choice: the chart, the positions of the rows shown, the first events by date for the picker, and its
text alternative."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from . import charts, describe, filters, limits
from .load import Dataset


@dataclass(frozen=True)
class TimelineView:
    figure: go.Figure
    rows: np.ndarray  # positions in data.events of the events shown (positions, not rows: a view stays small)
    listed: tuple[str, ...]  # the first events by date, for the list to choose from
    keys: int  # distinct events (event keys) shown
    alt: str


def timeline(
    data: Dataset, chosen: filters.EventFilter, lang: str, mode: str, color: str, names: dict
) -> TimelineView:
    shown = filters.events(data, chosen)
    fig = charts.timeline_chart(shown, data.eras, lang, mode, color, names, years=chosen.years)
    listed = tuple(shown.sort_values("start_gregorian").event_id[: limits.CHOICES])
    rows = data.events.index.get_indexer(shown.index)
    alt = describe.timeline(shown, chosen.years, len(data.events), lang)
    return TimelineView(fig, rows, listed, shown.event_key.nunique(), alt)
