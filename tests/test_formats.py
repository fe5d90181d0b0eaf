"""Every file we hand out, read by its format's own validator or reader, not by our idea of the format.

CITATION.cff: cffconvert. The data package zip and the filtered CSV and JSON: Frictionless. The TimelineJS
JSON: TimelineJS in Chromium. SVG: an XML parser. The deck: python-pptx, then LibreOffice and poppler.
PNG sizes are checked in test_images.py. The validators are installed by `./dev test` (see `dev`, `tools`);
a machine without one skips its test and says which.
"""

import copy
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from harness.browser import CHROMIUM, CHROMIUM_ARGS
from revolution.data import filters
from revolution.exports import export, images, publish
from revolution.views import figure_charts

from .conftest import DATA, ROOT

TOOLS = ROOT / ".tools"
TIMELINEJS = TOOLS / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
NAMES = {"history": "류한수", "manifesto": "국제코뮤니스트흐름"}
INSTALL = "./dev test (or ./dev tools) installs it"


def tool(name: str) -> str | None:
    """A validator's executable: the one `dev` put in .tools/venv, else one on PATH."""
    local = TOOLS / "venv" / "bin" / name
    return str(local) if local.is_file() else shutil.which(name)


def resources() -> dict:
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r for r in descriptor["resources"]}


# --- CITATION.cff ------------------------------------------------------------------------------------------


@pytest.mark.skipif(not tool("cffconvert"), reason=f"cffconvert is not installed; {INSTALL}")
def test_citation_cff_passes_cffconvert():
    # The Citation File Format's reference tool, as GitHub and Zenodo read the file. It first rejected the
    # chapter's reference: 'book-section' is not one of ['art', 'article', ..., 'book', ...].
    done = subprocess.run(
        [tool("cffconvert"), "--validate", "-i", str(ROOT / "CITATION.cff")], capture_output=True, text=True
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-600:]
    assert "valid" in done.stdout


def test_citation_cff_cites_both_texts_by_the_titles_in_sources_csv():
    # cffconvert checks the form but converts no references (its BibTeX, APA and schema.org output leave them
    # out), so the titles are compared here
    import yaml

    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    with (DATA / "sources.csv").open(encoding="utf-8") as fh:
        titles = [r["title_ko"] for r in csv.DictReader(fh)]
    assert set(titles) <= {r["title"] for r in cff["references"]}


# --- the data package zip, and the filtered CSV and JSON downloads -----------------------------------------


def frictionless_report(folder: Path, descriptor: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", descriptor],
        capture_output=True,
        text=True,
        cwd=folder,
    )
    return json.loads(done.stdout)


def test_the_explorer_zip_unzipped_passes_frictionless(tmp_path):
    with zipfile.ZipFile(io.BytesIO(publish.package_zip(DATA))) as zf:
        zf.extractall(tmp_path)
    (folder,) = tmp_path.iterdir()  # one top folder, as the zip is made
    report = frictionless_report(folder, "datapackage.json")
    errors = [e["message"] for t in report["tasks"] for e in t["errors"]]
    assert report["valid"], errors[:5]
    # every resource read from the zip's own files, rows and all (a missing file is an error too)
    assert sorted(t["name"] for t in report["tasks"]) == sorted(resources())
    # every table has rows; a map layer (GeoJSON) is a file, not a table: it is in the zip, not empty
    assert all(t["stats"]["rows"] > 0 for t in report["tasks"] if "rows" in t["stats"])
    layers = [t["name"] for t in report["tasks"] if "rows" not in t["stats"]]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["name"]: r["path"] for r in package["resources"]}
    assert all((folder / paths[name]).stat().st_size > 1000 for name in layers)


def download_schema(table: str) -> dict:
    """The resource's schema from data/datapackage.json, as the filtered download is: without foreign keys
    (they point at tables a single file does not hold); for figures, with what the loader adds to the stated
    rows: the derived rows (derived.csv's ids) and the columns `kind` and `derivation` that say which."""
    res = resources()
    schema = copy.deepcopy(res[table]["schema"])
    schema.pop("foreignKeys", None)
    if table == "figures":
        pattern = {
            name: next(f for f in res[name]["schema"]["fields"] if f["name"] == "figure_id")["constraints"][
                "pattern"
            ]
            for name in ("figures", "derived")
        }
        field = next(f for f in schema["fields"] if f["name"] == "figure_id")
        field["constraints"]["pattern"] = f"(?:{pattern['figures']})|(?:{pattern['derived']})"
        schema["fields"] += [
            {
                "name": "kind",
                "type": "string",
                "constraints": {"required": True, "enum": ["stated", "derived"]},
            },
            {"name": "derivation", "type": "string"},
        ]
    return schema


SELECTIONS = {
    "figures, all": ("figures", {}),
    "figures, one text and one chart": ("figures", {"sources": ("history",), "groups": ("petrograd_1917",)}),
    "events, all": ("events", {}),
    "events, a search": ("events", {"text": "혁명"}),
    "events, one text and two categories": (
        "events",
        {"sources": ("manifesto",), "categories": ("revolution", "war")},
    ),
}


