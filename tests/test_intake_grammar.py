"""The intake's grammars, one rule a row: Korean phrases written for these tests (none is taken from a
seed, which a test checks) and what a careful reader records of them. No answer file is read here."""

from __future__ import annotations

import pytest

from revolution.data.provenance import normalize
from revolution.intake import figures, narrative, numerals
from revolution.intake.text import Text, unwrap

from .conftest import SEEDS

# phrase, value, qualifier, unit
FIGURES = [
    ("그 공장에는 1,250명이 일했다.", 1250, "exact", "persons"),
    ("인구는 2억 3천만이 넘는다.", 230_000_000, "more_than", "persons"),
    ("모인 사람은 2만 5천 명이었다.", 25_000, "exact", "persons"),
    ("그 나라는 땅의 3분의 2를 잃었다.", 2 / 3, "exact", "fraction"),
    ("그는 열한 시간 동안 연설했다.", 11, "exact", "other"),
    ("회담은 채 넉 달도 안 되어 깨졌다.", 4, "less_than", "months"),
    ("그는 여든두 해를 살았다.", 82, "exact", "years"),
    ("난민은 백만에 달할 것으로 추산된다.", 1_000_000, "approx", "persons"),
    ("찬성은 절반을 조금 넘는 표였다.", 0.5, "more_than", "fraction"),
    ("생산은 세 배 가까이 늘었다.", 3, "approx", "times"),
    ("그 왕조는 300여 년 이어졌다.", 300, "more_than", "years"),
    ("득표율은 30퍼센트가 채 안 되는 표였다.", 30, "less_than", "percent"),
    ("물가는 40퍼센트를 웃도는 폭으로 올랐다.", 40, "more_than", "percent"),
    ("병력은 50만 명 안팎이었다.", 500_000, "approx", "persons"),
    ("수십만 명이 거리로 나왔다.", 100_000, "more_than", "persons"),
    ("피해자는 1만~2만 명이었다.", 15_000, "range", "persons"),
    ("개혁에는 20년 내지 30년이 걸렸다.", 25, "range", "years"),
    ("적군은 80만 이상의 대군이었다.", 800_000, "more_than", "persons"),
    ("임금은 전쟁 전의 60퍼센트에 지나지 않았다.", 60, "exact", "index"),
    ("공장 다섯 곳이 문을 닫았다.", 5, "exact", "count"),
    ("실업률은 10% 미만이었다.", 10, "less_than", "percent"),
    ("조약에는 40개국이 서명했다.", 40, "exact", "countries"),
    ("세계 제7위의 경제였다.", 7, "exact", "rank"),
    ("그 협상은 5년 안에 끝나야 했다.", 5, "less_than", "years"),
    ("대회는 한 달, 아니 그보다 짧은 기간에 끝났다.", 1, "less_than", "months"),
    ("약 3천만 명이 굶주렸다.", 30_000_000, "approx", "persons"),
    ("그 운동은 두 세기 넘게 이어졌다.", 200, "more_than", "years"),
]


def read_figures(phrase: str) -> list[dict]:
    text = Text(phrase)
    return [
        f.row | {"kind": f.kind, "said": text.u[f.a : f.b]}
        for s in text.sentences
        for f in figures.read(s, set())
    ]


