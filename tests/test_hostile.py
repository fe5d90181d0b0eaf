"""Hostile data in a real browser: markup in cells is shown as text, never run; a broken file gives one
message."""

import csv
import hashlib
import shutil

import pytest

from harness.browser import streamlit_server, wait_for_app

from .conftest import DATA, SEEDS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed"),
]
PAYLOADS = [
    "<script>window.__pwned=1;alert('xss')</script>",
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "[click](javascript:window.__pwned=1)",
    "‮evil‬ 🚩 " + "가" * 300,
]


def hostile_copy(tmp_path):
    """data/ copied with markup and oddities in every free-text column a page shows; data/ is never edited."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    for name, cols in (
        ("events.csv", ["title_ko", "title_en", "notes_ko", "notes_en"]),
        ("figures.csv", ["measure_ko", "measure_en", "notes_ko", "notes_en"]),
        ("notes.csv", ["issue_ko", "issue_en"]),
    ):
        path = target / name
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
        for n, row in enumerate(rows):
            for col in cols:
                row[col] = PAYLOADS[n % len(PAYLOADS)] + " " + row[col]
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return target


def test_markup_in_the_data_is_shown_as_text_and_never_runs(tmp_path, context):
    env = {"REVOLUTION_DATA_DIR": str(hostile_copy(tmp_path)), "REVOLUTION_SEEDS_DIR": str(SEEDS)}
    with streamlit_server(env=env) as base:
        for path in (
            "/timeline?event=EH001",
            "/figures",
            "/explorer?table=events",
            "/sources",
            "/overview",
            "/read?row=EH001",
        ):
            page = context.new_page()
            dialogs = []
            page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
            page.goto(base + path)
            wait_for_app(page)
            # every image has loaded or failed: an injected <img onerror> would have fired by then
            page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=20_000)
            assert dialogs == [], path
            assert page.evaluate("() => window.__pwned === undefined"), path
            assert page.locator('[data-testid="stException"]').count() == 0, path
            assert page.locator("main img[src='x']").count() == 0, path
            page.close()


@pytest.mark.parametrize(
    "name, line, expect",
    [
        ("figures.csv", "value", "figures.csv"),
        ("events.csv", "start", "events.csv"),
    ],
)
def test_a_broken_file_shows_one_clear_message_and_no_traceback(tmp_path, context, name, line, expect):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    rows = list(csv.reader((target / name).open(encoding="utf-8")))
    rows[3][rows[0].index(line)] = "not-a-value"
    with (target / name).open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with streamlit_server(env={"REVOLUTION_DATA_DIR": str(target)}) as base:
        page = context.new_page()
        page.goto(base + "/timeline")
        page.wait_for_selector('[data-testid="stAlert"]', timeout=30_000)
        text = page.locator('[data-testid="stAlert"]').first.inner_text()
        assert expect in text and "row 4" in text and line in text
        assert page.locator('[data-testid="stException"]').count() == 0
        assert "Traceback" not in page.locator("body").inner_text()
        page.close()


def test_markup_in_a_seed_and_a_quote_is_inert_on_the_read_page(tmp_path, context):
    """The Read page shows the seed itself: markup added to a seed (checksum updated) and quoted by a note
    is shown as text; no script runs, no image loads, no javascript: link appears."""
    payload = (
        "<script>window.__pwned=1;alert('xss')</script> "
        '<img src=x onerror="window.__pwned=1;alert(1)"> '
        '<a href="javascript:window.__pwned=1">click</a> \u202eevil\u202c'
    )
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(DATA, data)
    path = seeds / "history_ryu.txt"
    path.write_bytes(path.read_bytes() + ("\n\n" + payload + "\n").encode("utf-8"))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    for name, change in (
        ("sources.csv", lambda r: r.update(sha256=digest) if r["source_id"] == "history" else None),
        (
            "notes.csv",
            lambda r: r.update(quote=payload, issue_ko=payload) if r["note_id"] == "N001" else None,
        ),
    ):
        rows = list(csv.DictReader((data / name).open(encoding="utf-8")))
        for r in rows:
            change(r)
        with (data / name).open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    env = {"REVOLUTION_DATA_DIR": str(data), "REVOLUTION_SEEDS_DIR": str(seeds)}
    with streamlit_server(env=env) as base:
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{base}/read?src=history&row=N001")
        wait_for_app(page)
        # every image has loaded or failed: an injected <img onerror> would have fired by then
        page.wait_for_function("() => [...document.images].every(i => i.complete)", timeout=20_000)
        assert dialogs == [] and page.evaluate("() => window.__pwned === undefined")
        assert page.locator("main img[src='x']").count() == 0
        assert page.locator(".rd a[href^='javascript']").count() == 0
        assert "<script>window.__pwned=1" in page.locator(".rd").inner_text()
        assert page.locator('[data-testid="stException"]').count() == 0
        page.close()
