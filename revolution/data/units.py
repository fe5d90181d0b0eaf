"""The units vocabulary, defined once: the codes a figure or a reference value is measured in (the schema's
enums are tested equal to them; their names and the way each language writes them after a number are in
revolution.i18n), and the Korean words after a number that make the completeness ledger count it."""

from __future__ import annotations

FIGURE_UNITS = (
    "percent",
    "persons",
    "index",
    "rank",
    "countries",
    "years",
    "months",
    "times",
    "fraction",
    "count",
    "other",
)
# Other sources measure a few things the texts do not: a share of 1913's output, a yearly rate, a year.
REFERENCE_UNITS = ("countries", "percent", "percent of 1913", "percent per year", "persons", "rank", "year")
CODES = tuple(dict.fromkeys(FIGURE_UNITS + REFERENCE_UNITS))

# A number in the texts is a hit for the ledger when one of these follows it (or it is a bare year).
WORDS_IN_TEXT = (
    "퍼센트",
    "%",
    "명",
    "만",
    "억",
    "천",
    "개국",
    "개",
    "년",
    "배",
    "위",
    "분의",
    "세기",
    "시간",
    "일",
    "월",
    "차",
    "주",
    "km",
    "킬로미터",
    "킬로",
    "톤",
    "루블",
    "곳",
    "호",
    "살",
    "세",
    "달러",
    "마르크",
)
