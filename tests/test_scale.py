"""A corpus far larger than ours: it loads through the same loader, and the views count or cut what no eye can
see."""

import pandas as pd
import pytest
import streamlit as st

from harness.apptest import captions, decode, run
from harness.apptest import charts as page_charts
from harness.synthetic import generate
from revolution import limits
from revolution.data import filters
from revolution.data.load import load_dataset
from revolution.data.table import records
from revolution.views import timeline_charts

from .conftest import SEEDS

SIZE = 2_000  # above limits.TIMELINE_ROWS event keys, small enough to load in a second


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate(SIZE, tmp_path_factory.mktemp("corpus") / "data")


@pytest.fixture(scope="module")
def big(corpus):
    return load_dataset(corpus, SEEDS)


def test_a_synthetic_corpus_passes_every_check_of_the_loader(big, dataset):
    assert len(big.events) == SIZE and big.events.event_id.is_unique
    assert (big.figures.kind == "stated").sum() == SIZE
    # the real rows are kept as they are; the new ones copy real quotes, so provenance holds for every row
    real = big.events[big.events.event_id.isin(dataset.events.event_id)]
    pd.testing.assert_frame_equal(real.reset_index(drop=True), dataset.events.reset_index(drop=True))
    assert big.events.quote.isin(dataset.events.quote).all()


def test_records_equals_pandas_to_dict(dataset):
    frame = dataset.figures.head(12)
    mine, theirs = records(frame), frame.to_dict("records")
    assert len(mine) == 12 and [a.keys() for a in mine] == [b.keys() for b in theirs]
    for a, b in zip(mine, theirs):
        for k in a:
            assert (a[k] is None or a[k] != a[k]) if pd.isna(b[k]) else a[k] == b[k], (k, a[k], b[k])


def test_head_cuts_and_says_so():
    frame = pd.DataFrame({"x": range(10)})
    assert limits.head(frame, 3)[0].x.tolist() == [0, 1, 2] and limits.head(frame, 3)[1] is True
    assert len(limits.head(frame, 10)[0]) == 10 and limits.head(frame, 10)[1] is False


def test_past_the_row_limit_the_timeline_counts_events_per_year(big):
    fig = timeline_charts.timeline_chart(big.events, big.eras, "ko", "written", "category", {})
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert sum(sum(tr.y) for tr in bars) == len(big.events)  # every event counted once
    assert len(bars) == big.events.category.nunique()  # one trace per category, not per event
    by_source = timeline_charts.timeline_chart(
        big.events, big.eras, "en", "written", "source", {"history": "H"}
    )
    assert {tr.name for tr in by_source.data if tr.type == "bar"} == {"H", "manifesto"}


def test_below_the_row_limit_the_timeline_draws_every_event(dataset):
    years = (1914, 1924)
    shown = filters.events(dataset, filters.EventFilter(years=years))
    fig = timeline_charts.timeline_chart(shown, dataset.eras, "ko", "written", "category", {}, years=years)
    marks = [tr for tr in fig.data if tr.type == "bar" or tr.mode == "markers"]
    ids = {c[0] for tr in marks if tr.customdata is not None for c in tr.customdata}
    assert ids == set(shown.event_id)


@pytest.mark.parametrize(
    "span, step", [((1917, 1917), 1), ((1900, 1939), 1), ((1800, 1949), 5), ((1000, 2017), 10)]
)
def test_density_bins_stay_wide_enough_to_hover(big, span, step):
    fig = timeline_charts.density_chart(big.events, "ko", "category", {}, years=span)
    starts = sorted({int(x[:4]) for tr in fig.data if tr.type == "bar" for x in tr.x})
    assert all((b - span[0]) % step == 0 for b in starts)


def run_big(corpus, monkeypatch, page, **params):
    """A page on the synthetic corpus, with caches emptied first: a view cached by an earlier test was
    built under other limits than the ones a test patches."""
    monkeypatch.setenv("REVOLUTION_DATA_DIR", str(corpus))
    st.cache_data.clear()
    st.cache_resource.clear()
    return run(page, timeout=60, **params)


def test_timeline_page_says_it_counts_and_lists_the_first_events(corpus, monkeypatch):
    monkeypatch.setattr(limits, "CHOICES", 50)
    at = run_big(corpus, monkeypatch, "pages/timeline.py", **{"from": "1100", "to": "2017"})
    assert any("2,000" in c for c in captions(at))
    assert at.info and "300" in at.info[0].value  # the note on counting names the limit
    spec = page_charts(at)[0]
    assert sum(sum(decode(tr["y"])) for tr in spec["data"] if tr["type"] == "bar") == SIZE
    assert len(at.selectbox(key="event").options) == 51  # "none" and the first 50
    narrowed = run_big(
        corpus, monkeypatch, "pages/timeline.py", **{"from": "1917", "to": "1917", "cat": "revolution"}
    )
    assert not narrowed.info  # few enough to draw one by one
    assert any(tr.get("customdata") for tr in page_charts(narrowed)[0]["data"])


def test_explorer_shows_the_first_rows_and_downloads_all(corpus, monkeypatch):
    monkeypatch.setattr(limits, "TABLE_ROWS", 100)
    at = run_big(corpus, monkeypatch, "pages/explorer.py", table="events")
    assert len(at.dataframe[0].value) == 100
    assert any("100" in c and "2,000" in c for c in captions(at))
    assert any(str(SIZE) in b.proto.label for b in at.get("download_button"))  # the CSV holds every row


def test_figures_page_draws_at_most_the_chart_limit_per_group(corpus, monkeypatch):
    at = run_big(corpus, monkeypatch, "pages/figures.py")
    for spec in page_charts(at):
        marks = [len(decode(tr.get("y", []))) for tr in spec["data"] if tr.get("type") == "bar"]
        assert sum(marks) <= limits.CHART_ROWS
