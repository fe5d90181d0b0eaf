"""Step d of the replicas proof: attacks against nginx are refused (foreign-origin websocket handshakes,
too many handshakes from one address, uploads, the metrics endpoint, an unknown Host), every response
carries the security headers, and Chromium refuses to show the app in a frame."""

import base64
import http.client
import os
import re
import socket
import subprocess
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

from deploy.proxy import say
from harness.browser import wait_for_app

FOREIGN = 40  # foreign-origin handshakes at once: 40 stalled a replica for 10-15 s before nginx refused them


def handshake(addr: str, origin: str | None, timeout: float = 40) -> int | str:
    """One raw websocket handshake on /_stcore/stream: the HTTP status that came back (101 = accepted), or
    what happened instead."""
    host, port = addr.rsplit(":", 1)
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {addr}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ] + ([f"Origin: {origin}"] if origin else [])
    try:
        with socket.create_connection((host, int(port)), timeout=timeout) as s:
            s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            first = s.recv(256).split(b"\r\n", 1)[0].decode(errors="replace")
    except OSError as exc:
        return exc.__class__.__name__
    return int(first.split()[1]) if first.startswith("HTTP/") else (first or "closed")


def health_ms(base: str) -> float:
    start = time.perf_counter()
    try:
        urllib.request.urlopen(base + "/_stcore/health", timeout=60).read()
    except OSError:
        return float("inf")
    return (time.perf_counter() - start) * 1000


def under_handshakes(addr: str, origins: list[str | None], probe: str) -> tuple[Counter, list[float]]:
    """Open all handshakes at once and, until every one is answered, time /_stcore/health at `probe`."""
    answers: list = [None] * len(origins)

    def shake(i: int, origin: str | None) -> None:
        answers[i] = handshake(addr, origin)

    threads = [threading.Thread(target=shake, args=(i, o), daemon=True) for i, o in enumerate(origins)]
    for t in threads:
        t.start()
    times = []
    while any(t.is_alive() for t in threads) or len(times) < 10:
        times.append(health_ms(probe))
        time.sleep(0.05)
    for t in threads:
        t.join()
    return Counter(answers), times


def request(base: str, path: str, method: str = "GET", body: bytes | None = None, host: str | None = None):
    """Status and headers (repeats kept) of one request, or the exception's name if none came back."""
    addr = base.split("//", 1)[1]
    conn = http.client.HTTPConnection(addr, timeout=30)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host or addr)
        if body is not None:
            conn.putheader("Content-Type", "multipart/form-data; boundary=x")
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body is not None:
            try:
                conn.send(body)
            except OSError:  # nginx may answer (and close) before the body is sent: read that answer
                pass
        resp = conn.getresponse()
        resp.read()
        return resp.status, resp.getheaders()
    except (OSError, http.client.HTTPException) as exc:
        return exc.__class__.__name__, []
    finally:
        conn.close()


