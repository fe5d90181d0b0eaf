"""What other sources say beside the texts' figures, and the Maddison GDP-per-head index computed from its
CSV."""

from __future__ import annotations

import pandas as pd

from revolution.views import format as fmt

MADDISON_CITATION = (
    "Maddison Project Database, version 2020. Bolt, Jutta and Jan Luiten van Zanden (2020), "
    "'Maddison style estimates of the evolution of the world economy. A new 2020 update'. CC BY 4.0."
)


def beside(references: pd.DataFrame, figure_ids) -> pd.DataFrame:
    """The reference rows that sit beside any of the given figures."""
    return references[references.figure_id.isin(list(figure_ids))]


def maddison_index(maddison: pd.DataFrame, base_year: int = 1913) -> pd.DataFrame:
    """GDP per head as an index, base year = 100, computed from the series (never typed)."""
    base = maddison.loc[maddison.year == base_year, "gdp_per_head_2011_intl_dollars"]
    if base.empty:
        raise ValueError(f"the Maddison series has no {base_year}")
    out = maddison[["year"]].copy()
    out["index"] = (100 * maddison.gdp_per_head_2011_intl_dollars / float(base.iloc[0])).round(1)
    return out


def range_text(refs: pd.DataFrame) -> str:
    """'23.3–24.9' or '58' for the values a set of references gives."""
    if refs.empty:
        return ""
    lo, hi = float(refs.value.min()), float(refs.value.max())
    fmt = lambda v: f"{v:g}"
    return fmt(lo) if lo == hi else f"{fmt(lo)}–{fmt(hi)}"


LOCALISED = ("quantity", "scope", "caveat")


def in_language(refs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reference rows with their descriptive columns in the reader's language (the data keeps the
    English in `quantity`, `scope`, `caveat` and the Korean in `…_ko`); sources and locators stay as cited."""
    if lang != "ko" or refs is None:
        return refs
    return refs.assign(**{c: refs[f"{c}_ko"] for c in LOCALISED})


REF_UNIT = {"percent": "%", "percent of 1913": "%", "percent per year": "%"}


def said_by(refs: pd.DataFrame, lang: str) -> str:
    """'23.3–24.9% (위키백과, 리처드 파이프스, 레닌)': what other sources give, with their short names."""
    if refs.empty:
        return "—"
    unit = refs.unit.iloc[0]
    values = range_text(refs)
    if unit == "persons":
        lo, hi = float(refs.value.min()), float(refs.value.max())
        values = fmt.number(lo, "persons", lang) + (
            "" if lo == hi else " – " + fmt.number(hi, "persons", lang)
        )
    else:
        values += REF_UNIT.get(unit, "")
    who = ", ".join(dict.fromkeys(refs[f"source_short_{lang}"]))
    return f"{values} ({who})"
