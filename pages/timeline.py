"""Timeline: every event on one axis, filtered and shareable, with the sentences that tell the chosen one."""

import streamlit as st

import ui
from revolution import charts, filters, limits, slides, state, summary
from revolution.i18n import category, t

lang, data = ui.start()
names = ui.source_names(data, lang)
ev_all = data.events
facets = ui.memo(summary.event_facets, data)
lo, hi = facets["years"]
cats = facets["categories"]
people = dict(zip(data.people.person_id, data.people[f"name_{lang}"]))
places = dict(zip(data.places.place_id, data.places[f"name_{lang}"]))

# 1. Selection: every filter lives in the URL.
params = [
    state.Param(state.YEAR_FROM, state.year(lo, hi), lo),
    state.Param(state.YEAR_TO, state.year(lo, hi), hi),
    state.Param(state.CATEGORIES, state.choices(cats), []),
    state.Param(state.SOURCES, state.choices(list(names)), []),
    state.Param(state.PEOPLE, state.choices(list(people)), []),
    state.Param(state.PLACES, state.choices(list(places)), []),
    state.Param(state.SEARCH, state.text, ""),
    state.Param(state.CALENDAR, state.choice(state.CALENDARS), "written"),
    state.Param(state.COLOR_BY, state.choice(state.COLOR_MODES), "category"),
    state.Param(state.EVENT, state.choice(facets["ids"]), ""),
]
ui.init(params)
YEARS = "years"
if YEARS not in st.session_state:
    st.session_state[YEARS] = tuple(
        sorted((st.session_state[state.YEAR_FROM], st.session_state[state.YEAR_TO]))
    )


def use_preset():
    span = state.PRESETS.get(st.session_state.get(state.PRESET) or "all") or (lo, hi)
    st.session_state[YEARS] = (max(lo, span[0]), min(hi, span[1]))


def pick_event():
    points = st.session_state["timeline_chart"].selection.points
    if points and points[0].get("customdata"):
        st.session_state[state.EVENT] = points[0]["customdata"][0]


st.title(t("page_timeline", lang))
st.caption(t("timeline_intro", lang))
with st.sidebar:
    st.pills(
        t("preset", lang),
        list(state.PRESETS),
        key=state.PRESET,
        on_change=use_preset,
        format_func=lambda p: t(f"preset_{p}", lang),
    )
    st.slider(t("years", lang), lo, hi, key=YEARS)
    st.text_input(t("search", lang), key=state.SEARCH, max_chars=state.MAX_TEXT)
    st.multiselect(
        t("categories", lang),
        cats,
        key=state.CATEGORIES,
        placeholder=t("any", lang),
        format_func=lambda c: category(c, lang),
    )
    st.multiselect(
        t("sources", lang), list(names), key=state.SOURCES, placeholder=t("any", lang), format_func=names.get
    )
    st.multiselect(
        t("people", lang), list(people), key=state.PEOPLE, placeholder=t("any", lang), format_func=people.get
    )
    st.multiselect(
        t("places", lang), list(places), key=state.PLACES, placeholder=t("any", lang), format_func=places.get
    )
left, right = st.columns(2)
left.segmented_control(
    t("calendar", lang), state.CALENDARS, key=state.CALENDAR, format_func=lambda c: t(f"cal_{c}", lang)
)
right.segmented_control(
    t("color_by", lang), state.COLOR_MODES, key=state.COLOR_BY, format_func=lambda c: t(f"color_{c}", lang)
)
years = st.session_state[YEARS]
st.session_state[state.YEAR_FROM], st.session_state[state.YEAR_TO] = years
ui.sync(params)


@st.cache_resource(show_spinner=False, max_entries=256)
def timeline_figure(_data, stamp: int, chosen: tuple, lang: str, mode: str, color: str):
    """The timeline for one set of filters, built once (read-only after this); `stamp` is the dataset's
    identity.
    It keeps the rows' positions, not the rows, so that 256 views of a large corpus stay small; and the first
    events by date, for the list to choose from, so that a rerun sorts nothing."""
    shown = filters.events(_data, filters.EventFilter(*chosen))
    fig = charts.timeline_chart(
        shown, _data.eras, lang, mode, color, ui.source_names(_data, lang), years=chosen[0]
    )
    listed = list(shown.sort_values("start_gregorian").event_id[: limits.CHOICES])
    return fig, _data.events.index.get_indexer(shown.index), listed, shown.event_key.nunique()


# 2. Data.
chosen = filters.EventFilter(
    years=years,
    categories=tuple(st.session_state[state.CATEGORIES]),
    sources=tuple(st.session_state[state.SOURCES]),
    people=tuple(st.session_state[state.PEOPLE]),
    places=tuple(st.session_state[state.PLACES]),
    text=st.session_state[state.SEARCH] or "",
)
mode = st.session_state[state.CALENDAR] or "written"
key = (chosen.years, chosen.categories, chosen.sources, chosen.people, chosen.places, chosen.text)
fig, rows, listed, n_keys = timeline_figure(
    data, id(data), key, lang, mode, st.session_state[state.COLOR_BY] or "category"
)
st.caption(t("n_shown", lang, n=f"{len(rows):,}", total=f"{len(ev_all):,}"))
if n_keys > limits.TIMELINE_ROWS:
    st.info(t("density_note", lang, limit=limits.TIMELINE_ROWS), icon=":material/stacked_bar_chart:")

# 3. Figure.
ui.chart(
    fig,
    key="timeline_chart",
    alt=t("n_shown", lang, n=len(rows), total=len(ev_all)),
    filename=f"timeline_{years[0]}_{years[1]}_{lang}",
    select=pick_event,
)

ui.add_to_slides(f"timeline:{years[0]}-{years[1]}", t("add_to_slides", lang), slides.default(data))

# 4. Provenance: the chosen event, as each text tells it.
options = ["", *listed]
if st.session_state[state.EVENT] not in options:
    options.append(st.session_state[state.EVENT])
titles = ev_all[ev_all.event_id.isin(options)]
titles = dict(zip(titles.event_id, titles[f"title_{lang}"] + " (" + titles.date_text + ")"))
event_id = st.selectbox(
    t("select_event", lang),
    options,
    key=state.EVENT,
    format_func=lambda e: titles.get(e, t("none_selected", lang)),
)
if len(rows) > len(listed):
    st.caption(t("first_choices", lang, shown=f"{len(listed):,}", total=f"{len(rows):,}"))
ui.sync(params)
if event_id:
    key = ev_all.loc[ev_all.event_id == event_id, "event_key"].iloc[0]
    st.subheader(t("tellings", lang))
    told = filters.tellings(data, key)
    for col, row in zip(st.columns(len(told)), told.to_dict("records")):
        with col.container(border=True):
            ui.telling(row, data.notes, lang, names[row["source_id"]])
with st.expander(t("rows_behind", lang)):
    if len(rows) > limits.TABLE_ROWS:
        st.caption(t("first_rows", lang, shown=f"{limits.TABLE_ROWS:,}", total=f"{len(rows):,}"))
    st.dataframe(
        ev_all.iloc[rows[: limits.TABLE_ROWS]][
            [
                "event_id",
                "date_text",
                "start_gregorian",
                "end_gregorian",
                f"title_{lang}",
                "category",
                "source_id",
                "quote",
            ]
        ],
        hide_index=True,
        width="stretch",
    )
