"""Entry point: page config, language switch and navigation over the pages; nothing else."""

import streamlit as st

import ui
from revolution.i18n import t

ui.leave_legacy_pages_mode()
st.set_page_config(page_title="Russian Revolution · 러시아 혁명", page_icon="📜", layout="wide")

lang = ui.language_switch(
    t("language", "ko") + " / " + t("language", "en"), lambda code: t("lang_name", code)
)

PAGES = [  # (file, title key, url path, icon)
    ("pages/overview.py", "page_overview", "overview", ":material/home:"),
    ("pages/figures.py", "page_figures", "figures", ":material/bar_chart:"),
    ("pages/timeline.py", "page_timeline", "timeline", ":material/timeline:"),
    ("pages/sources.py", "page_sources", "sources", ":material/compare:"),
    ("pages/people.py", "page_people", "people", ":material/groups:"),
    ("pages/explorer.py", "page_explorer", "explorer", ":material/table:"),
    ("pages/slides.py", "page_slides", "slides", ":material/slideshow:"),
]
# An address that names no page gets a page of our own, in the reader's language, instead of Streamlit's
# English "Page not found" dialog over the default page: st.navigation resolves the address by url_path, so
# a hidden page at exactly that path catches it. The default page answers "/" only; asked for by its own
# name ("/overview") it must not be the default, or Streamlit would not find it either.
asked = ui.requested_page()
known = {u for _, _, u, _ in PAGES}
lost = bool(asked) and asked not in known and "/" not in asked
pages = [
    st.Page(f, title=t(k, lang), url_path=u, icon=i, default=(n == 0 and asked != u))
    for n, (f, k, u, i) in enumerate(PAGES)
]
if lost or asked == PAGES[0][2]:
    pages.append(
        st.Page(
            lambda: ui.not_found(PAGES, lang),
            title=t("page_not_found", lang),
            url_path=asked if lost else "not-found",
            visibility="hidden",
            default=not lost,
        )
    )
page = st.navigation(pages)
page.run()

names = ui.source_names(ui.dataset(), lang)
st.divider()
st.caption(t("footer", lang, sources=" · ".join(names.values())))
