"""Overview: the headline figures with their sentences, what the dashboard holds, and how to read it."""
import pandas as pd
import streamlit as st

import ui
from revolution import filters, references
from revolution import format as fmt
from revolution.i18n import category, t

lang, data = ui.start()
names = ui.source_names(data, lang)

st.title(t("app_title", lang))
st.write(t("overview_intro", lang))

# 1. Headline figures: one card per headline number in figures.csv, each with its sentence a click away.
st.subheader(t("headline", lang))
head = data.figures.dropna(subset=["headline"]).sort_values(["headline", "figure_id"])
groups = data.groups.set_index("group_id")
cols = st.columns(max(1, head.headline.nunique()))
for col, (_, card) in zip(cols, head.groupby("headline", sort=True)):
    with col.container(border=True):
        title = groups.loc[card.group.iloc[0], f"title_{lang}"]
        value = " · ".join(fmt.stated(r, lang) for r in card.to_dict("records"))
        st.metric(title, value)
        st.caption(" · ".join(f"{fmt.pick(r, 'measure', lang)} ({fmt.period(r['period_start'], r['period_end'])})"
                              for r in card.to_dict("records")))
        with st.popover(t("show_quote", lang), width="stretch"):
            for r in card.drop_duplicates("quote").to_dict("records"):
                ui.quote_block(r["quote"], names[r["source_id"]])

# How sure is each headline number? The text's claim beside what other sources give, and why they differ.
st.subheader(t("how_sure", lang))
why = data.reference_notes.set_index("figure_id")[f"why_{lang}"]
sure = head[head.figure_id.isin(why.index)]
st.dataframe(pd.DataFrame({
    t("value", lang): [f"{fmt.pick(r, 'measure', lang)}: {fmt.stated(r, lang)}" for r in sure.to_dict("records")],
    t("other_sources", lang): [references.range_text(references.beside(data.reference_values, [f])) + " "
                               + " ".join(references.beside(data.reference_values, [f]).ref_id) for f in sure.figure_id],
    t("why_differ", lang): [why[f] for f in sure.figure_id]}), hide_index=True, width="stretch",
    column_config={t("why_differ", lang): st.column_config.TextColumn(width="large")})
st.caption(t("refs_caption_overview", lang))

# 2. What the dashboard holds.
st.subheader(t("what_is_here", lang))
ev = data.events
shared = len(filters.shared_keys(ev))
a, b, c, d = st.columns(4)
a.metric(t("n_figures", lang), int((data.figures.kind == "stated").sum()))
b.metric(t("n_events", lang), len(ev))
c.metric(t("n_shared", lang), shared)
d.metric(t("n_notes", lang), len(data.notes))

left, mid, right = st.columns(3)
by_source = pd.DataFrame({
    t("source", lang): [names[s] for s in data.sources.source_id],
    t("n_figures", lang): [int((data.figures.source_id == s).sum()) for s in data.sources.source_id],
    t("n_events", lang): [int((ev.source_id == s).sum()) for s in data.sources.source_id],
    t("years", lang): [filters.year_bounds(ev[ev.source_id == s]) for s in data.sources.source_id],
})
by_source[t("years", lang)] = by_source[t("years", lang)].map(lambda y: f"{y[0]}–{y[1]}")
left.markdown(f"**{t('by_source', lang)}**")
left.dataframe(by_source, hide_index=True, width="stretch")
cats = ev.category.value_counts().rename_axis("c").reset_index(name="n")
mid.markdown(f"**{t('by_category', lang)}**")
mid.dataframe(pd.DataFrame({t("categories", lang): cats.c.map(lambda c: category(c, lang)),
                            t("n_events", lang): cats.n}), hide_index=True, width="stretch")
eras = data.eras.assign(n=data.eras.era_id.map(ev.era.value_counts()).fillna(0).astype(int))
right.markdown(f"**{t('by_era', lang)}**")
right.dataframe(pd.DataFrame({t("by_era", lang): eras[f"title_{lang}"] + " (" + eras.start_year.astype(str) + "–"
                              + eras.end_year.astype(str) + ")", t("n_events", lang): eras.n}),
                hide_index=True, width="stretch")

# 3. How to read qualifiers, derived values and calendars.
st.subheader(t("how_to_read", lang))
st.markdown(t("how_to_read_body", lang))
