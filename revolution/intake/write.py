"""From reviewed proposals to the data files: the rows a review adds, checked by the loader in a temporary
copy of the whole dataset and by the completeness ledger, then written in one step with a backup; and a
text taken out again the same way. Nothing is written on any error."""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import time
from pathlib import Path

from revolution.data import ledger, provenance
from revolution.data.computed import event_columns
from revolution.data.errors import DataError
from revolution.data.load import load_dataset
from revolution.intake.files import cell, header_of, read_csv, refuse
from revolution.intake.staging import TAKEN, Review


def _undecided(proposals: dict) -> list[str]:
    return [
        f"{table}: {r.get('figure_id') or r.get('event_id') or r.get('match')}"
        for table in ("figures", "events", "exclusions")
        for r in proposals[table]
        if r.get("status") not in (*TAKEN, "rejected")
    ]


def _group_row(source: dict, group_id: str, unit: str) -> dict:
    """A chart group for a new text's figures of one unit, titled from the text's short names."""
    from revolution.i18n import CODE_WORDS, t

    names = {"ko": source["short_ko"], "en": source["short_en"] or source["short_ko"]}
    titles = {
        lang: t("review_group_title", lang, source=names[lang], unit=CODE_WORDS["unit"][unit][lang])
        for lang in ("ko", "en")
    }
    return {"group_id": group_id, "title_ko": titles["ko"], "title_en": titles["en"], "chart": "bounds"}


def new_rows(review: Review, data_dir: Path) -> dict[str, list[dict]]:
    """The rows the reviewed proposals add, by data file (each file's existing rows stay as they are)."""
    p, src = review.proposals, review.source
    sid = src["source_id"]
    missing = _undecided(p)
    if missing:
        raise refuse("intake_undecided", n=len(missing), which=", ".join(missing[:5]))
    add: dict[str, list[dict]] = {"sources.csv": [src]}
    figures = [r for r in p["figures"] if r["status"] in TAKEN]
    events = [_computed(r, data_dir) for r in p["events"] if r["status"] in TAKEN]
    add["figures.csv"] = figures
    add["events.csv"] = events
    groups = {r["group_id"] for r in read_csv(data_dir / "groups.csv")}
    wanted = {r["group"]: r["unit"] for r in figures if r["group"] not in groups}
    if wanted:
        order = max(int(r["order"]) for r in read_csv(data_dir / "groups.csv")) + 1
        add["groups.csv"] = [
            dict(_group_row(src, g, wanted[g]), order=order + n) for n, g in enumerate(sorted(wanted))
        ]
    keys = {r["event_key"] for r in read_csv(data_dir / "event_keys.csv")}
    add["event_keys.csv"] = list(
        {
            r["event_key"]: {
                "event_key": r["event_key"],
                "title_ko": r["title_ko"],
                "title_en": r["title_en"],
            }
            for r in events
            if r["event_key"] not in keys
        }.values()
    )
    add["event_people.csv"] = [
        {"event_id": r["event_id"], "person_id": i} for r in events for i in _ids(r.get("people"))
    ]
    add["event_places.csv"] = [
        {"event_id": r["event_id"], "place_id": i} for r in events for i in _ids(r.get("places"))
    ]
    exclusions = [r for r in p["exclusions"] if r["status"] in TAKEN]
    # a rejected figure or event is a number the ledger still finds: it goes to the exclusions with the
    # editor's reason
    for table in ("figures", "events"):
        for r in p[table]:
            if r["status"] == "rejected":
                match = r.get("match") or r.get("date_text") or ""
                exclusions.append(
                    {"source_id": sid, "context": r["quote"], "match": match, "reason": r.get("reason")}
                )
    seen, unique = set(), []
    for r in exclusions:
        key = (r["source_id"], provenance.normalize(r["context"]), r["match"])
        if key not in seen:
            seen.add(key)
            unique.append(r)
    add["ledger_exclusions.csv"] = unique
    return {k: v for k, v in add.items() if v}


def _computed(rec: dict, data_dir: Path) -> dict:
    """An event with its New Style dates and era computed again from its typed columns (as
    `revolution.data.fill` does): an editor who corrects a date never types them. A date that cannot be
    computed is left as it is, for the loader to name its row and column."""
    rec = dict(rec)
    try:
        rec.update(event_columns(rec, read_csv(data_dir / "eras.csv")))
    except (ValueError, KeyError, TypeError):
        return rec
    return rec


