"""Static chart images (PNG, SVG) through kaleido and Debian's Chromium, each carrying its citation."""

from __future__ import annotations

import io
import os
import shutil
import threading
import zipfile

import plotly.graph_objects as go

from revolution.exports import slide_layout

SLIDE = (1920, 1080)
SQUARE = (1080, 1080)
_lock = threading.Lock()
_server = {"up": False}


class ExportError(RuntimeError):
    """An export that cannot be made, said in plain words with what to install or change."""


def browser_path() -> str | None:
    return os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def _ensure_server() -> None:
    """One Chromium kept alive between exports (~0.2 s a PNG instead of ~2 s)."""
    import kaleido

    if _server["up"]:
        return
    if not browser_path():
        raise ExportError(
            "No Chromium browser was found for image export. Install Debian's package: "
            "apt-get install chromium (./dev run does this)."
        )
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)
    _server["up"] = True


def with_citation(fig: go.Figure, citation: str, size: tuple[int, int] = SLIDE) -> go.Figure:
    """A copy of the figure laid out for a slide of `size`, its source line printed in its own band under the
    plot, so the image keeps its provenance."""
    return slide_layout.fit(fig, size, citation)


def slide_files(
    fig: go.Figure, citation: str, fmt: str, size: tuple[int, int], scale: float = 1
) -> list[bytes]:
    """The figure as one image per slide: one, or one per page of a timeline too tall for one slide."""
    # pages cut for the room the source line leaves (four lines on a square slide; one was assumed, and the
    # rows of a square 1914–1924 page fell on each other)
    room = slide_layout.plot_room(fig, size, citation=citation)
    return [
        render(with_citation(page, citation, size), fmt, size, scale)
        for page, _ in slide_layout.pages(fig, size, room=room)
    ]


def download(
    fig: go.Figure, citation: str, fmt: str, size: tuple[int, int], scale: float = 1, zipped: bool = False
) -> bytes:
    """What a download button hands over: the image, or a zip of numbered images when the chart takes
    several slides or when `zipped` (a chart that may split: see slide_layout.may_split)."""
    files = slide_files(fig, citation, fmt, size, scale)
    if len(files) == 1 and not zipped:
        return files[0]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in enumerate(files, 1):
            zf.writestr(f"{n:02d}.{fmt}", data)
    return buf.getvalue()


def render(fig: go.Figure, fmt: str = "png", size: tuple[int, int] = SLIDE, scale: float = 1) -> bytes:
    """The figure as PNG or SVG bytes at the given pixel size (times `scale`)."""
    if fmt not in ("png", "svg"):
        raise ExportError(f"Unknown image format {fmt!r}: use png or svg.")
    width, height = size
    with _lock:
        _ensure_server()
        try:
            return fig.to_image(format=fmt, width=width, height=height, scale=scale)
        except Exception as exc:  # kaleido reports browser trouble in many shapes; say it plainly
            raise ExportError(
                f"The chart could not be rendered as {fmt.upper()} ({exc.__class__.__name__}: {exc}). "
                "Check that Debian's chromium and fonts-noto-cjk are installed."
            ) from exc
