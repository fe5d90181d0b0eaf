"""Two sources: events both texts tell, side by side; coverage per decade; what only one text tells."""
import streamlit as st

import ui
from revolution import charts, filters, state
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)
ev = data.events
shared = filters.shared_keys(ev)
first = ev.sort_values("start_gregorian").drop_duplicates("event_key").set_index("event_key")

# 1. Selection: the shared event to read side by side (in the URL as `event`, by its key).
params = [state.Param(state.EVENT, state.choice(shared), shared[0] if shared else "")]
ui.init(params)
st.title(t("page_sources", lang))
st.caption(t("sources_intro", lang))

# 2–3. Coverage per decade and source.
fig = charts.coverage_chart(ev, lang, names)
ui.chart(fig, key="coverage_chart", alt=t("coverage", lang), filename=f"coverage_{lang}")
with st.expander(t("rows_behind", lang)):
    st.dataframe(ev.assign(decade=ev.start_gregorian.str[:3] + "0s").groupby(["decade", "source_id"]).size()
                 .unstack(fill_value=0).rename(columns=names), width="stretch")

# 4. Side by side: the two sentences of one shared event.
st.subheader(t("side_by_side", lang) + f" ({len(shared)})")
if shared:
    key = st.selectbox(t("select_event", lang), shared, key=state.EVENT,
                       format_func=lambda k: f"{first.loc[k, f'title_{lang}']} ({first.loc[k, 'start_gregorian'][:4]})")
    told = filters.tellings(data, key)
    for col, source_id in zip(st.columns(len(names)), names):
        with col:
            for row in told[told.source_id == source_id].to_dict("records"):
                with st.container(border=True):
                    ui.telling(row, data.notes, lang, names[source_id])
ui.sync(params)

# Events only one text tells.
keys_by_source = ev.groupby("event_key").source_id.agg(set)
for col, source_id in zip(st.columns(len(names)), names):
    only = ev[ev.event_key.map(lambda k: keys_by_source[k] == {source_id})].sort_values("start_gregorian")
    col.markdown(f"**{t('only_in', lang, source=names[source_id])}** ({len(only)})")
    col.dataframe(only[["date_text", f"title_{lang}", "quote"]], hide_index=True, width="stretch", height=360)
