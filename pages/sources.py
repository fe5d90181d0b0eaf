"""Two sources: events both texts tell, side by side; then coverage per decade; what only one text tells."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.data import filters
from revolution.i18n import t
from revolution.views import describe
from revolution.views import format as fmt

lang, data = ui.start()
names = ui.source_names(data, lang)
shared = cached.shared(data)
first = cached.first_tellings(data)

st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))

# 1. Selection, 2. side by side, first (a link's `?event=` opens here): the two sentences of one event.
st.header(t("side_by_side", lang) + f" ({len(shared)})")
if shared:
    key = ui.bind(st.selectbox, state.EVENT, state.choice(shared), shared[0])(
        t("select_shared_event", lang),
        shared,
        format_func=lambda k: fmt.picker_label(first.loc[k], lang),
    )
    told = filters.tellings(data, key)
    for col, source_id in zip(st.columns(len(names)), names):
        with col:
            for row in told[told.source_id == source_id].to_dict("records"):
                with st.container(border=True):
                    ui.telling(row, data.notes, lang, names[source_id])

# 3. Coverage per decade and source, on a time axis.
fig = cached.coverage_figure(data, lang, names)
ui.chart(
    fig,
    key="coverage_chart",
    alt=describe.coverage(data.events, names, lang),
    filename=f"coverage_{lang}",
    lang=lang,
    citation=ui.cite(data, lang),
)
with st.expander(t("rows_behind", lang)):
    st.dataframe(cached.per_decade(data, names, lang), width="stretch")

# Events only one text tells, one table under the other: side by side, half a 1280-px page cut each event's
# title at the table's edge.
only_in = cached.only_in(data, lang)
for source_id in names:
    only = only_in[source_id]
    col = st.container()
    col.markdown(f"**{t('only_in', lang, source=names[source_id])}** ({len(only)})")
    col.dataframe(
        only,
        hide_index=True,
        width="stretch",
        height=360,
        column_config={
            # wide enough for the longest date as written (about 200 px): it ran into the next column
            "date_text": st.column_config.TextColumn(t("date_as_written", lang), width=230),
            f"title_{lang}": t("event", lang),
            "quote": t("quote", lang),
            "quote_en": t("our_translation", lang),
        },
    )
