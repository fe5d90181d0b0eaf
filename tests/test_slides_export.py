"""Slides as a room sees them: the layout every export shares, the deck's geometry, captions, notes, QR
codes and fonts, and the offline lesson bundle (browser-free checks; the drawn checks are in
test_slides_drawn.py)."""

import io
import json
import re
import zipfile

import plotly.graph_objects as go
import pytest

from revolution.data import paths
from revolution.exports import bundle, publish, slide_layout, slides
from revolution.views import measure

from .conftest import ROOT

pptx = pytest.importorskip("pptx")
NAMES = {"history": "류한수 (역사 개설)", "manifesto": "국제코뮤니스트흐름 (선언문)"}
CITATIONS = {False: "출처: 류한수; 국제코뮤니스트흐름", True: "출처: 류한수; Maddison 2020"}
DECK = ["figure:constituent_assembly", "figure:industrial_output", "timeline:1917", "timeline:civil_war"]


def font_sizes(fig: go.Figure) -> list[float]:
    """Every font size the laid-out figure asks for (text Plotly draws falls back to layout.font)."""
    lay = fig.layout
    sizes = [lay.font.size, lay.legend.font.size]
    sizes += [a.font.size for a in lay.annotations]
    for name in [k for k in lay if k.startswith(("xaxis", "yaxis"))]:
        sizes += [lay[name].tickfont.size or lay.font.size, lay[name].title.font.size or lay.font.size]
    sizes += [tr.textfont.size for tr in fig.data if getattr(tr, "text", None) is not None]
    return [s for s in sizes if s is not None]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1080)])
def test_the_slide_layout_sets_no_text_under_24_px_and_larger_titles(dataset, size):
    for key in DECK:
        item = slides.build(dataset, key, "ko", NAMES)
        for fig, _ in slide_layout.pages(item.figure, size):
            laid = slide_layout.fit(fig, size, "출처: 류한수")
            assert min(font_sizes(laid)) >= 24, key
            assert laid.layout.title.font.size > 24 and laid.layout.xaxis.tickfont.size > 24
            m = laid.layout.margin
            assert min(m.l, m.r, m.t, m.b) >= slide_layout.SLIDE_TYPE.edge  # nothing touches an edge


def test_the_full_timeline_becomes_pages_of_whole_rows_that_fit(dataset):
    item = slides.build(dataset, "timeline:all", "ko", NAMES)
    lanes = len(item.figure.layout.yaxis.tickvals)
    parts = slides.pages(item, "ko")
    rows = [len(fig.layout.yaxis.tickvals) for fig, _ in parts]
    assert sum(rows) == lanes and len(parts) > 1  # every row once, none squeezed in
    assert max(rows) - min(rows) <= max(rows) // 2 + 1  # evened out, no lonely last page
    titles = [title for _, title in parts]
    assert all(
        title.startswith("연표: ") and title.rstrip(")").endswith(("년", "쪽 중 1", "쪽 중 2"))
        for title in titles
    )


def test_a_chart_that_may_split_is_told_without_laying_it_out_and_downloads_as_a_zip(dataset, monkeypatch):
    from revolution.exports import images

    built = {k: slides.build(dataset, k, "ko", NAMES).figure for k in slides.options(dataset)}
    may = {k: slide_layout.may_split(fig) for k, fig in built.items()}
    pages = {
        (k, size): len(slide_layout.pages(fig, size))
        for k, fig in built.items()
        for size in (images.SLIDE, images.SQUARE)
    }
    assert all(may[k] for (k, _), n in pages.items() if n > 1)  # never a zip named .png
    assert may["timeline:1917"] and not may["figure:constituent_assembly"]
    # the file is a zip of numbered images whenever the buttons said zip, even for one slide
    monkeypatch.setattr(images, "render", lambda fig, fmt, size, scale=1: b"IMG")
    one = slides.build(dataset, "figure:constituent_assembly", "ko", NAMES).figure
    assert images.download(one, "x", "png", images.SLIDE) == b"IMG"
    with zipfile.ZipFile(io.BytesIO(images.download(one, "x", "png", images.SLIDE, zipped=True))) as zf:
        assert zf.namelist() == ["01.png"]


