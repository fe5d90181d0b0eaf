"""A copy of data/ and seeds/ with the synthetic third text added the way a teacher adds one: staged by
./dev add-text's library, every proposal accepted with the translator's English, written by intake.write.
Shared by the tests, the screenshots and the benchmark; data/ and seeds/ themselves are never touched."""

from __future__ import annotations

import shutil
from pathlib import Path

from revolution.data.load import load_dataset
from revolution.intake import staging, write

from .browser import ROOT
from .recall import CONVENTION, FIXTURE, SYNTHETIC, read

META = {
    "source_id": "textbook",
    "title": "시험용 합성 텍스트: 페트로그라드의 1917년 봄과 그 뒤",
    "title_en": "A synthetic test text: Petrograd's spring of 1917 and after",
    "author": "시험용",
    "author_en": "test fixture",
    "short_ko": "합성 교과서",
    "short_en": "Synthetic textbook",
    "date": "2026",
    "kind": "textbook",
    "language": "ko",
}


def glosses() -> dict:
    return {r["ko"]: r["en"] for r in read(FIXTURE / "glosses_en.csv")}


def staged(target: Path, data=None) -> staging.Review:
    """The synthetic text staged for review under target/review (data/ and seeds/ as they are)."""
    return staging.stage(SYNTHETIC, dict(META), target / "review", data=data, convention=CONVENTION)


def build(target: Path) -> tuple[Path, Path]:
    """target/data and target/seeds: ours with the synthetic text added and every proposal accepted."""
    target = Path(target)
    data_dir, seeds_dir = target / "data", target / "seeds"
    shutil.copytree(ROOT / "data", data_dir)
    shutil.copytree(ROOT / "seeds", seeds_dir)
    review = staged(target, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, glosses())
    write.write(review, data_dir, seeds_dir)
    return data_dir, seeds_dir
