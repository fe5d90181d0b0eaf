"""Streamlit glue shared by the pages: the dataset, the language, widgets bound to the URL, and charts
with their sources. Cached computations live in `cached.py`."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

import sitemap
from revolution import state
from revolution.data import paths
from revolution.data import sources as source_vocab
from revolution.data.errors import DataError
from revolution.data.load import Dataset, load_dataset
from revolution.exports import images, publish
from revolution.i18n import counted, t, texts
from revolution.views import format as fmt
from revolution.views import reading

CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1},
}
DROPPED = "_dropped"  # URL parameters this session could not read, to be said once
BOUND = "_bound"  # the URL parameters this session's pages have read, by key (what the fuzz test checks)
SAID = "_dropped_said"


def _stamp(folder: Path) -> str:
    """A digest of the names, sizes and times of the data files, so an edited file is reloaded and an
    unchanged one is not. A short string, since the cache hashes its key on every call: the tuple of every
    file's name, size and time took 8 % of a cached student's run to hash, several times a run."""
    files = sorted(
        (e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(folder) if e.is_file()
    )
    return hashlib.sha1(repr(files).encode()).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(data_dir: str, seeds_dir: str, stamp: str) -> Dataset:
    return load_dataset(Path(data_dir), Path(seeds_dir))


def _dataset() -> Dataset:
    data_dir, seeds_dir = paths.data_dir(), paths.seeds_dir()
    stamp = _stamp(data_dir) + _stamp(seeds_dir) if data_dir.is_dir() else ""
    return _load(str(data_dir), str(seeds_dir), stamp)


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
            f"**{t('data_error', lang)}**\n\n`{exc.file}` · {where}{escape_md(exc.problem)}\n\n"
            f"{t('data_error_hint', lang)}",
            icon=":material/error:",
        )
        st.stop()


SHELL = "_in_shell"  # set by dashboard.py around the page's run


def start() -> tuple[str, Dataset]:
    """Every page begins here: make sure the entry point ran, then the language and the checked dataset.

    A session whose first run began in Streamlit's legacy pages mode, while another session was leaving it,
    runs the page alone, without dashboard.py (no language switch, no footer): seen with eight first
    sessions on a fresh server. Such a run is rerun, now through dashboard.py."""
    leave_legacy_pages_mode()
    if not st.session_state.get(SHELL):
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
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def requested_page() -> str:
    """The page name the browser asked for (the address's path after the app's base, '' for the root)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

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
            st.session_state.setdefault(DROPPED, set()).add(state.LANG)
    lang = (
        st.sidebar.segmented_control(label, state.LANGS, key=state.LANG, format_func=format_func)
        or current_lang()
    )
    st.session_state[state.LANG_STORE] = lang
    _write(state.LANG_PARAM, lang)
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


