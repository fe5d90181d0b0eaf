"""Every cached computation of the dashboard, one named wrapper each, keyed by its arguments.

The dataset is hashed by its version (a digest of its files), never by where it sits in memory;
everything else by value. `st.cache_data` hands each caller its own copy, so nothing a page does to a
result can change what the next session gets. The figures a page only draws are `_shared` instead: every
session gets the same object, since copying them was most of a cached student's run (see `_shared`)."""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import json
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from revolution.data import filters, mentions, sources
from revolution.data.load import Dataset, load_dataset
from revolution.exports import slides
from revolution.views import page_views, panels, place_map, reading, summary

BY_VERSION = {Dataset: lambda data: data.version}


@st.cache_resource(show_spinner=False, max_entries=4)
def loaded_dataset(data_dir: str, seeds_dir: str, stamp: str) -> Dataset:
    """The checked dataset of these folders, loaded once per `stamp` (a digest of their files' names, sizes
    and times: ui.shell.stamp), shared by every session."""
    return load_dataset(Path(data_dir), Path(seeds_dir))


def _figure(props: dict) -> go.Figure:
    """A figure as the cache hands it out: validated once, when it was built, so not again on every rerun
    (rebuilding a validated figure took two thirds of a warm Figures or Timeline rerun)."""
    return go.Figure(props, _validate=False)


class _Drawn(go.Figure):
    """A figure every session shares (`_shared`), with its `to_dict()` made once and handed out as it is.
    That dict, a deep copy with every array turned into base64, is what st.plotly_chart serialises: making
    it was a quarter of a cached student's run. It is made as JSON reads back (plain lists and numbers), so
    plotly.io's orjson writes it straight away: plotly's own dict holds date arrays of Python objects, which
    orjson refuses, and plotly then cleaned the whole dict first (another 15 %). Nothing changes a shared
    figure (tests/test_cached.py), so the dict cannot go stale, and its readers (Streamlit, plotly.io) only
    read it."""

    _made = None

    def to_dict(self):
        if self._made is None:
            self._made = json.loads(pio.to_json(super().to_dict(), validate=False))
        return self._made


def _drawn(value):
    """The result with its figure (or the figure itself) as a `_Drawn`, built from the same data."""
    if isinstance(value, go.Figure):
        return _Drawn({"data": value._data, "layout": value._layout}, _validate=False)
    if dataclasses.is_dataclass(value) and isinstance(getattr(value, "figure", None), go.Figure):
        return dataclasses.replace(value, figure=_drawn(value.figure))
    return value


# its own data and layout, arrays as arrays (to_dict would hand back base64 blocks, which code that reads a
# cached figure's x and y, as the slide layout does, cannot use); a shared figure pickles the same way
for _kind in (go.Figure, _Drawn):
    copyreg.pickle(_kind, lambda fig: (_figure, ({"data": fig._data, "layout": fig._layout},)))


def _cached(max_entries: int = 64):
    return st.cache_data(show_spinner=False, max_entries=max_entries, hash_funcs=BY_VERSION)


SHARED: list[str] = []  # the names of the `_shared` calls, for the test that proves no page changes them


def _shared(max_entries: int = 64):
    """A result every session reads as the same object, never copied: the pages hand these figures to
    st.plotly_chart (which copies them into its message) and to exports that lay out a copy, and change
    nothing in them (tests/test_cached.py runs every page and compares each result before and after).
    Unpickling the default timeline's own copy (95 traces) took 32 ms of every session's run: with thirty
    students at once, a quarter of the server's time."""
    cache = st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=BY_VERSION)

    def register(func):
        SHARED.append(func.__name__)

        @functools.wraps(func)
        def shared(*args, **kwargs):
            return _drawn(func(*args, **kwargs))

        return cache(shared)

    return register


@_cached()
def default_deck(data: Dataset) -> list[str]:
    """The deck before anyone chose one: every page's sidebar compares the session's deck with it."""
    return slides.default(data)


@_cached()
def source_names(data: Dataset, lang: str) -> sources.Names:
    """Each text's short name and style, in legend order: every page's first call (a sort and the styles'
    fallbacks, in pandas, several times a run before it was cached)."""
    return sources.names(data.sources, lang)


@_cached(max_entries=512)
def sentence(data: Dataset, source_id: str, quote: str) -> tuple[str, str, str] | None:
    return reading.sentence(data.seeds[source_id], quote)


