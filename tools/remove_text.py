"""`./dev remove-text ID`: take a text out of this copy of the dashboard: its seed, its rows, its links to
people and places, its notes and exclusions, and the event keys and chart groups no other text uses. The
loader checks the dataset without it first; the change is one step, with a backup of every file it
replaces (under the review folder). Messages are in Korean and English; on error nothing changes."""

from __future__ import annotations

import argparse
import sys

from revolution.data import paths
from revolution.intake import files, write


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="./dev remove-text", description=__doc__.splitlines()[0])
    ap.add_argument("source_id")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        backup = write.remove_text(args.source_id, paths.data_dir(), paths.seeds_dir(), paths.review_dir())
    except files.IntakeError as exc:
        print(f"오류: {exc.ko}\nerror: {exc.en}", file=sys.stderr)
        return 1
    print(f"뺐습니다 / removed: {args.source_id}\n백업 / backup: {backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
