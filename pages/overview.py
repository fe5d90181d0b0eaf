"""Overview: the headline figures with their sentences, what the dashboard holds, and how to read it."""

import streamlit as st

import cached
import ui
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)

st.title(t("app_title", lang))
st.write(t("overview_intro", lang))

# 1. Headline figures: one card per headline number in figures.csv, each with its sentence a click away.
st.header(t("headline", lang))
cards = cached.headline_cards(data, lang)
for col, card in zip(st.columns(max(1, len(cards))), cards):
    with col.container(border=True):
        st.metric(card["title"], card["value"])
        st.caption(card["what"])
        with st.popover(t("show_quote", lang), width="stretch"):
            for q in card["quotes"]:
                ui.quote_block(q["quote"], names[q["source_id"]], q["quote_en"])

# How sure is each headline number? The text's claim beside what other sources give, and why they differ.
st.header(t("how_sure", lang))
st.dataframe(
    cached.how_sure(data, lang),
    hide_index=True,
    width="stretch",
    column_config={t("why_differ", lang): st.column_config.TextColumn(width="large")},
)
st.caption(t("refs_caption_overview", lang))

# 2. What the dashboard holds.
st.header(t("what_is_here", lang))
n = cached.counts(data, lang, names)
a, b, c, d = st.columns(4)
a.metric(t("n_figures", lang), n["figures"])
b.metric(t("n_events", lang), n["events"])
c.metric(t("n_shared", lang), n["shared"])
d.metric(t("n_notes", lang), n["notes"])
for col, table in zip(st.columns(3), ("by_source", "by_category", "by_era")):
    col.markdown(f"**{t(table, lang)}**")
    col.dataframe(n[table], hide_index=True, width="stretch")

# 3. How to read qualifiers, derived values and calendars.
st.header(t("how_to_read", lang))
st.markdown(t("how_to_read_body", lang))
