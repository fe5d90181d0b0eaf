"""A staged text: its review folder (the file byte for byte, its manifest row, its proposals as CSVs), the
proposals an editor adds from a span of a sentence, and "accept all" for the tests and the synthetic text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from revolution.data.load import load_dataset
from revolution.data.provenance import normalize
from revolution.intake import propose
from revolution.intake.files import check_file, manifest, read_csv, refuse, write_csv

# The proposal tables, their data file, and the file they are written to for review.
TABLES = {
    "figures": ("figures.csv", "proposed_figures.csv"),
    "events": ("events.csv", "proposed_events.csv"),
    "exclusions": ("ledger_exclusions.csv", "proposed_exclusions.csv"),
    "names": (None, "proposed_names.csv"),
}
MANIFEST = "source.csv"
# What a proposal may say it is; an accepted or edited row is written, a rejected one goes to the ledger's
# exclusions with its reason, a proposed one (not yet decided) stops the write.
TAKEN = ("accepted", "edited")


@dataclass
class Review:
    """A staged text: its folder, its manifest row, its text and its proposals (lists of dicts)."""

    folder: Path
    source: dict
    text: str
    proposals: dict

    @property
    def seed_path(self) -> Path:
        return self.folder / "seed" / self.source["file"]


def write_proposals(out: Path, source: dict, proposals: dict) -> list[Path]:
    """The proposals and the manifest row as CSVs in `out`, and nothing anywhere else."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / MANIFEST]
    write_csv(out / MANIFEST, [source])
    for table, (_, name) in TABLES.items():
        rows = proposals[table]
        write_csv(out / name, rows, list(rows[0]) if rows else ["status", "reason"])
        written.append(out / name)
    return written


def staged_sha256(review_root: Path) -> set[str]:
    """The SHA-256 of every text staged for review under review_root (a file is staged once)."""
    root = Path(review_root)
    return {read_csv(p / MANIFEST)[0].get("sha256", "") for p in reviews(root)} if root.is_dir() else set()


def stage(
    path: Path, meta: dict, review_root: Path, data=None, convention: str = "none", propose_only: bool = False
) -> Review:
    """Check the file, propose its rows and write them for review: into review_root/<id>/ with the file
    (byte for byte) and its manifest row, or, with `propose_only`, the proposals alone into review_root.
    A file already written or already staged is refused before anything is written."""
    data = data if data is not None else load_dataset()
    if meta["source_id"] in set(data.sources.source_id):
        raise refuse("intake_id_taken", ident=repr(meta["source_id"]))
    raw, text = check_file(path, set(data.sources.sha256), meta.get("language") or "ko")
    digest = hashlib.sha256(raw).hexdigest()
    if not propose_only and digest in staged_sha256(review_root):
        raise refuse("intake_already_staged")
    file = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{meta['source_id']}.txt")
    source = dict(manifest(raw, file, meta), calendar_convention=convention)
    folder = Path(review_root) if propose_only else Path(review_root) / source["source_id"]
    if not propose_only and folder.exists():
        raise refuse("intake_folder_exists", folder=folder)
    proposals = propose.propose(text, source["source_id"], data, convention)
    write_proposals(folder, source, proposals)
    if not propose_only:
        (folder / "seed").mkdir()
        (folder / "seed" / file).write_bytes(raw)
    return Review(folder, source, text, proposals)


def open_review(folder: Path) -> Review:
    folder = Path(folder)
    source = read_csv(folder / MANIFEST)[0]
    proposals = {
        t: read_csv(folder / name) if (folder / name).is_file() else [] for t, (_, name) in TABLES.items()
    }
    seed = folder / "seed" / source["file"]
    return Review(folder, source, seed.read_text(encoding="utf-8"), proposals)


def reviews(root: Path) -> list[Path]:
    root = Path(root)
    return sorted(p for p in root.iterdir() if (p / MANIFEST).is_file()) if root.is_dir() else []


def accept_all(proposals: dict, glosses: dict | None = None) -> dict:
    """Every figure, event and exclusion accepted, the names left as candidates; English taken from
    `glosses` (Korean -> English, the translator's work) where a row has none. The page and the tests share
    this."""
    glosses = glosses or {}
    out = {}
    for table, rows in proposals.items():
        done = []
        for rec in rows:
            rec = dict(rec)
            if table != "names":
                rec["status"] = "accepted"
            for ko, en in (
                ("quote", "quote_en"),
                ("title_ko", "title_en"),
                ("measure_ko", "measure_en"),
                ("date_context", "date_context_en"),
            ):
                if rec.get(ko) and not rec.get(en):
                    rec[en] = glosses.get(rec[ko], "")
            done.append(rec)
        out[table] = done
    return out


ADDABLE = ("figures", "events", "exclusions")


def _next_id(rows: list[dict], col: str, letter_of: str) -> str:
    numbers = [int(r[col][2:]) for r in rows if (r.get(col) or "")[2:].isdigit()]
    return f"{letter_of}{max(numbers, default=0) + 1:03d}"


def add_from_span(
    review: Review, table: str, span: str, reason: str = "", data=None, convention: str = "none"
) -> dict:
    """A proposal the editor adds from a span of the text (a figure, an event, or an exclusion with its
    reason), read by the same grammars as the others, saved with the review's proposals and returned. A span
    the grammars read nothing in becomes a row for the editor to fill, never a guess."""
    if table not in ADDABLE:
        raise ValueError(f"rows are added to {', '.join(ADDABLE)}, not {table!r}")
    key = normalize(span)
    flat = normalize(review.text)
    if not key or key not in flat:
        raise refuse("intake_span_missing", span=repr(span))
    if table == "exclusions" and not reason.strip():
        raise refuse("intake_reason_needed")
    data = data if data is not None else load_dataset()
    sid = review.source["source_id"]
    found = propose.propose(review.text, sid, data, convention)
    at = flat.find(key)
    inside = [r for r in found[table] if _within(flat, r, table, at, at + len(key))]
    rows = review.proposals[table]
    if inside:
        row = dict(inside[0], status="edited")
        if table == "exclusions":
            row["reason"] = reason
    elif table == "exclusions":
        row = {
            "source_id": sid,
            "context": span,
            "match": span,
            "reason": reason,
            "status": "edited",
            "sentence": "",
        }
    else:
        template = found[table][0] if found[table] else {}
        row = {k: None for k in template} | {
            "source_id": sid,
            "quote": span,
            "status": "proposed",
            "sentence": span,
        }
        row["reason"] = "added by the editor: the reader found nothing to read in this span; fill in the row"
    if table != "exclusions":
        col = "figure_id" if table == "figures" else "event_id"
        letter = rows[0][col][:2] if rows else (found[table][0][col][:2] if found[table] else "FX")
        row[col] = _next_id(rows, col, letter)
    review.proposals[table] = rows + [row]
    write_proposals(review.folder, review.source, review.proposals)
    return row


def _within(flat: str, rec: dict, table: str, lo: int, hi: int) -> bool:
    col = "context" if table == "exclusions" else "quote"
    inner = rec.get("match") or rec.get("date_text") or rec[col]
    q = flat.find(normalize(rec[col]))
    pos = flat.find(normalize(inner), max(q, 0))
    return lo <= pos < hi
