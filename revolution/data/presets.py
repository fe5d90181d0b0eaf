"""The period presets (data/presets.csv): each one's years, the default, the ids links knew them by, and
the one way a span is fitted into the years the data holds."""

from __future__ import annotations

import pandas as pd

from revolution.data.errors import DataError
from revolution.data.table import LINE, records
from revolution.i18n import STRINGS

FILE = "presets.csv"
YES, NO = "yes", "no"  # is_default: the one preset a page opens with, and the others
FLAGS = (YES, NO)
Span = tuple[int, int]


def _years(rec) -> Span | None:
    a, b = rec["start_year"], rec["end_year"]
    return None if a is None or pd.isna(a) else (int(a), int(b))


def years(presets: pd.DataFrame) -> dict[str, Span | None]:
    """Every preset's years in the table's order; None: every year the data holds."""
    return {rec["preset_id"]: _years(rec) for rec in records(presets)}


def aliases(presets: pd.DataFrame) -> dict[str, str]:
    """Each former id (what a link shared before may name) and the preset it now is."""
    out = {}
    for rec in records(presets):
        for old in (rec["former_ids"] or "").split():
            out[old] = rec["preset_id"]
    return out


def resolve(presets: pd.DataFrame, name: str) -> str | None:
    """The preset an id names, its own or a former one; None for no preset."""
    if name in set(presets.preset_id):
        return name
    return aliases(presets).get(name)


def default_id(presets: pd.DataFrame) -> str:
    """The preset a page opens with (is_default = yes: named in the data, not picked by position)."""
    return presets.loc[presets.is_default == YES, "preset_id"].iloc[0]


def clamp(span: Span | None, bounds: Span) -> Span:
    """The years of `span` within the data's `bounds`: its overlap, or every year the data holds when the
    span is None or does not meet them at all (a slider's default is never inverted)."""
    lo, hi = bounds
    if span is None or span[1] < lo or span[0] > hi:
        return bounds
    return max(lo, span[0]), min(hi, span[1])


def span(presets: pd.DataFrame, name: str, bounds: Span) -> Span | None:
    """The years a preset (by its id or a former one) shows within the data's bounds; None for no preset."""
    found = resolve(presets, name)
    return None if found is None else clamp(years(presets)[found], bounds)


def default_span(presets: pd.DataFrame, bounds: Span) -> Span:
    """The default preset's years within the data's bounds."""
    return clamp(years(presets)[default_id(presets)], bounds)


def named(presets: pd.DataFrame, first: int, last: int) -> str | None:
    """The preset whose own years are exactly these, if any."""
    return next((p for p, s in years(presets).items() if s == (first, last)), None)


def check(presets: pd.DataFrame, eras: pd.DataFrame) -> None:
    """Both years or neither, in order; one default; former ids that name nothing else; a preset that shares
    an era's id has the era's years; every preset named in both languages."""
    ids = set(presets.preset_id)
    era_years = {r["era_id"]: (r["start_year"], r["end_year"]) for r in records(eras)}
    seen: set[str] = set()
    for rec in records(presets):
        row, a, b = rec[LINE], rec["start_year"], rec["end_year"]
        if (a is None) != (b is None):
            raise DataError(FILE, row, "end_year", "give both years, or neither (every year the data holds)")
        if a is not None and a > b:
            raise DataError(FILE, row, "start_year", f"the preset starts ({a}) after it ends ({b})")
        era = era_years.get(rec["preset_id"])
        if era is not None and tuple(None if y is None or pd.isna(y) else int(y) for y in era) != (a, b):
            raise DataError(
                FILE,
                row,
                "preset_id",
                f"{rec['preset_id']!r} is also an era, of {era[0]}–{era[1]} in eras.csv: give the preset "
                "the era's years or an id of its own",
            )
        for old in (rec["former_ids"] or "").split():
            if old in ids or old in seen:
                raise DataError(FILE, row, "former_ids", f"{old!r} already names a preset")
            seen.add(old)
        if f"preset_{rec['preset_id']}" not in STRINGS:
            raise DataError(
                FILE, row, "preset_id", f"no name for it: add preset_{rec['preset_id']} to revolution/i18n.py"
            )
    if (presets.is_default == YES).sum() != 1:
        raise DataError(FILE, None, "is_default", "exactly one preset is the default (yes)")