@_cached()
def headline_cards(data: Dataset, lang: str, names: dict) -> list[dict]:
    return summary.headline_cards(data, lang, names)


@_cached()
def how_sure(data: Dataset, lang: str):
    return summary.how_sure(data, lang)


@_cached()
def counts(data: Dataset, lang: str, names: dict) -> dict:
    return summary.counts(data, lang, names)


@_cached()
def shared(data: Dataset, pair: tuple = ()) -> list[str]:
    return summary.shared(data, pair)


@_cached()
def first_tellings(data: Dataset):
    return summary.first_tellings(data)


@_shared()
def coverage_figure(data: Dataset, lang: str, names: dict, pair: tuple = ()):
    return summary.coverage_figure(data, lang, names, pair)


@_cached()
def per_decade(data: Dataset, names: dict, lang: str, pair: tuple = ()):
    return summary.per_decade(data, names, lang, pair)


@_cached()
def only_in(data: Dataset, lang: str, pair: tuple = ()) -> dict:
    return summary.only_in(data, lang, pair)


@_cached()
def event_facets(data: Dataset) -> dict:
    return summary.event_facets(data)


@_shared(max_entries=256)
def panel(data: Dataset, group_id: str, lang: str, sources: tuple, show_refs: bool, names: dict):
    return panels.panel(data, group_id, lang, sources, show_refs, names)


@_shared(max_entries=256)
def timeline(data: Dataset, chosen: filters.EventFilter, lang: str, mode: str, color: str, names: dict):
    return page_views.timeline(data, chosen, lang, mode, color, names)


@_cached()
def event_picker(data: Dataset, listed: tuple, current: str, lang: str) -> dict[str, str]:
    """The timeline's list of events to choose from, named: 10 % of a cached student's run, every run."""
    return page_views.picker(data.events, listed, current, lang, data.event_keys)


@_cached()
def mention_counts(data: Dataset, table: str):
    """Mentions per name and source, and linked events per era, for 'people' or 'places'."""
    return mentions.text_mentions(data, table), mentions.events_by_era(data, table)


@_shared()
def place_map_figure(data: Dataset, counts, lang: str, names: dict, years: tuple[int, int]):
    return place_map.map_chart(data, counts, lang, names, years, image=True)


@_cached()
def place_map_alt(data: Dataset, counts, lang: str, years: tuple[int, int]) -> str:
    """The map in words: without the cache, every change of years worked out the window's places again."""
    return place_map.alt_text(data, counts, lang, years)


@_cached()
def place_map_view(data: Dataset, counts, lang: str, years: tuple[int, int]):
    return place_map.view(data, counts, lang, years)


@_cached(max_entries=128)
def slide(data: Dataset, key: str, lang: str, names: dict):
    return slides.build(data, key, lang, names)


@_cached(max_entries=128)
def slide_pages(data: Dataset, key: str, lang: str, names: dict) -> list:
    """The item's slides as the deck lays them out, the same in the PPTX and in presentation mode
    (slides.deck_pages): paging the whole timeline takes half a second, which every rerun repeated."""
    return slides.deck_pages(slide(data, key, lang, names), lang)


@_cached(max_entries=64)
def present_svg(data: Dataset, key: str, page: int, lang: str, names: dict) -> str:
    return slides.present_svg(slide(data, key, lang, names), lang, page)


@_cached(max_entries=16)
def document(data: Dataset, source_id: str, lang: str):
    """One text as an annotated document (the Read page)."""
    return reading.build(data, source_id, lang)


@_cached(max_entries=8)
def staged_review(folder: str, stamp: str):
    """A text staged by ./dev add-text (its manifest, text and proposals), read again when a file in its
    folder changes (`stamp`)."""
    from pathlib import Path

    from revolution.intake import staging

    return staging.open_review(Path(folder))


@_cached(max_entries=8)
def review_tables(folder: str, stamp: str, accepted: bool) -> dict:
    """The review page's tables of a staged text (every proposal accepted, if `accepted`): built once per
    change of its files, not on every rerun."""
    from pathlib import Path

    from revolution.intake import review_table, staging

    proposals = staging.open_review(Path(folder)).proposals
    proposals = staging.accept_all(proposals) if accepted else proposals
    return {table: review_table.frame(rows, table) for table, rows in proposals.items()}
