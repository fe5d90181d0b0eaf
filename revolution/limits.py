"""How much one view draws: past these counts a view shows counts per period or the first rows, and says
so."""

from __future__ import annotations

import pandas as pd

# One timeline row per event key is readable up to a few hundred rows; past that no eye can tell them apart.
TIMELINE_ROWS = 300
# Marks in one figures chart: a group is a handful of numbers in the texts; a chart of thousands says nothing.
CHART_ROWS = 60
# Rows a table or a choice list sends to the browser; downloads always carry every row.
TABLE_ROWS = 5_000
CHOICES = 1_000


def head(frame: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, bool]:
    """The first `limit` rows, and whether any were left out."""
    return (frame.iloc[:limit], True) if len(frame) > limit else (frame, False)
