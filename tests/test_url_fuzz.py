"""URL fuzzing: hundreds of generated query strings through the real pages; no exception, defaults on junk."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

import sitemap
from harness.browser import ROOT
from revolution import state

KEYS = [*state.URL_KEYS, "zzz", "", "__proto__"]  # every parameter the app has, and junk names
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "1917",
            "-1",
            "99999999999999999999",
            "1e9",
            "NaN",
            "war,,war",
            "ko",
            "en",
            "new",
            "1",
            "0",
            "<script>alert(1)</script>",
            "‮rtl",
            "🚩",
            "a" * 5000,
            "figure:nope,timeline:1917",
            "FH010",
            "X001",
            "event,excluded,nope",
        ]
    ),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
QUERIES = st.dictionaries(st.sampled_from(KEYS), st.lists(VALUES, min_size=1, max_size=3), max_size=6)
PAGES = [p.file for p in sitemap.PAGES]


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(query=QUERIES, page=st.sampled_from(PAGES))
def test_no_query_string_breaks_a_page(query, page):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.switch_page(page)  # the link opens this page in a new session, as a shared link does: one run
    for key, values in query.items():
        at.query_params[key] = values if len(values) > 1 else values[0]
    at.run()
    assert not at.exception, (page, query, [e.value for e in at.exception])
    assert at.title or page.endswith("slides.py")  # the page drew something
    # every parameter the page read holds what the link gave, if valid, or else its default: never junk
    given = {k: v if len(v) > 1 else v[0] for k, v in query.items()}
    bound = at.session_state[state.BOUND] if state.BOUND in at.session_state else {}
    assert set(bound) <= set(state.URL_KEYS), (page, set(bound) - set(state.URL_KEYS))  # only listed ones
    for key, param in bound.items():
        if key in at.session_state and key != state.SLIDE:  # the slide shown is clamped to the deck's length
            assert at.session_state[key] == param.read(given), (page, key, given.get(key))
    if state.YEARS in at.session_state:
        lo, hi = bound[state.YEAR_FROM], bound[state.YEAR_TO]
        assert at.session_state[state.YEARS] == tuple(sorted((lo.read(given), hi.read(given))))
