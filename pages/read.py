"""Read the texts: each seed as prose, every span a row came from marked in place."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.i18n import t
from revolution.views import format as fmt
from revolution.views import reading

lang, data = ui.start()
names = ui.source_names(data, lang)
sources = list(names)


# 1. Selection, in the URL: the text, the row opened, the kinds marked, a search.
st.title(t("page_read", lang))
st.caption(ui.titled("read_intro", lang))
source_id = (
    ui.bind(st.segmented_control, state.SOURCES, sources, sources[0])(
        t("read_text", lang), sources, format_func=names.get
    )
    or sources[0]
)
kinds = ui.bind(st.pills, state.MARKS, reading.KINDS, list(reading.KINDS))(
    t("read_kinds", lang),
    reading.KINDS,
    selection_mode="multi",
    format_func=lambda k: f"{reading.label(k, lang)} ({reading.tag(k, lang)})",
)
kinds = tuple(kinds)
doc = cached.document(data, source_id, lang)
row = ui.url_value(state.ROW)


def move(forward: bool) -> None:
    st.session_state[state.ROW] = reading.step(doc, kinds, st.session_state[state.ROW], forward) or ""


c, d, e = st.columns([4, 1, 1], vertical_alignment="bottom")
query = ui.bind(c.text_input, state.SEARCH)(t("read_search", lang), max_chars=state.MAX_TEXT)
d.button(t("read_prev", lang), on_click=move, args=(False,), icon=":material/arrow_upward:", width="stretch")
e.button(t("read_next", lang), on_click=move, args=(True,), icon=":material/arrow_downward:", width="stretch")
ui.set_url_value(state.ROW, st.session_state[state.ROW])

# 2. Data: the selected row, the search hits, the counts.
row = st.session_state[state.ROW]
mark = doc.find(row) if row else None
query = query or ""
hits = reading.search(doc, query)
counts = {k: sum(m.kind == k for m in doc.marks) for k in reading.KINDS}
st.caption(t("read_counts", lang, marks=sum(counts.values()) - counts["excluded"], **counts))
if query:
    st.caption(t("read_hits", lang, q=fmt.literal(query), n=len(hits)))
if row and mark is None:
    st.info(t("read_unknown_row", lang, row=fmt.literal(row)), icon=":material/search_off:")
if lang == "en" and doc.glosses:
    st.caption(t("read_gloss_note", lang))

# 3. The text, escaped, with its marks; 4. the selected row in the sidebar, with its links.
st.html(reading.render(doc, kinds, mark.row_id if mark else None, hits))
target = "hit-first" if hits else (doc.anchor(mark.row_id) if mark else "")
if target:
    st.iframe(reading.scroll_script(target), height=1)  # st.html dropped the script here (1.67)
with st.sidebar:
    st.subheader(t("read_selected", lang))
    if mark is None:
        st.caption(t("read_none_selected", lang))
    else:
        kind, heading, lines, links = doc.details[mark.row_id]
        st.markdown(f"**{reading.label(kind, lang)}** · {ui.escape_md(heading)}")
        for line in lines:
            st.caption(ui.escape_md(line))
        for label, page, query_params in links:
            if page == "read":
                st.button(
                    label, on_click=lambda r=query_params["row"]: st.session_state.update({state.ROW: r})
                )
            else:
                st.page_link(f"pages/{page}.py", label=label, query_params={**query_params, state.LANG: lang})
