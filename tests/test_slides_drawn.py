"""Slides as drawn: every slide export in Chromium (type size, overlaps, edges), the deck through
LibreOffice, the lesson bundle opened with the network blocked, and presentation mode on 16:9 screens."""

import io
import shutil
import subprocess
import zipfile

import pytest

from harness.browser import CHROMIUM, CHROMIUM_ARGS, ROOT, wait_for_app
from revolution.data import paths
from revolution.exports import images, publish, slides

from .slide_measure import crossed, deck_pdf, measure_arrows, measure_svg, problems

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
ARTIFACTS = ROOT / "artifacts" / "slides"
CITATION = (
    "출처: 류한수 「러시아 혁명과 사회주의 국가의 출현: 억압에서 해방으로, 해방에서 동원으로」; "
    "국제코뮤니스트흐름 「1917년 러시아, 10월 혁명 선언: 세계 혁명이 인류의 유일한 미래」 — "
    "러시아 혁명, 두 텍스트의 숫자와 연표 v0.1.0 (2026-11-28) — https://example.org/revolution/figures?group=x"
)
DECK_CHART = publish.CHART_SIZE  # the chart's box on a deck slide


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def names(dataset, lang):
    return dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))


@pytest.fixture(scope="module")
def drawn(browser, dataset):
    """A slide's images as the export draws them (kaleido) and as Chromium lays them out: `drawn(key, lang,
    citation, size)` gives each page's text boxes and arrows. Each image is drawn and measured once for the
    module: the legibility and the arrow tests read the same slides at the same sizes."""
    page, done = browser.new_page(), {}

    def measure(key, lang, citation, size):
        if (key, lang, citation, size) not in done:
            item = slides.build(dataset, key, lang, names(dataset, lang))
            done[key, lang, citation, size] = [
                (measure_svg(page, svg, *size), measure_arrows(page))
                for svg in images.slide_files(item.figure, citation, "svg", size)
            ]
        return done[key, lang, citation, size]

    yield measure
    page.close()


@pytest.mark.parametrize(
    "lang, kind, size",
    [
        ("ko", "slide", images.SLIDE),
        ("ko", "square", images.SQUARE),
        ("en", "slide", images.SLIDE),
        ("ko", "deck", DECK_CHART),
    ],
)
def test_every_slide_export_is_legible_at_its_size(dataset, drawn, lang, kind, size):
    """PNG slide and SVG (the same drawing), square PNG, and the deck's chart images: every chart and every
    page of a split timeline, as SVG loaded in Chromium."""
    found = []
    for key in slides.options(dataset):
        line = "" if kind == "deck" else CITATION  # on a deck slide the caption carries the source
        for n, (boxes, _) in enumerate(drawn(key, lang, line, size)):
            assert boxes, key
            found += [(key, n, *p) for p in problems(boxes, *size)]
    assert found == [], found


