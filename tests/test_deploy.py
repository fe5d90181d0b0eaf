"""The deployment's files: production settings are real Streamlit options, and nginx accepts the template."""

import os
import re
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

from .conftest import ROOT

DEPLOY = ROOT / "deploy"


def replicas():
    from deploy import proxy  # nginx, the replicas' flags: what deploy/replicas.py starts

    return proxy


def test_production_settings_are_streamlit_options_of_the_right_type():
    from streamlit import config

    settings = tomllib.loads((DEPLOY / "production.toml").read_text(encoding="utf-8"))
    seen = 0
    for section, options in settings.items():
        for name, value in options.items():
            option = config._config_options_template.get(f"{section}.{name}")
            assert option is not None, f"{section}.{name} is not a Streamlit option"
            assert isinstance(value, list) == bool(option.multiple), name
            assert all(isinstance(v, option.type) for v in (value if isinstance(value, list) else [value])), (
                name
            )
            seen += 1
    assert seen >= 5 and settings["server"]["address"] == "127.0.0.1"


def test_production_flags_repeat_list_options_and_spell_booleans_as_streamlit_reads_them():
    flags = replicas().production_flags()
    pairs = list(zip(flags[::2], flags[1::2]))
    assert ("--server.fileWatcherType", "none") in pairs and ("--server.runOnSave", "false") in pairs
    assert [v for k, v in pairs if k == "--server.allowedHosts"] == ["localhost", "127.0.0.1"]


@pytest.mark.skipif(not os.path.exists("/usr/sbin/nginx"), reason="nginx is not installed")
def test_nginx_accepts_the_filled_template(tmp_path):
    conf = (DEPLOY / "nginx.conf").read_text()
    for name, value in {
        "RUN_DIR": str(tmp_path),
        "STATIC_DIR": str(tmp_path / "static"),
        "LISTEN": "127.0.0.1:1",
        "SERVER_NAME": "localhost",
        "REPLICA_1": "127.0.0.1:2",
        "REPLICA_2": "127.0.0.1:3",
    }.items():
        conf = conf.replace(f"@{name}@", value)
    assert not re.findall(r"@[A-Z_0-9]+@", conf)
    (tmp_path / "nginx.conf").write_text(conf)
    (tmp_path / "tmp").mkdir()
    check = subprocess.run(
        [
            "/usr/sbin/nginx",
            "-t",
            "-q",
            "-p",
            str(tmp_path),
            "-e",
            str(tmp_path / "error.log"),
            "-c",
            str(tmp_path / "nginx.conf"),
        ],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_a_class_behind_one_address_fits_the_handshake_burst_and_the_flood_does_not():
    conf = (DEPLOY / "nginx.conf").read_text()
    burst = int(re.search(r"limit_req zone=handshakes burst=(\d+)", conf)[1])
    assert 60 <= burst < 120  # 60 students at once get in; deploy/replicas.py's 120 at once are refused
    assert int(re.search(r"limit_req zone=requests burst=(\d+)", conf)[1]) >= 60 * 5


@pytest.mark.skipif(not os.path.exists("/usr/sbin/nginx"), reason="nginx is not installed")
def test_nginx_serves_streamlits_static_files_precompressed_for_good_with_the_security_headers():
    import gzip
    import http.client
    import tempfile

    import streamlit

    from harness.browser import free_port

    module = replicas()
    listen = f"127.0.0.1:{free_port()}"
    # a folder nginx's workers (nobody, when run as root) can reach, as deploy/replicas.py makes it
    run = Path(tempfile.mkdtemp(prefix="nginx-static-"))
    nginx = module.start_nginx(run, listen, [f"127.0.0.1:{free_port()}", f"127.0.0.1:{free_port()}"])
    try:
        source = Path(streamlit.__file__).parent / "static" / "static" / "js"
        bundle = max(source.glob("*.js"), key=lambda p: p.stat().st_size)  # the Plotly chunk, 4.7 MB
        for _ in range(50):  # nginx starts in milliseconds; bounded
            try:
                conn = http.client.HTTPConnection(listen, timeout=10)
                conn.request("GET", f"/static/js/{bundle.name}", headers={"Accept-Encoding": "gzip"})
                resp = conn.getresponse()
                break
            except ConnectionRefusedError:
                time.sleep(0.1)
        body = resp.read()
        assert resp.status == 200 and resp.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == bundle.read_bytes() and len(body) < bundle.stat().st_size / 2
        assert "max-age=315360000" in resp.getheader("Cache-Control")
        # with nosniff on, a browser runs a script only if it is served as one
        assert resp.getheader("Content-Type") == "application/javascript"
        assert resp.getheader("X-Frame-Options") == "DENY" and resp.getheader("X-Content-Type-Options")
        types = {
            ".js": "application/javascript",
            ".css": "text/css",
            ".woff2": "font/woff2",
            ".png": "image/png",
        }
        for suffix, wanted in types.items():  # one file of each kind the front end loads
            sample = next((source.parent).rglob(f"*{suffix}"))
            conn.request("HEAD", f"/static/{sample.relative_to(source.parent)}")
            head = conn.getresponse()
            head.read()
            assert (head.status, head.getheader("Content-Type")) == (200, wanted), sample.name
        conn.request("GET", f"/static/js/{bundle.name}")  # no gzip asked: the file as it is
        plain = conn.getresponse()
        assert plain.getheader("Content-Encoding") is None and plain.read() == bundle.read_bytes()
        conn.request("POST", f"/static/js/{bundle.name}", body=b"x")
        refused = conn.getresponse()
        refused.read()
        assert refused.status == 403
        conn.close()
    finally:
        module.stop(nginx)
        shutil.rmtree(run, ignore_errors=True)
