"""Chart builders read right on a projector and a phone: real time axes, labels that do not pile up, titles
that fit, numbers without English abbreviations, reference crosses off the value labels."""

import pandas as pd
import plotly.graph_objects as go
import pytest

from revolution.views import figure_charts, measure, place_charts, references, theme

NAMES = {"history": "H", "manifesto": "M"}


def test_coverage_chart_stands_each_decade_on_a_time_axis(dataset):
    fig = place_charts.coverage_chart(dataset.events, "ko", NAMES)
    assert fig.layout.xaxis.type == "linear" and fig.layout.xaxis.ticksuffix == "년"
    xs = sorted({x for trace in fig.data for x in trace.x})
    # the 1100s and the 1670s are 57 decades apart on the axis, not neighbours
    assert xs[0] == 1105 and xs[1] - xs[0] > 100
    assert sum(sum(trace.y) for trace in fig.data) == len(dataset.events)
    assert "1100년대" in fig.data[0].customdata


def test_titles_wrap_to_fit_a_phone():
    """A title's lines fit the phone's 330-px title width as drawn in the chart's font (22 px), read from
    the font file itself (Pillow), not from the estimate the wrapping uses."""
    from PIL import ImageFont

    font_file = next((f for f in measure.FONT_FILES if f.exists()), None)
    if font_file is None:
        pytest.skip("fonts-noto-cjk is not installed; ./dev installs it")
    font = ImageFont.truetype(str(font_file), 22, index=1)
    for title in (
        "Constituent Assembly election, vote shares (1917)",
        "Places (longitude and latitude, no base map)",
        "제헌의회 선거에서 정당별 득표율과 다른 출처가 주는 값 (1917년)",
    ):
        lines = theme.apply(go.Figure(layout=dict(title=title))).layout.title.text.split("<br>")
        assert len(lines) >= 2, title  # each is wider than a phone
        assert all(font.getlength(line) <= 330 for line in lines), lines
    assert theme.wrap_title("10년 단위 사건 수") == "10년 단위 사건 수"


def test_axes_write_numbers_in_full_not_as_english_abbreviations(dataset):
    template = theme.TEMPLATE.layout
    assert template.xaxis.exponentformat == "none" and template.xaxis.separatethousands
    group = {"title_ko": "t", "title_en": "t", "chart": "index", "group_id": "industrial_output"}
    rows = dataset.figures[dataset.figures.group == "industrial_output"]
    fig = figure_charts.index_chart(rows, group, "ko", NAMES)
    assert fig.layout.xaxis.tickformat == "d"  # years stay 1921, not 1,921


def test_reference_crosses_sit_off_the_value_labels(dataset):
    rows = dataset.figures[dataset.figures.group == "constituent_assembly"]
    group = {"title_ko": "t", "title_en": "t", "chart": "bounds", "group_id": "constituent_assembly"}
    refs = references.beside(dataset.reference_values, rows.figure_id)
    fig = figure_charts.bounds_chart(rows, group, "ko", NAMES, refs=refs)
    crosses = [d for d in fig.data if d.offsetgroup == "refs"]
    room = [d for d in fig.data if d.offsetgroup == "refs_room"]
    assert len(crosses) == 1 and len(room) == 1 and fig.layout.scattermode == "group"
    assert list(crosses[0].x) == list(refs.value)
    assert all(pd.isna(v) for v in room[0].x) and room[0].showlegend is False


def test_korean_axes_count_people_in_man(dataset):
    rows = dataset.figures[dataset.figures.group == "petrograd_1917"]
    group = {"title_ko": "t", "title_en": "t", "chart": "bars", "group_id": "petrograd_1917"}
    ko = figure_charts.bars_chart(rows, group, "ko", NAMES)
    assert list(ko.layout.xaxis.ticktext) == ["0", "200만"]  # few ticks: they stay level on a phone
    assert list(figure_charts.bars_chart(rows, group, "en", NAMES).layout.xaxis.ticktext) == ["0", "2M"]


