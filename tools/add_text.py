"""`./dev add-text FILE`: check a teacher's own Korean text, propose its rows, and stage both for review.

    ./dev add-text chapter.txt --id textbook_ch3 --title "러시아 혁명" --author 김교사 --kind textbook
    ./dev add-text chapter.txt --propose-only --out /tmp/proposals   # only the proposals, only there

Without --propose-only the file (byte for byte), its manifest row and the proposals go to review/<id>/
(REVOLUTION_REVIEW_DIR elsewhere), never to seeds/ or data/: the review page of `./dev run --edit` writes
them once the loader accepts the whole dataset. A flag left out is asked for when a person is at the
terminal, and otherwise takes its default. Messages are in Korean and English; on error nothing is written.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from revolution.data import paths, sources
from revolution.data.errors import DataError
from revolution.data.load import load_dataset
from revolution.intake import analyser, files, narrative, staging

ASKED = (  # flag, question in Korean and English, default (a callable of the file's path)
    ("source_id", "텍스트 id (영어 소문자, 숫자, _) / text id (lower-case letters, digits and _)", None),
    ("title", "제목 / title", lambda p: p.stem),
    ("author", "지은이 / author", lambda p: "미상"),
    ("date", "날짜 (YYYY 또는 YYYY-MM, 없으면 비움) / date (YYYY or YYYY-MM, or empty)", lambda p: ""),
    ("kind", f"종류 / kind ({', '.join(sources.KINDS)})", lambda p: "other"),
)


def default_id(path: Path, taken: set) -> str:
    """The file's name as an id (its Latin letters, lower case), made unique; 'text' when it has none."""
    base = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_").lstrip("0123456789_") or "text"
    ident, n = base, 0
    while ident in taken:
        n += 1
        ident = f"{base}_{'abcdefghijklmnopqrstuvwxyz'[n % 26]}"
    return ident


def parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="./dev add-text", description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--id", dest="source_id")
    ap.add_argument("--title")
    ap.add_argument("--title-en")
    ap.add_argument("--author")
    ap.add_argument("--author-en")
    ap.add_argument("--short-ko")
    ap.add_argument("--short-en")
    ap.add_argument("--date")
    ap.add_argument("--kind", choices=sources.KINDS)
    ap.add_argument("--language", default="ko")
    ap.add_argument(
        "--calendar-convention",
        choices=narrative.CONVENTIONS,
        default="none",
        help="how a day or a month is read when the text names no calendar: none (assume nothing), russia "
        "(Old Style to 31 January 1918, New Style after, as our two texts count), julian, gregorian",
    )
    ap.add_argument("--propose-only", action="store_true", help="write only the proposals, into --out")
    ap.add_argument("--out", type=Path, help="with --propose-only: the folder the proposals go to")
    ap.add_argument("--no-input", action="store_true", help="never ask: take the defaults")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.propose_only and not args.out:
        print("--propose-only 에는 --out 폴더가 필요합니다.", file=sys.stderr)
        print("--propose-only needs --out DIR.", file=sys.stderr)
        return 2
    try:
        data = load_dataset()
    except DataError as exc:
        print(f"데이터를 읽을 수 없습니다 / the data does not load: {exc}", file=sys.stderr)
        return 1
    interactive = sys.stdin.isatty() and not args.no_input
    meta = {k: v for k, v in vars(args).items() if k not in ("file", "propose_only", "out", "no_input")}
    for key, question, default in ASKED:
        fallback = default(args.file) if default else default_id(args.file, set(data.sources.source_id))
        if meta.get(key) is None:
            answer = input(f"{question} [{fallback}]: ").strip() if interactive else ""
            meta[key] = answer or fallback
    started = time.perf_counter()
    try:
        review = staging.stage(
            args.file,
            meta,
            args.out if args.propose_only else paths.review_dir(),
            data=data,
            convention=args.calendar_convention,
            propose_only=args.propose_only,
        )
    except files.IntakeError as exc:
        print(f"오류: {exc.ko}\nerror: {exc.en}", file=sys.stderr)
        return 1
    p = review.proposals
    took = time.perf_counter() - started
    load = sum(analyser.LOADED_IN)
    own = narrative.text_calendar(review.text)
    print(
        f"제안 / proposed: 수치 {len(p['figures'])} figures, 사건 {len(p['events'])} events, "
        f"제외 {len(p['exclusions'])} exclusions, 새 이름 {len(p['names'])} new names "
        f"({took - load:.2f} s reading, {load:.2f} s loading the Korean analyser)\n"
        f"→ {review.folder}"
    )
    if own:
        print("이 텍스트는 스스로 양력(신력)으로 센다고 말합니다: 날짜를 양력으로 읽었습니다.")
        print("This text says it counts in New Style: its dates were read so.")
    if not args.propose_only:
        print("검토: ./dev run --edit 의 '새 텍스트 검토' 페이지")
        print("review: the 'Review a new text' page of ./dev run --edit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
