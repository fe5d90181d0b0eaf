"""Every event is drawn as what its text knows, in every timeline: a day a dot, a month, a year or a window a
dot with a whisker across it, only a period a bar (issue 23); and the rows start with the window's own."""

import json

import pandas as pd
import pytest

from revolution.data import filters, presets
from revolution.data.calendar import mark_kind
from revolution.exports import publish, slide_layout, slides
from revolution.views import page_views, timeline_charts

WINDOWS = [(y, y + 79) for y in range(1100, 2020, 80)]  # every event starts in one; none is an overview


def names(dataset, lang="ko"):
    return dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))


def drawn(fig) -> dict[str, list[tuple[str, str]]]:
    """event id -> [(trace type, kind in its meta)] for every mark (bars and dots; whiskers apart)."""
    out: dict[str, list] = {}
    for tr in fig.data:
        if tr.customdata is None or tr.meta is None:
            continue
        if tr.type == "scatter" and tr.mode != "markers":
            continue
        for c in tr.customdata:
            out.setdefault(c[0], []).append((tr.type, tr.meta[1]))
    return out


def whiskers(fig) -> dict[str, list[tuple[pd.Timestamp, pd.Timestamp]]]:
    out: dict[str, list] = {}
    for tr in fig.data:
        if tr.type == "scatter" and tr.mode == "lines+markers" and tr.customdata is not None:
            for j in range(0, len(tr.x), 3):
                out.setdefault(tr.customdata[j][0], []).append(
                    (pd.Timestamp(tr.x[j]), pd.Timestamp(tr.x[j + 1]))
                )
    return out


def check(fig, events: pd.DataFrame, mode: str) -> None:
    marks, lines = drawn(fig), whiskers(fig)
    dates = timeline_charts.plot_dates(events, mode)
    for rec, (lo, hi) in zip(events.to_dict("records"), zip(dates.lo, dates.hi)):
        kind = mark_kind(rec)
        got = marks.get(rec["event_id"])
        assert got == [("bar" if kind == "period" else "scatter", kind)], (rec["event_id"], got)
        if kind in ("day", "period"):
            assert rec["event_id"] not in lines, rec["event_id"]
        else:  # the whisker runs across exactly the days the date can mean
            assert lines[rec["event_id"]] == [(lo, hi)], rec["event_id"]


def test_the_rule_reads_extent_and_precision(dataset):
    ev = dataset.events
    kinds = {r["event_id"]: mark_kind(r) for r in ev.to_dict("records")}
    assert kinds["EH033"] == "day"  # 10월 25일
    assert kinds["EM001"] == "month"  # 1917년 10월
    assert kinds["EH070"] == "year"  # 1917년, October told by its year
    assert kinds["EH038"] == "window"  # 여름부터: the civil war began some time that summer
    assert kinds["EH084"] == "period"  # 세 해 동안의 내전
    # nothing that happened once is a period, and a period has a start before its end
    assert (ev[ev.extent == "period"].start != ev[ev.extent == "period"].end).all()


@pytest.mark.parametrize("mode", ["written", "new"])
def test_every_event_on_screen_is_drawn_as_its_text_knows_it(dataset, mode):
    seen = set()
    for years in WINDOWS:
        chosen = filters.EventFilter(years=years)
        shown = filters.events(dataset, chosen)
        if shown.empty:
            continue
        fig = page_views.timeline(dataset, chosen, "ko", mode, "category", names(dataset)).figure
        check(fig, shown, mode)
        seen |= set(shown.event_id)
        export = page_views.timeline_slides(dataset, chosen, "en", mode, "source", names(dataset, "en"))
        check(export, shown, mode)
    assert seen == set(dataset.events.event_id)


def test_every_event_in_the_deck_and_its_pages_is_drawn_as_its_text_knows_it(dataset):
    # the deck, presentation mode and the lesson bundle draw the slides' own figures and pages
    item = slides.build(dataset, "timeline:all", "ko", names(dataset), with_refs=False)
    check(item.figure, item.rows, "new")
    assert set(item.rows.event_id) == set(dataset.events.event_id)
    pages = slide_layout.pages(item.figure, (1920, 1080))
    assert len(pages) > 1
    for fig, _ in pages:  # a page shows some rows of the same marks
        check(fig, item.rows, "new")


def test_timelinejs_gives_an_end_only_to_a_period_and_a_start_at_the_texts_precision(dataset):
    tl = json.loads(publish.timelinejs_bytes(dataset.events, dataset.eras, "ko", names(dataset)))
    by_id = {e["unique_id"]: e for e in tl["events"]}
    depth = {"day": 3, "month": 2, "year": 1, "window": 1}
    for rec in dataset.events.to_dict("records"):
        item, kind = by_id[rec["event_id"]], mark_kind(rec)
        assert ("end_date" in item) == (kind == "period"), rec["event_id"]
        if kind != "period":
            assert len(item["start_date"]) == depth[kind], rec["event_id"]


