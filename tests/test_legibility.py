"""Legibility as a person sees it, in Chromium at a projector's 1280×720 and 1440×900 and a phone's 390×844,
every page in both languages, every chart on it (the Slides page's previews opened): no text cut, no chart
text on chart text, chart text at least 12 px, no English in the Korean interface outside quotes, citations
and names, and one colour per category in every chart."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import defaultdict

import pytest

import sitemap
from harness.browser import ROOT, settle, wait_for_app
from revolution.data import categories
from revolution.i18n import category

from .legibility import ALLOWED, MEASURE_JS, WORD, english_words, overlaps

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
PAGES = [p.url_path for p in sitemap.PAGES] + ["slides_timelines"]
# a view that is not a page of its own: the Slides page with timeline views in the deck, their previews opened
DECK_WITH_TIMELINES = "timeline:1917,timeline:revolution_years,figure:industrial_output"
ADDRESS = {"slides_timelines": f"slides?deck={DECK_WITH_TIMELINES}&"}
LANGS = ["ko", "en"]
SIZES = {"1280x720": (1280, 720), "1440x900": (1440, 900), "390x844": (390, 844)}
# the standard chronologies the reference-dated events cite, as written there (names and titles)
with (ROOT / "data" / "events.csv").open(encoding="utf-8") as _f:
    CITATIONS = [r["date_reference"] or "" for r in csv.DictReader(_f)]
CITED = {w.lower().strip("'’-") for c in CITATIONS for w in WORD.findall(c)}
SEEDS = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt"))
SHOTS = ROOT / "artifacts" / "screenshots" / "legibility"
VIEWS = [(s, p, lang) for s in SIZES for p in PAGES for lang in LANGS]


CHARTED = {"overview", "figures", "timeline", "sources", "people"}  # pages that open with a chart


def _settle(page, name: str) -> None:
    """Until every chart on the page is drawn (Plotly's SVG is there), then a moment for fonts."""
    if name in CHARTED:
        # drawn, not necessarily shown: a text Plotly hides (an era name its band cannot hold) may come first
        page.wait_for_selector(".js-plotly-plot svg.main-svg text", state="attached", timeout=30_000)
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')]
                   .every(p => p.querySelector('svg.main-svg text'))""",
        timeout=30_000,
    )
    settle(page)


def _open_previews(page, name: str) -> None:
    """On the Slides page, every item's preview opened and drawn: a closed one is not measured at all."""
    if not name.startswith("slides"):
        return
    closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(closed.count()):
        closed.first.click()  # the list shrinks as each opens
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stExpander"]')]
                   .every(e => e.querySelector('.js-plotly-plot svg.main-svg text'))""",
        timeout=60_000,
    )
    settle(page)


def _screenshot(page, path, w, h) -> None:
    """The whole page: Streamlit scrolls inside its main area, so the window is made as tall as that area
    for the picture (after measuring, at the real size), then set back."""
    tall = page.evaluate(
        "() => (document.querySelector('[data-testid=\"stMain\"]') || document.body).scrollHeight"
    )
    page.set_viewport_size({"width": w, "height": max(h, min(int(tall), 12_000))})
    settle(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": w, "height": h})


@pytest.fixture(scope="module")
def seen(server, browser):
    """Every view measured once (one context per window size), its screenshot saved for a person to see."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = {}
    for size, (w, h) in SIZES.items():
        context = browser.new_context(viewport={"width": w, "height": h}, locale="ko-KR")
        page = context.new_page()
        for name in PAGES:
            for lang in LANGS:
                page.goto(f"{server}/{ADDRESS.get(name, name + '?')}lang={lang}")
                wait_for_app(page)
                _settle(page, name)
                _open_previews(page, name)
                out[size, name, lang] = page.evaluate(MEASURE_JS)
                _screenshot(page, SHOTS / f"{size}_{name}_{lang}.png", w, h)
        context.close()
    # what was measured, for a person to read beside the screenshots
    (SHOTS / "measured.json").write_text(
        json.dumps({"|".join(k): v for k, v in out.items()}, ensure_ascii=False)
    )
    return out


def _id(view) -> str:
    return "-".join(view)


@pytest.mark.parametrize("view", VIEWS, ids=_id)
def test_no_text_is_cut(seen, view):
    cut = seen[view]["cut"]
    assert cut == [], f"text cut off in {view}: {cut}"


@pytest.mark.parametrize("view", VIEWS, ids=_id)
def test_no_table_is_cut_and_no_header_or_cell_breaks_inside_a_word(seen, view):
    # issue 34: the home page's per-text table broke "수치" and "사건" into "수/치" and "사/건"
    found = seen[view]["tables"]
    assert found == [], f"table cut or a word broken in {view}: {found}"


@pytest.mark.parametrize("view", VIEWS, ids=_id)
def test_no_chart_text_sits_on_other_chart_text(seen, view):
    found = {(c["where"] or c["title"]): (c, overlaps(c["texts"])) for c in seen[view]["charts"]}
    found = {k: v for k, (c, v) in found.items() if v}
    assert found == {}, f"overlapping chart text in {view}: {found}"


@pytest.mark.parametrize("view", VIEWS, ids=_id)
def test_chart_text_is_at_least_12_px(seen, view):
    small = [
        (c["title"], t["text"], t["size"]) for c in seen[view]["charts"] for t in c["texts"] if t["size"] < 12
    ]
    assert small == [], f"chart text under 12 px in {view}: {small}"


@pytest.mark.parametrize("view", [v for v in VIEWS if v[0] == "390x844"], ids=_id)
def test_charts_keep_a_readable_height_on_a_phone(seen, view):
    squashed = [(c["title"], c["plotHeight"]) for c in seen[view]["charts"] if (c["plotHeight"] or 999) < 160]
    assert squashed == [], f"plot area under 160 px in {view}: {squashed}"


@pytest.mark.parametrize("view", [v for v in VIEWS if v[2] == "ko"], ids=_id)
def test_korean_interface_shows_no_english_outside_quotes_and_names(seen, view):
    texts = seen[view]["words"] + [t["text"] for c in seen[view]["charts"] for t in c["texts"]]
    allowed = set(ALLOWED) | CITED  # a reference date's citation is shown as its source writes it
    if view[1] == "read":  # the Read page shows the texts whole: a Latin word the author wrote is a quote
        allowed = set(ALLOWED) | {w.lower().strip("'’-") for w in WORD.findall(SEEDS)}
    words = english_words(texts, allowed)
    assert sorted(set(words)) == [], f"English in the Korean interface, {view}: {sorted(set(words))}"


def _hue(colour: str) -> str:
    """A colour as #rrggbb without its alpha: a year given alone is drawn in its category's colour made pale
    (the legend and the hover say why), which is still that category's colour."""
    m = re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*[\d.]+)?\)", colour.strip().lower())
    return "#{:02x}{:02x}{:02x}".format(*map(int, m.groups())) if m else colour.strip().lower()


