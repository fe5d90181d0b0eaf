"""Every page run headless with AppTest: what it shows must equal what data/ holds, in both languages."""

import csv
import json
import re

import pytest

import sitemap
from harness.apptest import captions, charts, decode, run
from revolution import state
from revolution.data import filters, presets
from revolution.data.load import load_dataset
from revolution.data.provenance import normalize
from revolution.exports import slides
from revolution.i18n import t, texts, word
from revolution.views import format as fmt

from .conftest import DATA, SEEDS

PAGES = [p.file for p in sitemap.PAGES]


def n_csv_rows(name):
    with (DATA / name).open(encoding="utf-8") as fh:
        return sum(1 for _ in csv.DictReader(fh))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_page_runs_in_both_languages_and_titles_itself(page, lang):
    at = run(page, lang=lang)
    if page.endswith("slides.py"):
        assert at.title[0].value == t("page_slides", lang)
        return
    listed = next(p for p in sitemap.PAGES if p.file == page)
    if listed is sitemap.PAGES[0]:  # the dashboard's front page carries the app's title, counting the texts
        assert at.title[0].value == t("app_title", lang, texts=texts(2, lang))
    else:
        assert at.title[0].value == t(listed.title_key, lang)


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
    def shown(at):
        return " ".join([m.value for m in at.markdown] + [h.proto.body for h in at.get("html")])

    at = run()
    assert "25% 미만" in shown(at) and "55% 초과" in shown(at) and "40만 명" in shown(at)
    assert "(전쟁 전 = 100)" in shown(at)  # the index card says what 100 is
    assert len(charts(at)) == 4  # one small chart per card
    links = [p.proto.page for p in at.get("page_link")]
    assert sum("figures" in link for link in links) == 4
    en = run(lang="en")
    assert "under 25%" in shown(en) and "over 55%" in shown(en)
    # the how-sure table is a static table (its text wraps) with source names, not reference ids
    table = at.table[0].value
    assert "위키백과" in " ".join(table.astype(str).values.ravel())


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


def within(events, lo, hi):
    return events[(events.start_gregorian <= f"{hi}-12-31") & (events.end_gregorian >= f"{lo}-01-01")]


def test_timeline_opens_on_the_revolutionary_years_and_filters_come_from_the_url(dataset):
    ev = dataset.events
    everything = {"from": "1100", "to": "2017"}
    assert shown_count(run("pages/timeline.py")) == len(
        within(ev, *presets.years(dataset.presets)["revolution_years"])
    )
    assert shown_count(run("pages/timeline.py", **everything)) == len(ev)
    assert shown_count(run("pages/timeline.py", **{"from": "1917", "to": "1917"})) == len(
        within(ev, 1917, 1917)
    )
    war = (ev.category == "war").sum()
    assert shown_count(run("pages/timeline.py", cat="war", **everything)) == war
    manifesto = (ev.source_id == "manifesto").sum()
    assert shown_count(run("pages/timeline.py", src="manifesto", **everything)) == manifesto


def test_timeline_search_finds_korean_and_english(dataset):
    ko = run("pages/timeline.py", q="크론시타트", **{"from": "1100", "to": "2017"})
    en = run("pages/timeline.py", q="Kronstadt", **{"from": "1100", "to": "2017"})
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
        assert fmt.literal(q) in quotes  # the whole sentence, as the page escapes it for Markdown


@pytest.mark.parametrize("event_id, basis", [("EH033", "stated"), ("EH029", "convention")])
def test_a_telling_says_whether_the_text_itself_gives_the_calendar(event_id, basis):
    at = run("pages/timeline.py", event=event_id, lang="en")
    assert any(word("calendar_basis", basis, "en") in c for c in captions(at))


