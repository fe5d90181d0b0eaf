"""Review a new text (editing mode only): each proposal beside its sentence; accept, edit or reject; write
once the loader has accepted the whole dataset with the new rows."""

import streamlit as st

import cached
import ui
from revolution.data import intake, paths
from revolution.i18n import t
from revolution.views import review as rv

lang, data = ui.start()
st.title(t("page_review", lang))
if not paths.editing():  # sitemap lists this page only in editing mode; a stray run writes nothing either
    st.stop()
st.markdown(t("review_intro", lang))

# 1. Selection: which staged text.
folders = intake.reviews(paths.review_dir())
if not folders:
    st.info(t("review_none", lang))
    st.stop()
folder = st.selectbox(t("review_text", lang), folders, format_func=lambda p: p.name)
stamp = ui.stamp(folder)
review = cached.staged_review(str(folder), stamp)
proposals = review.proposals
src = review.source
kind = t(f"source_kind_{src['kind']}", lang)
st.caption(t("review_source", lang, title=src["title_ko"], author=src["author_ko"], kind=kind))
ALL = f"review_all_{folder.name}"
# a callback, not the button's return value: it holds even when the shell reruns the script
st.button(
    t("review_accept_all", lang),
    key="review_accept_all",
    on_click=st.session_state.__setitem__,
    args=(ALL, True),
)
if st.session_state.get(ALL):
    proposals = intake.accept_all(proposals)

# 2. The proposals, each beside its sentence, as tables the editor changes in place.
st.caption(
    t(
        "review_counts",
        lang,
        **{k: len(v) for k, v in proposals.items()},
        open=rv.open_count(proposals),
    )
)
tables = cached.review_tables(str(folder), stamp, bool(st.session_state.get(ALL)))
edited = {}
for table in ("figures", "events", "exclusions", "names"):
    st.subheader(t(f"review_{table}", lang))
    edited[table] = st.data_editor(
        tables[table],
        key=f"review_{table}_{folder.name}_{st.session_state.get(ALL, False)}",
        hide_index=True,
        disabled=table == "names" or list(rv.READ_ONLY),
        column_config=ui.review_columns(table, lang),
        num_rows="fixed",
    )

# 3. Write: validated in a temporary copy first; nothing is written on any error. The click sets a flag (a
# callback, as above) that this run, which holds the edited tables, acts on once.
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
        backup = intake.write(review, paths.data_dir(), paths.seeds_dir())
    except intake.IntakeError as exc:
        st.error(f"{exc.ko}\n\n{exc.en}", icon=":material/error:")
    else:
        st.success(t("review_written", lang, backup=str(backup)), icon=":material/check:")
