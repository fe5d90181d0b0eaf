"""End to end in Debian's headless Chromium: every page draws its charts with Hangul, filters and links
work."""

import json
import shutil

import pytest

import sitemap
from harness.browser import ROOT, streamlit_server, wait_for_app
from revolution.i18n import t

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
ARTIFACTS = ROOT / "artifacts" / "screenshots"
GROUP = "constituent_assembly"
PAGES = [p.url_path for p in sitemap.PAGES]


def open_page(context, url):
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    wait_for_app(page)
    return page, dialogs


def charts_drawn(page) -> int:
    page.wait_for_function(
        "() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0", timeout=30_000
    )
    return page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')]"
        ".filter(p => p.data && p.data.length > 0).length"
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_with_charts_and_no_exception(server, context, name, lang):
    page, dialogs = open_page(context, f"{server}/{name}?lang={lang}")
    try:
        assert page.locator('[data-testid="stException"]').count() == 0
        # in English, the language switch and the Korean quotes still show Hangul
        page.wait_for_function("() => /[\\uac00-\\ud7a3]/.test(document.body.innerText)", timeout=20_000)
        if name not in (
            "overview",
            "explorer",
            "slides",
            "read",
        ):  # cards, tables, collapsed previews and the texts: no open chart
            assert charts_drawn(page) >= 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}_{lang}.png"), full_page=True)
        assert dialogs == []
    finally:
        page.close()


def test_a_copied_url_restores_the_filtered_timeline(server, context):
    url = f"{server}/timeline?from=1917&to=1921&cat=war&cal=new"
    page, _ = open_page(context, url)
    try:
        charts_drawn(page)
        first = page.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => t.y.length)")
        caption = page.get_by_text("사건").first.inner_text()
        page2, _ = open_page(context, page.url)
        charts_drawn(page2)
        again = page2.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => t.y.length)")
        assert first == again and sum(first) > 0
        assert caption
        assert "cat=war" in page2.url and "cal=new" in page2.url
        page2.close()
    finally:
        page.close()


@pytest.mark.parametrize(
    "path, pick, param",
    [
        ("/timeline", lambda page, _: page.get_by_text(t("cal_new", "ko"), exact=True).click(), "cal=new"),
        (
            "/figures",
            lambda page, data: (
                page.locator('[data-testid="stSelectbox"]').locator("input").click(),
                page.get_by_role(
                    "option", name=data.groups.set_index("group_id").title_ko[GROUP], exact=True
                ).click(),
            ),
            f"group={GROUP}",
        ),
    ],
)
def test_an_input_in_a_region_that_reruns_alone_writes_the_url_and_the_link_restores_it(
    server, context, dataset, path, pick, param
):
    # the calendar switch and the figures' choices rerun their region only (st.fragment); the URL must
    # still follow them, and a copied link must reopen the same view
    page, _ = open_page(context, server + path)
    try:
        charts_drawn(page)
        signature = "() => [...document.querySelectorAll('.js-plotly-plot')].map(p => JSON.stringify(p.data))"
        before = page.evaluate(signature)
        pick(page, dataset)
        page.wait_for_function(f"() => location.search.includes({param!r})", timeout=20_000)
        page.wait_for_function(f"() => JSON.stringify(({signature})()) !== {json.dumps(json.dumps(before))}")
        wait_for_app(page)
        shown = page.evaluate(signature)
        page2, _ = open_page(context, page.url)
        charts_drawn(page2)
        page2.wait_for_function(f"() => ({signature})().length === {len(shown)}", timeout=20_000)
        assert page2.evaluate(signature) == shown != before
        page2.close()
    finally:
        page.close()


def test_a_clicked_mark_opens_its_tellings_in_a_dialog_and_names_the_event_in_the_url(
    server, context, dataset
):
    # the chart's selection reruns its region (a fragment) and opens a dialog from inside it
    page, _ = open_page(context, f"{server}/timeline")
    try:
        charts_drawn(page)
        mark = page.locator(".js-plotly-plot .scatterlayer .trace .points path").first
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        dialog = page.get_by_role("dialog")
        dialog.wait_for(timeout=30_000)
        page.wait_for_function("() => new URLSearchParams(location.search).get('event')", timeout=20_000)
        event_id = page.evaluate("() => new URLSearchParams(location.search).get('event')")
        told = dataset.events.set_index("event_id").loc[event_id]
        assert told.title_ko in dialog.inner_text()
    finally:
        page.close()


def test_changing_a_filter_changes_the_chart(server, context):
    page, _ = open_page(context, f"{server}/timeline?lang=en")
    try:
        charts_drawn(page)
        count = "() => document.querySelector('.js-plotly-plot').data.reduce((n, t) => n + t.y.length, 0)"
        before = page.evaluate(count)
        box = page.get_by_label("Search (Korean or English)")
        box.fill("Kronstadt")
        box.press("Enter")
        page.wait_for_function(f"() => ({count})() < {before}", timeout=20_000)
        assert "q=Kronstadt" in page.url
    finally:
        page.close()


def test_language_switch_in_the_browser(server, context):
    page, _ = open_page(context, f"{server}/figures")
    try:
        assert page.locator("h1").first.inner_text().strip() == "수치"
        page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
        page.wait_for_function(
            "() => document.querySelector('h1') && document.querySelector('h1').innerText.trim() == "
            "'Figures'",
            timeout=20_000,
        )
        assert "lang=en" in page.url
    finally:
        page.close()


