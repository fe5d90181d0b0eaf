"""The timeline as a person reads it: dates drawn at their precision, one fixed look per category, ticks that
never repeat, row labels that fit, and an overview for long spans."""

import html

import pandas as pd
import pytest

from revolution.data import categories, filters, sources
from revolution.views import timeline_charts

REVOLUTION = (1914, 1924)
NAMES = {"history": "류한수 (역사 개설)", "manifesto": "국제코뮤니스트흐름 (선언문)"}


def view(dataset, years=REVOLUTION, mode="written", color="category", lang="ko"):
    shown = filters.events(dataset, filters.EventFilter(years=years))
    names = dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))
    return shown, timeline_charts.timeline_chart(shown, dataset.eras, lang, mode, color, names, years=years)


def marks_of(fig, event_id):
    """(trace, index) of every mark drawn for one event."""
    out = []
    for tr in fig.data:
        if tr.customdata is None or (tr.type == "scatter" and tr.mode != "markers"):
            continue
        out += [(tr, i) for i, c in enumerate(tr.customdata) if c[0] == event_id]
    return out


@pytest.mark.parametrize("mode", ["written", "new"])
def test_a_year_given_alone_is_a_whiskered_dot_in_its_year_and_a_day_is_a_point(dataset, mode):
    ev = dataset.events
    year_only = ev[(ev.precision == "year") & (ev.start == ev.end) & ev.start.str.startswith("1903")].iloc[0]
    _, fig = view(dataset, years=(1900, 1910), mode=mode)
    ((tr, i),) = marks_of(fig, year_only.event_id)
    assert tr.type == "scatter" and tr.meta[1] == "year"  # never a bar: a year given alone is not a year long
    assert pd.Timestamp(tr.x[i]).year == int(year_only.start)
    assert "연도만 알려짐" in tr.customdata[i][2]  # the hover says how precise the text is
    (whisker,) = whiskers_of(fig, year_only.event_id)
    assert whisker == (
        pd.Timestamp(f"{year_only.start}-01-01"),
        pd.Timestamp(f"{int(year_only.start) + 1}-01-01"),
    )
    day = ev[ev.event_id == "EH033"].iloc[0]  # 25 October 1917, Old Style
    _, fig = view(dataset, years=(1917, 1917), mode=mode)
    ((tr, i),) = marks_of(fig, day.event_id)
    assert tr.type == "scatter" and tr.mode == "markers" and tr.meta[1] == "day"
    assert tr.x[i] == ("1917-10-25" if mode == "written" else "1917-11-07")
    assert not whiskers_of(fig, day.event_id)


def whiskers_of(fig, event_id):
    """(first, last) day of every whisker drawn for one event."""
    out = []
    for tr in fig.data:
        if tr.type == "scatter" and tr.mode == "lines+markers" and tr.customdata is not None:
            for j in range(0, len(tr.x), 3):
                if tr.customdata[j][0] == event_id:
                    out.append((pd.Timestamp(tr.x[j]), pd.Timestamp(tr.x[j + 1])))
    return out


def test_every_category_has_one_colour_and_marker_in_every_view(dataset):
    seen = {}
    for years, color in ((REVOLUTION, "category"), ((1917, 1917), "category"), ((1918, 1921), "category")):
        _, fig = view(dataset, years=years, color=color)
        for tr in fig.data:
            if tr.legendgroup in categories.CATEGORIES:
                # a bar's outline, a mark's fill, the legend's stroke of colour
                colour = (
                    tr.marker.line.color
                    if tr.type == "bar"
                    else tr.line.color
                    if tr.mode == "lines"
                    else tr.marker.color
                )
                seen.setdefault(tr.legendgroup, set()).add(colour)
    assert seen and all(c == {categories.get(k).colour} for k, c in seen.items())
    overview = timeline_charts.density_chart(dataset.events, "ko", "category", {}, (1100, 2017), dataset.eras)
    for tr in overview.data:
        if tr.type == "bar":
            code = next(c for c in categories.CODES if timeline_charts.category(c, "ko") == tr.name)
            assert tr.marker.color == categories.get(code).colour


def test_the_legend_names_each_category_and_each_text_by_its_mark(dataset):
    shown, fig = view(dataset)
    entries = [tr for tr in fig.data if tr.showlegend is not False and tr.x == (None,)]
    lines = [tr for tr in entries if tr.type == "scatter" and tr.mode == "lines"]
    swatches = [tr.name for tr in lines if tr.legendgroup in categories.CATEGORIES]
    assert swatches == [timeline_charts.category(c, "ko") for c in categories.order(shown.category.unique())]
    styles = sources.styles(dataset.sources)
    named = [tr for tr in entries if tr.type == "scatter" and tr.name in NAMES.values()]
    texts = {tr.name: tr.marker.symbol for tr in named}
    # each text once, in the data's order, with its own mark (from data/sources.csv)
    assert list(texts) == [NAMES[s] for s in dataset.sources.source_id]
    assert texts == {NAMES[s]: styles[s].symbol for s in dataset.sources.source_id}
    assert len(set(texts.values())) == len(texts)
    # and the marks themselves follow it: each text's marks are drawn in its own symbol, whatever the colour
    told = dict(zip(dataset.events.event_id, dataset.events.source_id))
    drawn = [tr for tr in fig.data if tr.type == "scatter" and tr.mode == "markers" and tr.customdata]
    assert drawn
    for tr in drawn:
        (source_id,) = {told[c[0]] for c in tr.customdata}
        assert tr.marker.symbol == styles[source_id].symbol


