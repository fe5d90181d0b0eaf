"""Tables as a reader sees them: column names and codes in the chosen language (downloads keep the schema's
field names and codes)."""

from __future__ import annotations

import pandas as pd

from .i18n import category

LABELS = {
    "figure_id": {"ko": "번호", "en": "Id"},
    "event_id": {"ko": "번호", "en": "Id"},
    "ref_id": {"ko": "번호", "en": "Id"},
    "source_id": {"ko": "출처", "en": "Source"},
    "quote": {"ko": "원문", "en": "Quote"},
    "stated": {"ko": "값 (원문대로)", "en": "As stated"},
    "value": {"ko": "수치", "en": "Number"},
    "value_low": {"ko": "하한", "en": "Lower bound"},
    "value_high": {"ko": "상한", "en": "Upper bound"},
    "qualifier": {"ko": "한정 표현", "en": "Qualifier"},
    "unit": {"ko": "단위", "en": "Unit"},
    "measure": {"ko": "무엇을 세었나", "en": "Measure"},
    "period_start": {"ko": "시작 연도", "en": "From year"},
    "period_end": {"ko": "끝 연도", "en": "To year"},
    "period": {"ko": "시기", "en": "Period"},
    "group": {"ko": "차트 그룹", "en": "Chart group"},
    "headline": {"ko": "개요 카드", "en": "Headline card"},
    "notes": {"ko": "메모", "en": "Notes"},
    "kind": {"ko": "종류", "en": "Kind"},
    "derivation": {"ko": "계산 방법", "en": "How derived"},
    "date_text": {"ko": "원문 날짜", "en": "Date as written"},
    "start": {"ko": "시작 (원문 달력)", "en": "Start (as written)"},
    "end": {"ko": "끝 (원문 달력)", "en": "End (as written)"},
    "date_basis": {
        "stated": {"ko": "원문에 있음", "en": "the sentence"},
        "context": {"ko": "앞뒤 문맥", "en": "the surrounding text"},
        "reference": {"ko": "표준 연표", "en": "a standard chronology"},
    },
    "precision": {"ko": "정밀도", "en": "Precision"},
    "calendar": {"ko": "달력", "en": "Calendar"},
    "calendar_basis": {"ko": "달력 근거", "en": "Calendar basis"},
    "start_gregorian": {"ko": "시작 (신력)", "en": "Start (New Style)"},
    "end_gregorian": {"ko": "끝 (신력)", "en": "End (New Style)"},
    "title": {"ko": "사건", "en": "Event"},
    "category": {"ko": "분류", "en": "Category"},
    "era": {"ko": "시대", "en": "Era"},
    "place": {"ko": "장소", "en": "Place"},
    "event_key": {"ko": "사건 키", "en": "Event key"},
    "quantity": {"ko": "무엇을 세었나", "en": "Quantity"},
    "scope": {"ko": "범위", "en": "Scope"},
    "source_title": {"ko": "서지 사항", "en": "Full reference"},
    "source_short": {"ko": "자료", "en": "Source"},
    "source_locator": {"ko": "위치", "en": "Locator"},
    "strength": {"ko": "자료의 성격", "en": "Kind of source"},
    "caveat": {"ko": "단서", "en": "Caveat"},
    "mentions": {"ko": "언급 수", "en": "Mentions"},
    "events": {"ko": "사건 수", "en": "Events"},
    "name": {"ko": "이름", "en": "Name"},
    "start_year": {"ko": "부터", "en": "From"},
    "end_year": {"ko": "까지", "en": "To"},
    "quote_en": {"ko": "영어 풀이 (우리 번역)", "en": "Our translation"},
    "aliases": {"ko": "다른 이름", "en": "Other names"},
    "date_basis": {"ko": "날짜의 근거", "en": "Date from"},
    "date_context": {"ko": "날짜를 주는 문장", "en": "Sentence that gives the date"},
    "date_context_en": {"ko": "날짜 문장의 영어 풀이", "en": "Its translation"},
    "date_reference": {"ko": "날짜의 출처", "en": "Source of the date"},
    "read": {"ko": "문맥에서 읽기", "en": "Read in context"},
}

