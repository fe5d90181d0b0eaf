"""Taking the data and charts elsewhere: citation lines, TimelineJS JSON, the data package as a zip, a PPTX
deck."""

from __future__ import annotations

import io
import json
import logging
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from revolution.data import paths
from revolution.data.calendar import mark_kind
from revolution.data.paths import PUBLIC_URL_ENV
from revolution.exports import images
from revolution.i18n import our_translation, t, texts
from revolution.views import format as fmt
from revolution.views.references import MADDISON_CITATION

# One version, the project's own (pyproject.toml), stamped on every export; CITATION.cff is tested equal.
VERSION = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
MAX_SLIDES = 40


def title(lang: str, n_texts: int) -> str:
    """The dashboard's name, with the number of texts it holds: "러시아 혁명, 두 텍스트의 숫자와 연표"."""
    return t("export_title", lang, texts=texts(n_texts, lang))


def citation(
    lang: str, sources: list[str], url: str = "", today: date | None = None, maddison: bool = False
) -> str:
    """One line that travels with every export: the texts, the dashboard with version and date, the view's
    link."""
    today = today or date.today()
    head = t("source", lang)
    parts = [
        f"{head}: " + "; ".join(sources),
        f"{title(lang, len(sources))} v{VERSION} ({today.isoformat()})",
    ]
    if maddison:
        parts.append(MADDISON_CITATION)
    if url:
        parts.append(url)
    return " — ".join(parts)


def _date_parts(iso: str) -> dict:
    keys = ("year", "month", "day")
    return {k: int(v) for k, v in zip(keys, iso.split("-"))}


def _year_or(value, default: int) -> int:
    return default if pd.isna(value) else int(value)


def _display_date(row: dict, lang: str) -> str:
    """The date as the text writes it (or where it comes from), and, unless the day is given, how much of
    it is known ("연도만 알려짐"): TimelineJS draws a year given alone as a point in it."""
    kind = mark_kind(row)
    written = fmt.written_date(row, lang)
    return written if kind in ("day", "period") else f"{written} — {t(f'mark_{kind}', lang)}"


def _start_parts(row: dict) -> dict:
    """The start at the precision the text gives: a day as its New Style day, a month or a year (or a wider
    window) as its month or year alone, which TimelineJS shows as such."""
    if row["precision"] == "day":
        return _date_parts(row["start_gregorian"])
    parts = _date_parts(row["start"])
    return parts if row["precision"] == "month" and row["start"] == row["end"] else {"year": parts["year"]}


def _gloss(row: dict, lang: str) -> str:
    """In English, our gloss under the Korean quote, labelled as our translation."""
    if lang != "en" or not isinstance(row.get("quote_en"), str):
        return ""
    return f"<p><i>{our_translation(_escape(row['quote_en']), lang)}</i></p>"


