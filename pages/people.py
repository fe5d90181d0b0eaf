"""People and places: who and where each text talks about, by source and by era, and a link to the
timeline."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.exports import slide_layout
from revolution.i18n import t
from revolution.views import columns, describe, place_charts

lang, data = ui.start()
names = ui.source_names(data, lang)
people_counts, people_eras = cached.mention_counts(data, "people")
place_counts, place_eras = cached.mention_counts(data, "places")
person_names = dict(zip(data.people.person_id, data.people[f"name_{lang}"]))
place_names = dict(zip(data.places.place_id, data.places[f"name_{lang}"]))

# 1. Selection: a person and a place (in the URL), each a link into the timeline.
st.title(t("page_people", lang))
st.caption(t("people_intro", lang))

# 2–3. Mentions per person and per place, by source.
cite = {"lang": lang, "citation": ui.cite(data, lang)}
left, right = st.columns(2)
with left:
    title = t("mentions_people", lang)
    fig = place_charts.mentions_chart(people_counts, person_names, lang, names, title)
    alt = describe.mentions(people_counts, person_names, names, title, lang)
    ui.chart(fig, key="people_chart", alt=alt, filename=f"people_{lang}", **cite)
with right:
    title = t("mentions_places", lang)
    fig = place_charts.mentions_chart(place_counts, place_names, lang, names, title)
    alt = describe.mentions(place_counts, place_names, names, title, lang)
    ui.chart(fig, key="places_chart", alt=alt, filename=f"places_{lang}", **cite)
fig = place_charts.places_chart(data.places, place_counts, lang)
alt = describe.places_map(data.places, place_counts, lang)
# its image downloads write the names at a slide's type size, so fewer of them
slide_map = lambda: place_charts.places_chart(data.places, place_counts, lang, slide_layout.SLIDE_TYPE.body)  # noqa: E731
ui.chart(fig, key="map_chart", alt=alt, filename=f"map_{lang}", export=slide_map, **cite)
st.caption(t("map_note", lang))

# 4. One person or place: linked events by era, the names a place bore, and the timeline filtered to it.
eras = dict(zip(data.eras.era_id, data.eras[f"title_{lang}"]))
a, b = st.columns(2)
for col, key, options, era_counts, id_col in (
    (a, state.PEOPLE, person_names, people_eras, "person_id"),
    (b, state.PLACES, place_names, place_eras, "place_id"),
):
    with col:
        chosen = ui.bind(st.selectbox, key, state.choice(list(options)), "")(
            t("people" if key == state.PEOPLE else "places", lang),
            ["", *options],
            format_func=lambda k, o=options: o.get(k, t("none_selected", lang)),
        )
        if chosen:
            rows = era_counts[era_counts[id_col] == chosen].drop(columns=id_col)
            st.markdown(f"**{t('by_era_table', lang)}**")
            if rows.empty:  # say so, rather than an empty grid
                st.info(t("no_linked_events", lang), icon=":material/search_off:")
            else:
                table, labels = columns.for_screen(rows, lang, names, {"era": eras})
                st.dataframe(table.rename(columns=labels), hide_index=True, width="stretch")
            if key == state.PLACES:
                bore = data.place_names[data.place_names.place_id == chosen].drop(columns="place_id")
                table, labels = columns.for_screen(bore, lang)
                st.dataframe(table.rename(columns=labels), hide_index=True, width="stretch")
            st.page_link(
                "pages/timeline.py",
                label=t("open_timeline", lang),
                icon=":material/timeline:",
                query_params={key: chosen, state.LANG: lang},
            )
with st.expander(t("rows_behind", lang)):
    st.dataframe(
        people_counts.pivot(index="person_id", columns="source_id", values="mentions")
        .rename(columns=names, index=person_names)
        .rename_axis(index=t("people", lang), columns=None),
        width="stretch",
    )