def _ids(value) -> list[str]:
    return [i.strip() for i in (value or "").split(";") if i.strip()]


def _appended(path: Path, rows: list[dict]) -> bytes:
    """The file's bytes with the rows appended in its own columns: its existing rows stay byte for byte."""
    raw = path.read_bytes()
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header_of(path), lineterminator="\n", extrasaction="ignore")
    w.writerows({k: cell(r.get(k)) for k in w.fieldnames} for r in rows)
    sep = b"" if raw.endswith(b"\n") else b"\n"
    return raw + sep + buf.getvalue().encode("utf-8")


def check_ledger(dataset, source_id: str) -> None:
    """Every number the completeness ledger finds in the text is inside a row's quote or an exclusion."""
    seed = dataset.seeds[source_id]
    spans = []
    for frame, col in (
        (dataset.figures, "quote"),
        (dataset.events, "quote"),
        (dataset.ledger_exclusions, "context"),
    ):
        for value in frame.loc[frame.source_id == source_id, col]:
            found = provenance.span(value, seed)
            if found:
                spans.append(found)
    missing = ledger.uncovered(seed, spans)
    if missing:
        # shown as the text writes it, spaces and all: a teacher finds the place by reading it
        at = [i for i, ch in enumerate(seed) if not ch.isspace()]
        around = lambda h: " ".join(seed[at[max(0, h.start - 12)] : at[min(len(at) - 1, h.end + 12)]].split())  # noqa: E731
        listed = "; ".join(f"{h.text} …{around(h)}…" for h in missing[:5])
        raise DataError(
            "ledger_exclusions.csv",
            None,
            "context",
            f"{len(missing)} numbers in {source_id!r} are in no row and no exclusion: {listed}",
        )


def validate(review: Review, data_dir: Path, seeds_dir: Path) -> dict[Path, bytes]:
    """The new bytes of every file the write would change, after load_dataset has accepted the whole
    dataset with them in a temporary copy and the ledger covers the new text; IntakeError otherwise."""
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    changes = {
        data_dir / name: _appended(data_dir / name, rows) for name, rows in new_rows(review, data_dir).items()
    }
    seed_target = seeds_dir / review.source["file"]
    if seed_target.exists():
        raise refuse("intake_seed_exists", name=seed_target.name)
    changes[seed_target] = review.seed_path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="revolution-validate-") as tmp:
        t_data, t_seeds = Path(tmp) / "data", Path(tmp) / "seeds"
        shutil.copytree(data_dir, t_data)
        shutil.copytree(seeds_dir, t_seeds)
        for target, content in changes.items():
            base = t_data if target.parent == data_dir else t_seeds
            (base / target.name).write_bytes(content)
        try:
            dataset = load_dataset(t_data, t_seeds)
            check_ledger(dataset, review.source["source_id"])
        except DataError as exc:
            raise refuse("intake_checks_failed", problem=exc) from None
    return changes


def _commit(changes: dict[Path, bytes | None], backup: Path) -> Path:
    """Each changed file written beside its target and moved over it (os.replace), a None removed; every
    replaced or removed file first copied into `backup`; if a move fails, the moved ones are put back."""
    backup.mkdir(parents=True)
    temps = {}
    try:
        for target, content in changes.items():
            if target.exists():
                shutil.copy2(target, backup / target.name)
            if content is None:
                continue
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
            temps[target] = Path(tmp)
        done = []
        try:
            for target, content in changes.items():
                if content is None:
                    target.unlink()
                else:
                    os.replace(temps[target], target)
                done.append(target)
        except OSError:
            for target in done:
                if (backup / target.name).exists():
                    shutil.copy2(backup / target.name, target)
                else:
                    target.unlink()
            raise
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
    return backup


def write(review: Review, data_dir: Path, seeds_dir: Path) -> Path:
    """Validate, then write the seed, its sources.csv row and the accepted rows in one step, with a backup
    of every replaced file in the review folder (returned)."""
    changes = validate(review, data_dir, seeds_dir)
    return _commit(changes, review.folder / f"backup-{time.strftime('%Y%m%d-%H%M%S')}")


# --- taking a text out again ---------------------------------------------------------------------------


