"""The dashboard drawn for 1, 2, 3 and 5 texts (harness.synthetic.texts): every chart tells each text by
its own colour and mark with one legend entry, every page runs, the strings count the texts, and the deck
and the lesson bundle are built."""

import io
import zipfile

import pptx
import pytest

import sitemap
from harness import synthetic
from harness.apptest import run
from revolution import state
from revolution.data import filters, mentions, paths, sources
from revolution.data.load import load_dataset
from revolution.exports import slides
from revolution.i18n import t, texts
from revolution.views import page_views, panels, place_charts, place_map, summary

COUNTS = [1, 2, 3, 5]
REVOLUTION = (1914, 1924)


@pytest.fixture(scope="module", params=COUNTS, ids=[f"{n}_texts" for n in COUNTS])
def corpus(request, tmp_path_factory):
    n = request.param
    data_dir, seeds_dir = synthetic.texts(n, tmp_path_factory.mktemp(f"texts_{n}"))
    return n, data_dir, seeds_dir, load_dataset(data_dir, seeds_dir)


def figures(data, lang="ko"):
    """Every chart the dashboard draws from the data, by name."""
    names = sources.names(data.sources, lang)
    out = {}
    for color in ("category", "source"):
        chosen = filters.EventFilter(years=REVOLUTION)
        out[f"timeline by {color}"] = page_views.timeline(data, chosen, lang, "written", color, names).figure
        every = filters.EventFilter(years=(1100, 2017))
        out[f"overview by {color}"] = page_views.timeline(data, every, lang, "new", color, names).figure
    out["coverage"] = summary.coverage_figure(data, lang, names)
    people = mentions.text_mentions(data, "people")
    labels = dict(zip(data.people.person_id, data.people[f"name_{lang}"]))
    out["people"] = place_charts.mentions_chart(people, labels, lang, names, "people")
    places = mentions.text_mentions(data, "places")
    out["map"] = place_map.map_chart(data, places, lang, names, REVOLUTION)
    for group_id in data.groups.group_id:
        panel = panels.panel(data, group_id, lang, tuple(names), True, names)
        if panel is not None:
            out[f"figures {group_id}"] = panel.figure
    return names, out


def test_every_chart_tells_each_text_by_its_own_colour_and_mark_with_one_legend_entry(corpus):
    n, _, _, data = corpus
    names, figs = figures(data)
    assert len(names) == n
    by_name = {v: k for k, v in names.items()}
    styles = sources.styles(data.sources)
    drawn_somewhere = set()
    for what, fig in figs.items():
        entries = [tr for tr in fig.data if tr.name in by_name and tr.showlegend is not False]
        entries.sort(key=lambda tr: tr.legendrank if tr.legendrank is not None else 1000)  # as drawn
        told = [tr.name for tr in entries]
        assert len(told) == len(set(told)), (what, told)  # each text once
        # in the data's order
        assert told == [names[s] for s in names if names[s] in told], what
        drawn = {tr.name for tr in fig.data if tr.name in by_name}
        assert drawn <= set(told) or what.startswith("timeline by category"), (what, drawn - set(told))
        drawn_somewhere |= set(told)
        colours = [tr.marker.color for tr in entries]
        if what != "timeline by category":  # there colour shows the category, and each text's entry is grey
            assert colours == [styles[by_name[name]].colour for name in told], what
        symbols = [tr.marker.symbol for tr in entries if tr.type == "scatter"]
        assert len(symbols) == len(set(symbols)), (what, symbols)
    assert drawn_somewhere == set(names.values())


def test_the_timeline_draws_each_texts_marks_in_its_symbol_whichever_the_colour(corpus):
    _, _, _, data = corpus
    names, figs = figures(data)
    styles = sources.styles(data.sources)
    told = dict(zip(data.events.event_id, data.events.source_id))
    for color in ("category", "source"):
        fig = figs[f"timeline by {color}"]
        seen = set()
        for tr in fig.data:
            if tr.type == "scatter" and tr.mode == "markers" and tr.customdata:
                (source_id,) = {told[c[0]] for c in tr.customdata}
                assert tr.marker.symbol == styles[source_id].symbol
                seen.add(source_id)
        shown = filters.events(data, filters.EventFilter(years=REVOLUTION)).source_id
        assert seen == set(shown)


@pytest.fixture
def on_corpus(corpus, monkeypatch):
    n, data_dir, seeds_dir, data = corpus
    monkeypatch.setenv(paths.DATA_ENV, str(data_dir))
    monkeypatch.setenv(paths.SEEDS_ENV, str(seeds_dir))
    return n, data


@pytest.mark.parametrize("page", [p.file for p in sitemap.PAGES])
def test_every_page_runs(on_corpus, page):
    n, data = on_corpus
    if n == 2 and page != "pages/overview.py":
        pytest.skip("two texts: the shipped data's count, which tests/test_pages.py runs every page with")
    at = run(page, lang="ko")
    if page == "pages/overview.py":
        assert at.title[0].value == t("app_title", "ko", texts=texts(n, "ko"))
        assert f"러시아 혁명, {['', '한', '두', '세', '네', '다섯'][n]} 텍스트의" in at.title[0].value


def test_the_two_sources_page_compares_two_chosen_texts(on_corpus):
    n, data = on_corpus
    ids = list(sources.names(data.sources, "ko"))
    at = run("pages/sources.py", lang="ko")
    boxes = {b.key: b for b in at.selectbox}
    if n == 1:
        assert "두 편" not in at.info[0].value and "한 편만" in at.info[0].value
        assert not at.dataframe
        return
    if n == 2:
        assert state.FIRST_TEXT not in boxes
        return
    assert (boxes[state.FIRST_TEXT].value, boxes[state.SECOND_TEXT].value) == (ids[0], ids[1])
    boxes[state.SECOND_TEXT].set_value(ids[-1]).run()
    pair = (ids[0], ids[-1])
    shared = summary.shared(data, pair)
    header = next(h.value for h in at.header if h.value.startswith(t("side_by_side", "ko")))
    assert header.endswith(f"({len(shared)})")
    assert at.query_params[state.SECOND_TEXT] in (ids[-1], [ids[-1]])
    # the first text may not be the second: choosing it there moves the second to the next in order
    boxes = {b.key: b for b in at.selectbox}
    boxes[state.FIRST_TEXT].set_value(ids[-1]).run()
    boxes = {b.key: b for b in at.selectbox}
    assert boxes[state.SECOND_TEXT].value == ids[0] and ids[-1] not in boxes[state.SECOND_TEXT].options
    assert not at.exception


def test_the_deck_and_the_lesson_bundle_are_built(on_corpus):
    n, data = on_corpus
    names = sources.names(data.sources, "ko")
    deck = ["figure:constituent_assembly", "timeline:1917", f"map:{REVOLUTION[0]}-{REVOLUTION[1]}"]
    items = [slides.build(data, key, "ko", names) for key in deck]
    citations = {False: "출처", True: "출처; Maddison 2020"}
    prs = pptx.Presentation(io.BytesIO(slides.deck_bytes(items, "ko", data.sources, citations)))
    first = " ".join(sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame)
    assert t("export_title", "ko", texts=texts(n, "ko")) in first
    assert len(prs.slides) >= len(deck) + 2  # a title, each chart (a long timeline on more), the sources
    zf = zipfile.ZipFile(io.BytesIO(slides.lesson_bytes(items[:2], "ko", data.sources, citations)))
    assert any(name.endswith("index.html") for name in zf.namelist())
