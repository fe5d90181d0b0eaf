"""Taking the data and charts elsewhere: citation lines, TimelineJS JSON, the data package as a zip, a PPTX
deck."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from . import format as fmt
from . import images
from .i18n import t
from .references import MADDISON_CITATION

VERSION = "0.1.0"
TITLE = {"ko": "러시아 혁명, 두 텍스트의 숫자와 연표", "en": "The Russian Revolution in two texts"}
MAX_SLIDES = 40


def citation(
    lang: str, sources: list[str], url: str = "", today: date | None = None, maddison: bool = False
) -> str:
    """One line that travels with every export: the texts, the dashboard with version and date, the view's
    link."""
    today = today or date.today()
    head = "출처" if lang == "ko" else "Source"
    parts = [f"{head}: " + "; ".join(sources), f"{TITLE[lang]} v{VERSION} ({today.isoformat()})"]
    if maddison:
        parts.append(MADDISON_CITATION)
    if url:
        parts.append(url)
    return " — ".join(parts)


def _date_parts(iso: str) -> dict:
    keys = ("year", "month", "day")
    return {k: int(v) for k, v in zip(keys, iso.split("-"))}


def _gloss(row: dict, lang: str) -> str:
    """In English, our gloss under the Korean quote, labelled as our translation."""
    if lang != "en" or not isinstance(row.get("quote_en"), str):
        return ""
    return f"<p><i>{_escape(t('our_translation', lang))}: “{_escape(row['quote_en'])}”</i></p>"


def timelinejs(events: pd.DataFrame, eras: pd.DataFrame, lang: str, source_names: dict) -> dict:
    """The events in Knight Lab's TimelineJS JSON format: events with start/end date parts, display date,
    headline and text (the quote and its source), a group per source, and the eras."""
    out = {
        "title": {"text": {"headline": TITLE[lang], "text": citation(lang, list(source_names.values()))}},
        "events": [],
        "eras": [],
    }
    for r in events.to_dict("records"):
        item = {
            "unique_id": r["event_id"],
            "start_date": _date_parts(r["start_gregorian"]),
            "display_date": fmt.written_date(r, lang),
            "group": source_names.get(r["source_id"], r["source_id"]),
            "text": {
                "headline": r[f"title_{lang}"],
                "text": f"<blockquote>{_escape(r['quote'])}</blockquote><p>— "
                f"{_escape(source_names.get(r['source_id'], ''))}</p>" + _gloss(r, lang),
            },
        }
        if r["end_gregorian"] != r["start_gregorian"]:
            item["end_date"] = _date_parts(r["end_gregorian"])
        out["events"].append(item)
    for e in eras.to_dict("records"):
        # full days: TimelineJS drops an end equal to the start (a one-year era) and then refuses every
        # era
        out["eras"].append(
            {
                "start_date": {"year": int(e["start_year"]), "month": 1, "day": 1},
                "end_date": {"year": int(e["end_year"]), "month": 12, "day": 31},
                "text": {"headline": e[f"title_{lang}"]},
            }
        )
    return out


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def timelinejs_bytes(*args, **kwargs) -> bytes:
    return json.dumps(timelinejs(*args, **kwargs), ensure_ascii=False, indent=1).encode("utf-8")


def json_records(frame: pd.DataFrame) -> bytes:
    return frame.to_json(orient="records", force_ascii=False, indent=1).encode("utf-8")


def package_zip(data_dir: Path) -> bytes:
    """The whole Frictionless data package (descriptor and every CSV) as one zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(data_dir.iterdir()):
            if path.is_file() and path.suffix in (".csv", ".json"):
                zf.write(path, f"russian-revolution-data/{path.name}")
    return buf.getvalue()


@dataclass
class Slide:
    """One chart on its own slide: the figure, its title, a caption, the full quotes (for the notes), a
    link."""

    figure: object
    title: str
    caption: str
    quotes: str
    url: str = ""


def _set_font(run, size_pt: int, east_asian: str = "Noto Sans CJK KR") -> None:
    """python-pptx sets only the Latin font; Hangul needs the East Asian one set in the run's XML."""
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    run.font.size = Pt(size_pt)
    run.font.name = "Noto Sans CJK KR"
    rpr = run._r.get_or_add_rPr()
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        rpr.append(ea)
    ea.set("typeface", east_asian)


def _text(slide, text: str, left, top, width, height, size: int, bold: bool = False) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.bold = bold
    _set_font(run, size)


def _qr(url: str) -> io.BytesIO:
    import qrcode

    img = qrcode.make(url, box_size=6, border=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf


def deck(slides: list[Slide], lang: str, sources: list[str], progress=None) -> bytes:
    """A 16:9 PPTX: a title slide, one chart per slide with its caption, quotes in the notes, a sources
    slide."""
    from pptx import Presentation
    from pptx.util import Emu, Inches

    if not slides:
        raise images.ExportError(
            "Choose at least one chart for the deck." if lang == "en" else "차트를 하나 이상 고르세요."
        )
    if len(slides) > MAX_SLIDES:
        raise images.ExportError(f"A deck holds at most {MAX_SLIDES} charts; you chose {len(slides)}.")
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 16:9, 13.333 × 7.5 in
    blank = prs.slide_layouts[6]
    first = prs.slides.add_slide(blank)
    _text(first, TITLE[lang], Inches(0.8), Inches(2.4), Inches(11.7), Inches(1.4), 40, bold=True)
    _text(first, citation(lang, sources), Inches(0.8), Inches(4.0), Inches(11.7), Inches(1.5), 16)
    for n, item in enumerate(slides, 1):
        s = prs.slides.add_slide(blank)
        _text(s, item.title, Inches(0.5), Inches(0.2), Inches(12.3), Inches(0.7), 26, bold=True)
        chart = go.Figure(item.figure).update_layout(
            title=None, margin=dict(t=60)
        )  # the slide carries the title
        png = images.render(chart, "png", (1800, 820), scale=1.5)
        s.shapes.add_picture(io.BytesIO(png), Inches(0.6), Inches(0.95), height=Inches(5.45))
        _text(s, item.caption, Inches(0.5), Inches(6.55), Inches(10.9), Inches(0.9), 12)
        if item.url:
            s.shapes.add_picture(_qr(item.url), Inches(11.7), Inches(6.25), height=Emu(Inches(1.1)))
        s.notes_slide.notes_text_frame.text = item.quotes + (f"\n\n{item.url}" if item.url else "")
        if progress:
            progress(n / (len(slides) + 1))
    last = prs.slides.add_slide(blank)
    _text(
        last,
        "출처" if lang == "ko" else "Sources",
        Inches(0.8),
        Inches(0.6),
        Inches(11.7),
        Inches(0.8),
        30,
        bold=True,
    )
    lines = sources + [f"{TITLE[lang]} v{VERSION}"]
    if any("Maddison" in sl.caption for sl in slides):
        lines.append(MADDISON_CITATION)
    _text(last, "\n".join(lines), Inches(0.8), Inches(1.6), Inches(11.7), Inches(5), 16)
    out = io.BytesIO()
    prs.save(out)
    if progress:
        progress(1.0)
    return out.getvalue()
