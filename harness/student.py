"""A protocol-level student: what Streamlit's front end does on a first visit to a link, without a browser.

GET the page (and, with a cold cache, the files a real Chromium load of the same link fetched), the health and
host-config probes the front end makes, the websocket with the XSRF cookie as its subprotocol, one
`rerun_script` for the page and its query, then every ForwardMsg until the run finishes. Thirty browsers are
too heavy for two cores; thirty of these are not. `record()` takes what it replays from one real Chromium
load, and `validate()` says where a student's messages differ from it. A wrong page (another page's name,
another title, Streamlit's exception box, our page-not-found) is an error, never a pass. Loopback only in
this project's use; every wait is bounded."""

from __future__ import annotations

import http.client
import queue
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

PARALLEL = 6  # connections a browser opens to one host over HTTP/1.1
DEADLINE = 120.0  # seconds a student waits for its page, at most
XSRF = "_streamlit_xsrf"


@dataclass(frozen=True)
class Link:
    """A shared link: the page's address (sitemap.Page.url_path, "" for the root) and its query."""

    page: str
    query: str = ""

    @property
    def path(self) -> str:
        return "/" + self.page + ("?" + self.query if self.query else "")

    @property
    def lang(self) -> str:
        return "en" if "lang=en" in self.query.split("&") else "ko"


@dataclass
class Files:
    """What a cold browser fetched for the link, as Chromium asked for it: the files before the websocket
    opened (the entry bundle and what it imports), the ones after (lazy chunks: Plotly, fonts)."""

    before: list[str]
    after: list[str]
    accept_encoding: str
    bytes: int = 0


@dataclass
class Visit:
    finished: float | None = None  # seconds from the first request to script_finished
    ready: float | None = None  # and every file fetched
    error: str | None = None
    elements: list[str] = field(default_factory=list)  # the final run's deltas, in order
    page: str | None = None  # the navigation's current page: (url_pathname, page_name)
    title: str | None = None
    statuses: Counter = field(default_factory=Counter)
    received: int = 0  # bytes of files and messages


def _kind(msg: ForwardMsg) -> str | None:
    if msg.WhichOneof("type") != "delta":
        return None
    delta = msg.delta
    which = delta.WhichOneof("type")
    if which == "new_element":
        return delta.new_element.WhichOneof("type")
    if which == "add_block":
        return "block." + (delta.add_block.WhichOneof("type") or "vertical")
    return which