def query() -> dict:
    """The URL's parameters, each key with all its values (a repeated key keeps them all)."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


# --- widgets bound to the URL -----------------------------------------------------------------------


def _restore(param: state.Param) -> None:
    """Seed the widget's state from the URL the first time the page shows it (a value the URL holds but
    the page cannot read is noted, to be said once); after that, set it again by value. A choice
    widget's value travels between browser and server as its label, and labels change with the
    language: unpinned, a switch would turn the chosen value into the other language's label (an
    unknown option, and junk in the URL)."""
    if param.key in st.session_state:
        st.session_state[param.key] = param.checked(st.session_state[param.key])
        return
    raw = query()
    value = param.read(raw)
    st.session_state.setdefault(BOUND, {})[param.key] = param
    if param.key in raw and param.parsed(raw) is None:
        st.session_state.setdefault(DROPPED, set()).add(param.key)
    st.session_state[param.key] = value


def _write(param: state.Param, value) -> None:
    """The value into the URL, or out of it when it is the default, so a copied link restores the
    view."""
    want = state.query_for([param], {param.key: value})
    if param.key in want:
        if st.query_params.get_all(param.key) != [want[param.key]]:
            st.query_params[param.key] = want[param.key]
    elif st.query_params.get_all(param.key):
        # not `key in st.query_params`: Streamlit answers that by raising KeyError inside its session lock,
        # which took 12 % of a cached student's run for the one widget whose key is mostly absent
        del st.query_params[param.key]


def bind(widget, key: str, parse, default):
    """`widget` (e.g. `st.multiselect`, `col.selectbox`) bound to the URL parameter `key`: restored from
    the link, written back after every change, defaults left out. Call the result as you would the
    widget: `ui.bind(st.multiselect, state.SOURCES, state.choices(ids), [])(label, ids,
    format_func=...)`."""
    param = state.Param(key, parse, default)

    def draw(*args, **kwargs):
        _restore(param)
        value = widget(*args, key=key, **kwargs)
        _write(param, st.session_state.get(key, value))
        return st.session_state.get(key, value)

    return draw


def bind_range(widget, key: str, keys: tuple[str, str], parse, default: tuple):
    """A two-handled slider kept in two URL parameters (`from`, `to`): the slider's own state is the
    pair."""
    low, high = (state.Param(k, parse, d) for k, d in zip(keys, default, strict=True))

    def draw(*args, **kwargs):
        if key not in st.session_state:
            _restore(low)
            _restore(high)
            pair = (st.session_state.pop(low.key), st.session_state.pop(high.key))
            st.session_state[key] = tuple(sorted(pair))
        value = tuple(widget(*args, key=key, **kwargs))
        _write(low, value[0])
        _write(high, value[1])
        return value

    return draw


def url_value(key: str, parse, default):
    """A URL parameter that is not a widget (e.g. the slide shown): its valid value, or the default."""
    param = state.Param(key, parse, default)
    _restore(param)
    return st.session_state[key]


def set_url_value(key: str, parse, default, value) -> None:
    """A value that is no widget's, into the session and the URL."""
    st.session_state[key] = value
    write_url(key, parse, default, value)


def write_url(key: str, parse, default, value) -> None:
    """A value into the URL alone (a widget's own state is the widget's to set)."""
    _write(state.Param(key, parse, default), value)


def dropped_note(lang: str) -> None:
    """Once per session, a quiet note that some values of the link were not understood and defaults
    show."""
    dropped = st.session_state.get(DROPPED)
    if dropped and not st.session_state.get(SAID):
        st.session_state[SAID] = True
        st.toast(t("dropped_params", lang, keys=", ".join(sorted(dropped))), icon=":material/info:")


# --- charts and their sources ------------------------------------------------------------------------


def chart(
    fig, *, key: str, alt: str, filename: str, lang: str, citation: str, select=False, export=None, paged=None
):
    """A Plotly chart as it will be exported (our template, not Streamlit's), with alt text, slide-size
    PNG from the modebar, and server-rendered PNG/SVG downloads that carry `citation`. `export`, if given,
    makes the figure those downloads lay out (built when one is clicked), e.g. the timeline with its rows
    named on the axis, which a slide pages by whole rows; `paged` says whether that may take several slides
    (unset: told from `fig`, see slide_layout.may_split)."""
    config = {
        **CHART_CONFIG,
        "toImageButtonOptions": {**CHART_CONFIG["toImageButtonOptions"], "filename": filename},
    }
    event = st.plotly_chart(
        fig,
        theme=None,
        width="stretch",
        key=key,
        alt=alt,
        config=config,
        on_select=select if callable(select) else ("rerun" if select else "ignore"),
        selection_mode="points",
    )
    image_downloads(export or (lambda: fig), filename, key, lang, citation, paged)
    return event


def cite(data: Dataset, lang: str, maddison: bool = False) -> str:
    """The citation line for this view: both texts, the dashboard and its date, the view's link."""
    titles = [f"{a} 「{b}」" for a, b in zip(data.sources.author_ko, data.sources.title_ko)]
    return publish.citation(lang, titles, public_link(), maddison=maddison)


IMAGE_FORMATS = (  # (label key, format, size, scale, file ending)
    ("png_slide", "png", images.SLIDE, 2, "png"),
    ("png_square", "png", images.SQUARE, 2, "png"),
    ("svg", "svg", images.SLIDE, 1, "svg"),
)