def test_an_arrow_back_from_a_ceiling_stops_at_zero_not_in_the_row_names(dataset):
    """'under 10 years' on an axis that runs to 1,400: the arrow back would have run past zero, across the
    row names on the left; it stops at zero (a bar too short for it keeps only its label)."""
    rows = dataset.figures[dataset.figures.group == "time_spans"]
    group = {"title_ko": "t", "title_en": "t", "chart": "bars", "group_id": "time_spans"}
    fig = figure_charts.bars_chart(rows, group, "ko", NAMES)
    backs = [a for a in fig.layout.annotations if a.showarrow and a.x < a.ax]
    assert backs and min(a.x for a in backs) >= 0


def test_the_bounds_legend_names_a_floor_and_a_ceiling_as_bounds(dataset):
    # issue 34: "over 55%" was in the legend as "원문의 값" (a value as stated), "under 25%" as a bound
    from revolution.i18n import t

    rows = dataset.figures[dataset.figures.group == "constituent_assembly"]
    group = {"title_ko": "t", "title_en": "t", "chart": "bounds", "group_id": "constituent_assembly"}
    for lang in ("ko", "en"):
        fig = figure_charts.bounds_chart(rows, group, lang, NAMES)
        by_row = {}
        for tr in fig.data:
            if tr.type == "bar" and tr.customdata is not None:
                for c in tr.customdata:
                    by_row[c[0].split(":")[0]] = tr.name
        named = {tr.name for tr in fig.data if tr.showlegend is not False and tr.name}
        over = rows[rows.qualifier == "more_than"]
        under = rows[rows.qualifier == "less_than"]
        assert len(over) and len(under)
        floor, ceiling = t("bound_over_legend", lang), t("bound_under_legend", lang)
        for r in over.to_dict("records"):
            assert by_row[r[f"measure_{lang}"]] == floor, r["figure_id"]
        for r in under.to_dict("records"):
            assert by_row[r[f"measure_{lang}"]] == ceiling, r["figure_id"]
        assert {floor, ceiling} <= named and floor != ceiling
        assert t("exact_legend", lang) not in {by_row[r[f"measure_{lang}"]] for r in over.to_dict("records")}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_bars_chart_legend_says_what_a_bounds_arrow_means(dataset, lang):
    # issue 34: the Petrograd chart's arrow ('1만 명 초과') was explained by no legend entry
    from revolution.i18n import t

    floor, ceiling, span = (t(k, lang) for k in ("bound_over_legend", "bound_under_legend", "bound_legend"))
    for gid in dataset.groups[dataset.groups.chart == "bars"].group_id:
        rows = dataset.figures[dataset.figures.group == gid]
        group = {"title_ko": "t", "title_en": "t", "chart": "bars", "group_id": gid}
        fig = figure_charts.bars_chart(rows, group, lang, NAMES)
        named = {tr.name for tr in fig.data if tr.showlegend is not False}
        arrows = [a for a in fig.layout.annotations if a.showarrow]
        onward = any(a.x > a.ax for a in arrows) if arrows else False
        assert (floor in named) == rows.qualifier.eq("more_than").any(), gid
        assert (ceiling in named) == rows.qualifier.eq("less_than").any(), gid
        assert (span in named) == rows.qualifier.eq("range").any(), gid
        assert not arrows or floor in named or ceiling in named, gid
        assert not onward or floor in named, gid
    # a made-up ceiling and range get theirs too
    rows = dataset.figures[dataset.figures.group == "petrograd_1917"].copy()
    rows.loc[rows.index[0], "qualifier"] = "less_than"
    group = {"title_ko": "t", "title_en": "t", "chart": "bars", "group_id": "petrograd_1917"}
    named = {tr.name for tr in figure_charts.bars_chart(rows, group, lang, NAMES).data}
    assert ceiling in named
