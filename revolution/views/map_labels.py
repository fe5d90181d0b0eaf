"""Where a map's place names go: beside each place's mark or on a leader line, or a number the map's key
names, so that in every plot the figure is drawn in no name sits on another name or on another place's mark;
and the corner its notes (borders, attribution, key) take."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from revolution.i18n import t
from revolution.views import measure

Y_STRETCH = 1.5  # a degree of latitude drawn 1.5 times a degree of longitude: about right near 48° N


def _text_px(text: str, size: float) -> float:
    return measure.text_width(text, size) + 8


@dataclass(frozen=True)
class Label:
    """Where a place's name, or its number in the map's key, is drawn: (dx, dy) pixels from its point, y up,
    on a leader line (`callout`) or beside the mark, anchored on the box's `anchor` side."""

    text: str
    dx: float
    dy: float
    callout: bool
    anchor: str
    number: int | None = None  # a number stands for the name, which the key beside the map gives


# beside the mark (right, left, above, below), then on a leader line
NAME_CALLOUTS = [(d, a) for d in (45, 80, 120) for a in (135, 45, 225, 315, 90, 270)]
CORNERS = ("lower left", "lower right", "upper left", "upper right")  # where the notes may go, in this order


def _corner_box(corner: str, plot: tuple, w: float, h: float) -> tuple:
    x0, x1, y0, y1 = plot
    left = x0 if "left" in corner else x1 - w
    bottom = y0 if "lower" in corner else y1 - h
    return (left, left + w, bottom, bottom + h)


def _view_geometry(places: pd.DataFrame, radii: list, views: list) -> list:
    """For each view: the places' points and marks and the plot's edges, in pixels (y up)."""
    out = []
    for per_deg, bounds in views:
        cx = [x * per_deg for x in places.lon]
        cy = [y * per_deg * Y_STRETCH for y in places.lat]
        plot = (bounds[0] * per_deg, bounds[1] * per_deg)
        plot += (bounds[2] * per_deg * Y_STRETCH, bounds[3] * per_deg * Y_STRETCH)
        marks = [(x - r, x + r, y - r, y + r) for x, y, r in zip(cx, cy, radii)]
        out.append((cx, cy, plot, marks))
    return out


def covers_marks(places: pd.DataFrame, radii: list, views: list, w: float, h: float, corner: str) -> bool:
    """Whether a box of w × h pixels in that corner of the plot covers a place's mark in any view."""
    for _, _, plot, marks in _view_geometry(places, radii, views):
        b = _corner_box(corner, plot, w, h)
        if any(not (b[1] < m[0] or b[0] > m[1] or b[3] < m[2] or b[2] > m[3]) for m in marks):
            return True
    return False


# a number is short: it also goes farther out, into whatever room the plot has
NUMBER_CALLOUTS = [
    (d, a) for d in (30, 45, 60, 80, 110, 140, 180, 230, 290, 360, 440, 540, 650) for a in range(0, 360, 15)
]


