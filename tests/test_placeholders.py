"""No placeholder reaches a person (issue 23): every page, in both languages and a few views each, and every
export (SVG text, the PPTX with its notes, TimelineJS, the lesson bundle's index, CSV and JSON downloads)
is scanned for None, nan, NaN, NaT, undefined, null, [object Object] and empty labels."""

import csv
import html
import io
import json
import re
import zipfile

import pandas as pd
import pytest

from harness.apptest import charts, run
from revolution.data.table import records
from revolution.exports import export, images, publish, slides
from revolution.views import page_views, timeline_charts

PLACEHOLDER = re.compile(r"(?<![\w-])(None|nan|NaN|NaT|undefined|null)(?![\w-])|\[object Object\]")

PAGES = [
    ("pages/overview.py", {}),
    ("pages/figures.py", {}),
    ("pages/timeline.py", {}),
    ("pages/timeline.py", {"from": "1917", "to": "1917"}),
    ("pages/timeline.py", {"from": "1918", "to": "1921", "event": "EH084"}),
    ("pages/timeline.py", {"from": "1100", "to": "2017"}),
    ("pages/sources.py", {}),
    ("pages/sources.py", {"event": "october_revolution_1917"}),
    ("pages/people.py", {}),
    ("pages/explorer.py", {}),
    ("pages/explorer.py", {"table": "figures"}),
    ("pages/read.py", {}),
    ("pages/read.py", {"src": "manifesto"}),
    ("pages/slides.py", {}),
]


def hits_in(text, where: str) -> list[str]:
    text = str(text)
    return [
        f"{where}: {m.group(0)!r} in {text[max(0, m.start() - 50) : m.end() + 30]!r}"
        for m in PLACEHOLDER.finditer(text)
    ]


def walk(value, where: str) -> list[str]:
    """Every string in a nested structure (None is no value, not a placeholder: JSON writes it null)."""
    if isinstance(value, str):
        return hits_in(value, where)
    if isinstance(value, dict):
        return [h for k, v in value.items() for h in walk(v, f"{where}.{k}")]
    if isinstance(value, (list, tuple)):
        return [h for i, v in enumerate(value) for h in walk(v, f"{where}[{i}]")]
    if isinstance(value, float) and value != value:
        return [f"{where}: NaN"]
    return []


def figure_hits(fig: dict, where: str) -> list[str]:
    """A figure's visible text: titles, trace names, texts, hovers, tick labels and annotations; a legend
    entry or an annotation with an empty label is a placeholder too."""
    out = []
    layout = fig.get("layout", {})
    for tr in fig.get("data", []):
        for key in ("name", "text", "hovertext", "customdata", "meta", "hovertemplate"):
            out += walk(tr.get(key), f"{where}.{tr.get('type')}.{key}")
        if tr.get("showlegend") is not False and "name" in tr and not str(tr["name"]).strip():
            out.append(f"{where}: a legend entry without a name")
    for ann in layout.get("annotations", []):
        out += walk(ann.get("text"), f"{where}.annotation")
        if ann.get("text") is not None and not str(ann["text"]).strip() and not ann.get("showarrow", True):
            out.append(f"{where}: an empty annotation")
    out += walk((layout.get("title") or {}).get("text"), f"{where}.title")
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            out += walk(axis.get("ticktext"), f"{where}.{name}.ticktext")
            out += walk((axis.get("title") or {}).get("text"), f"{where}.{name}.title")
    return out


def page_hits(at, where: str) -> list[str]:
    out = []
    texts = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")
    for kind in texts:
        for el in getattr(at, kind):
            out += hits_in(el.value, f"{where}.{kind}")
    for el in at.get("html"):  # the Read page's text with its marks and their hover cards
        out += hits_in(html.unescape(el.proto.body), f"{where}.html")
    for el in at.dataframe:
        frame = el.value
        for col in frame.columns:
            out += hits_in(col, f"{where}.dataframe.header")
            values = frame[col]
            if values.dtype == object or pd.api.types.is_string_dtype(values):
                for v in values.dropna():
                    out += hits_in(v, f"{where}.dataframe.{col}")
    for kind in ("selectbox", "multiselect", "radio"):
        for el in getattr(at, kind):
            out += hits_in(el.label, f"{where}.{kind}.label")
            for option in el.options:
                out += hits_in(option, f"{where}.{kind}.option")
                if not str(option).strip() and kind != "selectbox":
                    out.append(f"{where}.{kind}: an empty option")
    for i, fig in enumerate(charts(at)):
        out += figure_hits(fig, f"{where}.chart{i}")
    return out


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_page_shows_a_placeholder(dataset, lang):
    # tables folded under a chart are built only while open (ui.folded): open them, and look again
    folds = {
        "pages/figures.py": [f"rows_{g}" for g in dataset.groups.group_id],
        "pages/timeline.py": ["timeline_rows"],
    }
    found = []
    for page, params in PAGES:
        at = run(page, timeout=60, lang=lang, **params)
        found += page_hits(at, f"{page}?{params}")
        if page in folds:
            for key in folds[page]:
                at.session_state[key] = True
            at.run()
            assert at.dataframe, f"{page}: no table opened"
            found += page_hits(at, f"{page}?{params} (tables open)")
    assert not found, "\n".join(found[:40])


