"""The number grammar: a quantity (digits, place values, native numerals, fractions, vague quantities,
number words), the counter or noun it counts, and what the words around it say of it (a bound, an
estimate, a range, a change). Kiwi's tags decide what is a number and what bounds it; a regular expression
only reads inside a token Kiwi has classed (numerals.digits)."""

from __future__ import annotations

from dataclasses import dataclass

from revolution.intake import bounding, numerals
from revolution.intake.analyser import Tok
from revolution.intake.text import Found, Sentence

# The counter after a number, and the unit (revolution.data.units) it measures; 세기 counts years by the
# hundred. A 4-digit number before 년 is a year, read by the time grammar (see `is_length`).
COUNTERS = {
    "명": "persons",
    "퍼센트": "percent",
    "%": "percent",
    "프로": "percent",
    "개국": "countries",
    "개월": "months",
    "달": "months",
    "해": "years",
    "년": "years",
    "세기": "years",
    "주년": "years",
    "배": "times",
    "위": "rank",
    "번": "count",
    "차례": "count",
    "회": "count",
    "곳": "count",
    "개": "count",
    "척": "count",
    "가지": "count",
    "채": "count",
    "대": "count",
    "시간": "other",
    "톤": "other",
    "킬로미터": "other",
    "km": "other",
    "루블": "other",
    "달러": "other",
    "마르크": "other",
    "살": "other",
    "그램": "other",
    "킬로그램": "other",
    "kg": "other",
    "리터": "other",
    "미터": "other",
    "마일": "other",
    "푸드": "other",
}
PER = {"세기": 100}
# Numbers that are parts of names, never measures: 제1차 세계대전, 제3호, 5개년 계획.
NAME_COUNTERS = {
    "차": "ordinal in a name (제1차 세계대전)",
    "호": "number of an issue or a list item",
    "개년": "part of a plan's name (5개년 계획)",
}
# A noun a number counts when no counter stands between them ('천만 이상의 대군'): people, or things.
PEOPLE = {
    "인구",
    "대군",
    "병력",
    "군대",
    "군",
    "노동자",
    "병사",
    "농민",
    "사람",
    "인원",
    "당원",
    "주민",
    "난민",
    "사망자",
    "희생자",
    "포로",
    "시위대",
    "파업자",
    "유권자",
    "대중",
}
# Words before a number of years that make it a length, not a year: 지난 3년, 이후 3년, 첫 6개월.
LENGTH_BEFORE = {"지난", "첫", "이후", "향후", "최근", "앞", "불과", "무려"}
LENGTH_AFTER = {
    "동안",
    "간",
    "만",
    "째",
    "넘",
    "이상",
    "미만",
    "이하",
    "이내",
    "가량",
    "정도",
    "쯤",
    "남짓",
    "안팎",
    "내외",
    "여",
    "뒤",
    "후",
    "전",
    "가까이",
}


@dataclass
class Quantity:
    value: float
    i: int  # its first morpheme
    j: int  # the morpheme after it
    how: str  # digits | place | native | vague | fraction | word
    odd: bool = False  # 200여: more than


def _form(toks: list[Tok], k: int) -> str:
    return toks[k].form if 0 <= k < len(toks) else ""


def quantity(toks: list[Tok], i: int) -> Quantity | None:
    """The number that starts at toks[i], or None."""
    t = toks[i]
    if t.tag == "SN" and (v := numerals.digits(t.form)) is not None:
        j, how = i + 1, "digits"
        if _form(toks, j) == "분" and _form(toks, j + 1) == "의" and j + 2 < len(toks):
            m = numerals.digits(toks[j + 2].form)
            if toks[j + 2].tag == "SN" and m is not None and v:
                return Quantity(m / v, i, j + 3, "fraction")
        last = None
        while j < len(toks) and toks[j].tag == "NR" and (p := numerals.place(toks[j].form)):
            v, last, j, how = v * p, p, j + 1, "place"
        # 2억 3천만, 2만 5천: a smaller place after a larger one adds to it
        while last and j + 1 < len(toks) and toks[j].tag == "SN" and toks[j + 1].tag == "NR":
            d, p = numerals.digits(toks[j].form), numerals.place(toks[j + 1].form)
            if d is None or not p or p >= last:
                break
            v, last, j = v + d * p, p, j + 2
        return Quantity(v, i, j, how)
    if t.tag == "NR":
        if (v := numerals.vague(t.form)) is not None:
            j = i + 1
            while j < len(toks) and toks[j].tag == "NR" and (p := numerals.place(toks[j].form)):
                v, j = v * p, j + 1
            return Quantity(v, i, j, "vague")
        if (v := numerals.sino(t.form)) is not None and v >= 100:
            return Quantity(v, i, i + 1, "place")
        if (v := numerals.native(t.form)) is not None:
            j = i + 1
            if v % 10 == 0 and v >= 10 and j < len(toks) and toks[j].tag in ("MM", "NR"):
                unit = numerals.native(toks[j].form)
                if unit is not None and unit < 10:
                    v, j = v + unit, j + 1
            return Quantity(v, i, j, "native")
    if t.tag == "MM" and (v := numerals.native(t.form)) is not None:
        return Quantity(v, i, i + 1, "native")
    if t.tag == "NNG" and t.form in numerals.WORDS:
        return Quantity(numerals.WORDS[t.form], i, i + 1, "word")
    return None


