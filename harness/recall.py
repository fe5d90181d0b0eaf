"""How much of what a careful editor takes from a text the intake proposes right, with our hand-made rows
as the answer: figures (value within 0.5%, qualifier, unit), events whose date the text gives in their
sentence or by context (start, end, precision, calendar, date_basis, and the sentence a date leans on),
the ledger's exclusions, and the proposals that match no row and no exclusion. Rows dated by reference need
knowledge from outside the text and are counted apart. Also the synthetic text (tests/fixtures/add_text)."""

from __future__ import annotations

import csv
from pathlib import Path

from revolution.data.provenance import normalize
from revolution.intake import propose

from .browser import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "add_text"
SYNTHETIC = FIXTURE / "synthetic_textbook.txt"
CONVENTION = "russia"  # the calendar our texts and the synthetic one count in (the fixture's README)
TOLERANCE = 0.005  # a value right within 0.5%: 1/6 matches 0.1667


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _num(v) -> float | None:
    try:
        return None if v in ("", None) else float(v)
    except (TypeError, ValueError):
        return None


def _close(a, b) -> bool:
    a, b = _num(a), _num(b)
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-9)


def figure_wrong(p: dict, want: dict) -> str:
    """'' if the proposal is the row, else what differs (value, qualifier, unit)."""
    return ", ".join(
        k
        for k, bad in (
            ("value", not _close(p["value"], want["value"])),
            ("qualifier", p["qualifier"] != want["qualifier"]),
            ("unit", p["unit"] != want["unit"]),
        )
        if bad
    )


def _leans(p: dict, want: dict) -> bool:
    if "date_context" not in want:
        return True  # an answer that does not say (the synthetic text's) is not held against it
    mine, theirs = normalize(p.get("date_context") or ""), normalize(want.get("date_context") or "")
    if not theirs:
        return not mine
    return bool(mine) and (mine in theirs or theirs in mine)


def event_wrong(p: dict, want: dict) -> str:
    cols = ("start", "end", "precision", "calendar", "date_basis")
    bad = [k for k in cols if str(p.get(k) or "") != str(want.get(k) or "")]
    if not _leans(p, want):
        bad.append("date_context")
    return ", ".join(bad)


def _spans(flat: str, rows: list[dict], col: str, inner: str | None) -> list[tuple[int, int, int, dict]]:
    """(start, end, position of the number or date, row) of rows found in the text."""
    out = []
    for r in rows:
        # a short quote ('1918년') may stand in many places: look for it inside its own sentence
        s = flat.find(normalize(r.get("sentence") or "")) if r.get("sentence") else -1
        q = flat.find(normalize(r[col] or ""), max(s, 0))
        q = q if q >= 0 else flat.find(normalize(r[col] or ""))
        if q < 0 or not normalize(r[col] or ""):
            continue
        at = flat.find(normalize(r.get(inner) or ""), q) if inner and r.get(inner) else q
        out.append((q, q + len(normalize(r[col])), at if at >= 0 else q, r))
    return out