def image_downloads(figure, filename: str, key: str, lang: str, citation: str, paged=None) -> None:
    """PNG (slide, 2×), PNG (square) and SVG of the chart `figure()` gives, rendered only when clicked, each
    with its citation; a chart that may take several slides (`paged`, or if unset slide_layout.may_split)
    comes as a zip of one image per slide, and its buttons say so."""
    from revolution.exports import slide_layout

    with st.popover(t("download", lang), icon=":material/download:"):
        if not images.browser_path():
            st.warning(t("no_browser", lang))
            return
        zipped = slide_layout.may_split(figure()) if paged is None else paged
        for label, kind, size, scale, ext in IMAGE_FORMATS:
            st.download_button(
                t("image_pages", lang, label=t(label, lang)) if zipped else t(label, lang),
                data=lambda f=kind, sz=size, sc=scale: images.download(figure(), citation, f, sz, sc, zipped),
                file_name=f"{filename}_{label}.{'zip' if zipped else ext}",
                mime="application/zip" if zipped else "image/svg+xml" if kind == "svg" else "image/png",
                key=f"{key}_{label}",
                on_click="ignore",
                width="stretch",
            )
        # the link is printed only when the server knows its public address (publish.citation)
        st.caption(t("image_note_link" if public_link() else "image_note_nolink", lang))


def headline(title: str, values: list[dict], lang: str) -> None:
    """A headline card's title and values as HTML of our own (st.metric cuts a long value with an
    ellipsis): every value in full, large, wrapping if it must, with its unit, what it measures and its
    period, and the text it comes from. Text from the data is escaped."""
    rows = "".join(
        '<div class="headline-value">'
        f'<span class="headline-number">{html.escape(v["value"])}</span>'
        + (f' <span class="headline-unit">{html.escape(v["unit"])}</span>' if v["unit"] else "")
        + f'<div class="headline-what">{html.escape(v["what"])}</div></div>'
        for v in values
    )
    sources = " · ".join(dict.fromkeys(v["source"] for v in values if v.get("source")))
    where = f'<div class="headline-source">{html.escape(t("headline_source", lang, source=sources))}</div>'
    st.html(
        f"<style>{HEADLINE_CSS}</style><div class='headline-card'>"
        f"<div class='headline-title'>{html.escape(title)}</div>{rows}{where if sources else ''}</div>"
    )


# The four cards share a row on a projector (1280 px wide and up) and stack on a phone; Korean breaks between
# words only (keep-all), so a value or a title is never split inside a word.
HEADLINE_CSS = (
    ".headline-card{word-break:keep-all;overflow-wrap:anywhere}"
    ".headline-title{font-weight:600;font-size:0.95rem;line-height:1.3;margin-bottom:0.3rem}"
    ".headline-value{margin:0.1rem 0 0.3rem 0}"
    ".headline-number{font-size:1.6rem;font-weight:600;line-height:1.15}"
    ".headline-unit{font-size:0.95rem}"
    ".headline-what{font-size:0.9rem;line-height:1.3;opacity:0.85}"
    ".headline-source{font-size:0.85rem;opacity:0.8;margin-top:0.2rem}"
)


def small_chart(fig, *, key: str, alt: str) -> None:
    """A card's small chart: hover keeps the sentences, no toolbar over so small a plot."""
    st.plotly_chart(
        fig, theme=None, width="stretch", key=key, config={**CHART_CONFIG, "displayModeBar": False}, alt=alt
    )


def rows_behind(frame, lang: str) -> None:
    """The rows behind a chart, folded under it: the first limits.TABLE_ROWS of them, saying so when there
    are more (a table of thousands of rows is no reading)."""
    from revolution import limits

    with st.expander(t("rows_behind", lang)):
        if len(frame) > limits.TABLE_ROWS:
            st.caption(t("first_rows", lang, shown=f"{limits.TABLE_ROWS:,}", total=f"{len(frame):,}"))
        st.dataframe(frame.head(limits.TABLE_ROWS), hide_index=True, width="stretch")


def citation(text: str) -> None:
    """A citation, small, marked up as one (<cite>): it stays in its own language and script."""
    st.caption(f"<cite style='font-style:normal'>{html.escape(text)}</cite>", unsafe_allow_html=True)


def source_names(data: Dataset, lang: str) -> source_vocab.Names:
    """Each text's short name, in legend order, carrying its style (revolution.data.sources)."""
    import cached

    return cached.source_names(data, lang)


