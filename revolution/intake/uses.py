"""How a sentence uses a date: the time of its clause, a label of a noun told before ('1917년 혁명
과정'), a comparison ('1913년의 절반'), a name ('10월 혁명'), or background the narrative's clock does not
follow (a clause that modifies a noun, the start of a span); and how long a time lasts when the
sentence says so ('이후 스무 해 동안', '20년 넘게 계속')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revolution.intake import figures
from revolution.intake.analyser import Tok

if TYPE_CHECKING:
    from revolution.intake.dates import When

# Nouns that make a year before them a name or a label ('1917년 혁명 과정', '1905년 혁명의 기억').
EVENT_NOUNS = {
    "혁명",
    "봉기",
    "전쟁",
    "운동",
    "위기",
    "파업",
    "반란",
    "기억",
    "과정",
    "대전",
    "사건",
    "투쟁",
    "항쟁",
    "이상",
    "대중",
    "물결",
    "학살",
    "정신",
}
# Words after a date that make it the time of its clause.
TIME_WORDS = {
    "때",
    "당시",
    "이후",
    "이전",
    "무렵",
    "즈음",
    "경",
    "동안",
    "기간",
    "이래",
    "초",
    "말",
    "중",
    "쯤",
    "전후",
    "직후",
    "직전",
    "내내",
}
# What a year is compared with, not when something happened: '1913년의 절반', '1913년 수준'.
COMPARED = {"절반", "수준", "배", "대비", "보다", "비하", "비해", "비교", "퍼센트", "%"}


def _f(toks: list[Tok], k: int) -> str:
    return toks[k].form if 0 <= k < len(toks) else ""


def _at(toks: list[Tok], k: int) -> Tok | None:
    return toks[k] if 0 <= k < len(toks) else None


def use(toks: list[Tok], w: When, first: bool) -> str:
    """How the sentence uses the date: the time of its clause, a label of a noun, a comparison, a name."""
    k, nxt = w.j, _f(toks, w.j)
    before = _at(toks, w.i - 1)
    if (
        nxt in COMPARED
        or (nxt == "의" and _f(toks, k + 1) in COMPARED)
        or (nxt == "에" and _f(toks, k + 1) in ("비하", "비해"))
    ):
        return "compared"
    if w.kind in ("month", "day") and w.y is None:
        # a month alone: the time of a clause only with a particle of time; else a name ('10월 혁명')
        if (
            nxt in ("에", "에는", "부터", "까지", "말", "초", "중순", "하순", "초순", "말경", "께", "경", ",")
            or w.kind == "day"
        ):
            return "time"
        return "name"
    if before is not None and before.tag == "ETM":
        return "time"  # '선언한 1917년'
    if w.kind in ("decade", "century") and nxt in ("를", "을", "는", "은", "가", "이"):
        return "period"  # '1920년대를 홀로', '1930년대는 억압의': a period named, no event in it
    if nxt in ("과", "와") and not first and w.kind == "year":
        return "label"  # '1917년과 그 후': a year told before, as a name
    if nxt == "의":
        # '1919년의 위기', '68년의 기억': a label of something told before; '1861년의 농노해방령' a time
        nouns = []
        for t in toks[k + 1 : k + 4]:
            if t.tag not in ("NNG", "NNP", "XSN"):
                break
            nouns.append(t.form)
        labels = any(n in EVENT_NOUNS for n in nouns)
        return "label" if labels and not first else "time"
    named = nxt in EVENT_NOUNS or (k < len(toks) and toks[k].tag == "NNP" and _f(toks, k + 1) in EVENT_NOUNS)
    if named:
        n = k + (1 if nxt in EVENT_NOUNS else 2)
        if _f(toks, n) in TIME_WORDS:
            return "time"  # '1905년 혁명 때', '1917년 혁명 이후'
        if nxt in EVENT_NOUNS and _f(toks, n) in ("은", "는", "이", "가"):
            return "time"  # '1905년 혁명은 … 끝났다': the event is what the clause tells
        return "time" if first else "label"
    return "time"


def in_relative_clause(toks: list[Tok], w: When) -> bool:
    """A date in a clause that modifies a noun ('1902년에 쓴 『…』', '4월에 도착한 레닌은'): its first
    verb ends in a modifier ending (ETM) before any subject or topic particle: background, not narrative."""
    if _f(toks, w.j) == ",":
        return False  # a time put first and set off by a comma is the whole sentence's
    for n in range(w.j, min(len(toks), w.j + 14)):
        t = toks[n]
        if t.tag in ("JKS", "SF") or (t.tag == "JX" and t.form in ("은", "는")):
            return False
        if t.tag == "ETM" and n > w.j + 1 and toks[n - 1].tag != "VA":
            return True  # an adjective's modifier ('큰 시련', '붉은 군대') holds no time: it describes
        if t.tag in ("EF",):
            return False
    return False


def background(toks: list[Tok], w: When) -> bool:
    """A date that is not the narrative's now: the start of a span reaching to it ('1914년 이후', '부터',
    '이래') or one a clause before it describes ('전쟁이 시작된 1914년')."""
    before = _at(toks, w.i - 1)
    return _f(toks, w.j) in ("이후", "이래", "부터") or (before is not None and before.tag == "ETM")


def lasting(toks: list[Tok], k: int) -> int | None:
    """A length of years the sentence gives the time that starts at toks[k]: '(혁명) 이후 스무 해 동안',
    '시작된 투쟁의 물결은 20년 넘게 계속되었다'."""
    for n in range(k, min(len(toks), k + 14)):
        q = figures.quantity(toks, n)
        if q is None or _f(toks, q.j) not in ("해", "년") or (q.how == "digits" and q.value >= 1000):
            continue
        after = [t.form for t in toks[q.j + 1 : q.j + 5]]
        between = [t.form for t in toks[k:n]]
        if after[:1] in (["동안"], ["간"]) and ("이후" in between or "부터" in between):
            return int(q.value)
        if any(f.startswith(("계속", "지속")) for f in after):
            return int(q.value)
        return None
    return None
