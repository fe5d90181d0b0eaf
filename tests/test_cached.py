"""The cache layer: keyed by the dataset's version, handing out copies that draw exactly as built."""

import json
import pickle

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

import cached
import sitemap
from revolution import state
from revolution.data import calendar
from revolution.exports import slides


def test_a_cached_figure_comes_back_as_built(dataset):
    """Through the cache itself (st.cache_data pickles what it keeps and hands out a copy), not a pickling
    the test does on its own."""
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_ko))
    key = "timeline:revolution_years"
    view = slides.build(dataset, key, "ko", names)  # as built, no cache
    cached.slide.clear()
    cached.slide(dataset, key, "ko", names)
    again = cached.slide(dataset, key, "ko", names)  # a hit: the kept copy
    assert json.loads(pio.to_json(again.figure)) == json.loads(pio.to_json(view.figure))
    # each bar's lengths as they were built (numbers a slide's layout can read), never a base64 block
    bars = [(tr, built) for tr, built in zip(again.figure.data, view.figure.data) if tr.type == "bar"]
    assert any(isinstance(tr.x, np.ndarray) for tr, _ in bars)
    for tr, built in bars:
        assert type(tr.x) is type(built.x) and not isinstance(tr.x, dict)
        assert list(np.asarray(tr.x if tr.x is not None else [])) == list(
            np.asarray(built.x if built.x is not None else [])
        )
    again.figure.update_layout(title="changed")  # a copy: the cached one is untouched
    assert cached.slide(dataset, key, "ko", names).figure.layout.title.text != "changed"


def test_the_dataset_is_hashed_by_its_version_not_its_place_in_memory(dataset):
    import dataclasses

    assert cached.BY_VERSION[type(dataset)](dataset) == dataset.version
    moved = dataclasses.replace(dataset)  # another object, the same files
    assert cached.BY_VERSION[type(moved)](moved) == dataset.version and moved is not dataset


def test_editing_a_data_file_changes_the_version_and_what_the_cache_hands_out(tmp_path):
    """The heart of the caching: a changed byte in a table is a new version, so no session is served a
    result computed from the old file; the same bytes elsewhere are the same version, and hit."""
    import shutil

    from revolution.data import paths
    from revolution.data.load import load_dataset

    data, seeds = tmp_path / "data", tmp_path / "seeds"
    shutil.copytree(paths.data_dir(), data)
    shutil.copytree(paths.seeds_dir(), seeds)
    before = load_dataset(data, seeds)
    assert load_dataset(data, seeds).version == before.version == load_dataset().version
    cards = cached.headline_cards(before, "en", {})
    measure = before.figures.set_index("figure_id").loc[HEADLINE_FIGURE, "measure_en"]

    figures = data / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    assert text.count(measure) >= 1
    figures.write_text(text.replace(measure, "Edited measure", 1), encoding="utf-8")
    after = load_dataset(data, seeds)
    assert after.version != before.version
    edited = cached.headline_cards(after, "en", {})
    whats = [v["what"] for card in edited for v in card["values"]]
    assert any(w.startswith("Edited measure") for w in whats)
    assert cached.headline_cards(before, "en", {}) == cards  # the old version's entry is still its own


HEADLINE_FIGURE = "FH018"  # a headline card's figure: its measure is written on the card


# Every default link in both languages, and the views a lesson moves to: a year, other filters, the other
# colouring and calendar, the People page's map over other years, a comparison of the texts.
SHARED_LINKS = [
    *[(p.file, {} if lang == "ko" else {"lang": lang}) for lang in ("ko", "en") for p in sitemap.PAGES],
    (
        "pages/timeline.py",
        {
            state.YEAR_FROM: "1917",
            state.YEAR_TO: "1917",
            state.COLOR_BY: state.COLOR_MODES[-1],
            state.CALENDAR: calendar.MODES[-1],
        },
    ),
    ("pages/timeline.py", {state.YEAR_FROM: "1900", state.YEAR_TO: "1939", state.LANG: "en"}),
    ("pages/people.py", {state.YEAR_FROM: "1917", state.YEAR_TO: "1918"}),
    ("pages/figures.py", {state.REFERENCES: "1"}),
]


def drawn_as_built(fig: go.Figure) -> bool:
    """Whether the dict a shared figure hands to st.plotly_chart is the figure as it stands: a fresh figure
    of the same data and layout, not one rebuilt from that dict (`go.Figure(fig)` reads it back)."""
    fresh = go.Figure({"data": fig._data, "layout": fig._layout})
    return pio.to_json(fig.to_dict()) == pio.to_json(fresh.to_dict())


def test_a_shared_figure_changed_after_it_was_drawn_is_found():
    fig = cached._drawn(go.Figure(go.Bar(x=[1, 2], y=[3, 4])))
    assert drawn_as_built(fig)
    fig.to_dict()  # drawn once: its dict is kept
    fig.update_layout(title="changed")  # what a page must never do to a shared figure
    assert not drawn_as_built(fig)


def test_no_page_changes_a_result_every_session_shares(monkeypatch):
    """The `_shared` results are handed to every session as the same object: a page that changed one (a
    figure's title, a table's column) would change it for everyone after. Each page runs with every shared
    call recorded; afterwards each result must pickle to the bytes it had when it was handed out."""
    from harness import apptest

    assert {"timeline", "panel", "coverage_figure", "place_map_figure"} <= set(cached.SHARED)
    handed: list[tuple[str, object, bytes]] = []

    def recording(name, func):
        def call(*args, **kwargs):
            value = func(*args, **kwargs)
            handed.append((name, value, pickle.dumps(value)))
            return value

        return call

    for name in cached.SHARED:
        monkeypatch.setattr(cached, name, recording(name, getattr(cached, name)))
    for page, params in SHARED_LINKS:
        apptest.run(page, timeout=120, **params)
    assert {name for name, _, _ in handed} == set(cached.SHARED)  # each was used by some page
    changed = [name for name, value, before in handed if pickle.dumps(value) != before]
    assert not changed, changed
    # what st.plotly_chart was handed (the dict made once, `cached._Drawn`) is still the figure, drawn afresh
    for name, value, _ in handed:
        fig = value if isinstance(value, go.Figure) else getattr(value, "figure", None)
        if fig is not None:
            assert isinstance(fig, cached._Drawn), name
            assert drawn_as_built(fig), name
    # and shared: the next session on a link gets the very object the first one got, not a copy
    timelines = [value for name, value, _ in handed if name == "timeline"]
    apptest.run("pages/timeline.py", timeout=120)
    assert handed[-1][0] == "timeline" and any(handed[-1][1] is value for value in timelines)
