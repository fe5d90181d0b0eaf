"""The app's shell: the checked dataset, the language, the pages and what every page begins with."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

import cached
import sitemap
from revolution import state
from revolution.data import paths
from revolution.data import sources as source_vocab
from revolution.data.errors import DataError
from revolution.data.load import Dataset
from revolution.i18n import counted, t, texts
from revolution.views import format as fmt
from ui.url import query, write


def _stamp(folder: Path) -> str:
    """A digest of the names, sizes and times of the data files, so an edited file is reloaded and an
    unchanged one is not. A short string, since the cache hashes its key on every call: the tuple of every
    file's name, size and time took 8 % of a cached student's run to hash, several times a run."""
    files = sorted(
        (e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(folder) if e.is_file()
    )
    return hashlib.sha1(repr(files).encode()).hexdigest()


stamp = _stamp  # a folder's file names, sizes and times: what a cache of its files is keyed by


def _dataset() -> Dataset:
    data_dir, seeds_dir = paths.data_dir(), paths.seeds_dir()
    stamp = _stamp(data_dir) + _stamp(seeds_dir) if data_dir.is_dir() else ""
    return cached.loaded_dataset(str(data_dir), str(seeds_dir), stamp)


def n_texts() -> int:
    """How many texts the data holds, for the strings that count them; while the data cannot be read, the
    shipped two (the page then says what is wrong)."""
    try:
        return len(_dataset().sources)
    except DataError:
        return 2


def titled(key: str, lang: str) -> str:
    """A string with the number of texts in it, in words (the app's title: "러시아 혁명, 두 텍스트의…")."""
    return t(key, lang, texts=texts(n_texts(), lang))


def dataset() -> Dataset:
    """The checked dataset, loaded once per change of the files; a broken file stops the page with one
    message."""
    try:
        return _dataset()
    except DataError as exc:
        lang = current_lang()
        where = (f"row {exc.row} · " if exc.row else "") + (f"column `{exc.column}` · " if exc.column else "")
        st.error(
            f"**{t('data_error', lang)}**\n\n`{exc.file}` · {where}{fmt.literal(exc.problem)}\n\n"
            f"{t('data_error_hint', lang)}",
            icon=":material/error:",
        )
        st.stop()


def start() -> tuple[str, Dataset]:
    """Every page begins here: make sure the entry point ran, then the language and the checked dataset.

    A session whose first run began in Streamlit's legacy pages mode, while another session was leaving it,
    runs the page alone, without dashboard.py (no language switch, no footer): seen with eight first
    sessions on a fresh server. Such a run is rerun, now through dashboard.py."""
    leave_legacy_pages_mode()
    if not st.session_state.get(state.SHELL):
        st.rerun()
    return current_lang(), dataset()


# The timeline's page starts closer to the top than Streamlit's 6 rem: a 1280×720 screen then shows the
# window's first events under the filters (issue 23: 1917 from February to October without scrolling).
COMPACT_TOP_CSS = (
    "<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}"
    "[data-testid='stHeader']{background:transparent}</style>"
)


def compact_top() -> None:
    st.html(COMPACT_TOP_CSS)


def leave_legacy_pages_mode() -> None:
    """Until some session has called st.navigation, Streamlit treats a folder named pages/ as a legacy
    multipage app: a deep link runs the page alone (no navigation, no language switch) and the entry
    script runs as one of its pages (so its widgets lose their state on the next run). Switch that
    mode off for the process and rerun once, so that every run goes through dashboard.py and
    st.navigation.

    This touches Streamlit's private `PagesManager.uses_pages_directory`; tests/test_pages.py fails
    loudly if an upgrade removes it."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def requested_page() -> str:
    """The page name the browser asked for (the address's path after the app's base, '' for the root)."""
    ctx = get_script_run_ctx()
    if ctx is None or ctx.pages_manager.intended_page_script_hash:  # a click in the menu: a known page
        return ""
    return (ctx.pages_manager.intended_page_name or "").strip("/")


def not_found(lang: str) -> None:
    """Our page for an address that names no page: says so in the reader's language and links to every
    page."""
    st.title(t("page_not_found", lang))
    st.write(t("page_not_found_body", lang))
    for p in sitemap.PAGES:
        st.page_link(p.file, label=t(p.title_key, lang), icon=p.icon, query_params={state.LANG: lang})


def navigation(lang: str) -> list:
    """The pages of sitemap as st.Page objects. An address that names no page gets a page of our
    own, in the reader's language, instead of Streamlit's English "Page not found" dialog over the default
    page: st.navigation resolves the address by url_path, so a hidden page at exactly that path catches it.
    The default page answers "/" only; asked for by its own name ("/overview") it must not be the default,
    or Streamlit would not find it either."""
    asked = requested_page()
    offered = sitemap.pages(paths.editing())  # the review page only in editing mode (./dev run --edit)
    known = {p.url_path for p in offered}
    lost = bool(asked) and asked not in known and "/" not in asked
    first = sitemap.PAGES[0].url_path
    count = n_texts()  # once: each call reads the data's stamp
    pages = [
        st.Page(
            p.file,
            title=counted(p.title_key, lang, count),
            url_path=p.url_path,
            icon=p.icon,
            default=(n == 0 and asked != first),
        )
        for n, p in enumerate(offered)
    ]
    if lost or asked == first:
        pages.append(
            st.Page(
                lambda: not_found(lang),
                title=t("page_not_found", lang),
                url_path=asked if lost else "not-found",
                visibility="hidden",
                default=not lost,
            )
        )
    return pages


def current_lang() -> str:
    lang = st.session_state.get(state.LANG_STORE)
    return lang if lang in state.LANGS else state.LANG_PARAM.read(query())


def language_switch(label: str, format_func) -> str:
    """The sidebar's language switch: restored from the URL or the session, remembered across pages."""
    if st.session_state.get(state.LANG) not in state.LANGS:
        st.session_state[state.LANG] = current_lang()
        if state.LANG in st.query_params and state.LANG_PARAM.parsed(query()) is None:
            st.session_state.setdefault(state.DROPPED, set()).add(state.LANG)
    lang = (
        st.sidebar.segmented_control(label, state.LANGS, key=state.LANG, format_func=format_func)
        or current_lang()
    )
    st.session_state[state.LANG_STORE] = lang
    write(state.LANG_PARAM, lang)
    return lang


# A keyboard focus one can see (WCAG 2.4.7): Streamlit draws no ring on sidebar links and only a faint
# border change on inputs. The colour is the theme's primary colour (.streamlit/config.toml), 7:1 on white.
FOCUS_STYLE = """<style>
[data-testid="stSidebarNav"] a:focus-visible, [data-testid="stPageLink"] a:focus-visible,
input:focus-visible, textarea:focus-visible, button:focus-visible, summary:focus-visible,
[role="slider"]:focus-visible, [role="combobox"]:focus-visible, [role="tab"]:focus-visible
{outline: 3px solid #005b8f !important; outline-offset: 2px !important; border-radius: 2px}
/* a chosen item's chip wraps its name instead of cutting it (long chart titles on a phone) */
[data-testid="stMultiSelectTagsContainer"] [data-tag] {max-width: 100% !important; height: auto !important}
[data-testid="stMultiSelectTagsContainer"] [data-tag] > span {white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important}
/* Korean breaks between words (keep-all): a title or a table's header is never split inside a word ("수/치");
   a word longer than its line still wraps (break-word) */
h1, h2, h3, th, [data-testid="stMarkdownContainer"] :is(p, li), [data-testid="stCaptionContainer"]
{word-break: keep-all; overflow-wrap: break-word}
/* in a table, Chrome lets break-word squeeze a column under its longest word: a table's words stay whole */
[data-testid="stTable"] :is(th, td, th *, td *)
{word-break: keep-all !important; overflow-wrap: normal !important}
/* a phone has no hover: Plotly's toolbar would sit on the legend and the title; the image downloads
   are under each chart */
@media (max-width: 640px) {.js-plotly-plot .modebar-container {display: none !important}}
</style>"""


def accessibility(lang: str) -> None:
    """The page's language on <html lang> (screen readers pick their voice by it; Streamlit leaves it at
    "en"), and a visible keyboard focus. `lang` is one of state.LANGS, never text from a user."""
    st.html(FOCUS_STYLE)
    code = json.dumps(lang if lang in state.LANGS else state.LANG_PARAM.default)
    st.sidebar.html(f"<script>document.documentElement.lang = {code};</script>", unsafe_allow_javascript=True)


def source_names(data: Dataset, lang: str) -> source_vocab.Names:
    """Each text's short name, in legend order, carrying its style (revolution.data.sources)."""
    return cached.source_names(data, lang)