def is_length(toks: list[Tok], q: Quantity) -> bool:
    """A number before 년 is a length of years, not a year: '3년', '200여 년', '지난 50년', '1000년의 인간
    소외' (a round thousand); '1917년', '988년' and '68년 5월' are years."""
    form, after = toks[q.i].form, _form(toks, q.j + 1)
    if q.how != "digits" or q.odd:
        return True
    if toks[q.j].form == "년대":
        return False
    if len(form) == 4:  # '1915년 전 세계를': a year; only a length word makes four digits a length
        return (q.value % 1000 == 0 and after in ("의", "동안")) or after in ("동안", "간", "만", "째")
    if _form(toks, q.i - 1) in LENGTH_BEFORE or after in LENGTH_AFTER:
        return True
    if len(form) <= 2:
        return not (q.j + 2 < len(toks) and toks[q.j + 1].tag == "SN" and _form(toks, q.j + 2) == "월")
    return q.value % 100 == 0  # 988년 is a year, 300년 a length


def bounds(value: float, qualifier: str, low=None, high=None) -> dict:
    if qualifier == "range":
        return {"value": (low + high) / 2, "value_low": low, "value_high": high}
    return {
        "value": value,
        "value_low": value if qualifier in ("exact", "more_than") else None,
        "value_high": value if qualifier in ("exact", "less_than") else None,
    }


def _counter(toks: list[Tok], q: Quantity) -> tuple[str | None, int]:
    """The counter after a quantity (after '여' when it stands between: 200여 년), and the next index."""
    j = q.j
    if _form(toks, j) == "여" and toks[j].tag in ("XSN", "NNG", "NNB"):
        q.odd, j = True, j + 1
    if j < len(toks) and toks[j].form in COUNTERS and toks[j].tag in ("NNB", "NNG", "SW", "SL"):
        return toks[j].form, j + 1
    return None, j


def _measure(toks: list[Tok], k: int, i: int) -> str | None:
    """The noun a number counts when no counter follows: the next noun after its particle, a bound and
    '의' or a bounding verb ('천만 이상의 대군', '2억 3천만이 넘는 인구'), or else the subject before it
    ('인구는 백만에 달할')."""
    for n in range(k, min(len(toks), k + 6)):
        t = toks[n]
        if t.tag in ("NNG", "NNP") and t.form not in bounding.AFTER:
            return t.form
        if t.tag in ("SP", "SF", "EF", "EC") or (
            t.tag.startswith("V") and _form(toks, n + 1) not in ("는", "ᆫ", "은")
        ):
            break
    for n in range(i - 1, max(-1, i - 4), -1):
        if toks[n].tag in ("NNG", "NNP") and _form(toks, n + 1) in ("은", "는", "이", "가"):
            return toks[n].form
    return None


