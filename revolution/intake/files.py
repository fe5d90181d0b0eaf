"""A teacher's file checked before anything is read or written, its manifest row, and CSV cells written as
the data files write them. Every refusal says what is wrong in Korean and in English."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from revolution.data import sources

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
    if not re.fullmatch(ID, source_id or ""):
        raise IntakeError(
            f"텍스트 id는 영어 소문자로 시작하고 소문자, 숫자, _ 만 씁니다: {source_id!r}",
            f"A text's id starts with a lower-case letter and holds lower-case letters, digits and _ only: "
            f"{source_id!r}",
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
