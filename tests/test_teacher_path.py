"""The teacher's path as one task, in Chromium at a projector's 1280×720: from an empty deck on the home page,
three charts from the Figures page and the 1917 view from the Timeline page go into the deck without leaving
those pages; the PPTX is downloaded, rendered by LibreOffice and poppler, and every slide is checked as a
room sees it (text at least 24 px on a 1920-px slide, nothing on anything, nothing outside). The clicks it
took are printed (run with -s to see them)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

from harness.browser import CHROMIUM, CHROMIUM_ARGS, ROOT, settle, wait_for_app
from revolution import state
from revolution.i18n import t

from .legibility import overlaps
from .slide_measure import deck_pdf, outside

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
ARTIFACTS = ROOT / "artifacts" / "teacher_path"
TARGET_CLICKS = 8  # the target for 3 figures and the 1917 view, navigation included
SLIDE_PX = 1920
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


class Clicks:
    """Every click the teacher makes, counted and named."""

    def __init__(self):
        self.made: list[str] = []

    def __call__(self, locator, what: str) -> None:
        locator.click()
        self.made.append(what)


def _counter(page, n: int) -> None:
    """Until the sidebar's deck counter says n: the add's rerun has finished."""
    page.get_by_text(t("deck_count", "ko", n=n), exact=True).wait_for(timeout=60_000)
    settle(page)


def _pdf_words(pdf) -> list[tuple[float, float, list[dict]]]:
    """Each page's size (pt) and the boxes of its words, from poppler's `pdftotext -bbox`, in slide pixels."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True)
    pages = []
    for w, h, body in PAGE.findall(out.stdout):
        scale = SLIDE_PX / float(w)
        boxes = [
            {
                "text": unescape(text),
                "x": float(x0) * scale,
                "y": float(y0) * scale,
                "w": (float(x1) - float(x0)) * scale,
                "h": (float(y1) - float(y0)) * scale,
            }
            for x0, y0, x1, y1, text in WORD.findall(body)
        ]
        pages.append((float(w) * scale, float(h) * scale, boxes))
    return pages


def test_three_charts_and_the_1917_view_go_into_a_deck_in_at_most_8_clicks_and_project_legibly(
    server, tmp_path, dataset
):
    from playwright.sync_api import sync_playwright
    from pptx import Presentation

    from revolution.exports import slides

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    click = Clicks()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 720}, locale="ko-KR", accept_downloads=True
        )
        page = context.new_page()
        # the home page with an emptied deck (a link can say so: state.DECK_NONE)
        page.goto(f"{server}/?{state.DECK}={state.DECK_NONE}")
        wait_for_app(page)
        _counter(page, 0)
        nav = page.locator('[data-testid="stSidebarNav"]')

        click(nav.get_by_text(t("page_figures", "ko"), exact=True), "Figures page")
        page.get_by_role("heading", name=t("page_figures", "ko")).wait_for()
        add = page.get_by_role("button", name=t("deck_add", "ko"))
        add.first.wait_for()
        for n in range(1, 4):
            click(add.first, f"add chart {n}")  # the button of an added chart says "in the deck" instead
            _counter(page, n)
            assert page.get_by_role("heading", name=t("page_figures", "ko")).count() == 1  # still here

        click(nav.get_by_text(t("page_timeline", "ko"), exact=True), "Timeline page")
        page.get_by_role("heading", name=t("page_timeline", "ko")).wait_for()
        pill = page.get_by_role("radio", name=t("preset_1917", "ko"), exact=True)
        click(pill, "the 1917 view")
        page.wait_for_url(re.compile(r"from=1917.*to=1917|to=1917.*from=1917"), timeout=60_000)
        settle(page)
        click(page.get_by_role("button", name=t("deck_add", "ko")), "add the 1917 view")
        _counter(page, 4)
        assert page.get_by_role("heading", name=t("page_timeline", "ko")).count() == 1
        adding = len(click.made)
        page.screenshot(path=str(ARTIFACTS / "timeline_after_add.png"))

        # the download, counted apart: the deck's counter opens the Slides page with the deck
        click(page.locator('[data-testid="stSidebar"]').get_by_text(t("deck_count", "ko", n=4)), "Slides")
        button = page.get_by_role("button", name=re.compile(re.escape(t("download_deck", "ko", n=0)[:8])))
        button.wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "slides.png"))
        with page.expect_download(timeout=180_000) as info:
            click(button, "download the PPTX")
        deck = tmp_path / "deck.pptx"
        info.value.save_as(deck)
        browser.close()

    print(
        f"\nteacher's path: {adding} clicks to build the deck (target <= {TARGET_CLICKS}), "
        f"{len(click.made) - adding} to download it: {', '.join(click.made)}"
    )
    assert adding <= TARGET_CLICKS, click.made

    prs = Presentation(str(deck))
    # the first three charts the Figures page shows, then the 1917 view, each with its title on its slide
    want = [k for k in slides.options(dataset) if k.startswith("figure:")][:3] + ["timeline:1917"]
    text = " ".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert [k for k in want if slides.build(dataset, k, "ko", {}).title not in text] == []
    assert len(prs.slides) >= len(want) + 2  # a title slide, the items (a timeline may take more), sources

    soffice = shutil.which("soffice")
    if not (soffice and shutil.which("pdftotext")):
        pytest.skip("libreoffice-impress and poppler-utils are not installed (./dev installs them)")
    pdf = deck_pdf(soffice, deck, tmp_path)
    subprocess.run(["pdftoppm", "-png", "-r", "48", str(pdf), str(ARTIFACTS / "slide")], check=True)
    pages = _pdf_words(pdf)
    assert len(pages) == len(prs.slides)
    found = []
    for n, (w, h, boxes) in enumerate(pages, start=1):
        # a word's box is its line's height: 24 px type on a 1920-px slide draws a box of at least 24 px
        found += [(n, "small", b["text"], round(b["h"], 1)) for b in boxes if b["h"] < 24]
        found += [(n, "overlap", pair) for pair in overlaps(boxes)]
        found += [(n, "outside", text) for text in outside(boxes, w, h)]
    for n, s in enumerate(prs.slides, start=1):  # pictures and text boxes inside the slide
        for sh in s.shapes:
            if not (0 <= sh.left and sh.left + sh.width <= prs.slide_width):
                found.append((n, "outside", sh.name))
            if not (0 <= sh.top and sh.top + sh.height <= prs.slide_height):
                found.append((n, "outside", sh.name))
    assert found == []
