"""Proposals for a new text: every hit of the completeness ledger as a candidate figure, event or exclusion,
with its shortest verbatim span, its sentence and what the Korean says about it. Nothing here is written
anywhere; an editor accepts, edits or rejects each proposal (revolution.data.intake)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from convertdate import julian

from revolution.data import calendar, ledger
from revolution.data.eras import era_of
from revolution.data.provenance import normalize
from revolution.data.table import records

# Every proposal says where it stands in its review, and why it was proposed so.
STATUSES = ("proposed", "accepted", "edited", "rejected")
# A proposal's English is never invented: the Korean title or gloss waits for a translator.
TO_TRANSLATE = "to_translate"
# How a day or a month is read when the text names no calendar (--calendar-convention): `none` assumes
# nothing; `russia` is the calendar then in force in Russia (Old Style to its last day, 31 January 1918,
# New Style after it), as our two texts count; `julian` and `gregorian` read every date in one calendar.
CONVENTIONS = ("none", "russia", "julian", "gregorian")

# Multipliers of a Korean number: 240만 is 2,400,000.
MULTIPLIERS = {"만": 10_000, "억": 100_000_000, "천": 1_000}
NUMBER = r"\d[\d,]*(?:\.\d+)?"
# The unit word after a number, and the figure unit it measures (revolution.data.units' codes); a 4-digit
# year before 년 is a date, not a duration (see `_figure`).
FIGURE_UNITS = (
    ("퍼센트", "percent"),
    ("%", "percent"),
    ("명", "persons"),
    ("개국", "countries"),
    ("개월", "months"),
    ("배", "times"),
    ("년", "years"),
    ("위", "rank"),
    ("분의", "fraction"),
    ("킬로미터", "other"),
    ("km", "other"),
    ("톤", "other"),
    ("루블", "other"),
    ("달러", "other"),
    ("마르크", "other"),
    ("시간", "other"),
    ("곳", "count"),
    ("개", "count"),
)
# What the Korean around a number says about it. After it: the first that matches the next few characters
# wins (longest first). '이상' is "at least": drawn as a floor, as 'more_than' is, and the reason says so.
AFTER = (
    ("에못미", "less_than", "'에 못 미치다': under"),
    ("미만", "less_than", "'미만': under"),
    ("이하", "less_than", "'이하': at most"),
    ("이상", "more_than", "'이상': at least"),
    ("웃돌", "more_than", "'웃돌다': above"),
    ("안에", "less_than", "'안에': within"),
    ("이채", "less_than", "'채 … 전': not yet"),
    ("넘", "more_than", "'넘다': over"),
    ("초과", "more_than", "'초과': over"),
    ("남짓", "more_than", "'남짓': a little over"),
    ("여", "more_than", "'여': odd (20여: twenty-odd)"),
    ("에달할", "approx", "'에 달할': an estimate"),
    ("쯤", "approx", "'쯤': about"),
    ("가량", "approx", "'가량': about"),
    ("정도", "approx", "'정도': about"),
)
BEFORE = (
    ("약", "approx", "'약': about"),
    ("대략", "approx", "'대략': about"),
    ("거의", "approx", "'거의': almost"),
)
# A range between two numbers: 2,000만~3,000만, 50년 내지 100년.
RANGE = r"(?:~|-|–|내지|에서)"
_UNIT_ALT = "|".join(re.escape(w) for w, _ in sorted(FIGURE_UNITS, key=lambda u: -len(u[0])))
FIGURE = re.compile(
    rf"(?P<a>{NUMBER})(?P<am>[만억천])?(?:(?P<a_unit>{_UNIT_ALT}))?"
    rf"(?:{RANGE}(?P<b>{NUMBER})(?P<bm>[만억천])?)?(?P<unit>{_UNIT_ALT})"
)

# Dates in the normalized text (no white space), the longest forms first: a range of years or months, a
# part of a decade or a century, a decade, a day, a month, a year, a century. A day or a month without its
# year takes it from the text before it (see `_dates`).
Y = r"(?<!\d)(?P<y>1[0-9]\d\d|20[0-2]\d)"
M = r"(?P<m>1[0-2]|0?[1-9])"
PART = r"(?P<part>초반|초엽|초|전반기|전반|중반|중엽|후반기|후반|말엽|말경|말)"
DATES = (
    ("year_range", re.compile(Y + r"년?(?:부터|에서|~|-|–)(?P<y2>\d{4}|\d{1,2})년(?:까지|사이)?")),
    (
        "month_range",
        re.compile(Y + r"년" + M + r"월?(?:부터|에서|과|와|~|-|–)(?P<m2>1[0-2]|0?[1-9])월(?!\d*일)"),
    ),
    ("decade_part", re.compile(Y + r"년대" + PART)),
    ("decade_part", re.compile(r"(?<!\d)(?P<yy>[1-9]0)년대" + PART)),
    ("century_part", re.compile(r"(?<!\d)(?P<c>[1-9]|1\d|20)세기" + PART)),
    ("decade", re.compile(Y + r"년대")),
    ("decade", re.compile(r"(?<!\d)(?P<yy>[1-9]0)년대")),
    ("day", re.compile(rf"(?:{Y}년)?{M}월(?P<d>[1-3]?\d)일")),
    ("month", re.compile(rf"(?:{Y}년)?{M}월(?!\d)")),
    ("year", re.compile(Y + r"년?(?!대|\d)")),
    ("century", re.compile(r"(?<!\d)(?P<c>[1-9]|1\d|20)세기")),
)
# Which years of a decade, and which of a century, a part names: '1920년대 말' is 1927-1929 (as our data
# reads it: a window of years), '19세기 초' 1800-1819 (a window of decades).
DECADE_PARTS = {"초": (0, 4), "전반": (0, 4), "중반": (3, 6), "중엽": (3, 6), "후반": (5, 9), "말": (7, 9)}
CENTURY_PARTS = {
    "초": (0, 19),
    "전반": (0, 49),
    "중반": (40, 69),
    "중엽": (40, 69),
    "후반": (50, 99),
    "말": (80, 99),
}


def _part(word: str) -> str:
    return next(k for k in DECADE_PARTS if word.startswith(k))


# A New Style pair right after an Old Style date: '2월 23일(신력 3월 8일)', '10월 25일(11월 7일)'.
PAIR = re.compile(r"\((?:신력|그레고리오[^)]{0,12}?)?(?P<m>1[0-2]|0?[1-9])월(?P<d>[1-3]?\d)일\)")
SAYS_JULIAN = ("구력", "율리우스")
SAYS_GREGORIAN = ("신력", "그레고리오")
# Numbers that are names, not data: 니콜라이 2세, 제1차 세계대전, 제3호.
ORDINAL = re.compile(r"(?:제)?(?P<n>\d{1,2})(?P<w>세|차|호)")
# Surname and place endings a Russian name written in Hangul often has: how a new name is guessed.
# A month before these words is a name, not a date: '10월 혁명', '4월 테제'.
NAMED_BY_MONTH = ("혁명", "테제")
PERSON_ENDINGS = ("프", "노바", "나", "스키", "비치", "예프", "코", "린", "닌", "츠키")
PLACE_ENDINGS = ("보", "스크", "그라드", "부르크", "궁전", "광장")


@dataclass
class Text:
    """A text with its normalized form and where each normalized character stands in the original."""

    raw: str
    flat: str = ""
    at: list[int] = field(default_factory=list)  # flat index -> raw index
    sentences: list[tuple[int, int]] = field(default_factory=list)  # raw spans

    def __post_init__(self):
        self.at = [i for i, ch in enumerate(self.raw) if not ch.isspace()]
        self.flat = normalize(self.raw)
        self.sentences = _sentences(self.raw)

    def raw_span(self, a: int, b: int) -> tuple[int, int]:
        return self.at[a], self.at[b - 1] + 1

    def verbatim(self, a: int, b: int) -> str:
        """The raw text of a flat span, every run of white space written as one space."""
        lo, hi = self.raw_span(a, b)
        return re.sub(r"\s+", " ", self.raw[lo:hi]).strip()

    def sentence_of(self, a: int) -> tuple[int, int]:
        pos = self.at[a]
        return next((s for s in self.sentences if s[0] <= pos < s[1]), (0, len(self.raw)))

    def flat_of(self, raw_pos: int) -> int:
        """The flat index of the first non-space character at or after `raw_pos`."""
        from bisect import bisect_left

        return bisect_left(self.at, raw_pos)


def _sentences(raw: str) -> list[tuple[int, int]]:
    """Raw spans of sentences: ended by . ? ! before white space, or by a blank line (a heading)."""
    out, start = [], 0
    for m in re.finditer(r"(?<=[.?!])\s+|\n\s*\n", raw):
        if raw[start : m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if raw[start:].strip():
        out.append((start, len(raw.rstrip())))
    return out


def _clause(text: Text, a: int, b: int, min_tail: int = 0) -> tuple[int, int]:
    """The flat span of the clause holding flat a..b: its sentence cut at commas and semicolons that are not
    inside a number; with `min_tail`, the clause goes on to the next one until that many characters follow
    the span (a date alone says nothing: '1917년 2월 23일, 여성 노동자들이 …')."""
    s_lo, s_hi = text.sentence_of(a)
    sentence = text.raw[s_lo:s_hi]
    cuts = [s_lo] + [s_lo + m.end() for m in re.finditer(r"(?<!\d)[,;]|[,;](?!\d)", sentence)] + [s_hi]
    lo_raw, hi_raw = text.raw_span(a, b)
    first = max(c for c in cuts if c <= lo_raw)
    later = [c for c in cuts if c >= hi_raw]
    last = later[0]
    for c in later:
        last = c
        if len(normalize(text.raw[hi_raw:c])) >= min_tail:
            break
    lo, hi = text.flat_of(first), text.flat_of(last)
    while hi > lo and text.flat[hi - 1] in ",;.":
        hi -= 1
    return lo, hi


def parse_number(digits: str, multiplier: str | None) -> float:
    return float(digits.replace(",", "")) * MULTIPLIERS.get(multiplier or "", 1)


def _qualifier(flat: str, a: int, b: int, ranged: bool) -> tuple[str, str]:
    if ranged:
        return "range", "two numbers: a range, its middle as the value"
    after = flat[b : b + 6]
    for word, code, why in AFTER:
        if after.startswith(word) or (word != "여" and word in after[: len(word) + 3]):
            return code, why
    if flat[a - 1 : a] == "여" or flat[b - 2 : b - 1] == "여":
        return "more_than", "'여': odd (20여: twenty-odd)"
    before = flat[max(0, a - 3) : a]
    for word, code, why in BEFORE:
        if before.endswith(word):
            return code, why
    return "exact", "no qualifying word beside the number"


def _bounds(value: float, qualifier: str, low=None, high=None) -> dict:
    if qualifier == "range":
        return {"value": (low + high) / 2, "value_low": low, "value_high": high}
    return {
        "value": value,
        "value_low": value if qualifier in ("exact", "more_than") else None,
        "value_high": value if qualifier in ("exact", "less_than") else None,
    }


@dataclass
class Found:
    """One thing the scanner read at a flat span: a figure, a date or an exclusion."""

    kind: str
    a: int
    b: int
    row: dict


def _figures(text: Text) -> list[Found]:
    out = []
    for m in FIGURE.finditer(text.flat):
        unit = dict(FIGURE_UNITS)[m["unit"]]
        a, b = m.start(), m.end()
        if text.flat[a - 1 : a].isdigit():
            continue
        if m["unit"] == "년" and not m["am"] and not m["b"] and re.fullmatch(r"1[0-9]\d\d|20[0-2]\d", m["a"]):
            continue  # a year, read as a date
        if m["unit"] == "년" and text.flat[b : b + 1] == "대":
            continue
        value = parse_number(m["a"], m["am"])
        ranged = m["b"] is not None
        qualifier, why = _qualifier(text.flat, a, b, ranged)
        low = value if ranged else None
        high = parse_number(m["b"], m["bm"] or m["am"]) if ranged else None
        # '20여 년': the odd-sign sits between the number and its unit
        out.append(
            Found(
                "figure",
                a,
                b,
                {"unit": unit, "qualifier": qualifier, "why": why, **_bounds(value, qualifier, low, high)},
            )
        )
    return out


def _calendar(
    text: Text, a: int, b: int, ymd: tuple, precision: str, convention: str
) -> tuple[str, str, str, int]:
    """(calendar, calendar_basis, reason, end of a New Style pair) for a date at flat a..b."""
    flat = text.flat
    pair = PAIR.match(flat, b)
    if pair and precision == "day":
        new = calendar.to_new_style(ymd, "julian") if ymd <= calendar.JULIAN_LAST_DAY else None
        if new and (new.month, new.day) == (int(pair["m"]), int(pair["d"])):
            return "julian", "stated", "the text gives its New Style pair: Old Style", pair.end()
        # a second date in brackets that is not this day's New Style: the year read from the text before it
        # may be wrong; the bracket is the date's own, never an event of its own
        return (
            "unspecified",
            "none",
            "a date in brackets after it that does not match: check the year",
            pair.end(),
        )
    near = flat[max(0, a - 4) : b + 6]
    if any(w in near for w in SAYS_JULIAN):
        return "julian", "stated", "'구력' beside the date: Old Style", b
    if any(w in near for w in SAYS_GREGORIAN):
        return "gregorian", "stated", "'신력' beside the date: New Style", b
    if precision in ("year", "decade") or convention == "none":
        return "unspecified", "none", "no calendar stated or assumed", b
    if convention == "russia":
        old = ymd <= calendar.JULIAN_LAST_DAY
        return (
            ("julian" if old else "gregorian"),
            "convention",
            "Russia's calendar then: " + ("Old Style" if old else "New Style"),
            b,
        )
    if convention == "julian" and ymd > calendar.JULIAN_LAST_DAY:
        return "gregorian", "convention", "after Russia's last Old Style day", b
    return convention, "convention", f"by the chosen convention ({convention})", b


def _pair_fits(year: int, day: re.Match, pair: re.Match) -> bool:
    ymd = (year, int(day["m"]), int(day["d"]))
    try:
        new = calendar.to_new_style(ymd, "julian")
    except ValueError:
        return False
    return (new.month, new.day) == (int(pair["m"]), int(pair["d"]))


def _read_date(kind: str, m: re.Match, year_before) -> tuple | None:
    """(start, end, precision, extent, first day, reason) for one match of DATES, or None."""
    if kind == "year_range":
        y1, raw2 = int(m["y"]), m["y2"]
        y2 = int(raw2) if len(raw2) == 4 else int(str(y1)[: 4 - len(raw2)] + raw2)  # 1914-18, 1936~7
        if y2 <= y1:
            return None
        return f"{y1:04d}", f"{y2:04d}", "year", "period", (y1, 1, 1), ""
    if kind in ("decade", "decade_part"):
        reason = ""
        if m.groupdict().get("yy"):
            y, reason = 1900 + int(m["yy"]), "a two-digit decade read as the 1900s; "
        else:
            y = int(m["y"])
        if kind == "decade":
            return f"{y:04d}", f"{y + 9:04d}", "decade", "point", (y, 1, 1), reason
        lo, hi = DECADE_PARTS[_part(m["part"])]
        return f"{y + lo:04d}", f"{y + hi:04d}", "year", "point", (y + lo, 1, 1), reason
    if kind in ("century", "century_part"):
        c0 = (int(m["c"]) - 1) * 100
        lo, hi = CENTURY_PARTS[_part(m["part"])] if kind == "century_part" else (0, 99)
        return f"{c0 + lo:04d}", f"{c0 + hi:04d}", "decade", "point", (c0 + lo, 1, 1), ""
    if kind in ("day", "month", "month_range"):
        y, reason = (int(m["y"]), "") if m.groupdict().get("y") else (year_before, "")
        if y is None:
            return None
        if not m.groupdict().get("y"):
            reason = f"the year ({y}) from the text before it; "
        mo = int(m["m"])
        if kind == "day":
            day = f"{y:04d}-{mo:02d}-{int(m['d']):02d}"
            return day, day, "day", "point", (y, mo, int(m["d"])), reason
        if kind == "month_range":
            m2 = int(m["m2"])
            if m2 <= mo:
                return None
            return f"{y:04d}-{mo:02d}", f"{y:04d}-{m2:02d}", "month", "period", (y, mo, 1), reason
        return f"{y:04d}-{mo:02d}", f"{y:04d}-{mo:02d}", "month", "point", (y, mo, 1), reason
    y = int(m["y"])
    return f"{y:04d}", f"{y:04d}", "year", "point", (y, 1, 1), ""


def _dates(text: Text, convention: str) -> list[Found]:
    flat, taken, out = text.flat, [], []
    # a day or a month without its year takes the year of the last full date before it, else the last year
    full = [(m.start(), int(m["y"])) for m in re.finditer(Y + r"년(?:1[0-2]|0?[1-9])월", flat)]
    bare = [(m.start(), int(m["y"])) for m in re.finditer(Y + r"년", flat)]
    for kind, pattern in DATES:
        for m in pattern.finditer(flat):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in taken):
                continue
            before = next(
                (v for at, v in reversed(full) if at < a),
                next((v for at, v in reversed(bare) if at < a), None),
            )
            if kind == "month" and flat.startswith(NAMED_BY_MONTH, b):
                taken.append((a, b))
                why = f"the name of an event ('{text.verbatim(a, b)} {flat[b : b + 2]}'), not its date"
                out.append(Found("exclusion", a, b, {"why": why}))
                continue
            if kind == "day" and not m["y"] and PAIR.match(flat, b):
                # a New Style pair in brackets says which year: the latest year before it that makes the
                # pair this day's New Style ('10월 25일(11월 7일)' after a caption's 1918 is 1917's)
                # (years of full dates first, nearest first: within 1900-2099 the pair fits any year alike)
                near = [v for at, v in sorted(full, reverse=True) if at < a]
                years = dict.fromkeys(near + [v for at, v in sorted(bare, reverse=True) if at < a])
                before = next((y for y in list(years)[:6] if _pair_fits(y, m, PAIR.match(flat, b))), before)
            read = _read_date(kind, m, before)
            if read is None:
                continue
            start, end, precision, extent, ymd, reason = read
            cal, basis, why, b2 = _calendar(text, a, b, ymd, precision, convention)
            try:
                calendar.new_style_interval(start, end, precision, cal)
            except ValueError:
                continue  # '2월 30일' is no day: the ledger's hit goes to the exclusions
            taken.append((a, b2))
            row = {"start": start, "end": end, "precision": precision, "extent": extent}
            row.update(calendar=cal, calendar_basis=basis, why=reason + why)
            out.append(Found("event", a, b2, row))
    return out + _relative_days(text, out)


# Days the text gives by the day before: '이튿날' is the day after the last day it named, '이날' that day.
RELATIVE = {"이튿날": 1, "다음날": 1, "이날": 0, "그날": 0}
# How far back (normalized characters) the day it counts from may stand: the same or the sentence before.
RELATIVE_REACH = 300


def _relative_days(text: Text, dates: list[Found]) -> list[Found]:
    """Events dated by the day before them, as our rows date them (the word as date_text, the day's
    calendar); the ledger does not find these, so they are proposed beside its hits."""
    days = sorted((f for f in dates if f.kind == "event" and f.row["precision"] == "day"), key=lambda f: f.a)
    out = []
    for m in re.finditer("|".join(RELATIVE), text.flat):
        before = [f for f in days if f.b <= m.start() and m.start() - f.b <= RELATIVE_REACH]
        if not before:
            continue
        day = before[-1]
        cal = day.row["calendar"]
        y, mo, d = (int(v) for v in day.row["start"].split("-"))
        shift = RELATIVE[m.group()]
        if cal == "julian":
            jd = julian.to_jd(y, mo, d) + shift
            y, mo, d = julian.from_jd(jd)
        else:
            moved = date(y, mo, d) + timedelta(days=shift)
            y, mo, d = moved.year, moved.month, moved.day
        start = f"{y:04d}-{mo:02d}-{d:02d}"
        said = text.verbatim(day.a, day.b)
        row = {"start": start, "end": start, "precision": "day", "extent": "point", "calendar": cal}
        row.update(
            calendar_basis=day.row["calendar_basis"],
            why=f"'{m.group()}': {'the day after' if shift else 'the day of'} {said}, named before it",
        )
        out.append(Found("event", m.start(), m.end(), row))
    return out


def _ordinals(text: Text, people_names: dict) -> list[Found]:
    out = []
    for m in ORDINAL.finditer(text.flat):
        if text.flat[m.start() - 1 : m.start()].isdigit():
            continue
        before = text.flat[max(0, m.start() - 8) : m.start()]
        if m["w"] == "세":
            name = next(
                (
                    n
                    for n in people_names
                    if normalize(n).endswith(m["n"] + "세")
                    and text.flat.find(normalize(n), max(0, m.start() - 10)) != -1
                    and normalize(n) in text.flat[max(0, m.start() - 10) : m.end()]
                ),
                None,
            )
            if name:
                why = f"regnal number in a ruler's name ({name})"
            elif re.search(r"[가-힣]$", before) and int(m["n"]) <= 20:
                why = "regnal number in a ruler's name, or an age: check"
            else:
                continue  # an age or a count of years: the scanner proposes it as a figure
        elif m["w"] == "차":
            why = "ordinal in a name (제1차 세계대전)"
        else:
            why = "ordinal number of an issue or a list item"
        out.append(Found("exclusion", m.start(), m.end(), {"why": why}))
    return out


def _heading_spans(text: Text) -> list[tuple[int, int]]:
    """Flat spans of paragraphs of one short line without a full stop: titles and section headings."""
    out = []
    for m in re.finditer(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text.raw):
        block = m.group().strip()
        if "\n" not in block and len(block) <= 60 and not block.endswith((".", "다", "?", "!")):
            lo = text.flat_of(m.start())
            out.append((lo, lo + len(normalize(block))))
    return out


def _names(frame, id_col: str, extra=()) -> dict:
    """Every Korean name and alias of a table's rows -> its id (and names a place bore, from place_names)."""
    out = {}
    for rec in records(frame):
        for name in [rec["name_ko"]] + [a.strip() for a in (rec["aliases_ko"] or "").split(";")]:
            if name:
                out.setdefault(name, rec[id_col])
    for name, ident in extra:
        out.setdefault(name, ident)
    return out


