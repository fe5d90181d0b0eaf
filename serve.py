"""Start the dashboard's server with the app's modules imported and its default links computed first, in
this one thread, before any session.

`streamlit run dashboard.py` imports them in the first sessions' threads: when several browsers open a fresh
server at once, those threads import pandas, numpy and plotly at the same moment, and Python's import deadlock
avoidance can hand one of them a half-initialised module (an error on that user's page). Then `warm()` runs
every page at its default address in both languages, so that what a shared link computes (the dataset, the
page's figures and panels) is in the caches before the server answers its first request: a class opening one
link at once finds them there instead of computing them thirty times. `DASHBOARD_WARM=0` skips it. Arguments
after the script's name go to Streamlit: `python serve.py --server.port 8600`.

Streamlit sends its front end's files (9.3 MB for a cold browser, 4.7 MB of it plotly.js) uncompressed, read
from disk for every request. `precompressed()` makes the server send each hashed file gzip-compressed from
memory instead (2.9 MB), compressed once, when first asked for: on one server, a class of cold browsers is
bounded by those bytes and the CPU that moves them (docs/deployment.md). Behind nginx none of this runs: nginx
serves the same files itself.
"""

import gzip
import logging
import mimetypes
import os
import sys
import threading
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


# Text files larger than a network packet are worth compressing (woff2 and images are compressed already).
PACKED_SUFFIXES = {".js", ".css", ".json", ".svg", ".ttf", ".txt", ".map", ".mjs"}
PACKED_MIN_BYTES = 1024


class Precompressed:
    """Streamlit's static file handler (`inner`), with its hashed files under static/ answered from memory,
    gzip-compressed, to every GET or HEAD that accepts gzip and asks for no range; everything else (the
    page itself, which is not cached, a range, a client without gzip, a missing file) goes to `inner`
    unchanged, security checks included."""

    def __init__(self, inner, max_age: int):
        self.inner = inner
        self.cache_control = f"public, immutable, max-age={max_age}"
        self.packed: dict[str, bytes] = {}
        self.lock = threading.Lock()

    def _pack(self, full: str) -> bytes:
        with self.lock:  # thirty students asking at once compress the bundle once
            if full not in self.packed:
                with open(full, "rb") as fh:
                    self.packed[full] = gzip.compress(fh.read(), compresslevel=6, mtime=0)
            return self.packed[full]

    def _packable(self, scope) -> str | None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return None
        headers = dict(scope.get("headers") or ())
        if b"range" in headers or b"gzip" not in headers.get(b"accept-encoding", b""):
            return None
        path = self.inner.get_path(scope)
        if not path.startswith("static" + os.sep) or os.path.splitext(path)[1] not in PACKED_SUFFIXES:
            return None
        full, stat = self.inner.lookup_path(path)  # None outside the static folder
        return full if stat is not None and stat.st_size > PACKED_MIN_BYTES else None

    async def __call__(self, scope, receive, send):
        from anyio import to_thread
        from starlette.responses import Response

        full = self._packable(scope)
        if full is None:
            await self.inner(scope, receive, send)
            return
        body = self.packed.get(full) or await to_thread.run_sync(self._pack, full)
        kind = mimetypes.guess_type(full)[0] or "application/octet-stream"
        headers = {
            "Content-Encoding": "gzip",
            "Vary": "Accept-Encoding",
            "Cache-Control": self.cache_control,
        }
        response = Response(body, media_type=kind, headers=headers)
        if scope["method"] == "HEAD":
            response.body = b""  # the length stays the compressed body's, as a GET would send it
        await response(scope, receive, send)


def precompressed() -> None:
    """Wrap the static file handler Streamlit's server is about to build (see Precompressed)."""
    from streamlit.web.server.starlette import starlette_static_routes as routes

    make = routes.create_streamlit_static_handler

    def wrapped(directory, base_url):
        return Precompressed(
            make(directory=directory, base_url=base_url), routes.STATIC_ASSET_CACHE_MAX_AGE_SECONDS
        )

    routes.create_streamlit_static_handler = wrapped


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
    precompressed()
    sys.argv = ["streamlit", "run", "dashboard.py", *sys.argv[1:]]
    sys.exit(cli.main())
