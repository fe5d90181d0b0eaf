"""What a Korean number word is worth: digits with commas and decimals, Sino-Korean place values with and
without digits (천만, 2억 3천만, 1,250만, 2만 5천), native numerals (한 … 아흔아홉), vague quantities (수십 …
수천만: lower bounds) and number words (절반). Pure functions of the analyser's forms."""

from __future__ import annotations

import re

# Native numerals as determiners before a counter (Kiwi's MM: 두 해, 넉 달) and as numerals (NR: 열, 스물).
NATIVE = {
    "한": 1,
    "하나": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "석": 3,
    "서": 3,
    "셋": 3,
    "네": 4,
    "넉": 4,
    "너": 4,
    "넷": 4,
    "다섯": 5,
    "닷": 5,
    "여섯": 6,
    "엿": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
    "스물": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
# Native tens that take a unit after them in the same word or the next morpheme (열한, 여든두, 스물세).
NATIVE_TENS = {k: v for k, v in NATIVE.items() if v >= 10}
SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
SMALL = {"십": 10, "백": 100, "천": 1_000}
LARGE = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
# 수십 … 수천만: "tens of …", read as at least the place value (as our data writes 수만 and 수천 만).
VAGUE = re.compile(r"수(십|백|천)?(만|억)?")
# Number words that are a value of their own.
WORDS = {"절반": 0.5}


def digits(form: str) -> float | None:
    """'1,250' -> 1250.0, '2.5' -> 2.5; None for anything else (a serial such as 1914-18)."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", form):
        return float(form.replace(",", ""))
    return None


def sino(form: str) -> float | None:
    """A Sino-Korean numeral written in Hangul: '백만' 1,000,000, '천만' 10,000,000, '삼천' 3,000, '만'
    10,000; None if the form is not one."""
    if not form or not re.fullmatch(r"[일이삼사오육칠팔구십백천만억조]+", form):
        return None
    total, section, digit = 0, 0, None
    for ch in form:
        if ch in SINO_DIGITS:
            if digit is not None:
                return None
            digit = SINO_DIGITS[ch]
        elif ch in SMALL:
            section += (digit or 1) * SMALL[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * LARGE[ch]
            section, digit = 0, None
    return float(total + section + (digit or 0))


def place(form: str) -> float | None:
    """The multiplier a place-value word after digits stands for: '만' 10,000, '천만' 10,000,000, '억'."""
    if form and all(ch in SMALL or ch in LARGE for ch in form):
        return sino(form)
    return None


def vague(form: str) -> float | None:
    """'수천' 1,000, '수십만' 100,000, '수천만' 10,000,000: the least a vague quantity can be."""
    m = VAGUE.fullmatch(form)
    if not m or form == "수":
        return None
    return float(SMALL.get(m[1] or "", 1) * LARGE.get(m[2] or "", 1))


def native(form: str) -> float | None:
    """'열두' 12, '여든두' 82, '스무' 20, '넉' 4 (a native numeral in one form); None otherwise."""
    if form in NATIVE:
        return float(NATIVE[form])
    for ten, v in NATIVE_TENS.items():
        if form.startswith(ten) and form[len(ten) :] in NATIVE and NATIVE[form[len(ten) :]] < 10:
            return float(v + NATIVE[form[len(ten) :]])
    return None
