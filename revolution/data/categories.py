"""The event category vocabulary: order, colour and marker, fixed, so a category looks the same in every
view.

Colours: each at least 3:1 against white (WCAG 1.4.11 for marks), after Okabe & Ito and Paul Tol's muted
scheme. Ten colours cannot all stay apart under every colour-vision deficiency, so every category also has
its own marker shape, and the legend names it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    colour: str
    marker: str  # a Plotly marker symbol (the timeline's marks take their text's: revolution.data.sources)


CATEGORIES: dict[str, Category] = {
    c.code: c
    for c in (
        Category("revolution", "#D55E00", "circle"),
        Category("politics", "#0072B2", "diamond"),
        Category("war", "#222222", "triangle-up"),
        Category("economy", "#117733", "square"),
        Category("labour", "#8C6D00", "pentagon"),
        Category("society", "#AA4499", "hexagon"),
        Category("repression", "#882255", "cross"),
        Category("international", "#332288", "star"),
        Category("ideas", "#00796B", "triangle-down"),
        Category("reign", "#5F6B73", "hourglass"),
    )
}
CODES = tuple(CATEGORIES)
# A category the vocabulary does not know (a newer data file) is still drawn, in grey, and says its
# code.
UNKNOWN = Category("", "#6E7781", "circle-x")


def get(code: str) -> Category:
    return CATEGORIES.get(code, UNKNOWN)


def order(codes) -> list[str]:
    """The codes given, in the vocabulary's order (unknown ones last, alphabetically)."""
    known = [c for c in CODES if c in set(codes)]
    return known + sorted(set(codes) - set(CODES))


def label_key(code: str) -> str:
    return f"cat_{code}"