class _Client:
    """HTTP/1.1 keep-alive connections to one host, with the cookies the server set."""

    def __init__(self, base: str, accept_encoding: str | None):
        self.host = urlsplit(base).netloc
        self.cookies: dict[str, str] = {}
        self.headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
        self.lock = threading.Lock()

    def get(self, conn: http.client.HTTPConnection, path: str, visit: Visit) -> int:
        headers = {**self.headers}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
        except (OSError, http.client.HTTPException):
            conn.close()  # a closed keep-alive connection: once more on a new one
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
        with self.lock:
            for name, value in resp.getheaders():
                if name.lower() == "set-cookie":
                    k, _, v = value.split(";", 1)[0].partition("=")
                    self.cookies[k.strip()] = v.strip()
            visit.statuses[resp.status] += 1
            visit.received += len(body)
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
        return resp.status

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, timeout=DEADLINE)

    def fetch_all(self, paths: list[str], visit: Visit) -> list[str]:
        """Every path over up to PARALLEL connections, as a browser would; the failures."""
        todo: queue.Queue = queue.Queue()
        for p in paths:
            todo.put(p)
        failed: list[str] = []

        def worker() -> None:
            conn = self.connection()
            try:
                while True:
                    try:
                        p = todo.get_nowait()
                    except queue.Empty:
                        return
                    try:
                        status = self.get(conn, p, visit)
                    except (OSError, http.client.HTTPException) as exc:
                        failed.append(f"{p}: {exc.__class__.__name__}")
                        continue
                    if status != 200:
                        failed.append(f"{p}: HTTP {status}")
            finally:
                conn.close()

        threads = [threading.Thread(target=worker, daemon=True) for _ in range(min(PARALLEL, len(paths)))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(DEADLINE)
        return failed


def rerun_message(link: Link, base: str) -> BackMsg:
    """What the front end sends first: run the page the address names, with its query (as Chromium sent it
    in harness validation: the page's name is its path without slashes)."""
    msg = BackMsg()
    rerun = msg.rerun_script
    rerun.query_string = link.query
    rerun.page_name = link.page
    info = rerun.context_info
    info.timezone, info.timezone_offset, info.locale = "UTC", 0, "ko-KR"
    info.url = base + "/" + link.page
    info.is_embedded, info.color_scheme = False, "light"
    rerun.widget_states.SetInParent()
    return msg


def visit(base: str, link: Link, files: Files | None = None, expect: dict | None = None) -> Visit:
    """One student opening `link` on the server at `base`: cold (`files` given: fetch them too) or with
    the files cached. `expect` (from `expected()`) names the page and title the run must show."""
    from websockets.sync.client import connect

    seen = Visit()
    start = time.perf_counter()
    client = _Client(base, files.accept_encoding if files else "gzip, deflate, br, zstd")
    conn = client.connection()
    lazy: threading.Thread | None = None
    lazy_failed: list[str] = []
    try:
        if (status := client.get(conn, link.path, seen)) != 200:
            raise RuntimeError(f"{link.path}: HTTP {status}")
        if files:
            if failed := client.fetch_all(files.before, seen):
                raise RuntimeError(f"{len(failed)} files failed, e.g. {failed[0]}")
        if link.page:  # the front end tries the page's path as a base first (404 there is expected)
            for probe in ("health", "host-config"):
                if (status := client.get(conn, f"/{link.page}/_stcore/{probe}", seen)) not in (200, 404):
                    raise RuntimeError(f"/{link.page}/_stcore/{probe}: HTTP {status}")
        for probe in ("health", "host-config"):
            if (status := client.get(conn, f"/_stcore/{probe}", seen)) != 200:
                raise RuntimeError(f"/_stcore/{probe}: HTTP {status}")
        conn.close()
        xsrf = client.cookies.get(XSRF)
        if not xsrf:
            raise RuntimeError("no XSRF cookie from /_stcore/health")
        if files and files.after:  # lazy chunks load while the page's messages arrive
            lazy = threading.Thread(
                target=lambda: lazy_failed.extend(client.fetch_all(files.after, seen)), daemon=True
            )
        ws_url = "ws://" + client.host + "/_stcore/stream"
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        with connect(
            ws_url,
            subprotocols=["streamlit", xsrf],
            additional_headers={"Cookie": cookie, "Origin": base},
            open_timeout=DEADLINE,
            close_timeout=2,
            max_size=None,
            compression=None,
        ) as ws:
            if lazy:
                lazy.start()
            ws.send(rerun_message(link, base).SerializeToString())
            _read_run(ws, seen, start)
        if lazy:
            lazy.join(max(1.0, DEADLINE - (time.perf_counter() - start)))
            if lazy.is_alive() or lazy_failed:
                raise RuntimeError(f"lazy files: {lazy_failed[:1] or 'not done in time'}")
        seen.ready = time.perf_counter() - start
        if expect:
            _check(seen, expect)
    except Exception as exc:  # a student reports what went wrong; the wave counts it
        seen.error = seen.error or f"{exc.__class__.__name__}: {str(exc)[:160]}"
    finally:
        conn.close()
    return seen


def _read_run(ws, seen: Visit, start: float) -> None:
    deadline = start + DEADLINE
    nav = None
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError("no script_finished within the deadline")
        raw = ws.recv(timeout=left)
        seen.received += len(raw)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        which = msg.WhichOneof("type")
        if which == "new_session":  # a rerun starts the page over: keep only the last run's elements
            seen.elements, nav = [], None
        elif which == "page_config_changed":
            seen.title = msg.page_config_changed.title
        elif which == "navigation":
            nav = msg.navigation
        elif which == "delta" and (kind := _kind(msg)):
            seen.elements.append(kind)
            if kind == "exception":
                seen.error = "Streamlit exception: " + msg.delta.new_element.exception.message[:120]
        elif which == "script_finished":
            status = msg.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue
            seen.finished = time.perf_counter() - start
            if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                raise RuntimeError(f"script finished with status {status}")
            if nav is not None:
                current = next((p for p in nav.app_pages if p.page_script_hash == nav.page_script_hash), None)
                if current is not None:
                    seen.page = f"{current.url_pathname or '/'} {current.page_name}"
            return


def expected(link: Link) -> dict:
    """The page name and title a run of `link` must show, from the project's own list of pages."""
    import sitemap
    from revolution.i18n import t

    page = sitemap.PAGES[0] if not link.page else next(p for p in sitemap.PAGES if p.url_path == link.page)
    path = "/" if page is sitemap.PAGES[0] and not link.page else page.url_path
    return {"page": f"{path} {t(page.title_key, link.lang)}", "title": "Russian Revolution · 러시아 혁명"}


def _check(seen: Visit, expect: dict) -> None:
    if seen.page != expect["page"]:
        raise AssertionError(f"wrong page: {seen.page!r}, expected {expect['page']!r}")
    if seen.title != expect["title"]:
        raise AssertionError(f"wrong title: {seen.title!r}")
    if "heading" not in seen.elements:
        raise AssertionError(f"no heading in the run ({len(seen.elements)} elements)")


def record(base: str, link: Link, browser) -> tuple[Files, list[str], BackMsg]:
    """One real Chromium load of `link` (a fresh context: a cold cache): the files it fetched, with the
    Accept-Encoding it sent, the elements of its final run, and the first message it sent on the
    websocket."""
    from harness.browser import wait_for_app

    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    page = ctx.new_page()
    requests, frames_in, frames_out, opened = [], [], [], []

    def on_ws(ws) -> None:
        opened.append(len(requests))
        ws.on("framereceived", lambda f: frames_in.append(f))
        ws.on("framesent", lambda f: frames_out.append(f))

    page.on("requestfinished", lambda r: requests.append(r))
    page.on("websocket", on_ws)
    page.goto(base + link.path)
    wait_for_app(page)
    page.wait_for_timeout(500)  # the last lazy files after the chart is drawn
    cut = opened[0] if opened else len(requests)
    static = [(i, r) for i, r in enumerate(requests) if urlsplit(r.url).path.startswith("/static/")]
    encoding = next((r.all_headers().get("accept-encoding") for _, r in static), None) or ""
    size = sum(r.sizes()["responseBodySize"] for _, r in static)
    files = Files(
        before=[urlsplit(r.url).path for i, r in static if i < cut],
        after=[urlsplit(r.url).path for i, r in static if i >= cut],
        accept_encoding=encoding,
        bytes=size,
    )
    elements = []
    for raw in frames_in:
        msg = ForwardMsg()
        msg.ParseFromString(raw if isinstance(raw, bytes) else raw.encode("latin-1"))
        if msg.WhichOneof("type") == "new_session":
            elements = []
        elif kind := _kind(msg):
            elements.append(kind)
    first = BackMsg()
    if frames_out:
        raw = frames_out[0]
        first.ParseFromString(raw if isinstance(raw, bytes) else raw.encode("latin-1"))
    ctx.close()
    return files, elements, first


def validate(student: Visit, elements: list[str], sent: BackMsg, link: Link, base: str) -> list[str]:
    """Where a student differs from the Chromium load of the same link: the message it sends (page, query,
    locale) and the elements it receives, in order."""
    diffs = []
    ours = rerun_message(link, base).rerun_script
    theirs = sent.rerun_script
    for name in ("query_string", "page_name"):
        if getattr(ours, name) != getattr(theirs, name):
            diffs.append(
                f"rerun_script.{name}: ours {getattr(ours, name)!r}, Chromium {getattr(theirs, name)!r}"
            )
    for name in ("locale", "url", "is_embedded", "color_scheme"):
        a, b = getattr(ours.context_info, name), getattr(theirs.context_info, name)
        if a != b:
            diffs.append(f"context_info.{name}: ours {a!r}, Chromium {b!r}")
    if student.error:
        diffs.append(f"student error: {student.error}")
    if student.elements != elements:
        diffs.append(
            f"elements: ours {len(student.elements)}, Chromium {len(elements)}; first difference at "
            + str(next((i for i, (a, b) in enumerate(zip(student.elements, elements)) if a != b), "the end"))
        )
    return diffs


def cache_lookups(base: str) -> Counter:
    """Streamlit's own count of calls to each cached function, by result, since the server started
    (`/_stcore/metrics`, a public endpoint of the server; nginx refuses it)."""
    import re
    import urllib.request

    with urllib.request.urlopen(base + "/_stcore/metrics", timeout=30) as r:
        text = r.read().decode()
    counts: Counter = Counter()
    for m in re.finditer(
        r'^cache_lookups_total\{cache="([^"]+)",[^}]*result="(hit|miss)"\} (\d+)$', text, re.M
    ):
        counts[(m[1], m[2])] = int(m[3])
    return counts