@pytest.mark.parametrize("lang, year_format", [("ko", "%Y년"), ("en", "%Y")])
def test_ticks_are_dated_so_no_two_read_the_same(dataset, lang, year_format):
    _, fig = view(dataset, years=(1918, 1921), lang=lang)
    stops = {tuple(s.dtickrange): s.value for s in fig.layout.xaxis.tickformatstops}
    day = 86_400_000
    # ticks a year or more apart say the year; closer ticks add the month (no 1918 1918 1919 1919)
    assert stops[(day * 360, None)] == year_format
    assert "%Y" in stops[(day * 27, day * 360)] and (
        "%b" in stops[(day * 27, day * 360)] or "월" in stops[(day * 27, day * 360)]
    )


def test_row_labels_fit_and_the_hover_keeps_the_whole_title(dataset):
    shown, fig = view(dataset, lang="en")
    pairs = [
        (html.unescape(label.strip()), html.unescape(hover.replace("<br>", " ")))
        for tr in fig.data
        if tr.type == "scatter" and tr.mode == "text" and tr.customdata is not None
        for label, hover in zip(tr.text, tr.customdata)
    ]
    pairs += [
        (html.unescape(a.text.replace("<br>", " ")), html.unescape(a.hovertext.replace("<br>", " ")))
        for a in fig.layout.annotations
        if a.hovertext  # a row's label, not the heading over the context rows
    ]
    assert len(pairs) == shown.event_key.nunique()  # one label per row
    assert all(len(label) <= timeline_charts.LABEL_CHARS["en"] for label, _ in pairs)
    cut = [(label, hover) for label, hover in pairs if label.endswith("…")]
    assert cut, "some English titles are longer than a row label"
    assert all(hover.startswith(label[:-1]) and len(hover) > len(label) for label, hover in cut)


def test_a_long_span_is_an_overview_under_the_eras(dataset):
    shown, fig = view(dataset, years=(1100, 2017))
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert sum(sum(tr.y) for tr in bars) == len(shown)  # every event counted once
    eras = [tr for tr in fig.data if tr.type == "scatter"]
    assert {t for tr in eras for t in tr.text} <= set(dataset.eras.title_ko)


def test_a_date_the_text_does_not_give_is_dotted_explained_and_can_be_hidden(dataset):
    ev = dataset.events
    inferred = ev[ev.date_basis != "stated"]
    assert len(inferred), "the data has events dated from their context or a chronology"
    row = inferred[inferred.start_gregorian.str[:4].astype(int).between(1914, 1924)].iloc[0]
    _, fig = view(dataset)
    ((tr, i),) = marks_of(fig, row.event_id)
    if tr.type == "bar":
        assert tr.marker.pattern.shape[i] == "."
    else:  # a dot: its whisker is dotted
        lines = [
            w
            for w in fig.data
            if w.type == "scatter" and w.mode == "lines+markers" and w.customdata is not None
            if any(c and c[0] == row.event_id for c in w.customdata)
        ]
        assert [w.line.dash for w in lines] == ["dot"]
    assert "원문에" in tr.customdata[i][2] and "없음" in tr.customdata[i][2]  # the date is not the text's
    assert any(tr.type == "bar" and tr.name == timeline_charts.t("legend_inferred", "ko") for tr in fig.data)
    hidden = filters.events(dataset, filters.EventFilter(years=REVOLUTION, date_bases=("stated",)))
    assert row.event_id not in set(hidden.event_id) and hidden.date_basis.eq("stated").all()


def test_every_mark_shares_one_hover_and_carries_per_point_only_what_differs(dataset):
    # less to send on every change: the text's name once per trace (meta), the hover template once per
    # figure (its template), and per point only the id, title, date and quote
    shown, fig = view(dataset)
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_ko))
    marks = [tr for tr in fig.data if tr.customdata is not None and tr.type in ("bar", "scatter")]
    marks = [tr for tr in marks if tr.type == "bar" or tr.mode == "markers"]
    assert marks and all(tr.hovertemplate is None for tr in marks)
    assert fig.layout.template.data.bar[0].hovertemplate == timeline_charts.EVENT_HOVER
    assert fig.layout.template.data.scatter[0].hovertemplate == timeline_charts.EVENT_HOVER
    assert {tr.meta[0] for tr in marks} == set(names.values())
    assert all(len(c) == 4 for tr in marks for c in tr.customdata)
    told = shown.set_index("event_id").source_id
    assert all(names[told[c[0]]] == tr.meta[0] for tr in marks for c in tr.customdata)
    # the row labels and the eras keep hovers of their own
    others = [tr for tr in fig.data if tr.type == "scatter" and tr.mode == "text" and tr.x[0] is not None]
    assert others and all(tr.hovertemplate for tr in others)


def test_figures_go_to_the_browser_as_utf_8_not_escaped():
    # orjson (requirements.txt) makes plotly write Hangul as it is, not as \uXXXX: a third fewer bytes
    import plotly.graph_objects as go
    import plotly.io as pio

    assert "러시아" in pio.to_json(go.Figure(layout=dict(title="러시아")), validate=False)


@pytest.mark.parametrize("color", ["category", "source"])
def test_the_legend_names_every_bar_pattern_it_draws(dataset, color):
    # issue 34: the manifesto's hatched bars were drawn and never explained
    _, fig = view(dataset, color=color)
    drawn = set()
    for tr in fig.data:
        if tr.type == "bar" and tr.customdata is not None and tr.showlegend is False:
            shape = tr.marker.pattern.shape
            drawn |= set(shape) if isinstance(shape, (list, tuple)) else {shape}
    assert "/" in drawn  # the manifesto's periods, hatched
    entries = {}
    for tr in fig.data:
        if tr.type == "bar" and tr.showlegend is not False and tr.name:
            entries[tr.marker.pattern.shape or ""] = tr.name
    assert drawn <= set(entries), (drawn, entries)
    assert NAMES["manifesto"] in entries["/"].replace("<br>", " ")  # wrapped for a phone
