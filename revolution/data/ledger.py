"""The completeness ledger: every number with a unit and every year in a seed, to be covered by a row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from revolution.data import units
from revolution.data.provenance import normalize

HIT = re.compile(
    r"\d[\d,.]*(?:-\d+)?(?:"
    + "|".join(map(re.escape, units.WORDS_IN_TEXT))
    + r")|(?<!\d)(?:1[6-9]\d\d|20[0-2]\d)(?!\d)"
)


@dataclass(frozen=True)
class Hit:
    start: int  # position in the normalized seed
    end: int
    text: str

    def context(self, flat: str, width: int = 20) -> str:
        return flat[max(0, self.start - width) : self.end + width]


def hits(seed: str) -> list[Hit]:
    """Every number-with-unit and every year in the seed, located in its normalized form."""
    flat = normalize(seed)
    return [Hit(m.start(), m.end(), m.group()) for m in HIT.finditer(flat)]


def uncovered(seed: str, spans: list[tuple[int, int]]) -> list[Hit]:
    """The hits that fall inside none of the given spans of the normalized seed."""
    return [h for h in hits(seed) if not any(a <= h.start and h.end <= b for a, b in spans)]
