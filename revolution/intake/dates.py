"""The time grammar, part one: the date expressions of a sentence as Kiwi tags them (a year, a range of
years, a decade or a century and their parts, a month, a day, a season; a relative date: 그해, 이듬해,
이튿날, 사흘 뒤, 같은 달, N년 뒤), each with its calendar gloss if the text gives one, and how the sentence
uses it (the time of its clause, a label of a noun, a comparison, a name). What a date leaves to context is
resolved in revolution.intake.narrative."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from revolution.intake import figures, numerals, uses
from revolution.intake.analyser import Tok

# Which years of a decade, and which of a century, a part names: '1920년대 말' is 1927-1929 (a window of
# years), '19세기 초' 1800-1819 (a window of decades), as our data reads them.
DECADE_PARTS = {
    "초": (0, 4),
    "초반": (0, 4),
    "초엽": (0, 4),
    "전반": (0, 4),
    "전반기": (0, 4),
    "중반": (3, 6),
    "중엽": (3, 6),
    "후반": (5, 9),
    "후반기": (5, 9),
    "말": (7, 9),
    "말엽": (7, 9),
    "말경": (7, 9),
}
CENTURY_PARTS = {
    "초": (0, 19),
    "초반": (0, 19),
    "초엽": (0, 19),
    "전반": (0, 49),
    "전반기": (0, 49),
    "중반": (40, 69),
    "중엽": (40, 69),
    "후반": (50, 99),
    "후반기": (50, 99),
    "말": (80, 99),
    "말엽": (80, 99),
    "말경": (80, 99),
}
# A half of a decade is a stretch of years the text means as lasting; a beginning or an end is a time.
LASTING_PARTS = {"전반기", "후반기"}
SEASONS = {"봄": (3, 5), "여름": (6, 8), "가을": (9, 11), "겨울": (12, 14)}
# Relative years and days: how far from the year or the day the narrative last told.
REL_YEAR = {"그해": 0, "이듬해": 1, "전해": -1, "그이듬해": 1}
REL_DAY = {"이날": 0, "그날": 0, "이튿날": 1, "다음날": 1, "당일": 0}
DAYS_WORD = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10}
AFTER = {"뒤", "후", "만"}
# Words in a gloss that say which calendar its date is in.
SAYS_NEW = ("양력", "신력", "그레고리", "서력")
SAYS_OLD = ("구력", "율리우스", "러시아달력", "러시아력", "음력")


@dataclass
class When:
    """One date expression: morphemes toks[i:j] (with its gloss, if any), what it says and what it leaves
    to the narrative (`needs`: the year, the month, or a day to count from)."""

    i: int
    j: int
    kind: str
    y: int | None = None
    y2: int | None = None
    m: int | None = None
    m2: int | None = None
    d: int | None = None
    part: str = ""
    shift: int = 0  # years (rel_year, after_years) or days (rel_day)
    gloss: tuple[str, int, int] | None = None  # (which calendar the gloss is in, month, day)
    gloss_b: int | None = None  # where the gloss ends (u position)
    use: str = "time"  # time | label | name | compared | heading
    in_relative: bool = False  # background: in a clause that modifies a noun, or the start of a span
    said_before: str = ""  # a calendar word right before it ('구력 10월 25일')
    lasts: int | None = None  # years the sentence says it lasted ('이후 스무 해 동안', '20년 넘게 계속')
    notes: list[str] = field(default_factory=list)


def _f(toks: list[Tok], k: int) -> str:
    return toks[k].form if 0 <= k < len(toks) else ""


def _int(tok: Tok | None, lo: int, hi: int) -> int | None:
    if tok is None or tok.tag != "SN":
        return None
    v = numerals.digits(tok.form)
    return int(v) if v is not None and v == int(v) and lo <= v <= hi else None


def _at(toks: list[Tok], k: int) -> Tok | None:
    return toks[k] if 0 <= k < len(toks) else None


def _year_at(toks: list[Tok], k: int) -> int | None:
    """The year written at toks[k] ('1917' before 년, '68' before 년 5월); None for a length of years."""
    y = _int(_at(toks, k), 10, 2100)
    if y is None or _f(toks, k + 1) != "년":
        return None
    q = figures.Quantity(float(y), k, k + 1, "digits")
    if figures.is_length(toks, q):
        return None
    return y + 1900 if y < 100 else y


def _month_day(toks: list[Tok], k: int) -> tuple[int | None, int | None, int]:
    """(month, day, next index) of 'N월 (M일)' at toks[k]."""
    m = _int(_at(toks, k), 1, 12)
    if m is None or _f(toks, k + 1) != "월":
        return None, None, k
    d = _int(_at(toks, k + 2), 1, 31)
    if d is not None and _f(toks, k + 3) == "일" and _f(toks, k + 4) not in AFTER | {"동안", "간"}:
        return m, d, k + 4
    return m, None, k + 2


def _gloss(toks: list[Tok], k: int) -> tuple[tuple[str, int, int] | None, int]:
    """A calendar gloss right after a date: '(그레고리오 달력으로는 3월 8일)', '(11월 7일)', ', 러시아
    달력으로는 2월 23일', '…일을 …일로' (the switch). (which, month, day) and the index after it."""
    if _f(toks, k) in ("(", "[") or (
        _f(toks, k) == "," and any(w in "".join(t.form for t in toks[k : k + 5]) for w in SAYS_NEW + SAYS_OLD)
    ):
        close = next((n for n in range(k + 1, min(len(toks), k + 12)) if toks[n].form in (")", "]")), None)
        stop = close if close is not None else min(len(toks), k + 10)
        for n in range(k + 1, stop):
            m, d, after = _month_day(toks, n)
            if m and d:
                words = "".join(t.form for t in toks[k + 1 : n])
                which = (
                    "new"
                    if any(w in words for w in SAYS_NEW)
                    else "old"
                    if any(w in words for w in SAYS_OLD)
                    else "?"
                )
                return (which, m, d), (close + 1 if close is not None else after)
        return None, k
    if _f(toks, k) in ("을", "를"):
        m, d, after = _month_day(toks, k + 1)
        if m and d and _f(toks, after) in ("로", "으로"):
            return ("switch", m, d), after
    return None, k


