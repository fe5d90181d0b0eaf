"""What the words around a number say of it: a bound after it, across its particle and in any
ending (웃돌다/웃도는/웃돌았다, 넘다/넘게, 못 미치다, 채 안 되다, 미만/이하/이상/초과,
안팎/가량/정도/쯤/남짓), a word before it (약, 대략, 거의), a correction ('…, 아니 그보다 짧은'), an
estimate (추산, 추정, '…로 본다'), and, where nothing is said, what the number itself says (200여:
more than; 수천: at least)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revolution.intake.analyser import Tok

if TYPE_CHECKING:
    from revolution.intake.figures import Quantity

# Words after a number (and its particle) that bound it: (qualifier, why).
AFTER = {
    "미만": ("less_than", "'미만': under"),
    "이하": ("less_than", "'이하': at most"),
    "이상": ("more_than", "'이상': at least"),
    "초과": ("more_than", "'초과': over"),
    "이내": ("less_than", "'이내': within"),
    "남짓": ("more_than", "'남짓': a little over"),
    "안팎": ("approx", "'안팎': about"),
    "내외": ("approx", "'내외': about"),
    "가량": ("approx", "'가량': about"),
    "정도": ("approx", "'정도': about"),
    "쯤": ("approx", "'쯤': about"),
    "가까이": ("approx", "'가까이': nearly"),
    "즈음": ("approx", "'즈음': about"),
}
# Verb stems after a number (any ending: 웃돌다, 웃도는, 웃돌았다): what they say of it. `None`: it depends
# on a negation before it (못 미치다, 채 안 되다, 채 지나기 전).
VERBS = {
    "웃돌": ("more_than", "'웃돌다': above"),
    "넘": ("more_than", "'넘다': over"),
    "넘어서": ("more_than", "'넘어서다': over"),
    "상회": ("more_than", "'상회하다': above"),
    "밑돌": ("less_than", "'밑돌다': below"),
    "하회": ("less_than", "'하회하다': below"),
    "모자라": ("less_than", "'모자라다': short of"),
    "못미치": ("less_than", "'못 미치다': under"),
    "달하": ("exact", "'달하다': reaches, as the text gives it"),
    "이르": ("exact", "'이르다': reaches, as the text gives it"),
    "지나": (None, ""),
    "미치": (None, ""),
    "되": (None, ""),
}
BEFORE = {
    "약": ("approx", "'약': about"),
    "대략": ("approx", "'대략': about"),
    "거의": ("approx", "'거의': almost"),
    "대충": ("approx", "'대충': roughly"),
    "얼추": ("approx", "'얼추': roughly"),
    "최소": ("more_than", "'최소': at least"),
    "적어도": ("more_than", "'적어도': at least"),
    "최대": ("less_than", "'최대': at most"),
    "고작": ("exact", "'고작': only"),
}
# An estimate, not a count: said in the reason, and read as approximate.
ESTIMATE = {"추산", "추정", "어림", "견해", "짐작"}
SMALLER = {"짧", "적", "작", "낮"}
LARGER = {"길", "많", "크", "높"}


def _form(toks: list[Tok], k: int) -> str:
    return toks[k].form if 0 <= k < len(toks) else ""


def _bound(toks: list[Tok], k: int, end: int) -> tuple[str, str] | None:
    """What the words from toks[k] on say of the number before them: skip particles and adverbs, stop at
    the first verb or noun that is not a bound."""
    neg, chae = False, False
    for n in range(k, min(end, k + 9)):
        t = toks[n]
        if t.tag.startswith("J") or t.form in ("조금", "약간", "훨씬", "좀", "더", "훨씬", "크게"):
            continue
        if t.form == "채":
            chae = True
            continue
        if t.form in ("안", "못") and t.tag == "MAG":
            neg = True
            continue
        if t.form == "여" and t.tag == "XSN":
            continue
        if t.form in AFTER and t.tag in ("NNG", "NNB", "MAG", "XSN", "NNP"):
            if t.form == "안" or t.form == "이내":
                return AFTER["이내"]
            return AFTER[t.form]
        if t.form == "안" and t.tag == "NNG" and _form(toks, n + 1) == "에":
            return ("less_than", "'안에': within")
        if t.tag in ("VV", "VA", "VV-I", "VA-I", "XSV", "XSA") or t.form in VERBS:
            stem = t.form
            if stem in ("미치", "되") and neg:
                return (
                    "less_than",
                    "'못 미치다' / '채 안 되다': under" if stem == "미치" else "'안 되다': under",
                )
            if stem == "지나" and chae:
                return ("less_than", "'채 지나기 전': not yet")
            if stem == "넘" and neg:
                return ("less_than", "'넘지 않다': not over")
            found = VERBS.get(stem)
            return found if found and found[0] else None
        if t.tag in ("SP", "SF", "SS", "SN", "NR", "MM", "EF", "EC", "ETM", "VCP"):
            return None
        if t.tag.startswith("N"):
            return None
    return None


def _smaller_larger(toks: list[Tok], k: int) -> tuple[str, str] | None:
    """'한 해, 아니 그보다 짧은 시간': the number is a bound the text corrects at once."""
    forms = [t.form for t in toks[k : k + 6]]
    if "아니" in forms and "보다" in forms:
        after = forms[forms.index("보다") + 1 :]
        if any(f in SMALLER for f in after):
            return ("less_than", "'…, 아니 그보다 짧은/적은': under")
        if any(f in LARGER for f in after):
            return ("more_than", "'…, 아니 그보다 긴/많은': over")
    return None


def _before(toks: list[Tok], i: int) -> tuple[str, str] | None:
    for k in (i - 1, i - 2):
        if 0 <= k and toks[k].form in BEFORE and toks[k].tag in ("MM", "MAG", "NNG", "NNB", "XPN"):
            return BEFORE[toks[k].form]
        if 0 <= k and toks[k].form == "채":
            return None
    return None


def qualify(toks: list[Tok], q: Quantity, k: int, unit_word: str) -> tuple[str, str]:
    """(qualifier, why) of a quantity whose counter ends before toks[k]."""
    end = next((n for n in range(k, len(toks)) if toks[n].tag == "SF"), len(toks))
    said = _bound(toks, k, end) or _smaller_larger(toks, k) or _before(toks, q.i)
    if said is None and _form(toks, q.i - 1) == "채":  # '채 넉 달도 안 되어': the bound comes later
        for n in range(k, min(end, k + 8)):
            if toks[n].form in ("되", "지나", "미치") and any(t.form in ("안", "못") for t in toks[k:n]):
                said = ("less_than", "'채 … 안 되다': not even")
    if said is None:
        if q.odd:
            said = ("more_than", "'여': odd (200여 년: more than 200)")
        elif q.how == "vague":
            said = ("more_than", "a vague quantity ('수천', '수만'): at least its place value")
        elif unit_word == "세기":
            said = ("approx", "a length in centuries: a round measure")
        else:
            said = ("exact", "no word bounds the number")
    estimate = next((t.form for t in toks[k:end] if t.form in ESTIMATE), None)
    if estimate is None and any(
        t.form == "보" and _form(toks, n - 1) in ("로", "으로") for n, t in enumerate(toks[k:end], start=k)
    ):
        estimate = "로 보다"
    if estimate and said[0] in ("exact", "approx"):
        said = (
            "approx",
            f"an estimate ('{estimate}'), not a count" + ("" if said[0] == "exact" else "; " + said[1]),
        )
    return said
