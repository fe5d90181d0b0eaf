"""Overview: the headline figures with their sentences, what the dashboard holds, and how to read it."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.exports import slides
from revolution.i18n import counted, t, texts

lang, data = ui.start()
names = ui.source_names(data, lang)

st.title(ui.titled("app_title", lang))

# 1. Headline figures, first: the four numbers in one row, so that a projector's first screen (1280×720)
# holds every value with its unit, qualifier, period and source (a phone stacks them); their charts follow,
# one card each: drawn as the text says it, its sentence one click away, the full chart and the deck.
cards = cached.headline_cards(data, lang, names)
for col, card in zip(st.columns(len(cards)), cards):
    with col.container(border=True):
        ui.headline(card["title"], card["values"], lang)
st.write(
    t(
        "overview_intro",
        lang,
        texts=texts(len(names), lang),
        names=(" · " if lang == "ko" else "; ").join(names.values()),
    )
)

st.header(t("headline_charts", lang))
for start in range(0, len(cards), 2):
    for col, card in zip(st.columns(2), cards[start : start + 2]):
        with col.container(border=True):
            st.markdown(f"**{ui.escape_md(card['title'])}**")
            ui.small_chart(card["figure"], key=f"headline_{card['group']}", alt=card["alt"])
            left, right = st.columns(2)
            with left.popover(t("show_quote", lang), width="stretch"):
                for q in card["quotes"]:
                    ui.quote_block(q["quote"], names[q["source_id"]], q["quote_en"])
            right.page_link(
                "pages/figures.py",
                label=t("open_full_chart", lang),
                icon=":material/bar_chart:",
                query_params={state.GROUP: card["group"], state.LANG: lang},
            )
            ui.add_to_deck(slides.figure_key(card["group"]), data, lang)

# How sure is each headline number? The text's claim beside what other sources give, and why they differ:
# a static table, so long sentences wrap instead of being cut in a grid cell.
st.header(t("how_sure", lang))
st.table(cached.how_sure(data, lang), hide_index=True)
st.caption(t("refs_caption_overview", lang))

# 2. What the dashboard holds.
st.header(t("what_is_here", lang))
n = cached.counts(data, lang, names)
a, b, c, d = st.columns(4)
a.metric(t("n_figures", lang), n["figures"])
b.metric(t("n_events", lang), n["events"])
c.metric(counted("n_shared", lang, len(names)), n["shared"])
d.metric(t("n_notes", lang), n["notes"])
for col, table in zip(st.columns(3), ("by_source", "by_category", "by_era")):
    col.markdown(f"**{t(table, lang)}**")
    col.table(n[table], hide_index=True)  # static: a narrow grid cut its columns

# 3. How to read qualifiers, derived values and calendars.
st.header(t("how_to_read", lang))
st.markdown(t("how_to_read_body", lang))

# 4. How a teacher gets a text of their own in: on their own copy (a shared site never writes).
st.markdown(t("add_text_how", lang))
