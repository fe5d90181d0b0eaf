"""Numbers and dates as the texts state them: 'under 25%' stays under, an Old Style date says so."""

from __future__ import annotations

import html
import math
import textwrap

import pandas as pd

from revolution.data import calendar, qualifiers
from revolution.i18n import UNIT_SUFFIX, our_translation, t, word

# Korean groups large numbers by ten thousand, as the texts do: 40만, 240만.
MAN = {"ko": (10_000, "만"), "en": None}
# What follows a year on an axis: 1917년, 1917.
YEAR_SUFFIX = {"ko": "년", "en": ""}


def number(value: float, unit: str, lang: str) -> str:
    """One number with its unit, grouped as the language counts (Korean in 만, as the texts do)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if unit == "fraction":
        return f"1/{round(1 / value)}" if value and abs(1 / value - round(1 / value)) < 0.05 else f"{value:g}"
    units = UNIT_SUFFIX.get(lang, UNIT_SUFFIX["ko"])
    if unit == "rank":
        return f"{int(value)}{units['rank']}" if units["rank"] else _ordinal(int(value))
    group = MAN.get(lang)
    if group and unit in ("persons", "count") and value >= group[0] and value % 1000 == 0:
        man = value / group[0]
        text = (f"{man:,.0f}" if man == int(man) else f"{man:,.1f}") + group[1]
    else:
        text = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    return text + units[unit]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def stated(row: dict | pd.Series, lang: str) -> str:
    """The figure as its sentence states it: the qualifier is part of the value."""
    unit = row["unit"]
    v = number(row["value"], unit, lang)
    lo = number(row["value_low"], unit, lang) if pd.notna(row["value_low"]) else ""
    hi = number(row["value_high"], unit, lang) if pd.notna(row["value_high"]) else ""
    return t(qualifiers.label_key(row["qualifier"]), lang, v=v, lo=lo, hi=hi)


def wrap(text: str, width: int = 38) -> str:
    """Hover text: escaped, and broken into lines a tooltip can hold (Korean has no spaces to spare)."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=True) or [""]
    return "<br>".join(html.escape(line) for line in lines)


def period(start, end) -> str:
    if pd.isna(start):
        return ""
    return f"{int(start)}" if pd.isna(end) or int(end) == int(start) else f"{int(start)}–{int(end)}"


def pick(row, column: str, lang: str) -> str:
    """`title` -> `title_ko` or `title_en`, for the data's own bilingual columns."""
    return row[f"{column}_{lang}"]


def literal(text: str) -> str:
    """Text from the data, shown literally in Markdown: Markdown and HTML characters lose their
    meaning."""
    out = str(text)
    for ch in "\\`*_{}[]()#+-.!|<>~$":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def calendar_name(row: dict, lang: str) -> str:
    """Which calendar an event's date is in, and how we know: 'Old Style (Julian) — as the text says'."""
    cal = word("calendar", row["calendar"], lang)
    if row["calendar_basis"] in calendar.BASES and row["calendar_basis"] != "none":
        cal += " — " + word("calendar_basis", row["calendar_basis"], lang)
    return cal


def calendar_line(row: dict, lang: str) -> str:
    """An event's date as the text writes it, in which calendar and how we know, and its New Style days:
    'Date as written: 10월 25일 (Old Style (Julian) — as the text says) · New Style: 1917-11-07'."""
    lo, hi = row["start_gregorian"], row["end_gregorian"]
    span = lo if lo == hi else f"{lo} – {hi}"
    return (
        f"{t('date_as_written', lang)}: {written_date(row, lang)} ({calendar_name(row, lang)}) · "
        f"{t('new_style', lang)}: {span}"
    )


def written_date(row, lang: str) -> str:
    """The date as a reader should see it: the text's own words where the sentence gives it, and a
    label saying so where the date comes from the surrounding text or a standard chronology."""
    basis = row.get("date_basis", "stated")
    text = row.get("date_text")
    text = text if isinstance(text, str) else ""
    if basis == "stated":
        return text
    reference = row.get("date_reference")
    if basis == "reference" and isinstance(reference, str) and reference.strip():
        # where the date comes from, named: the source before the locator ("source; locator")
        return t("date_after_reference", lang, ref=reference.split(";")[0].strip())
    label = t(f"date_basis_{basis}", lang)
    return f"{text} ({label})" if text else label


def aliases(row, lang: str) -> list[str]:
    """The other names of an event in one language (`aliases_ko`/`aliases_en`, '; '-separated)."""
    value = row.get(f"aliases_{lang}")
    return [a.strip() for a in value.split(";") if a.strip()] if isinstance(value, str) else []


def picker_label(row, lang: str) -> str:
    """An event as a picker lists it: its title, its year and the names people search for, so that a
    select box's type-to-search finds '10월 혁명' under 'October Revolution: the Winter Palace taken'."""
    title = row[f"title_{lang}"]
    label = f"{title} ({str(row['start_gregorian'])[:4]})"
    other = [a for a in aliases(row, lang) if a.casefold() not in title.casefold()]
    return f"{label} · {', '.join(other)}" if other else label


def quote_with_gloss(row, lang: str) -> str:
    """A quote for a hover, wrapped; in English the Korean original stays first and our gloss follows,
    labelled as our translation. It goes inside the hover's quotation marks: “quote”<br>label: “gloss”."""
    quote = wrap(row["quote"])
    gloss = row.get("quote_en")
    if lang != "en" or not isinstance(gloss, str) or not gloss:
        return quote
    return f"{quote}”<br>" + our_translation(wrap(gloss, 50), lang, close=False)


def years_text(a: int, b: int, lang: str) -> str:
    """A year range as a person writes it: '1917년', '1918–1921년', '1917', '1918–1921'."""
    return t("one_year", lang, a=a) if a == b else t("year_span", lang, a=a, b=b)


def era_years(era, lang: str) -> str:
    """An era's years as a reader reads them: '1917년', '1918–1920년', '–1904년' (open at its start),
    '1992년–' (open at its end); an empty year is an open end."""
    a, b = (None if pd.isna(era[c]) else int(era[c]) for c in ("start_year", "end_year"))
    if a is None and b is None:
        return ""
    if a is None:
        return t("era_open_start", lang, b=b)
    if b is None:
        return t("era_open_end", lang, a=a)
    return years_text(a, b, lang)
