"""Timeline: every event on one axis, filtered and shareable, with the sentences that tell the chosen one."""

import dataclasses

import streamlit as st

import cached
import ui
from revolution import state
from revolution.data import calendar, categories, filters, presets
from revolution.exports import slides
from revolution.i18n import category, t
from revolution.views import page_views

lang, data = ui.start()
names = ui.source_names(data, lang)
ev_all = data.events
facets = cached.event_facets(data)
lo, hi = facets["years"]
cats = categories.order(facets["categories"])
people = dict(zip(data.people.person_id, data.people[f"name_{lang}"]))
places = dict(zip(data.places.place_id, data.places[f"name_{lang}"]))
default_years = presets.default_span(data.presets, (lo, hi))  # the view people come for


def use_preset():
    preset = st.session_state.get(state.PRESET)
    st.session_state[state.YEARS] = presets.span(data.presets, preset or "", (lo, hi)) or default_years


def pick_event():
    points = st.session_state["timeline_chart"].selection.points
    if points and points[0].get("customdata") and points[0]["customdata"][0] in facets["ids"]:
        st.session_state[state.EVENT] = points[0]["customdata"][0]
        st.session_state[state.TELLINGS_OPEN] = True  # a mark was clicked: show its tellings over the chart


@st.dialog(t("tellings", lang), width="large")
def tellings_dialog(event_key: str) -> None:
    ui.tellings(filters.tellings(data, event_key), data.notes, lang, names, side_by_side=False)


# 1. Selection: every filter lives in the URL.
ui.compact_top()
st.title(t("page_timeline", lang))
st.caption(t("timeline_intro", lang))
with st.sidebar:
    text = ui.bind(st.text_input, state.SEARCH)(t("search", lang), max_chars=state.MAX_TEXT)
    sources = ui.bind(st.multiselect, state.SOURCES, list(names))(
        t("sources", lang), list(names), placeholder=t("any", lang), format_func=names.get, select_all=False
    )
    chosen_people = ui.bind(st.multiselect, state.PEOPLE, list(people))(
        t("people", lang), list(people), placeholder=t("any", lang), format_func=people.get, select_all=False
    )
    chosen_places = ui.bind(st.multiselect, state.PLACES, list(places))(
        t("places", lang), list(places), placeholder=t("any", lang), format_func=places.get, select_all=False
    )
    inferred = ui.bind(st.toggle, state.INFERRED)(t("show_inferred", lang))


@st.fragment
def chart_and_tellings(chosen: filters.EventFilter) -> None:
    """Years (with their presets), categories, calendar and colour, the chart and the chosen event's tellings:
    an input here reruns this region alone, not the page around it (the sidebar's filters rerun the page)."""
    chips = st.container()  # over the slider, drawn after it: the chip follows the years, a link's too
    a, b = st.columns(2)
    years = ui.bind_range(a.slider, state.YEARS, (state.YEAR_FROM, state.YEAR_TO), (lo, hi), default_years)(
        t("years", lang), lo, hi
    )
    st.session_state[state.PRESET] = page_views.preset_of(data.presets, years, (lo, hi))
    chips.pills(
        t("preset", lang),
        list(data.presets.preset_id),
        key=state.PRESET,
        on_change=use_preset,
        format_func=lambda p: t(f"preset_{p}", lang),
    )
    b, typed = b.columns([3, 2])
    ui.typed_years(typed, (lo, hi), lang)
    chosen_cats = ui.bind(b.multiselect, state.CATEGORIES, cats)(
        t("categories", lang),
        cats,
        placeholder=t("any", lang),
        format_func=lambda c: category(c, lang),
        select_all=False,
    )
    chosen = dataclasses.replace(chosen, years=years, categories=tuple(chosen_cats))
    # the chart right under the filters, so a 1280×720 screen shows its first rows; how it is drawn
    # (calendar, colour) is chosen under it, but read first
    drawn = st.container()
    left, right = st.columns(2)
    mode = ui.bind(left.segmented_control, state.CALENDAR, calendar.MODES)(
        t("calendar", lang), calendar.MODES, format_func=lambda c: t(f"cal_{c}", lang)
    )
    color = ui.bind(right.segmented_control, state.COLOR_BY)(
        t("color_by", lang), state.COLOR_MODES, format_func=lambda c: t(f"color_{c}", lang)
    )
    view_args = (data, chosen, lang, mode or "written", color or "category", names)
    view = cached.timeline(*view_args)
    if note := page_views.timeline_note(view, years, lang):
        drawn.info(note, icon=":material/stacked_bar_chart:")
    with drawn:
        ui.chart(
            view.figure,
            key="timeline_chart",
            alt=view.alt,
            filename=f"timeline_{years[0]}_{years[1]}_{lang}",
            lang=lang,
            citation=ui.cite(data, lang),
            select=pick_event,
            export=lambda: page_views.timeline_slides(*view_args),
            paged=True,
        )
        # the count under the chart, so that the rows start as high as they can
        st.caption(t("n_shown", lang, n=f"{len(view.rows):,}", total=f"{len(ev_all):,}"))
        ui.add_to_deck(slides.timeline_key(*years, data), data, lang, slot="timeline_view")

    # 4. Provenance: the chosen event, as each text tells it.
    event_param = (state.EVENT, facets["ids"])
    titles = cached.event_picker(data, view.listed, ui.url_value(*event_param), lang)
    options = ["", *titles]
    event_id = ui.bind(st.selectbox, *event_param)(
        t("select_event", lang), options, format_func=lambda e: titles.get(e, t("none_selected", lang))
    )
    if len(view.rows) > len(view.listed):
        st.caption(t("first_choices", lang, shown=f"{len(view.listed):,}", total=f"{len(view.rows):,}"))
    if event_id:
        key = ev_all.loc[ev_all.event_id == event_id, "event_key"].iloc[0]
        if st.session_state.pop(state.TELLINGS_OPEN, False):
            tellings_dialog(key)
        st.header(t("tellings", lang))
        ui.tellings(filters.tellings(data, key), data.notes, lang, names)
    columns = ["event_id", "date_text", "start_gregorian", "end_gregorian", f"title_{lang}", "category"]
    ui.rows_behind(ev_all.iloc[view.rows][[*columns, "source_id", "quote"]], lang, key="timeline_rows")


# 2. Data and 3. figure, built once per choice (in the region above).
chart_and_tellings(
    filters.EventFilter(
        sources=tuple(sources),
        people=tuple(chosen_people),
        places=tuple(chosen_places),
        text=text or "",
        date_bases=() if inferred else ("stated",),
    ),
)