def _find_names(flat_sentence: str, names: dict) -> list[tuple[str, str, int]]:
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


def _new_names(sentence: str, known: set) -> list[tuple[str, str]]:
    """Names the text may bring that our tables lack, guessed by the endings of Russian names in Hangul: a
    candidate for the editor, never a row."""
    out = []
    words = re.findall(r"[가-힣]+", sentence)
    for i, w in enumerate(words):
        stem = re.sub(r"(의|은|는|이|가|을|를|에서|에|으로|로|와|과|도)$", "", w)
        if len(stem) < 2 or any(stem in k or k in stem for k in known):
            continue
        if stem.endswith(PLACE_ENDINGS):
            out.append((stem, "place"))
        elif (
            i
            and stem.endswith(PERSON_ENDINGS)
            and len(stem) >= 3
            and re.fullmatch(r"[가-힣]{2,4}", words[i - 1])
        ):
            out.append((f"{words[i - 1]} {stem}", "person"))
    return out


def _words(s: str) -> set:
    return {w for w in re.findall(r"[가-힣]{2,}", s)}


def _known_events(data) -> list[dict]:
    """The tellings in the data, each with what matching reads of it, computed once per proposal run: its
    names (title, key title, aliases) normalized, and its quote's words."""
    keys = dict(zip(data.event_keys.event_key, data.event_keys.title_ko))
    out = []
    for e in records(data.events):
        names = [e["title_ko"], keys.get(e["event_key"], "")] + (e["aliases_ko"] or "").split("; ")
        flat = [normalize(n) for n in names if n and len(normalize(n)) >= 3]
        # the key title's words, each of which a sentence may carry with a particle or an ending after it
        # ('니콜라이 2세 퇴위' in '니콜라이 2세가 퇴위했다')
        tokens = [w for w in re.findall(r"[가-힣A-Za-z0-9]+", keys.get(e["event_key"], "")) if len(w) >= 2]
        out.append(dict(e, _names=flat, _words=_words(e["quote"]), _tokens=tokens))
    return out


