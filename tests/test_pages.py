"""Every page run headless with AppTest: what it shows must equal what data/ holds, in both languages."""

import base64
import csv

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from revolution import filters, state
from revolution.i18n import t

from .conftest import DATA

APP = "../dashboard.py"  # AppTest resolves a relative path against this file's folder
PAGES = [
    "pages/overview.py",
    "pages/figures.py",
    "pages/timeline.py",
    "pages/sources.py",
    "pages/people.py",
    "pages/explorer.py",
    "pages/slides.py",
]


def run(page=None, timeout=30, **params):
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def n_csv_rows(name):
    with (DATA / name).open(encoding="utf-8") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def decode(value):
    """Plotly specs in AppTest hold arrays base64-encoded: {'dtype': 'f8', 'bdata': ...}."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return value


def charts(at):
    import json

    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def captions(at):
    return [c.value for c in at.caption]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_runs_in_both_languages_and_titles_itself(page, lang):
    at = run(page, lang=lang)
    if page.endswith("slides.py"):
        assert at.title[0].value == t("page_slides", lang)
        return
    key = {
        "overview": "app_title",
        "figures": "page_figures",
        "timeline": "page_timeline",
        "sources": "page_sources",
        "people": "page_people",
        "explorer": "page_explorer",
        "slides": "page_slides",
    }
    assert at.title[0].value == t(key[page.split("/")[1][:-3]], lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_footer_names_both_sources(lang):
    # AppTest shows the entry script's own elements on the first page only (after switch_page it runs the
    # page).
    names = ["류한수", "국제코뮤니스트흐름"] if lang == "ko" else ["Ryu Han-su", "ICC"]
    assert any(all(n in c for n in names) for c in captions(run(lang=lang)))


def test_overview_counts_equal_the_csvs(dataset):
    at = run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("n_events", "ko")] == str(n_csv_rows("events.csv"))
    assert metrics[t("n_figures", "ko")] == str(n_csv_rows("figures.csv"))
    assert metrics[t("n_notes", "ko")] == str(n_csv_rows("notes.csv"))
    assert metrics[t("n_shared", "ko")] == str(len(filters.shared_keys(dataset.events)))


def test_overview_headline_cards_state_the_bounds_honestly():
    values = " ".join(m.value for m in run().metric)
    assert "25% 미만" in values and "55% 초과" in values
    values_en = " ".join(m.value for m in run(lang="en").metric)
    assert "under 25%" in values_en and "over 55%" in values_en


def test_figures_page_draws_one_chart_per_group_with_the_csv_values(dataset):
    at = run("pages/figures.py")
    specs = charts(at)
    assert len(specs) == dataset.groups.group_id.isin(dataset.figures.group).sum()
    ca = run("pages/figures.py", group="constituent_assembly")
    (spec,) = charts(ca)
    bars = [trace for trace in spec["data"] if trace["type"] == "bar"]
    drawn = sorted(v for trace in bars for v in decode(trace["x"]))
    rows = dataset.figures[dataset.figures.group == "constituent_assembly"]
    assert drawn == sorted(rows.value.tolist())
    texts = [x for trace in bars for x in trace["text"]]
    assert "25% 미만" in texts and "55% 초과" in texts


def test_figures_group_parameter_restores_the_view_and_bad_values_fall_back(dataset):
    assert len(charts(run("pages/figures.py", group="industrial_output"))) == 1
    n_all = len(charts(run("pages/figures.py")))
    assert len(charts(run("pages/figures.py", group="<script>alert(1)</script>"))) == n_all


def shown_count(at):
    total = n_csv_rows("events.csv")
    for c in captions(at):
        for lang in ("ko", "en"):
            prefix = t("n_shown", lang, n="\0", total=total).split("\0")
            if c.startswith(prefix[0]) and c.endswith(prefix[1]):
                return int(c[len(prefix[0]) : len(c) - len(prefix[1])])
    raise AssertionError(f"no count caption in {captions(at)}")


def test_timeline_filters_change_the_count_and_come_from_the_url(dataset):
    total = len(dataset.events)
    assert shown_count(run("pages/timeline.py")) == total
    only_1917 = dataset.events[
        (dataset.events.start_gregorian <= "1917-12-31") & (dataset.events.end_gregorian >= "1917-01-01")
    ]
    assert shown_count(run("pages/timeline.py", **{"from": "1917", "to": "1917"})) == len(only_1917)
    war = (dataset.events.category == "war").sum()
    assert shown_count(run("pages/timeline.py", cat="war")) == war
    assert (
        shown_count(run("pages/timeline.py", src="manifesto"))
        == (dataset.events.source_id == "manifesto").sum()
    )


def test_timeline_search_finds_korean_and_english(dataset):
    ko = run("pages/timeline.py", q="크론시타트")
    en = run("pages/timeline.py", q="Kronstadt")
    assert 0 < shown_count(ko) < len(dataset.events)
    assert 0 < shown_count(en) < len(dataset.events)


def test_timeline_widget_change_updates_the_count_and_the_url():
    at = run("pages/timeline.py")
    before = shown_count(at)
    at.multiselect(key=state.CATEGORIES).set_value(["revolution"]).run()
    assert shown_count(at) < before
    assert at.query_params[state.CATEGORIES] in ("revolution", ["revolution"])


def test_timeline_selected_event_shows_every_telling(dataset):
    ev = dataset.events
    key = filters.shared_keys(ev)[0]
    first = ev[ev.event_key == key].iloc[0]
    at = run("pages/timeline.py", event=first.event_id)
    quotes = " ".join(m.value for m in at.markdown)
    for q in ev[ev.event_key == key].quote:
        assert q[:15].replace("-", "\\-").replace(".", "\\.")[:10] in quotes or q[:10] in quotes


@pytest.mark.parametrize("event_id, basis", [("EH033", "basis_stated"), ("EH029", "basis_convention")])
def test_a_telling_says_whether_the_text_itself_gives_the_calendar(event_id, basis):
    at = run("pages/timeline.py", event=event_id, lang="en")
    assert any(t(basis, "en") in c for c in captions(at))


def test_timeline_calendar_switch_moves_old_style_dates(dataset):
    written = charts(run("pages/timeline.py", **{"from": "1917", "to": "1917"}))[0]
    new = charts(run("pages/timeline.py", **{"from": "1917", "to": "1917", "cal": "new"}))[0]
    xs = lambda spec: sorted(x for tr in spec["data"] if tr["type"] == "scatter" for x in decode(tr["x"]))
    assert xs(written) != xs(new)
    assert "1917-03-08" in xs(new)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_parameters_fall_back_without_exception(page):
    junk = {
        "from": "99999",
        "to": "-1",
        "cat": "a,b,<img src=x onerror=alert(1)>",
        "q": "'; DROP TABLE;--" * 20,
        "cal": "mayan",
        "lang": "xx",
        "event": "E999",
        "group": "nope",
        "table": "users",
        "src": "pravda",
        "person": "nobody",
        "place": "atlantis",
        "color": "rainbow",
        "zzz": "1",
    }
    at = run(page, **junk)
    assert at.title[0].value  # the page drew, in the default language


def test_language_switch_changes_titles():
    at = run()
    assert at.title[0].value == t("app_title", "ko")
    next(w for w in at.get("button_group") if w.key == state.LANG).set_value("en").run()
    assert at.title[0].value == t("app_title", "en")
    assert at.query_params[state.LANG] in ("en", ["en"])


def test_sources_page_reads_both_texts_side_by_side(dataset):
    at = run("pages/sources.py")
    shared = filters.shared_keys(dataset.events)
    assert at.selectbox(key=state.EVENT).value == shared[0]
    told = dataset.events[dataset.events.event_key == shared[0]]
    assert set(told.source_id) == {"history", "manifesto"}
    (coverage,) = [s for s in charts(at) if s["layout"]["title"]["text"] == t("coverage", "ko")]
    assert sum(sum(decode(tr["y"])) for tr in coverage["data"]) == len(dataset.events)


def test_people_page_counts_mentions_from_the_seeds(dataset):
    at = run("pages/people.py", lang="en")
    specs = charts(at)
    people = next(s for s in specs if s["layout"]["title"]["text"] == t("mentions_people", "en"))
    lenin = dataset.people.set_index("person_id").loc["lenin", "name_en"]
    lenin_total = sum(
        decode(tr["x"])[decode(tr["y"]).index(lenin)] for tr in people["data"] if lenin in decode(tr["y"])
    )
    seeds = "".join(dataset.seeds.values()).replace("\n", "")
    assert lenin_total >= seeds.count("레닌") - seeds.count("레닌주의") - seeds.count("레닌그라드") - 5
    assert lenin_total > 10


def test_people_page_links_a_person_to_the_timeline():
    at = run("pages/people.py", person="lenin")
    assert at.selectbox(key=state.PEOPLE).value == "lenin"
    link = at.get("page_link")
    assert link and "person=lenin" in link[0].proto.page + link[0].proto.query_string


def test_explorer_search_filters_rows_and_download_holds_them(dataset):
    at = run("pages/explorer.py")
    assert t("n_rows", "ko", n=len(dataset.figures)) in captions(at)
    at2 = run("pages/explorer.py", table="events", q="1917")
    n = len(filters.events(dataset, filters.EventFilter(text="1917")))
    assert t("n_rows", "ko", n=n) in captions(at2)
    assert 0 < n < len(dataset.events)


def test_reference_values_are_drawn_beside_their_figures_and_the_switch_removes_them(dataset):
    (spec,) = charts(run("pages/figures.py", group="constituent_assembly"))
    refs = [tr for tr in spec["data"] if tr.get("legendgroup") == "refs"]
    ca = dataset.figures[dataset.figures.group == "constituent_assembly"].figure_id
    want = dataset.reference_values[dataset.reference_values.figure_id.isin(ca)]
    assert len(refs) == 1 and sorted(decode(refs[0]["x"])) == sorted(want.value.tolist())
    (off,) = charts(run("pages/figures.py", group="constituent_assembly", ref="0"))
    assert not [tr for tr in off["data"] if tr.get("legendgroup") == "refs"]


def test_industrial_output_chart_carries_the_maddison_index(dataset):
    from revolution import references

    (spec,) = charts(run("pages/figures.py", group="industrial_output"))
    madd = next(tr for tr in spec["data"] if tr.get("name") == t("maddison_line", "ko"))
    expected = references.maddison_index(dataset.maddison_ussr)
    assert decode(madd["y"]) == expected["index"].tolist()
    assert any(
        "Maddison Project Database" in c for c in captions(run("pages/figures.py", group="industrial_output"))
    )


def test_overview_says_how_sure_each_headline_number_is(dataset):
    at = run(lang="en")
    table = next(df.value for df in at.dataframe if t("why_differ", "en") in df.value.columns)
    head = dataset.figures.dropna(subset=["headline"])
    assert len(table) == head.figure_id.isin(dataset.reference_notes.figure_id).sum() >= 4
    assert any(
        "58" in v for v in table[t("other_sources", "en")]
    )  # Lenin's count beside 'Right SRs over 55%'


def test_slides_page_lists_the_chosen_charts_in_order(dataset):
    at = run("pages/slides.py", deck="figure:industrial_output,timeline:1917")
    assert [e.label for e in at.expander][:2] == [
        "1. " + dataset.groups.set_index("group_id").loc["industrial_output", "title_ko"],
        "2. " + t("page_timeline", "ko") + ": " + t("preset_1917", "ko"),  # '1917년', said once
    ]
    assert len(charts(at)) == 2


def test_presentation_mode_steps_through_the_deck_and_keeps_the_position_in_the_url():
    at = run(
        "pages/slides.py", present="1", slide="1", deck="figure:constituent_assembly,figure:industrial_output"
    )
    assert len(charts(at)) == 1 and not at.title  # one chart, no page furniture
    assert any(t("slide_n", "ko", n=1, total=2) in m.value for m in at.markdown)
    next(b for b in at.button if b.label == t("next", "ko")).click().run()
    assert any(t("slide_n", "ko", n=2, total=2) in m.value for m in at.markdown)
    assert at.query_params[state.SLIDE] in ("2", ["2"])


def test_a_filtered_timeline_range_goes_to_the_slides(dataset):
    at = run("pages/timeline.py", **{"from": "1914", "to": "1924"})
    link = next(p for p in at.get("page_link") if "slides" in p.proto.page)
    assert (
        "timeline%3A1914-1924" in link.proto.query_string or "timeline:1914-1924" in link.proto.query_string
    )
    slides_at = run("pages/slides.py", deck="timeline:1914-1924,figure:nope,timeline:2000-1900")
    assert [e.label for e in slides_at.expander] == ["1. " + t("page_timeline", "ko") + ": 1914–1924년"]


def test_adding_a_timeline_range_to_a_three_chart_deck_gives_four_items(dataset):
    from urllib.parse import parse_qs

    three = "figure:constituent_assembly,figure:industrial_output,timeline:1917"
    at = run("pages/slides.py", deck=three)
    assert len(at.expander) == 3
    at.switch_page("pages/timeline.py")
    at.query_params.clear()
    at.query_params["from"], at.query_params["to"] = "1918", "1921"
    at.run()
    link = next(p for p in at.get("page_link") if "slides" in p.proto.page)
    deck = parse_qs(link.proto.query_string)[state.DECK][0]
    assert deck == three + ",timeline:1918-1921"  # appended, never replacing the deck
    at.switch_page("pages/slides.py")
    at.query_params.clear()
    at.query_params[state.DECK] = deck
    at.run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert len(labels) == 4 and labels[-1] == "4. " + t("page_timeline", "ko") + ": 1918–1921년"


def test_deck_items_move_and_go(dataset):
    at = run("pages/slides.py", deck="figure:constituent_assembly,figure:industrial_output,timeline:1917")
    first = [e.label.split(" ", 1)[1] for e in at.expander]
    next(b for b in at.button if b.key == "down_0").click().run()
    assert [e.label.split(" ", 1)[1] for e in at.expander] == [first[1], first[0], first[2]]
    next(b for b in at.button if b.key == "remove_2").click().run()
    assert [e.label.split(" ", 1)[1] for e in at.expander] == [first[1], first[0]]
    assert at.query_params[state.DECK] in (
        "figure:industrial_output,figure:constituent_assembly",
        ["figure:industrial_output,figure:constituent_assembly"],
    )
