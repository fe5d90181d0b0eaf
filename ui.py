"""Streamlit glue shared by the pages: cached data, language, URL-bound state, and charts with their
sources."""

from __future__ import annotations

from html import escape as escape_html
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
    return publish.citation(lang, titles, public_link(), maddison=maddison)


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
                data=lambda f=fmt, sz=size, sc=scale: images.download(fig, line, f, sz, sc),
                file_name=f"{filename}_{label}.{ext}",
                mime="image/svg+xml" if fmt == "svg" else "image/png",
                key=f"{key}_{label}",
                on_click="ignore",
                width="stretch",
            )
        st.caption(t("image_note", lang))


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
    if isinstance(row.get("notes"), str) and row["notes"]:
        st.caption(escape_md(row["notes"]))
    for note in notes[notes.target_id == row["event_id"]].to_dict("records"):
        st.warning(
            f"**{t('source_note', lang)}** — {escape_md(note[f'issue_{lang}'])}\n\n"
            f"{t('basis', lang)}: {escape_md(note[f'basis_{lang}'])}",
            icon="📝",
        )


def deck_state(parse, default: list[str]) -> list[str]:
    """The deck for the Slides page: a deck arriving in the URL (a link that added a chart to the current
    deck) wins; otherwise the one kept in the session across pages; otherwise the default."""
    raw = ",".join(st.query_params.get_all(state.DECK))
    if raw and raw != st.session_state.get(state.DECK_SEEN):
        st.session_state[state.DECK] = parse(raw) or default
    elif state.DECK not in st.session_state:
        st.session_state[state.DECK] = st.session_state.get(state.DECK_STORE) or default
    st.session_state[state.DECK_SEEN] = raw
    return st.session_state[state.DECK]


def keep_deck(deck: list[str]) -> None:
    """Remember the deck across pages and note the URL value written for it (after `sync`)."""
    st.session_state[state.DECK_STORE] = list(deck)
    st.session_state[state.DECK_SEEN] = ",".join(st.query_params.get_all(state.DECK))


def add_to_slides(key: str, label: str, default: list[str]) -> None:
    """A link to the Slides page whose deck is the current one with `key` added at the end."""
    from revolution import slides

    deck = slides.add(st.session_state.get(state.DECK_STORE) or default, key)
    st.page_link(
        "pages/slides.py",
        label=label,
        icon=":material/slideshow:",
        query_params={state.DECK: ",".join(deck), state.LANG: current_lang()},
    )


def public_link() -> str:
    """This view's link on the public address, or "" when none is configured (never a local address)."""
    from revolution import paths

    base = paths.public_url()
    if not base:
        return ""
    page = (st.context.url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    qs = urlencode({k: ",".join(v) if isinstance(v, list) else v for k, v in query().items()})
    return f"{base}/{page}" + (f"?{qs}" if qs else "")


def presentation(shown: list, position: int, lang: str) -> None:
    """One slide at a time, sized to fit a 1280×720 screen (and so any larger 16:9 one) with its title and
    the navigation, no sidebar or header; ← → and PageUp/PageDown (what presentation clickers send) press
    the back and next buttons."""
    from revolution import slide_layout, slides

    st.html(
        "<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],"
        "[data-testid='stHeader'],[data-testid='stToolbar']{display:none}"
        "[data-testid='stMainBlockContainer']{padding:0.5rem 1.5rem 0 1.5rem;max-width:100%}"
        # the caption keeps to one line, cut with an ellipsis (the whole line is in the deck's notes)
        ".present-caption{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:1rem;"
        "color:#3d444d;margin:0}"
        # nothing under the buttons (the app's footer would push the page past the screen's bottom)
        "div:has(> .st-key-present_nav) ~ div, .st-key-present_nav ~ div{display:none !important}</style>"
    )
    item, fig, title = shown[position - 1]
    laid = slide_layout.fit(fig, slides.PRESENT_SIZE, kind=slides.PRESENT_TYPE)
    laid.update_layout(width=None, autosize=True)
    st.plotly_chart(laid, theme=None, width="stretch", key="present_chart", config=CHART_CONFIG)
    st.html(f"<p class='present-caption' title='{escape_html(item.caption)}'>{escape_html(item.caption)}</p>")
    st.html(
        _KEYS_JS.replace("PREV", t("prev", lang)).replace("NEXT", t("next", lang)),
        unsafe_allow_javascript=True,
    )
    back, where, ahead = st.container(key="present_nav").columns([1, 2, 1])
    back.button(
        t("prev", lang), on_click=_step, args=(-1, len(shown)), disabled=position <= 1, width="stretch"
    )
    where.markdown(
        "<div style='text-align:center;font-size:1.3rem'>"
        f"{t('slide_n', lang, n=position, total=len(shown))}</div>",
        unsafe_allow_html=True,
        help=t("keys_hint", lang),
    )
    ahead.button(
        t("next", lang),
        on_click=_step,
        args=(1, len(shown)),
        disabled=position >= len(shown),
        width="stretch",
    )


def _step(delta: int, total: int) -> None:
    st.session_state[state.SLIDE] = min(max(1, st.session_state[state.SLIDE] + delta), max(1, total))


# Installed once per page (a flag on window): a key press clicks the button with that label.
_KEYS_JS = """<script>
(() => {
  const w = window.parent || window;
  if (w.__slideKeys) return;
  w.__slideKeys = true;
  w.document.addEventListener('keydown', (e) => {
    if (e.target && ['INPUT', 'TEXTAREA'].includes(e.target.tagName)) return;
    const label = {ArrowRight: 'NEXT', PageDown: 'NEXT', ArrowLeft: 'PREV', PageUp: 'PREV'}[e.key];
    if (!label) return;
    const button = [...w.document.querySelectorAll('button')].find((b) => b.innerText.trim() === label);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
})();
</script>"""


def deck_downloads(items: list, n_slides: int, data, lang: str) -> None:
    """The PPTX and the offline lesson bundle, each built when its button is clicked (one click)."""
    from revolution import slides

    citations = {False: cite(False), True: cite(True)}
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
        data=lambda: slides.lesson_bytes(items, lang, data.sources, citations, link),
        file_name=f"russian_revolution_lesson_{lang}.zip",
        mime="application/zip",
        icon=":material/folder_zip:",
        on_click="ignore",
        width="stretch",
    )
