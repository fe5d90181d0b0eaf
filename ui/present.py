"""Presentation mode: one slide at a time on a frame the browser scales to the screen; its style and keys
are present.css and present.js beside this file."""

from __future__ import annotations

import base64
import html
from pathlib import Path

import streamlit as st

from revolution import state
from revolution.exports import images, slide_layout, slides
from revolution.i18n import t
from ui.charts import CHART_CONFIG

HERE = Path(__file__).parent


def _asset(name: str, **values: str) -> str:
    """present.css or present.js as the page gets it: the script's comment lines left out, each
    placeholder (FRAME_W, PREV …) replaced by its value."""
    text = (HERE / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def presentation(shown: list, position: int, lang: str, picture) -> None:
    """One slide at a time on a 1920×1080 frame that the browser scales to the screen (so a 1920×1080
    projector shows the exported slide's 24 px type and a 1280×720 one the same slide at 16 px), with its
    caption and navigation and no sidebar or header; ← → and PageUp/PageDown (what presentation clickers
    send) press the back and next buttons, Esc ends the presentation. `picture()` gives the slide's drawing
    (SVG, made by the export's renderer)."""
    width, height = slides.PRESENT_FRAME
    st.html(f"<style>{_asset('present.css', FRAME_W=str(width), FRAME_H=str(height))}</style>")
    item, fig, title = shown[position - 1]
    with st.container(key="present_frame"):
        try:
            svg = picture()
        except images.ExportError:
            svg = None
            st.warning(t("no_browser", lang))
        if svg:
            # as an image: inert (no script, no link, whatever the data's text says) and scaled as a whole
            label = html.escape(item.alt or title, quote=True)
            data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            w, h = slides.PRESENT_SIZE
            st.html(
                f'<img class="present-slide" alt="{label}" width="{w}" height="{h}" '
                f'src="data:image/svg+xml;base64,{data}">'
            )
        else:  # no renderer: the interactive chart, at its own size
            laid = slide_layout.fit(fig, slides.PRESENT_SIZE, kind=slides.PRESENT_TYPE)
            st.plotly_chart(laid, theme=None, key="present_chart", config=CHART_CONFIG, alt=item.alt or title)
        caption = html.escape(item.caption)
        st.html(f"<p class='present-caption' title='{caption}'>{caption}</p>")
        st.html(
            "<script>\n"
            + _asset(
                "present.js",
                PREV=t("prev", lang),
                NEXT=t("next", lang),
                END=t("present_end", lang),
                FRAME_W=str(width),
                FRAME_H=str(height),
            )
            + "\n</script>",
            unsafe_allow_javascript=True,
        )
        back, where, ahead, end = st.container(key="present_nav").columns([2, 3, 2, 1])
        back.button(
            t("prev", lang), on_click=_step, args=(-1, len(shown)), disabled=position <= 1, width="stretch"
        )
        # the keys are said in the counter's tooltip: a help icon beside it read as a stray "?" on a projector
        where.markdown(
            f"<div class='present-where' title='{html.escape(t('keys_hint', lang), quote=True)}'>"
            f"{t('slide_n', lang, n=position, total=len(shown))}</div>",
            unsafe_allow_html=True,
        )
        ahead.button(
            t("next", lang),
            on_click=_step,
            args=(1, len(shown)),
            disabled=position >= len(shown),
            width="stretch",
        )
        end.button(t("present_end", lang), on_click=_end, width="stretch")


def _step(delta: int, total: int) -> None:
    st.session_state[state.SLIDE] = min(max(1, st.session_state[state.SLIDE] + delta), max(1, total))


def _end() -> None:
    st.session_state[state.PRESENT] = False
