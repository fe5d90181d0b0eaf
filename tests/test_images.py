"""Static export: real PNG and SVG from kaleido with Debian's Chromium, Hangul drawn as Hangul."""

import io
import shutil
import struct

import plotly.graph_objects as go
import pytest

from revolution.exports import images
from revolution.views import theme

pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def text_figure(text: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(
        text=text, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False, font=dict(size=80)
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return theme.apply(fig)


def test_png_has_the_requested_pixel_size():
    fig = theme.apply(go.Figure(go.Bar(x=["볼셰비키"], y=[25])))
    assert png_size(images.render(fig, "png", images.SLIDE, scale=2)) == (3840, 2160)
    assert png_size(images.render(fig, "png", images.SQUARE)) == (1080, 1080)


def test_svg_keeps_the_hangul_title_as_text():
    fig = theme.apply(go.Figure(go.Bar(x=[1], y=[2]), layout=dict(title="헌법제정회의 선거")))
    svg = images.render(fig, "svg").decode("utf-8")
    assert "헌법제정회의 선거" in svg and "Noto Sans CJK KR" in svg


def test_hangul_is_drawn_as_glyphs_not_boxes():
    # Missing glyphs are all drawn as the same box, so two different Hangul words would render alike;
    # with a real CJK font they differ. A control pair of Latin words shows the check can tell.
    a = images.render(text_figure("가나다라"), "png", (600, 200))
    b = images.render(text_figure("혁명선언"), "png", (600, 200))
    assert a != b
    from PIL import Image, ImageChops

    diff = ImageChops.difference(
        Image.open(io.BytesIO(a)).convert("L"), Image.open(io.BytesIO(b)).convert("L")
    )
    assert diff.getbbox() is not None
    strong = diff.point(lambda v: 255 if v > 64 else 0).histogram()[255]
    assert strong > 500  # many pixels differ, not a one-pixel accident


def test_citation_is_printed_on_the_image():
    fig = theme.apply(go.Figure(go.Bar(x=[1], y=[2])))
    svg = images.render(images.with_citation(fig, "출처: 류한수"), "svg").decode("utf-8")
    assert "출처: 류한수" in svg


def test_unknown_format_says_what_to_use():
    with pytest.raises(images.ExportError, match="png or svg"):
        images.render(go.Figure(), "gif")
