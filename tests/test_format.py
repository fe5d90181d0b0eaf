"""Figures as the texts state them: bounds stay bounds, units read naturally in both languages."""

import pytest

from revolution.exports import export
from revolution.views import format as fmt


def row(value, qualifier="exact", unit="percent", low=None, high=None):
    return {
        "value": value,
        "qualifier": qualifier,
        "unit": unit,
        "value_low": low if low is not None else float("nan"),
        "value_high": high if high is not None else float("nan"),
    }


@pytest.mark.parametrize(
    "r, ko, en",
    [
        (row(25, "less_than", high=25), "25% 미만", "under 25%"),
        (row(55, "more_than", low=55), "55% 초과", "over 55%"),
        (row(13, unit="percent"), "13%", "13%"),
        (row(400000, unit="persons"), "40만 명", "400,000 people"),
        (row(2400000, unit="persons"), "240만 명", "2,400,000 people"),
        (row(5, unit="rank"), "5위", "5th"),
        (row(3, unit="rank"), "3위", "3rd"),
        (row(1 / 6, unit="fraction"), "1/6", "1/6"),
        (row(10, "approx", unit="years"), "약 10년", "about 10 years"),
        (row(2, "range", unit="countries", low=1, high=2), "1개국–2개국", "1 countries–2 countries"),
    ],
)
def test_stated_values_keep_their_qualifier(r, ko, en):
    assert fmt.stated(r, "ko") == ko
    assert fmt.stated(r, "en") == en


def test_hover_text_is_escaped_and_wrapped():
    out = fmt.wrap("<script>alert(1)</script>" + "가" * 80, width=38)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.count("<br>") >= 2


@pytest.mark.parametrize(
    "cell, safe",
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\t=x", "'\t=x"),
        ("\r=x", "'\r=x"),
    ],
)
def test_formula_cells_are_neutralised(cell, safe):
    assert export.neutralise(cell) == safe


def test_plain_cells_and_numbers_are_untouched():
    assert export.neutralise("레닌") == "레닌"
    assert export.neutralise(-2) == -2


def test_safe_csv_has_a_bom_and_neutralised_cells():
    import pandas as pd

    frame = pd.DataFrame({"quote": ['=HYPERLINK("x")', "평범한 문장"], "value": [-5.0, 1.0]})
    out = export.safe_csv(frame)
    assert out.startswith(b"\xef\xbb\xbf")
    text = out.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "평범한 문장" in text and "-5.0" in text


@pytest.mark.parametrize(
    "basis, date_text, ko, en",
    [
        ("stated", "1905년 1월", "1905년 1월", "1905년 1월"),
        ("context", "1920년", "1920년 (날짜는 원문에 없음 — 앞뒤 문맥)", "1920년 (date not in the sentence"),
        ("reference", None, "날짜는 원문에 없음 — 표준 연표", "date not in the text — standard chronology"),
    ],
)
def test_a_date_the_sentence_does_not_give_is_labelled_as_such(basis, date_text, ko, en):
    r = {"date_basis": basis, "date_text": date_text}
    assert fmt.written_date(r, "ko") == ko
    assert fmt.written_date(r, "en").startswith(en)


def test_a_hover_quote_in_english_keeps_the_korean_first_and_labels_our_gloss():
    r = {"quote": "10월 25일(11월 7일)에", "quote_en": "on 25 October (7 November)"}
    assert fmt.quote_with_gloss(r, "ko") == "10월 25일(11월 7일)에"
    en = fmt.quote_with_gloss(r, "en")
    assert en.startswith("10월 25일(11월 7일)에”<br>Our translation: “on 25 October")
    assert fmt.quote_with_gloss({"quote": "4월"}, "en") == "4월"