def test_the_windows_own_events_come_first_and_spanning_periods_say_so(dataset):
    chosen = filters.EventFilter(years=presets.years(dataset.presets)["1917"])
    view = page_views.timeline(dataset, chosen, "ko", "written", "category", names(dataset))
    rows = [tr for tr in view.figure.data if tr.type == "scatter" and tr.mode == "text" and tr.customdata]
    labels = {
        round(y): text.strip() for tr in rows for y, text in zip(tr.y, tr.text) if isinstance(text, str)
    }
    labels |= {round(a.y): a.text for a in view.figure.layout.annotations if a.hovertext}
    order = [labels[k] for k in sorted(labels)]
    first_context = next(i for i, s in enumerate(order) if "년부터" in s or "년까지" in s or "–" in s)
    own = order[:first_context]
    assert "2월 혁명" in own and "10월 혁명" in own
    assert own.index("2월 혁명") < own.index("10월 혁명")
    assert all("년부터" in s or "년까지" in s or "–" in s for s in order[first_context:])
    assert any(s.startswith("제1차") and s.endswith("(1914–1918년)") for s in order[first_context:])


def test_eras_show_their_years_as_a_reader_reads_them(dataset):
    from revolution.data.eras import era_of
    from revolution.views import format as fmt

    eras = dataset.eras.set_index("era_id")
    shown = {e: fmt.era_years(eras.loc[e], "ko") for e in eras.index}
    assert shown["revolution_1917"] == "1917년"  # one year, not "1917–1917"
    assert shown["imperial"] == "–1904년" and shown["after_ussr"] == "1992년–"  # open ends, no made-up years
    assert fmt.era_years(eras.loc["after_ussr"], "en") == "1992–"
    assert era_of(1100, dataset.eras) == "imperial" and era_of(2017, dataset.eras) == "after_ussr"


def _visible(tr, j: int) -> bool:
    """Whether point j of a marker trace is drawn: a mark of no opacity or no size is a hover target only."""
    m = tr.marker
    opacity = m.opacity if m.opacity is not None else 1
    opacity = opacity[j] if isinstance(opacity, (list, tuple)) else opacity
    size = m.size if m.size is not None else 6
    size = size[j] if isinstance(size, (list, tuple)) else size
    return bool(opacity) and bool(size) and (tr.opacity is None or tr.opacity > 0)


def marks_inside(fig, events: pd.DataFrame, mode: str) -> list[str]:
    """The visible marks that sit strictly inside their own telling's drawn extent (a dot at 1 July for
    a telling known to the year is read as 'July')."""
    dates = timeline_charts.plot_dates(events, mode)
    extent = dict(zip(events.event_id, zip(dates.lo, dates.hi)))
    kinds = dict(zip(events.event_id, dates.kind))
    out = []
    for tr in fig.data:
        if tr.type != "scatter" or tr.customdata is None or "markers" not in (tr.mode or ""):
            continue
        for j, (x, c) in enumerate(zip(tr.x, tr.customdata)):
            if x is None or c is None or kinds.get(c[0]) in (None, "day", "period"):
                continue
            lo, hi = extent[c[0]]
            if lo < pd.Timestamp(x) < hi and _visible(tr, j):
                out.append(c[0])
    return out


def hover_targets(fig) -> set[str]:
    """The tellings some drawn point of the figure answers a hover (and a click) for."""
    out = set()
    for tr in fig.data:
        if tr.customdata is None or tr.hoverinfo == "skip" or tr.type != "scatter":
            continue
        if "markers" in (tr.mode or ""):
            out |= {c[0] for c in tr.customdata if c is not None and not isinstance(c, str)}
    for tr in fig.data:
        if tr.type == "bar" and tr.customdata is not None:
            out |= {c[0] for c in tr.customdata}
    return out


@pytest.mark.parametrize("preset", ["1917", "civil_war", "revolution_years"])
@pytest.mark.parametrize("labels", ["row", "axis"])
def test_a_date_known_to_a_month_a_year_or_a_window_has_no_point_inside_it(dataset, preset, labels):
    # issue 34: a telling dated only "1917년" had a dot at 1 July, read as "July" (94 such marks counted)
    chosen = filters.EventFilter(
        years=presets.years(dataset.presets)[presets.resolve(dataset.presets, preset)]
    )
    shown = filters.events(dataset, chosen)
    if labels == "row":
        fig = page_views.timeline(dataset, chosen, "ko", "new", "category", names(dataset)).figure
    else:
        fig = page_views.timeline_slides(dataset, chosen, "ko", "new", "category", names(dataset))
    coarse = set(shown.event_id[[mark_kind(r) not in ("day", "period") for r in shown.to_dict("records")]])
    assert coarse, preset
    assert marks_inside(fig, shown, "new") == []
    # the hover and the click the dot carried are still there, for every telling
    assert set(shown.event_id) <= hover_targets(fig)