def _category(sentence: str, events: list[dict]) -> tuple[str, str]:
    """The category of the existing telling whose quote shares most words with the sentence: a guess from
    the data, for the editor to check."""
    mine = _words(sentence)
    best = max(events, key=lambda e: (len(mine & e["_words"]), e["event_id"]), default=None)
    if best is None:
        return "", ""
    shared = sorted(mine & best["_words"])[:3]
    return best["category"], f"category as {best['event_id']} (shared words: {', '.join(shared) or 'none'})"


def _event_key(row: dict, flat_clause: str, events: list[dict]) -> tuple[str | None, str]:
    """An existing event key for a proposed telling: one whose alias or title (or every word of its title)
    is in the clause and whose dates overlap, or else one told with the same dates at day or month
    precision."""
    lo, hi = calendar.new_style_interval(row["start"], row["end"], row["precision"], row["calendar"])
    lo, hi = lo.isoformat(), hi.isoformat()
    for e in events:
        if (
            e["start_gregorian"] <= hi
            and lo <= e["end_gregorian"]
            and any(n in flat_clause for n in e["_names"])
        ):
            return e["event_key"], f"alias or title of {e['event_key']} in the clause, dates overlap"
    for e in events:
        overlap = e["start_gregorian"] <= hi and lo <= e["end_gregorian"]
        if overlap and len(e["_tokens"]) >= 2 and all(w in flat_clause for w in e["_tokens"]):
            return e["event_key"], f"the words of {e['event_key']}'s title in the clause, dates overlap"
    if row["precision"] in ("day", "month"):
        same = {
            e["event_key"]
            for e in events
            if e["precision"] == row["precision"] and (e["start_gregorian"], e["end_gregorian"]) == (lo, hi)
        }
        if len(same) == 1:
            key = same.pop()
            return key, f"the same {row['precision']} as {key}"
    return None, "no existing event with this date or name"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")


