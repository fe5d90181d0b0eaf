"""Figures: one chart per group of figures, each citing its sentences, with the rows behind it."""
import pandas as pd
import streamlit as st

import ui
from revolution import charts, filters, limits, references, state
from revolution import format as fmt
from revolution.i18n import t

lang, data = ui.start()
names = ui.source_names(data, lang)
groups = data.groups.sort_values("order")
titles = dict(zip(groups.group_id, groups[f"title_{lang}"]))

# 1. Selection, restored from and written to the URL.
params = [state.Param(state.GROUP, state.choice(["all", *groups.group_id]), "all"),
          state.Param(state.SOURCES, state.choices(list(data.sources.source_id)), []),
          state.Param(state.REFERENCES, state.flag, True)]
ui.init(params)
st.title(t("page_figures", lang))
st.caption(t("figures_intro", lang))
left, right = st.columns([2, 3])
left.selectbox(t("choose_group", lang), ["all", *groups.group_id], key=state.GROUP,
               format_func=lambda g: t("all_groups", lang) if g == "all" else titles[g])
right.multiselect(t("sources", lang), list(data.sources.source_id), key=state.SOURCES, placeholder=t("any", lang), format_func=names.get)
st.toggle(t("show_refs", lang), key=state.REFERENCES)
ui.sync(params)
chosen = st.session_state[state.GROUP]
show_refs = st.session_state[state.REFERENCES]
sources = tuple(st.session_state[state.SOURCES])

@st.cache_resource(show_spinner=False, max_entries=512)
def group_figure(_data, stamp: int, group_id: str, lang: str, sources: tuple, show_refs: bool):
    """A group's chart, built once per choice (figures are read-only after this); `stamp` is the dataset's identity."""
    rows = filters.figures(_data, sources=sources)
    rows = limits.head(rows[rows.group == group_id], limits.CHART_ROWS)[0]
    group = _data.groups.set_index("group_id").loc[group_id].to_dict() | {"group_id": group_id}
    refs = references.beside(_data.reference_values, rows.figure_id) if show_refs else None
    madd = references.maddison_index(_data.maddison_ussr) if show_refs and group["chart"] == "index" else None
    return charts.group_chart(rows, group, lang, ui.source_names(_data, lang), refs=refs, maddison=madd), refs


# 2. Data, 3. figure, 4. provenance — for each group shown.
shown = groups if chosen == "all" else groups[groups.group_id == chosen]
rows_all = filters.figures(data, sources=sources)
drawn = 0
for group in shown.to_dict("records"):
    rows, cut = limits.head(rows_all[rows_all.group == group["group_id"]], limits.CHART_ROWS)
    if rows.empty:
        continue
    drawn += 1
    with st.container(border=True):
        if cut:
            st.caption(t("first_rows", lang, shown=limits.CHART_ROWS, total=f"{(rows_all.group == group['group_id']).sum():,}"))
        fig, refs = group_figure(data, id(data), group["group_id"], lang, sources, show_refs)
        ui.chart(fig, key=f"chart_{group['group_id']}", alt=charts.alt_text(rows, group, lang),
                 filename=f"{group['group_id']}_{lang}", maddison=group["chart"] == "index" and show_refs)
        for r in rows.drop_duplicates("quote").to_dict("records"):
            src = names.get(r["source_id"]) if pd.notna(r["source_id"]) else t("derived", lang)
            if r["kind"] == "derived":
                st.caption(f"{fmt.pick(r, 'measure', lang)}: " + t("derived_how", lang, how=r["derivation"]))
            else:
                st.caption(t("chart_caption", lang, source=src, quote=ui.escape_md(r["quote"])))
        if refs is not None and not refs.empty:
            st.caption(t("refs_caption", lang) + (f" {references.MADDISON_CITATION}" if group["chart"] == "index" else ""))
            with st.expander(t("refs_table", lang)):
                st.dataframe(refs[["ref_id", "quantity", "value", "value_low", "value_high", "unit", "scope",
                                   "source_title", "source_locator", "strength", "caveat"]],
                             hide_index=True, width="stretch")
        with st.expander(t("rows_behind", lang)):
            st.dataframe(pd.DataFrame({
                t("value", lang): [fmt.stated(r, lang) for r in rows.to_dict("records")],
                "measure": rows[f"measure_{lang}"], "period": [fmt.period(a, b) for a, b in
                                                               zip(rows.period_start, rows.period_end)],
                "qualifier": rows.qualifier, "kind": rows.kind,
                t("source", lang): rows.source_id.map(names).fillna(t("derived", lang)),
                t("quote", lang): rows.quote, t("notes", lang): rows.notes,
                "figure_id": rows.figure_id}), hide_index=True, width="stretch")
if not drawn:
    st.info(t("no_rows", lang))
