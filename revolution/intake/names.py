"""What the intake knows from our data, to propose with each event: the people and places a sentence
names (and names our tables lack), the event it may be (an existing event key, paired by its New Style
dates within their precision or by a name), its category, and a short title."""

from __future__ import annotations

import re

from revolution.data import calendar
from revolution.data.provenance import normalize
from revolution.data.table import records
from revolution.intake.analyser import Tok

# Surname and place endings a Russian name written in Hangul often has: how a new name is guessed.
PERSON_ENDINGS = ("프", "노바", "나", "스키", "비치", "예프", "코", "린", "닌", "츠키")
PLACE_ENDINGS = ("보", "스크", "그라드", "부르크", "궁전", "광장")


def table_names(frame, id_col: str, extra=()) -> dict:
    """Every Korean name and alias of a table's rows -> its id (and names a place bore, from place_names)."""
    out = {}
    for rec in records(frame):
        for name in [rec["name_ko"]] + [a.strip() for a in (rec["aliases_ko"] or "").split(";")]:
            if name:
                out.setdefault(name, rec[id_col])
    for name, ident in extra:
        out.setdefault(name, ident)
    return out


def find(flat_sentence: str, names: dict) -> list[tuple[str, str, int]]:
    """(name, id, position) of known names in a sentence, the longest first: '레닌그라드' is not '레닌'."""
    found, taken = [], []
    for name in sorted(names, key=lambda n: -len(normalize(n))):
        key = normalize(name)
        for m in re.finditer(re.escape(key), flat_sentence):
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((name, names[name], m.start()))
    return found


def new_names(toks: list[Tok], known: set) -> list[tuple[str, str]]:
    """Proper nouns (Kiwi's NNP) our tables lack, a place or a person guessed by the endings Russian names
    have in Hangul: candidates for the editor, never rows."""
    out = []
    for n, t in enumerate(toks):
        if t.tag != "NNP" or len(t.form) < 2 or any(t.form in k or k in t.form for k in known):
            continue
        if t.form.endswith(PLACE_ENDINGS):
            out.append((t.form, "place"))
        elif t.form.endswith(PERSON_ENDINGS) and len(t.form) >= 3:
            prev = toks[n - 1] if n else None
            whole = (
                f"{prev.form} {t.form}" if prev is not None and prev.tag == "NNP" and prev.b < t.a else t.form
            )
            out.append((whole, "person"))
    return out


def _words(s: str) -> set:
    return set(re.findall(r"[가-힣]{2,}", s))


def known_events(data) -> list[dict]:
    """The tellings in the data, each with what matching reads of it, computed once per proposal run: its
    names (title, key title, aliases) normalized, and its quote's words."""
    keys = dict(zip(data.event_keys.event_key, data.event_keys.title_ko))
    out = []
    for e in records(data.events):
        names = [e["title_ko"], keys.get(e["event_key"], "")] + (e["aliases_ko"] or "").split("; ")
        flat = [normalize(n) for n in names if n and len(normalize(n)) >= 3]
        tokens = [w for w in re.findall(r"[가-힣A-Za-z0-9]+", keys.get(e["event_key"], "")) if len(w) >= 2]
        out.append(
            dict(
                e, _names=flat, _words=_words(e["quote"]), _tokens=tokens, _key_title=keys.get(e["event_key"])
            )
        )
    return out


def category(sentence: str, events: list[dict]) -> tuple[str, str]:
    """The category of the existing telling whose quote shares most words with the sentence: a guess from
    the data, for the editor to check."""
    mine = _words(sentence)
    best = max(events, key=lambda e: (len(mine & e["_words"]), e["event_id"]), default=None)
    if best is None:
        return "", ""
    shared = sorted(mine & best["_words"])[:3]
    return best["category"], f"category as {best['event_id']} (shared words: {', '.join(shared) or 'none'})"


