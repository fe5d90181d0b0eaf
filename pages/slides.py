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

# 1. Selection: the deck (ui.deck: the URL's `deck`, kept in the session across pages), presenting or not,
# the slide. The deck's widgets mirror the session's deck and edit it through named actions.
deck = ui.deck(data)
present = ui.url_value(state.PRESENT)
SLIDES = (1, 999)  # the slide shown, a whole number within these


def edit(index: int, step: int) -> None:
    """Move an item up or down (step ±1) or remove it (step 0)."""
    current = ui.deck(data)
    if step:
        ui.set_deck(slides.move(current, index, step), data)
    else:
        ui.set_deck(current[:index] + current[index + 1 :], data)


def picked() -> None:
    ui.set_deck(list(st.session_state[state.DECK]), data)


if not present:
    st.title(t("page_slides", lang))
    st.caption(t("slides_intro", lang))
    if slides.over_cap(ui.query().get(state.DECK)):
        st.info(t("deck_cap", lang, n=slides.MAX_CUSTOM), icon=":material/info:")
    st.session_state[state.DECK] = deck
    st.multiselect(
        t("choose_slides", lang),
        list(dict.fromkeys(keys + deck)),
        key=state.DECK,
        on_change=picked,
        format_func=lambda k: slides.label(k, data, lang),
        placeholder=t("deck_placeholder", lang),
        select_all=False,  # its label is English only
    )
    clear, reset = st.columns(2)
    clear.button(
        t("deck_clear", lang),
        icon=":material/delete_sweep:",
        on_click=ui.set_deck,
        args=([], data),
        disabled=not deck,
        width="stretch",
    )
    reset.button(
        t("deck_reset", lang),
        icon=":material/restart_alt:",
        on_click=ui.set_deck,
        args=(slides.default(data), data),
        disabled=deck == slides.default(data),
        width="stretch",
    )
present = ui.bind(st.toggle, state.PRESENT)(t("present", lang))

# 2. Data and 3. figures, built from the keys once per dataset and language.
items = [cached.slide(data, k, lang, names) for k in deck]
shown = [
    (item, fig, title) for item in items for fig, title in cached.slide_pages(data, item.key, lang, names)
]
position = min(max(1, ui.url_value(state.SLIDE, SLIDES)), max(1, len(shown)))

if present and shown:
    key, page = slides.page_of(shown, position)
    ui.presentation(shown, position, lang, lambda: cached.present_svg(data, key, page, lang, names))
elif items:
    # 4. The deck, in order, each item movable and removable; downloads are built when clicked.
    for n, item in enumerate(items):
        with st.expander(f"{n + 1}. {item.title}"):
            ui.chart(
                item.shown,  # a timeline as the Timeline page draws it; its downloads are the slide's
                key=f"slide_{n}",
                alt=item.alt,
                filename=item.key.replace(":", "_"),
                lang=lang,
                citation=ui.cite(data, lang, item.maddison),
                export=lambda item=item: item.figure,
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
    st.info(t("deck_is_empty", lang), icon=":material/info:")
ui.set_url_value(state.SLIDE, position, SLIDES)
ui.set_deck(deck, data)
