"""Shared fixtures: the shipped dataset, and copies of data/ that a test may break."""

import os
import shutil

import pytest

from revolution.data.load import load_dataset
from revolution.data.paths import ROOT

# The tests' servers start without serve.py's warming (every page in both languages, 4–7 s for each of a dozen
# servers): a test's first visit computes what it shows instead. The classroom tests' server warms, since
# warming is what they test (tests/test_classroom.py).
os.environ.setdefault("DASHBOARD_WARM", "0")

DATA = ROOT / "data"
SEEDS = ROOT / "seeds"

# The quick loop (`./dev test --quick`, or `pytest -m "not heavy"`): every test that needs no browser (nor
# Chromium behind an image export), no LibreOffice, no validator of ours in .tools/ and no server. A test is
# heavy if it is marked `browser`, uses a fixture that starts Chromium or a server, or stands in a module
# below (each named for what it starts).
HEAVY_FIXTURES = {"server", "context", "browser"}
HEAVY_MODULES = {
    "test_classroom.py": "servers with warming, eight first sessions",
    "test_deploy.py": "nginx and two replicas",
    "test_formats.py": "LibreOffice, TimelineJS in Chromium, cffconvert, frictionless",
    "test_images.py": "Chromium through kaleido",
    "test_url_fuzz.py": "500 AppTest runs (67 s alone); its parsers are in test_state.py",
}
# Tests elsewhere that start Chromium behind an image export (kaleido), or take long alone. A quick run fails
# any test not listed here that starts Chromium all the same (`quick_has_no_browser` below), so the list
# cannot go stale unseen.
HEAVY_TESTS = {  # module: its tests that start Chromium for a PNG, SVG, PPTX or lesson bundle (or take long)
    # the map naming every place for every window: 46 s alone
    "test_map.py": {"test_every_place_is_named_or_numbered_on_the_map_for_every_window_the_page_offers"},
    "test_pages.py": {"test_presentation_mode_steps_through_the_deck_and_keeps_the_position_in_the_url"},
    "test_placeholders.py": {"test_no_export_carries_a_placeholder"},
    "test_publish.py": {
        "test_deck_opens_with_title_chart_and_sources_slides_and_quotes_in_notes",
        "test_a_slide_has_a_qr_code_only_for_a_public_link",
    },
    "test_slides_export.py": {
        "test_a_chart_that_may_split_is_told_without_laying_it_out_and_downloads_as_a_zip",
        "test_deck_text_lies_inside_the_slide_and_captions_take_one_line",
        "test_deck_titles_notes_sources_and_fonts",
        "test_no_qr_code_without_a_public_address_and_no_operator_message_in_the_deck",
        "test_qr_code_encodes_the_public_address_when_set",
        "test_lesson_bundle_holds_everything_offline",
        "test_the_decks_korean_text_is_set_as_written_no_space_before_punctuation",
        "test_presentation_and_the_pptx_cut_a_timeline_into_the_same_pages",
    },
    "test_sources.py": {"test_every_texts_bars_are_drawn_in_its_colour"},
    "test_texts.py": {"test_the_deck_and_the_lesson_bundle_are_built"},
}


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DATA, SEEDS)


@pytest.fixture
def data_copy(tmp_path):
    """A throwaway copy of data/ to break; data/ itself is never touched."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    """A headless Debian Chromium with a fresh profile, shared by the browser tests of one module."""
    from playwright.sync_api import sync_playwright

    from harness.browser import launch

    with sync_playwright() as p:
        ctx = launch(p, tmp_path_factory.mktemp("chromium-profile"))
        yield ctx
        ctx.close()


# One Streamlit server for every browser test of the session that needs no settings of its own (a module
# with its own data or warming defines its own `server`): a server's start and each page's first, cold visit
# are paid once, not once a module. Each test opens its own pages, so each is a new session on it.
# DASHBOARD_URL: a dashboard already running instead, e.g. behind nginx (deploy/replicas.py).
@pytest.fixture(scope="session")
def server(tmp_path_factory):
    if os.environ.get("DASHBOARD_URL"):
        yield os.environ["DASHBOARD_URL"].rstrip("/")
        return
    from harness.browser import streamlit_server

    with streamlit_server(log=tmp_path_factory.mktemp("server") / "streamlit.log") as base:
        yield base


# A Chromium for one module's browser tests.


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from harness.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if (
            item.get_closest_marker("browser")
            or HEAVY_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.path.name in HEAVY_MODULES
            or getattr(item, "originalname", item.name) in HEAVY_TESTS.get(item.path.name, ())
        ):
            item.add_marker(pytest.mark.heavy)


@pytest.fixture(autouse=True)
def quick_has_no_browser(request, monkeypatch):
    """In the quick loop, a test that starts Chromium for an image export fails and says where to list it."""
    if "not heavy" not in (request.config.getoption("markexpr") or ""):
        return

    def refuse():
        where = request.node.nodeid
        raise AssertionError(f"{where} starts Chromium: list it in tests/conftest.py HEAVY_TESTS")

    from revolution.exports import images

    monkeypatch.setattr(images, "_ensure_server", refuse)
