"""The deck, wherever one is: one truth, state.DECK_STORE in the session. Every page reads it with `deck`,
adds to it with `add_to_deck`, and the Slides page's widgets edit it through `set_deck`. The URL carries it
(`deck`, with state.DECK_NONE for the emptied deck, nothing for the default one), and a link's deck wins
once."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import cached
from revolution import state
from revolution.data.load import Dataset
from revolution.exports import images, slides
from revolution.i18n import t
from ui.charts import cite
from ui.shell import dataset
from ui.url import public_link


def deck(data: Dataset) -> list[str]:
    """The current deck: a deck arriving in the URL that this session has not taken in yet (a shared link)
    wins; otherwise the one kept in the session across pages; otherwise the default (the four headlines)."""
    raw = st.query_params.get_all(state.DECK)
    if raw and ",".join(raw) != st.session_state.get(state.DECK_SEEN):
        parsed = slides.parse(raw, data)
        st.session_state[state.DECK_STORE] = cached.default_deck(data) if parsed is None else parsed
        st.session_state[state.DECK_SEEN] = ",".join(raw)
    if state.DECK_STORE not in st.session_state:
        return cached.default_deck(data)
    return list(st.session_state[state.DECK_STORE])


def set_deck(new: list[str], data: Dataset) -> None:
    """The deck, kept in the session and written into the URL (the default deck stays out of it)."""
    st.session_state[state.DECK_STORE] = list(new)
    if list(new) == cached.default_deck(data):
        if state.DECK in st.query_params:
            del st.query_params[state.DECK]
        st.session_state[state.DECK_SEEN] = ""
    else:
        value = slides.encode(list(new))
        if st.query_params.get_all(state.DECK) != [value]:
            st.query_params[state.DECK] = value
        st.session_state[state.DECK_SEEN] = value


def add_to_deck(key: str, data: Dataset, lang: str, slot: str = "") -> None:
    """A button that adds `key` to the end of the deck and stays on this page: a toast says what was added
    and the sidebar's counter shows the new count (the whole app reruns, even when the button is in a
    fragment). An item already in the deck shows as such, disabled. `slot` names a button whose item
    changes with the view (the timeline's years): one widget whose click adds what the view shows now, not
    what it showed when the button was first drawn."""
    widget = f"add_{slot or key}"
    added = st.session_state.get(state.DECK_ADDED)
    if added and added[2] == key and _in_fragment_run():
        st.rerun()  # the whole app: the sidebar's counter and the toast are outside the fragment
    if key in deck(data):
        st.button(t("deck_in", lang), key=widget, icon=":material/check:", disabled=True)
        return
    st.button(
        t("deck_add", lang),
        key=widget,
        icon=":material/add_to_queue:",
        on_click=_add,
        args=(key, data, lang),
    )


def _in_fragment_run() -> bool:

    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def _add(key: str, data: Dataset, lang: str) -> None:

    new = slides.add(deck(data), key)
    set_deck(new, data)
    st.session_state[state.DECK_ADDED] = (slides.label(key, data, lang), len(new), key)


def deck_sidebar(lang: str) -> None:
    """The sidebar's deck counter (drawn where the caller puts it), a link to the Slides page with the deck,
    and the toast for an item just added (said here, after the rerun an add asks for, so it is never lost)."""
    data = dataset()
    current = deck(data)
    added = st.session_state.pop(state.DECK_ADDED, None)
    if added:
        st.toast(t("deck_added", lang, what=added[0], n=added[1]), icon=":material/add_to_queue:")

    query_params = {state.LANG: lang}
    if current != cached.default_deck(data):
        query_params[state.DECK] = slides.encode(current)
    st.page_link(
        "pages/slides.py",
        label=t("deck_count", lang, n=len(current)),
        icon=":material/slideshow:",
        query_params=query_params,
    )


def deck_downloads(items: list, n_slides: int, data, lang: str) -> None:
    """The PPTX and the offline lesson bundle, each built when its button is clicked (one click): while it is
    built the button shows a spinner and cannot be clicked again; the download starts when it is ready."""
    if not images.browser_path():  # said before the click: Streamlit's own failure line is English only
        st.warning(t("no_browser", lang))
        return
    citations = {False: cite(data, lang, False), True: cite(data, lang, True)}
    link = public_link()
    # each built when clicked ("ignore": the click reruns nothing), both as wide as their column
    built = (
        (
            {
                "label": t("download_deck", lang, n=n_slides),
                "type": "primary",
                "icon": ":material/slideshow:",
            },
            lambda: slides.deck_bytes(items, lang, data.sources, citations, link),
            f"russian_revolution_{lang}.pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        (
            {
                "label": t("download_bundle", lang),
                "help": t("download_bundle_help", lang),
                "icon": ":material/folder_zip:",
            },
            lambda: slides.lesson_bytes(items, lang, data.sources, citations, link),
            f"russian_revolution_lesson_{lang}.zip",
            "application/zip",
        ),
    )
    for column, (shown, made, name, mime) in zip(st.columns(2), built):
        column.download_button(
            **shown, data=made, file_name=name, mime=mime, on_click="ignore", width="stretch"
        )