def score(flat: str, proposals: dict, figures: list[dict], events: list[dict], exclusions: list[dict],
          other_events: list[dict], anchor: str = "quote") -> dict:  # fmt: skip
    """Per table: rows, right, the misses (row, what was proposed near it, what differs); and the
    proposals that match no row and no exclusion."""
    found = {
        "figures": _spans(flat, proposals["figures"], "quote", "match"),
        "events": _spans(flat, proposals["events"], "quote", "date_text"),
        "exclusions": _spans(flat, proposals["exclusions"], "context", "match"),
    }
    used: dict[str, set] = {t: set() for t in found}
    out = {}
    for table, wanted, wrong in (("figures", figures, figure_wrong), ("events", events, event_wrong)):
        hit, misses = 0, []
        for w in wanted:
            a = flat.find(normalize(w[anchor]))
            b = a + len(normalize(w[anchor]))
            if w.get("date_basis") == "context":
                near = [
                    (i, p) for i, (pa, pb, _, p) in enumerate(found[table]) if a >= 0 and pa < b and a < pb
                ]
            else:
                near = [(i, p) for i, (_, _, at, p) in enumerate(found[table]) if a >= 0 and a <= at < b]
            used[table] |= {i for i, _ in near}
            why = [wrong(p, w) for _, p in near]
            if "" in why:
                hit += 1
            else:
                misses.append((w, [p for _, p in near], why))
        out[table] = {"rows": len(wanted), "right": hit, "misses": misses}
    # a row dated by reference still holds its sentence: a proposal inside it matches that row; and a
    # number proposed as not data (a name's ordinal) inside any row's quote agrees with the data
    for _, (a, b, _, _) in enumerate(_spans(flat, other_events, "quote", None)):
        used["events"] |= {i for i, (_, _, at, _) in enumerate(found["events"]) if a <= at < b}
    for _, (a, b, _, _) in enumerate(_spans(flat, figures + events + other_events, anchor, None)):
        used["exclusions"] |= {i for i, (_, _, at, _) in enumerate(found["exclusions"]) if a <= at < b}
    hit, misses = 0, []
    for x in exclusions:
        a = flat.find(normalize(x["context"]))
        b = a + len(normalize(x["context"]))
        near = [i for t in found for i, (_, _, at, _) in enumerate(found[t]) if a >= 0 and a <= at < b]
        for t in found:
            used[t] |= {i for i, (_, _, at, _) in enumerate(found[t]) if a >= 0 and a <= at < b}
        as_exclusion = [i for i, (_, _, at, _) in enumerate(found["exclusions"]) if a >= 0 and a <= at < b]
        if as_exclusion:
            hit += 1
        else:
            misses.append((x, near, ["not proposed as an exclusion"]))
    out["exclusions"] = {"rows": len(exclusions), "right": hit, "misses": misses}
    total = sum(len(v) for v in found.values())
    stray = [p for t in found for i, (_, _, _, p) in enumerate(found[t]) if i not in used[t]]
    out["unmatched"] = {"proposals": total, "stray": len(stray), "rows": stray}
    return out


def _rows(frame) -> list[dict]:
    return [{k: ("" if v is None else v) for k, v in r.items()} for r in frame.to_dict("records")]


def seed(data, source_id: str) -> dict:
    """The intake on one of our seeds, as if it were new, against the rows the data holds for it."""
    raw = data.seeds[source_id]
    proposals = propose.propose(raw, source_id, data, CONVENTION)
    ev = data.events[data.events.source_id == source_id]
    figures = data.figures[(data.figures.source_id == source_id) & (data.figures.kind == "stated")]
    exclusions = data.ledger_exclusions[data.ledger_exclusions.source_id == source_id]
    return score(
        normalize(raw),
        proposals,
        [dict(r, value=str(r["value"])) for r in _rows(figures)],
        _rows(ev[ev.date_basis != "reference"]),
        _rows(exclusions),
        _rows(ev[ev.date_basis == "reference"]),
    )


def synthetic(data) -> dict:
    raw = SYNTHETIC.read_text(encoding="utf-8")
    proposals = propose.propose(raw, "synthetic", data, CONVENTION)
    events = [dict(r, date_basis="stated") for r in read(FIXTURE / "expected_events.csv")]
    exclusions = [dict(r, context=r["anchor"]) for r in read(FIXTURE / "expected_exclusions.csv")]
    return score(
        normalize(raw),
        proposals,
        read(FIXTURE / "expected_figures.csv"),
        events,
        exclusions,
        [],
        anchor="anchor",
    )


def pooled(results: list[dict]) -> dict:
    out = {}
    for table in ("figures", "events", "exclusions"):
        out[table] = {
            "rows": sum(r[table]["rows"] for r in results),
            "right": sum(r[table]["right"] for r in results),
            "misses": [m for r in results for m in r[table]["misses"]],
        }
    out["unmatched"] = {
        "proposals": sum(r["unmatched"]["proposals"] for r in results),
        "stray": sum(r["unmatched"]["stray"] for r in results),
        "rows": [p for r in results for p in r["unmatched"]["rows"]],
    }
    return out
