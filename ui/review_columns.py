"""The review page's column settings (Streamlit's, so here in the app's layer): how the tables that
revolution.intake.review_table builds of a staged text's proposals are shown and edited."""

from __future__ import annotations

import streamlit as st

from revolution.i18n import CODE_WORDS, COLUMN_LABELS, category, t
from revolution.intake import review_table as rv


def review_columns(table: str, lang: str) -> dict:
    """The review page's column settings: each column named in the reader's language, the vocabularies'
    columns as choices of their codes, long text wide."""
    out = {}
    for col in rv.SHOWN[table]:
        label = COLUMN_LABELS[col][lang] if col in COLUMN_LABELS else t(f"review_col_{col}", lang)
        width = "large" if col in rv.WIDE else "small" if col in rv.NARROW else "medium"
        if col in rv.CHOICES:
            out[col] = st.column_config.SelectboxColumn(
                label, options=list(rv.CHOICES[col]), format_func=_code_word(col, lang), width=width
            )
        else:
            out[col] = st.column_config.TextColumn(label, width=width)
    return out


def _code_word(col: str, lang: str):
    """How a vocabulary's code is shown in the review tables: its word in the reader's language."""
    if col == "status":
        return lambda code: t(f"review_status_{code}", lang)
    if col == "category":
        return lambda code: category(code, lang)
    if col == "kind":  # a new name's kind: a person or a place, in the reader's words
        return lambda code: t(f"review_name_{code}", lang)
    words = CODE_WORDS[col]
    return lambda code: words[code][lang] if code in words else code