WORDS = {
    "qualifier": {
        "exact": {"ko": "정확한 값", "en": "exact"},
        "approx": {"ko": "약", "en": "about"},
        "less_than": {"ko": "미만", "en": "under"},
        "more_than": {"ko": "초과", "en": "over"},
        "range": {"ko": "범위", "en": "range"},
    },
    "unit": {
        "percent": {"ko": "퍼센트", "en": "per cent"},
        "persons": {"ko": "명", "en": "people"},
        "index": {"ko": "지수 (전쟁 전 = 100)", "en": "index (pre-war = 100)"},
        "rank": {"ko": "순위", "en": "rank"},
        "countries": {"ko": "나라 수", "en": "countries"},
        "years": {"ko": "햇수", "en": "years"},
        "months": {"ko": "개월", "en": "months"},
        "times": {"ko": "배", "en": "times"},
        "fraction": {"ko": "분수", "en": "fraction"},
        "count": {"ko": "개수", "en": "count"},
        "other": {"ko": "기타", "en": "other"},
    },
    "precision": {
        "day": {"ko": "날짜", "en": "day"},
        "month": {"ko": "달", "en": "month"},
        "year": {"ko": "해", "en": "year"},
        "decade": {"ko": "연대", "en": "decade"},
    },
    "calendar": {
        "gregorian": {"ko": "신력", "en": "New Style"},
        "julian": {"ko": "구력 (율리우스력)", "en": "Old Style (Julian)"},
        "unspecified": {"ko": "표기 없음", "en": "not stated"},
    },
    "calendar_basis": {
        "stated": {"ko": "텍스트가 밝힘", "en": "as the text says"},
        "convention": {"ko": "당시 그곳의 달력", "en": "the calendar then in force"},
        "none": {"ko": "없음", "en": "none"},
    },
    "kind": {"stated": {"ko": "원문 수치", "en": "stated"}, "derived": {"ko": "계산값", "en": "derived"}},
    "strength": {
        "encyclopedia": {"ko": "백과사전", "en": "encyclopedia"},
        "scholarly": {"ko": "학술 연구", "en": "scholarly"},
        "primary": {"ko": "1차 자료", "en": "primary source"},
        "primary (propaganda)": {"ko": "1차 자료 (선전물)", "en": "primary source (propaganda)"},
        "secondary": {"ko": "2차 인용", "en": "secondary"},
        "weak": {"ko": "약한 근거", "en": "weak"},
        "dataset": {"ko": "데이터 세트", "en": "dataset"},
    },
}
WORDS["unit"] |= {
    "percent of 1913": {"ko": "1913년 대비 퍼센트", "en": "per cent of 1913"},
    "percent per year": {"ko": "연 퍼센트", "en": "per cent a year"},
    "year": {"ko": "연도", "en": "year"},
}
# Columns the data writes in English only: shown in the English interface, left out of the Korean one.
ENGLISH_ONLY = ("notes", "quantity", "scope", "caveat", "beside", "derivation")


def label(column: str, lang: str) -> str:
    """A column's name on screen; a bilingual column (`title_ko`) is named as its base (`title`)."""
    base = column.removesuffix("_ko").removesuffix("_en")
    return LABELS.get(column, LABELS.get(base, {})).get(lang, column)


def word(kind: str, code, lang: str) -> str:
    if pd.isna(code):
        return ""
    return WORDS.get(kind, {}).get(code, {}).get(lang, str(code))


def for_screen(table: pd.DataFrame, lang: str, names: dict | None = None, lookups: dict | None = None):
    """The table as a reader sees it: the other language's columns dropped (and, in Korean, the columns
    the data writes in English only, unless a Korean one is there), codes as words, empty cells empty (never
    'None'). `lookups` maps a column to {code: name} (groups, eras, places). Returns the table and its
    on-screen column names."""
    other = "en" if lang == "ko" else "ko"
    drop = [c for c in table.columns if c.endswith(f"_{other}")]
    if lang == "ko":
        drop += [c for c in ENGLISH_ONLY if c in table]  # its Korean twin (`…_ko`), if any, stays
    out = table.drop(columns=drop).copy()
    for column in out.columns:
        if column in WORDS:
            out[column] = [word(column, c, lang) for c in out[column]]
        elif column == "category":
            out[column] = [category(c, lang) if isinstance(c, str) else "" for c in out[column]]
        elif column == "source_id" and names:
            out[column] = out[column].map(lambda s: names.get(s, s) if isinstance(s, str) else "")
        elif lookups and column in lookups:
            out[column] = out[column].map(
                lambda s, m=lookups[column]: m.get(s, s) if isinstance(s, str) else ""
            )
    for column in out.columns:  # numbers as text, so an empty cell is empty, not 'None'
        if pd.api.types.is_numeric_dtype(out[column]):
            out[column] = [f"{v:,.10g}" if column.startswith("value") else f"{v:g}" for v in out[column]]
            out[column] = out[column].replace("nan", "")
    out = out.astype(object).where(out.notna(), "")
    return out, {c: label(c, lang) for c in out.columns}
