"""Figures: one chart per group of figures, each citing its sentences, with the rows behind it."""

import streamlit as st

import ui
from revolution import panels, references, slides, state
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)
groups = data.groups.sort_values("order")
titles = dict(zip(groups.group_id, groups[f"title_{lang}"]))

# 1. Selection, restored from and written to the URL.
params = [
    state.Param(state.GROUP, state.choice(["all", *groups.group_id]), "all"),
    state.Param(state.SOURCES, state.choices(list(data.sources.source_id)), []),
    state.Param(state.REFERENCES, state.flag, True),
]
ui.init(params)
st.title(t("page_figures", lang))
st.caption(t("figures_intro", lang))
left, right = st.columns([2, 3])
left.selectbox(
    t("choose_group", lang),
    ["all", *groups.group_id],
    key=state.GROUP,
    format_func=lambda g: t("all_groups", lang) if g == "all" else titles[g],
)
right.multiselect(
    t("sources", lang),
    list(data.sources.source_id),
    key=state.SOURCES,
    placeholder=t("any", lang),
    format_func=names.get,
)
st.toggle(t("show_refs", lang), key=state.REFERENCES)
ui.sync(params)
chosen = st.session_state[state.GROUP]
show_refs = st.session_state[state.REFERENCES]
sources = tuple(st.session_state[state.SOURCES])

# 2. Data, 3. figure, 4. provenance — for each group shown, built once per choice (read-only after that).
drawn = 0
for group_id in groups.group_id if chosen == "all" else [chosen]:
    panel = ui.memo(panels.panel, data, group_id, lang, sources, show_refs, names)
    if panel is None:
        continue
    drawn += 1
    with st.container(border=True):
        if len(panel.rows) < panel.total:
            st.caption(t("first_rows", lang, shown=len(panel.rows), total=f"{panel.total:,}"))
        ui.chart(
            panel.figure,
            key=f"chart_{group_id}",
            alt=panel.alt,
            filename=f"{group_id}_{lang}",
            maddison=panel.maddison,
        )
        for line in panel.captions:
            st.caption(line)
        ui.add_to_slides(f"figure:{group_id}", t("add_chart_to_slides", lang), slides.default(data))
        if panel.refs is not None and not panel.refs.empty:
            st.caption(
                t("refs_caption", lang) + (f" {references.MADDISON_CITATION}" if panel.maddison else "")
            )
            with st.expander(t("refs_table", lang)):
                st.dataframe(panel.refs, hide_index=True, width="stretch")
        with st.expander(t("rows_behind", lang)):
            st.dataframe(panel.rows, hide_index=True, width="stretch")
if not drawn:
    st.info(t("no_rows", lang))
