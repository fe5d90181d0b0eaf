"""The offline lesson bundle: the deck, each chart as an interactive HTML file that opens from a USB stick
with no server and no internet (plotly.js once, beside them), an index in deck order, and the data."""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly
import plotly.graph_objects as go

from revolution.exports.export import safe_csv
from revolution.i18n import t

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
FOLDER = "lesson"


@dataclass
class Chart:
    name: str  # file stem, e.g. 01_constituent_assembly
    title: str
    caption: str
    figure: go.Figure
    rows: pd.DataFrame | None


def chart_html(fig: go.Figure, title: str) -> str:
    """One chart as a whole page that loads plotly.js from the file beside it (never from the network)."""
    page = fig.to_html(
        include_plotlyjs="plotly.min.js",  # a relative <script src>: the copy in the same folder
        include_mathjax=False,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
        default_height="90vh",
    )
    return page.replace("<head>", f'<head><meta charset="utf-8"><title>{html.escape(title)}</title>', 1)


def index_html(charts: list[Chart], lang: str, deck_name: str, sources: list[str]) -> str:
    items = []
    for c in charts:
        data = f' · <a href="{c.name}.csv">{t("bundle_data", lang)}</a>' if c.rows is not None else ""
        items.append(
            f'<li><a href="{c.name}.html">{html.escape(c.title)}</a>{data}'
            f"<br><small>{html.escape(c.caption)}</small></li>"
        )
    title = html.escape(t("bundle_index", lang))
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        "<style>body{font-family:'Noto Sans CJK KR','Malgun Gothic','Apple SD Gothic Neo',sans-serif;"
        "max-width:60rem;margin:2rem auto;line-height:1.5;padding:0 1rem}li{margin:.8rem 0}</style></head>"
        f"<body><h1>{title}</h1><p>{html.escape(t('bundle_open', lang))}</p>"
        f'<p><a href="{deck_name}">{html.escape(deck_name)}</a></p><ol>{"".join(items)}</ol>'
        f"<h2>{html.escape(t('deck_sources', lang))}</h2><ul>"
        + "".join(f"<li>{html.escape(s)}</li>" for s in sources)
        + "</ul></body></html>"
    )


def lesson_zip(charts: list[Chart], deck: bytes, lang: str, sources: list[str]) -> bytes:
    """One zip: index.html, the deck, chart HTML files and their CSVs, plotly.min.js — all in one folder."""
    deck_name = f"russian_revolution_{lang}.pptx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{FOLDER}/index.html", index_html(charts, lang, deck_name, sources))
        zf.writestr(f"{FOLDER}/{deck_name}", deck)
        zf.write(PLOTLY_JS, f"{FOLDER}/plotly.min.js")
        for c in charts:
            zf.writestr(f"{FOLDER}/{c.name}.html", chart_html(c.figure, c.title))
            if c.rows is not None:
                zf.writestr(f"{FOLDER}/{c.name}.csv", safe_csv(c.rows))
    return buf.getvalue()