def selected(dataset, table: str, how: dict):
    if table == "figures":
        return filters.figures(dataset, **how)
    return filters.events(dataset, filters.EventFilter(**how))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("selection", list(SELECTIONS))
def test_the_filtered_download_passes_frictionless_against_its_schema(dataset, tmp_path, selection, fmt):
    from frictionless import Schema, formats
    from frictionless.resources import TableResource

    table, how = SELECTIONS[selection]
    rows = selected(dataset, table, how)
    assert 0 < len(rows), "a selection that selects nothing checks nothing"
    body = export.safe_csv(rows) if fmt == "csv" else publish.json_records(rows)
    (tmp_path / f"{table}.{fmt}").write_bytes(body)
    # a .json path alone is read as a JSON document, not a table: say it is a table of keyed rows
    control = {"control": formats.JsonControl(keyed=True)} if fmt == "json" else {}
    schema = Schema.from_descriptor(download_schema(table))
    report = TableResource(path=f"{table}.{fmt}", basepath=str(tmp_path), schema=schema, **control).validate()
    errors = [e.message for t in report.tasks for e in t.errors]
    assert report.valid, errors[:5]
    assert report.tasks[0].stats["rows"] == len(rows)


def test_the_figures_schema_check_can_fail(dataset, tmp_path):
    # the same check on a download with a row that breaks the schema: a qualifier outside its enum
    from frictionless import Schema
    from frictionless.resources import TableResource

    rows = filters.figures(dataset).copy()
    rows.loc[rows.index[0], "qualifier"] = "roughly"
    (tmp_path / "figures.csv").write_bytes(export.safe_csv(rows))
    report = TableResource(
        path="figures.csv", basepath=str(tmp_path), schema=Schema.from_descriptor(download_schema("figures"))
    ).validate()
    assert not report.valid and "roughly" in report.tasks[0].errors[0].message


# --- TimelineJS --------------------------------------------------------------------------------------------

TIMELINE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<script src="timelinejs/js/timeline.js"></script>
<style>html, body { height: 100%; margin: 0; } #timeline { width: 100%; height: 100%; }</style>
</head><body><div id="timeline"></div>
<script>
window.__loaded = false;
const q = new URLSearchParams(location.search);
// every option that would fetch from elsewhere off: web fonts, analytics, Soundcite
const timeline = new TL.Timeline('timeline', q.get('data'), {
  script_path: new URL('timelinejs/js/', location.href).href, language: q.get('lang'),
  font: null, hash_bookmark: false, soundcite: false, ga_measurement_id: null, track_events: []
});
timeline.on('loaded', () => { window.__loaded = true; });
</script></body></html>
"""
TIMELINE_STATE = """() => ({
  loaded: window.__loaded,
  error: window.__loaded ? null
    : (document.querySelector('.tl-message-full') || {}).innerText || 'no message',
  markers: [...document.querySelectorAll('.tl-timenav .tl-timemarker')].map(m => {
    // the marker of a one-day event is a zero-width line; its flag (the content container) has a size
    const r = m.querySelector('.tl-timemarker-content-container').getBoundingClientRect();
    return {id: m.id, drawn: r.width > 0 && r.height > 0,
            headline: (m.querySelector('.tl-headline') || {}).innerText || ''};
  }),
  slides: [...document.querySelectorAll('.tl-slide')].map(s => s.id),
  eras: document.querySelectorAll('.tl-timeera').length,
})"""
LOOPBACK = re.compile(r"^https?://127\.0\.0\.1[:/]")


@pytest.fixture(scope="module")
def timeline_site(tmp_path_factory, dataset):
    """A folder served on loopback: TimelineJS's own files (from npm, by `dev`), the page, our exports."""
    from harness.browser import static_server

    site = tmp_path_factory.mktemp("timelinejs")
    (site / "timelinejs").symlink_to(TIMELINEJS, target_is_directory=True)
    (site / "index.html").write_text(TIMELINE_PAGE, encoding="utf-8")
    for lang in ("ko", "en"):
        names = dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))
        (site / f"events_{lang}.json").write_bytes(
            publish.timelinejs_bytes(dataset.events, dataset.eras, lang, names)
        )
    one_year = publish.timelinejs(dataset.events.head(3), dataset.eras.head(1), "en", NAMES)
    one_year["eras"][0]["start_date"] = one_year["eras"][0]["end_date"] = {"year": 1917}
    (site / "one_year_era.json").write_text(json.dumps(one_year), encoding="utf-8")
    with static_server(site) as base:
        yield base


@pytest.fixture(scope="module")
def offline_browser():
    """Debian's Chromium with every request not to loopback aborted and recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        outside = []

        def gate(route):
            if LOOPBACK.match(route.request.url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route(re.compile(r"^[a-z]+://"), gate)
        yield context, outside
        browser.close()


def load_in_timelinejs(context, url: str) -> dict:
    """TimelineJS's state once it has drawn the data or said why not. Its message box also shows 'Loading
    Timeline...' while it works; a refusal is 'Error:' in bold there. A load that ends in neither (a failed
    fetch is said without the bold) comes back after the wait with the message it shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = context.new_page()
    try:
        page.goto(url)
        try:
            page.wait_for_function(
                "() => window.__loaded || !!document.querySelector('.tl-message-full strong')", timeout=60_000
            )
        except PlaywrightTimeout:
            pass
        return page.evaluate(TIMELINE_STATE)
    finally:
        page.close()