def _part(toks: list[Tok], k: int, parts: dict) -> tuple[str, int]:
    f = _f(toks, k)
    if f in parts:
        return f, k + 1
    if f + _f(toks, k + 1) in parts:  # 말 + 엽, 전반 + 기
        return f + _f(toks, k + 1), k + 2
    return "", k


def _absolute(toks: list[Tok], k: int) -> When | None:
    t = toks[k]
    # 1914-18년: Kiwi keeps a serial whole; a pattern reads inside it
    if t.tag == "W_SERIAL" and _f(toks, k + 1) == "년":
        m = re.fullmatch(r"(\d{4})[-–](\d{2}|\d{4})", t.form)
        if m:
            y1, tail = int(m[1]), m[2]
            y2 = int(tail) if len(tail) == 4 else int(m[1][:2] + tail)
            return When(k, k + 2, "year_range", y=y1, y2=y2) if y2 > y1 else None
    if t.tag != "SN":
        return None
    # a decade ('1890년대', '80년대'), its part, or two ('70년대와 80년대')
    if _f(toks, k + 1) == "년대" and (y := _int(t, 10, 2100)) is not None:
        y = y + 1900 if y < 100 else y
        if (
            _f(toks, k + 2) in ("와", "과")
            and _f(toks, k + 4) == "년대"
            and (y2 := _int(_at(toks, k + 3), 10, 2100))
        ):
            y2 = y2 + 1900 if y2 < 100 else y2
            return When(k, k + 5, "decade_range", y=y, y2=y2)
        part, after = _part(toks, k + 2, DECADE_PARTS)
        return When(k, after, "decade_part" if part else "decade", y=y, part=part)
    # a century and its part: 12세기, 19세기 중반 (native numerals before 세기 are a length: 두 세기)
    if _f(toks, k + 1) == "세기" and (c := _int(t, 1, 21)) is not None:
        part, after = _part(toks, k + 2, CENTURY_PARTS)
        return When(k, after, "century_part" if part else "century", y=(c - 1) * 100, part=part)
    # years, alone or in a range: 1917년, 1936~7년, 1929년부터 1973년까지, 1917년에서 1923년 사이
    if _f(toks, k + 1) in ("~", "-", "–") and _f(toks, k + 3) == "년" and (y := _int(t, 1000, 2100)):
        tail = _int(_at(toks, k + 2), 0, 2100)
        if tail is not None:
            y2 = tail if tail >= 1000 else int(str(y)[: 4 - len(toks[k + 2].form)] + toks[k + 2].form)
            if y2 > y:
                return When(k, k + 4, "year_range", y=y, y2=y2)
    y = _year_at(toks, k)
    if y is not None:
        after = k + 2
        if _f(toks, after) in ("부터", "에서") and (y2 := _year_at(toks, after + 1)) and y2 > y:
            end = after + 3
            if _f(toks, end) in ("까지", "사이"):
                end += 1
            return When(k, end, "year_range", y=y, y2=y2)
        m, d, after2 = _month_day(toks, after)
        if m:
            w = _month_tail(toks, after2, m)
            if w:
                w.i, w.y = k, y
                return w
            return When(k, after2, "day" if d else "month", y=y, m=m, d=d)
        season = _f(toks, after)
        if season in SEASONS:
            return When(k, after + 1, "season", y=y, part=season)
        return When(k, after, "year", y=y)
    m, d, after = _month_day(toks, k)
    if m:
        w = _month_tail(toks, after, m)
        if w:
            w.i = k
            return w
        return When(k, after, "day" if d else "month", m=m, d=d)
    return None


