"""A teacher's file checked before anything is read or written, its manifest row, and CSV cells written as
the data files write them. Every refusal says what is wrong in Korean and in English."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from revolution.data import sources
from revolution.i18n import t

# The largest text taken in: a book chapter is 50-100 KB of Korean; 1 MB is ten of them, and the scanner
# reads that in seconds. A bigger file is refused, not cut.
MAX_BYTES = 1_000_000
# Korean only this round: at least this share of a text's letters must be Hangul.
MIN_HANGUL = 0.5
LANGUAGES = ("ko",)
# A text's id: the schema's pattern for source_id (data/datapackage.json), digits allowed (reed_1919).
ID = r"[a-z][a-z0-9_]*"


class IntakeError(Exception):
    """A problem with a teacher's text or their edits, said in Korean and in English."""

    def __init__(self, ko: str, en: str):
        self.ko, self.en = ko, en
        super().__init__(f"{ko}\n{en}")


def refuse(key: str, **values) -> IntakeError:
    """The refusal `key` (one of revolution.i18n's intake_ strings) in both languages."""
    return IntakeError(t(key, "ko", **values), t(key, "en", **values))


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
        raise refuse("intake_no_file", path=path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise refuse("intake_too_large", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
    raw = path.read_bytes()
    if not raw.strip():
        raise refuse("intake_empty")
    if b"\x00" in raw or sum(b < 9 or 13 < b < 32 for b in raw[:4096]) > 8:
        raise refuse("intake_binary")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise refuse("intake_not_utf8", line=line, byte=f"0x{raw[exc.start]:02x}") from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest in set(known_sha256):
        raise refuse("intake_already_in")
    if language not in LANGUAGES:
        raise refuse("intake_language", language=language)
    share = _hangul_share(text)
    if share < MIN_HANGUL:
        raise refuse("intake_not_korean", share=f"{share:.0%}")
    return raw, text


def manifest(raw: bytes, file: str, meta: dict) -> dict:
    """The text's sources.csv row; what the teacher left out gets a default (an English title is never
    invented: it stays empty until written, and the loader refuses the write without it)."""
    source_id = meta["source_id"]
    if not re.fullmatch(ID, source_id or ""):
        raise refuse("intake_bad_id", ident=repr(source_id))
    if meta.get("kind", "other") not in sources.KINDS:
        raise refuse("intake_bad_kind", kinds=", ".join(sources.KINDS), kind=repr(meta.get("kind")))
    if meta.get("date") and not re.fullmatch(r"\d{4}(-\d{2})?", meta["date"]):
        raise refuse("intake_bad_date", date=repr(meta["date"]))
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
