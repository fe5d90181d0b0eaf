"""People and places: who and where each text talks about, by source and by era, and a link to the
timeline."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.data import presets
from revolution.exports import slides
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

# 3b, 5. Where it happened: the timeline's years (the same `from`/`to` in the URL) pick the places and
# borders, and the chosen place's events in those years follow under the map. A fragment: a change of years
# reruns this part alone, not the mention charts above it nor the person and place panels under it (their
# selectboxes took 40-50 ms of the browser's time per change).
lo, hi = cached.event_facets(data)["years"]
place_param = (state.PLACES, list(place_names))


def pick_place():
    points = st.session_state["map_chart"].selection.points
    if points and points[0].get("customdata") and points[0]["customdata"][0] in place_names:
        st.session_state[state.PLACES] = points[0]["customdata"][0]
        st.session_state[state.MAP_PICKED] = True


@st.fragment
def map_and_events() -> None:
    if st.session_state.pop(state.MAP_PICKED, False):
        st.rerun()  # the whole page: the place's panel and selectbox are outside this fragment
    slider, typed = st.columns([3, 1])
    ui.typed_years(typed, (lo, hi), lang)
    years = ui.bind_range(
        slider.slider,
        state.YEARS,
        (state.YEAR_FROM, state.YEAR_TO),
        (lo, hi),
        presets.default_span(data.presets, (lo, hi)),
    )(t("map_years", lang), lo, hi)
    fig = cached.place_map_figure(data, place_counts, lang, names, years)
    alt = cached.place_map_alt(data, place_counts, lang, years)
    # its image downloads lay the map out for a slide (its type size and plot); a map is one slide
    slide_map = lambda: cached.slide(data, slides.map_key(*years), lang, names).figure  # noqa: E731
    ui.chart(
        fig,
        key="map_chart",
        alt=alt,
        filename=f"map_{lang}",
        export=slide_map,
        paged=False,
        select=pick_place,
        **cite,
    )
    meta = fig.layout.meta
    unnamed = t("map_unnamed", lang, names=", ".join(meta["unnamed"])) if meta.get("unnamed") else ""
    if meta.get("key_text"):  # the numbers drawn where a name had no room on a phone's plot or a wide one
        st.caption(meta["key_text"])
    note = f"{meta['status']}. {meta['attribution']}. {t('map_note', lang)} {meta['no_shape']} {unnamed}"
    st.caption(" ".join(note.split()))
    chosen_place = ui.url_value(*place_param)
    if chosen_place:
        shown = cached.place_map_view(data, place_counts, lang, years).events
        ids = shown[shown.place_id == chosen_place].event_id.unique()
        rows = data.events[data.events.event_id.isin(ids)].sort_values("start_gregorian")
        st.subheader(t("map_place_events", lang, place=place_names[chosen_place], n=len(rows)))
        for row in rows.to_dict("records"):
            with st.container(border=True):
                ui.telling(row, data.notes, lang, names[row["source_id"]])
    ui.add_to_deck(slides.map_key(*years), data, lang, slot="map_view")


map_and_events()

# 4. One person or place: linked events by era, the names a place bore, and the timeline filtered to it.
eras = dict(zip(data.eras.era_id, data.eras[f"title_{lang}"]))
a, b = st.columns(2)
for col, key, options, era_counts, id_col in (
    (a, state.PEOPLE, person_names, people_eras, "person_id"),
    (b, state.PLACES, place_names, place_eras, "place_id"),
):
    with col:
        chosen = ui.bind(st.selectbox, key, list(options))(
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
                at = data.maps.off_land[data.maps.off_land.place_id == chosen]
                for reason in at[f"reason_{lang}"]:
                    st.caption(f"{t('map_off_land', lang)}: {reason}")
                bore = data.place_names[data.place_names.place_id == chosen].drop(columns="place_id")
                if bore.empty:  # an empty grid says "empty" in English
                    st.caption(t("no_other_names", lang))
                else:
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
