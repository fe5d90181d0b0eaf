"""Helpers for end-to-end tests: a Streamlit server on a free loopback port, and Debian's headless
Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from revolution.data.paths import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(port: int, *launcher: str) -> list[str]:
    """How a Streamlit server is started on a loopback port: `serve.py` (the dashboard) unless another
    launcher is given (e.g. "-m", "streamlit", "run", "floor.py")."""
    return [
        sys.executable,
        *(launcher or ("serve.py",)),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]


def wait_healthy(url: str, proc: subprocess.Popen, what: str, timeout: float = 60) -> None:
    """Until the server at `url` answers /_stcore/health, or its process ends, or the time is up."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start (exit code {proc.poll()})")
        time.sleep(0.2)


@contextmanager
def streamlit_server(env: dict | None = None, log: Path | None = None, flags: tuple = ()):
    """The dashboard (`serve.py`, i.e. `streamlit run dashboard.py`) on a free port, with Streamlit `flags`
    on top of .streamlit/config.toml; yields its base URL; stops it by its own process id."""
    port = free_port()
    cmd = [*server_command(port), *flags]
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc, "streamlit")
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        if log:
            out.close()


@contextmanager
def static_server(folder: Path):
    """Python's http.server on a free loopback port, in a thread, serving FOLDER; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):  # a browser closing a connection early is not news
            if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright, user_data_dir: Path):
    """A persistent headless Chromium context with a fresh profile folder."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 1000},
        locale="ko-KR",
        accept_downloads=True,
    )


def footer_marker(lang: str) -> str:
    """A piece of the footer that dashboard.py writes after every page: its presence means the run got to
    the end."""
    from revolution.i18n import t

    return t("footer", lang, sources="\x00").split("\x00", 1)[1].strip(" .")[:16]


DONE = """([markers, charts]) => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!main || document.querySelector('[data-testid="stStatusWidget"]')) return false;
  // textContent: presentation mode hides the footer, which is still written at the end of the run
  const ended = markers.some(m => main.textContent.includes(m))
    || document.querySelector('[data-testid="stException"], [data-testid="stAlertContentError"]');
  if (!ended || document.querySelector('[data-stale="true"]')) return false;
  return !charts || !document.querySelector('[data-testid="stSkeleton"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
         .every(c => c.querySelector('.js-plotly-plot .main-svg'));
}"""


def settle(page) -> None:
    """Until the browser has drawn twice more: whatever the last change laid out is on screen (a condition,
    not a guess at milliseconds)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


STATE = """() => ({
  running: !!document.querySelector('[data-testid="stStatusWidget"]'),
  stale: document.querySelectorAll('[data-stale="true"]').length,
  skeletons: document.querySelectorAll('[data-testid="stSkeleton"]').length,
  charts: document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
  drawn: document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg').length,
  text: (document.querySelector('[data-testid="stMainBlockContainer"]') || {textContent: ''})
    .textContent.slice(-200),
})"""


def wait_for_app(page, timeout: float = 30_000, charts: bool = True) -> None:
    """Until Streamlit's run has reached the footer (or stopped on an error), nothing is left from an
    earlier run, and (with `charts`) every chart on the page is drawn."""
    from playwright.sync_api import TimeoutError as Timeout

    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout)
    try:
        markers = [footer_marker("ko"), footer_marker("en")]
        page.wait_for_function(DONE, arg=[markers, charts], timeout=timeout)
    except Timeout:  # say which part of "done" never came, and where
        raise AssertionError(f"{page.url} never finished: {page.evaluate(STATE)}") from None
