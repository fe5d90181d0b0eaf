"""Review a new text (editing mode only): each proposal beside its sentence; accept, edit or reject; add a
row the reader missed from a span of the text; write once the loader has accepted the whole dataset with
the new rows; take a text out again."""

import streamlit as st

import cached
import ui
from revolution.data import paths
from revolution.i18n import t
from revolution.intake import files, narrative, staging, write
from revolution.intake import review_table as rv

lang, data = ui.start()
st.title(t("page_review", lang))
if not paths.editing():  # sitemap lists this page only in editing mode; a stray run writes nothing either
    st.stop()
st.markdown(t("review_intro", lang))

# 1. Selection: which staged text.
folders = staging.reviews(paths.review_dir())
if folders:
    folder = st.selectbox(t("review_text", lang), folders, format_func=lambda p: p.name)
    stamp = ui.stamp(folder)
    review = cached.staged_review(str(folder), stamp)
    proposals, src = review.proposals, review.source
    kind = t(f"source_kind_{src['kind']}", lang)
    st.caption(t("review_source", lang, title=src["title_ko"], author=src["author_ko"], kind=kind))
    convention = src.get("calendar_convention") or "none"
    own = t("review_calendar_own", lang) if narrative.text_calendar(review.text) else ""
    st.caption(t("review_calendar", lang, convention=convention, own=own))
    ALL = f"review_all_{folder.name}"
    # a callback, not the button's return value: it holds even when the shell reruns the script
    st.button(
        t("review_accept_all", lang),
        key="review_accept_all",
        on_click=st.session_state.__setitem__,
        args=(ALL, True),
    )
    if st.session_state.get(ALL):
        proposals = staging.accept_all(proposals)

    # 2. The proposals, each beside its sentence, as tables the editor changes in place.
    counts = {k: len(v) for k, v in proposals.items()}
    st.caption(t("review_counts", lang, **counts, open=rv.open_count(proposals)))
    tables = cached.review_tables(str(folder), stamp, bool(st.session_state.get(ALL)))
    edited = {}
    for table in ("figures", "events", "exclusions", "names"):
        st.subheader(t(f"review_{table}", lang))
        edited[table] = st.data_editor(
            tables[table],
            key=f"review_{table}_{folder.name}_{st.session_state.get(ALL, False)}_{stamp}",
            hide_index=True,
            disabled=table == "names" or list(rv.READ_ONLY),
            column_config=ui.review_columns(table, lang),
            num_rows="fixed",
        )

    # 3. A row the reader missed, from a span of the text: read by the same rules, saved with the others.
    with st.expander(t("review_add", lang)), st.form("review_add_form", clear_on_submit=True):
        st.caption(t("review_add_help", lang))
        table = st.radio(
            t("review_add_table", lang),
            staging.ADDABLE,
            format_func=lambda x: t(f"review_{x}", lang),
            horizontal=True,
        )
        span = st.text_input(t("review_add_span", lang))
        reason = st.text_input(t("review_add_reason", lang))
        if st.form_submit_button(t("review_add_button", lang)):
            # the editor's cells so far are saved with the new row: nothing typed is lost
            review.proposals = {k: rv.merged(proposals[k], edited[k]) for k in edited}
            try:
                added = staging.add_from_span(review, table, span, reason, data, convention)
            except files.IntakeError as exc:
                st.error(f"{exc.ko}\n\n{exc.en}", icon=":material/error:")
            else:
                what = added.get("match") or added.get("date_text") or added.get("quote")
                st.success(t("review_added", lang, what=what), icon=":material/check:")

    # 4. Write: validated in a temporary copy first; nothing is written on any error. The click sets a flag
    # (a callback, as above) that this run, which holds the edited tables, acts on once.
    WRITE = f"review_write_{folder.name}"
    st.button(
        t("review_write", lang),
        type="primary",
        key="review_write",
        on_click=st.session_state.__setitem__,
        args=(WRITE, True),
    )
    if st.session_state.pop(WRITE, False):
        review.proposals = {k: rv.merged(proposals[k], edited[k]) for k in edited}
        try:
            backup = write.write(review, paths.data_dir(), paths.seeds_dir())
        except files.IntakeError as exc:
            st.error(f"{exc.ko}\n\n{exc.en}", icon=":material/error:")
        else:
            st.success(t("review_written", lang, backup=str(backup)), icon=":material/check:")
else:
    st.info(t("review_none", lang))

# 5. Take a text out of this copy again (the data's own checks first, a backup of every file changed).
with st.expander(t("review_remove", lang)), st.form("review_remove_form"):
    st.caption(t("review_remove_help", lang))
    names = dict(
        zip(data.sources.source_id, data.sources.short_ko if lang == "ko" else data.sources.short_en)
    )
    gone = st.selectbox(t("review_remove_text", lang), list(names), format_func=names.get)
    if st.form_submit_button(t("review_remove_button", lang)):
        try:
            backup = write.remove_text(gone, paths.data_dir(), paths.seeds_dir(), paths.review_dir())
        except files.IntakeError as exc:
            st.error(f"{exc.ko}\n\n{exc.en}", icon=":material/error:")
        else:
            st.success(t("review_removed", lang, backup=str(backup)), icon=":material/check:")
