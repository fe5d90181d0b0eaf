"""Charts as they will be exported, their image downloads and citations, and the cards and tables beside
them."""

from __future__ import annotations

import html

import streamlit as st

from revolution import limits
from revolution.data.load import Dataset
from revolution.exports import images, publish, slide_layout
from revolution.i18n import t
from ui.url import public_link

CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1},
}


def chart(
    fig, *, key: str, alt: str, filename: str, lang: str, citation: str, select=False, export=None, paged=None
):
    """A Plotly chart as it will be exported (our template, not Streamlit's), with alt text, slide-size
    PNG from the modebar, and server-rendered PNG/SVG downloads that carry `citation`. `export`, if given,
    makes the figure those downloads lay out (built when one is clicked), e.g. the timeline with its rows
    named on the axis, which a slide pages by whole rows; `paged` says whether that may take several slides
    (unset: told from `fig`, see slide_layout.may_split)."""
    config = {
        **CHART_CONFIG,
        "toImageButtonOptions": {**CHART_CONFIG["toImageButtonOptions"], "filename": filename},
    }
    event = st.plotly_chart(
        fig,
        theme=None,
        width="stretch",
        key=key,
        alt=alt,
        config=config,
        on_select=select if callable(select) else ("rerun" if select else "ignore"),
        selection_mode="points",
    )
    image_downloads(export or (lambda: fig), filename, key, lang, citation, paged)
    return event


def cite(data: Dataset, lang: str, maddison: bool = False) -> str:
    """The citation line for this view: both texts, the dashboard and its date, the view's link."""
    titles = [f"{a} 「{b}」" for a, b in zip(data.sources.author_ko, data.sources.title_ko)]
    return publish.citation(lang, titles, public_link(), maddison=maddison)


IMAGE_FORMATS = (  # (label key, format, size, scale, file ending)
    ("png_slide", "png", images.SLIDE, 2, "png"),
    ("png_square", "png", images.SQUARE, 2, "png"),
    ("svg", "svg", images.SLIDE, 1, "svg"),
)


def image_downloads(figure, filename: str, key: str, lang: str, citation: str, paged=None) -> None:
    """PNG (slide, 2×), PNG (square) and SVG of the chart `figure()` gives, rendered only when clicked, each
    with its citation; a chart that may take several slides (`paged`, or if unset slide_layout.may_split)
    comes as a zip of one image per slide, and its buttons say so."""
    # built only while open (opening it reruns the region it is in): a closed menu sends nothing on a rerun
    menu = st.popover(
        t("download", lang), icon=":material/download:", key=f"{key}_downloads", on_change="rerun"
    )
    if not menu.open:
        return
    with menu:
        if not images.browser_path():
            st.warning(t("no_browser", lang))
            return
        zipped = slide_layout.may_split(figure()) if paged is None else paged
        for label, kind, size, scale, ext in IMAGE_FORMATS:
            st.download_button(
                t("image_pages", lang, label=t(label, lang)) if zipped else t(label, lang),
                data=lambda f=kind, sz=size, sc=scale: images.download(figure(), citation, f, sz, sc, zipped),
                file_name=f"{filename}_{label}.{'zip' if zipped else ext}",
                mime="application/zip" if zipped else "image/svg+xml" if kind == "svg" else "image/png",
                key=f"{key}_{label}",
                on_click="ignore",
                width="stretch",
            )
        # the link is printed only when the server knows its public address (publish.citation)
        st.caption(t("image_note_link" if public_link() else "image_note_nolink", lang))


def headline(title: str, values: list[dict], lang: str) -> None:
    """A headline card's title and values as HTML of our own (st.metric cuts a long value with an
    ellipsis): every value in full, large, wrapping if it must, with its unit, what it measures and its
    period, and the text it comes from. Text from the data is escaped."""
    rows = "".join(
        '<div class="headline-value">'
        f'<span class="headline-number">{html.escape(v["value"])}</span>'
        + (f' <span class="headline-unit">{html.escape(v["unit"])}</span>' if v["unit"] else "")
        + f'<div class="headline-what">{html.escape(v["what"])}</div></div>'
        for v in values
    )
    sources = " · ".join(dict.fromkeys(v["source"] for v in values if v.get("source")))
    where = f'<div class="headline-source">{html.escape(t("headline_source", lang, source=sources))}</div>'
    st.html(
        f"<style>{HEADLINE_CSS}</style><div class='headline-card'>"
        f"<div class='headline-title'>{html.escape(title)}</div>{rows}{where if sources else ''}</div>"
    )


# The four cards share a row on a projector (1280 px wide and up) and stack on a phone; Korean breaks between
# words only (keep-all), so a value or a title is never split inside a word.
HEADLINE_CSS = (
    ".headline-card{word-break:keep-all;overflow-wrap:anywhere}"
    ".headline-title{font-weight:600;font-size:0.95rem;line-height:1.3;margin-bottom:0.3rem}"
    ".headline-value{margin:0.1rem 0 0.3rem 0}"
    ".headline-number{font-size:1.6rem;font-weight:600;line-height:1.15}"
    ".headline-unit{font-size:0.95rem}"
    ".headline-what{font-size:0.9rem;line-height:1.3;opacity:0.85}"
    ".headline-source{font-size:0.85rem;opacity:0.8;margin-top:0.2rem}"
)


def small_chart(fig, *, key: str, alt: str) -> None:
    """A card's small chart: hover keeps the sentences, no toolbar over so small a plot."""
    st.plotly_chart(
        fig, theme=None, width="stretch", key=key, config={**CHART_CONFIG, "displayModeBar": False}, alt=alt
    )


def folded(label: str, key: str):
    """An expander whose content is built only while it is open, or None while it is closed: its state is
    tracked (`key`), so opening it reruns the region it is in, and a closed one sends nothing on a rerun (a
    table nobody opened is not sent again with every input)."""
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def rows_behind(frame, lang: str, key: str = "rows_behind") -> None:
    """The rows behind a chart, folded under it (built only while open, `folded`): the first
    limits.TABLE_ROWS of them, saying so when there are more (a table of thousands of rows is no reading)."""
    if box := folded(t("rows_behind", lang), key):
        with box:
            if len(frame) > limits.TABLE_ROWS:
                st.caption(t("first_rows", lang, shown=f"{limits.TABLE_ROWS:,}", total=f"{len(frame):,}"))
            st.dataframe(frame.head(limits.TABLE_ROWS), hide_index=True, width="stretch")


def citation(text: str) -> None:
    """A citation, small, marked up as one (<cite>): it stays in its own language and script."""
    st.caption(f"<cite style='font-style:normal'>{html.escape(text)}</cite>", unsafe_allow_html=True)