def test_a_fresh_server_serves_many_first_sessions_at_once(context, tmp_path):
    # the first sessions of a new server import the app's modules at the same moment; none may see an
    # error
    with streamlit_server(log=tmp_path / "streamlit.log") as base:
        pages = [context.new_page() for _ in range(8)]
        try:
            for n, page in enumerate(pages):
                page.goto(f"{base}/{PAGES[n % len(PAGES)]}", wait_until="commit")
            for page in pages:
                # the server's side is what this proves: every run got to its end without an error box
                # (eight tabs drawing every chart at once on two cores is the browser's load, not ours)
                wait_for_app(page, timeout=90_000, charts=False)
                assert page.locator('[data-testid="stException"]').count() == 0, page.url
        finally:
            for page in pages:
                page.close()
    assert "Traceback" not in (tmp_path / "streamlit.log").read_text(errors="replace")


@pytest.mark.parametrize(
    "path, keeps", [("/timeline?event=EH033", "event=EH033"), ("/figures", ""), ("/people", "")]
)
def test_switching_language_there_and_back_keeps_the_view(server, context, path, keeps):
    # a choice widget's value travels as its label; a language switch must not turn it into the other
    # label
    page, _ = open_page(context, server + path)
    try:
        side = page.locator('[data-testid="stSidebar"]')
        for label, lang in (("English", "lang=en"), ("한국어", None)):
            side.get_by_text(label, exact=True).click()
            if lang:
                page.wait_for_function(f"() => location.search.includes('{lang}')", timeout=20_000)
            else:
                page.wait_for_function("() => !location.search.includes('lang=en')", timeout=20_000)
            wait_for_app(page)
            assert page.locator('[data-testid="stException"]').count() == 0
            query = page.url.split("?", 1)[1] if "?" in page.url else ""
            assert set(query.replace("lang=en", "").strip("&").split("&")) - {""} == ({keeps} - {""}), (
                page.url
            )
    finally:
        page.close()


@pytest.mark.parametrize(
    "label, check",
    [
        (
            "CSV 내려받기",
            lambda b: b.startswith(b"\xef\xbb\xbf") and b"event_id" in b and len(b.splitlines()) > 2,
        ),
        ("걸러낸 행 JSON", lambda b: __import__("json").loads(b)[0]["event_id"].startswith("E")),
        ("데이터 패키지 전체 (zip)", lambda b: b[:2] == b"PK"),
        ("TimelineJS JSON", lambda b: len(__import__("json").loads(b)["events"]) > 10),
    ],
)
def test_explorer_downloads_give_files_of_the_right_type(server, context, label, check):
    page, _ = open_page(context, f"{server}/explorer?table=events&q=1917")
    try:
        with page.expect_download() as info:
            page.get_by_role("button", name=label).click()
        data = open(info.value.path(), "rb").read()
        assert data and check(data)
    finally:
        page.close()


def test_presentation_mode_full_width_without_sidebar(server, context):
    page, _ = open_page(
        context, f"{server}/slides?present=1&deck=figure:constituent_assembly,figure:industrial_output"
    )
    try:
        page.wait_for_selector("img.present-slide", timeout=30_000)
        # the style that hides the sidebar lands with the page's last elements: wait for it, do not race
        # it
        page.locator('[data-testid="stSidebar"]').wait_for(state="hidden", timeout=15_000)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        page.get_by_role("button", name="다음").click()
        page.wait_for_function("() => location.search.includes('slide=2')", timeout=20_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "presentation_mode.png"))
    finally:
        page.close()


@pytest.mark.parametrize("label", ["download_deck", "download_bundle"])
def test_one_click_builds_with_progress_on_the_button_then_downloads(server, context, label):
    """The file is built when its button is clicked: meanwhile the button turns into a disabled spinner, which
    goes when the download starts; one click is enough."""
    deck = "figure:constituent_assembly,figure:industrial_output,timeline:1917"
    page, _ = open_page(context, f"{server}/slides?deck={deck}")
    try:
        name = t(label, "ko", n=6).split("(")[0].strip()
        button = page.get_by_role("button", name=name)
        busy = button.locator('[data-testid="stSpinnerIcon"]')
        assert busy.count() == 0
        with page.expect_download(timeout=120_000) as info:
            button.click()
            busy.wait_for(timeout=10_000)
            assert button.is_disabled()
        assert open(info.value.path(), "rb").read()[:2] == b"PK"  # a PPTX and a zip are both zip files
        busy.wait_for(state="detached", timeout=10_000)
        assert button.is_enabled()
    finally:
        page.close()


def image_download(context, url: str, label: str) -> tuple[str, bytes]:
    """Open a view, open its first chart's image menu and take the download named `label`: its file name
    and bytes."""
    page, _ = open_page(context, url)
    try:
        charts_drawn(page)
        page.get_by_role("button", name="이미지 내려받기").first.click()
        with page.expect_download(timeout=120_000) as info:
            page.get_by_role("button", name=label).click()
        return info.value.suggested_filename, open(info.value.path(), "rb").read()
    finally:
        page.close()


def test_the_timeline_image_download_is_a_zip_of_slide_sized_pages_and_says_so(server, context):
    import io
    import struct
    import zipfile

    label = t("image_pages", "ko", label=t("png_slide", "ko"))
    name, data = image_download(context, f"{server}/timeline?from=1914&to=1924", label)
    assert name.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pngs = [zf.read(n) for n in sorted(zf.namelist())]
    assert len(pngs) > 1
    assert all(struct.unpack(">II", p[16:24]) == (3840, 2160) for p in pngs)


def test_chart_image_download_is_a_slide_sized_png(server, context):
    import struct

    _, data = image_download(context, f"{server}/figures?group=constituent_assembly", t("png_slide", "ko"))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (3840, 2160)
