"""A class opening one link at once (issue 25): the server's settings for a shared link, warming, and the
protocol-level student that benchmarks/classroom.py sends thirty of. Timings are the benchmark's; these tests
assert behaviour."""

import hashlib
import os
import shutil
import subprocess
import tomllib

import pytest

import serve
import sitemap
from harness import student
from harness.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server

from .conftest import ROOT


def test_the_defaults_are_a_shared_links():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none" and config["server"]["runOnSave"] is False
    assert config["runner"]["postScriptGC"] is False and config["runner"]["magicEnabled"] is False


def dev_run(tmp_path, *args: str) -> list[str]:
    """The arguments `./dev run ARGS` hands to serve.py, from a stand-in venv whose python prints them."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    (venv / "bin" / "python").write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    (venv / "bin" / "python").chmod(0o755)
    reqs = b"".join((ROOT / f).read_bytes() for f in ("requirements.txt", "requirements-dev.txt"))
    (venv / ".requirements.sha256").write_text(hashlib.sha256(reqs).hexdigest() + "\n")
    out = subprocess.run(
        [str(ROOT / "dev"), "run", *args],
        env={**os.environ, "VENV": str(venv)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def flag(argv: list[str], name: str) -> str | None:
    """The value Streamlit reads for a flag: its last occurrence."""
    values = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == name]
    return values[-1] if values else None


@pytest.mark.skipif(
    not all(shutil.which(c) for c in ("npm", "soffice", "pdftoppm", "chromium")),
    reason="./dev run would install Debian packages first",
)
def test_dev_run_serves_loopback_with_the_shared_link_settings_and_dev_and_lan_change_only_theirs(tmp_path):
    plain = dev_run(tmp_path)
    assert plain[0] == "serve.py" and flag(plain, "--server.address") == "127.0.0.1"
    assert flag(plain, "--server.fileWatcherType") is None  # config.toml's "none"
    dev = dev_run(tmp_path, "--dev", "--server.port", "8600")
    assert flag(dev, "--server.fileWatcherType") == "auto" and flag(dev, "--server.runOnSave") == "true"
    assert flag(dev, "--server.port") == "8600" and flag(dev, "--server.address") == "127.0.0.1"
    lan = dev_run(tmp_path, "--lan")
    assert flag(lan, "--server.address") == "0.0.0.0" and flag(lan, "--server.fileWatcherType") is None
    assert flag(lan, "--browser.serverAddress") not in (None, "")
    # the address printed is the one served, whatever port is given
    assert any(":8612 " in line for line in dev_run(tmp_path, "--lan", "--server.port", "8612"))
    edit = dev_run(tmp_path, "--edit", "--server.port=8613")
    assert any("http://127.0.0.1:8613 " in line for line in edit) and not any(":8501" in x for x in edit)


def test_the_default_links_are_every_page_in_both_languages():
    links = serve.default_links()
    assert {file for file, _ in links} == {p.file for p in sitemap.PAGES}
    assert sorted(params.get("lang", "ko") for _, params in links) == ["en"] * 8 + ["ko"] * 8


@pytest.fixture(scope="module")
def warm_server(tmp_path_factory):
    env = {"DASHBOARD_WARM": "1"}  # the suite's servers do not warm (tests/conftest.py); this one must
    with streamlit_server(env=env, log=tmp_path_factory.mktemp("server") / "streamlit.log") as base:
        yield base


def default_student_links() -> list[student.Link]:
    """The default links as a student's browser asks for them: the first page at '/', every other page by
    its own path, in Korean (no parameter) and English (?lang=en)."""
    return [
        student.Link("" if n == 0 else p.url_path, query)
        for query in ("", "lang=en")
        for n, p in enumerate(sitemap.PAGES)
    ]


def test_the_first_student_on_each_default_link_misses_no_cache(warm_server):
    before = student.cache_lookups(warm_server)
    assert sum(n for (_, result), n in before.items() if result == "miss") > 0  # serve.warm() filled them
    for link in default_student_links():
        seen = student.visit(warm_server, link, expect=student.expected(link))
        assert seen.error is None, (link, seen.error)
    after = student.cache_lookups(warm_server)
    missed = {
        name: after[(name, "miss")] - before[(name, "miss")] for name, result in after if result == "miss"
    }
    assert not {k: v for k, v in missed.items() if v}, missed
    assert sum(after[k] - before[k] for k in after if k[1] == "hit") > 0  # they did read the caches

    # the count sees a session's misses: a link no default covers computes its timeline
    other = student.Link("timeline", "from=1900&to=1910")
    assert student.visit(warm_server, other, expect=student.expected(other)).error is None
    assert (
        student.cache_lookups(warm_server)[("cached.timeline", "miss")] > after[("cached.timeline", "miss")]
    )


def test_a_student_on_a_wrong_page_is_an_error_not_a_pass(warm_server):
    asked = student.Link("timelines")
    seen = student.visit(warm_server, asked, expect=student.expected(student.Link("timeline")))
    assert seen.error and "wrong page" in seen.error
    seen = student.visit(
        warm_server, student.Link("figures"), expect=student.expected(student.Link("timeline"))
    )
    assert seen.error and "wrong page" in seen.error


@pytest.mark.browser
def test_a_student_does_what_chromium_does_on_the_same_link(warm_server):
    from playwright.sync_api import sync_playwright

    link = student.Link("timeline", "lang=en")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            files, elements, sent = student.record(warm_server, link, browser)
        finally:
            browser.close()
    assert files.before and files.after and "gzip" in files.accept_encoding
    assert any("plotly" in f.lower() for f in files.before + files.after)
    seen = student.visit(warm_server, link, files, expect=student.expected(link))
    assert student.validate(seen, elements, sent, link, warm_server) == []
    assert seen.statuses[200] >= len(files.before) + len(files.after) and seen.ready >= seen.finished


def _get(url: str, headers: dict, method: str = "GET"):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers, method=method)) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_the_front_end_files_go_from_memory_before_streamlit_and_everything_else_to_it(warm_server):
    import gzip
    import re

    import streamlit

    page = _get(warm_server + "/", {"Accept-Encoding": "gzip"})[2].decode()
    script = re.search(r'src="\./(static/js/[^"]+\.js)"', page)[1]
    on_disk = (ROOT / streamlit.__file__).parent.joinpath("static", script).read_bytes()

    status, headers, body = _get(f"{warm_server}/{script}", {"Accept-Encoding": "gzip, deflate, br"})
    assert (status, headers.get("content-encoding"), headers.get("vary")) == (200, "gzip", "Accept-Encoding")
    assert "immutable" in headers["cache-control"] and len(body) < len(on_disk) / 2
    assert gzip.decompress(body) == on_disk
    again = _get(f"{warm_server}/{script}", {"Accept-Encoding": "gzip"})[2]
    assert again == body  # compressed once, the same bytes for every student
    status, headers, _ = _get(f"{warm_server}/{script}", {"Accept-Encoding": "gzip"}, "HEAD")
    assert (status, int(headers["content-length"])) == (200, len(body))
    # a browser that has the file asks whether it changed: it did not
    tag = headers["etag"]
    status, _, nothing = _get(f"{warm_server}/{script}", {"Accept-Encoding": "gzip", "If-None-Match": tag})
    assert (status, nothing) == (304, b"")

    # a client without gzip gets the file as it is, and a font (compressed already) goes as it is too
    status, headers, plain = _get(f"{warm_server}/{script}", {"Accept-Encoding": "identity"})
    assert (status, headers.get("content-encoding"), plain) == (200, None, on_disk)
    assert headers["etag"] != tag
    fonts = sorted((ROOT / streamlit.__file__).parent.joinpath("static", "static").rglob("*.woff2"))
    font = fonts[0].relative_to(fonts[0].parents[2]).as_posix()  # static/media/….woff2
    status, headers, data = _get(f"{warm_server}/{font}", {"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding"), data) == (200, None, fonts[0].read_bytes())
    assert "immutable" in headers["cache-control"] and headers["content-type"] == "font/woff2"

    # a range, and anything not a file of the folder, get Streamlit's own answer, unchanged
    status, headers, part = _get(
        f"{warm_server}/{script}", {"Accept-Encoding": "gzip", "Range": "bytes=0-99"}
    )
    assert (status, part) == (206, on_disk[:100])
    # the page itself is not cached (it names the hashed files), and nothing outside the folder is served
    assert "immutable" not in _get(warm_server + "/", {"Accept-Encoding": "gzip"})[1].get("cache-control", "")
    status, headers, _ = _get(warm_server + "/static/..%2f..%2f__init__.py", {"Accept-Encoding": "gzip"})
    assert (status, headers.get("content-encoding")) == (400, None)
    status, headers, body = _get(warm_server + "/static/js/missing.js", {"Accept-Encoding": "gzip"})
    assert headers.get("content-encoding") is None and headers["content-type"].startswith("text/html")