def test_each_category_has_one_colour_in_every_chart(seen):
    colours = defaultdict(set)
    names = {category(code, lang): code for code in categories.CODES for lang in LANGS}
    for found in seen.values():
        for chart in found["charts"]:
            for trace in chart["traces"]:
                # a mark's trace carries no name: its legend group is its category (its entry's, too)
                group = trace["group"] if trace["group"] in categories.CODES else None
                code = names.get(trace["name"]) or group
                colour = trace["color"] or trace["line"]
                if code and colour:
                    colours[code].add(_hue(colour))
    assert colours, "no chart showed categories"
    assert {c: v for c, v in colours.items() if len(v) > 1} == {}


@pytest.mark.parametrize("path", ["no-such-page", "overview"])
def test_an_address_gets_our_own_page_never_streamlits_english_page_not_found(server, browser, path):
    from revolution.i18n import t

    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ko-KR")
    try:
        page = context.new_page()
        page.goto(f"{server}/{path}?lang=ko")
        wait_for_app(page)
        settle(page)
        body = page.inner_text("body")
        assert "Page not found" not in body and "does not exist" not in body
        title = t("app_title", "ko", texts="두 텍스트")
        want = t("page_not_found", "ko") if path == "no-such-page" else title
        assert want in body
        page.screenshot(path=str(SHOTS / f"address_{path}.png"))
    finally:
        context.close()