@pytest.mark.parametrize(
    "lang, size", [("ko", images.SLIDE), ("ko", images.SQUARE), ("en", images.SLIDE), ("ko", DECK_CHART)]
)
def test_no_arrow_runs_through_a_label_on_a_slide(dataset, drawn, lang, size):
    # issue 34: on the Petrograd slide the arrow of "over 10,000" ran through its label "1만 명 초과"
    found, arrows_seen = [], 0
    for key in [k for k in slides.options(dataset) if k.startswith("figure:")]:
        for n, (boxes, arrows) in enumerate(drawn(key, lang, CITATION, size)):
            arrows_seen += len(arrows)
            found += [(key, n, text) for text in crossed(arrows, boxes)]
    assert arrows_seen, "the figure slides draw their bounds' arrows"
    assert found == [], found


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_timeline_pages_own_image_download_is_legible_too(dataset, browser, lang):
    """The Timeline page's download draws the view with its rows named on the axis, paged by whole rows:
    the screen's figure (names inside the rows) squeezed onto one slide put its names on top of each
    other."""
    from revolution.data import filters
    from revolution.views import page_views

    chosen = filters.EventFilter(years=(1914, 1924))
    fig = page_views.timeline_slides(dataset, chosen, lang, "written", "category", names(dataset, lang))
    page = browser.new_page()
    found, files = [], images.slide_files(fig, CITATION, "svg", images.SLIDE)
    for n, svg in enumerate(files):
        boxes = measure_svg(page, svg, *images.SLIDE)
        found += [(n, *p) for p in problems(boxes, *images.SLIDE)]
    page.close()
    assert len(files) > 1 and found == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_other_pages_chart_downloads_are_legible(dataset, browser, lang):
    """Two sources' coverage, People and places' two mention charts and the map, as their download buttons
    export them (the map writes its names at the slide's type size, so fewer of them), slide and square."""
    from revolution.data import mentions
    from revolution.views import place_charts, summary

    counts = {k: mentions.text_mentions(dataset, k) for k in ("people", "places")}
    ids = {"people": "person_id", "places": "place_id"}
    named = {k: dict(zip(getattr(dataset, k)[ids[k]], getattr(dataset, k)[f"name_{lang}"])) for k in counts}
    figs = {
        "coverage": summary.coverage_figure(dataset, lang, names(dataset, lang)),
        **{
            k: place_charts.mentions_chart(counts[k], named[k], lang, names(dataset, lang), k) for k in counts
        },
        "map": slides.build(dataset, "map:1917", lang, names(dataset, lang)).figure,
    }
    page, found = browser.new_page(), []
    for name, fig in figs.items():
        for size in (images.SLIDE, images.SQUARE):
            for n, svg in enumerate(images.slide_files(fig, CITATION, "svg", size)):
                boxes = measure_svg(page, svg, *size)
                found += [(name, size, n, *p) for p in problems(boxes, *size)]
    page.close()
    assert found == [], found


def test_the_deck_renders_in_libreoffice_with_every_slide(dataset, monkeypatch, tmp_path):
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not (soffice and pdftoppm):
        pytest.skip("libreoffice-impress and poppler-utils are not installed (./dev installs them)")
    from pptx import Presentation

    monkeypatch.delenv(paths.PUBLIC_URL_ENV, raising=False)
    keys = ["figure:constituent_assembly", "figure:industrial_output", "timeline:1917", "figure:time_spans"]
    items = [slides.build(dataset, k, "ko", names(dataset, "ko")) for k in keys]
    citations = {False: "출처: 류한수; 국제코뮤니스트흐름", True: "출처: 류한수; Maddison 2020"}
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(slides.deck_bytes(items, "ko", dataset.sources, citations))
    prs = Presentation(str(deck))
    deck_pdf(soffice, deck, tmp_path)
    subprocess.run(
        [pdftoppm, "-png", "-r", "72", str(tmp_path / "deck.pdf"), str(tmp_path / "page")], check=True
    )
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(prs.slides)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for png in pngs:
        shutil.copy(png, ARTIFACTS / f"deck_{png.name}")
    for s in prs.slides:  # every text frame inside the slide, as python-pptx places it
        for sh in s.shapes:
            assert 0 <= sh.left and sh.left + sh.width <= prs.slide_width, sh.name
            assert 0 <= sh.top and sh.top + sh.height <= prs.slide_height, sh.name
    from PIL import Image

    for png in pngs:  # a drawn page, not a blank one
        assert len(Image.open(png).convert("L").getcolors(1 << 16) or []) > 8