def _month_tail(toks: list[Tok], k: int, m: int) -> When | None:
    """A second month after a first: '5~6월' (read from the first), '2월과 10월 사이', '2월부터 5월까지'."""
    if _f(toks, k - 1) != "월":
        return None
    if (
        _f(toks, k) in ("과", "와", "부터", "에서")
        and (m2 := _int(_at(toks, k + 1), 1, 12))
        and _f(toks, k + 2) == "월"
    ):
        end = k + 3
        if _f(toks, end) in ("사이", "까지"):
            end += 1
        elif _f(toks, k) in ("과", "와"):
            return None  # '2월과 10월': two months, not a span
        return When(k, end, "month_range", m=m, m2=m2) if m2 > m else None
    return None


def _month_range_dash(toks: list[Tok], k: int) -> When | None:
    """'1968년 5~6월': Kiwi reads 5 ~ 6 월."""
    y = _year_at(toks, k)
    if y is None:
        return None
    m1, m2 = _int(_at(toks, k + 2), 1, 12), _int(_at(toks, k + 4), 1, 12)
    if m1 and m2 and _f(toks, k + 3) in ("~", "-", "–") and _f(toks, k + 5) == "월" and m2 > m1:
        return When(k, k + 6, "month_range", y=y, m=m1, m2=m2)
    return None


