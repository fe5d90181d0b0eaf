"""Shared fixtures: the shipped dataset, and copies of data/ that a test may break."""
import shutil
from pathlib import Path

import pytest

from revolution.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DATA, SEEDS)


@pytest.fixture
def data_copy(tmp_path):
    """A throwaway copy of data/ to break; data/ itself is never touched."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
