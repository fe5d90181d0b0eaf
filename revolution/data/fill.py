"""Maintainer's tool: recompute the computed columns of events.csv (New Style dates, era) in place."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from revolution.data import paths
from revolution.data.computed import event_columns


def fill(events_csv: Path, eras_csv: Path) -> int:
    """Rewrite start_gregorian, end_gregorian and era from the typed columns; return the rows changed."""
    eras = list(csv.DictReader(eras_csv.open(encoding="utf-8")))
    with events_csv.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    changed = 0
    for row in rows:
        new = event_columns(row, eras)
        if any(row[k] != v for k, v in new.items()):
            changed += 1
            row.update(new)
    with events_csv.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return changed


if __name__ == "__main__":
    d = paths.data_dir()
    print(f"{fill(d / 'events.csv', d / 'eras.csv')} rows recomputed", file=sys.stderr)
