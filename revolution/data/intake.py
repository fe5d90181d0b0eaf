"""A teacher's own text into the data: the file checked, staged for review with its proposals, and, once
reviewed, written with its rows in one step that the loader has accepted first. Nothing is written on
error, and nothing outside the review folder until the whole dataset with the new rows loads."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from revolution.data import ledger, propose, provenance, sources
from revolution.data.computed import event_columns
from revolution.data.errors import DataError
from revolution.data.load import load_dataset

# The largest text taken in: a book chapter is 50-100 KB of Korean; 1 MB is ten of them, and the scanner
# reads that in seconds. A bigger file is refused, not cut.
MAX_BYTES = 1_000_000
# Korean only this round: at least this share of a text's letters must be Hangul.
MIN_HANGUL = 0.5
LANGUAGES = ("ko",)
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


class IntakeError(Exception):
    """A problem with a teacher's text or their edits, said in Korean and in English."""

    def __init__(self, ko: str, en: str):
        self.ko, self.en = ko, en
        super().__init__(f"{ko}\n{en}")


def _hangul_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in letters) / len(letters)


def check_file(path: Path, known_sha256=(), language: str = "ko") -> tuple[bytes, str]:
    """The file's bytes and its text, or an IntakeError: a file that is missing, over MAX_BYTES, empty,
    binary, not UTF-8, already one of the texts (by SHA-256), or not Korean."""
    path = Path(path)
    if not path.is_file():
        raise IntakeError(f"파일이 없습니다: {path}", f"No such file: {path}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IntakeError(
            f"파일이 너무 큽니다 ({size:,} 바이트). 한 번에 {MAX_BYTES:,} 바이트까지 받습니다: "
            "나누어 넣으세요.",
            f"The file is too large ({size:,} bytes); at most {MAX_BYTES:,} bytes are taken at once: "
            "split it.",
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise IntakeError("파일이 비어 있습니다.", "The file is empty.")
    if b"\x00" in raw or sum(b < 9 or 13 < b < 32 for b in raw[:4096]) > 8:
        raise IntakeError(
            "텍스트 파일이 아닙니다 (이진 파일). 글을 UTF-8 텍스트(.txt)로 저장하세요.",
            "This is not a text file (binary). Save the text as UTF-8 plain text (.txt).",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IntakeError(
            f"UTF-8 텍스트가 아닙니다 ({line}번째 줄, 바이트 0x{raw[exc.start]:02x}). UTF-8로 저장하세요.",
            f"Not UTF-8 text (line {line}, byte 0x{raw[exc.start]:02x}). Save the file as UTF-8.",
        ) from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest in set(known_sha256):
        raise IntakeError(
            "이 텍스트는 이미 들어 있습니다 (같은 SHA-256).",
            "This text is already in the dashboard (same SHA-256).",
        )
    if language not in LANGUAGES:
        raise IntakeError(
            f"이번에는 한국어 텍스트만 받습니다 (요청한 언어: {language}).",
            f"Only Korean texts are taken for now (language asked for: {language}).",
        )
    share = _hangul_share(text)
    if share < MIN_HANGUL:
        raise IntakeError(
            f"한국어 텍스트가 아닌 것 같습니다: 글자의 {share:.0%}만 한글입니다. "
            "이번에는 한국어 텍스트만 받습니다.",
            f"This does not look like a Korean text: only {share:.0%} of its letters are Hangul. "
            "Only Korean texts are taken for now.",
        )
    return raw, text


def manifest(raw: bytes, file: str, meta: dict) -> dict:
    """The text's sources.csv row; what the teacher left out gets a default (an English title is never
    invented: it stays empty until written, and the loader refuses the write without it)."""
    source_id = meta["source_id"]
    if not re.fullmatch(r"[a-z_]+", source_id or ""):
        raise IntakeError(
            f"텍스트 id는 영어 소문자와 _ 만 씁니다: {source_id!r}",
            f"A text's id is lower-case letters and _ only: {source_id!r}",
        )
    if meta.get("kind", "other") not in sources.KINDS:
        raise IntakeError(
            f"종류는 {', '.join(sources.KINDS)} 가운데 하나입니다: {meta.get('kind')!r}",
            f"The kind is one of {', '.join(sources.KINDS)}: {meta.get('kind')!r}",
        )
    if meta.get("date") and not re.fullmatch(r"\d{4}(-\d{2})?", meta["date"]):
        raise IntakeError(
            f"날짜는 YYYY 또는 YYYY-MM 으로 씁니다: {meta['date']!r}",
            f"The date is written YYYY or YYYY-MM: {meta['date']!r}",
        )
    title = meta.get("title") or Path(file).stem
    author = meta.get("author") or "미상"
    return {
        "source_id": source_id,
        "file": file,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "title_ko": title,
        "title_en": meta.get("title_en") or "",
        "author_ko": author,
        "author_en": meta.get("author_en") or "",
        "date": meta.get("date") or "",
        "kind": meta.get("kind") or "other",
        "language": meta.get("language") or "ko",
        "short_ko": meta.get("short_ko") or f"{author} ({title[:20]})",
        "short_en": meta.get("short_en") or "",
    }


# --- CSV cells as the data files write them ------------------------------------------------------------


def cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_csv(path: Path, rows: list[dict], header: list[str] | None = None) -> None:
    header = header or (list(rows[0]) if rows else [])
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows({k: cell(r.get(k)) for k in header} for r in rows)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def header_of(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


# --- the review folder -------------------------------------------------------------------------------


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


def stage(
    path: Path, meta: dict, review_root: Path, data=None, convention: str = "none", propose_only: bool = False
) -> Review:
    """Check the file, propose its rows and write them for review: into review_root/<id>/ with the file
    (byte for byte) and its manifest row, or, with `propose_only`, the proposals alone into review_root."""
    data = data if data is not None else load_dataset()
    if meta["source_id"] in set(data.sources.source_id):
        raise IntakeError(
            f"같은 id의 텍스트가 이미 있습니다: {meta['source_id']!r}. 다른 --id 를 고르세요.",
            f"A text with this id already exists: {meta['source_id']!r}. Choose another --id.",
        )
    raw, text = check_file(path, set(data.sources.sha256), meta.get("language") or "ko")
    file = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{meta['source_id']}.txt")
    source = manifest(raw, file, meta)
    proposals = propose.propose(text, source["source_id"], data, convention)
    folder = Path(review_root) if propose_only else Path(review_root) / source["source_id"]
    if not propose_only and folder.exists():
        raise IntakeError(
            f"검토 폴더가 이미 있습니다: {folder}. 검토를 마치거나 폴더를 지우세요.",
            f"The review folder already exists: {folder}. Finish that review or remove the folder.",
        )
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
            for ko, en in (("quote", "quote_en"), ("title_ko", "title_en"), ("measure_ko", "measure_en")):
                if ko in rec and not rec.get(en):
                    rec[en] = glosses.get(rec[ko], "")
            done.append(rec)
        out[table] = done
    return out


# --- from reviewed proposals to the data files ----------------------------------------------------------


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
        raise IntakeError(
            f"아직 정하지 않은 제안이 {len(missing)}개 있습니다: {', '.join(missing[:5])}",
            f"{len(missing)} proposals are not yet decided: {', '.join(missing[:5])}",
        )
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
        flat = provenance.normalize(seed)
        listed = "; ".join(f"{h.text} …{h.context(flat)}…" for h in missing[:5])
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
        raise IntakeError(
            f"seeds/에 같은 이름의 파일이 있습니다: {seed_target.name}",
            f"seeds/ already holds a file of this name: {seed_target.name}",
        )
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
            raise IntakeError(
                f"데이터가 검사를 통과하지 못해 아무것도 쓰지 않았습니다: {exc}",
                f"The data did not pass the checks, so nothing was written: {exc}",
            ) from None
    return changes


def write(review: Review, data_dir: Path, seeds_dir: Path) -> Path:
    """Validate, then write the seed, its sources.csv row and the accepted rows: each new file is written
    beside its target and moved over it (os.replace), every replaced file first copied into a backup folder
    inside the review folder, which is returned; if a move fails, the moved ones are put back."""
    changes = validate(review, data_dir, seeds_dir)
    backup = review.folder / f"backup-{time.strftime('%Y%m%d-%H%M%S')}"
    backup.mkdir(parents=True)
    temps = {}
    try:
        for target, content in changes.items():
            if target.exists():
                shutil.copy2(target, backup / target.name)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
            temps[target] = Path(tmp)
        done = []
        try:
            for target, tmp in temps.items():
                os.replace(tmp, target)
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
