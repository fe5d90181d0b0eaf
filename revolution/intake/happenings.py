"""Sentences that tell something happening but give no date of their own ('마침내 볼셰비키는 … 신경제정책을
도입했다' after '1921년에 …'). A historian dates such a sentence by the narrative's last date; the intake
proposes it that way (date_basis `context`), never as a date the text gives, and only when the sentence's
main predicate, as Kiwi tags it, is a happening told in the past: a verbal noun of an act or a change with
하다/되다 ('도입했다', '선포되었다') or a verb of happening ('일어났다', '번졌다', '끝이 났다'). A sentence of
description ('…은 자유롭지 못했다'), a judgement or a present tense is not proposed."""

from __future__ import annotations

from dataclasses import dataclass

from revolution.intake import figures
from revolution.intake.analyser import Tok

# Verbal nouns of acts and changes a history tells (with 하다/되다/시키다): founding, ending, fighting,
# ruling, moving people.
ACTS = frozenset(
    "도입 선포 선언 체결 조인 비준 수립 창설 창당 결성 조직 설립 소집 개최 개막 폐막 "
    "폐지 해산 해체 점령 점거 장악 함락 탈환 습격 침공 공격 반격 포위 봉쇄 진압 체포 "
    "투옥 석방 처형 암살 학살 숙청 추방 유배 망명 귀국 귀환 퇴위 즉위 폐위 선출 집권 "
    "발발 봉기 파업 참전 동원 철수 후퇴 항복 승리 패배 합병 병합 독립 건국 붕괴 몰락 "
    "분열 통합 확대 확산 채택 실시 시행 공포 개정 전복 타도 축출 휴전 정전 사망 서거 "
    "전사 피살".split()
)
# Verbs of happening (stems as Kiwi gives them).
HAPPENS = frozenset(
    "일어나 벌어지 터지 번지 퍼지 끝나 무너지 쓰러지 숨지 물러나 쫓겨나 내쫓 몰아내 밀어내 "
    "물리치 빼앗 휘말리 뛰어들 일으키 무너뜨리 쓰러뜨리 갇히 붙잡히 세우".split()
)
# A noun with its verb that, together, tell a happening: '끝이 나다', '막을 내리다', '불이 붙다'.
PHRASES = {("끝", "나"), ("막", "내리"), ("불", "붙"), ("문", "닫")}
ENDS = {("끝", "나"), ("막", "내리")} | {("", "끝나")}
NOT = ("않", "못")
PAST = ("었", "았", "였", "었었", "았었")


@dataclass
class Happening:
    word: str  # the predicate as Kiwi gives it ('도입', '번지', '끝 나')
    k: int  # its morpheme in the sentence
    ends: bool  # it tells an end ('끝이 났다'): a length of years before it counts back from the date


def happening(toks: list[Tok]) -> Happening | None:
    """The sentence's main predicate (the last one before its final ending) if it tells a happening in the
    past tense, else None."""
    ef = max((i for i, t in enumerate(toks) if t.tag == "EF"), default=None)
    if ef is None or not any(t.tag == "EP" and t.form in PAST for t in toks[:ef]):
        return None
    for k in range(ef - 1, -1, -1):
        t = toks[k]
        if t.tag == "VX" and t.form in NOT:
            return None  # '도입되지 않았다', '막지 못했다': nothing happened
        if t.tag == "VX" or t.tag.startswith("E"):
            continue
        if t.tag == "XSV":
            noun = toks[k - 1].form if k else ""
            return Happening(noun, k - 1, False) if noun in ACTS else None
        if t.tag == "VV":
            before = toks[k - 2].form if k >= 2 and toks[k - 1].tag.startswith("J") else ""
            if (before, t.form) in PHRASES:
                return Happening(f"{before} {t.form}", k, (before, t.form) in ENDS)
            if t.form in HAPPENS:
                return Happening(t.form, k, ("", t.form) in ENDS)
            return None
        return None  # a copula, an adjective, a noun: description, not a happening
    return None


def years_before(toks: list[Tok], h: Happening) -> int | None:
    """For an end, the length of years the sentence gives before it ('세 해 동안의 … 내전은 … 끝이 났다'):
    the span counts back from the narrative's year, that year included."""
    if not h.ends:
        return None
    for n in range(h.k):
        q = figures.quantity(toks, n)
        if q is None or q.j + 1 >= len(toks) or toks[q.j].form not in ("해", "년"):
            continue
        if toks[q.j + 1].form in ("동안", "간") and 1 < q.value < 100:
            return int(q.value)
    return None