def test_timeline_calendar_switch_moves_old_style_dates(dataset):
    written = charts(run("pages/timeline.py", **{"from": "1917", "to": "1917"}))[0]
    new = charts(run("pages/timeline.py", **{"from": "1917", "to": "1917", "cal": "new"}))[0]

    def xs(spec):  # the days of the events' marks (not legend entries, labels or eras)
        marks = [tr for tr in spec["data"] if tr["type"] == "scatter" and tr.get("mode") == "markers"]
        return sorted(x for tr in marks if tr.get("customdata") for x in decode(tr["x"]))

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
    name = page.split("/")[1][:-3]
    title = "app_title" if name == "overview" else f"page_{name}"
    want = t(title, "ko", texts="두 텍스트") if title == "app_title" else t(title, "ko")
    assert at.title[0].value == want  # 'xx' is no language: the default, Korean
    loaded = load_dataset(DATA, SEEDS)
    events = loaded.events
    defaults = {
        "cat": [],
        "cal": "written",
        "event": filters.shared_keys(events)[0] if name == "sources" else "",
        "table": "figures",
        "src": "history" if name == "read" else [],  # the Read page shows one text, the first by default
        "color": "category",
        "group": [] if name == "explorer" else "all",
        "person": "" if name == "people" else [],
        "place": "" if name == "people" else [],
        state.YEARS: presets.years(loaded.presets)["revolution_years"],  # the default view
        "q": junk["q"][: state.MAX_TEXT].strip(),  # any printable text is a search: cut, not refused
    }
    bound = [k for k in defaults if k in at.session_state]
    assert bound or name in ("overview", "slides")
    for key in bound:
        assert at.session_state[key] == defaults[key], key
    # what was not understood is noted, to be said once (test_a_link_with_values_not_understood_says_so)
    dropped = at.session_state[state.DROPPED]
    assert "lang" in dropped and "zzz" not in dropped  # an unknown key is no value of this page
    assert {"cat", "cal", "src"} & set(bound) <= dropped


def test_a_link_with_values_not_understood_says_so_once():
    at = run(lang="xx", zzz="1")
    assert len(at.toast) == 1 and "lang" in at.toast[0].value
    at.run()
    assert len(at.toast) == 0  # said once, not on every rerun


def test_a_clean_link_gets_no_note_about_dropped_values():
    at = run("pages/timeline.py", **{"from": "1917", "to": "1921", "cat": "war"})
    assert len(at.toast) == 0
    assert at.session_state[state.YEARS] == (1917, 1921) and at.session_state["cat"] == ["war"]


def test_leaving_the_legacy_pages_mode_touches_an_attribute_streamlit_still_has():
    # ui.leave_legacy_pages_mode sets this private attribute; an upgrade that renames it must fail here
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, bool | None)


def test_language_switch_changes_titles():
    at = run()
    assert at.title[0].value == "러시아 혁명, 두 텍스트의 숫자와 연표"
    next(w for w in at.get("button_group") if w.key == state.LANG).set_value("en").run()
    assert at.title[0].value == "The Russian Revolution in two texts: figures and dates"
    assert at.query_params[state.LANG] in ("en", ["en"])


def test_sources_page_reads_both_texts_side_by_side(dataset):
    at = run("pages/sources.py")
    shared = filters.shared_keys(dataset.events)
    assert at.selectbox(key=state.EVENT).value == shared[0]
    told = dataset.events[dataset.events.event_key == shared[0]]
    assert set(told.source_id) == {"history", "manifesto"}
    (coverage,) = [s for s in charts(at) if s["layout"]["title"]["text"] == t("coverage", "ko")]
    assert sum(sum(decode(tr["y"])) for tr in coverage["data"]) == len(dataset.events)
    # the picker's labels carry the common names, so typing "10월 혁명" finds the October Revolution
    box = at.selectbox(key=state.EVENT)
    labels = dict(zip(box.options, shared))
    assert labels[next(o for o in box.options if "10월 혁명" in o)] == "october_revolution_1917"


def test_people_page_counts_mentions_from_the_seeds(dataset):
    at = run("pages/people.py", lang="en")
    specs = charts(at)
    people = next(s for s in specs if s["layout"]["title"]["text"] == t("mentions_people", "en"))
    lenin = dataset.people.set_index("person_id").loc["lenin", "name_en"]
    lenin_total = sum(
        decode(tr["x"])[decode(tr["y"]).index(lenin)] for tr in people["data"] if lenin in decode(tr["y"])
    )
    # counted here independently: '레닌' in the seeds with white space removed, except inside the longer
    # names the people and places tables hold ('레닌그라드', a place) and the word '레닌주의' (Leninism)
    flat = "".join(normalize(text) for text in dataset.seeds.values())
    expected = len(re.findall("레닌(?!그라드|주의)", flat))
    assert lenin_total == expected and expected > 10


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


