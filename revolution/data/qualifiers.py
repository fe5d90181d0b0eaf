"""The qualifier vocabulary: what 'under 25%' means, how it is written and how every chart draws it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Qualifier:
    code: str
    needs: tuple[str, ...]  # the bound columns a row with this qualifier must fill
    # solid: the value is certain up to where the bar ends; hatched: it may be anywhere in the bar
    solid: bool
    arrow: int  # +1: the true value lies beyond the bar (a floor); -1: below it (a ceiling); 0: none
    spans: bool  # drawn from value_low to value_high instead of from zero


QUALIFIERS: dict[str, Qualifier] = {
    q.code: q
    for q in (
        Qualifier("exact", ("value_low", "value_high"), solid=True, arrow=0, spans=False),
        Qualifier("approx", (), solid=True, arrow=0, spans=False),
        # "over 55%": 55% is certain, so solid to the bound, and an arrow says the value goes on
        Qualifier("more_than", ("value_low",), solid=True, arrow=1, spans=False),
        # "under 25%": any value up to 25%, so hatched, and an arrow back
        Qualifier("less_than", ("value_high",), solid=False, arrow=-1, spans=False),
        Qualifier("range", ("value_low", "value_high"), solid=False, arrow=0, spans=True),
    )
}
CODES = tuple(QUALIFIERS)


def get(code: str) -> Qualifier:
    return QUALIFIERS[code]


def label_key(code: str) -> str:
    """The i18n key of the template that writes a value with this qualifier ('{v} 미만', 'under {v}')."""
    return f"qual_{code}"