def names(dataset, lang):
    return dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_export_carries_a_placeholder(dataset, lang, tmp_path):
    found = []
    source_names = names(dataset, lang)
    # TimelineJS: every string (a missing value is JSON's null, which is no text)
    tl = json.loads(publish.timelinejs_bytes(dataset.events, dataset.eras, lang, source_names))
    found += walk(tl, "timelinejs")
    assert all(e["display_date"].strip() for e in tl["events"]), "an event with no date shown"
    # CSV and JSON downloads: a missing value is an empty cell, or null
    for table, frame in dataset.tables().items():
        text = export.safe_csv(frame).decode("utf-8-sig")
        for r, row in enumerate(csv.reader(io.StringIO(text))):
            found += [h for c in row for h in hits_in(c, f"{table}.csv row {r}")]
        found += walk(json.loads(publish.json_records(frame)), f"{table}.json")
    # the deck: every text on every slide and in its notes, and no message for the operator
    items = [slides.build(dataset, k, lang, source_names) for k in slides.default(dataset)]
    items.append(slides.build(dataset, "timeline:1917", lang, source_names))
    citations = {False: "—", True: "—"}
    deck = slides.deck_bytes(items, lang, dataset.sources, citations)
    found += pptx_hits(deck)
    # the figures as drawn (SVG text), and each slide's figure data
    for item in items:
        found += figure_hits(item.figure.to_plotly_json(), f"slide {item.key}")
    svg = images.render(items[-1].figure, "svg", (1920, 1080)).decode("utf-8")
    found += [h for s in re.findall(r"<text[^>]*>([^<]*)</text>", svg) for h in hits_in(s, "svg")]
    # the lesson bundle's index and its chart pages' figures
    bundle = slides.lesson_bytes(items[:2], lang, dataset.sources, citations)
    with zipfile.ZipFile(io.BytesIO(bundle)) as zf:
        index = zf.read("lesson/index.html").decode("utf-8")
    found += hits_in(re.sub(r"<[^>]+>", " ", index), "bundle index")
    assert not found, "\n".join(found[:40])


def pptx_hits(deck: bytes) -> list[str]:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(deck))
    out = []
    for n, slide in enumerate(prs.slides, 1):
        texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        for text in [*texts, notes]:
            out += hits_in(text, f"pptx slide {n}")
        if "REVOLUTION_PUBLIC_URL" in notes or any("REVOLUTION_PUBLIC_URL" in x for x in texts):
            out.append(f"pptx slide {n}: a message for the server's operator")
    return out


def test_a_timeline_slide_names_every_text_on_it_and_its_notes_carry_each_rows_quote(dataset):
    source_names = names(dataset, "ko")
    item = slides.build(dataset, "timeline:1917", "ko", source_names)
    deck = slides.deck_slides([item], "ko", {False: "—", True: "—"})
    assert len(deck) >= 1
    for slide in deck:
        fig = slide.figure
        rows = slides.page_rows(fig, item.rows)
        assert len(rows)
        for source_id in rows.source_id.unique():
            assert source_names[source_id] in slide.caption
        for rec in records(rows):
            assert f"“{rec['quote']}” — {source_names[rec['source_id']]}" in slide.notes
        assert "REVOLUTION_PUBLIC_URL" not in slide.notes


def test_a_date_from_a_reference_says_where_it_comes_from(dataset):
    from revolution.views import format as fmt

    row = dataset.events[dataset.events.date_basis == "reference"].iloc[0].to_dict()
    source = row["date_reference"].split(";")[0].strip()
    assert fmt.written_date(row, "ko") == f"원문에 날짜 없음 — {source}에 따름"
    assert fmt.written_date(row, "en") == f"No date in the text — after {source}"
    view = page_views.picker(dataset.events, (row["event_id"],), "", "ko", dataset.event_keys)
    assert "None" not in view[row["event_id"]] and source in view[row["event_id"]]
    assert timeline_charts.EVENT_HOVER  # the hover's date line is the same written_date