def _relative(toks: list[Tok], k: int) -> When | None:
    f, nxt = _f(toks, k), _f(toks, k + 1)
    # 그해, 그 해, 같은 해, 이듬해, 다음 해, 전해 (and what follows: 그해 2월, 이듬해 여름)
    shift, after = None, k
    if f in REL_YEAR:
        shift, after = REL_YEAR[f], k + 1
    elif f in ("그", "다음", "전", "이") and nxt == "해" and toks[k + 1].tag == "NNG":
        shift, after = {"그": 0, "이": 0, "다음": 1, "전": -1}[f], k + 2
    elif f == "같" and nxt in ("은", "ᆫ") and _f(toks, k + 2) == "해":
        shift, after = 0, k + 3
    if shift is not None:
        m, d, after2 = _month_day(toks, after)
        if m:
            return When(k, after2, "rel_year", m=m, d=d, shift=shift)
        if _f(toks, after) in SEASONS:
            return When(k, after + 1, "rel_year", part=_f(toks, after), shift=shift)
        return When(k, after, "rel_year", shift=shift)
    # 이날, 그날, 이튿날, 다음 날; 이틀 뒤, 사흘 뒤, 10일 뒤
    if f in REL_DAY:
        return When(k, k + 1, "rel_day", shift=REL_DAY[f])
    if f in ("다음", "그", "이") and nxt == "날":
        return When(k, k + 2, "rel_day", shift=1 if f == "다음" else 0)
    if f in DAYS_WORD and nxt in AFTER:
        return When(k, k + 2 + (_f(toks, k + 2) == "에"), "rel_day", shift=DAYS_WORD[f])
    if (n := _int(_at(toks, k), 1, 400)) and nxt == "일" and _f(toks, k + 2) in AFTER:
        return When(k, k + 3, "rel_day", shift=n)
    # 같은 달, 그달, 다음 달
    if f in ("같", "그", "다음") and (nxt == "달" or _f(toks, k + 2) == "달"):
        end = k + 2 if nxt == "달" else k + 3
        return When(k, end, "rel_month", shift=1 if f == "다음" else 0)
    if f == "그달":
        return When(k, k + 1, "rel_month", shift=0)
    # N년 뒤 / 후 / 만에 (그로부터 N년 뒤): a year counted from the narrative's
    if (
        (n := _int(_at(toks, k), 1, 200))
        and nxt == "년"
        and _f(toks, k + 2) in AFTER
        and _f(toks, k + 3) not in ("떨어지", "처지", "쳐지")
    ):  # '100년 뒤(떨어져)': to lag behind, not a date
        return When(k, k + 3, "after_years", shift=n)
    # a bare season as the time of a clause ('여름에', '여름부터')
    if f in SEASONS and toks[k].tag == "NNG" and nxt in ("에", "부터", "까지", "에는", "엔"):
        return When(k, k + 1, "season", part=f)
    # a bare day inside a run of days of one month ('25일에는')
    if (
        (d := _int(_at(toks, k), 1, 31))
        and nxt == "일"
        and _f(toks, k + 2) in ("에", "에는", "부터", "까지", "밤", "새벽")
    ):
        return When(k, k + 2, "bare_day", d=d)
    return None


def read(toks: list[Tok], seen: set) -> list[When]:
    """Every date expression of a sentence, left to right; `seen` holds the dates the text told before
    (to tell a label's first mention from a repeat)."""
    out, k = [], 0
    while k < len(toks):
        w = _month_range_dash(toks, k) or _absolute(toks, k) or _relative(toks, k)
        if w is None:
            k += 1
            continue
        w.gloss, after = _gloss(toks, w.j)
        if w.gloss:
            w.gloss_b = toks[after - 1].b
        # a year is told first once, at whatever precision: '1905년 1월' first, then '1905년 혁명의 기억'
        key = (
            ("y", w.y)
            if w.kind in ("year", "month", "day", "season")
            else (w.kind, w.y, w.y2, w.m, w.m2, w.part)
        )
        relative = w.kind in ("rel_day", "rel_month", "after_years")
        w.use = "time" if relative else uses.use(toks, w, key not in seen)
        seen.add(key)
        w.in_relative = uses.in_relative_clause(toks, w) or uses.background(toks, w)
        w.said_before = _f(toks, w.i - 1) if _f(toks, w.i - 1) in SAYS_NEW + SAYS_OLD else ""
        if w.kind == "year":
            w.lasts = uses.lasting(toks, w.j)
        if w.gloss:
            w.j = after
        out.append(w)
        k = max(w.j, k + 1)
    return out
