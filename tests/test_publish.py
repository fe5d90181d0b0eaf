"""Taking things elsewhere: TimelineJS JSON, the data package zip, citations and a PPTX deck."""

import io
import json
import re
import shutil
import zipfile
from datetime import date

import pytest

from revolution.exports import publish
from revolution.views import figure_charts

from .conftest import DATA
from .test_formats import group_slides

NAMES = {"history": "류한수", "manifesto": "국제코뮤니스트흐름"}


def test_timelinejs_has_every_event_with_date_parts_and_quote(dataset):
    tl = json.loads(publish.timelinejs_bytes(dataset.events, dataset.eras, "ko", NAMES))
    assert tl["title"]["text"]["headline"]
    assert len(tl["events"]) == len(dataset.events)
    by_id = {e["unique_id"]: e for e in tl["events"]}
    feb = dataset.events[
        (dataset.events.source_id == "history") & (dataset.events.start == "1917-02-23")
    ].iloc[0]
    item = by_id[feb.event_id]
    assert item["start_date"] == {"year": 1917, "month": 3, "day": 8}  # New Style, as TimelineJS draws
    assert item["display_date"] == feb.date_text and "end_date" not in item
    assert feb.quote[:10] in item["text"]["text"] and item["group"] == "류한수"
    period = next(e for e in tl["events"] if "end_date" in e)
    assert set(period["end_date"]) >= {"year"}
    assert len(tl["eras"]) == len(dataset.eras)
    # a date from a standard chronology never shows as the text's own
    ref = dataset.events[dataset.events.date_basis == "reference"].iloc[0]
    source = ref.date_reference.split(";")[0].strip()
    assert by_id[ref.event_id]["display_date"].startswith(f"원문에 날짜 없음 — {source}에 따름")
    # a year given alone is a year, not a year-long event: no end, and the display says so
    year = dataset.events[(dataset.events.precision == "year") & (dataset.events.start == dataset.events.end)]
    item = by_id[year.event_id.iloc[0]]
    assert item["start_date"] == {"year": int(year.start.iloc[0])} and "end_date" not in item
    assert item["display_date"].endswith("연도만 알려짐")
    # and a period has its end
    periods = dataset.events[dataset.events.extent == "period"]
    assert all("end_date" in by_id[i] for i in periods.event_id)


def test_timelinejs_escapes_html_in_quotes(dataset):
    ev = dataset.events.head(1).assign(quote="<script>alert(1)</script>")
    tl = publish.timelinejs(ev, dataset.eras, "en", NAMES)
    assert "<script>" not in tl["events"][0]["text"]["text"]


def test_package_zip_holds_the_descriptor_and_every_csv():
    zf = zipfile.ZipFile(io.BytesIO(publish.package_zip(DATA)))
    names = {n.split("/")[-1] for n in zf.namelist()}
    assert "datapackage.json" in names and {p.name for p in DATA.glob("*.csv")} <= names


def test_citation_names_sources_version_date_and_link():
    line = publish.citation(
        "en", ["A", "B"], "http://x/figures?group=a", today=date(2026, 11, 24), maddison=True
    )
    assert line.startswith("Source: A; B") and "v" + publish.VERSION in line and "2026-11-24" in line
    assert line.endswith("http://x/figures?group=a") and "Maddison" in line


@pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")
def test_deck_opens_with_title_chart_and_sources_slides_and_quotes_in_notes(dataset):
    from pptx import Presentation

    groups = dataset.groups.set_index("group_id")
    slides = group_slides(dataset, url="https://example.org/revolution")
    # a caption too long for its one line on the slide: cut there, whole in the notes
    long = "출처: 류한수 · " + " · ".join(f"나라 {n}: 그해의 지도에 모양이 없다" for n in range(14))
    slides[1] = publish.Slide(slides[1].figure, slides[1].title, long, slides[1].notes, url=slides[1].url)
    seen = []
    prs = Presentation(io.BytesIO(publish.deck(slides, "ko", list(NAMES.values()), progress=seen.append)))
    assert len(prs.slides) == 4 and seen[-1] == 1.0
    texts = [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame] for s in prs.slides]
    assert publish.title("ko", len(NAMES)) in texts[0]
    assert texts[1][0] == groups.loc["constituent_assembly", "title_ko"]
    assert "25퍼센트에 못 미쳤다" in prs.slides[1].notes_slide.notes_text_frame.text
    pictures = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]
    assert len(pictures) == 2  # the chart and the QR code of its link
    assert "국제코뮤니스트흐름" in texts[-1][1]
    assert prs.slide_width * 9 == prs.slide_height * 16
    shown = [sh.text_frame.text for sh in prs.slides[2].shapes if sh.has_text_frame]
    assert long not in shown and any(x.endswith("…") for x in shown)
    assert prs.slides[2].notes_slide.notes_text_frame.text.startswith(long)
    # a caption that fits is not repeated in the notes
    assert not prs.slides[1].notes_slide.notes_text_frame.text.startswith("출처: 류한수")


@pytest.mark.parametrize(
    "url, codes", [("https://example.org/revolution/figures", 1), ("http://localhost:8501/figures", 0)]
)
def test_a_slide_has_a_qr_code_only_for_a_public_link(dataset, url, codes):
    """The QR code is drawn from the link the deck keeps, never from a local one it left out."""
    from pptx import Presentation

    rows = dataset.figures[dataset.figures.group == "industrial_output"]
    g = dataset.groups.set_index("group_id").loc["industrial_output"].to_dict() | {"group_id": "x"}
    chart = figure_charts.group_chart(rows, g, "ko", NAMES)
    slide = publish.Slide(chart, "t", "c", "n", url=url)
    prs = Presentation(io.BytesIO(publish.deck([slide], "ko", list(NAMES.values()))))
    pictures = [sh for sh in prs.slides[1].shapes if sh.shape_type == 13]
    assert len(pictures) == 1 + codes


def test_every_export_is_stamped_with_the_projects_one_version():
    import tomllib

    from revolution.data.paths import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    cff = re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M)
    assert publish.VERSION == project == cff.group(1)
    assert f"v{project} " in publish.citation("ko", ["A"])


def test_deck_refuses_nothing_and_too_much():
    with pytest.raises(publish.images.ExportError):
        publish.deck([], "en", ["A"])
    with pytest.raises(publish.images.ExportError, match="at most"):
        publish.deck([publish.Slide(None, "", "", "")] * (publish.MAX_SLIDES + 1), "en", ["A"])


def test_timelinejs_eras_span_whole_days_so_a_one_year_era_is_accepted(dataset):
    # TimelineJS rejects the whole timeline when an era's end equals its start ("All eras must have start and
    # end dates"), as {year: 1917} to {year: 1917} did
    tl = publish.timelinejs(dataset.events, dataset.eras, "ko", NAMES)
    assert len(tl["eras"]) == len(dataset.eras)
    for era in tl["eras"]:
        start, end = era["start_date"], era["end_date"]
        assert (start["year"], start["month"], start["day"]) < (end["year"], end["month"], end["day"])


def test_an_english_timelinejs_export_glosses_each_quote_and_a_korean_one_does_not(dataset):
    en = json.loads(publish.timelinejs_bytes(dataset.events, dataset.eras, "en", NAMES))
    ko = json.loads(publish.timelinejs_bytes(dataset.events, dataset.eras, "ko", NAMES))
    assert all("Our translation" in e["text"]["text"] for e in en["events"])
    assert not any("Our translation" in e["text"]["text"] for e in ko["events"])
    first = dataset.events.iloc[0]
    assert first.quote[:8] in en["events"][0]["text"]["text"]
