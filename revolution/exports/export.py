"""Downloads: the filtered rows as CSV that a spreadsheet opens safely, provenance columns included."""

from __future__ import annotations

import pandas as pd

# A cell starting with one of these is read as a formula by spreadsheets (CSV injection); OWASP adds tab and
# CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a formula-looking text cell with an apostrophe so it is shown as text, never run."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV with a BOM (so Excel reads Hangul), every text cell neutralised."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise, na_action="ignore")
    return out.to_csv(index=False).encode("utf-8-sig")
