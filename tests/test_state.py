"""URL parameters: valid values restore a view, anything else falls back to the default and never raises."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revolution import state
from revolution.data import calendar
from revolution.data.paths import ROOT

CATS = ["war", "economy", "revolution"]
PARAMS = [
    state.Param(state.YEAR_FROM, state.year(1682, 2017), 1682),
    state.Param(state.CATEGORIES, state.choices(CATS), []),
    state.Param(state.SEARCH, state.text, ""),
    state.Param(state.CALENDAR, state.choice(calendar.MODES), "written"),
    state.Param(state.REFERENCES, state.flag, True),
]


def read(query):
    return {p.key: p.read(query) for p in PARAMS}


def test_valid_values_are_read():
    got = read({"from": ["1917"], "cat": ["war,economy"], "q": ["레닌"], "cal": ["new"], "ref": ["0"]})
    assert got == {"from": 1917, "cat": ["war", "economy"], "q": "레닌", "cal": "new", "ref": False}


def test_defaults_when_absent():
    assert read({}) == {"from": 1682, "cat": [], "q": "", "cal": "written", "ref": True}


def test_bad_values_fall_back_to_defaults():
    got = read(
        {
            "from": ["99999999999"],
            "cat": ["nope,<script>"],
            "q": ["\x00\x01"],
            "cal": ["julian"],
            "ref": ["maybe"],
        }
    )
    assert got == read({})


def test_out_of_range_year_falls_back():
    assert read({"from": ["1066"]})["from"] == 1682
    assert read({"from": ["-1917"]})["from"] == 1682


def test_unknown_items_are_dropped_and_known_ones_kept():
    assert read({"cat": ["war,unicorn,war"]})["cat"] == ["war"]


def test_a_repeated_key_counts_by_its_last_value():
    assert read({"cal": ["new", "written"]})["cal"] == "written"


def test_search_is_cut_not_rejected():
    assert len(read({"q": ["가" * 10_000]})["q"]) == state.MAX_TEXT


def test_defaults_stay_out_of_the_url():
    values = {"from": 1682, "cat": ["war"], "q": "", "cal": "new", "ref": True}
    assert state.query_for(PARAMS, values) == {"cat": "war", "cal": "new"}


def test_query_round_trip_restores_the_view():
    values = {"from": 1917, "cat": ["war", "economy"], "q": "Kronstadt", "cal": "new", "ref": False}
    query = {k: [v] for k, v in state.query_for(PARAMS, values).items()}
    assert read(query) == values


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["from", "cat", "q", "cal", "ref", "zzz", ""]),
        st.lists(st.text(max_size=60), max_size=3),
        max_size=6,
    )
)
def test_any_query_gives_a_valid_view(query):
    got = read(query)
    assert isinstance(got["from"], int) and 1682 <= got["from"] <= 2017
    assert set(got["cat"]) <= set(CATS)
    assert got["cal"] in calendar.MODES
    assert isinstance(got["ref"], bool)
    assert len(got["q"]) <= state.MAX_TEXT


def test_a_widget_value_is_kept_if_valid_and_reset_if_it_became_a_label():
    event = state.Param(state.EVENT, state.choice(["EH033", "EH034"]), "")
    cats = state.Param(state.CATEGORIES, state.choices(["war", "revolution"]), [])
    assert event.checked("EH033") == "EH033" and event.checked("") == ""
    assert event.checked("10월 혁명 (1917년 10월 25일)") == ""  # the other language's label
    assert cats.checked(["war"]) == ["war"] and cats.checked([]) == []
    assert cats.checked(["전쟁"]) == []


def test_the_url_keys_are_the_listed_parameters_and_no_session_key():
    assert state.URL_KEYS == tuple(dict.fromkeys(p.key for p in state.URL_PARAMS))
    assert len(state.URL_KEYS) > 10
    session_only = {state.YEARS, state.PRESET, state.DECK_NONE, state.LANG_STORE, state.DECK_STORE}
    assert session_only & set(state.URL_KEYS) == set()
    assert [k for k in state.URL_KEYS if k.startswith("_")] == []


def test_each_page_reads_a_parameter_one_way():
    import sitemap

    known = {p.url_path for p in sitemap.PAGES} | {"*"}
    pairs = [(p.key, page) for p in state.URL_PARAMS for page in p.pages]
    assert len(pairs) == len(set(pairs))
    assert {page for _, page in pairs} <= known
    assert {p.reader for p in state.URL_PARAMS} <= set(state.READERS) | {"deck"}


def test_a_parameter_is_read_as_its_page_lists_it():
    figures = state.url_param(state.GROUP, "figures").param(["all", "a", "b"])
    explorer = state.url_param(state.GROUP, "explorer").param(["a", "b"])
    assert figures.read({"group": ["a,b"]}) == "all" and figures.read({"group": ["b"]}) == "b"
    assert explorer.read({"group": ["a,b"]}) == ["a", "b"]
    read = state.url_param(state.SOURCES, "read")
    assert read.param(["x", "y"], "x").read({"src": ["y"]}) == "y"
    with pytest.raises(ValueError):
        read.param(["x", "y"])  # its default comes from the data: the page must give it
    with pytest.raises(KeyError):
        state.url_param(state.GROUP)  # two readings: the page decides which


def test_every_parameter_a_page_binds_is_listed_for_that_page():
    """What pages/*.py pass to ui.bind, ui.bind_range, ui.url_value and ui.set_url_value is a parameter
    URL_PARAMS lists for that page: read here from the pages' code, before any page runs."""
    import ast

    import sitemap

    bound = []
    for page in sitemap.PAGES:
        tree = ast.parse((ROOT / page.file).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            call = node.func.attr
            args = node.args[1:2] if call in ("bind", "bind_range") else node.args[:1]
            if call == "bind_range":
                args = node.args[2].elts
            if call in ("bind", "bind_range", "url_value", "set_url_value"):
                # a page may hand over a tuple named beforehand (`event_param`): its first item is the key
                keys = [a for a in args if isinstance(a, ast.Attribute) and a.value.id == "state"]
                bound += [(page.url_path, getattr(state, k.attr)) for k in keys]
    assert len(bound) > 20
    for url_path, key in bound:
        state.url_param(key, url_path)  # raises if the page's reading is not listed
