"""A view drawn on a page, downloaded, put in the deck, presented or bundled is made by one builder: the same
figure wherever it goes, and each rule (an index chart's Maddison series, counts instead of rows) once."""

import json

import plotly.io as pio
import pytest

from revolution import limits
from revolution.exports import slides
from revolution.views import panels, timeline_charts


def same(a, b) -> bool:
    return json.loads(pio.to_json(a)) == json.loads(pio.to_json(b))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_figure_group_is_the_same_figure_on_its_page_and_in_the_deck(dataset, lang):
    names = dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))
    keys = [k for k in slides.options(dataset) if k.startswith("figure:")]
    assert keys
    for key in keys:
        group_id = key.split(":", 1)[1]
        page = panels.panel(dataset, group_id, lang, (), True, names)  # the Figures page, every source
        item = slides.build(dataset, key, lang, names)  # the deck, presentation mode, the lesson bundle
        assert same(page.figure, item.figure), key
        assert page.alt == item.alt and page.maddison == item.maddison, key


def test_an_index_chart_carries_the_maddison_series_wherever_it_is_drawn(dataset):
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_en))
    index_groups = list(dataset.groups[dataset.groups.chart == "index"].group_id)
    assert index_groups
    for group_id in index_groups:
        drawn = panels.group_figure(dataset, group_id, "en", names)
        assert drawn.maddison is not None
        assert panels.panel(dataset, group_id, "en", (), True, names).maddison
        assert slides.build(dataset, f"figure:{group_id}", "en", names).maddison
        assert panels.group_figure(dataset, group_id, "en", names, with_refs=False).maddison is None


def test_the_timeline_and_its_note_read_one_rule_for_counts_instead_of_rows():
    rule = timeline_charts.counted_instead
    assert rule(limits.TIMELINE_ROWS + 1, (1917, 1917)) == timeline_charts.DENSITY
    long = (1900, 1900 + timeline_charts.OVERVIEW_YEARS)
    assert rule(10, long) == timeline_charts.OVERVIEW and rule(10, long, overview=False) is None
    assert rule(10, (1914, 1924)) is None


def test_no_page_types_a_deck_key():
    """The pages hand the deck keys made by exports.slides (figure_key, map_key, timeline_key), never a
    string of their own ("figure:…"), so a key's form is decided once."""
    import re

    from revolution.data.paths import ROOT

    typed = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in [*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""["'](figure|map|timeline):""", line)
    ]
    assert typed == []