def test_the_lesson_bundle_opens_offline_with_hangul(dataset, browser, tmp_path, monkeypatch):
    monkeypatch.delenv(paths.PUBLIC_URL_ENV, raising=False)
    keys = ["figure:constituent_assembly", "timeline:1917"]
    items = [slides.build(dataset, k, "ko", names(dataset, "ko")) for k in keys]
    data = slides.lesson_bytes(items, "ko", dataset.sources, {False: "출처", True: "출처"})
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)
    folder = tmp_path / "lesson"
    context = browser.new_context()
    left = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.goto((folder / "index.html").as_uri())
    links = page.eval_on_selector_all("ol li > a:first-child", "els => els.map(e => e.getAttribute('href'))")
    assert links == [f"{n:02d}_{k.replace(':', '_')}.html" for n, k in enumerate(keys, 1)]
    for href in links:
        page.goto((folder / href).as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
        texts = page.eval_on_selector_all(".main-svg text", "els => els.map(e => e.textContent).join(' ')")
        assert any("\uac00" <= ch <= "\ud7a3" for ch in texts), href  # Hangul drawn as text
        page.hover(".js-plotly-plot .point path, .js-plotly-plot .points path", timeout=10_000, force=True)
    context.close()
    assert left == []  # nothing left the folder


# What presentation mode draws, measured in the page: the slide picture's scale on screen, its smallest text
# as drawn (the SVG's own sizes times that scale), the caption's and the buttons' type as drawn.
PRESENT_JS = """() => {
  const img = document.querySelector('img.present-slide');
  const r = img.getBoundingClientRect();
  const scale = r.width / img.naturalWidth;
  const drawn = (el) => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.st-key-present_frame')).transform);
    return parseFloat(getComputedStyle(el).fontSize) * (m.is2D ? Math.hypot(m.a, m.b) : 1);
  };
  const main = document.querySelector('[data-testid=stMain]');
  return {src: img.src, scale, img: [r.left, r.top, r.right, r.bottom],
          caption: drawn(document.querySelector('.present-caption')),
          button: drawn([...document.querySelectorAll('.st-key-present_nav button p')][0]),
          scrollsDown: main.scrollHeight > main.clientHeight,
          scrollsSideways: main.scrollWidth > main.clientWidth};
}"""


@pytest.mark.parametrize(
    "width, height, floor",
    [(1280, 720, 16), (1920, 1080, 24), (390, 844, 12)],  # 16:9 screens scale the 1920 frame; a phone, 1/2
)
def test_presentation_mode_fits_the_screen_scales_its_type_and_the_keys_move_it(
    server, browser, width, height, floor
):
    import base64

    page = browser.new_page(viewport={"width": width, "height": height})
    reader = browser.new_page()  # reads each slide's SVG at its own size
    deck = "figure:constituent_assembly,figure:industrial_output,timeline:1917"
    page.goto(f"{server}/slides?present=1&deck={deck}")
    wait_for_app(page)
    found = []
    for n, key in ((1, None), (2, "ArrowRight"), (3, "PageDown"), (2, "ArrowLeft")):
        if key:
            page.keyboard.press(key)
            page.wait_for_function(f"() => new URLSearchParams(location.search).get('slide') == '{n}'")
            wait_for_app(page)
        page.wait_for_function("() => document.querySelector('img.present-slide')?.complete")
        got = page.evaluate(PRESENT_JS)
        svg = base64.b64decode(got["src"].split(",", 1)[1])
        boxes = measure_svg(reader, svg, *slides.PRESENT_SIZE)
        smallest = min(b["size"] for b in boxes) * got["scale"]
        found += [(n, "text", round(smallest, 1))] if smallest < floor - 0.01 else []
        found += [(n, *p) for p in problems(boxes, *slides.PRESENT_SIZE, floor=0)]  # size: as drawn
        found += [(n, "caption", got["caption"])] if got["caption"] < floor - 0.01 else []
        found += [(n, "button", got["button"])] if got["button"] < floor - 0.01 else []
        nav = page.get_by_role("button", name="다음").bounding_box()
        assert nav["y"] + nav["height"] <= height and nav["x"] + nav["width"] <= width, (n, nav)
        assert not got["scrollsSideways"] or width < 640  # only a phone scrolls the slide sideways
        if width >= 640:  # a 16:9 screen: slide, caption and buttons on one screen, no scrolling
            assert not got["scrollsDown"] and 0 <= got["img"][1] and got["img"][3] <= height, got
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"presentation_{width}x{height}.png"))
    page.keyboard.press("Escape")  # ends the presentation: back to the deck, the URL says so
    page.wait_for_function("() => !new URLSearchParams(location.search).has('present')")
    page.get_by_role("button", name="PPTX", exact=False).first.wait_for()
    page.close()
    reader.close()
    assert found == []


def test_the_docs_show_a_slide_made_by_the_export():
    using = (ROOT / "docs" / "using.md").read_text(encoding="utf-8")
    assert "(screenshots/slide_export.png)" in using
    assert (ROOT / "docs" / "screenshots" / "slide_export.png").stat().st_size > 10_000
