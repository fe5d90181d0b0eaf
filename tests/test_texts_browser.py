"""Three texts in Chromium (harness.synthetic.texts): the timeline names each text once in its legend, by
its own colour and mark, and the Two sources page offers the two texts to compare, the first two by
default."""

import shutil

import pytest

from harness import synthetic
from harness.browser import streamlit_server, wait_for_app
from revolution.data import paths, sources
from revolution.data.load import load_dataset

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]

# Each legend entry's name and the mark drawn beside it, as the browser drew them.
LEGEND = """() => [...document.querySelectorAll('.js-plotly-plot g.legend g.traces')].map(g => {
  const point = g.querySelector('path.scatterpts');
  return {name: g.querySelector('text.legendtext').textContent,
          fill: point ? getComputedStyle(point).fill : null,
          stroke: point ? getComputedStyle(point).stroke : null,
          d: point ? point.getAttribute('d') : null};
})"""


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    data_dir, seeds_dir = synthetic.texts(3, tmp_path_factory.mktemp("three_texts"))
    return data_dir, seeds_dir, load_dataset(data_dir, seeds_dir)


@pytest.fixture(scope="module")
def server(three):
    data_dir, seeds_dir, _ = three
    env = {paths.DATA_ENV: str(data_dir), paths.SEEDS_ENV: str(seeds_dir)}
    with streamlit_server(env=env) as base:
        yield base


def rgb(hex_colour):
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_the_timeline_names_three_texts_once_each_by_colour_and_mark(server, browser, three):
    _, _, data = three
    names = sources.names(data.sources, "ko")
    styles = sources.styles(data.sources)
    page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    try:
        page.goto(f"{server}/timeline?from=1917&to=1917&color=source&lang=ko")
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        entries = [e for e in page.evaluate(LEGEND) if e["name"] in names.values()]
        assert [e["name"] for e in entries] == list(names.values())  # once each, in the data's order
        for entry, source_id in zip(entries, names):
            style = styles[source_id]
            drawn = entry["stroke"] if style.open else entry["fill"]
            assert drawn == rgb(style.colour), entry
        assert len({e["d"] for e in entries}) == len(entries)  # three shapes
    finally:
        page.close()


def test_the_two_sources_page_offers_two_of_three_texts(server, browser, three):
    _, _, data = three
    names = list(sources.names(data.sources, "ko").values())
    page = browser.new_page(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    try:
        page.goto(f"{server}/sources?lang=ko")
        wait_for_app(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        # the first text and the second, by default the first two in the data's order
        chosen = [
            page.get_by_role("combobox", name=label).input_value() for label in ("첫째 텍스트", "둘째 텍스트")
        ]
        assert chosen == names[:2]
        assert page.get_by_role("heading", name="텍스트 비교").count() == 1
    finally:
        page.close()
