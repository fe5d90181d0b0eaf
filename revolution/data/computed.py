"""The one place a row's computed columns come from: an event's New Style dates and its era, read from its
typed columns. The loader checks them with it, `fill` writes them with it, the intake proposes with it."""

from __future__ import annotations

from revolution.data import calendar
from revolution.data.eras import era_of

COLUMNS = ("start_gregorian", "end_gregorian", "era")


def event_columns(rec: dict, eras) -> dict:
    """{start_gregorian, end_gregorian, era} of an event from its start, end, precision and calendar;
    `eras` a frame or a list of dicts. Raises ValueError for a date that names no day (2월 30일)."""
    lo, hi = calendar.new_style_interval(
        str(rec["start"]), str(rec["end"]), rec["precision"], rec["calendar"]
    )
    return {
        "start_gregorian": lo.isoformat(),
        "end_gregorian": hi.isoformat(),
        "era": era_of(int(str(rec["start"])[:4]), eras),
    }