def rss_mb(procs: list[subprocess.Popen]) -> float:
    total = 0
    for proc in procs:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_s(procs: list[subprocess.Popen]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    fields = [Path(f"/proc/{p.pid}/stat").read_text().rsplit(")", 1)[1].split() for p in procs]
    return sum(int(f[11]) + int(f[12]) for f in fields) / ticks  # utime + stime


def framed(browser, url: str) -> tuple[bool, str]:
    """Whether Chromium draws `url` inside an iframe of a page from another origin, and what it said."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Framing(BaseHTTPRequestHandler):
        def do_GET(self):
            body = f'<!doctype html><title>another site</title><iframe src="{url}"></iframe>'.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    # another origin on loopback (Chromium blocks a public page from framing a loopback one anyway, which
    # would prove nothing), served from a thread of this script
    other = ThreadingHTTPServer(("127.0.0.1", 0), Framing)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    ctx = browser.new_context()
    page = ctx.new_page()
    said = []
    page.on("console", lambda m: said.append(m.text))
    try:
        page.goto(f"http://127.0.0.1:{other.server_port}/")
        inner = None
        for _ in range(40):
            page.wait_for_timeout(250)
            inner = next((f for f in page.frames if f.url.startswith(url.split("?")[0])), None)
            if inner and inner.locator('[data-testid="stMain"]').count():
                return True, "drawn"
            if any("frame-ancestors" in m or "X-Frame-Options" in m for m in said):
                break
        refusal = next((m for m in said if "frame-ancestors" in m or "X-Frame-Options" in m), "")
        return False, refusal or f"frame at {inner.url if inner else 'none'}"
    finally:
        ctx.close()
        other.shutdown()
        other.server_close()


def attack(record, base: str, live: list[str], procs: list[subprocess.Popen], browser) -> None:
    """d. Every attack of issue 17 against nginx, each printed with its figures; all traffic to 127.0.0.1."""
    from revolution.exports import slides
    from revolution.i18n import t

    listen = base.split("//", 1)[1]
    say("d. attacks against nginx ...")
    quiet = sorted(health_ms(base) for _ in range(10))[4]

    # 1. foreign-origin handshakes: refused by nginx; health stays fast
    answers, times = under_handshakes(listen, [f"https://evil{i}.example" for i in range(FOREIGN)], base)
    record(
        "d1. foreign-origin websocket handshakes",
        answers == Counter({403: FOREIGN}) and max(times) < 1000,
        f"{FOREIGN} at once: answers {dict(answers)}; /_stcore/health during them: median "
        f"{sorted(times)[len(times) // 2]:.0f} ms, max {max(times):.0f} ms ({len(times)} probes; quiet: "
        f"{quiet:.0f} ms)",
    )
    # the site's own origin, far more often than a browser would: the rate limit answers 429
    answers, _ = under_handshakes(listen, [f"http://{listen}"] * 120, base)
    record(
        "d1. handshakes rate-limited per address",
        answers[429] > 0 and answers[101] > 0,
        f"120 same-origin handshakes at once: {answers[101]} accepted (101), {answers[429]} refused (429), "
        f"other: {dict((k, n) for k, n in answers.items() if k not in (101, 429)) or 'none'}",
    )
    time.sleep(2)  # let the handshake zone drain before the next checks

    # 2. uploads: the app has no uploader
    before = rss_mb(procs)
    body = os.urandom(1 << 20)
    paths = ["/_stcore/upload_file/s/f", "/timeline/_stcore/upload_file/s/f"]
    ups = Counter(request(base, paths[i % 2], "PUT", body)[0] for i in range(FOREIGN))
    grew = rss_mb(procs) - before
    record(
        "d2. uploads refused",
        set(ups) <= {403, 413} and grew < 5,
        f"{FOREIGN} PUTs of 1 MB: answers {dict(ups)}; replica memory {before:.0f} -> {before + grew:.0f} MB",
    )

    # 6. metrics, and 7. a Host that is not ours (DNS rebinding)
    metrics = {p: request(base, p)[0] for p in ("/_stcore/metrics", "/figures/_stcore/metrics")}
    foreign_host = request(base, "/", host="evil.example")[0]
    record(
        "d3. metrics and foreign Host refused",
        set(metrics.values()) == {403} and not isinstance(foreign_host, int),
        f"{', '.join(f'{p}: {s}' for p, s in metrics.items())}; Host: evil.example: {foreign_host}"
        + ("" if isinstance(foreign_host, int) else " (dropped without an answer: nginx's 444)"),
    )

    # 4. security headers on a page, a static file and a refusal
    want = {
        "content-security-policy": "frame-ancestors 'none'",
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
        "permissions-policy": "camera=()",
    }
    page_status, page_headers = request(base, "/overview")
    index = urllib.request.urlopen(base + "/", timeout=30).read().decode()
    asset = re.search(r'src="\.?/?(static/js/[^"]+)"', index)
    missing, dupes, servers = [], [], set()
    for path in ["/overview", "/" + asset[1] if asset else "/", "/_stcore/metrics"]:
        status, headers = request(base, path)
        names = [k.lower() for k, _ in headers]
        got = {k.lower(): v for k, v in headers}
        missing += [f"{h} on {path}" for h, v in want.items() if v not in got.get(h, "")]
        dupes += [f"{h} on {path}" for h in want if names.count(h) > 1]
        servers.add(got.get("server", "-"))
    hsts = "strict-transport-security" in {k.lower() for k, _ in page_headers}
    record(
        "d4. security headers",
        not missing and not dupes and servers == {"nginx"} and not hsts,
        f"{len(want)} headers on a page ({page_status}), a static file and a refusal: missing "
        f"{missing or 'none'}, repeated {dupes or 'none'}; Server: {', '.join(servers)}; "
        f"HSTS {'sent' if hsts else 'not sent on plain HTTP (sent under TLS)'}",
    )

    # 4. framing: Chromium refuses the page in a frame through nginx (a replica alone would be drawn)
    drawn, why = framed(browser, base + "/overview")
    direct, _ = framed(browser, f"http://{live[0]}/overview")
    record(
        "d4. framed page refused by Chromium",
        not drawn and direct,
        f"through nginx: {'drawn' if drawn else 'refused'} ({why[:110]}); "
        f"the same page straight from a replica: {'drawn' if direct else 'refused'}",
    )

    # 3. the costly link: 50 custom timeline ranges ask for 50 timelines; the deck keeps MAX_CUSTOM
    deck = ",".join(f"timeline:{1850 + i}-{1950 + i}" for i in range(50))
    ctx = browser.new_context(locale="ko-KR")
    page = ctx.new_page()
    cpu = cpu_s(procs)
    start = time.perf_counter()
    page.goto(f"{base}/slides?deck={deck}")
    wait_for_app(page)
    page.locator('[data-testid="stExpander"]').first.wait_for(timeout=30_000)
    wait_for_app(page)
    took, spent = time.perf_counter() - start, cpu_s(procs) - cpu
    kept = page.locator('[data-testid="stExpander"]').count()
    told = t("deck_cap", "ko", n=slides.MAX_CUSTOM) in page.inner_text("body")
    ctx.close()
    record(
        "d5. costly link capped",
        kept == slides.MAX_CUSTOM and told,
        f"/slides with 50 custom ranges ({len(deck)} characters): {kept} slides built, message shown: "
        f"{'yes' if told else 'NO'}; drawn in {took:.1f} s, replica CPU {spent:.1f} s",
    )

    # for comparison, not counted: the same foreign handshakes straight to a replica, as before nginx refused
    direct_answers, direct_times = under_handshakes(
        live[0], [f"https://evil{i}.example" for i in range(FOREIGN)], f"http://{live[0]}"
    )
    say(
        f"   (not counted) {FOREIGN} foreign-origin handshakes straight to {live[0]}, bypassing nginx: "
        f"answers {dict(direct_answers)}; its /_stcore/health took up to {max(direct_times):.0f} ms"
    )