def quote_block(quote: str, source: str, gloss: str | None = None) -> None:
    """A verbatim quote, shown as text (never as HTML), with its source; in English, our gloss beneath
    it, labelled as our translation (the Korean stays the quote)."""
    st.markdown(f"> {escape_md(quote)}\n>\n> — {escape_md(source)}")
    if current_lang() == "en" and isinstance(gloss, str) and gloss:
        st.caption(f"{t('our_translation', 'en')}: “{escape_md(gloss)}”")


escape_md = fmt.literal  # text from the data, shown literally in Markdown


def sentence_block(row: dict, source: str) -> None:
    """A telling's quote inside its whole sentence from the seed, the quote highlighted (a quote is the
    shortest span that says it; a reader needs the sentence around it). Display only: the row's quote is
    what the highlight shows, and the English gloss is the quote's."""
    import cached

    found = cached.sentence(dataset(), row["source_id"], row["quote"])
    if not found or not (found[0] or found[2].strip(".")):
        quote_block(row["quote"], source, row.get("quote_en"))
        return
    before, quote, after = (escape_md(x) for x in found)
    st.markdown(f"> {before}:blue-background[**{quote}**]{after}\n>\n> — {escape_md(source)}")
    st.caption(t("telling_sentence", current_lang()))
    if current_lang() == "en" and isinstance(row.get("quote_en"), str) and row["quote_en"]:
        st.caption(f"{t('our_translation', 'en')}: “{escape_md(row['quote_en'])}”")


def tellings(told, notes, lang: str, names: dict, side_by_side: bool = True) -> None:
    """Each text's telling of one event (rows of filters.tellings), each in its box: side by side on a page,
    one under the other in a dialog."""
    rows = told.to_dict("records")
    for place, row in zip(st.columns(len(rows)) if side_by_side and rows else [st] * len(rows), rows):
        with place.container(border=True):
            telling(row, notes, lang, names[row["source_id"]])


def telling(row: dict, notes, lang: str, source: str) -> None:
    """One text's telling of an event: its date as written and in New Style, its sentence, and any note
    on it."""
    st.markdown(f"**{escape_md(row[f'title_{lang}'])}** · {escape_md(source)}")
    st.caption(escape_md(fmt.calendar_line(row, lang)))
    if row.get("date_basis") == "context":
        gloss = (
            f" — {t('our_translation', lang)}: “{escape_md(row['date_context_en'])}”" if lang == "en" else ""
        )
        st.caption(f"{t('date_from_context', lang)}: “{escape_md(row['date_context'])}”{gloss}")
    elif row.get("date_basis") == "reference":
        # a chronology cited in its own language: marked up as a citation, like every other one
        label = html.escape(t("date_from_reference", lang))
        cited = f"<cite style='font-style:normal'>{html.escape(row['date_reference'])}</cite>"
        st.caption(f"{label}: {cited}", unsafe_allow_html=True)
    sentence_block(row, source)
    here = reading.read_link(row["source_id"], row["event_id"], lang)
    st.markdown(f":material/menu_book: [{t('read_in_context', lang)}]({here})")
    note = row.get(f"notes_{lang}")
    if isinstance(note, str) and note:
        st.caption(escape_md(note))
    for note in notes[notes.target_id == row["event_id"]].to_dict("records"):
        st.warning(
            f"**{t('source_note', lang)}** — {escape_md(note[f'issue_{lang}'])}\n\n"
            f"{t('basis', lang)}: {escape_md(note[f'basis_{lang}'])}",
            icon=":material/edit_note:",
        )


# --- the deck, wherever one is ------------------------------------------------------------------------
# One truth, state.DECK_STORE in the session: every page reads it with `deck`, adds to it in place with
# `add_to_deck`, and the Slides page's widgets edit it through `set_deck`. The URL carries it (`deck`, with
# state.DECK_NONE for the emptied deck, nothing for the default one), and a link's deck wins once.