def test_explorer_names_its_columns_in_korean_and_says_when_nothing_matches(dataset):
    at = run("pages/explorer.py", table="events")
    (grid,) = at.dataframe
    config = json.loads(grid.proto.columns)  # the on-screen labels live in the column config
    labels = [config[c].get("label", c) for c in grid.value.columns]
    assert "사건" in labels and not [x for x in labels if re.search("[A-Za-z]", x)], labels
    assert "혁명" in set(grid.value.category) and "revolution" not in set(grid.value.category)
    none = run("pages/explorer.py", q="없는말없는말")
    assert not none.dataframe
    assert t("nothing_found", "ko", how=t("widen_explorer", "ko")) in [i.value for i in none.info]


def test_an_explorer_search_says_where_its_hits_are_and_its_table_has_no_empty_rows(dataset):
    at = run("pages/explorer.py", q="레닌")  # opens on events, where the hits are; both counts said
    figures = len(filters.figures(dataset, text="레닌"))
    events = len(filters.events(dataset, filters.EventFilter(text="레닌")))
    assert events > 0
    assert t("explorer_hits", "ko", q="레닌", figures=figures, events=events) in [i.value for i in at.info]
    shown = run("pages/explorer.py", table="events", q="레닌")
    (grid,) = shown.dataframe
    assert len(grid.value) == events


def test_an_explorer_search_opens_on_the_table_that_has_its_hits(dataset):
    # issue 34: searched for "레닌", it opened on figures and said "nothing matches" under "사건 12개"
    assert filters.figures(dataset, text="레닌").empty
    events = len(filters.events(dataset, filters.EventFilter(text="레닌")))
    at = run("pages/explorer.py", q="레닌")
    (grid,) = at.dataframe
    assert len(grid.value) == events and "event_id" in grid.value.columns
    assert t("nothing_found", "ko", how=t("widen_explorer", "ko")) not in [i.value for i in at.info]
    # a link that names its table keeps it; a search with hits in both opens on figures, as before
    asked = run("pages/explorer.py", q="레닌", table="figures")
    assert not asked.dataframe
    both = run("pages/explorer.py", q="1917")
    assert len(both.dataframe[0].value) == len(filters.figures(dataset, text="1917"))


def test_reference_values_are_drawn_beside_their_figures_and_the_switch_removes_them(dataset):
    (spec,) = charts(run("pages/figures.py", group="constituent_assembly"))
    refs = [tr for tr in spec["data"] if tr.get("legendgroup") == "refs"]
    ca = dataset.figures[dataset.figures.group == "constituent_assembly"].figure_id
    want = dataset.reference_values[dataset.reference_values.figure_id.isin(ca)]
    assert len(refs) == 1 and sorted(decode(refs[0]["x"])) == sorted(want.value.tolist())
    (off,) = charts(run("pages/figures.py", group="constituent_assembly", ref="0"))
    assert not [tr for tr in off["data"] if tr.get("legendgroup") == "refs"]


def test_industrial_output_chart_carries_the_maddison_index(dataset):
    from revolution.views import references

    (spec,) = charts(run("pages/figures.py", group="industrial_output"))
    madd = next(
        tr for tr in spec["data"] if tr.get("name", "").replace("<br>", " ") == t("maddison_line", "ko")
    )
    expected = references.maddison_index(dataset.maddison_ussr)
    assert decode(madd["y"]) == expected["index"].tolist()
    assert any(
        "Maddison Project Database" in c for c in captions(run("pages/figures.py", group="industrial_output"))
    )


def test_overview_says_how_sure_each_headline_number_is(dataset):
    at = run(lang="en")
    table = next(df.value for df in at.table if t("why_differ", "en") in df.value.columns)
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
    # the slide as the export draws it (an SVG image), no page furniture
    slide_pictures = [h for h in at.get("html") if '<img class="present-slide"' in h.proto.body]
    assert len(slide_pictures) == 1 and not charts(at) and not at.title
    assert "data:image/svg+xml;base64," in slide_pictures[0].proto.body
    assert any(t("slide_n", "ko", n=1, total=2) in m.value for m in at.markdown)
    next(b for b in at.button if b.label == t("next", "ko")).click().run()
    assert any(t("slide_n", "ko", n=2, total=2) in m.value for m in at.markdown)
    assert at.query_params[state.SLIDE] in ("2", ["2"])
    next(b for b in at.button if b.label == t("present_end", "ko")).click().run()
    assert state.PRESENT not in at.query_params and at.expander  # back to the deck