def timelinejs(events: pd.DataFrame, eras: pd.DataFrame, lang: str, source_names: dict) -> dict:
    """The events in Knight Lab's TimelineJS JSON format: events with start/end date parts, display date,
    headline and text (the quote and its source), a group per source, and the eras."""
    out = {
        "title": {
            "text": {
                "headline": title(lang, len(source_names)),
                "text": citation(lang, list(source_names.values())),
            }
        },
        "events": [],
        "eras": [],
    }
    for r in events.to_dict("records"):
        item = {
            "unique_id": r["event_id"],
            "start_date": _start_parts(r),
            "display_date": _display_date(r, lang),
            "group": source_names.get(r["source_id"], r["source_id"]),
            "text": {
                "headline": r[f"title_{lang}"],
                "text": f"<blockquote>{_escape(r['quote'])}</blockquote><p>— "
                f"{_escape(source_names.get(r['source_id'], ''))}</p>" + _gloss(r, lang),
            },
        }
        if mark_kind(r) == "period":  # only a period has an end: a year given alone is not a year long
            item["end_date"] = _date_parts(r["end_gregorian"])
        out["events"].append(item)
    years = [int(v[:4]) for v in (*events.start_gregorian, *events.end_gregorian)] or [1917]
    for e in eras.to_dict("records"):
        # full days: TimelineJS drops an end equal to the start (a one-year era) and then refuses every
        # era
        out["eras"].append(
            {
                # an open era runs from the first event's year, or to the last's
                "start_date": {"year": _year_or(e["start_year"], min(years)), "month": 1, "day": 1},
                "end_date": {"year": _year_or(e["end_year"], max(years)), "month": 12, "day": 31},
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
    """The whole Frictionless data package as one zip: the descriptor and every file it names (the CSVs,
    the map's layers), each under the licence the descriptor gives it."""
    descriptor = data_dir / "datapackage.json"
    named = [r["path"] for r in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in ["datapackage.json", *sorted(set(named))]:
            zf.write(data_dir / name, f"russian-revolution-data/{name}")
    return buf.getvalue()


@dataclass
class Slide:
    """One slide: the figure, its title, a one-line caption (source and short quote), the speaker notes (full
    citation, the quotes, the link) and the public link for a QR code ("" for none)."""

    figure: object
    title: str
    caption: str
    notes: str
    url: str = ""


SLIDE_W, SLIDE_H = 12192000, 6858000  # 16:9, 13.333 × 7.5 in, in EMU
EMU_PER_INCH = 914400
PX_PER_INCH = 144  # a 1920-px slide image is 13.333 in wide: chart pixels are slide pixels
LATIN_FONT = "Noto Sans CJK KR"
# The East Asian font draws Hangul. Noto Sans CJK KR is what the project installs (LibreOffice draws it);
# the Hangul charset makes PowerPoint, lacking the font, substitute a Korean one (Malgun Gothic on
# Windows). Naming Malgun Gothic instead made LibreOffice set punctuation in a fallback with wide gaps.
EA_FONT = "Noto Sans CJK KR"
HANGUL_CHARSET = "-127"
CAPTION_PT = 14
TITLE_PT = 30
MARGIN_IN = 0.45
QR_IN = 1.0
TITLE_IN, CAPTION_IN = 0.75, 0.4
# the chart's box in pixels: the slide less margins, title and caption (chart pixels are slide pixels)
CHART_SIZE = (
    int((SLIDE_W / EMU_PER_INCH - 2 * MARGIN_IN) * PX_PER_INCH),
    int((SLIDE_H / EMU_PER_INCH - 2 * MARGIN_IN - TITLE_IN - CAPTION_IN - 0.1) * PX_PER_INCH),
)


def source_lines(sources: pd.DataFrame, lang: str) -> list[str]:
    """Each text in full, from data/sources.csv: author, title and date."""
    out = []
    for r in sources.to_dict("records"):
        when = r["date"] if isinstance(r.get("date"), str) and r["date"] else t("no_date", lang)
        out.append(f"{r[f'author_{lang}']}, 「{r[f'title_{lang}']}」 ({when})")
    return out


def one_line(text: str, size_pt: float, width_in: float) -> str:
    """The text cut with '…' to fit one line of `width_in` inches at `size_pt` points."""
    from revolution.views.measure import text_width

    room = width_in * 72
    if text_width(text, size_pt) <= room:
        return text
    while text and text_width(text + "…", size_pt) > room:
        text = text[:-1]
    return text.rstrip(" ,;:—-“") + "…"


def _set_font(run, size_pt: int) -> None:
    """python-pptx sets only the Latin font: the East Asian one (Hangul) goes into the run's XML."""
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    run.font.size = Pt(size_pt)
    run.font.name = LATIN_FONT
    rpr = run._r.get_or_add_rPr()
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        latin = rpr.find(qn("a:latin"))
        if latin is not None:
            latin.addnext(ea)
        else:
            rpr.append(ea)
    ea.set("typeface", EA_FONT)
    ea.set("charset", HANGUL_CHARSET)


def _text(slide, text: str, left, top, width, height, size: int, bold: bool = False, wrap: bool = True):
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN

    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = wrap
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.auto_size = MSO_AUTO_SIZE.NONE  # the box keeps its place and size (LibreOffice centres a grown one)
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    for n, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        para.alignment = PP_ALIGN.LEFT
        run = para.add_run()
        run.text = line
        run.font.bold = bold
        _set_font(run, size)
    return box


def _qr(url: str) -> io.BytesIO:
    import qrcode

    img = qrcode.make(url, box_size=6, border=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf


def _inches(n: float) -> int:
    return int(n * EMU_PER_INCH)


def deck(
    slides: list[Slide],
    lang: str,
    sources: list[str],
    progress=None,
    maddison: bool = False,
    public_url: str | None = None,
) -> bytes:
    """A 16:9 PPTX: a title slide, one chart per slide with a one-line caption (the full citation and the
    quotes in the notes, a QR code only for a public link), and a sources slide naming the texts in full."""
    from pptx import Presentation

    from revolution.exports import slide_layout
    from revolution.i18n import t

    if not slides:
        raise images.ExportError(t("deck_empty", lang))
    if len(slides) > MAX_SLIDES:
        raise images.ExportError(t("deck_too_many", lang, most=MAX_SLIDES, n=len(slides)))
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    width_in, height_in = SLIDE_W / EMU_PER_INCH, SLIDE_H / EMU_PER_INCH
    inner_in = width_in - 2 * MARGIN_IN
    blank = prs.slide_layouts[6]
    first = prs.slides.add_slide(blank)
    _text(
        first,
        title(lang, len(sources)),
        _inches(MARGIN_IN),
        _inches(2.3),
        _inches(inner_in),
        _inches(1.4),
        40,
        bold=True,
    )
    _text(first, "\n".join(sources), _inches(MARGIN_IN), _inches(3.9), _inches(inner_in), _inches(2.2), 18)
    chart_top = MARGIN_IN + TITLE_IN
    size = CHART_SIZE
    for n, item in enumerate(slides, 1):
        url = item.url if paths.is_public(item.url) else ""  # a QR code of localhost leads students nowhere
        s = prs.slides.add_slide(blank)
        _text(
            s,
            one_line(item.title, TITLE_PT, inner_in),
            _inches(MARGIN_IN),
            _inches(MARGIN_IN),
            _inches(inner_in),
            _inches(TITLE_IN),
            TITLE_PT,
            bold=True,
            wrap=False,
        )
        chart = go.Figure(item.figure).update_layout(title=None)  # the slide carries the title
        png = images.render(slide_layout.fit(chart, size), "png", size, scale=1.5)
        s.shapes.add_picture(io.BytesIO(png), _inches(MARGIN_IN), _inches(chart_top), width=_inches(inner_in))
        caption_w = inner_in - (QR_IN + 0.2 if url else 0)
        shown = one_line(item.caption, CAPTION_PT, caption_w)
        _text(
            s,
            shown,
            _inches(MARGIN_IN),
            _inches(height_in - MARGIN_IN - CAPTION_IN),
            _inches(caption_w),
            _inches(CAPTION_IN),
            CAPTION_PT,
            wrap=False,
        )
        if url:
            s.shapes.add_picture(
                _qr(url),
                _inches(width_in - MARGIN_IN - QR_IN),
                _inches(height_in - MARGIN_IN - QR_IN),
                width=_inches(QR_IN),
                height=_inches(QR_IN),
            )
        # a caption cut to its one line on the slide is whole in the speaker notes: nothing is lost
        whole = item.caption if shown != item.caption else ""
        s.notes_slide.notes_text_frame.text = "\n\n".join(p for p in (whole, item.notes) if p)
        if progress:
            progress(n / (len(slides) + 1))
    last = prs.slides.add_slide(blank)
    _text(
        last,
        t("deck_sources", lang),
        _inches(MARGIN_IN),
        _inches(MARGIN_IN),
        _inches(inner_in),
        _inches(0.8),
        TITLE_PT,
        bold=True,
    )
    lines = list(sources)
    if maddison:
        lines.append(MADDISON_CITATION)
    lines.append(
        f"{t('deck_dashboard', lang)}: {title(lang, len(sources))} v{VERSION} ({date.today().isoformat()})"
        + (f" — {public_url}" if public_url else "")
    )
    _text(last, "\n".join(lines), _inches(MARGIN_IN), _inches(1.5), _inches(inner_in), _inches(5.4), 18)
    if not public_url:
        # a message for the server's operator, not for a class: the log, never the deck
        logging.getLogger(__name__).warning(
            "deck built without QR codes: set %s to the dashboard's public address", PUBLIC_URL_ENV
        )
    out = io.BytesIO()
    prs.save(out)
    if progress:
        progress(1.0)
    return out.getvalue()
