"""Selecting events and figures: by years, category, source, person, place and a text search in both
languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from revolution.data.load import Dataset


@dataclass(frozen=True)
class EventFilter:
    years: tuple[int, int] | None = None
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    text: str = ""
    # stated, context, reference: where the date comes from (empty: all)
    date_bases: tuple[str, ...] = ()


def year_bounds(events: pd.DataFrame, eras: pd.DataFrame | None = None) -> tuple[int, int] | None:
    """The first and last year any event touches, New Style; with no event, the span of the eras given (the
    data's own periods), else None."""
    if events.empty:
        if eras is None or eras.empty:
            return None
        # an open era has no year at that end: the span of the years the eras do give
        years = pd.concat([eras.start_year, eras.end_year]).dropna()
        return int(years.min()), int(years.max())
    start = events.start_gregorian.str[:4].astype(int)
    return int(start.min()), int(events.end_gregorian.str[:4].astype(int).max())


_YEAR = re.compile(r"\d{3,4}")


def typed_years(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Years typed as a person writes them ("1917", "1917-1921", "1917–1921년", "1917~21"), clipped to
    `lo`..`hi`, in order; None when the text names no year there. A slider over 1100–2017 gives a few years
    a dot's width; typed, 1917–1921 is one line."""
    found = _YEAR.findall(text or "")
    if not found or len(found) > 2:
        return None
    a = int(found[0])
    b = int(found[-1])
    tail = re.search(r"[-–~]\s*(\d{2})\s*년?\s*$", text.strip())
    if len(found) == 1 and tail:  # "1917~21": the second year's last two digits
        b = a // 100 * 100 + int(tail.group(1))
    a, b = sorted((a, b))
    if b < lo or a > hi:
        return None
    return max(lo, a), min(hi, b)


def _matches(frame: pd.DataFrame, columns: list[str], text: str) -> pd.Series:
    needle = text.strip().casefold()
    hit = pd.Series(False, index=frame.index)
    for col in columns:
        hit |= frame[col].fillna("").astype(str).str.casefold().str.contains(needle, regex=False)
    return hit


EVENT_TEXT = [
    "event_id",
    "title_ko",
    "title_en",
    "aliases_ko",
    "aliases_en",
    "quote",
    "date_text",
    "notes_ko",
    "notes_en",
    "event_key",
]
FIGURE_TEXT = ["figure_id", "measure_ko", "measure_en", "quote", "notes_ko", "notes_en", "group"]


def events(data: Dataset, f: EventFilter) -> pd.DataFrame:
    """The events that pass every filter given; an empty filter passes all."""
    ev = data.events
    keep = pd.Series(True, index=ev.index)
    if f.years:
        lo, hi = f.years
        keep &= (ev.end_gregorian.str[:4].astype(int) >= lo) & (ev.start_gregorian.str[:4].astype(int) <= hi)
    if f.categories:
        keep &= ev.category.isin(f.categories)
    if f.sources:
        keep &= ev.source_id.isin(f.sources)
    if f.people:
        ids = data.event_people[data.event_people.person_id.isin(f.people)].event_id
        keep &= ev.event_id.isin(ids)
    if f.places:
        ids = data.event_places[data.event_places.place_id.isin(f.places)].event_id
        keep &= ev.event_id.isin(ids)
    if f.date_bases:
        keep &= ev.date_basis.isin(f.date_bases)
    if f.text.strip():
        keep &= _matches(ev, EVENT_TEXT, f.text)
    return ev[keep]


def figures(data: Dataset, sources=(), groups=(), text: str = "") -> pd.DataFrame:
    fig = data.figures
    keep = pd.Series(True, index=fig.index)
    if sources:
        keep &= fig.source_id.isin(sources) | fig.source_id.isna()
    if groups:
        keep &= fig.group.isin(groups)
    if text.strip():
        keep &= _matches(fig, FIGURE_TEXT, text)
    return fig[keep]


def tellings(data: Dataset, event_key: str) -> pd.DataFrame:
    """Every row, from either text, that tells the event with this key."""
    return data.events[data.events.event_key == event_key]


def shared_keys(events: pd.DataFrame) -> list[str]:
    """Event keys told by more than one source, in order of their first date."""
    per = events.groupby("event_key").agg(n=("source_id", "nunique"), first=("start_gregorian", "min"))
    return list(per[per.n > 1].sort_values("first").index)
