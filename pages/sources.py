"""Two sources: events two texts both tell, side by side; then coverage per decade; what only one text
tells. With three texts or more, the reader chooses the two (default: the first two in legend order)."""

import streamlit as st

import cached
import ui
from revolution import state
from revolution.data import filters, sources
from revolution.i18n import counted, t
from revolution.views import describe
from revolution.views import format as fmt

lang, data = ui.start()
names = ui.source_names(data, lang)
ids = list(names)

st.title(counted("page_sources", lang, len(ids)))

# 1. Selection: the two texts compared (with two, the two; with one, nothing to compare).
pair: tuple = ()
if len(ids) < 2:
    st.info(t("sources_intro_one", lang, name=names[ids[0]]) if ids else t("no_rows", lang))
elif len(ids) == 2:
    pair = tuple(ids)
    st.caption(t("sources_intro", lang))
else:
    st.caption(counted("sources_intro", lang, len(ids)))
    left, right = st.columns(2)
    first = ui.bind(left.selectbox, state.FIRST_TEXT, ids, ids[0])(
        t("first_text", lang), ids, format_func=names.get
    )
    others = [s for s in ids if s != first]
    if st.session_state.get(state.SECOND_TEXT) == first:
        st.session_state.pop(state.SECOND_TEXT)  # the text just chosen first: the next one in order instead
    second = ui.bind(right.selectbox, state.SECOND_TEXT, others, others[0])(
        t("second_text", lang), others, format_func=names.get
    )
    pair = (first, second)


def compare(pair: tuple) -> None:
    pair_names = sources.Names({s: names[s] for s in pair}, names.styles)
    shared = cached.shared(data, pair)
    first_told = cached.first_tellings(data)

    # 2. Side by side, first (a link's `?event=` opens here): the two sentences of one event.
    st.header(t("side_by_side", lang) + f" ({len(shared)})")
    if shared:
        key = ui.bind(st.selectbox, state.EVENT, shared, shared[0])(
            t("select_shared_event", lang),
            shared,
            format_func=lambda k: fmt.picker_label(first_told.loc[k], lang),
        )
        told = filters.tellings(data, key)
        for col, source_id in zip(st.columns(len(pair)), pair):
            with col:
                for row in told[told.source_id == source_id].to_dict("records"):
                    with st.container(border=True):
                        ui.telling(row, data.notes, lang, names[source_id])

    # 3. Coverage per decade and source, on a time axis.
    fig = cached.coverage_figure(data, lang, pair_names, pair)
    ui.chart(
        fig,
        key="coverage_chart",
        alt=describe.coverage(data.events[data.events.source_id.isin(pair)], pair_names, lang),
        filename=f"coverage_{lang}",
        lang=lang,
        citation=ui.cite(data, lang),
    )
    with st.expander(t("rows_behind", lang)):
        st.dataframe(cached.per_decade(data, pair_names, lang, pair), width="stretch")

    # Events only one text tells, one table under the other: side by side, half a 1280-px page cut each
    # event's title at the table's edge.
    only_in = cached.only_in(data, lang, pair)
    for source_id in pair:
        only = only_in[source_id]
        col = st.expander(f"**{t('only_in', lang, source=names[source_id])}** ({len(only)})")
        # a list under its heading, opened on a click, each event's date, name and quote on lines that wrap:
        # a grid cut a date after a chronology at its column's edge ("원문에 날짜 없음 — Encyclopaedia
        # Brit…"), a table of three columns is wider than a phone, and a box that scrolls is out of a
        # keyboard's reach (axe: scrollable-region-focusable)
        gloss = t("our_translation", lang)
        lines = [
            f"- **{ui.escape_md(r['date_text'])}** · {ui.escape_md(r[f'title_{lang}'])}  \n"
            f"  “{ui.escape_md(r['quote'])}”"
            + (f"  \n  {gloss}: {ui.escape_md(r['quote_en'])}" if "quote_en" in r else "")
            for r in only.to_dict("records")
        ]
        col.markdown("\n".join(lines))


if pair:
    compare(pair)