def _range(toks: list[Tok], q: Quantity, word: str | None, k: int, sentence: Sentence):
    """A range (2,000만~3,000만 명, 50년 내지 100년, A에서 B 사이: one figure, its middle as the value) or a
    change (A에서 B로: two figures, each with its own span): (found, next index), or None."""
    joiner = _form(toks, k)
    if joiner not in ("~", "-", "–", "내지", "에서", "부터") or k + 1 >= len(toks):
        return None
    q2 = quantity(toks, k + 1)
    if q2 is None:
        return None
    word2, k2 = _counter(toks, q2)
    word = word or word2
    if word is None or (word2 and word2 != word) or (word == "년" and not is_length(toks, q2)):
        return None
    unit = COUNTERS[word]
    first, second = q.value * PER.get(word, 1), q2.value * PER.get(word, 1)
    if q.how == "digits" and q2.how == "place" and first < second / 10:
        first *= q2.value / numerals.digits(toks[q2.i].form)  # 2,000~3,000만: one place value for both
    tail = _form(toks, k2)
    if joiner in ("에서", "부터") and tail in ("로", "으로"):
        why = f"a change from {first:g} to {second:g}: two figures, each in its own words"
        spans = ((first, toks[q.i].a, toks[k - 1].b), (second, toks[q2.i].a, toks[k2 - 1].b))
        found = [
            Found(
                "figure",
                a,
                b,
                {"unit": unit, "qualifier": "exact", "why": why, **bounds(v, "exact")},
                sentence,
            )
            for v, a, b in spans
        ]
        return found, k2
    if joiner in ("~", "-", "–", "내지") or tail in ("사이", "까지"):
        lo, hi = sorted((first, second))
        row = {"unit": unit, "qualifier": "range", "why": "two numbers: a range, its middle as the value"}
        row.update(bounds(0, "range", lo, hi))
        return [Found("figure", toks[q.i].a, toks[k2 - 1].b, row, sentence)], k2
    return None


def read(sentence: Sentence, taken: set[int]) -> list[Found]:
    """The figures (and numbers that are parts of names, as exclusions) of one sentence; `taken` holds
    the positions of morphemes the time grammar has read as dates."""
    toks, out, i = sentence.toks, [], 0
    while i < len(toks):
        if toks[i].a in taken:
            i += 1
            continue
        q = quantity(toks, i)
        if q is None:
            i += 1
            continue
        word, k = _counter(toks, q)
        if q.how == "digits" and word is None and _form(toks, q.j) in NAME_COUNTERS:
            out.append(
                Found("exclusion", toks[i].a, toks[q.j].b, {"why": NAME_COUNTERS[toks[q.j].form]}, sentence)
            )
            i = q.j + 1
            continue
        if word == "세" or (
            word is None and _form(toks, q.j) == "세" and _form(toks, i - 1) and toks[i - 1].tag == "NNP"
        ):
            if i and toks[i - 1].tag == "NNP":
                why = f"regnal number in a ruler's name ({toks[i - 1].form} {toks[i].form}세)"
                out.append(Found("exclusion", toks[i].a, toks[q.j].b, {"why": why}, sentence))
            i = q.j + 1
            continue
        if _form(toks, k) == "째" or (
            word in ("번",) and (_form(toks, i - 1) == "다시" or _form(toks, k) == "씩")
        ):
            i = max(k, i + 1)
            continue  # '두 번째' is an order, '다시 한 번' and '한 번씩' are manners of speaking
        if _form(toks, i - 1) == "제" and word != "위":
            out.append(
                Found(
                    "exclusion",
                    toks[i - 1].a,
                    toks[max(q.j, k) - 1].b,
                    {"why": "ordinal in a name (제1차, 제3)"},
                    sentence,
                )
            )
            i = max(q.j, k)
            continue
        if word == "년" and not is_length(toks, q):
            i = k
            continue
        if word in ("세기",) and q.how == "digits":
            i = k
            continue  # 12세기: a date
        ranged = _range(toks, q, word, k, sentence)
        if ranged:
            out += ranged[0]
            i = ranged[1]
            continue
        unit = COUNTERS.get(word) if word else None
        measure = None
        if q.how == "fraction" or (q.how == "word" and word is None):
            unit = "fraction"
        elif unit is None:
            if q.how in ("native", "digits") and not q.odd:
                i = max(q.j, i + 1)
                continue  # a bare number, or a native numeral that counts nothing ('한 금광')
            measure = _measure(toks, k, i)
            if measure is None:
                i = max(k, i + 1)
                continue
            unit = "persons" if measure in PEOPLE else "count"
        value = q.value * PER.get(word or "", 1)
        qualifier, why = bounding.qualify(toks, q, k, word or "")
        if (
            unit == "percent"
            and _form(toks, i - 1) == "의"
            and i >= 2
            and toks[i - 2].form in ("전", "직전", "이전", "수준", "당시", "때")
        ):
            unit, why = "index", why + "; a share of an earlier level ('… 직전의 13퍼센트'): an index"
        row = {"unit": unit, "qualifier": qualifier, "why": why, **bounds(value, qualifier)}
        if measure:
            row["measure"] = measure
        end = toks[k - 1].b if k > i else toks[q.j - 1].b
        out.append(
            Found("figure", toks[i - 1].a if _form(toks, i - 1) == "제" else toks[i].a, end, row, sentence)
        )
        i = max(k, i + 1)
    return out
