"""Entry point: page config, language switch and navigation over the pages; nothing else."""

import streamlit as st

import ui
from revolution import state
from revolution.data.paths import ROOT
from revolution.i18n import t

# The tab's icon is a file the app serves itself: a Material icon there is fetched from Google's CDN.
FAVICON = ROOT / "assets" / "favicon.png"

ui.leave_legacy_pages_mode()
st.set_page_config(page_title="Russian Revolution · 러시아 혁명", page_icon=str(FAVICON), layout="wide")

lang = ui.language_switch(
    t("language", "ko") + " / " + t("language", "en"), lambda code: t("lang_name", code)
)
ui.accessibility(lang)
page = st.navigation(ui.navigation(lang))
deck_slot = st.sidebar.container()  # the deck's counter, filled after the page ran (an add changes it)
st.session_state[state.PAGE_STORE] = page.url_path  # how the page's URL parameters are read
st.session_state[state.SHELL] = True  # ui.start reruns a page that runs without this shell
try:
    page.run()
finally:
    st.session_state[state.SHELL] = False
with deck_slot:
    ui.deck_sidebar(lang)
ui.dropped_note(lang)

names = ui.source_names(ui.dataset(), lang)
st.divider()
st.caption(t("footer", lang, sources=" · ".join(names.values())))
