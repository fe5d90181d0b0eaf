"""Tables as a reader sees them: column names and codes in the chosen language (downloads keep the schema's
field names and codes)."""

from __future__ import annotations

import pandas as pd

from revolution import i18n
from revolution.i18n import CODE_WORDS as WORDS
from revolution.i18n import COLUMN_LABELS as LABELS
from revolution.i18n import category

# Columns the data writes in English only: shown in the English interface, left out of the Korean one.
ENGLISH_ONLY = ("notes", "quantity", "scope", "caveat", "beside", "derivation")


def label(column: str, lang: str) -> str:
    """A column's name on screen; a bilingual column (`title_ko`) is named as its base (`title`)."""
    base = column.removesuffix("_ko").removesuffix("_en")
    return LABELS.get(column, LABELS.get(base, {})).get(lang, column)


def word(kind: str, code, lang: str) -> str:
    if pd.isna(code):
        return ""
    return i18n.word(kind, code, lang)


def for_screen(table: pd.DataFrame, lang: str, names: dict | None = None, lookups: dict | None = None):
    """The table as a reader sees it: the other language's columns dropped (and, in Korean, the columns
    the data writes in English only, unless a Korean one is there), codes as words, empty cells empty (never
    'None'). `lookups` maps a column to {code: name} (groups, eras, places). Returns the table and its
    on-screen column names."""
    other = "en" if lang == "ko" else "ko"
    drop = [c for c in table.columns if c.endswith(f"_{other}")]
    if lang == "ko":
        drop += [c for c in ENGLISH_ONLY if c in table]  # its Korean twin (`…_ko`), if any, stays
    out = table.drop(columns=drop).copy()
    for column in out.columns:
        if column in WORDS:
            out[column] = [word(column, c, lang) for c in out[column]]
        elif column == "category":
            out[column] = [category(c, lang) if isinstance(c, str) else "" for c in out[column]]
        elif column == "source_id" and names:
            out[column] = out[column].map(lambda s: names.get(s, s) if isinstance(s, str) else "")
        elif lookups and column in lookups:
            out[column] = out[column].map(
                lambda s, m=lookups[column]: m.get(s, s) if isinstance(s, str) else ""
            )
    for column in out.columns:  # numbers as text, so an empty cell is empty, not 'None'
        if pd.api.types.is_numeric_dtype(out[column]):
            out[column] = [f"{v:,.10g}" if column.startswith("value") else f"{v:g}" for v in out[column]]
            out[column] = out[column].replace("nan", "")
    out = out.astype(object).where(out.notna(), "")
    return out, {c: label(c, lang) for c in out.columns}
