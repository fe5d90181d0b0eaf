"""Entry point: page config, language switch and navigation over the pages; nothing else."""

import streamlit as st

import ui
from revolution.i18n import t

ui.leave_legacy_pages_mode()
st.set_page_config(page_title="Russian Revolution · 러시아 혁명", page_icon="📜", layout="wide")

lang = ui.language_switch(
    t("language", "ko") + " / " + t("language", "en"), lambda code: t("lang_name", code)
)
ui.accessibility(lang)

PAGES = [  # (file, title key, url path, icon)
    ("pages/overview.py", "page_overview", "overview", ":material/home:"),
    ("pages/figures.py", "page_figures", "figures", ":material/bar_chart:"),
    ("pages/timeline.py", "page_timeline", "timeline", ":material/timeline:"),
    ("pages/sources.py", "page_sources", "sources", ":material/compare:"),
    ("pages/people.py", "page_people", "people", ":material/groups:"),
    ("pages/explorer.py", "page_explorer", "explorer", ":material/table:"),
    ("pages/slides.py", "page_slides", "slides", ":material/slideshow:"),
]
page = st.navigation(
    [
        st.Page(f, title=t(k, lang), url_path=u, icon=i, default=(n == 0))
        for n, (f, k, u, i) in enumerate(PAGES)
    ]
)
page.run()

names = ui.source_names(ui.dataset(), lang)
st.divider()
st.caption(t("footer", lang, sources=" · ".join(names.values())))
