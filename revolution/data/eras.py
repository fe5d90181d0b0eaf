"""The one era lookup: which era a year falls in, an empty start or end year read as open."""

from __future__ import annotations

import pandas as pd

# Bounds that stand for an open end when a span has to be drawn or compared: past any year a text dates.
OPEN_START, OPEN_END = -10_000, 10_000


def _year(value, open_value: int) -> int:
    return open_value if value is None or pd.isna(value) or value == "" else int(value)


def spans(eras) -> list[tuple[str, int, int]]:
    """(era_id, first year, last year) for each era, open ends as OPEN_START / OPEN_END. `eras` is a frame
    or a list of dicts (the maintainer's tools read the CSV as text)."""
    rows = eras.to_dict("records") if isinstance(eras, pd.DataFrame) else eras
    return [(r["era_id"], _year(r["start_year"], OPEN_START), _year(r["end_year"], OPEN_END)) for r in rows]


def era_of(year: int, eras) -> str | None:
    """The era that holds `year`, or None."""
    return next((e for e, a, b in spans(eras) if a <= year <= b), None)


def clipped(eras, lo_year: int, hi_year: int) -> list[tuple[int, dict, int, int]]:
    """(n, era, a, b) for each era, in order, that overlaps lo_year..hi_year, cut to it."""
    rows = eras.sort_values("start_year", na_position="first").to_dict("records")
    out = []
    for n, (era, (_, a, b)) in enumerate(zip(rows, spans(rows))):
        a, b = max(a, lo_year), min(b, hi_year)
        if a <= b:
            out.append((n, era, a, b))
    return out