def test_a_filtered_timeline_range_goes_to_the_slides(dataset):
    at = run("pages/timeline.py", **{"from": "1915", "to": "1924"})
    assert next(b for b in at.button if b.key == "add_timeline_view").label == t("deck_add", "ko")
    slides_at = run("pages/slides.py", deck="timeline:1914-1924,figure:nope,timeline:2000-1900")
    assert [e.label for e in slides_at.expander] == ["1. " + t("page_timeline", "ko") + ": 1914–1924년"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_read_opens_at_the_row_in_the_link_and_shows_it_as_the_dashboard_reads_it(dataset, lang):
    at = run("pages/read.py", lang=lang, src="history", row="FH010")
    body = at.get("html")[0].proto.body
    assert 'class="s r-FH010"' in body and ".rd a.r-FH010{background" in body  # marked and highlighted
    assert "25%" in at.sidebar.markdown[0].value and t("kind_figure", lang) in at.sidebar.markdown[0].value
    stated = {"ko": "25% 미만", "en": "under 25%"}[lang]
    assert stated in body
    counts = {k: 0 for k in ("figure", "event", "person", "place", "note", "excluded")}
    from revolution.views import reading

    for m in reading.marks(dataset, "history"):
        counts[m.kind] += 1
    caption = t("read_counts", lang, marks=sum(counts.values()) - counts["excluded"], **counts)
    assert caption in captions(at)


def test_read_next_mark_moves_the_row_and_the_url():
    at = run("pages/read.py", src="manifesto", row="EM005", marks="event")
    at.button[1].click().run()
    from revolution.views import reading

    doc_marks = [m.row_id for m in reading.marks(at_dataset(), "manifesto") if m.kind == "event"]
    want = doc_marks[doc_marks.index("EM005") + 1]
    assert at.session_state[state.ROW] == want and at.query_params[state.ROW] in (want, [want])


def at_dataset():
    from revolution.data.load import load_dataset

    return load_dataset()


def test_read_says_when_the_row_in_the_link_is_not_in_the_text():
    at = run("pages/read.py", lang="en", src="manifesto", row="FH010")
    assert any("FH010" in i.value for i in at.info)


def test_read_in_context_links_on_figures_timeline_sources_and_explorer():
    figs = run("pages/figures.py", lang="en", group="constituent_assembly")
    assert any("[Read in context](read?src=history&row=FH010&lang=en)" in c for c in captions(figs))
    tl = run("pages/timeline.py", event="EH001")
    assert any("(read?src=history&row=EH001)" in m.value for m in tl.markdown)
    ex = run("pages/explorer.py", table="events")
    frame = ex.dataframe[0].value
    events = load_dataset(DATA, SEEDS).events.set_index("event_id")
    assert (
        list(frame["read"][:2])
        == [  # the screen names the source; the link carries its id
            f"read?src={events.source_id[i]}&row={i}" for i in frame.event_id[:2]
        ]
    )


def test_read_draws_only_the_kinds_chosen_in_the_url():
    at = run("pages/read.py", src="history", marks="figure,excluded")
    body = at.get("html")[0].proto.body
    assert ".rd .m-event{text-decoration:none" in body and ".rd .t-person{display:none}" in body
    assert ".rd .m-figure{text-decoration:none" not in body
    assert at.session_state[state.MARKS] == ["figure", "excluded"]


def test_a_link_with_many_custom_ranges_keeps_the_first_few_and_says_so():
    # each custom range is a timeline built for that link alone: one link must not ask for fifty
    ranges = [f"timeline:{1900 + i}-{1930 + i}" for i in range(slides.MAX_CUSTOM + 2)]
    at = run("pages/slides.py", deck=",".join(["figure:industrial_output", *ranges]))
    assert len(at.expander) == 1 + slides.MAX_CUSTOM
    assert [i.value for i in at.info] == [t("deck_cap", "ko", n=slides.MAX_CUSTOM)]
    assert not run("pages/slides.py", deck=",".join(ranges[: slides.MAX_CUSTOM])).info


def test_chart_text_alternatives_state_what_the_charts_show(dataset):
    from revolution.data import mentions

    totals = mentions.text_mentions(dataset, "people").groupby("person_id").mentions.sum()
    top = dataset.people.set_index("person_id").loc[totals.idxmax(), "name_en"]
    people = run("pages/people.py", lang="en").get("plotly_chart")
    assert t("alt_count", "en", name=top, n=totals.max()) in people[0].proto.alt
    timeline = run("pages/timeline.py", lang="en", **{"from": "1917", "to": "1921"}).get("plotly_chart")
    assert timeline[0].proto.alt.startswith("Timeline 1917–1921:")


def test_english_tellings_show_the_korean_quote_and_our_gloss_beneath_it(dataset):
    at = run("pages/sources.py", lang="en")
    quotes = [m.value for m in at.markdown if m.value.startswith("> ")]
    glosses = [c.value for c in at.caption if c.value.startswith(t("our_translation", "en") + ":")]
    assert quotes and len(glosses) == len(quotes)
    # the Korean stays the quote
    assert all(re.search(r"[\uac00-\ud7a3]", q) for q in quotes)
    ko = run("pages/sources.py")
    assert not [c for c in ko.caption if c.value.startswith(t("our_translation", "ko"))]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_tellings_note_is_shown_in_the_readers_language(dataset, lang):
    at = run("pages/sources.py", lang=lang, event="october_revolution_1917")
    told = dataset.events[dataset.events.event_key == "october_revolution_1917"]
    captions = " ".join(c.value for c in at.caption)
    other = "en" if lang == "ko" else "ko"
    for r in told.dropna(subset=["notes_ko"]).to_dict("records"):
        assert fmt.literal(r[f"notes_{lang}"]) in captions
        assert fmt.literal(r[f"notes_{other}"]) not in captions


def _button(at, key):
    return next(b for b in at.button if b.key == key)


def _deck_link(at) -> str | None:
    """The deck the sidebar's counter links to (None: the default deck)."""
    from urllib.parse import parse_qs

    link = next(p for p in at.get("page_link") if "slides" in p.proto.page and p.proto.query_string)
    return parse_qs(link.proto.query_string).get(state.DECK, [None])[0]


def test_adding_a_timeline_range_to_a_three_chart_deck_gives_four_items_and_stays_on_the_page(dataset):
    three = "figure:constituent_assembly,figure:industrial_output,timeline:1917"
    at = run("pages/slides.py", deck=three)
    assert len(at.expander) == 3
    at.switch_page("pages/timeline.py")
    at.query_params.clear()
    at.query_params["from"], at.query_params["to"] = "1918", "1919"
    at.run()
    _button(at, "add_timeline_view").click().run()
    assert not at.exception
    assert at.title[0].value == t("page_timeline", "ko")  # still on the timeline
    assert at.query_params[state.DECK] in (three + ",timeline:1918-1919", [three + ",timeline:1918-1919"])
    assert _deck_link(at) == three + ",timeline:1918-1919"  # appended, never replacing the deck
    assert any(t("deck_count", "ko", n=4) in p.proto.label for p in at.get("page_link"))
    assert [x.proto.body for x in at.get("toast")] == [
        t("deck_added", "ko", what=slides.label("timeline:1918-1919", dataset, "ko"), n=4)
    ]
    assert _button(at, "add_timeline_view").disabled  # said as "in the deck", not added twice
    at.switch_page("pages/slides.py")
    at.query_params.clear()
    at.run()
    labels = [e.label for e in at.expander]
    assert len(labels) == 4 and labels[-1] == "4. " + t("page_timeline", "ko") + ": 1918–1919년"


def test_a_timeline_view_of_a_presets_years_goes_in_as_that_preset(dataset):
    at = run("pages/timeline.py", **{"from": "1917", "to": "1917"})
    _button(at, "add_timeline_view").click().run()
    assert _deck_link(at) == ",".join([*slides.default(dataset), "timeline:1917"])


def test_an_emptied_deck_stays_empty_in_the_url_and_after_an_add(dataset):
    at = run("pages/slides.py")
    assert len(at.expander) == len(slides.default(dataset)) and state.DECK not in at.query_params
    next(b for b in at.button if b.label == t("deck_clear", "ko")).click().run()
    assert not at.expander and at.info[0].value == t("deck_is_empty", "ko")
    assert at.query_params[state.DECK] in (state.DECK_NONE, [state.DECK_NONE])
    at.switch_page("pages/figures.py")
    at.query_params.clear()
    at.run()
    _button(at, "add_figure:industrial_output").click().run()
    assert _deck_link(at) == "figure:industrial_output"  # one chart, not the four defaults back
    # the emptied deck from a link: empty, not the default
    assert not run("pages/slides.py", deck=state.DECK_NONE).expander
    assert len(run("pages/slides.py", deck="figure:nope").expander) == len(slides.default(dataset))


def test_reset_brings_back_the_four_headlines(dataset):
    at = run("pages/slides.py", deck="timeline:1917")
    next(b for b in at.button if b.label == t("deck_reset", "ko")).click().run()
    assert [e.label.split(" ", 1)[1] for e in at.expander] == [
        slides.label(k, dataset, "ko") for k in slides.default(dataset)
    ]
    assert state.DECK not in at.query_params  # the default deck stays out of the URL


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


def test_without_chromium_the_slides_page_says_what_to_install_instead_of_offering_downloads(monkeypatch):
    """Streamlit's own line for a file that failed to build is English and gives no reason: a server with no
    Chromium says so, in the page's language, before anyone clicks."""
    from revolution.exports import images

    monkeypatch.setattr(images, "browser_path", lambda: None)
    at = run("pages/slides.py", deck="figure:constituent_assembly")
    assert any(w.value == t("no_browser", "ko") for w in at.warning)
    assert not at.get("download_button")


@pytest.mark.parametrize(
    "params, chip",
    [
        ({"from": "1917", "to": "1917"}, "1917"),
        ({"from": "1918", "to": "1921"}, "civil_war_1918_1921"),
        ({}, "revolution_years"),
        ({"from": "1917", "to": "1918"}, None),
    ],
)
def test_the_preset_chip_follows_the_years_of_a_shared_link(params, chip):
    # issue 34: a shared link to the 1917 view showed it with no chip highlighted
    at = run("pages/timeline.py", **params)
    (pills,) = [w for w in at.get("button_group") if w.key == state.PRESET]
    assert pills.value == chip


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_place_with_no_other_names_shows_no_empty_grid(dataset, lang):
    # issue 34: Kronstadt's table of names was an empty grid, which says "empty" in English
    assert dataset.place_names[dataset.place_names.place_id == "kronstadt"].empty
    at = run("pages/people.py", place="kronstadt", lang=lang)
    assert all(len(grid.value) for grid in at.dataframe), [len(g.value) for g in at.dataframe]
    assert t("no_other_names", lang) in captions(at)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_only_in_lists_write_every_date_whole(dataset, lang):
    # issue 34: the "only in" grids cut a date after a chronology at its column's edge
    from revolution.views import format as fmt
    from revolution.views import summary

    at = run("pages/sources.py", lang=lang)
    written = "\n".join(m.value for m in at.markdown)
    only = summary.only_in(dataset, lang, ("history", "manifesto"))
    dates = [d for part in only.values() for d in part.date_text]
    long = [d for d in dates if len(d) > 40]
    assert long, "some date is written after a chronology"
    assert all(fmt.literal(d) in written for d in dates)
    assert not [g for g in at.dataframe if "date_text" in g.value.columns]


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/people.py"])
def test_years_typed_beside_the_slider_set_it_and_the_link(page):
    # issue 34: the slider runs over 1100–2017, so 1917–1921 is a few pixels to drag
    at = run(page)
    (typed,) = [w for w in at.text_input if w.key == state.YEARS_TYPED]
    typed.set_value("1917-1921").run()
    (slider,) = [w for w in at.slider if w.key == state.YEARS]
    assert tuple(slider.value) == (1917, 1921)
    url = {k: v if isinstance(v, str) else v[0] for k, v in at.query_params.items()}
    assert url.get("from") == "1917" and url.get("to") == "1921"
    bad = [w for w in at.text_input if w.key == state.YEARS_TYPED][0]
    bad.set_value("언제").run()
    assert tuple([w for w in at.slider if w.key == state.YEARS][0].value) == (1917, 1921)


def test_typed_years_read_as_people_write_them():
    assert filters.typed_years("1917", 1100, 2017) == (1917, 1917)
    assert filters.typed_years("1917–1921년", 1100, 2017) == (1917, 1921)
    assert filters.typed_years("1917~21", 1100, 2017) == (1917, 1921)
    assert filters.typed_years("1921 1917", 1100, 2017) == (1917, 1921)
    assert filters.typed_years("1000-1200", 1100, 2017) == (1100, 1200)
    assert filters.typed_years("언제", 1100, 2017) is None and filters.typed_years("2050", 1100, 2017) is None