def place_labels(
    places: pd.DataFrame, radii: list, views: list, size: int, notes: tuple | None = None
) -> list:
    """Where each place's name goes, most mentioned first: beside its mark, or on a short leader line
    (a callout) when the mark sits among others (Kronstadt beside Petrograd). A place whose name fits
    nowhere gets a number instead (numbered in the same order), beside its mark or on a leader line, and
    the map's key names it; None: neither fits (named in the hover and listed under the map). A spot is
    taken only if, in every view (pixels per degree, shown bounds) — a phone's plot and a wide screen's —
    the text touches no text placed before it and no other place's mark, and stays inside the plot.
    `notes`: the box (width, height in pixels, corner) written in a corner of the plot (borders,
    attribution, key), kept clear."""
    h = size * 1.45
    geo = [
        (cx, cy, plot, marks, [_corner_box(notes[2], plot, notes[0], notes[1])] if notes else [])
        for cx, cy, plot, marks in _view_geometry(places, radii, views)
    ]

    def fit(i: int, text: str, callouts: list) -> tuple | None:
        w, r = _text_px(text, size), radii[i] + 3
        spots = [
            (r, 0, False, "left"),
            (-r, 0, False, "right"),
            (0, r, False, "bottom"),
            (0, -r, False, "top"),
        ]
        for dist, ang in callouts:
            a = math.radians(ang)
            spots.append((dist * math.cos(a), dist * 0.7 * math.sin(a), True, "center"))
        for dx, dy, callout, anchor in spots:
            boxes = []
            for cx, cy, (x0, x1, y0, y1), marks, placed in geo:
                x, y = cx[i] + dx, cy[i] + dy  # the anchor point of the text's box
                left = {"left": x, "right": x - w}.get(anchor, x - w / 2)
                bottom = {"bottom": y, "top": y - h}.get(anchor, y - h / 2)
                box = (left, left + w, bottom, bottom + h)

                def clear(b, box=box):
                    return box[1] < b[0] or box[0] > b[1] or box[3] < b[2] or box[2] > b[3]

                ok = (
                    x0 <= box[0]
                    and box[1] <= x1
                    and y0 <= box[2]
                    and box[3] <= y1
                    and all(clear(b) for b in placed)
                    and all(clear(m) for k, m in enumerate(marks) if k != i)
                    and (not callout or clear(marks[i]))
                )
                if not ok:
                    break
                boxes.append(box)
            if len(boxes) == len(geo):
                for (*_, placed), box in zip(geo, boxes):
                    placed.append(box)
                return dx, dy, callout, anchor
        return None

    out: list = [None] * len(places)
    for i, text in enumerate(places.name):
        spot = fit(i, text, NAME_CALLOUTS)
        out[i] = Label(text, *spot) if spot else None
    number = 0
    for i in range(len(places)):
        if out[i] is None:
            spot = fit(i, str(number + 1), NUMBER_CALLOUTS)
            if spot:
                number += 1
                out[i] = Label(str(number), *spot, number=number)
    return out


def key_text(labels: list, places: pd.DataFrame, lang: str) -> str:
    """The map's key: each number drawn on it and the place it stands for ('' when every name is drawn)."""
    items = [(lab.number, name) for lab, name in zip(labels, places.name) if lab and lab.number]
    if not items:
        return ""
    return t("map_key", lang, items=", ".join(f"{n} {name}" for n, name in sorted(items)))


def labels_and_notes(
    places: pd.DataFrame, radii: list, views: list, size: int, note_lines: list, note_size: int, lang: str
) -> tuple[list, list, str]:
    """The names and numbers of an image's map, its key's lines and the corner its notes (borders,
    attribution, key) go in: the key's lines grow the notes' box and the names are placed again until the
    key fits the room they left; of the corners, the first that leaves no place unnamed and covers no mark
    (else the one that leaves the fewest unnamed)."""
    # the key as wide as the attribution, or 0.6 of the narrowest plot
    key_width = max(
        measure.text_width(note_lines[-1], note_size), min((b[1] - b[0]) * d for d, b in views) * 0.6
    )
    best = None
    for corner in CORNERS:
        key: list = []
        for _ in range(4):
            lines = [*note_lines, *key]
            w = max(measure.text_width(line, note_size) for line in lines) + 16
            h = len(lines) * note_size * 1.3 + 12
            labels = place_labels(places, radii, views, size, (w, h, corner))
            text = key_text(labels, places, lang)
            key = _lines(text, note_size, key_width) if text else []
            if len(note_lines) + len(key) <= len(lines):
                break
        covers = covers_marks(places, radii, views, w, h, corner)
        score = (sum(lab is None for lab in labels), covers, len(key))
        if best is None or score < best[0]:
            best = (score, labels, key, corner)
        if score[:2] == (0, False):
            break
    return best[1], best[2], best[3]


def _lines(text: str, size: float, width: float) -> list[str]:
    """The text in lines of at most `width` pixels at `size`, broken after commas where it can be."""
    lines, line = [], ""
    for part in text.split(", "):
        trial = f"{line}, {part}" if line else part
        if line and measure.text_width(trial + ",", size) > width:
            lines.append(line + ",")
            line = part
        else:
            line = trial
    return [*lines, line] if line else lines
