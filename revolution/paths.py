"""Where the project's data and seeds live, and how a test or deployment points elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A fixture dataset (hostile-input tests, a demo corpus) is chosen by environment, never by editing data/.
DATA_ENV = "REVOLUTION_DATA_DIR"
SEEDS_ENV = "REVOLUTION_SEEDS_DIR"


def data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or ROOT / "data")


def seeds_dir() -> Path:
    return Path(os.environ.get(SEEDS_ENV) or ROOT / "seeds")
