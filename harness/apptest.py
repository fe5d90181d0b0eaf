"""Running the dashboard's pages headless with Streamlit's AppTest, and reading what they drew."""

from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from .browser import ROOT

APP = str(ROOT / "dashboard.py")


def run(page: str | None = None, timeout: float = 120, **params) -> AppTest:
    """`page` (its file, e.g. 'pages/timeline.py'; None: the front page) opened with these URL parameters in
    a new session, as a shared link opens it: one run of the entry script on that page (no run of the front
    page first); fails on any exception the run raised. `timeout` only stops a run that hangs: a machine
    shared with other work takes several times an idle one's 1–16 s."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if page:
        at.switch_page(page)  # before any run, a page is known by its file's name (ours: its url_path too)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        ran = at._page_hash
        # now against the pages st.navigation offered: a page not offered (the review page outside editing
        # mode) raises ValueError here, as no click could reach it; one served under another name runs again
        if at.switch_page(page)._page_hash != ran:
            at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def decode(value):
    """Plotly specs in AppTest hold arrays base64-encoded: {'dtype': 'f8', 'bdata': ...}."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])).tolist()
    return value


def charts(at: AppTest) -> list[dict]:
    """The Plotly figures the run drew, as dicts."""
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]
