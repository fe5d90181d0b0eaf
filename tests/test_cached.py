"""The cache layer: keyed by the dataset's version, handing out copies that draw exactly as built."""

import json
import pickle

import numpy as np
import plotly.io as pio

import cached
from revolution.data import filters
from revolution.views import page_views


def test_a_cached_figure_comes_back_as_built(dataset):
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_ko))
    view = page_views.timeline(
        dataset, filters.EventFilter(years=(1914, 1924)), "ko", "written", "category", names
    )
    again = pickle.loads(pickle.dumps(view))  # what st.cache_data does between a run and the next
    assert json.loads(pio.to_json(again.figure)) == json.loads(pio.to_json(view.figure))
    bars = [tr for tr in again.figure.data if tr.type == "bar" and tr.base is not None]
    assert bars and all(isinstance(tr.x, np.ndarray) for tr in bars)  # arrays, not base64 blocks
    again.figure.update_layout(title="changed")  # a copy: the cached one is untouched
    assert view.figure.layout.title.text != "changed"


def test_the_dataset_is_hashed_by_its_version_not_its_place_in_memory(dataset):
    import dataclasses

    assert cached.BY_VERSION[type(dataset)](dataset) == dataset.version
    moved = dataclasses.replace(dataset)  # another object, the same files
    assert cached.BY_VERSION[type(moved)](moved) == dataset.version and moved is not dataset
