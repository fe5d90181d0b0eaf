"""Streamlit glue shared by the pages: cached data, language, URL-bound state, and charts with their
sources."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from revolution import format as fmt
from revolution import images, paths, publish, state
from revolution.errors import DataError
from revolution.i18n import t
from revolution.load import Dataset, load_dataset

CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1},
}


def _stamp(folder: Path) -> tuple:
    """Names, sizes and times of the data files, so an edited file is reloaded and an unchanged one is
    not."""
    return tuple(
        sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob("*") if p.is_file())
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(data_dir: str, seeds_dir: str, stamp: tuple) -> Dataset:
    return load_dataset(Path(data_dir), Path(seeds_dir))


def dataset() -> Dataset:
    """The checked dataset, loaded once per change of the files; a broken file stops the page with one
    message."""
    data_dir, seeds_dir = paths.data_dir(), paths.seeds_dir()
    try:
        stamp = _stamp(data_dir) + _stamp(seeds_dir) if data_dir.is_dir() else ()
        return _load(str(data_dir), str(seeds_dir), stamp)
    except DataError as exc:
        lang = current_lang()
        st.error(
            f"**{t('data_error', lang)}**\n\n`{exc.file}` · "
            + (f"row {exc.row} · " if exc.row else "")
            + (f"column `{exc.column}` · " if exc.column else "")
            + f"{escape_md(exc.problem)}\n\n{t('data_error_hint', lang)}",
            icon="⚠️",
        )
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=128)
def _memo(name: str, stamp: int, args: tuple, _fn, _data):
    return _fn(_data, *args)


def memo(fn, data: Dataset, *args):
    """`fn(data, *args)`, computed once per dataset and arguments; the result is shared, so read it,
    never
    change it."""
    return _memo(f"{fn.__module__}.{fn.__qualname__}", id(data), args, fn, data)


def start() -> tuple[str, Dataset]:
    """Every page begins here: make sure the entry point ran, then the language and the checked
    dataset."""
    leave_legacy_pages_mode()
    return current_lang(), dataset()


def leave_legacy_pages_mode() -> None:
    """Until some session has called st.navigation, Streamlit treats a folder named pages/ as a legacy
    multipage
    app: a deep link runs the page alone (no navigation, no language switch) and the entry script runs
    as one
    of
    its pages (so its widgets lose their state on the next run). Switch that mode off for the process
    and
    rerun
    once, so that every run goes through dashboard.py and st.navigation."""
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


def not_found(pages: list[tuple], lang: str) -> None:
    """Our page for an address that names no page: says so in the reader's language and links to every
    page."""
    st.title(t("page_not_found", lang))
    st.write(t("page_not_found_body", lang))
    for path, key, _, icon in pages:
        st.page_link(path, label=t(key, lang), icon=icon, query_params={state.LANG: lang})


def current_lang() -> str:
    lang = st.session_state.get(state.LANG_STORE)
    return lang if lang in state.LANGS else state.LANG_PARAM.read(query())


def language_switch(label: str, format_func) -> str:
    """The sidebar's language switch: restored from the URL or the session, remembered across pages."""
    if st.session_state.get(state.LANG) not in state.LANGS:
        st.session_state[state.LANG] = current_lang()
    lang = (
        st.sidebar.segmented_control(label, state.LANGS, key=state.LANG, format_func=format_func)
        or current_lang()
    )
    st.session_state[state.LANG_STORE] = lang
    sync([state.LANG_PARAM])
    return lang


def query() -> dict:
    """The URL's parameters, each key with all its values (a repeated key keeps them all)."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def init(params: list[state.Param]) -> None:
    """Seed each widget's state from the URL (valid values only) the first time the page shows it; after
    that,
    set it again by value before the widget is drawn. A choice widget's value travels between browser
    and
    server
    as its label, and labels change with the language: unpinned, a switch would turn the chosen value
    into the
    other language's label (an unknown option, and junk in the URL)."""
    raw = query()
    for p in params:
        st.session_state[p.key] = (
            p.valid(st.session_state[p.key]) if p.key in st.session_state else p.read(raw)
        )


def sync(params: list[state.Param]) -> None:
    """Write the widgets' values back to the URL, leaving defaults out, so a copied link restores the
    view."""
    values = {p.key: st.session_state.get(p.key, p.default) for p in params}
    want = state.query_for(params, values)
    for p in params:
        if p.key in want:
            if st.query_params.get_all(p.key) != [want[p.key]]:
                st.query_params[p.key] = want[p.key]
        elif p.key in st.query_params:
            del st.query_params[p.key]


def chart(fig, *, key: str, alt: str, filename: str, select=False, maddison: bool = False):
    """A Plotly chart as it will be exported (our template, not Streamlit's), with alt text, slide-size
    PNG
    from
    the modebar, and server-rendered PNG/SVG downloads that carry the citation and the view's link."""
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
    image_downloads(fig, filename, key, maddison)
    return event


