"""Explorer: figures and events as searchable tables, and exactly the filtered rows as a safe CSV."""

import streamlit as st

import ui
from revolution import limits, state
from revolution.data import categories, filters, paths
from revolution.exports import export, publish
from revolution.i18n import category, t
from revolution.views import columns, page_views

lang, data = ui.start()
names = ui.source_names(data, lang)
groups = dict(zip(data.groups.group_id, data.groups[f"title_{lang}"]))
cats = categories.order(data.events.category.unique())
lookups = {
    "group": groups,
    "era": dict(zip(data.eras.era_id, data.eras[f"title_{lang}"])),
    "place": dict(zip(data.places.place_id, data.places[f"name_{lang}"])),
}

# 1. Selection, in the URL.
st.title(t("page_explorer", lang))
st.caption(t("explorer_intro", lang))


@st.fragment
def explorer() -> None:
    """The choices, the table they filter and the downloads of its rows: a change reruns this region
    alone, not the page around it (the downloads too: outside, a partial rerun would leave them on old
    rows)."""
    a, b, c = st.columns([1, 2, 2])
    text = ui.bind(b.text_input, state.SEARCH)(t("search", lang), max_chars=state.MAX_TEXT) or ""
    sources = ui.bind(c.multiselect, state.SOURCES, list(names))(
        t("sources", lang), list(names), placeholder=t("any", lang), format_func=names.get, select_all=False
    )
    sources = tuple(sources)
    # a link with a search and no table opens where the search has hits (the search is read first)
    first = page_views.explorer_table(data, text, sources)
    table = (
        ui.bind(a.segmented_control, state.TABLE, state.TABLES, first)(
            t("table", lang), state.TABLES, format_func=lambda x: t(f"table_{x}", lang)
        )
        or first
    )
    if table == "figures":
        chosen_groups = ui.bind(st.multiselect, state.GROUP, list(groups))(
            t("groups", lang),
            list(groups),
            placeholder=t("any", lang),
            format_func=groups.get,
            select_all=False,
        )
    else:
        chosen_cats = ui.bind(st.multiselect, state.CATEGORIES, cats)(
            t("categories", lang),
            cats,
            placeholder=t("any", lang),
            format_func=lambda x: category(x, lang),
            select_all=False,
        )

    # 2. Data: exactly the rows the filters pass, provenance columns included.
    if table == "figures":
        rows = filters.figures(data, sources=sources, groups=tuple(chosen_groups), text=text)
    else:
        rows = filters.events(
            data, filters.EventFilter(sources=sources, text=text, categories=tuple(chosen_cats))
        )
    view, cut = page_views.explorer_rows(rows, table, lang)  # a large corpus shows its first rows
    # on screen: names and codes in the chosen language; the downloads below keep the schema's own
    view, labels = columns.for_screen(view, lang, names, lookups)
    config = {
        c: st.column_config.TextColumn(labels[c], width="large" if c == "quote" else None) for c in view
    }
    config["read"] = st.column_config.LinkColumn(
        t("read_in_context", lang), display_text=t("read_in_context", lang)
    )

    # 3. Table, 4. download of the same rows.
    st.caption(t("n_rows", lang, n=f"{len(rows):,}"))
    if text:  # a search says where its hits are, in both tables (the one not shown is a click away)
        hits = {
            "figures": len(filters.figures(data, sources=sources, text=text)),
            "events": len(filters.events(data, filters.EventFilter(sources=sources, text=text))),
        }
        st.info(t("explorer_hits", lang, q=text, **hits), icon=":material/manage_search:")
    if cut:
        st.caption(t("first_rows", lang, shown=f"{limits.TABLE_ROWS:,}", total=f"{len(rows):,}"))
    if rows.empty:  # say so, and how to widen the filter, instead of an empty grid
        st.info(t("nothing_found", lang, how=t("widen_explorer", lang)), icon=":material/search_off:")
    else:
        # as tall as its rows (35 px each and the header's), up to 520 px: a short result has no empty rows
        height = min(520, 35 * (len(view) + 1) + 3)
        st.dataframe(view, hide_index=True, width="stretch", column_config=config, height=height)
    st.header(t("data_downloads", lang))
    (a, b), (c, d) = st.columns(2), st.columns(2)  # two a row: four labels side by side were cut
    # (where, label, the file built only when clicked, file name, type, icon)
    for col, label, build, name, mime, icon in (
        (a, t("download_csv", lang, n=len(rows)), lambda: export.safe_csv(rows), f"{table}_filtered.csv",
         "text/csv", "download"),
        (b, t("download_json", lang), lambda: publish.json_records(rows), f"{table}_filtered.json",
         "application/json", "data_object"),
        (c, t("download_zip", lang), lambda: publish.package_zip(paths.data_dir()),
         "russian_revolution_datapackage.zip", "application/zip", "folder_zip"),
        (d, t("download_timelinejs", lang),
         lambda: publish.timelinejs_bytes(data.events, data.eras, lang, names),
         f"timelinejs_{lang}.json", "application/json", "timeline"),
    ):  # fmt: skip
        col.download_button(
            label, data=build, file_name=name, mime=mime, icon=f":material/{icon}:", on_click="ignore"
        )
    ui.citation(ui.cite(data, lang))


explorer()