def test_split_rows_cuts_where_the_year_changes():
    lanes = list(range(10))
    years = {k: 1917 if k < 4 else 1918 for k in lanes}
    pages = slide_layout.split_rows(lanes, years, {k: 40 for k in lanes}, room=40 * 6)
    assert pages[0] == [0, 1, 2, 3] and sum(len(p) for p in pages) == 10


def test_timeline_titles_read_as_written(dataset):
    assert slides.label("timeline:1917-1917", dataset, "ko") == "연표: 1917년"
    assert slides.label("timeline:1918-1921", dataset, "ko") == "연표: 1918–1921년"
    assert slides.label("timeline:1917-1917", dataset, "en") == "Timeline: 1917"
    assert slides.label("timeline:1917", dataset, "ko") == "연표: 1917년"
    assert slides.label("timeline:civil_war", dataset, "ko") == "연표: 내전 (1918–1921년)"


def test_adding_appends_and_moving_keeps_every_item():
    three = ["figure:a", "figure:b", "timeline:1917"]
    assert slides.add(three, "timeline:1918-1921") == [*three, "timeline:1918-1921"]
    assert slides.add(three, "figure:a") == three
    assert slides.move(three, 0, 1) == ["figure:b", "figure:a", "timeline:1917"]
    assert slides.move(three, 2, 1) == three


def test_public_address_is_never_local(monkeypatch):
    for local in ("http://localhost:8501", "http://127.0.0.1:8501/x", "ftp://example.org", "", "example.org"):
        monkeypatch.setenv(paths.PUBLIC_URL_ENV, local)
        assert paths.public_url() is None, local
    monkeypatch.setenv(paths.PUBLIC_URL_ENV, "https://example.org/revolution/")
    assert paths.public_url() == "https://example.org/revolution"


def build_deck(dataset, monkeypatch, url=None, lang="ko"):
    if url:
        monkeypatch.setenv(paths.PUBLIC_URL_ENV, url)
    else:
        monkeypatch.delenv(paths.PUBLIC_URL_ENV, raising=False)
    items = [slides.build(dataset, k, lang, NAMES) for k in DECK]
    link = f"{url}/slides?deck=x" if url else ""
    data = slides.deck_bytes(items, lang, dataset.sources, CITATIONS, link)
    return pptx.Presentation(io.BytesIO(data)), items


