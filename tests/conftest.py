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


# A Streamlit server and a Chromium for one module's browser tests (a module may define its own instead).
@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from harness.browser import streamlit_server

    with streamlit_server(log=tmp_path_factory.mktemp("server") / "streamlit.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from harness.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
