"""The timeline as a screen lays it out (the Timeline page and every Slides preview), read from the figure
alone: at the narrowest chart the app draws it in, the dates, the rows, the era names and the legend each
keep a band of their own; coloured by text, the legend names each text once."""

import pandas as pd
import pytest

from revolution.data import eras, filters
from revolution.views import measure, timeline_charts

WINDOWS = [(1917, 1917), (1914, 1924), (1918, 1921), (1905, 1907)]
LINE = 1.3  # a line of type, as Plotly spaces lines
TICK_PX = 5  # the template's outside ticks
LEGEND_ROW_PX = 34  # a row of legend entries as Chromium draws it (measured: 8 rows of 16 px type, 271 px)


def build(dataset, years, lang, color="category", labels="row"):
    shown = filters.events(dataset, filters.EventFilter(years=years))
    names = dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))
    fig = timeline_charts.timeline_chart(
        shown,
        dataset.eras,
        lang,
        "new",
        color,
        names,
        years=years,
        labels=labels,
        key_titles=dataset.event_keys,
    )
    return shown, fig


def dates_px(fig) -> float:
    """The height the date labels take: their lines (the tick format's, at its widest) of the chart's type,
    and the ticks."""
    lines = max(s.value.count("<br>") + 1 for s in fig.layout.xaxis.tickformatstops)
    return lines * fig.layout.template.layout.font.size * LINE + TICK_PX


def legend_px(fig, width: float) -> float:
    """The legend's height at `width`, measured here from its entries: rows of entries packed left to right
    in the chart's font, and a line more for each name drawn on two."""
    names = measure.legend_names(fig)
    longest = [max(n.split("<br>"), key=lambda s: measure.text_width(s, 16)) for n in names]
    rows = measure.legend_rows(longest, width, 16)
    return rows * LEGEND_ROW_PX + sum(n.count("<br>") for n in names) * 16 * LINE


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("years", WINDOWS, ids=lambda y: f"{y[0]}-{y[1]}")
def test_at_the_narrowest_chart_dates_rows_era_names_and_legend_each_keep_their_own_band(
    dataset, years, lang
):
    _, fig = build(dataset, years, lang)
    chart = timeline_charts.NARROWEST_PX
    m, height = fig.layout.margin, fig.layout.height
    plot_w = chart - m.l - m.r
    # top to bottom, in the chart's pixels: dates over the rows, the rows, the dates again, the legend
    top_dates = (0, m.t)
    plot = (m.t, height - m.b)
    bottom_dates = (plot[1], plot[1] + dates_px(fig))
    assert fig.layout.legend.yref == "container" and fig.layout.legend.yanchor == "top"
    legend_top = height * (1 - fig.layout.legend.y)
    legend = (legend_top, legend_top + legend_px(fig, plot_w))
    assert top_dates[1] - top_dates[0] >= dates_px(fig)  # the dates over the first row fit their margin
    assert bottom_dates[1] <= legend[0]  # the legend starts under the bottom dates ...
    assert legend[1] <= height + 0.5  # ... and ends inside the chart at its narrowest
    # every legend name fits a row of the narrowest chart (Plotly cuts a longer one at the chart's edge)
    for name in measure.legend_names(fig):
        for line in name.split("<br>"):
            assert measure.text_width(line, 16) + timeline_charts.LEGEND_ITEM_PX <= plot_w, line
    # an era's name is written in a row of the plot (not in the margin, where the dates are), inside a bar
    # across its band, and Plotly hides a name its band cannot hold at the width drawn (rather than shrink it
    # or let it run onto its neighbours); the bar's hover names the era and its years at any width
    bottom_row, top_row = fig.layout.yaxis.range
    named = [tr for tr in fig.data if tr.type == "bar" and tr.text is not None]
    shown_eras = eras.clipped(dataset.eras, *years)
    assert len(named) == (len(shown_eras) if len(shown_eras) > 1 else 0)
    for tr, (_, era, a, b) in zip(named, shown_eras):
        assert tr.y == (-1,) and tr.text == (era[f"title_{lang}"],)
        assert top_row <= -1 - tr.width / 2 and -1 + tr.width / 2 < -0.5 + 0.2  # in its row, inside the plot
        assert tr.textposition == "inside" and tr.textangle == 0 and tr.textfont.size >= 12
        across = pd.Timestamp(f"{b + 1}-01-01") - pd.Timestamp(f"{a}-01-01")  # the whole band
        assert tr.base == (f"{a}-01-01",) and tr.x == (across.total_seconds() * 1000,)
        assert era[f"title_{lang}"] in tr.hovertemplate
    if named:
        assert fig.layout.uniformtext.mode == "hide" and fig.layout.uniformtext.minsize >= 12


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_coloured_by_text_the_legend_names_each_text_once(dataset, lang):
    shown, fig = build(dataset, (1917, 1917), lang, color="source")
    names = measure.legend_names(fig)
    texts = [
        dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))[s]
        for s in shown.source_id.unique()
    ]
    assert len(texts) == 2 and all(names.count(t) == 1 for t in texts), names
    assert len(names) == len(set(names))


@pytest.mark.parametrize("years", [(1917, 1917), (1918, 1921), (1914, 1924)])
def test_a_row_name_on_a_white_ground_covers_no_mark_at_the_narrowest_chart(dataset, years):
    # issue 34: on a phone, "니콜라이 2세 퇴위" over its year's start hid the dot for March
    from revolution.views import measure

    shown = filters.events(dataset, filters.EventFilter(years=years))
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_ko))
    fig = timeline_charts.timeline_chart(
        shown, dataset.eras, "ko", "new", "category", names, years=years, key_titles=dataset.event_keys
    )
    x0, x1 = pd.Timestamp(f"{years[0]}-01-01"), pd.Timestamp(f"{years[1] + 1}-01-01")
    plot_px = timeline_charts.NARROWEST_PX - 2 * timeline_charts.SIDE_PX
    px = lambda x: (pd.Timestamp(x) - x0) / (x1 - x0) * plot_px  # noqa: E731
    dots = [
        (px(x), round(y))
        for tr in fig.data
        if tr.type == "scatter"
        and tr.mode == "markers"
        and tr.customdata is not None
        and (tr.marker.opacity is None or tr.marker.opacity > 0)
        for x, y in zip(tr.x, tr.y)
    ]
    boxes = [a for a in fig.layout.annotations if a.bgcolor and a.hovertext and a.xref in (None, "x")]
    assert boxes, "some row is named over its bar"
    covered = []
    for a in boxes:
        left = px(a.x) + (a.xshift or 0)
        right = left + measure.text_width(a.text, a.font.size or 13)
        radius = timeline_charts.MARK_PX / 2
        covered += [(a.text, x) for x, y in dots if y == round(a.y) and left - radius < x < right + radius]
    assert covered == []
