"""The map as a person sees it, in Chromium with every request outside the app aborted: the border layer is
drawn (a blank map is no pass), nothing is fetched from outside, no place name sits on another at a
projector's and a phone's size in both languages; and the lesson bundle's map draws from its own files."""

from __future__ import annotations

import io
import itertools
import shutil
import zipfile
from urllib.parse import urlparse

import pytest

from harness.browser import ROOT, settle, wait_for_app
from revolution.exports import slides
from revolution.i18n import t

from .legibility import MEASURE_JS, overlaps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}
SHOTS = ROOT / "artifacts" / "screenshots" / "map"
# the drawn layer: the page draws the map's shapes as one picture under the plot (place_map.shapes_image);
# painted into a canvas, the share of its pixels that are land (not transparent) says it is a map, not blank
FILLS = """async (title) => {
  const plot = [...document.querySelectorAll('.js-plotly-plot')]
    .find(p => p.layout && String((p.layout.title || {}).text || '').startsWith(title));
  if (!plot) return null;
  plot.scrollIntoView();
  const images = [...plot.querySelectorAll('.main-svg .imagelayer image')];
  let land = 0;
  if (images.length) {
    const img = new Image();
    img.src = images[0].getAttribute('href');
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 400; canvas.height = 200;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0, 400, 200);
    const px = ctx.getImageData(0, 0, 400, 200).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) land += 1;
    land /= 400 * 200;
  }
  return {images: images.length, land, layer: (plot.layout.meta || {}).layer || ''};
}"""


def offline(page) -> list[str]:
    """Abort every request that leaves the machine; the list of those aborted, for the test to check."""
    refused = []

    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:", "file:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return refused


@pytest.mark.parametrize("size", SIZES)
def test_the_map_draws_its_borders_offline_and_no_name_sits_on_another(server, browser, size):
    SHOTS.mkdir(parents=True, exist_ok=True)
    w, h = SIZES[size]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="ko-KR")
    page = context.new_page()
    refused = offline(page)
    found = {}
    # 1917, the timeline's default window (its numbered places among them) and the whole range of years
    for lang, (start, end) in itertools.product(("ko", "en"), [(1917, 1917), (1914, 1924), (1100, 2017)]):
        page.goto(f"{server}/people?lang={lang}&from={start}&to={end}")
        wait_for_app(page)
        drawn = page.evaluate(FILLS, t("map_title", lang))
        settle(page)
        chart = next(
            c for c in page.evaluate(MEASURE_JS)["charts"] if c["title"].startswith(t("map_title", lang))
        )
        small = [x["text"] for x in chart["texts"] if x["size"] < 12]
        found[lang, start] = (drawn, overlaps(chart["texts"]), small)
        page.screenshot(path=str(SHOTS / f"{size}_{lang}_{start}_{end}.png"))
    context.close()
    assert refused == []
    for (lang, start), (drawn, overlapping, small) in found.items():
        if start != 1917:
            assert drawn and drawn["images"] == 1 and overlapping == [] and small == [], (lang, start)
            continue
        # the 1914 shapes cover about a third of their box (Eurasia, North America, North Africa)
        assert drawn and drawn["layer"] == "world_1914" and drawn["images"] == 1, (lang, drawn)
        assert 0.2 < drawn["land"] < 0.8, (lang, drawn)
        assert overlapping == [] and small == [], (lang, overlapping, small)


def test_the_lesson_bundles_map_draws_from_its_own_files(dataset, browser, tmp_path):
    names = dict(zip(dataset.sources.source_id, dataset.sources.title_ko))
    items = [slides.build(dataset, "map:1917", "ko", names)]
    blob = slides.lesson_bytes(items, "ko", dataset.sources, {False: "출처", True: "출처"})
    zipfile.ZipFile(io.BytesIO(blob)).extractall(tmp_path)
    html = next(p for p in tmp_path.rglob("*.html") if "map" in p.name)
    page = browser.new_page()
    refused = offline(page)
    page.goto(html.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg")
    fills = page.evaluate("() => document.querySelectorAll('.scatterlayer path.js-fill').length")
    page.close()
    assert refused == [] and fills > 10


# where a place's mark is on screen: its point in the trace that names it, through the axes' own scale
MARK_AT = """([title, place]) => {
  const gd = [...document.querySelectorAll('.js-plotly-plot')]
    .find(p => p.layout && String((p.layout.title || {}).text || '').startsWith(title));
  gd.scrollIntoView();
  const i = gd.data.findIndex(d => (d.customdata || []).some(c => c && c[0] === place));
  const j = gd.data[i].customdata.findIndex(c => c && c[0] === place);
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, r = gd.getBoundingClientRect();
  const px = c => [r.left + xa._offset + xa.l2p(c.x), r.top + ya._offset + ya.l2p(c.y)];
  const at = gd.calcdata[i][j], [x, y] = px(at);
  // a place drawn on another (Kronstadt's small mark near Petrograd's centre, 30 km apart) is clicked on the
  // part of its mark farthest from its nearest neighbour, as a person would
  let near = null, best = Infinity;
  gd.calcdata.forEach((cd, k) => cd.forEach((c, m) => {
    const other = (gd.data[k].customdata || [])[m];
    if (!other || other[0] === place || !isFinite(c.x) || !isFinite(c.y)) return;
    const [u, v] = px(c), d = Math.hypot(u - x, v - y);
    if (d < best) { best = d; near = [u, v]; }
  }));
  const radius = at.mrc || 6;
  if (!near || best > radius) return [x, y];
  const d = Math.max(best, 0.01);
  return [x + (x - near[0]) / d * radius * 0.9, y + (y - near[1]) / d * radius * 0.9];
}"""


def test_a_click_on_a_place_lists_its_events_under_the_map_and_picks_it_in_its_panel(
    server, browser, dataset
):
    # the map reruns alone on a change of years; a click reruns the whole page, so the panel follows
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/people?lang=en&from=1917&to=1917")
    wait_for_app(page)
    place = dataset.places.set_index("place_id").loc["st_petersburg"]
    page.mouse.click(*page.evaluate(MARK_AT, [t("map_title", "en"), "st_petersburg"]))
    heading = t("map_place_events", "en", place=place.name_en, n=0).rsplit("(", 1)[0]
    page.get_by_role("heading").filter(has_text=heading).first.wait_for()
    wait_for_app(page)
    chosen = page.locator('[data-testid="stSelectbox"]').filter(has_text=t("places", "en"))
    shown, url = chosen.locator("input").input_value(), page.url
    page.close()
    assert "place=st_petersburg" in url and place.name_en in shown
