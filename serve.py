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
from disk for every request, through all of its middleware. `static_front()` answers them before any of it,
from memory, gzip-compressed (2.9 MB), each read and compressed once, at start: on one server, a class of cold
browsers is bounded by those requests and the CPU that moves them (docs/deployment.md). Behind nginx none of
this runs: nginx serves the same files itself.
"""

import gzip
import hashlib
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


class StaticFront:
    """The server's ASGI app (`inner`) with the front end's hashed files, everything under static/, answered
    from memory before any of Streamlit's middleware: the file as it is, or gzip-compressed (text files over
    a packet) to a client that accepts gzip, with an ETag and a cache lifetime of `max_age`. Only a path that
    names one of those files, exactly, is answered here; everything else (the page itself, which is not
    cached, a range, another method, a path not in the folder) goes to `inner` unchanged, security checks
    included. A cold browser asks for about 130 of these files: through Streamlit's middleware and its file
    handler, from disk in a worker thread, each took more of the event loop than the student's whole run."""

    def __init__(self, inner, folder: str, max_age: int):
        self.inner = inner
        self.cache_control = f"public, immutable, max-age={max_age}".encode()
        # "/static/js/index.abc.js" -> its path on disk, and whether it is worth compressing
        self.files: dict[str, tuple[str, bool]] = {}
        for where, _, names in os.walk(os.path.join(folder, "static")):
            for name in names:
                full = os.path.join(where, name)
                packable = (
                    os.path.splitext(name)[1] in PACKED_SUFFIXES and os.path.getsize(full) > PACKED_MIN_BYTES
                )
                self.files["/" + os.path.relpath(full, folder).replace(os.sep, "/")] = full, packable
        self.packed: dict[tuple[str, bool], tuple[bytes, bytes]] = {}  # (path, gzip) -> (body, etag)
        self.lock = threading.Lock()

    def body(self, path: str, zipped: bool) -> tuple[bytes, bytes]:
        """The file's bytes (gzip-compressed if `zipped`) and their ETag, read and compressed once."""
        with self.lock:  # thirty students asking at once compress the bundle once
            if (path, zipped) not in self.packed:
                with open(self.files[path][0], "rb") as fh:
                    raw = fh.read()
                body = gzip.compress(raw, compresslevel=6, mtime=0) if zipped else raw
                tag = hashlib.sha1(body).hexdigest()[:20]
                self.packed[path, zipped] = body, f'"{tag}{"-gz" if zipped else ""}"'.encode()
            return self.packed[path, zipped]

    def pack_all(self) -> None:
        """Read (and compress) every file now, before the first student asks."""
        for path in self.files:
            self.body(path, False)
            if self.files[path][1]:
                self.body(path, True)

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or path not in self.files:
            await self.inner(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        if b"range" in headers:
            await self.inner(scope, receive, send)
            return
        zipped = self.files[path][1] and b"gzip" in headers.get(b"accept-encoding", b"")
        key = (path, zipped)
        if key in self.packed:
            body, tag = self.packed[key]
        else:
            from anyio import to_thread

            body, tag = await to_thread.run_sync(self.body, path, zipped)
        kind = (mimetypes.guess_type(path)[0] or "application/octet-stream").encode()
        out = [
            (b"content-type", kind),
            (b"cache-control", self.cache_control),
            (b"etag", tag),
            (b"vary", b"Accept-Encoding"),
        ]
        if headers.get(b"if-none-match") == tag:
            await send({"type": "http.response.start", "status": 304, "headers": out})
            await send({"type": "http.response.body", "body": b""})
            return
        if zipped:
            out.append((b"content-encoding", b"gzip"))
        out.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def static_front(pack_now: bool) -> None:
    """Put StaticFront in front of the app Streamlit's server is about to build (and, `pack_now`, read and
    compress the files before it starts)."""
    from streamlit import file_util
    from streamlit.web.server.starlette import starlette_server as server
    from streamlit.web.server.starlette import starlette_static_routes as routes

    make = server.create_starlette_app
    # the folder Streamlit serves at "/" (its static/ holds the hashed files); with a server.baseUrlPath the
    # paths carry a prefix, name none of these, and go to Streamlit as before
    front = StaticFront(None, file_util.get_static_dir(), routes.STATIC_ASSET_CACHE_MAX_AGE_SECONDS)
    if pack_now:
        front.pack_all()

    def wrapped(runtime):
        front.inner = make(runtime)
        return front

    server.create_starlette_app = wrapped


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
    static_front(pack_now=os.environ.get("DASHBOARD_WARM", "1") != "0")
    sys.argv = ["streamlit", "run", "dashboard.py", *sys.argv[1:]]
    sys.exit(cli.main())
