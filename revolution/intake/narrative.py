"""The time grammar, part two: the narrative's own clock. A date the text leaves to context (a month
without its year, 그해, 이듬해, 이튿날, 사흘 뒤, a bare '25일에는') is read from the last date the narrative
told, as the narrative mode of temporal taggers such as HeidelTime does, not from the last number
that looks like a year: a comparison's year ('1913년의 절반'), a label ('1917년 혁명 과정'), a date in a
clause that modifies a noun ('1902년에 쓴 책') and a caption's date never move the clock. Each date says
which sentence completed it, and in which calendar it counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from convertdate import julian

from revolution.data import calendar
from revolution.intake import dates, happenings
from revolution.intake.dates import When
from revolution.intake.text import Found, Sentence, Text

# How a day or a month is read when the text names no calendar (--calendar-convention): `none` assumes
# nothing; `russia` is the calendar then in force in Russia (Old Style to its last day, 31 January 1918,
# New Style after it), as our two texts count; `julian` and `gregorian` read every date in one calendar.
CONVENTIONS = ("none", "russia", "julian", "gregorian")
# A text that names its own count reads every Russian date that way: '3월 혁명' and '11월 혁명' are the
# February and October revolutions in New Style; '양력으로' says so outright.
SAYS_NEW_STYLE = ("3월혁명", "11월혁명", "양력으로", "신력으로", "그레고리력으로", "그레고리오력으로")
# A sentence with no date of its own that tells a happening is dated by the narrative's last date only this
# many sentences after it: further on, the narrative may have moved on without saying when.
NEAR = 3


@dataclass
class Clock:
    """What the narrative has told so far: a year, a month and a day, each with the sentence it came from."""

    year: int | None = None
    year_from: Sentence | None = None
    month: int | None = None
    month_from: Sentence | None = None
    day: tuple | None = None  # (y, m, d) in `day_calendar`
    day_calendar: str = "unspecified"
    day_basis: str = "none"
    day_from: Sentence | None = None
    told: int = -1  # the last sentence that gave the clock a date
    year_words: str = ""  # the year and the month as the text wrote them there ('1921년', '1914년 7월')
    month_words: str = ""
    month_calendar: tuple[str, str] = ("unspecified", "none")  # its calendar and calendar_basis


def text_calendar(raw: str) -> str | None:
    """'gregorian' when the text says it counts in New Style (see SAYS_NEW_STYLE), else None."""
    flat = "".join(raw.split())
    return "gregorian" if any(w in flat for w in SAYS_NEW_STYLE) else None


def _window(w: When, year: int) -> tuple[str, str, str, str, tuple]:
    """(start, end, precision, extent, first day) of a dated expression once its year is known."""
    k = w.kind
    if k == "year" and w.lasts:
        return f"{year:04d}", f"{year + w.lasts:04d}", "year", "period", (year, 1, 1)
    if k == "year":
        return f"{year:04d}", f"{year:04d}", "year", "point", (year, 1, 1)
    if k == "year_range":
        return f"{w.y:04d}", f"{w.y2:04d}", "year", "period", (w.y, 1, 1)
    if k == "decade":
        return f"{year:04d}", f"{year + 9:04d}", "decade", "period", (year, 1, 1)
    if k == "decade_range":
        return f"{w.y:04d}", f"{w.y2 + 9:04d}", "decade", "period", (w.y, 1, 1)
    if k == "decade_part":
        lo, hi = dates.DECADE_PARTS[w.part]
        extent = "period" if w.part in dates.LASTING_PARTS else "point"
        return f"{year + lo:04d}", f"{year + hi:04d}", "year", extent, (year + lo, 1, 1)
    if k in ("century", "century_part"):
        lo, hi = dates.CENTURY_PARTS[w.part] if w.part else (0, 99)
        return f"{year + lo:04d}", f"{year + hi:04d}", "decade", "point", (year + lo, 1, 1)
    if k == "season" or (k == "rel_year" and w.part):
        a, b = dates.SEASONS[w.part]
        y2, b = (year + 1, b - 12) if b > 12 else (year, b)
        return f"{year:04d}-{a:02d}", f"{y2:04d}-{b:02d}", "month", "point", (year, a, 1)
    if k == "month_range":
        return f"{year:04d}-{w.m:02d}", f"{year:04d}-{w.m2:02d}", "month", "period", (year, w.m, 1)
    if w.d:
        day = f"{year:04d}-{w.m:02d}-{w.d:02d}"
        return day, day, "day", "point", (year, w.m, w.d)
    if w.m:
        return f"{year:04d}-{w.m:02d}", f"{year:04d}-{w.m:02d}", "month", "point", (year, w.m, 1)
    return f"{year:04d}", f"{year:04d}", "year", "point", (year, 1, 1)


def _calendar(w: When, ymd: tuple, precision: str, convention: str, own: str | None) -> tuple[str, str, str]:
    """(calendar, calendar_basis, why) of a date: a gloss beside it states it; a text that names its count,
    or the chosen convention, assumes it; a year or a decade is in no calendar."""
    if w.gloss and precision == "day":
        which, m, d = w.gloss
        if which == "switch":
            return (
                "gregorian",
                "stated",
                "the calendar switch: the text gives the Old Style day and its New Style day",
            )
        try:
            new = calendar.to_new_style(ymd, "julian")
        except ValueError:
            new = None
        if which in ("new", "?") and new and (new.month, new.day) == (m, d):
            return "julian", "stated", "the text gives its New Style day beside it: Old Style"
        old = julian.from_gregorian(*ymd)
        if which in ("old", "?") and (old[1], old[2]) == (m, d):
            return "gregorian", "stated", "the text gives its Old Style day beside it: New Style"
        return "unspecified", "none", "a date in brackets beside it that is not its other calendar: check it"
    if precision in ("year", "decade"):
        return "unspecified", "none", "a year is in no calendar"
    if w.said_before:
        new = w.said_before in dates.SAYS_NEW
        return (
            ("gregorian" if new else "julian"),
            "stated",
            f"'{w.said_before}' before it: " + ("New Style" if new else "Old Style"),
        )
    if own:
        return own, "convention", "the text counts in New Style (it says so: '3월 혁명', '양력으로')"
    if convention == "none":
        return "unspecified", "none", "no calendar stated or assumed"
    if convention == "russia":
        old = ymd <= calendar.JULIAN_LAST_DAY
        why = "Russia's calendar then: " + ("Old Style, to 31 January 1918" if old else "New Style")
        return ("julian" if old else "gregorian"), "convention", why
    if convention == "julian" and ymd > calendar.JULIAN_LAST_DAY:
        return "gregorian", "convention", "after Russia's last Old Style day"
    return convention, "convention", f"by the chosen convention ({convention})"


def _shift_day(ymd: tuple, cal: str, days: int) -> tuple:
    if cal == "julian":
        return julian.from_jd(julian.to_jd(*ymd) + days)
    moved = date(*ymd) + timedelta(days=days)
    return moved.year, moved.month, moved.day


def resolve(text: Text, convention: str) -> list[Found]:
    """Every date expression of the text as a proposed event (or, for a label, a name, a comparison or a
    heading's date, an exclusion with its reason), its year, month or day taken from the narrative's clock
    where the words leave it out, and the sentence that completed it in `context`."""
    own = text_calendar(text.u)
    clock, seen, out = Clock(), set(), []
    for s in text.sentences:
        timed = False  # whether the sentence gives its own time (a label's or a comparison's year does not)
        for w in dates.read(s.toks, seen):
            a, b = s.toks[w.i].a, s.toks[w.j - 1].b
            found = _one(text, s, w, clock, convention, own)
            if found is None:
                continue
            kind, row = found
            timed = timed or kind == "event"
            out.append(Found(kind, a, b, row, s))
            _tick(text, clock, s, w, row, kind)
        if not timed and s.block == "body" and (untold := _untold(s, clock)):
            out.append(untold)
    return out


def _untold(s: Sentence, clock: Clock) -> Found | None:
    """A sentence that gives no date but tells a happening, soon after the narrative's last date: an event
    dated by that date (its year, or its month when the month was told with that year; never its day), with
    `date_basis` context and the sentence that gave the date. An end after a length of years ('세 해 동안의
    … 내전은 … 끝이 났다') spans those years back from the date."""
    if clock.year is None or s.n - clock.told > NEAR:
        return None
    h = happenings.happening(s.toks)
    if h is None:
        return None
    y, far = clock.year, s.n - clock.told
    # a month told before the year last changed belongs to another year
    monthly = clock.month is not None and clock.month_from.n >= clock.year_from.n
    lasted = happenings.years_before(s.toks, h)
    if lasted:
        start, end, precision, extent = f"{y - lasted + 1:04d}", f"{y:04d}", "year", "period"
        cal, basis, words, source = "unspecified", "none", clock.year_words, clock.year_from
    elif monthly:
        start = end = f"{y:04d}-{clock.month:02d}"
        precision, extent = "month", "point"
        (cal, basis), words, source = clock.month_calendar, clock.month_words, clock.month_from
    else:
        start = end = f"{y:04d}"
        precision, extent = "year", "point"
        cal, basis, words, source = "unspecified", "none", clock.year_words, clock.year_from
    why = (
        f"no date in the sentence, which tells a happening ('{h.word}'): the narrative's last date "
        f"('{words}', {far} sentence(s) before), as context"
        + (f", {lasted} years back to it" if lasted else "")
        + ", not as a date the text gives: check it"
    )
    row = _row((start, end, precision, extent), (cal, basis), source, why)
    row.update(date_basis="context", date_text=words)
    t = s.toks[h.k]
    return Found("event", t.a, t.b, row, s)


def _one(text: Text, s: Sentence, w: When, clock: Clock, convention: str, own: str | None):
    if s.block in ("heading", "title"):
        only = text.verbatim(s.toks[w.i].a, s.toks[w.j - 1].b) == text.said(s).strip(" .")
        if not (only and s.block == "heading"):
            return "exclusion", {"why": "section heading or title, not an event"}
    if w.use == "compared":
        return "exclusion", {"why": "a year compared with, not a time of the narrative ('1913년의 절반')"}
    if w.use == "name":
        return "exclusion", {"why": "a month as the name of an event ('10월 혁명', '4월 테제'), not its date"}
    if w.use == "period":
        return "exclusion", {"why": "a decade or a century named as a period ('1920년대를'), no event in it"}
    if w.use == "label":
        return "exclusion", {
            "why": "the date of something told before, as a label ('1917년 혁명 과정'): no new event"
        }
    context, why = None, ""
    if w.kind in ("rel_day",):
        if clock.day is None:
            return None
        ymd = _shift_day(clock.day, clock.day_calendar, w.shift)
        start = f"{ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}"
        said = "the day of" if w.shift == 0 else f"{w.shift} day(s) after"
        window, cal = (start, start, "day", "point"), (clock.day_calendar, clock.day_basis)
        return "event", _row(window, cal, clock.day_from, f"{said} the day the narrative told last")
    year, month = w.y, w.m
    if w.kind in ("rel_year", "after_years"):
        if clock.year is None:
            return None
        year, context = clock.year + w.shift, clock.year_from
        why = (
            "the narrative's year" if w.shift == 0 else f"{w.shift:+d} year(s) from the narrative's year"
        ) + "; "
    elif w.kind == "rel_month":
        if clock.year is None or clock.month is None:
            return None
        year, month = clock.year, clock.month + w.shift
        if month > 12:
            year, month = year + 1, month - 12
        w.m, context, why = month, clock.month_from, "the month the narrative told last; "
    elif w.kind == "bare_day":
        if clock.year is None or clock.month is None:
            return None
        year, w.m, context = clock.year, clock.month, clock.month_from
        why = "a day of the month the narrative told last; "
    elif year is None:
        if clock.year is None:
            return None
        year, context, why = clock.year, clock.year_from, "the year from the narrative; "
    start, end, precision, extent, ymd = _window(w, year)
    cal, basis, cal_why = _calendar(w, ymd, precision, convention, own)
    if w.lasts:
        why += f"lasting {w.lasts} years, as the sentence says; "
    if w.gloss and w.gloss[0] == "switch":
        start = end = f"{year:04d}-{w.gloss[1]:02d}-{w.gloss[2]:02d}"
    try:
        calendar.new_style_interval(start, end, precision, cal)
    except ValueError:
        return "exclusion", {"why": "no such day ('2월 30일'): check the text"}
    return "event", _row((start, end, precision, extent), (cal, basis), context, why + cal_why)


def _row(window: tuple, cal: tuple, context: Sentence | None, why: str) -> dict:
    """A proposed event's date columns: (start, end, precision, extent), (calendar, calendar_basis)."""
    start, end, precision, extent = window
    calendar_, basis = cal
    return dict(
        start=start, end=end, precision=precision, extent=extent, calendar=calendar_, calendar_basis=basis
    ) | {"context": context, "why": why}


def _words(text: Text, s: Sentence, w: When, upto: tuple[str, ...]) -> str:
    """The date's words as written, up to the first of `upto` ('년', '월'): '1917년 2월' of '1917년 2월
    23일(…)'; the whole expression when there is none."""
    toks = s.toks[w.i : w.j]
    last = next((k for k, t in enumerate(toks) if t.form in upto), len(toks) - 1)
    return text.verbatim(toks[0].a, toks[last].b)


def _tick(text: Text, clock: Clock, s: Sentence, w: When, row: dict, kind: str) -> None:
    """Move the clock to a date the narrative tells: a body sentence's own time, not a caption's, a label's
    or one in a clause that modifies a noun."""
    if kind != "event" or s.block != "body" or w.in_relative or row["extent"] == "period":
        return
    y = int(row["start"][:4])
    if row["precision"] in ("year", "month", "day"):
        clock.told = s.n
        if clock.year != y or w.y is not None or w.kind in ("rel_year", "after_years"):
            # a relative year that moves the clock is the sentence a later date leans on; '그해' is not
            if w.y is not None or (w.kind in ("rel_year", "after_years") and w.shift):
                clock.year, clock.year_from = y, s
                clock.year_words = _words(text, s, w, ("년", *dates.REL_YEAR))
        if (
            row["precision"] in ("month", "day")
            and w.kind != "season"
            and not (w.kind == "rel_year" and w.part)
        ):
            clock.month, clock.month_from = int(row["start"][5:7]), s
            clock.month_words = _words(text, s, w, ("월",))
            clock.month_calendar = (row["calendar"], row["calendar_basis"])
        if row["precision"] == "day":
            clock.day = tuple(int(v) for v in row["start"].split("-"))
            clock.day_calendar, clock.day_basis, clock.day_from = row["calendar"], row["calendar_basis"], s
