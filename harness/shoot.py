"""Screenshots of dashboard views, to look at: `python -m harness.shoot OUT_DIR WIDTHxHEIGHT PATH [PATH ...]`
(e.g. `/tmp/shots 1280x720 /timeline /timeline?lang=en`). Starts its own server; full-page PNGs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server, wait_for_app


def shoot(out: Path, size: str, paths: list[str], full_page: bool = True) -> list[Path]:
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with streamlit_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height}, locale="ko-KR")
        for path in paths:
            page.goto(base + path)
            wait_for_app(page)
            name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "home"
            target = out / f"{name}_{size}.png"
            page.screenshot(path=str(target), full_page=full_page)
            saved.append(target)
        browser.close()
    return saved


if __name__ == "__main__":
    for saved in shoot(Path(sys.argv[1]), sys.argv[2], sys.argv[3:]):
        print(saved)
