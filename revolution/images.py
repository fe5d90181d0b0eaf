"""Static chart images (PNG, SVG) through kaleido and Debian's Chromium, each carrying its citation."""

from __future__ import annotations

import os
import shutil
import threading

import plotly.graph_objects as go

from . import theme

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


def with_citation(fig: go.Figure, citation: str) -> go.Figure:
    """A copy of the figure with its source line printed under the plot, so the image keeps its provenance."""
    out = go.Figure(fig)
    margin_b = max(out.layout.margin.b or 40, 40) + 50
    out.add_annotation(
        text=citation,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-margin_b + 14,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font=dict(size=13, color=theme.MUTED),
    )
    out.update_layout(margin=dict(b=margin_b))
    return out


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