def deck(data: Dataset) -> list[str]:
    """The current deck: a deck arriving in the URL that this session has not taken in yet (a shared link)
    wins; otherwise the one kept in the session across pages; otherwise the default (the four headlines)."""
    import cached
    from revolution.exports import slides

    raw = st.query_params.get_all(state.DECK)
    if raw and ",".join(raw) != st.session_state.get(state.DECK_SEEN):
        parsed = slides.parse(raw, data)
        st.session_state[state.DECK_STORE] = cached.default_deck(data) if parsed is None else parsed
        st.session_state[state.DECK_SEEN] = ",".join(raw)
    if state.DECK_STORE not in st.session_state:
        return cached.default_deck(data)
    return list(st.session_state[state.DECK_STORE])


def set_deck(new: list[str], data: Dataset) -> None:
    """The deck, kept in the session and written into the URL (the default deck stays out of it)."""
    import cached
    from revolution.exports import slides

    st.session_state[state.DECK_STORE] = list(new)
    if list(new) == cached.default_deck(data):
        if state.DECK in st.query_params:
            del st.query_params[state.DECK]
        st.session_state[state.DECK_SEEN] = ""
    else:
        value = slides.encode(list(new))
        if st.query_params.get_all(state.DECK) != [value]:
            st.query_params[state.DECK] = value
        st.session_state[state.DECK_SEEN] = value


def add_to_deck(key: str, data: Dataset, lang: str, slot: str = "") -> None:
    """A button that adds `key` to the end of the deck and stays on this page: a toast says what was added
    and the sidebar's counter shows the new count (the whole app reruns, even when the button is in a
    fragment). An item already in the deck shows as such, disabled. `slot` names a button whose item
    changes with the view (the timeline's years): one widget whose click adds what the view shows now, not
    what it showed when the button was first drawn."""
    widget = f"add_{slot or key}"
    added = st.session_state.get(state.DECK_ADDED)
    if added and added[2] == key and _in_fragment_run():
        st.rerun()  # the whole app: the sidebar's counter and the toast are outside the fragment
    if key in deck(data):
        st.button(t("deck_in", lang), key=widget, icon=":material/check:", disabled=True)
        return
    st.button(
        t("deck_add", lang),
        key=widget,
        icon=":material/add_to_queue:",
        on_click=_add,
        args=(key, data, lang),
    )


def _in_fragment_run() -> bool:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def _add(key: str, data: Dataset, lang: str) -> None:
    from revolution.exports import slides

    new = slides.add(deck(data), key)
    set_deck(new, data)
    st.session_state[state.DECK_ADDED] = (slides.label(key, data, lang), len(new), key)


def deck_sidebar(lang: str) -> None:
    """The sidebar's deck counter (drawn where the caller puts it), a link to the Slides page with the deck,
    and the toast for an item just added (said here, after the rerun an add asks for, so it is never lost)."""
    data = dataset()
    current = deck(data)
    added = st.session_state.pop(state.DECK_ADDED, None)
    if added:
        st.toast(t("deck_added", lang, what=added[0], n=added[1]), icon=":material/add_to_queue:")
    import cached
    from revolution.exports import slides

    query_params = {state.LANG: lang}
    if current != cached.default_deck(data):
        query_params[state.DECK] = slides.encode(current)
    st.page_link(
        "pages/slides.py",
        label=t("deck_count", lang, n=len(current)),
        icon=":material/slideshow:",
        query_params=query_params,
    )


