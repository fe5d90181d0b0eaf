"""What the review page shows of a staged text's proposals, and how an editor's table goes back into them."""

from __future__ import annotations

import pandas as pd

from revolution.data import calendar, categories, qualifiers, units
from revolution.intake.files import cell
from revolution.intake.propose import STATUSES

# The columns an editor sees for each table, each proposal right beside its sentence; the others ride along
# unchanged (ids, computed dates, links).
SHOWN = {
    "figures": "status sentence match value value_low value_high qualifier unit quote quote_en measure_ko "
    "measure_en reason".split(),
    "events": "status sentence date_text date_basis start end precision extent calendar calendar_basis "
    "date_context date_context_en quote quote_en title_ko title_en event_key category people places "
    "reason".split(),
    "exclusions": "status sentence match context reason".split(),
    "names": "name_ko kind sentence".split(),
}
# How wide each column is drawn: the sentence and the quote wide, codes and numbers narrow.
WIDE = ("sentence", "quote", "context", "reason", "quote_en")
NARROW = ("value", "value_low", "value_high", "start", "end", "unit", "qualifier", "precision", "extent")
READ_ONLY = {"match", "sentence", "date_text", "name_ko", "kind"}
CHOICES = {
    "status": STATUSES,
    "qualifier": qualifiers.CODES,
    "unit": units.FIGURE_UNITS,
    "precision": tuple(calendar.PATTERNS),
    "extent": calendar.EXTENTS,
    "calendar": calendar.CALENDARS,
    "calendar_basis": calendar.BASES,
    "date_basis": calendar.DATE_BASES[:2],  # a new text gives its dates or leans on itself: no references
    "category": categories.CODES,
    "kind": ("person", "place"),
}


def frame(rows: list[dict], table: str) -> pd.DataFrame:
    """The proposals of one table as the editor's table: its shown columns, numbers as numbers."""
    cols = SHOWN[table]
    out = pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)
    # every cell as text, numbers written as the data files write them: an empty bound stays empty (a
    # number column would show it as "None"), and the loader checks a number typed in
    for c in cols:
        out[c] = [cell(v) for v in out[c]]
    return out.astype("string")


def merged(rows: list[dict], edited: pd.DataFrame) -> list[dict]:
    """The proposals with the editor's cells written over them (row by row, in order); a row whose cells
    changed while it was accepted is marked `edited`."""
    out = []
    for rec, (_, new) in zip(rows, edited.iterrows()):
        rec = dict(rec)
        changed = False
        for col, value in new.items():
            value = None if pd.isna(value) or value == "" else value
            old = rec.get(col)
            old = None if old in ("", None) or (isinstance(old, float) and pd.isna(old)) else old
            if col != "status" and str(old) != str(value):
                try:
                    changed = changed or float(old) != float(value)
                except (TypeError, ValueError):
                    changed = True
            rec[col] = value
        if changed and rec.get("status") == "accepted":
            rec["status"] = "edited"
        out.append(rec)
    return out


def open_count(proposals: dict) -> int:
    return sum(
        r.get("status") == "proposed" for t in ("figures", "events", "exclusions") for r in proposals[t]
    )
