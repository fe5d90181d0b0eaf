"""Proposals for a new text: each figure, event and exclusion the grammars read, with its shortest
verbatim span, its sentence, the sentence its date leans on, and what the Korean says about it (`reason`).
Nothing here is written anywhere; an editor accepts, edits or rejects each proposal."""

from __future__ import annotations

import re

from revolution.data import ledger
from revolution.data.computed import event_columns
from revolution.data.provenance import normalize
from revolution.data.table import records
from revolution.intake import figures, names, narrative
from revolution.intake.text import Found, Text

# Every proposal says where it stands in its review, and why it was proposed so.
STATUSES = ("proposed", "accepted", "edited", "rejected")
# A proposal's English is never invented: the Korean title or gloss waits for a translator.
TO_TRANSLATE = "to_translate"
CONVENTIONS = narrative.CONVENTIONS


def prefix(source_id: str, taken: set) -> str:
    """The id letter of a new source's rows (figures F?000, events E?000): its first free letter."""
    for ch in source_id.upper() + "ABCDEFGIJKLNOPQRSTUVWXYZ":
        if ch.isalpha() and ch not in taken:
            return ch
    raise ValueError("every id letter is taken")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")


def read(text: Text, convention: str) -> list[Found]:
    """Everything the grammars find in the text, in its order: dates first (a number that is a date is
    not a figure), then figures and numbers that are parts of names."""
    found = narrative.resolve(text, convention)
    taken: dict[int, set] = {}
    for f in found:
        taken.setdefault(f.sentence.n, set()).update(t.a for t in f.sentence.toks if f.a <= t.a < f.b)
    for s in text.sentences:
        for f in figures.read(s, taken.get(s.n, set())):
            if s.block in ("heading", "title"):
                f.kind, f.row = "exclusion", {"why": "section heading or title, not a figure"}
            found.append(f)
    return sorted(found, key=lambda f: f.a)


def _covered(raw: str, rows: dict) -> list[tuple[int, int]]:
    """Where each proposal's quote (an exclusion's context) stands in the text, white space aside: looked
    for inside its own sentence, since a short quote ('1918년') may stand in many places."""
    flat = normalize(raw)
    spans = []
    for table, col in (("figures", "quote"), ("events", "quote"), ("exclusions", "context")):
        for rec in rows[table]:
            s = flat.find(normalize(rec.get("sentence") or "")) if rec.get("sentence") else -1
            at = flat.find(normalize(rec[col]), max(s, 0))
            if at >= 0:
                spans.append((at, at + len(normalize(rec[col]))))
    return spans


