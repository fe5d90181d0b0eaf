"""The deployment's files: production settings are real Streamlit options, and nginx accepts the template."""

import importlib.util
import os
import subprocess
import tomllib

import pytest

from .conftest import ROOT

DEPLOY = ROOT / "deploy"


def replicas():
    spec = importlib.util.spec_from_file_location("replicas", DEPLOY / "replicas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
        "LISTEN": "127.0.0.1:1",
        "SERVER_NAME": "localhost",
        "REPLICA_1": "127.0.0.1:2",
        "REPLICA_2": "127.0.0.1:3",
    }.items():
        conf = conf.replace(f"@{name}@", value)
    assert "@" not in conf.replace("$request_id", "")
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
