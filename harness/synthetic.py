"""Synthetic corpora, never committed as data: data/ grown to N events and N figures (the scale benchmark),
and data/ with its rows spread over 1, 2, 3 or 5 texts (`texts`: the dashboard drawn for any number).

Every synthetic row copies a real row's quote and date as written (so the loader's provenance and calendar
checks run on it unchanged) and moves its dates; ids, event keys and links are new. Usage: .venv/bin/python -m
harness.synthetic 100000 /tmp/corpus_100k"""

from __future__ import annotations

import csv
import hashlib
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


LETTERS = "abcdefghijklmnopqrstuvwxyz"  # source ids are lower-case letters and '_' (datapackage.json)


def texts(n: int, target: Path) -> tuple[Path, Path]:
    """data/ and seeds/ copied under `target`, their rows spread over `n` texts: with one, the second text
    and every row that leans on it are gone; with more than two, each new text's seed is a copy of a
    shipped seed under a file name of its own (so every quote moved to it is still verbatim in its seed),
    its row in sources.csv gives no style (the fallback draws it), and every other row of the seed it copies
    moves to it, in turn. Returns (data dir, seeds dir), for REVOLUTION_DATA_DIR and REVOLUTION_SEEDS_DIR."""
    if target.exists():
        shutil.rmtree(target)
    data, seeds = target / "data", target / "seeds"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "seeds", seeds)
    header, rows = _read(data / "sources.csv")
    rows.sort(key=lambda r: int(r["legend_order"] or 10**6))
    if n == 1:
        _drop_text(data, rows[1]["source_id"])
        _write(data / "sources.csv", header, rows[:1])
        return data, seeds
    copies: dict[str, list[str]] = {r["source_id"]: [r["source_id"]] for r in rows}
    for i in range(len(rows), n):
        base = rows[i % 2]
        new_id = f"{base['source_id']}_{LETTERS[i]}"
        file = f"{new_id}.txt"
        shutil.copyfile(seeds / base["file"], seeds / file)
        digest = hashlib.sha256((seeds / file).read_bytes()).hexdigest()
        style = dict.fromkeys(("colour", "marker", "fill", "pattern", "legend_order"), "")
        rows.append(
            dict(
                base,
                source_id=new_id,
                file=file,
                sha256=digest,
                short_ko=f"합성 텍스트 {i + 1}",
                short_en=f"Synthetic text {i + 1}",
                **style,
            )
        )
        copies[base["source_id"]].append(new_id)
    _write(data / "sources.csv", header, rows)
    for name in ("events.csv", "figures.csv"):
        table_header, table = _read(data / name)
        seen = {k: 0 for k in copies}
        for row in table:
            group = copies.get(row["source_id"], [row["source_id"]])
            row["source_id"] = group[seen.get(row["source_id"], 0) % len(group)]
            seen[group[0]] = seen.get(group[0], 0) + 1
        _write(data / name, table_header, table)
    return data, seeds


def _drop_text(data: Path, source_id: str) -> None:
    """Every row of one text, and every row that leans on one of them, removed from the copy in `data`."""
    gone: dict[str, set] = {"figures": set(), "events": set()}
    for name, key in (("figures", "figure_id"), ("events", "event_id")):
        header, table = _read(data / f"{name}.csv")
        gone[name] = {r[key] for r in table if r["source_id"] == source_id}
        _write(data / f"{name}.csv", header, [r for r in table if r["source_id"] != source_id])
    header, table = _read(data / "derived.csv")
    kept = [r for r in table if not {r["numerator_id"], r["denominator_id"]} & gone["figures"]]
    _write(data / "derived.csv", header, kept)
    drop = {
        "event_people.csv": lambda r: r["event_id"] in gone["events"],
        "event_places.csv": lambda r: r["event_id"] in gone["events"],
        "event_places_declined.csv": lambda r: r["event_id"] in gone["events"],
        "reference_values.csv": lambda r: r["figure_id"] in gone["figures"],
        "reference_notes.csv": lambda r: r["figure_id"] in gone["figures"],
        "ledger_exclusions.csv": lambda r: r["source_id"] == source_id,
        "notes.csv": lambda r: (
            r["source_id"] == source_id
            or r["target_id"] in gone.get(r["target_table"], set())
            or r["target_id"] == source_id
        ),
    }
    for name, dropped in drop.items():
        header, table = _read(data / name)
        _write(data / name, header, [r for r in table if not dropped(r)])


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/revolution_{size}")
    print(generate(size, out))
