"""Two sources: events both texts tell, side by side; then coverage per decade; what only one text tells."""

import streamlit as st

import ui
from revolution import filters, state, summary
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)
shared = ui.memo(summary.shared, data)
first = ui.memo(summary.first_tellings, data)

# 1. Selection: the shared event to read side by side (in the URL as `event`, by its key).
params = [state.Param(state.EVENT, state.choice(shared), shared[0] if shared else "")]
ui.init(params)
st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))

# 2. Side by side, first (a link's `?event=` opens here): the two sentences of one shared event.
st.subheader(t("side_by_side", lang) + f" ({len(shared)})")
if shared:
    key = st.selectbox(
        t("select_shared_event", lang),
        shared,
        key=state.EVENT,
        format_func=lambda k: f"{first.loc[k, f'title_{lang}']} ({first.loc[k, 'start_gregorian'][:4]})",
    )
    told = filters.tellings(data, key)
    for col, source_id in zip(st.columns(len(names)), names):
        with col:
            for row in told[told.source_id == source_id].to_dict("records"):
                with st.container(border=True):
                    ui.telling(row, data.notes, lang, names[source_id])
ui.sync(params)

# 3. Coverage per decade and source, on a time axis.
fig = ui.memo(summary.coverage_figure, data, lang, names)
ui.chart(fig, key="coverage_chart", alt=t("coverage", lang), filename=f"coverage_{lang}")
with st.expander(t("rows_behind", lang)):
    st.dataframe(ui.memo(summary.per_decade, data, names, lang), width="stretch")


# Events only one text tells.
only_in = ui.memo(summary.only_in, data, lang)
for col, source_id in zip(st.columns(len(names)), names):
    only = only_in[source_id]
    col.markdown(f"**{t('only_in', lang, source=names[source_id])}** ({len(only)})")
    col.dataframe(
        only[["date_text", f"title_{lang}", "quote"]],
        hide_index=True,
        width="stretch",
        height=360,
        column_config={
            "date_text": t("date_as_written", lang),
            f"title_{lang}": t("event", lang),
            "quote": t("quote", lang),
        },
    )
