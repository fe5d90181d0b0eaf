"""Widgets and values bound to the URL, each read as state.URL_PARAMS lists it for the page shown."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from revolution import state
from revolution.data import filters, paths
from revolution.i18n import t


def query() -> dict:
    """The URL's parameters, each key with all its values (a repeated key keeps them all)."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


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
    st.session_state.setdefault(state.BOUND, {})[param.key] = param
    if param.key in raw and param.parsed(raw) is None:
        st.session_state.setdefault(state.DROPPED, set()).add(param.key)
    st.session_state[param.key] = value


def write(param: state.Param, value) -> None:
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


def _param(key: str, options, default) -> state.Param:
    """The Param that reads `key` on this page, as state.URL_PARAMS lists it: the page gives the data's
    options and, where the list says FROM_DATA, the default."""
    if callable(options):
        raise TypeError(f"{key}: pass the options, not a parser; state.URL_PARAMS says how it is read")
    page = st.session_state.get(state.PAGE_STORE, "")
    return state.url_param(key, page).param(options, default)


def bind(widget, key: str, options=None, default=state.FROM_DATA):
    """`widget` (e.g. `st.multiselect`, `col.selectbox`) bound to the URL parameter `key`, read as
    state.URL_PARAMS says: restored from the link, written back after every change, defaults left out.
    Call the result as you would the widget: `ui.bind(st.multiselect, state.SOURCES, ids)(label, ids,
    format_func=...)`."""
    param = _param(key, options, default)

    def draw(*args, **kwargs):
        _restore(param)
        value = widget(*args, key=key, **kwargs)
        write(param, st.session_state.get(key, value))
        return st.session_state.get(key, value)

    return draw


def bind_range(widget, key: str, keys: tuple[str, str], bounds: tuple[int, int], default: tuple):
    """A two-handled slider kept in two URL parameters (`from`, `to`): the slider's own state is the
    pair."""
    low, high = (_param(k, bounds, d) for k, d in zip(keys, default, strict=True))

    def draw(*args, **kwargs):
        if key not in st.session_state:
            _restore(low)
            _restore(high)
            pair = (st.session_state.pop(low.key), st.session_state.pop(high.key))
            st.session_state[key] = tuple(sorted(pair))
        value = tuple(widget(*args, key=key, **kwargs))
        write(low, value[0])
        write(high, value[1])
        return value

    return draw


def url_value(key: str, options=None, default=state.FROM_DATA):
    """A URL parameter that is not a widget (e.g. the slide shown): its valid value, or the default."""
    param = _param(key, options, default)
    _restore(param)
    return st.session_state[key]


def set_url_value(key: str, value, options=None, default=state.FROM_DATA) -> None:
    """A value that is no widget's, into the session and the URL."""
    st.session_state[key] = value
    write(_param(key, options, default), value)


def dropped_note(lang: str) -> None:
    """Once per session, a quiet note that some values of the link were not understood and defaults
    show."""
    dropped = st.session_state.get(state.DROPPED)
    if dropped and not st.session_state.get(state.SAID):
        st.session_state[state.SAID] = True
        st.toast(t("dropped_params", lang, keys=", ".join(sorted(dropped))), icon=":material/info:")


def public_link() -> str:
    """This view's link on the public address, or "" when none is configured (never a local address)."""
    base = paths.public_url()
    if not base:
        return ""
    page = (st.context.url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    qs = urlencode({k: ",".join(v) if isinstance(v, list) else v for k, v in query().items()})
    return f"{base}/{page}" + (f"?{qs}" if qs else "")


def typed_years(container, bounds: tuple[int, int], lang: str) -> None:
    """A box beside a year slider (the Timeline's, the map's) where years are typed as people write them
    ('1917-1921', '1917~21'): they set the slider, whose binding writes the link (a slider over 1100–2017
    gives a year a dot's width); a reading that fails says so."""
    lo, hi = bounds

    def use() -> None:
        typed = filters.typed_years(st.session_state.get(state.YEARS_TYPED, ""), lo, hi)
        if typed:
            st.session_state[state.YEARS] = typed
            st.session_state[state.YEARS_TYPED] = ""
        else:
            st.toast(t("years_typed_bad", lang), icon=":material/info:")

    container.text_input(t("years_typed", lang), key=state.YEARS_TYPED, on_change=use, max_chars=20)