def propose(raw: str, source_id: str, data, convention: str = "none", text: Text | None = None) -> dict:
    """The proposed figures, events, exclusions and new names for a text, in the data files' columns plus
    `status`, `reason`, `sentence` (and, for events, `people`, `places`, `translate`)."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown calendar convention {convention!r} (one of {', '.join(CONVENTIONS)})")
    text = text or Text(raw)
    people = names.table_names(data.people, "person_id")
    places = names.table_names(
        data.places, "place_id", zip(data.place_names.name_ko, data.place_names.place_id)
    )
    both = {**{n: ("person", i) for n, i in people.items()}, **{n: ("place", i) for n, i in places.items()}}
    events = names.known_events(data)
    letters = {i[1] for i in list(data.figures.figure_id) + list(data.events.event_id) if len(i) > 1}
    letter = prefix(source_id, letters)
    eras = records(data.eras)
    out = {"figures": [], "events": [], "exclusions": [], "names": []}
    seen_names: set = set()
    counted = [(h.start, h.end) for h in ledger.hits(raw)]
    at = [i for i, ch in enumerate(text.u) if not ch.isspace()]  # flat index -> position in text.u
    found = read(text, convention)
    _periods(found)
    for f in found:
        sentence = text.said(f.sentence)
        match = f.row.get("date_text") or text.verbatim(f.a, f.b)
        if f.kind == "exclusion" and not _counts(f, at, counted):
            continue  # a number the ledger does not count needs no decision
        if f.kind == "exclusion":
            lo, hi = text.clause(f.a, f.b)
            out["exclusions"].append(
                {
                    "source_id": source_id,
                    "context": text.verbatim(lo, hi),
                    "match": match,
                    "reason": f.row["why"],
                    "status": "proposed",
                    "sentence": sentence,
                }
            )
        elif f.kind == "period":
            continue
        elif f.kind == "figure":
            out["figures"].append(
                _figure(text, f, source_id, letter, len(out["figures"]) + 1, match, sentence)
            )
        else:
            row = _event(
                text, f, source_id, letter, len(out["events"]) + 1, match, sentence, events, both, eras
            )
            out["events"].append(row)
            for name, kind in names.new_names(f.sentence.toks, set(both)):
                if name not in seen_names:
                    seen_names.add(name)
                    out["names"].append(
                        {"name_ko": name, "kind": kind, "sentence": sentence, "status": "proposed"}
                    )
    # a number the completeness ledger counts that no proposal holds: an exclusion to decide, so that the
    # review can always meet the completeness check
    for hit in ledger.uncovered(raw, _covered(raw, out)):
        lo, hi = text.clause(at[hit.start], at[hit.end - 1] + 1)
        sentence = text.said(text.sentence_at(at[hit.start]))
        out["exclusions"].append(
            {
                "source_id": source_id,
                "context": text.verbatim(lo, hi),
                "match": hit.text,
                "reason": "the ledger counts this number; the reader found "
                "no figure or date in it: say why it is not data",
                "status": "proposed",
                "sentence": sentence,
            }
        )
    return out


def _counts(f: Found, at: list[int], counted: list[tuple[int, int]]) -> bool:
    """Whether the completeness ledger counts a number inside this span (flat positions)."""
    return any(f.a <= at[a] < f.b or at[a] <= f.a < at[b - 1] + 1 for a, b in counted)


def _periods(found: list[Found]) -> None:
    """A date in a sentence that states a figure with '이다' ('1917년에 … 240만 명 가운데 40만 명이 공장
    노동자였다') is when the figure holds, not an event: it becomes the figures' period."""
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence.n, []).append(f)
    for group in by_sentence.values():
        # a quantity that holds at a time (people, a share, a count), after the date; a length of years
        # is no such thing ('열두 해 뒤에 일어날 … 예행연습이었다')
        dated = [
            f
            for f in group
            if f.kind == "event" and f.row["precision"] == "year" and "date_basis" not in f.row
        ]
        figs = [
            f
            for f in group
            if f.kind == "figure" and f.row["unit"] not in ("years", "months") and dated and f.a > dated[0].a
        ]
        last = [t for t in group[0].sentence.toks if t.tag.startswith(("V", "XS"))][-1:] if group else []
        if figs and len(dated) == 1 and last and last[0].tag == "VCP":
            d = dated[0]
            for f in figs:
                f.row.update(period_start=d.row["start"][:4], period_end=d.row["end"][:4])
                f.row["why"] += f"; when: {d.row['start'][:4]}, the sentence's date"
            d.kind = "period"


def _figure(text: Text, f: Found, source_id: str, letter: str, n: int, match: str, sentence: str) -> dict:
    a, b = text.clause(f.a, f.b, min_tail=6)  # a number alone says nothing: '한 해', not a clause
    quote = text.verbatim(a, b)
    unit = f.row["unit"]
    return {
        "figure_id": f"F{letter}{n:03d}",
        "source_id": source_id,
        "quote": quote,
        "quote_en": "",
        "value": f.row["value"],
        "value_low": f.row["value_low"],
        "value_high": f.row["value_high"],
        "qualifier": f.row["qualifier"],
        "unit": unit,
        "measure_ko": f.row.get("measure") or quote,
        "measure_en": "",
        "period_start": f.row.get("period_start"),
        "period_end": f.row.get("period_end"),
        "group": f"{source_id}_{unit}",
        "headline": None,
        "notes_ko": None,
        "notes_en": None,
        "status": "proposed",
        "reason": f.row["why"],
        "match": match,
        "sentence": sentence,
        "translate": TO_TRANSLATE,
    }


def _event(text, f, source_id, letter, n, match, sentence, events, both, eras) -> dict:
    a, b = text.clause(f.a, f.b, min_tail=8)
    quote = text.verbatim(a, b)
    row = {k: f.row[k] for k in ("start", "end", "precision", "extent", "calendar", "calendar_basis")}
    key, key_why, key_title = names.event_key(row, normalize(quote), events)
    cat, cat_why = names.category(sentence, events)
    named = names.find(normalize(sentence), both)
    who = list(
        dict.fromkeys(i for _, (k, i), _ in ((nm, both[nm], at) for nm, _, at in named) if k == "person")
    )
    where = list(
        dict.fromkeys(i for _, (k, i), _ in ((nm, both[nm], at) for nm, _, at in named) if k == "place")
    )
    context = f.row.get("context")
    # a date whose words do not give it whole leans on the sentence that completed it, even when that is its
    # own; a whole date leans on none
    leans = context is not None
    said_context = text.said(context) if leans else None
    # a sentence dated by context tells its happening in its own words: its title is read from the clause
    untold = f.row.get("date_basis") == "context"
    head = key_title or names.title(f.sentence.toks, a if untold else f.b, b, text.u)
    computed = event_columns(row, eras)
    return {
        "event_id": f"E{letter}{n:03d}",
        "source_id": source_id,
        "quote": quote,
        "quote_en": "",
        "date_text": match,
        **row,
        "start_gregorian": computed["start_gregorian"],
        "end_gregorian": computed["end_gregorian"],
        "date_basis": f.row.get("date_basis", "stated"),
        "date_context": said_context,
        "date_context_en": "" if leans else None,
        "date_reference": None,
        "title_ko": head,
        "title_en": "",
        "aliases_ko": None,
        "aliases_en": None,
        "category": cat,
        "era": computed["era"],
        "place": where[0] if where else None,
        "event_key": key or _slug(f"{source_id}_{row['start']}_{n}"),
        "notes_ko": None,
        "notes_en": None,
        "status": "proposed",
        "reason": "; ".join(x for x in (f.row["why"], key_why, cat_why) if x),
        "sentence": sentence,
        "people": "; ".join(who),
        "places": "; ".join(where),
        "new_key": "" if key else "1",
        "translate": TO_TRANSLATE,
    }


def coverage(raw: str, proposals: dict) -> list[ledger.Hit]:
    """The completeness ledger's hits that no proposal holds (none: every one the grammars do not read is
    proposed as an exclusion to decide)."""
    return ledger.uncovered(raw, _covered(raw, proposals))