def public_link() -> str:
    """This view's link on the public address, or "" when none is configured (never a local address)."""
    from revolution.data import paths

    base = paths.public_url()
    if not base:
        return ""
    page = (st.context.url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    qs = urlencode({k: ",".join(v) if isinstance(v, list) else v for k, v in query().items()})
    return f"{base}/{page}" + (f"?{qs}" if qs else "")


def presentation(shown: list, position: int, lang: str, picture) -> None:
    """One slide at a time on a 1920×1080 frame that the browser scales to the screen (so a 1920×1080
    projector shows the exported slide's 24 px type and a 1280×720 one the same slide at 16 px), with its
    caption and navigation and no sidebar or header; ← → and PageUp/PageDown (what presentation clickers
    send) press the back and next buttons, Esc ends the presentation. `picture()` gives the slide's drawing
    (SVG, made by the export's renderer)."""
    from revolution.exports import slide_layout, slides

    width, height = slides.PRESENT_FRAME
    st.html(f"<style>{PRESENT_CSS.replace('FRAME_W', str(width)).replace('FRAME_H', str(height))}</style>")
    item, fig, title = shown[position - 1]
    with st.container(key="present_frame"):
        try:
            svg = picture()
        except images.ExportError:
            svg = None
            st.warning(t("no_browser", lang))
        if svg:
            # as an image: inert (no script, no link, whatever the data's text says) and scaled as a whole
            label = html.escape(item.alt or title, quote=True)
            data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
            w, h = slides.PRESENT_SIZE
            st.html(
                f'<img class="present-slide" alt="{label}" width="{w}" height="{h}" '
                f'src="data:image/svg+xml;base64,{data}">'
            )
        else:  # no renderer: the interactive chart, at its own size
            laid = slide_layout.fit(fig, slides.PRESENT_SIZE, kind=slides.PRESENT_TYPE)
            st.plotly_chart(laid, theme=None, key="present_chart", config=CHART_CONFIG, alt=item.alt or title)
        caption = html.escape(item.caption)
        st.html(f"<p class='present-caption' title='{caption}'>{caption}</p>")
        st.html(
            _KEYS_JS.replace("PREV", t("prev", lang))
            .replace("NEXT", t("next", lang))
            .replace("END", t("present_end", lang))
            .replace("FRAME_W", str(width))
            .replace("FRAME_H", str(height)),
            unsafe_allow_javascript=True,
        )
        back, where, ahead, end = st.container(key="present_nav").columns([2, 3, 2, 1])
        back.button(
            t("prev", lang), on_click=_step, args=(-1, len(shown)), disabled=position <= 1, width="stretch"
        )
        # the keys are said in the counter's tooltip: a help icon beside it read as a stray "?" on a projector
        where.markdown(
            f"<div class='present-where' title='{html.escape(t('keys_hint', lang), quote=True)}'>"
            f"{t('slide_n', lang, n=position, total=len(shown))}</div>",
            unsafe_allow_html=True,
        )
        ahead.button(
            t("next", lang),
            on_click=_step,
            args=(1, len(shown)),
            disabled=position >= len(shown),
            width="stretch",
        )
        end.button(t("present_end", lang), on_click=_end, width="stretch")


def _step(delta: int, total: int) -> None:
    st.session_state[state.SLIDE] = min(max(1, st.session_state[state.SLIDE] + delta), max(1, total))


def _end() -> None:
    st.session_state[state.PRESENT] = False


# The frame is laid out at FRAME_W×FRAME_H CSS px and scaled as a whole with `transform` (plotly.js maps the
# pointer through CSS transforms, so hover still finds its mark; with `zoom` it does not). The scale is the
# screen's share of the frame, never under 1/2 (12 px type): a phone scrolls the slide, not shrinks it.
# Browsers without typed arithmetic in calc() get the scale from _KEYS_JS.
PRESENT_CSS = (
    "[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stHeader'],"
    "[data-testid='stToolbar'],.st-key-present{display:none}"
    "[data-testid='stMain']{position:relative}"
    "[data-testid='stMainBlockContainer']{padding:0;max-width:100%}"
    ":root{--present-scale:max(0.5, min(100vw / FRAME_Wpx, 100vh / FRAME_Hpx))}"
    # !important: Streamlit's own classes, injected later, set a block's width and max-width
    ".st-key-present_frame{position:absolute;top:0;width:FRAME_Wpx !important;max-width:none !important;"
    "height:FRAME_Hpx;box-sizing:border-box;"
    "left:max(0px, calc((100vw - FRAME_Wpx * var(--present-scale)) / 2));padding:24px 32px;"
    "overflow:hidden;transform:scale(var(--present-scale));transform-origin:0 0}"
    # the caption keeps to one line, cut with an ellipsis (the whole line is in the deck's notes)
    ".present-caption{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:24px;"
    "line-height:1.4;color:#3d444d;margin:0}"
    ".present-slide{display:block}"
    ".st-key-present_nav button{min-height:64px}"
    ".st-key-present_nav button p,.present-where{font-size:28px}"
    ".present-where{text-align:center;line-height:64px}"
    # a phone held upright (Streamlit stacks columns under 640 px): no frame; the slide at half size (12 px
    # type) scrolls sideways in its own box, the caption wraps, the buttons stack at their usual size
    "@media (max-width: 640px){.st-key-present_frame{position:static;transform:none;width:auto !important;"
    "height:auto;padding:12px 16px;overflow:visible}"
    ".st-key-present_frame [data-testid='stHtml']:has(> .present-slide){overflow-x:auto}"
    ".present-slide{width:calc(FRAME_Wpx / 2 - 32px);height:auto;max-width:none}"
    ".present-caption{white-space:normal;font-size:16px}"
    ".st-key-present_nav button p,.present-where{font-size:16px}"
    ".st-key-present_nav button{min-height:40px}.present-where{line-height:40px}}"
    # nothing after the frame (the app's footer would push the page past the screen's bottom)
    "div:has(> .st-key-present_frame) ~ div, .st-key-present_frame ~ div{display:none !important}"
)

# Installed once per page (a flag on window): a key press clicks the button with that label; the frame's scale
# is kept as a number for browsers whose calc() cannot divide lengths.
_KEYS_JS = """<script>
(() => {
  const w = window.parent || window;
  if (w.__slideKeys) return;
  w.__slideKeys = true;
  const fit = () => w.document.documentElement.style.setProperty('--present-scale',
    String(Math.max(0.5, Math.min(w.innerWidth / FRAME_W, w.innerHeight / FRAME_H))));
  fit();
  w.addEventListener('resize', fit);
  w.document.addEventListener('keydown', (e) => {
    if (e.target && ['INPUT', 'TEXTAREA'].includes(e.target.tagName)) return;
    const label = {ArrowRight: 'NEXT', PageDown: 'NEXT', ArrowLeft: 'PREV', PageUp: 'PREV',
                   Escape: 'END'}[e.key];
    if (!label) return;
    const button = [...w.document.querySelectorAll('button')].find((b) => b.innerText.trim() === label);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
})();
</script>"""


def deck_downloads(items: list, n_slides: int, data, lang: str) -> None:
    """The PPTX and the offline lesson bundle, each built when its button is clicked (one click): while it is
    built the button shows a spinner and cannot be clicked again; the download starts when it is ready."""
    from revolution.exports import slides

    if not images.browser_path():  # said before the click: Streamlit's own failure line is English only
        st.warning(t("no_browser", lang))
        return
    citations = {False: cite(data, lang, False), True: cite(data, lang, True)}
    link = public_link()
    left, right = st.columns(2)
    left.download_button(
        t("download_deck", lang, n=n_slides),
        data=lambda: slides.deck_bytes(items, lang, data.sources, citations, link),
        file_name=f"russian_revolution_{lang}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        icon=":material/slideshow:",
        type="primary",
        on_click="ignore",
        width="stretch",
    )
    right.download_button(
        t("download_bundle", lang),
        help=t("download_bundle_help", lang),
        data=lambda: slides.lesson_bytes(items, lang, data.sources, citations, link),
        file_name=f"russian_revolution_lesson_{lang}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        on_click="ignore",
        width="stretch",
    )


stamp = _stamp  # a folder's file names, sizes and times: what a cache of its files is keyed by


def review_columns(table: str, lang: str) -> dict:
    """The review page's column settings: each column named in the reader's language, the vocabularies'
    columns as choices of their codes, long text wide."""
    from revolution.i18n import COLUMN_LABELS
    from revolution.views import review as rv

    out = {}
    for col in rv.SHOWN[table]:
        label = COLUMN_LABELS[col][lang] if col in COLUMN_LABELS else t(f"review_col_{col}", lang)
        width = "large" if col in rv.WIDE else "small" if col in rv.NARROW else "medium"
        if col in rv.CHOICES:
            out[col] = st.column_config.SelectboxColumn(
                label, options=list(rv.CHOICES[col]), format_func=_code_word(col, lang), width=width
            )
        else:
            out[col] = st.column_config.TextColumn(label, width=width)
    return out


def _code_word(col: str, lang: str):
    """How a vocabulary's code is shown in the review tables: its word in the reader's language."""
    from revolution.i18n import CODE_WORDS, category

    if col == "status":
        return lambda code: t(f"review_status_{code}", lang)
    if col == "category":
        return lambda code: category(code, lang)
    words = CODE_WORDS[col]
    return lambda code: words[code][lang] if code in words else code
