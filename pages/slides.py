"""Slides: pick charts and timeline views, download them as a PPTX deck, or present them full-width."""

import streamlit as st

import cached
import ui
from revolution import images, publish, slides, state
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)
keys = slides.options(data)

# 1. Selection: the deck, whether to present, and the slide shown — all in the URL.
DECK = (state.DECK, lambda raw: slides.parse(raw, data), keys[:4])
SLIDE = (state.SLIDE, state.integer(1, len(keys)), 1)
present = ui.url_value(state.PRESENT, state.flag, False)
deck = ui.url_value(*DECK)
if not present:
    st.title(t("page_slides", lang))
    st.caption(t("slides_intro", lang))
    if slides.over_cap(ui.query().get(state.DECK)):
        st.info(t("deck_cap", lang, n=slides.MAX_CUSTOM), icon=":material/info:")
    deck = ui.bind(st.multiselect, *DECK)(
        t("choose_slides", lang),
        list(dict.fromkeys(keys + deck)),
        format_func=lambda k: slides.label(k, data, lang),
        placeholder=t("any", lang),
    )
present = ui.bind(st.toggle, state.PRESENT, state.flag, False)(t("present", lang))
deck = list(deck)
position = min(max(1, ui.url_value(*SLIDE)), max(1, len(deck)))


def step(delta: int) -> None:
    st.session_state[state.SLIDE] = min(max(1, st.session_state[state.SLIDE] + delta), max(1, len(deck)))


# 2. Data and 3. figures, built from the keys once per dataset and language.
items = [cached.slide(data, k, lang, names) for k in deck]

if present and items:
    # Presentation mode: one chart, full width, large type, no sidebar; back and next move through the
    # deck.
    st.html(
        "<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}</style>"
    )
    item = items[position - 1]
    ui.chart(
        slides.for_presentation(item.figure),
        key="present_chart",
        alt=item.alt,
        filename=item.key.replace(":", "_"),
        lang=lang,
        citation=ui.cite(data, lang, item.maddison),
    )
    st.caption(item.caption)
    back, where, ahead = st.columns([1, 2, 1])
    back.button(t("prev", lang), on_click=step, args=(-1,), disabled=position <= 1, width="stretch")
    where.markdown(
        "<div style='text-align:center;font-size:1.4rem'>"
        f"{t('slide_n', lang, n=position, total=len(items))}</div>",
        unsafe_allow_html=True,
    )
    ahead.button(t("next", lang), on_click=step, args=(1,), disabled=position >= len(items), width="stretch")
elif items:
    # 4. The deck, with each slide's caption; the PPTX is built on request, with a progress bar.
    for n, item in enumerate(items, 1):
        with st.expander(f"{n}. {item.title}"):
            ui.chart(
                item.figure,
                key=f"slide_{n}",
                alt=item.alt,
                filename=item.key.replace(":", "_"),
                lang=lang,
                citation=ui.cite(data, lang, item.maddison),
            )
            st.caption(item.caption)
    if st.button(t("build_deck", lang), icon=":material/slideshow:", type="primary"):
        bar = st.progress(0.0, text=t("building", lang))
        try:
            pptx = publish.deck(
                [
                    publish.Slide(
                        i.figure,
                        i.title,
                        i.caption + "\n" + ui.cite(data, lang, i.maddison),
                        i.quotes,
                        ui.view_url(),
                    )
                    for i in items
                ],
                lang,
                list(names.values()),
                progress=lambda f: bar.progress(f, text=t("building", lang)),
            )
            st.download_button(
                t("download_deck", lang, n=len(items) + 2),
                pptx,
                file_name=f"russian_revolution_{lang}.pptx",
                mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                icon=":material/download:",
                on_click="ignore",
            )
        except images.ExportError as exc:
            st.error(t("export_failed", lang, error=exc))
else:
    st.info(t("no_rows", lang))
ui.set_url_value(*SLIDE, position)
