"""How much of what a careful editor takes from a text the add-text scanner proposes right: recall on the
synthetic text (tests/fixtures/add_text) and on our two seeds against today's figures.csv and events.csv."""

from __future__ import annotations

import csv
from pathlib import Path

from revolution.data import propose
from revolution.data.provenance import normalize

from .browser import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "add_text"
SYNTHETIC = FIXTURE / "synthetic_textbook.txt"
CONVENTION = "russia"  # the fixture's README: the calendar our texts and the synthetic one count in


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _located(flat: str, rows: list[dict], col: str) -> list[tuple[int, dict]]:
    """Each proposal with the flat position of the number or date it was read from."""
    out = []
    for r in rows:
        q = flat.find(normalize(r["quote"]))
        if q < 0:
            continue
        inner = normalize(r[col]).strip()
        at = flat.find(inner, q)
        out.append((at if at >= 0 else q, r))
    return out


def _num(v) -> float | None:
    try:
        return None if v in ("", None) else float(v)
    except (TypeError, ValueError):
        return None


def figure_right(p: dict, want: dict) -> bool:
    return (
        _num(p["value"]) == _num(want["value"])
        and p["qualifier"] == want["qualifier"]
        and p["unit"] == want["unit"]
    )


def event_right(p: dict, want: dict) -> bool:
    return (p["start"], p["end"], p["precision"], p["calendar"]) == (
        want["start"],
        want["end"],
        want["precision"],
        want["calendar"],
    )


def score(flat: str, proposals: dict, figures: list[dict], events: list[dict], anchor: str) -> dict:
    """Recall (rows proposed right / rows), the misses, and how many proposals matched no row."""
    found = {
        "figures": _located(flat, proposals["figures"], "match"),
        "events": _located(flat, proposals["events"], "date_text"),
    }
    out = {}
    for table, wanted, right in (("figures", figures, figure_right), ("events", events, event_right)):
        hit, misses, used = 0, [], set()
        for w in wanted:
            a = flat.find(normalize(w[anchor]))
            b = a + len(normalize(w[anchor]))
            near = [(i, p) for i, (at, p) in enumerate(found[table]) if a >= 0 and a <= at < b]
            good = [i for i, p in near if right(p, w)]
            used |= {i for i, _ in near}
            if good:
                hit += 1
            else:
                misses.append((w, [p for _, p in near]))
        out[table] = {
            "rows": len(wanted),
            "right": hit,
            "recall": hit / len(wanted) if wanted else 1.0,
            "misses": misses,
            "unmatched_proposals": len(found[table]) - len(used),
        }
    return out


def synthetic(data) -> dict:
    raw = SYNTHETIC.read_text(encoding="utf-8")
    proposals = propose.propose(raw, "synthetic", data, CONVENTION)
    return score(
        normalize(raw),
        proposals,
        read(FIXTURE / "expected_figures.csv"),
        read(FIXTURE / "expected_events.csv"),
        "anchor",
    )


def seed(data, source_id: str, stated_only: bool = False) -> dict:
    """The scanner on one of our seeds, as if it were new, against the rows the data holds for it (a
    figure or event whose date is not in its quote cannot be found there, and counts as a miss unless
    `stated_only`)."""
    raw = data.seeds[source_id]
    proposals = propose.propose(raw, source_id, data, CONVENTION)
    figures = data.figures[(data.figures.source_id == source_id) & (data.figures.kind == "stated")]
    events = data.events[data.events.source_id == source_id]
    if stated_only:
        events = events[events.date_basis == "stated"]
    rows = lambda f: [{k: ("" if v is None else v) for k, v in r.items()} for r in f.to_dict("records")]  # noqa: E731
    fig_rows = [dict(r, value=str(r["value"])) for r in rows(figures)]
    return score(normalize(raw), proposals, fig_rows, rows(events), "quote")
