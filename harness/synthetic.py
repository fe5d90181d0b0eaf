"""Synthetic corpora for the scale benchmark: data/ grown to N events and N figures, never committed as data.

Every synthetic row copies a real row's quote and date as written (so the loader's provenance and calendar
checks run on it unchanged) and moves its dates; ids, event keys and links are new. Usage: .venv/bin/python -m
harness.synthetic 100000 /tmp/corpus_100k"""

from __future__ import annotations

import csv
import random
import shutil
import sys
from pathlib import Path

from revolution.data import calendar
from revolution.data.eras import era_of
from revolution.data.paths import ROOT


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _moved(row: dict, shift: int, eras: list[dict]) -> dict:
    """The row with its dates moved by `shift` years and its computed columns recomputed."""
    out = dict(row)
    for col in ("start", "end"):
        out[col] = f"{int(row[col][:4]) + shift:04d}{row[col][4:]}"
    if out["calendar"] == "julian" and int(out["end"][:4]) >= 1918:
        out["calendar"], out["calendar_basis"] = "unspecified", "none"  # Old Style ended in 1918
    if out["end"][5:] == "02-29" or out["start"][5:] == "02-29":
        out["start"], out["end"] = (v.replace("-02-29", "-02-28") for v in (out["start"], out["end"]))
    lo, hi = calendar.new_style_interval(out["start"], out["end"], out["precision"], out["calendar"])
    year = int(out["start"][:4])
    out.update(
        start_gregorian=lo.isoformat(),
        end_gregorian=hi.isoformat(),
        era=era_of(year, eras),
    )
    return out


def generate(n: int, target: Path, seed: int = 1917) -> Path:
    """Copy data/ to `target` and grow events and figures to `n` rows each (the real rows included)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "data", target)
    # the shipped schema allows three-digit ids; a synthetic corpus widens only that, in its own copy
    package = target / "datapackage.json"
    text = package.read_text(encoding="utf-8")
    package.write_text(
        text.replace(r'"F[A-Z]\\d{3}"', r'"F[A-Z]\\d+"').replace(r'"E[A-Z]\\d{3}"', r'"E[A-Z]\\d+"'),
        encoding="utf-8",
    )
    _, eras = _read(target / "eras.csv")

    header, events = _read(target / "events.csv")
    _, ev_people = _read(target / "event_people.csv")
    _, ev_places = _read(target / "event_places.csv")
    people_of = {}
    for r in ev_people:
        people_of.setdefault(r["event_id"], []).append(r["person_id"])
    places_of = {}
    for r in ev_places:
        places_of.setdefault(r["event_id"], []).append(r["place_id"])
    templates = list(events)
    for i in range(max(0, n - len(templates))):
        src = templates[i % len(templates)]
        span = int(src["end"][:4]) - int(src["start"][:4])
        shift = rng.randint(1700, 2016 - span) - int(src["start"][:4])
        row = _moved(src, shift, eras)
        row["event_id"] = f"ES{i:06d}"
        row["event_key"] = (
            f"synthetic_{i // 2 if i % 10 == 0 else i}"  # some keys are told twice, as in the texts
        )
        events.append(row)
        ev_people += [
            {"event_id": row["event_id"], "person_id": p} for p in people_of.get(src["event_id"], [])
        ]
        ev_places += [
            {"event_id": row["event_id"], "place_id": p} for p in places_of.get(src["event_id"], [])
        ]
    _write(target / "events.csv", header, events[:n] if n >= len(templates) else events)
    # every new key gets its canonical name: its telling's own title
    key_header, keys = _read(target / "event_keys.csv")
    known = {k["event_key"] for k in keys}
    for row in events:
        if row["event_key"] not in known:
            known.add(row["event_key"])
            keys.append(
                {"event_key": row["event_key"], "title_ko": row["title_ko"], "title_en": row["title_en"]}
            )
    _write(target / "event_keys.csv", key_header, keys)
    _write(target / "event_people.csv", ["event_id", "person_id"], ev_people)
    _write(target / "event_places.csv", ["event_id", "place_id"], ev_places)

    header, figures = _read(target / "figures.csv")
    templates = list(figures)
    for i in range(max(0, n - len(templates))):
        row = dict(templates[i % len(templates)], figure_id=f"FS{i:06d}", headline="")
        figures.append(row)
    _write(target / "figures.csv", header, figures)
    return target


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/revolution_{size}")
    print(generate(size, out))
