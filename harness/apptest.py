"""Running the dashboard's pages headless with Streamlit's AppTest, and reading what they drew."""

from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from .browser import ROOT

APP = str(ROOT / "dashboard.py")


def run(page: str | None = None, timeout: float = 30, **params) -> AppTest:
    """The entry script, then `page` (its file, e.g. 'pages/timeline.py'), with these URL parameters; fails
    on any exception the run raised."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        for k, v in params.items():
            at.query_params[k] = v
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