def view_url() -> str:
    """The link that reopens this view: the page's address and every non-default parameter."""
    base = st.context.url or ""
    qs = urlencode({k: ",".join(v) if isinstance(v, list) else v for k, v in query().items()})
    return base + (f"?{qs}" if qs else "")


def cite(maddison: bool = False) -> str:
    lang = current_lang()
    data = dataset()
    titles = [f"{a} 「{b}」" for a, b in zip(data.sources.author_ko, data.sources.title_ko)]
    return publish.citation(lang, titles, view_url(), maddison=maddison)


def image_downloads(fig, filename: str, key: str, maddison: bool = False) -> None:
    """PNG (slide, 2×), PNG (square) and SVG of the chart, rendered only when clicked, each with its
    citation."""
    lang = current_lang()
    with st.popover(t("download", lang), icon=":material/download:"):
        if not images.browser_path():
            st.warning(t("no_browser", lang))
            return
        line = cite(maddison)
        formats = (
            ("png_slide", "png", images.SLIDE, 2, "png"),
            ("png_square", "png", images.SQUARE, 2, "png"),
            ("svg", "svg", images.SLIDE, 1, "svg"),
        )
        for label, fmt, size, scale, ext in formats:
            st.download_button(
                t(label, lang),
                data=lambda f=fmt, sz=size, sc=scale: images.render(
                    images.with_citation(fig, line), f, sz, sc
                ),
                file_name=f"{filename}_{label}.{ext}",
                mime="image/svg+xml" if fmt == "svg" else "image/png",
                key=f"{key}_{label}",
                on_click="ignore",
                width="stretch",
            )
        st.caption(t("image_note", lang))


def headline(title: str, values: list[dict]) -> None:
    """A headline card's title and values as HTML of our own (st.metric cuts a long value with an
    ellipsis): every value in full, large, wrapping if it must, with its unit and what it measures. Text
    from the data is escaped."""
    rows = "".join(
        '<div style="margin:0.15rem 0 0.35rem 0">'
        f'<span style="font-size:1.9rem;font-weight:600;line-height:1.15;overflow-wrap:anywhere">'
        f"{html.escape(v['value'])}</span>"
        + (f' <span style="font-size:1rem">{html.escape(v["unit"])}</span>' if v["unit"] else "")
        + f'<div style="font-size:0.95rem;opacity:0.85">{html.escape(v["what"])}</div></div>'
        for v in values
    )
    st.markdown(f"**{escape_md(title)}**")
    st.markdown(rows, unsafe_allow_html=True)


def small_chart(fig, *, key: str, alt: str) -> None:
    """A card's small chart: hover keeps the sentences, no toolbar over so small a plot."""
    st.plotly_chart(
        fig, theme=None, width="stretch", key=key, config={**CHART_CONFIG, "displayModeBar": False}, alt=alt
    )


def citation(text: str) -> None:
    """A citation, small, marked up as one (<cite>): it stays in its own language and script."""
    st.caption(f"<cite style='font-style:normal'>{html.escape(text)}</cite>", unsafe_allow_html=True)


def source_names(data: Dataset, lang: str) -> dict:
    return dict(zip(data.sources.source_id, data.sources[f"short_{lang}"]))


def quote_block(quote: str, source: str) -> None:
    """A verbatim quote, shown as text (never as HTML), with its source."""
    st.markdown(f"> {escape_md(quote)}\n>\n> — {escape_md(source)}")


escape_md = fmt.literal  # text from the data, shown literally in Markdown


def telling(row: dict, notes, lang: str, source: str) -> None:
    """One text's telling of an event: its date as written and in New Style, its sentence, and any note
    on
    it."""
    st.markdown(f"**{escape_md(row[f'title_{lang}'])}** · {escape_md(source)}")
    cal = {"julian": t("old_style", lang), "gregorian": t("new_style", lang)}.get(
        row["calendar"], t("calendar_unspecified", lang)
    )
    if row["calendar_basis"] in ("stated", "convention"):
        cal += " — " + t(f"basis_{row['calendar_basis']}", lang)
    span = (
        row["start_gregorian"]
        if row["start_gregorian"] == row["end_gregorian"]
        else f"{row['start_gregorian']} – {row['end_gregorian']}"
    )
    st.caption(
        f"{t('date_as_written', lang)}: {escape_md(row['date_text'])} ({cal}) · "
        f"{t('new_style', lang)}: {span}"
    )
    quote_block(row["quote"], source)
    # the data's `notes` are English; a Korean reader gets `notes_ko` once the data has it, else nothing
    note = row.get(f"notes_{lang}") if f"notes_{lang}" in row else row.get("notes") if lang == "en" else None
    if isinstance(note, str) and note:
        st.caption(escape_md(note))
    for note in notes[notes.target_id == row["event_id"]].to_dict("records"):
        st.warning(
            f"**{t('source_note', lang)}** — {escape_md(note[f'issue_{lang}'])}\n\n"
            f"{t('basis', lang)}: {escape_md(note[f'basis_{lang}'])}",
            icon="📝",
        )
