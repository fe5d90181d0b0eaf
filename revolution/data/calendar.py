"""Dates as the texts write them: partial ISO dates, their precision, and Old Style to New Style."""

from __future__ import annotations

import calendar as _greg
import re
from datetime import date

from convertdate import julian

PATTERNS = {
    "year": r"\d{4}",
    "decade": r"\d{4}",
    "month": r"\d{4}-\d{2}",
    "day": r"\d{4}-\d{2}-\d{2}",
}
# Russia switched on 1 Feb 1918 O.S., which became 14 Feb 1918 N.S.
JULIAN_LAST_DAY = (1918, 1, 31)


def _julian_month_days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 else 28  # every fourth year, centuries included
    return _greg.monthrange(2001, month)[1]


def bounds(text: str, precision: str, calendar: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day, in the date's own calendar, that a partial date can mean."""
    if not re.fullmatch(PATTERNS[precision], text):
        raise ValueError(f"{text!r} is not a {precision}-precision date (expected {PATTERNS[precision]})")
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if precision in ("year", "decade"):
        return (year, 1, 1), (year, 12, 31)
    month = parts[1]
    if not 1 <= month <= 12:
        raise ValueError(f"{text!r} has no month {month}")
    last = _julian_month_days(year, month) if calendar == "julian" else _greg.monthrange(year, month)[1]
    if precision == "month":
        return (year, month, 1), (year, month, last)
    day = parts[2]
    if not 1 <= day <= last:
        raise ValueError(f"{text!r} has no day {day} in that month")
    return (year, month, day), (year, month, day)


def to_new_style(ymd: tuple[int, int, int], calendar: str) -> date:
    """A day in the given calendar as a proleptic Gregorian (New Style) date."""
    if calendar == "julian":
        if ymd > JULIAN_LAST_DAY:
            raise ValueError(f"{ymd} is after Russia's last Old Style day (1918-01-31)")
        return date(*julian.to_gregorian(*ymd))
    return date(*ymd)


def new_style_interval(start: str, end: str, precision: str, calendar: str) -> tuple[date, date]:
    """The New Style days from the first that `start` can mean to the last that `end` can mean."""
    first, _ = bounds(start, precision, calendar)
    _, last = bounds(end, precision, calendar)
    lo, hi = to_new_style(first, calendar), to_new_style(last, calendar)
    if lo > hi:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    return lo, hi


# The vocabularies of a date's calendar and of how we know it; labels are the i18n keys f"cal_{code}" and
# f"basis_{code}" (in revolution.i18n).
CALENDARS = ("julian", "gregorian", "unspecified")
BASES = ("stated", "convention", "none")
# Where an event's date comes from: its own sentence, another sentence of the same text, or a cited
# standard chronology (labels: revolution.i18n's CODE_WORDS["date_basis"]).
DATE_BASES = ("stated", "context", "reference")
# A written date that names its year: a year in digits (1917년, 68년 5월), a decade or a century.
_NAMES_YEAR = re.compile(r"\d{2,4}\s*(?:년|세기)|\d{4}")


def partial(date_text: str, precision: str) -> bool:
    """A date whose words do not give it whole: a month or a day without its year ('4월', '그해 2월',
    '이튿날', '10월 25일'). Such a date leans on another sentence, which `date_context` must quote."""
    return precision in ("month", "day") and not _NAMES_YEAR.search(date_text or "")


# How the timeline draws dates: as the text writes them, or converted to New Style.
MODES = ("written", "new")


# What an event's dates mean: it happened once, somewhere between start and end, or it lasted from one to
# the other (events.csv's `extent`).
EXTENTS = ("point", "period")
# How a date is drawn, from what the text knows (extent x precision): see `mark_kind`.
MARK_KINDS = ("day", "month", "year", "window", "period")


def mark_kind(row) -> str:
    """How an event is drawn, from its extent and precision: 'period' (it lasted from start to end: a bar);
    'day' (it happened on a day the text gives: a dot); 'month' or 'year' (it happened once, some time in
    that month or year: a dot with a faint whisker across it); 'window' (once, some time in a wider window
    such as a decade, 'summer' or '1920년대 말엽': a dot with a whisker across the window)."""
    if row["extent"] == "period":
        return "period"
    if row["start"] != row["end"] or row["precision"] == "decade":
        return "window"
    return row["precision"]
