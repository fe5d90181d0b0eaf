"""The eras, the timeline's bands: which era holds a year, looked up in one place (the loader, `fill` and the
synthetic corpora all ask here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def _year(value) -> int | None:
    """A start or end year, or None where it is open (empty in the CSV, NA in a frame)."""
    if value is None or value == "" or value != value:  # NaN/NA is not equal to itself
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def era_of(year: int, eras: Iterable[Mapping]) -> str | None:
    """The id of the first era whose years hold `year` (an empty start or end is open), or None."""
    for era in eras:
        lo, hi = _year(era["start_year"]), _year(era["end_year"])
        if (lo is None or lo <= year) and (hi is None or year <= hi):
            return era["era_id"]
    return None
