"""Figures: one chart per group of figures, each citing its sentences, with the rows behind it."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.exports import slides
from revolution.i18n import t
from revolution.views import references

lang, data = ui.start()
names = ui.source_names(data, lang)
groups = data.groups.sort_values("order")
titles = dict(zip(groups.group_id, groups[f"title_{lang}"]))
choices = ["all", *groups.group_id]
source_ids = list(data.sources.source_id)

# 1. Selection, restored from and written to the URL.
st.title(t("page_figures", lang))
st.caption(t("figures_intro", lang))


@st.fragment
def figures() -> None:
    """The choices and the charts they change: a change reruns this region alone, not the page around it."""
    left, right = st.columns([2, 3])
    chosen = ui.bind(left.selectbox, state.GROUP, choices)(
        t("choose_group", lang),
        choices,
        format_func=lambda g: t("all_groups", lang) if g == "all" else titles[g],
    )
    sources = ui.bind(right.multiselect, state.SOURCES, source_ids)(
        t("sources", lang), source_ids, placeholder=t("any", lang), format_func=names.get, select_all=False
    )
    show_refs = ui.bind(st.toggle, state.REFERENCES)(t("show_refs", lang))

    # 2. Data, 3. figure, 4. provenance — for each group shown, built once per choice.
    drawn = 0
    for group_id in groups.group_id if chosen == "all" else [chosen]:
        panel = cached.panel(data, group_id, lang, tuple(sources), show_refs, names)
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
                lang=lang,
                citation=ui.cite(data, lang, panel.maddison),
            )
            for line in panel.captions:
                st.caption(line)
            ui.add_to_deck(slides.figure_key(group_id), data, lang)
            if panel.refs is not None and not panel.refs.empty:
                st.caption(ui.titled("refs_caption", lang))
                if panel.maddison:
                    ui.citation(references.MADDISON_CITATION)
                if box := ui.folded(t("refs_table", lang), f"refs_{group_id}"):
                    box.dataframe(panel.refs, hide_index=True, width="stretch")
            if box := ui.folded(t("rows_behind", lang), f"rows_{group_id}"):
                box.dataframe(panel.rows, hide_index=True, width="stretch")
    if not drawn:
        st.info(t("nothing_found", lang, how=t("widen_figures", lang)), icon=":material/search_off:")


figures()
