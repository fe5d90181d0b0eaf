"""A teacher's text added with ./dev add-text, seen in Chromium: the timeline draws its events beside ours."""

import shutil

import pytest

from harness import third_text
from harness.browser import streamlit_server, wait_for_app
from revolution.data import paths
from revolution.data.load import load_dataset

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return third_text.build(tmp_path_factory.mktemp("three"))


@pytest.fixture(scope="module")
def server(three):
    data_dir, seeds_dir = three
    env = {paths.DATA_ENV: str(data_dir), paths.SEEDS_ENV: str(seeds_dir)}
    with streamlit_server(env=env) as base:
        yield base


def test_the_timeline_of_1917_draws_the_third_texts_events(server, context, three):
    data = load_dataset(*three)
    mine = data.events[(data.events.source_id == "textbook") & data.events.start.str.startswith("1917")]
    titles = dict(zip(data.event_keys.event_key, data.event_keys.title_ko))
    only_mine = set(mine.event_key) - set(data.events[data.events.source_id != "textbook"].event_key)
    assert only_mine, "the synthetic text tells 1917 events of its own"
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 720})
    try:
        page.goto(f"{server}/timeline?from=1917&to=1917&lang=ko")
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        drawn = " ".join(page.locator(".js-plotly-plot svg.main-svg text").all_text_contents())
        shown = [titles[k] for k in only_mine if titles[k][:12] in drawn]
        assert shown, (sorted(titles[k] for k in only_mine), drawn[:500])
        # the footer names all three texts
        footer = page.get_by_text("합성 교과서").count()
        assert footer >= 1
    finally:
        page.close()
