"""Slides: build a deck of charts and timeline views, download it (PPTX or an offline lesson bundle), or
present it full-screen."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.exports import slides
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)
keys = slides.options(data)
default = slides.default(data)
parse_deck = lambda raw: slides.parse(raw, data)  # noqa: E731

# 1. Selection: the deck (URL key `deck`, kept in the session across pages), presenting or not, the slide.
deck = ui.deck_state(parse_deck, default)
present = ui.url_value(state.PRESENT, state.flag, False)
SLIDE = (state.SLIDE, state.integer(1, 999), 1)


def edit(index: int, step: int) -> None:
    """Move an item up or down (step ±1) or remove it (step 0)."""
    current = list(st.session_state[state.DECK])
    if step:
        st.session_state[state.DECK] = slides.move(current, index, step)
    else:
        st.session_state[state.DECK] = current[:index] + current[index + 1 :]


if not present:
    st.title(t("page_slides", lang))
    st.caption(t("slides_intro", lang))
    if slides.over_cap(ui.query().get(state.DECK)):
        st.info(t("deck_cap", lang, n=slides.MAX_CUSTOM), icon=":material/info:")
    st.multiselect(
        t("choose_slides", lang),
        list(dict.fromkeys(keys + st.session_state[state.DECK])),
        key=state.DECK,
        format_func=lambda k: slides.label(k, data, lang),
        placeholder=t("any", lang),
        select_all=False,  # its label is English only
    )
present = ui.bind(st.toggle, state.PRESENT, state.flag, False)(t("present", lang))
deck = list(st.session_state[state.DECK])

# 2. Data and 3. figures, built from the keys once per dataset and language.
items = [cached.slide(data, k, lang, names) for k in deck]
shown = [
    (item, fig, title)
    for item in items
    for fig, title in cached.slide_pages(data, item.key, lang, names, present)
]
position = min(max(1, ui.url_value(*SLIDE)), max(1, len(shown)))

if present and shown:
    key, page = slides.page_of(shown, position)
    ui.presentation(shown, position, lang, lambda: cached.present_svg(data, key, page, lang, names))
elif items:
    # 4. The deck, in order, each item movable and removable; downloads are built when clicked.
    for n, item in enumerate(items):
        with st.expander(f"{n + 1}. {item.title}"):
            ui.chart(
                item.figure,
                key=f"slide_{n}",
                alt=item.alt,
                filename=item.key.replace(":", "_"),
                lang=lang,
                citation=ui.cite(data, lang, item.maddison),
            )
            st.caption(item.caption)
            up, down, out = st.columns(3)
            up.button(t("move_up", lang), key=f"up_{n}", on_click=edit, args=(n, -1), disabled=n == 0)
            down.button(
                t("move_down", lang),
                key=f"down_{n}",
                on_click=edit,
                args=(n, 1),
                disabled=n == len(items) - 1,
            )
            out.button(t("remove", lang), key=f"remove_{n}", on_click=edit, args=(n, 0))
    ui.deck_downloads(items, len(shown) + 2, data, lang)
else:
    st.info(t("no_rows", lang))
ui.set_url_value(*SLIDE, position)
ui.write_url(state.DECK, parse_deck, default, st.session_state[state.DECK])
ui.keep_deck(st.session_state[state.DECK])
