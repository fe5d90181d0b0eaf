"""The timeline as a screen lays it out (the Timeline page and every Slides preview), read from the figure
alone: at the narrowest chart the app draws it in, the dates, the rows, the era names and the legend each
keep a band of their own; coloured by text, the legend names each text once."""

import pytest

from revolution.data import eras, filters
from revolution.views import measure, timeline_charts
from revolution.views.chart_marks import LABEL_PX

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
    # an era's name is written in a row of the plot (not in the margin, where the dates are), and only where
    # its band holds it at the narrowest chart, so that no name runs onto another
    bottom_row, top_row = fig.layout.yaxis.range
    shares = {
        era[f"title_{lang}"]: (b + 1 - a) / (years[1] + 1 - years[0])
        for _, era, a, b in eras.clipped(dataset.eras, *years)
    }
    for tr in fig.data:
        if tr.type == "scatter" and tr.mode == "text" and tr.y == (-1,):
            assert top_row <= -1.5 and bottom_row > -1  # the whole era row lies inside the plot
            assert measure.text_width(tr.text[0], LABEL_PX, spare=1) <= shares[tr.text[0]] * plot_w


def test_the_revolution_years_name_the_eras_that_fit_and_keep_the_others_in_their_hover(dataset):
    """The window of 1914–1924 at the narrowest chart: the wide eras (civil war, NEP) are named, the
    narrow one of 1917 alone is a mark whose hover names it."""
    _, fig = build(dataset, (1914, 1924), "ko")
    era_row = [tr for tr in fig.data if tr.type == "scatter" and tr.y == (-1,)]
    named = {tr.text[0] for tr in era_row if tr.mode == "text"}
    unnamed = [tr for tr in era_row if tr.mode == "markers"]
    assert named and unnamed
    assert all(tr.text[0] in tr.hovertemplate for tr in unnamed)


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
