"""`./dev add-text`: a teacher's own text checked, its rows proposed, reviewed and written in one step."""

import csv

import pytest

from revolution.data.provenance import normalize

from .conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "add_text"
TEXT = FIXTURE / "synthetic_textbook.txt"


def expected(name):
    with (FIXTURE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", ["expected_figures.csv", "expected_events.csv", "expected_exclusions.csv"])
def test_every_expected_row_is_anchored_once_in_the_synthetic_text(name):
    # recall is measured by where a proposal stands, so each anchor must name one place in the text
    flat = normalize(TEXT.read_text(encoding="utf-8"))
    rows = expected(name)
    assert rows
    assert [r["anchor"] for r in rows if flat.count(normalize(r["anchor"])) != 1] == []
