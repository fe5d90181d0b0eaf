"""nginx in front of the dashboard's replicas: the processes (started in their own sessions, stopped by
their process ids), the configuration filled in from deploy/nginx.conf, Streamlit's static files
precompressed for it, deploy/production.toml as flags, and nginx's access log read back (which replica
answered each request)."""

import os
import re
import shutil
import signal
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

from harness.browser import server_command
from revolution.data.paths import ROOT

NGINX = "/usr/sbin/nginx"
TEMPLATE = ROOT / "deploy" / "nginx.conf"
COOKIE = "st_route"
LOG_LINE = re.compile(
    r'^\S+ \[[^\]]+\] "(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d+) route=(?P<route>\S+) '
    r'upstream="(?P<upstream>[^"]*)" upstream_status="(?P<ustatus>[^"]*)"'
)
PRODUCTION = ROOT / "deploy" / "production.toml"


def say(msg: str = "") -> None:
    print(msg, flush=True)


def ensure_nginx() -> None:
    if os.path.exists(NGINX):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(
            "nginx is not installed: run `sudo apt-get install -y nginx` (Debian's package), then this again"
        )
    say("installing Debian's nginx (apt-get install -y nginx) ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends", "nginx"]
    if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(
            ["apt-get", "-o", "DPkg::Lock::Timeout=300", "update"], env=env, stdout=subprocess.DEVNULL
        )
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    if not os.path.exists(NGINX):
        sys.exit("apt-get ran but /usr/sbin/nginx is still missing")


def stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    """Stop a child started in its own session, with its whole process group, by its process id."""
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def start_replica(port: int, log: Path, cookie_secret: str) -> subprocess.Popen:
    cmd = [*server_command(port), *production_flags()]
    # one cookie secret for all replicas (it signs st.login's cookies; XSRF tokens are not signed)
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    return subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def precompress(dest: Path) -> Path:
    """Streamlit's static files (the replicas' own version, from this venv) copied under `dest`, each text
    file beside its gzip (level 9, made once here rather than by nginx for every student): what nginx's
    `location /static/` serves with gzip_static. Copies, not links: nginx's workers may not read the venv."""
    import gzip

    import streamlit

    src = Path(streamlit.__file__).parent / "static" / "static"
    for path in src.rglob("*"):
        if not path.is_file():
            continue
        out = dest / path.relative_to(src)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        if (
            path.suffix in {".js", ".css", ".json", ".svg", ".ttf", ".txt", ".map"}
            and path.stat().st_size > 1024
        ):
            packed = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            if len(packed) < path.stat().st_size:
                out.with_name(out.name + ".gz").write_bytes(packed)
    for folder in [dest, *(d for d in dest.rglob("*") if d.is_dir())]:
        folder.chmod(0o755)
    return dest


def start_nginx(run: Path, listen: str, replicas: list[str]) -> subprocess.Popen:
    conf = TEMPLATE.read_text()
    static = run / "static"
    if not static.is_dir():
        precompress(static)
    for name, value in {
        "RUN_DIR": str(run),
        "STATIC_DIR": str(static),
        "LISTEN": listen,
        "SERVER_NAME": "127.0.0.1 localhost",  # the Host names this proof uses; a real site puts its own
        "REPLICA_1": replicas[0],
        "REPLICA_2": replicas[1],
    }.items():
        conf = conf.replace(f"@{name}@", value)
    left = re.findall(r"@[A-Z_0-9]+@", conf)
    assert not left, f"unfilled placeholders in deploy/nginx.conf: {left}"
    (run / "nginx.conf").write_text(conf)
    (run / "tmp").mkdir(exist_ok=True)
    run.chmod(0o755)  # as root, nginx's workers run as nobody and must reach the temp folders
    (run / "tmp").chmod(0o755)
    args = [NGINX, "-p", str(run), "-e", str(run / "error.log"), "-c", str(run / "nginx.conf")]
    check = subprocess.run(args + ["-t", "-q"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError("nginx -t refused the configuration:\n" + check.stderr)
    return subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=open(run / "nginx.stderr", "wb"), start_new_session=True
    )


def read_log(path: Path, offset: int = 0) -> list[dict]:
    """The access log's lines (from a byte offset on) with the replicas tried and the one that
    answered."""
    rows = []
    with open(path, "rb") as f:
        f.seek(offset)
        text = f.read().decode(errors="replace")
    for line in text.splitlines():
        m = LOG_LINE.match(line)
        if m:
            row = m.groupdict()
            tried = [a.strip() for a in row["upstream"].split(",") if a.strip() and a.strip() != "-"]
            row["tried"], row["final"] = tried, (tried[-1] if tried else "-")
            rows.append(row)
    return rows


def kind(path: str) -> str:
    if path.startswith("/_stcore/stream"):
        return "websocket"
    if path.startswith("/static/") or path.startswith("/favicon"):
        return "static"
    if "/_stcore/" in path:  # host-config, health (the frontend also tries them under the page's path)
        return "stcore"
    if path.startswith("/media/"):
        return "media"
    return "page"


def by_route(rows: list[dict], routes: list[str] | None) -> dict[str, list[dict]]:
    groups = defaultdict(list)
    for row in rows:
        if routes is None or row["route"] in routes:
            groups[row["route"]].append(row)
    return groups


def production_flags(path: Path = PRODUCTION) -> list[str]:
    """deploy/production.toml as `streamlit run` flags (Streamlit reads no other config file); a list
    option repeats its flag."""
    flags = []
    for section, options in tomllib.loads(path.read_text(encoding="utf-8")).items():
        for name, value in options.items():
            for v in value if isinstance(value, list) else [value]:
                flags += [f"--{section}.{name}", str(v).lower() if isinstance(v, bool) else str(v)]
    return flags