def seeds_flat() -> str:
    return "".join(normalize(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt"))


def test_no_phrase_here_is_taken_from_a_seed():
    flat = seeds_flat()
    phrases = [p for p, *_ in FIGURES] + [p for p, *_ in DATES] + [p for p, *_ in UNTOLD] + NOT_HAPPENINGS
    assert [p for p in phrases if normalize(p.rstrip(".")) in flat] == []


@pytest.mark.parametrize("phrase, value, qualifier, unit", FIGURES, ids=[p for p, *_ in FIGURES])
def test_a_number_its_unit_and_what_the_words_around_it_say(phrase, value, qualifier, unit):
    found = [f for f in read_figures(phrase) if f["kind"] == "figure"]
    assert len(found) == 1, found
    (f,) = found
    assert (f["qualifier"], f["unit"]) == (qualifier, unit)
    assert f["value"] == pytest.approx(value, rel=0.005)
    # a bound is drawn as a bound: 'under N' has no floor, 'over N' no ceiling, a range both
    assert (f["value_low"] is None) == (qualifier in ("less_than", "approx"))
    assert (f["value_high"] is None) == (qualifier in ("more_than", "approx"))


def test_a_change_is_two_figures_each_in_its_own_words():
    found = read_figures("생산은 200만 톤에서 350만 톤으로 늘었다.")
    assert [(f["value"], f["qualifier"], f["said"]) for f in found] == [
        (2_000_000, "exact", "200만 톤"),
        (3_500_000, "exact", "350만 톤"),
    ]
    assert all("change" in f["why"] for f in found)


@pytest.mark.parametrize(
    "phrase, why",
    [
        ("제2차 대회가 열렸다.", "ordinal"),
        ("표트르 1세는 함대를 세웠다.", "regnal"),
        ("3개년 계획이 세워졌다.", "plan"),
    ],
)
def test_numbers_that_are_parts_of_names_are_exclusions(phrase, why):
    found = read_figures(phrase)
    assert [f["kind"] for f in found] == ["exclusion"] and why in found[0]["why"]


@pytest.mark.parametrize(
    "phrase",
    [
        "그는 한 도시에서 태어났다.",
        "두 번째 회의가 열렸다.",
        "그는 다시 한 번 말했다.",
        "1917년에 혁명이 일어났다.",
    ],
)
def test_a_word_that_only_looks_like_a_number_is_no_figure(phrase):
    assert [f for f in read_figures(phrase) if f["kind"] == "figure"] == []


def test_numerals_read_every_way_korean_writes_them():
    assert numerals.sino("삼천") == 3_000 and numerals.sino("백만") == 1_000_000
    assert numerals.native("스물세") == 23 and numerals.native("넉") == 4
    assert numerals.vague("수백만") == 1_000_000 and numerals.vague("수") is None
    assert numerals.digits("2.5") == 2.5 and numerals.digits("1914-18") is None


# text, convention, the date as written, (start, end, precision, calendar, calendar_basis), leans on
DATES = [
    (
        "1905년 1월 9일에 시위가 벌어졌다. 이튿날 파업이 번졌다.",
        "russia",
        "이튿날",
        ("1905-01-10", "1905-01-10", "day", "julian", "convention"),
        "1905년 1월 9일에 시위가",
    ),
    (
        "1920년 3월에 회의가 열렸다. 생산은 1913년의 절반에 그쳤다. 그해 5월에 전쟁이 일어났다.",
        "russia",
        "그해 5월",
        ("1920-05", "1920-05", "month", "gregorian", "convention"),
        "1920년 3월에 회의가",
    ),
    (
        "1919년 가을에 공세가 시작되었다. 이듬해 4월에 조약이 맺어졌다.",
        "russia",
        "이듬해 4월",
        ("1920-04", "1920-04", "month", "gregorian", "convention"),
        "1919년 가을에",
    ),
    (
        "1917년 3월 12일(러시아 달력으로는 2월 27일)에 병사들이 봉기했다.",
        "russia",
        "1917년 3월 12일(러시아 달력으로는 2월 27일)",
        ("1917-03-12", "1917-03-12", "day", "gregorian", "stated"),
        None,
    ),
    (
        "1916년 5월 3일(양력 5월 16일)에 파업이 시작되었다.",
        "none",
        "1916년 5월 3일(양력 5월 16일)",
        ("1916-05-03", "1916-05-03", "day", "julian", "stated"),
        None,
    ),
    (
        "정부는 1918년 2월 1일을 2월 14일로 바꾸었다.",
        "russia",
        "1918년 2월 1일을 2월 14일",
        ("1918-02-14", "1918-02-14", "day", "gregorian", "stated"),
        None,
    ),
    (
        "3월 혁명이 일어났다. 1917년 3월 15일에 황제가 물러났다.",
        "russia",
        "1917년 3월 15일",
        ("1917-03-15", "1917-03-15", "day", "gregorian", "convention"),
        None,
    ),
    (
        "1917년 10월 24일에 봉기가 시작되었다. 사흘 뒤 새 정부가 섰다.",
        "russia",
        "사흘 뒤",
        ("1917-10-27", "1917-10-27", "day", "julian", "convention"),
        "1917년 10월 24일에",
    ),
    (
        "1921년 3월에 반란이 일어났다. 25일에는 반란이 진압되었다.",
        "russia",
        "25일",
        ("1921-03-25", "1921-03-25", "day", "gregorian", "convention"),
        "1921년 3월에 반란이",
    ),
    (
        "1930년대 후반기에 숙청이 벌어졌다.",
        "none",
        "1930년대 후반기",
        ("1935", "1939", "year", "unspecified", "none"),
        None,
    ),
    (
        "19세기 말에 공업이 성장했다.",
        "none",
        "19세기 말",
        ("1880", "1899", "decade", "unspecified", "none"),
        None,
    ),
    (
        "1929년부터 1933년까지 대공황이 이어졌다.",
        "none",
        "1929년부터 1933년까지",
        ("1929", "1933", "year", "unspecified", "none"),
        None,
    ),
    (
        "1921년에 기근이 시작되었다. 같은 해 여름에 가뭄이 닥쳤다.",
        "russia",
        "같은 해 여름",
        ("1921-06", "1921-08", "month", "gregorian", "convention"),
        "1921년에 기근이",
    ),
    (
        "1922년에 연방이 세워졌다. 그로부터 2년 뒤에 지도자가 죽었다.",
        "none",
        "2년 뒤",
        ("1924", "1924", "year", "unspecified", "none"),
        "1922년에 연방이",
    ),
    (
        "1946년 혁명 이후 서른 해 동안 체제가 이어졌다.",
        "none",
        "1946년",
        ("1946", "1976", "year", "unspecified", "none"),
        None,
    ),
    (
        "1915년 2월 10일에 집회가 열렸다. 다음 날 체포가 시작되었다.",
        "gregorian",
        "다음 날",
        ("1915-02-11", "1915-02-11", "day", "gregorian", "convention"),
        "1915년 2월 10일에",
    ),
]


def events(raw: str, convention: str) -> tuple[Text, list]:
    text = Text(raw)
    return text, [f for f in narrative.resolve(text, convention)]


@pytest.mark.parametrize("raw, convention, said, want, leans", DATES, ids=[d[2] for d in DATES])
def test_a_date_the_text_gives_or_leaves_to_its_narrative(raw, convention, said, want, leans):
    text, found = events(raw, convention)
    (f,) = [f for f in found if f.kind == "event" and text.verbatim(f.a, f.b) == said]
    row = f.row
    assert (row["start"], row["end"], row["precision"], row["calendar"], row["calendar_basis"]) == want
    # a date whose words do not give it whole says which sentence completed it; a whole one says none
    context = text.said(row["context"]) if row["context"] is not None else None
    assert (context is None) if leans is None else (leans in context), context


@pytest.mark.parametrize(
    "raw, said, why",
    [
        ("1920년 3월에 회의가 열렸다. 생산은 1913년의 절반에 그쳤다.", "1913년", "compared"),
        ("10월 혁명의 기억은 오래 남았다.", "10월", "name"),
        ("1905년 1월에 파업이 일어났다. 그 뒤 1905년 혁명의 기억이 남았다.", "1905년", "label"),
        ("## 1917년의 러시아\n\n혁명이 일어났다.", "1917년", "heading"),
    ],
)
def test_a_date_that_tells_no_event_is_an_exclusion_with_its_reason(raw, said, why):
    text, found = events(raw, "russia")
    (f,) = [f for f in found if text.verbatim(f.a, f.b) == said and f.kind == "exclusion"]
    assert (
        why in f.row["why"]
        or {"name": "name of an event", "heading": "heading"}.get(why, "~") in f.row["why"]
    )


def test_a_comparisons_year_does_not_move_the_narrative():
    text, found = events(
        "1920년 3월에 회의가 열렸다. 생산은 1913년의 절반에 그쳤다. 그해 5월에 전쟁이 일어났다.", "none"
    )
    assert [f.row["start"] for f in found if f.kind == "event"] == ["1920-03", "1920-05"]


def test_a_date_in_a_clause_that_modifies_a_noun_does_not_move_the_narrative():
    raw = "1917년 3월에 황제가 물러났다. 그는 1902년에 쓴 책을 다시 읽었다. 그해 7월에 시위가 벌어졌다."
    text, found = events(raw, "none")
    assert [f.row["start"] for f in found if f.kind == "event"] == ["1917-03", "1902", "1917-07"]


# A sentence with no date that tells a happening, soon after a dated one: dated by context, never as stated.
# (text, the sentence without a date, (start, end, precision, calendar), the date's words, where they are)
UNTOLD = [
    (
        "1908년 4월에 노조가 만들어졌다. 곧 대규모 파업이 일어났다.",
        "곧 대규모 파업이 일어났다",
        ("1908-04", "1908-04", "month", "julian"),
        "1908년 4월",
        "1908년 4월에 노조가",
    ),
    (
        "1932년에 공장이 문을 열었다. 이어서 새 정부가 철도 국유화를 선포했다.",
        "새 정부가 철도 국유화를 선포했다",
        ("1932", "1932", "year", "unspecified"),
        "1932년",
        "1932년에 공장이",
    ),
    (
        "1931년에 마지막 부대가 항복했다. 네 해 동안의 전쟁은 마침내 끝이 났다.",
        "네 해 동안의 전쟁은 마침내 끝이 났다",
        ("1928", "1931", "year", "unspecified"),
        "1931년",
        "1931년에 마지막 부대가",
    ),
    (
        "1915년 8월 3일에 군대가 도시에 들어왔다. 시민들은 성문 앞에서 수비대를 몰아냈다.",
        "시민들은 성문 앞에서 수비대를 몰아냈다",
        ("1915-08", "1915-08", "month", "julian"),
        "1915년 8월",
        "1915년 8월 3일에",
    ),
]
# Sentences with no date that tell no happening, or say that nothing happened: never dated by context.
NOT_HAPPENINGS = [
    "그 도시의 겨울은 몹시 추웠다.",
    "의회 제도는 끝내 도입되지 않았다.",
    "농민들은 해마다 봉기한다.",
    "그것은 오래된 질서의 붕괴였다.",
]


@pytest.mark.parametrize("raw, sentence, want, words, leans", UNTOLD, ids=[u[1] for u in UNTOLD])
def test_a_sentence_without_a_date_that_tells_a_happening_is_dated_by_context(
    raw, sentence, want, words, leans
):
    text, found = events(raw, "russia")
    (f,) = [f for f in found if f.row.get("date_basis") == "context"]
    assert sentence in text.said(f.sentence)
    assert (f.row["start"], f.row["end"], f.row["precision"], f.row["calendar"]) == want
    assert f.row["date_text"] == words and leans in text.said(f.row["context"])
    assert "not as a date the text gives" in f.row["why"]


@pytest.mark.parametrize("sentence", NOT_HAPPENINGS)
def test_a_sentence_that_tells_no_happening_is_not_dated_by_context(sentence):
    _, found = events("1912년 2월에 시위가 벌어졌다. " + sentence, "russia")
    assert [f for f in found if f.row.get("date_basis") == "context"] == []


def test_a_happening_far_from_the_last_date_or_before_any_date_is_not_dated():
    filler = " ".join(["그 도시의 겨울은 몹시 추웠다."] * narrative.NEAR)
    _, found = events(f"1912년 2월에 시위가 벌어졌다. {filler} 곧 대규모 파업이 일어났다.", "russia")
    assert [f for f in found if f.row.get("date_basis") == "context"] == []
    _, found = events("곧 대규모 파업이 일어났다. 1912년 2월에 시위가 벌어졌다.", "russia")
    assert [f for f in found if f.row.get("date_basis") == "context"] == []


def test_an_adjectives_modifier_after_a_date_leaves_it_the_narratives_time():
    # '붉은 깃발': an adjective describes the flag; the year stays the sentence's, and 이듬해 counts from it
    text, found = events("1906년에 붉은 깃발이 올랐다. 이듬해 6월에 의회가 해산되었다.", "none")
    assert [f.row["start"] for f in found if f.kind == "event"] == ["1906", "1907-06"]


def test_hard_wraps_inside_words_are_joined_and_between_words_kept():
    assert unwrap("노동자, 병\n사 그리고 억\n압받는 계층") == "노동자, 병사 그리고 억압받는 계층"
    assert unwrap("파업에 나선 사람은 20만 명이\n넘었다.") == "파업에 나선 사람은 20만 명이 넘었다."
    assert unwrap("첫 줄 \n둘째 줄") == "첫 줄  둘째 줄"
