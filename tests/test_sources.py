"""Sources are data: each text's colour, marker, fill, pattern and legend order come from sources.csv (or a
fallback), never a colour with another meaning, and no source id is written in the code."""

import re
from collections import Counter

import pandas as pd
import pytest

from revolution.data import categories, sources
from revolution.data.errors import DataError
from revolution.data.load import load_dataset
from revolution.views import chart_marks, theme

from .conftest import ROOT, SEEDS
from .test_load_errors import read, set_cell, write

# Every colour that already means something: a category's, an unknown category's, and the theme's.
MEANINGS = {
    **{f"category {c.code}": c.colour for c in categories.CATEGORIES.values()},
    "unknown category": categories.UNKNOWN.colour,
    "stated": theme.STATED,
    "bound": theme.BOUND,
    "derived": theme.DERIVED,
    "ink": theme.INK,
    "muted": theme.MUTED,
    "grid": theme.GRID,
    "reference": chart_marks.REF_MARKER["color"],
}
CODE = [
    *(ROOT / "revolution").rglob("*.py"),
    *(ROOT / "pages").glob("*.py"),
    *(ROOT / "ui").glob("*.py"),
    *(ROOT / n for n in ("cached.py", "dashboard.py", "sitemap.py")),
]


def blank(ids):
    """A sources table of these ids that gives no style at all: every text takes a fallback."""
    return pd.DataFrame({"source_id": ids, **{c: [None] * len(ids) for c in sources.STYLE_COLUMNS}})


def test_no_source_id_is_written_in_the_code(dataset):
    ids = list(dataset.sources.source_id)
    hits = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in CODE
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for source_id in ids
        if re.search(rf"""(["']){re.escape(source_id)}\1""", line)
    ]
    assert hits == []


def test_no_source_colour_is_a_colour_with_another_meaning(dataset):
    given = {s: st.colour for s, st in sources.styles(dataset.sources).items()}
    fallbacks = {f"fallback {i}": c for i, c in enumerate(sources.PALETTE)}
    meanings = {c.upper(): m for m, c in MEANINGS.items()}
    clashes = {k: meanings[c.upper()] for k, c in {**given, **fallbacks}.items() if c.upper() in meanings}
    assert clashes == {}
    assert len(set(sources.PALETTE)) == len(sources.PALETTE)


def test_the_shipped_texts_are_styled_by_their_row_and_their_fallbacks_agree(dataset):
    given = sources.styles(dataset.sources)
    rows = dataset.sources.set_index("source_id")
    for source_id, style in given.items():
        assert style.colour == rows.colour[source_id].upper()
        assert style.symbol == rows.marker[source_id] + ("-open" if rows.fill[source_id] == "open" else "")
    # a plain mapping of names (a test's, a tool's) draws our texts as the data does
    assert {s: sources.style(dict.fromkeys(given), s) for s in given} == given


@pytest.mark.parametrize("n", [1, 2, 3, 5, len(sources.PATTERNS)])
def test_texts_without_a_style_each_get_their_own_colour_marker_and_pattern(n):
    ids = [f"text_{i}" for i in range(n)]
    got = sources.styles(blank(ids))
    assert list(got) == ids
    for attr in ("colour", "symbol", "pattern"):
        assert len({getattr(s, attr) for s in got.values()}) == n, attr
    assert got == sources.styles(blank(ids))  # the same every time


def test_a_new_text_takes_what_the_others_left(dataset):
    new = pd.concat([dataset.sources, blank(["newspaper"])], ignore_index=True)
    got = sources.styles(new)
    taken = {s: got[s] for s in dataset.sources.source_id}
    assert got["newspaper"].colour not in {s.colour for s in taken.values()}
    assert got["newspaper"].symbol not in {s.symbol for s in taken.values()}
    assert list(got)[-1] == "newspaper"  # no legend_order: after the texts that have one


def test_legend_order_decides_the_order_of_texts(data_copy):
    table = read(data_copy / "sources.csv")
    col = table[0].index("legend_order")
    table[1][col], table[2][col] = "2", "1"
    write(data_copy / "sources.csv", table)
    data = load_dataset(data_copy, SEEDS)
    assert list(data.sources.source_id) == [table[2][0], table[1][0]]
    assert list(sources.names(data.sources, "ko")) == [table[2][0], table[1][0]]


def swap_seed_rows(d):
    table = read(d / "sources.csv")
    table[1][table[0].index("legend_order")] = table[2][table[0].index("legend_order")]
    write(d / "sources.csv", table)


BAD = {
    # name: (mutation, row, column, words in the problem)
    "not a colour": (set_cell("sources.csv", 2, "colour", "blue"), 2, "colour", "expected form"),
    "a category's colour": (
        set_cell("sources.csv", 3, "colour", categories.get("revolution").colour),
        3,
        "colour",
        "category",
    ),
    "two texts in one colour": (set_cell("sources.csv", 3, "colour", "#b2182b"), 3, "colour", "already"),
    "not a marker": (set_cell("sources.csv", 2, "marker", "blob"), 2, "marker", "allowed values"),
    "two texts with one mark": (
        lambda d: [set_cell("sources.csv", 3, c, v)(d) for c, v in (("marker", "circle"), ("fill", ""))],
        3,
        "marker",
        "already",
    ),
    "not a fill": (set_cell("sources.csv", 2, "fill", "hollow"), 2, "fill", "allowed values"),
    "not a pattern": (set_cell("sources.csv", 2, "pattern", "."), 2, "pattern", "allowed values"),
    "duplicate order": (swap_seed_rows, 3, "legend_order", "duplicate"),
    "order below one": (set_cell("sources.csv", 2, "legend_order", "0"), 2, "legend_order", "minimum"),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_style_names_file_row_and_column(data_copy, case):
    mutate, row, column, words = BAD[case]
    mutate(data_copy)
    with pytest.raises(DataError) as err:
        load_dataset(data_copy, SEEDS)
    e = err.value
    assert (e.file, e.row, e.column) == ("sources.csv", row, column), str(e)
    assert words in str(e)


def _pixels_of(png: bytes, colour: str, tol: int = 40) -> int:
    import io

    import numpy as np
    from PIL import Image

    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    want = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(rgb - want).max(axis=2) <= tol).sum())


@pytest.mark.parametrize("table", ["people", "places"])
def test_every_texts_bars_are_drawn_in_its_colour(dataset, table):
    """As kaleido draws them (the page's Chromium draws the same SVG): a pattern over a text's bars must not
    leave them white on white. Seen on the People page: the manifesto's bars were invisible."""
    from revolution.data import mentions
    from revolution.exports import images
    from revolution.views import place_charts

    names = sources.names(dataset.sources, "ko")
    counts = mentions.text_mentions(dataset, table)
    labels = dict(zip(getattr(dataset, table).iloc[:, 0], getattr(dataset, table).iloc[:, 0]))
    fig = place_charts.mentions_chart(counts, labels, "ko", names, "x")
    png = images.render(fig, "png", (900, 700))
    for source_id in counts[counts.mentions > 0].source_id.unique():
        colour = sources.style(names, source_id).colour
        assert _pixels_of(png, colour) > 300, (table, source_id, colour)


def test_more_texts_than_fallback_colours_share_them_evenly():
    """Past the fallbacks, a text takes the colour the fewest texts have (never one by its position)."""
    n = 2 * len(sources.PALETTE) + 1
    got = sources.styles(blank([f"text_{i}" for i in range(n)]))
    uses = Counter(s.colour for s in got.values())
    assert set(uses) == {c.upper() for c in sources.PALETTE} and max(uses.values()) - min(uses.values()) <= 1
