"""Where the project's data and seeds live, and how a test or deployment points elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the project: revolution/data/paths.py is three folders down

# A fixture dataset (hostile-input tests, a demo corpus) is chosen by environment, never by editing data/.
DATA_ENV = "REVOLUTION_DATA_DIR"
SEEDS_ENV = "REVOLUTION_SEEDS_DIR"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or ROOT / "data")


def seeds_dir() -> Path:
    return Path(os.environ.get(SEEDS_ENV) or ROOT / "seeds")


# The address students can open (the deck's QR codes, links in exported files); never a local one.
PUBLIC_URL_ENV = "REVOLUTION_PUBLIC_URL"


def public_url() -> str | None:
    """The configured public address without a trailing slash, or None when unset or local (a QR code of
    localhost leads students nowhere)."""
    raw = (os.environ.get(PUBLIC_URL_ENV) or "").strip().rstrip("/")
    return raw if is_public(raw) else None


def is_public(url: str) -> bool:
    """An http(s) address on a host other than this machine."""
    from urllib.parse import urlparse

    parts = urlparse(url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    local = ("localhost", "0.0.0.0", "::1")
    return not (host in local or host.startswith("127.") or host.endswith(".localhost"))


# Editing mode (./dev run --edit, bound to 127.0.0.1): the review page exists only when this is "1". An
# environment variable, not a Streamlit option, so that no deployment's config can turn it on by accident.
EDIT_ENV = "REVOLUTION_EDIT"
# Where ./dev add-text stages a text and its proposals for review (never data/ or seeds/).
REVIEW_ENV = "REVOLUTION_REVIEW_DIR"


def editing() -> bool:
    return os.environ.get(EDIT_ENV) == "1"


def review_dir() -> Path:
    return Path(os.environ.get(REVIEW_ENV) or ROOT / "review")