def _same_time(e: dict, lo: str, hi: str, precision: str) -> bool:
    """The same day in New Style; or, for months counted in two calendars, New Style spans that share at
    least half of the shorter one ('3월' New Style and '2월' Old Style of 1917 are not the same month)."""
    if precision == "day":
        return (e["start_gregorian"], e["end_gregorian"]) == (lo, hi)
    from datetime import date

    a, b = max(e["start_gregorian"], lo), min(e["end_gregorian"], hi)
    if a > b:
        return False
    days = lambda x, y: (date.fromisoformat(y) - date.fromisoformat(x)).days + 1  # noqa: E731
    return days(a, b) * 2 >= min(days(lo, hi), days(e["start_gregorian"], e["end_gregorian"]))


def _overlap(e: dict, lo: str, hi: str) -> bool:
    return e["start_gregorian"] <= hi and lo <= e["end_gregorian"]


def event_key(row: dict, flat_clause: str, events: list[dict]) -> tuple[str | None, str, str | None]:
    """(key, why, its title) of an existing event a proposed telling may be: one whose alias or title (or
    every word of its title) is in the clause and whose New Style dates overlap; or else the one event told
    at the same precision whose New Style dates hold this telling's (a text in New Style pairs with ours in
    Old Style)."""
    lo, hi = (
        d.isoformat()
        for d in calendar.new_style_interval(row["start"], row["end"], row["precision"], row["calendar"])
    )
    for e in events:
        if _overlap(e, lo, hi) and any(n in flat_clause for n in e["_names"]):
            return (
                e["event_key"],
                f"alias or title of {e['event_key']} in the clause, dates overlap",
                e["_key_title"],
            )
    for e in events:
        if _overlap(e, lo, hi) and len(e["_tokens"]) >= 2 and all(w in flat_clause for w in e["_tokens"]):
            return (
                e["event_key"],
                f"the words of {e['event_key']}'s title in the clause, dates overlap",
                e["_key_title"],
            )
    if row["precision"] in ("day", "month"):
        same = {
            (e["event_key"], e["_key_title"])
            for e in events
            if e["precision"] == row["precision"] and _same_time(e, lo, hi, row["precision"])
        }
        if len(same) == 1:
            key, title = same.pop()
            return key, f"the same {row['precision']} (New Style) as {key}", title
    return None, "no existing event with this date or name", None


# Endings and particles a title drops: what happened, as a noun phrase.
_VERBAL = ("XSV",)


def title(toks: list[Tok], a: int, b: int, u: str) -> str:
    """A short title for what a clause tells after its date: the verbal noun of its main verb with the
    noun it governs ('헌법제정회의 해산', '봉기 가담', '겨울궁전 점령'), else the clause's first noun phrase
    (words of time such as '이후' left out)."""
    inside = [t for t in toks if a <= t.a and t.b <= b]
    for n, t in enumerate(inside):
        if t.tag in _VERBAL and n and inside[n - 1].tag == "NNG":
            verb = inside[n - 1]
            args = [
                (inside[k - 1], inside[k]) for k in range(n - 1, 0, -1) if inside[k - 1].tag in ("NNG", "NNP")
            ]
            for marks in (("JKO",), ("JKB",), ("JKS",)):
                obj = next(
                    (w for w, p in args if p.tag in marks and (p.tag != "JKB" or p.form == "에")), None
                )
                if obj is not None:
                    return f"{obj.form} {verb.form}"
            return verb.form
    nouns = []
    for t in inside:
        if t.tag in ("NNG", "NNP", "SL", "XSN") and not (not nouns and t.form in _TIME):
            if nouns and t.a > nouns[-1].b + 1:
                break
            nouns.append(t)
        elif nouns:
            break
    if nouns:
        return u[nouns[0].a : nouns[-1].b]
    return re.sub(r"\s+", " ", u[a:b]).strip()[:40]


_TIME = {"이후", "이전", "무렵", "즈음", "당시", "동안", "때", "밤", "새벽", "아침", "저녁", "초", "말", "중"}