@pytest.fixture(scope="module")
def deck(dataset):
    """The deck of DECK without a public address, built once (its charts drawn by kaleido) for the tests that
    read it; each opens its own copy with `opened`."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(paths.PUBLIC_URL_ENV, raising=False)
        items = [slides.build(dataset, k, "ko", NAMES) for k in DECK]
        return slides.deck_bytes(items, "ko", dataset.sources, CITATIONS, ""), items


def opened(deck):
    data, items = deck
    return pptx.Presentation(io.BytesIO(data)), items


def pictures(slide):
    return [sh for sh in slide.shapes if sh.shape_type == 13]


def test_deck_text_lies_inside_the_slide_and_captions_take_one_line(deck):
    from pptx.util import Pt

    prs, items = opened(deck)
    for s in prs.slides:
        for sh in s.shapes:
            assert sh.left >= 0 and sh.top >= 0, sh.name
            assert sh.left + sh.width <= prs.slide_width and sh.top + sh.height <= prs.slide_height, sh.name
    for s in list(prs.slides)[1:-1]:
        caption = [sh for sh in s.shapes if sh.has_text_frame][-1]
        run = caption.text_frame.paragraphs[0].runs[0]
        width_pt = caption.width / 12700
        assert len(caption.text_frame.paragraphs) == 1 and not caption.text_frame.word_wrap
        assert measure.text_width(run.text, run.font.size / Pt(1)) <= width_pt  # one line, it fits
        assert run.text.startswith("출처: ")


def test_deck_titles_notes_sources_and_fonts(dataset, deck):
    from pptx.oxml.ns import qn

    prs, items = opened(deck)
    titles = [[sh for sh in s.shapes if sh.has_text_frame][0].text_frame.text for s in prs.slides]
    assert "연표: 1917년" in " ".join(titles) and "1917-1917" not in " ".join(titles)
    notes = prs.slides[1].notes_slide.notes_text_frame.text
    assert CITATIONS[False] in notes and "25퍼센트에 못 미쳤다" in notes  # full citation and the quotes
    last = "\n".join(sh.text_frame.text for sh in prs.slides[-1].shapes if sh.has_text_frame)
    for r in dataset.sources.to_dict("records"):
        assert r["author_ko"] in last and r["title_ko"] in last
    assert "2017-09" in last and "Maddison" in last  # the manifesto's date; the index chart draws Maddison
    for s in prs.slides:
        for sh in s.shapes:
            if sh.has_text_frame:
                for run in (r for p in sh.text_frame.paragraphs for r in p.runs):
                    ea = run._r.get_or_add_rPr().find(qn("a:ea"))
                    assert ea is not None and ea.get("typeface") == publish.EA_FONT
                    assert ea.get("charset") == publish.HANGUL_CHARSET


def test_no_qr_code_without_a_public_address_and_no_operator_message_in_the_deck(deck):
    # how to set the public address is for the server's operator: the log says it, never a class's deck
    prs, _ = opened(deck)
    for s in list(prs.slides)[1:]:
        assert len(pictures(s)) <= 1  # the chart only (the sources slide has none)
        assert paths.PUBLIC_URL_ENV not in s.notes_slide.notes_text_frame.text
        assert "localhost" not in s.notes_slide.notes_text_frame.text


def test_qr_code_encodes_the_public_address_when_set(dataset, monkeypatch):
    url = "https://example.org/revolution"
    prs, _ = build_deck(dataset, monkeypatch, url)
    want = publish._qr(f"{url}/slides?deck=x").getvalue()  # qrcode is deterministic: same text, same PNG
    for s in list(prs.slides)[1:-1]:
        images = pictures(s)
        assert len(images) == 2 and images[1].image.blob == want
        assert f"{url}/slides?deck=x" in s.notes_slide.notes_text_frame.text


def test_lesson_bundle_holds_everything_offline(dataset, monkeypatch):
    monkeypatch.delenv(paths.PUBLIC_URL_ENV, raising=False)
    items = [slides.build(dataset, k, "ko", NAMES) for k in DECK[:2]]
    zf = zipfile.ZipFile(io.BytesIO(slides.lesson_bytes(items, "ko", dataset.sources, CITATIONS)))
    names = zf.namelist()
    assert sum(n.endswith("plotly.min.js") for n in names) == 1
    assert zf.read("lesson/plotly.min.js") == bundle.PLOTLY_JS.read_bytes()
    charts = sorted(n for n in names if n.endswith(".html") and not n.endswith("index.html"))
    assert charts == ["lesson/01_figure_constituent_assembly.html", "lesson/02_figure_industrial_output.html"]
    for name, item in zip(charts, items):
        page = zf.read(name).decode("utf-8")
        assert '<script charset="utf-8" src="plotly.min.js">' in page and "cdn.plot.ly" not in page
        quote = item.figure.data[0].customdata[0][-1][:8]  # hover quotes travel with the chart
        assert quote in page or json.dumps(quote)[1:-1] in page
        assert name.replace(".html", ".csv") in names
    index = zf.read("lesson/index.html").decode("utf-8")
    assert index.index("01_figure") < index.index("02_figure") and items[0].caption[:10] in index
    assert any(n.endswith(".pptx") for n in names)


def test_the_docs_document_the_public_address():
    assert paths.PUBLIC_URL_ENV in (ROOT / "docs" / "using.md").read_text(encoding="utf-8")


def test_the_bundle_timeline_names_every_row_without_plotlys_quadratic_label_check(dataset):
    """The lesson bundle's whole timeline: every row is named on the y axis, and the axis sets
    ticklabeloverflow "allow" (plotly.js's default measures every label once per label: 0.6 s of a browser's
    time for 133 rows, the whole of what made the static page slower than TimelineJS; benchmarks/peers.py)."""
    item = slides.build(dataset, "timeline:all", "ko", NAMES)
    page = bundle.chart_html(item.figure, item.title)
    decoder, at, args = json.JSONDecoder(), page.index("Plotly.newPlot(") + len("Plotly.newPlot("), []
    for _ in range(3):  # the div's id, the data, the layout, as the page hands them to plotly.js
        at = len(page) - len(page[at:].lstrip(" \n,"))
        value, at = decoder.raw_decode(page, at)
        args.append(value)
    layout = args[2]
    assert layout["yaxis"].get("ticklabeloverflow") == "allow"
    assert len(layout["yaxis"]["ticktext"]) == item.rows.event_key.nunique()


@pytest.mark.parametrize("key", ["timeline:1917", "timeline:civil_war"])
def test_a_timeline_page_shows_only_its_own_rows_and_names_its_eras_under_them(dataset, key):
    """A page's y range holds its rows and nothing of the page before (room above its first row once showed
    the last row of the previous page, unnamed); the eras are named under the plot, not on the first bar."""
    item = slides.build(dataset, key, "ko", NAMES)
    parts = slide_layout.pages(item.figure, (1920, 1080))
    assert len(parts) > 1
    for fig, _ in parts:
        rows = list(fig.layout.yaxis.tickvals)
        assert sorted(fig.layout.yaxis.range) == [min(rows) - 0.5, max(rows) + 0.5]
        laid = slide_layout.fit(fig, (1920, 1080), "출처: 류한수")
        eras = [a for a in laid.layout.annotations if a.xref == "x" and a.yref == "y domain"]
        assert eras and all(a.y == 0 and a.yanchor == "top" for a in eras)


def test_the_decks_korean_text_is_set_as_written_no_space_before_punctuation(deck):
    """LibreOffice draws a gap between Hangul and Latin script ("혁명 ,", "연표 : 1917 년"): its own
    "space between Asian and non-Asian text", which no DrawingML attribute turns off (docs/deck.md). What the
    file controls is checked here: every run holds the text as written, in one font for both scripts."""
    from pptx.oxml.ns import qn

    prs, items = opened(deck)
    texts = [
        r.text
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert publish.title("ko", 2) in texts and all(i.title in " ".join(texts) for i in items)
    assert [x for x in texts if re.search(r"[가-힣] [,.:;)]", x)] == []
    for s in prs.slides:
        for sh in s.shapes:
            for r in sh._element.iter(qn("a:rPr")) if sh.has_text_frame else []:
                fonts = {r.find(qn(f"a:{k}")).get("typeface") for k in ("latin", "ea")}
                assert fonts == {publish.EA_FONT}  # one font: no font run changes inside a line


@pytest.mark.parametrize("key", ["timeline:1917", "timeline:civil_war", "timeline:revolution_years"])
def test_presentation_and_the_pptx_cut_a_timeline_into_the_same_pages(dataset, key):
    # issue 34: the 1917 timeline was 3 slides in presentation mode and 2 in the PPTX of the same deck
    from revolution.data import sources
    from revolution.exports import publish

    names = sources.names(dataset.sources, "ko")
    item = slides.build(dataset, key, "ko", names, with_refs=False)
    deck = slides.deck_slides([item], "ko", {False: "—", True: "—"})
    shown = [(item, fig, title) for fig, title in slides.deck_pages(item, "ko")]
    assert len(deck) == len(shown)
    assert [s.title for s in deck] == [title for _, _, title in shown]
    # presentation draws each of those pages: the last one exists, and one past it does not
    assert slides.present_svg(item, "ko", len(shown) - 1).startswith("<svg")
    # every page's rows fit the PPTX's chart box (under its title) as well as the presentation's frame
    room = slide_layout.plot_room(go.Figure(item.figure).update_layout(title=None), publish.CHART_SIZE)
    for fig, _ in slides.deck_pages(item, "ko"):
        rows = len(fig.layout.yaxis.tickvals)
        assert rows * slide_layout._row_height("", slide_layout.SLIDE_TYPE) <= room + 1
