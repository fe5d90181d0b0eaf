"""Start the dashboard's server with the app's modules imported and its default links computed first, in
this one thread, before any session.

`streamlit run dashboard.py` imports them in the first sessions' threads: when several browsers open a fresh
server at once, those threads import pandas, numpy and plotly at the same moment, and Python's import deadlock
avoidance can hand one of them a half-initialised module (an error on that user's page). Then `warm()` runs
every page at its default address in both languages, so that what a shared link computes (the dataset, the
page's figures and panels) is in the caches before the server answers its first request: a class opening one
link at once finds them there instead of computing them thirty times. `DASHBOARD_WARM=0` skips it. Arguments
after the script's name go to Streamlit: `python serve.py --server.port 8600`.
"""

import logging
import os
import sys
import time

import sitemap
import ui  # noqa: F401  (pandas, numpy, plotly, pyarrow and the revolution package, imported here)
from revolution.data.paths import ROOT

LANGS = ("ko", "en")  # Korean is the default; `?lang=en` is what an English page's link carries


def default_links() -> list[tuple[str, dict]]:
    """Every page at its default address, in each language: (page file, URL parameters)."""
    return [(p.file, {} if lang == "ko" else {"lang": lang}) for lang in LANGS for p in sitemap.PAGES]


def warm() -> list[str]:
    """Run each default link once, headless, with Streamlit's own script runner (AppTest), in this process:
    its st.cache_data and st.cache_resource entries are the ones every session then reads. It runs the pages'
    own code, so what is warmed cannot drift from what the pages compute (tests/test_classroom.py proves that
    a first student misses no cache). Returns the problems, if any: a page that fails here is left cold,
    and the server starts anyway (the page shows its own error to its users)."""
    from streamlit.testing.v1 import AppTest

    problems = []
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "missing ScriptRunContext", once per run, is noise here
    try:
        for page, params in default_links():
            try:
                at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
                at.query_params.update(params)
                at.run()  # the entry script, then the page (AppTest's way into a page)
                if not at.exception:
                    at.switch_page(page)
                    at.query_params.update(params)
                    at.run()
                if at.exception:
                    problems.append(f"{page} {params}: {at.exception[0].value}")
            except Exception as exc:  # a page left cold is slower, not broken: never stop the server for it
                problems.append(f"{page} {params}: {exc.__class__.__name__}: {exc}")
    finally:
        quiet.setLevel(level)
    return problems


if __name__ == "__main__":
    from streamlit.web import cli

    if os.environ.get("DASHBOARD_WARM", "1") != "0":
        start = time.perf_counter()
        problems = warm()
        print(
            f"serve.py: {len(default_links())} default links computed in {time.perf_counter() - start:.1f} s"
            + "".join(f"\n  not warmed: {p}" for p in problems),
            file=sys.stderr,
            flush=True,
        )
    sys.argv = ["streamlit", "run", "dashboard.py", *sys.argv[1:]]
    sys.exit(cli.main())