def needs_timelinejs(test):
    marks = (
        pytest.mark.browser,
        pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
        pytest.mark.skipif(
            not (TIMELINEJS / "js" / "timeline.js").is_file(),
            reason=f"TimelineJS is not in .tools/; {INSTALL}",
        ),
    )
    for mark in marks:
        test = mark(test)
    return test


@needs_timelinejs
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_timelinejs_draws_every_event_of_our_export(dataset, timeline_site, offline_browser, lang):
    context, outside = offline_browser
    state = load_in_timelinejs(context, f"{timeline_site}/index.html?data=events_{lang}.json&lang={lang}")
    assert state["error"] is None and state["loaded"]
    ids = list(dataset.events.event_id)
    assert sorted(m["id"] for m in state["markers"]) == sorted(f"{i}-marker" for i in ids)
    assert all(m["drawn"] for m in state["markers"])
    assert set(state["slides"]) >= set(ids) and len(state["slides"]) == len(ids) + 1  # and the title slide
    headline = dict(zip(dataset.events.event_id, dataset.events[f"title_{lang}"]))
    assert all(m["headline"] == headline[m["id"].removesuffix("-marker")] for m in state["markers"])
    assert state["eras"] == len(dataset.eras)
    assert outside == []


@needs_timelinejs
def test_timelinejs_check_sees_a_refusal(timeline_site, offline_browser):
    # the export as it was before the benchmark found it: an era ending where it starts, which TimelineJS
    # refuses as a whole
    context, _ = offline_browser
    state = load_in_timelinejs(context, f"{timeline_site}/index.html?data=one_year_era.json&lang=en")
    assert not state["loaded"] and "era" in state["error"].lower()


# --- SVG and the deck --------------------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")


def group_slides(dataset, lang: str = "ko", url: str = "http://localhost") -> list:
    """Two groups' charts as deck slides (the test_publish deck test uses them too)."""
    groups = dataset.groups.set_index("group_id")
    slides = []
    for gid in ("constituent_assembly", "industrial_output"):
        rows = dataset.figures[dataset.figures.group == gid]
        g = groups.loc[gid].to_dict() | {"group_id": gid}
        slides.append(
            publish.Slide(
                figure_charts.group_chart(rows, g, lang, NAMES),
                g[f"title_{lang}"],
                "출처: 류한수",
                "\n".join(rows.quote),
                url=f"{url}/figures?group={gid}",
            )
        )
    return slides


@needs_chromium
@pytest.mark.parametrize("size", [images.SLIDE, images.SQUARE], ids=["slide", "square"])
def test_svg_download_parses_as_xml_at_its_size(dataset, size):
    # what the image download's SVG button makes: a chart with its citation, rendered by kaleido
    from lxml import etree

    chart = group_slides(dataset)[0].figure
    svg = images.render(images.with_citation(chart, "출처: 류한수"), "svg", size)
    root = etree.fromstring(svg)  # a well-formedness error raises here
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert (root.get("width"), root.get("height")) == tuple(str(n) for n in size)
    assert root.get("viewBox") == f"0 0 {size[0]} {size[1]}"
    assert "출처: 류한수" in "".join(root.itertext())


@pytest.fixture(scope="module")
def deck_file(tmp_path_factory, dataset) -> Path:
    """One deck for the deck tests: title, two chart slides, sources."""
    path = tmp_path_factory.mktemp("deck") / "deck.pptx"
    path.write_bytes(publish.deck(group_slides(dataset), "ko", list(NAMES.values())))
    return path


@needs_chromium
def test_deck_opens_in_python_pptx(deck_file):
    from pptx import Presentation

    prs = Presentation(str(deck_file))
    assert len(prs.slides) == 4
    assert all(any(sh.has_text_frame and sh.text_frame.text for sh in s.shapes) for s in prs.slides)


@needs_chromium
@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftoppm")),
    reason="LibreOffice (libreoffice-impress) or poppler-utils is not installed; ./dev test installs them",
)
def test_deck_converts_in_libreoffice_to_one_page_per_slide(deck_file, tmp_path):
    from PIL import Image
    from pptx import Presentation

    slides = len(Presentation(str(deck_file)).slides)
    # a profile of its own: two LibreOffice runs sharing one profile lock each other out
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck_file),
        ],
        capture_output=True,
        text=True,
    )
    pdf = tmp_path / "deck.pdf"
    assert done.returncode == 0 and pdf.is_file(), (done.stdout + done.stderr)[-600:]
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == slides
    # the chart slides are drawn, not blank: many pixels differ from the white page
    for page in pages[1:-1]:
        grey = Image.open(page).convert("L")
        dark = sum(grey.point(lambda v: 255 if v < 200 else 0).histogram()[255:])
        assert dark > 0.02 * grey.width * grey.height, page.name
