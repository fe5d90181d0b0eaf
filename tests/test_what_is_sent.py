"""An input sends what it changes (issue 35): the timeline's figure is as few traces as its legend and hover
allow, and a table or download menu nobody opened is not built or sent again with every input."""

import collections

import plotly.io as pio
import pytest

from harness.apptest import run
from revolution.data import filters, presets
from revolution.views import page_views

# (preset, colour) -> at most this many traces and bytes of JSON as sent (every date basis, as the page
# opens). Before issue 35: the default view (1914–1924, by category) 96 traces in 87.4 KB, 1917 51 in
# 38.0 KB, the Civil War 67 in 46.3 KB; by text 33, 27 and 29 traces in 69.8, 31.8 and 36.2 KB.
MOST = {
    ("revolution_years", "category"): (86, 83_500),
    ("1917", "category"): (47, 36_500),
    ("civil_war_1918_1921", "category"): (62, 44_500),
    ("revolution_years", "source"): (29, 68_500),
    ("1917", "source"): (24, 30_500),
    ("civil_war_1918_1921", "source"): (25, 34_500),
}


def figure(dataset, preset, color):
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_ko))
    chosen = filters.EventFilter(
        years=presets.years(dataset.presets)[preset],
    )
    return page_views.timeline(dataset, chosen, "ko", "written", color, names).figure


@pytest.mark.parametrize("preset, color", list(MOST))
def test_the_timeline_is_a_few_traces_and_few_bytes(dataset, preset, color):
    fig = figure(dataset, preset, color)
    most_traces, most_bytes = MOST[preset, color]
    size = len(pio.to_json(fig, validate=False).encode())
    print(f"{preset} by {color}: {len(fig.data)} traces, {size:,} bytes")
    assert len(fig.data) <= most_traces and size <= most_bytes
    # one trace per colour, text and kind of mark (the legend toggles a colour; the hover reads the text's
    # name and the kind from the trace), and one whisker trace per colour, text and way (solid, dotted)
    marks = collections.Counter(
        (tr.legendgroup, tr.meta[0], tr.meta[1])
        for tr in fig.data
        if tr.customdata is not None and tr.meta is not None and (tr.type == "bar" or tr.mode == "markers")
    )
    assert marks and max(marks.values()) == 1
    whiskers = collections.Counter(
        (tr.legendgroup, tr.meta[0], tr.line.dash)
        for tr in fig.data
        if tr.type == "scatter" and tr.mode == "lines+markers" and tr.customdata
    )
    assert whiskers and max(whiskers.values()) == 1
    # a whisker trace holds every kind its colour and text draw with one (a month, a year, a window)
    kinds = {(g, text): {k for (g2, t2, k) in marks if (g2, t2) == (g, text)} for g, text, _ in whiskers}
    assert any(len(k - {"day", "period"}) > 1 for k in kinds.values())


def test_a_closed_table_or_download_menu_is_not_sent_and_opens_with_its_content(dataset):
    at = run("pages/figures.py", group="constituent_assembly")
    assert not at.dataframe and not at.get("download_button")
    at.session_state["rows_constituent_assembly"] = True
    at.run()
    (rows,) = at.dataframe
    assert len(rows.value) == len(dataset.figures[dataset.figures.group == "constituent_assembly"])
    at.session_state["chart_constituent_assembly_downloads"] = True
    at.run()
    assert len(at.get("download_button")) == 3


def test_the_timelines_rows_behind_are_built_when_opened(dataset):
    at = run("pages/timeline.py", **{"from": "1917", "to": "1917"})
    assert not at.dataframe
    at.session_state["timeline_rows"] = True
    at.run()
    (rows,) = at.dataframe
    assert len(rows.value) == len(filters.events(dataset, filters.EventFilter(years=(1917, 1917))))