def _without(path: Path, drop) -> tuple[bytes, int]:
    """The file's bytes without the records `drop(record)` is true of (every other line kept byte for
    byte), and how many went."""
    raw = path.read_text(encoding="utf-8")
    lines = raw.splitlines(keepends=True)
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    keep, gone, at = [], 0, 1
    header = "".join(lines[:1])
    for rec in reader:
        record = "".join(lines[at : reader.line_num])
        at = reader.line_num
        if drop(rec):
            gone += 1
        else:
            keep.append(record)
    return (header + "".join(keep)).encode("utf-8"), gone


def removal(source_id: str, data_dir: Path, seeds_dir: Path) -> dict[Path, bytes | None]:
    """What taking a text out changes: its seed and its sources.csv row, its figures (and what is derived
    from them or set beside them), its events and their links to people and places, its notes and its
    exclusions, and the event keys and chart groups no other text uses."""
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    sources = {r["source_id"]: r for r in read_csv(data_dir / "sources.csv")}
    if source_id not in sources:
        raise refuse("intake_no_such_text", ident=repr(source_id))
    figures = [r for r in read_csv(data_dir / "figures.csv") if r["source_id"] == source_id]
    events = [r for r in read_csv(data_dir / "events.csv")]
    mine = {r["event_id"] for r in events if r["source_id"] == source_id}
    keys_left = {r["event_key"] for r in events if r["source_id"] != source_id}
    fig_ids = {r["figure_id"] for r in figures}
    groups_left = {r["group"] for r in read_csv(data_dir / "figures.csv") if r["source_id"] != source_id}
    derived = [r for r in read_csv(data_dir / "derived.csv")]
    groups_left |= {r["group"] for r in derived if not {r["numerator_id"], r["denominator_id"]} & fig_ids}
    mine_keys = {r["event_key"] for r in events if r["event_id"] in mine} - keys_left
    mine_groups = {r["group"] for r in figures} - groups_left
    drops = {
        "sources.csv": lambda r: r["source_id"] == source_id,
        "figures.csv": lambda r: r["source_id"] == source_id,
        "derived.csv": lambda r: bool({r["numerator_id"], r["denominator_id"]} & fig_ids),
        "reference_values.csv": lambda r: r["figure_id"] in fig_ids,
        "reference_notes.csv": lambda r: r["figure_id"] in fig_ids,
        "events.csv": lambda r: r["source_id"] == source_id,
        "event_people.csv": lambda r: r["event_id"] in mine,
        "event_places.csv": lambda r: r["event_id"] in mine,
        "event_places_declined.csv": lambda r: r["event_id"] in mine,
        # a note on the text, or on one of its rows
        "notes.csv": lambda r: r["source_id"] == source_id or r["target_id"] in fig_ids | mine | {source_id},
        "ledger_exclusions.csv": lambda r: r["source_id"] == source_id,
        "event_keys.csv": lambda r: r["event_key"] in mine_keys,
        "groups.csv": lambda r: r["group_id"] in mine_groups,
    }
    changes: dict[Path, bytes | None] = {}
    for name, drop in drops.items():
        if (data_dir / name).is_file():
            content, gone = _without(data_dir / name, drop)
            if gone:
                changes[data_dir / name] = content
    seed = seeds_dir / sources[source_id]["file"]
    if seed.exists():
        changes[seed] = None
    return changes


def remove_text(source_id: str, data_dir: Path, seeds_dir: Path, backup_root: Path) -> Path:
    """Take a text out of a local copy: the changes of `removal`, accepted by the loader in a temporary
    copy first (nothing is written otherwise), then made in one step with a backup (returned)."""
    data_dir, seeds_dir = Path(data_dir), Path(seeds_dir)
    changes = removal(source_id, data_dir, seeds_dir)
    with tempfile.TemporaryDirectory(prefix="revolution-remove-") as tmp:
        t_data, t_seeds = Path(tmp) / "data", Path(tmp) / "seeds"
        shutil.copytree(data_dir, t_data)
        shutil.copytree(seeds_dir, t_seeds)
        for target, content in changes.items():
            copy = (t_data if target.parent == data_dir else t_seeds) / target.name
            if content is None:
                copy.unlink()
            else:
                copy.write_bytes(content)
        try:
            load_dataset(t_data, t_seeds)
        except DataError as exc:
            raise refuse("intake_remove_failed", problem=exc) from None
    return _commit(changes, Path(backup_root) / f"removed-{source_id}-{time.strftime('%Y%m%d-%H%M%S')}")