def prefix(source_id: str, taken: set) -> str:
    """The id letter of a new source's rows (figures F?000, events E?000): its first free letter."""
    for ch in source_id.upper() + "ABCDEFGIJKLNOPQRSTUVWXYZ":
        if ch.isalpha() and ch not in taken:
            return ch
    raise ValueError("every id letter is taken")


def propose(raw: str, source_id: str, data, convention: str = "none") -> dict[str, list[dict]]:
    """The proposed figures, events, exclusions and new names for a text, in the data files' columns plus
    `status`, `reason`, `sentence` (and, for events, `people`, `places`, `translate`)."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown calendar convention {convention!r} (one of {', '.join(CONVENTIONS)})")
    text = Text(raw)
    people = _names(data.people, "person_id")
    places = _names(data.places, "place_id", zip(data.place_names.name_ko, data.place_names.place_id))
    events = _known_events(data)
    letters = {i[1] for i in list(data.figures.figure_id) + list(data.events.event_id) if len(i) > 1}
    letter = prefix(source_id, letters)
    headings = _heading_spans(text)

    found = _dates(text, convention)
    found += [f for f in _figures(text) if not any(f.a < e.b and e.a < f.b for e in found)]
    found += [
        o
        for o in _ordinals(text, people)
        if not any(o.a < f.b and f.a < o.b and f.kind == "event" for f in found)
    ]
    found = [
        f
        for f in found
        if not (f.kind == "figure" and any(o.kind == "exclusion" and o.a < f.b and f.a < o.b for o in found))
    ]
    # a date or figure inside a heading is neither: the ledger's exclusions hold it with its reason
    for f in found:
        if any(a <= f.a and f.b <= b for a, b in headings):
            f.kind, f.row = "exclusion", {"why": "section heading or title, not an event"}
    found.sort(key=lambda f: f.a)

    out = {"figures": [], "events": [], "exclusions": [], "names": []}
    seen_names: set = set()
    eras = records(data.eras)  # once, not once per event
    for f in found:
        s_lo, s_hi = text.sentence_of(f.a)
        sentence = re.sub(r"\s+", " ", raw[s_lo:s_hi]).strip()
        flat_sentence = normalize(sentence)
        if f.kind == "exclusion":
            lo, hi = max(0, f.a - 6), min(len(text.flat), f.b + 6)
            out["exclusions"].append(
                {
                    "source_id": source_id,
                    "context": text.verbatim(lo, hi),
                    "match": text.verbatim(f.a, f.b),
                    "reason": f.row["why"],
                    "status": "proposed",
                    "sentence": sentence,
                }
            )
            continue
        if f.kind == "figure":
            a, b = _clause(text, f.a, f.b)
            n = len(out["figures"]) + 1
            quote = text.verbatim(a, b)
            out["figures"].append(
                {
                    "figure_id": f"F{letter}{n:03d}",
                    "source_id": source_id,
                    "quote": quote,
                    "quote_en": "",
                    "value": f.row["value"],
                    "value_low": f.row["value_low"],
                    "value_high": f.row["value_high"],
                    "qualifier": f.row["qualifier"],
                    "unit": f.row["unit"],
                    "measure_ko": quote,
                    "measure_en": "",
                    "period_start": None,
                    "period_end": None,
                    "group": f"{source_id}_{f.row['unit']}",  # one chart per unit
                    "headline": None,
                    "notes_ko": None,
                    "notes_en": None,
                    "status": "proposed",
                    "reason": f.row["why"],
                    "match": text.verbatim(f.a, f.b),
                    "sentence": sentence,
                    "translate": TO_TRANSLATE,
                }
            )
            continue
        a, b = _clause(text, f.a, f.b, min_tail=8)
        quote = text.verbatim(a, b)
        row = dict(f.row)
        why = row.pop("why")
        n = len(out["events"]) + 1
        key, key_why = _event_key(row, normalize(quote), events)  # the clause: a sentence may tell two
        category, cat_why = _category(sentence, events)
        # people and places in one pass, the longest name first: '레닌그라드' is a place, not '레닌'
        both = {
            **{n: ("person", i) for n, i in people.items()},
            **{n: ("place", i) for n, i in places.items()},
        }
        named = _find_names(flat_sentence, both)
        who = [(n, i, at) for n, (k, i), at in named if k == "person"]
        where = [(n, i, at) for n, (k, i), at in named if k == "place"]
        for name, kind in _new_names(sentence, set(people) | set(places)):
            if name not in seen_names:
                seen_names.add(name)
                out["names"].append(
                    {"name_ko": name, "kind": kind, "sentence": sentence, "status": "proposed"}
                )
        # the title: what happened, without its date or the particle the date took ('2월 27일에는 …')
        date_text = text.verbatim(f.a, f.b)
        title = re.sub(
            r"^(?:에는|에|부터|까지|의|말에는|말에|밤|구력|신력|[\s,])+",
            "",
            quote.replace(date_text, "", 1) if quote.startswith(date_text) else quote,
        )
        title = title.strip() or quote
        if len(title) > 60:
            title = title[:60].rsplit(" ", 1)[0]
        lo, hi = calendar.new_style_interval(row["start"], row["end"], row["precision"], row["calendar"])
        out["events"].append(
            {
                "event_id": f"E{letter}{n:03d}",
                "source_id": source_id,
                "quote": quote,
                "quote_en": "",
                "date_text": text.verbatim(f.a, f.b),
                **row,
                "start_gregorian": lo.isoformat(),
                "end_gregorian": hi.isoformat(),
                "date_basis": "stated",
                "date_context": None,
                "date_context_en": None,
                "date_reference": None,
                "title_ko": title,
                "title_en": "",
                "aliases_ko": None,
                "aliases_en": None,
                "category": category,
                "era": era_of(int(row["start"][:4]), eras),
                "place": where[0][1] if where else None,
                "event_key": key or _slug(f"{source_id}_{row['start']}_{n}"),
                "notes_ko": None,
                "notes_en": None,
                "status": "proposed",
                "reason": "; ".join(x for x in (why, key_why, cat_why) if x),
                "sentence": sentence,
                "people": "; ".join(dict.fromkeys(i for _, i, _ in who)),
                "places": "; ".join(dict.fromkeys(i for _, i, _ in where)),
                "new_key": "" if key else "1",
                "translate": TO_TRANSLATE,
            }
        )
    return out


def coverage(raw: str, proposals: dict) -> list[ledger.Hit]:
    """The ledger's hits that no proposal covers: what the scanner found but could not read (none, if it
    works)."""
    text = Text(raw)
    spans = []
    for table, col in (("figures", "quote"), ("events", "quote"), ("exclusions", "context")):
        for rec in proposals[table]:
            at = text.flat.find(normalize(rec[col]))
            if at >= 0:
                spans.append((at, at + len(normalize(rec[col]))))
    return ledger.uncovered(raw, spans)
