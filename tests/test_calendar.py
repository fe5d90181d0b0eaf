"""Old Style to New Style and partial dates, checked against known pairs."""

from datetime import date

import pytest

from revolution.data import calendar


@pytest.mark.parametrize(
    "old, new",
    [
        ((1917, 2, 23), date(1917, 3, 8)),  # February revolution, as the history text pairs them
        ((1917, 10, 25), date(1917, 11, 7)),  # October revolution
        ((1905, 1, 9), date(1905, 1, 22)),  # Bloody Sunday: 13 days in the 20th century
        ((1861, 2, 19), date(1861, 3, 3)),  # emancipation of the serfs: 12 days in the 19th century
        ((1825, 12, 14), date(1825, 12, 26)),  # Decembrists
        ((1700, 2, 29), date(1700, 3, 11)),  # a Julian-only leap day; 11 days from then on
        ((1918, 1, 31), date(1918, 2, 13)),  # Russia's last Old Style day
    ],
)
def test_julian_days_convert_to_known_new_style_days(old, new):
    assert calendar.to_new_style(old, "julian") == new


def test_no_julian_date_after_the_switch():
    with pytest.raises(ValueError, match="last Old Style day"):
        calendar.to_new_style((1918, 2, 14), "julian")


def test_gregorian_and_unspecified_dates_are_kept():
    assert calendar.to_new_style((1921, 3, 1), "gregorian") == date(1921, 3, 1)
    assert calendar.to_new_style((1921, 3, 1), "unspecified") == date(1921, 3, 1)


@pytest.mark.parametrize(
    "start, end, precision, cal, lo, hi",
    [
        ("1917", "1917", "year", "unspecified", date(1917, 1, 1), date(1917, 12, 31)),
        ("1682", "1725", "year", "unspecified", date(1682, 1, 1), date(1725, 12, 31)),
        ("1930", "1939", "decade", "unspecified", date(1930, 1, 1), date(1939, 12, 31)),
        ("1917-10", "1917-10", "month", "julian", date(1917, 10, 14), date(1917, 11, 13)),
        ("1917-02", "1917-02", "month", "gregorian", date(1917, 2, 1), date(1917, 2, 28)),
        ("1917-02-23", "1917-02-23", "day", "julian", date(1917, 3, 8), date(1917, 3, 8)),
    ],
)
def test_a_partial_date_covers_every_day_it_can_mean(start, end, precision, cal, lo, hi):
    assert calendar.new_style_interval(start, end, precision, cal) == (lo, hi)


@pytest.mark.parametrize(
    "start, end, precision, message",
    [
        ("1917-13", "1917-13", "month", "no month 13"),
        ("1917-02-30", "1917-02-30", "day", "no day 30"),
        ("1917-02", "1917-02", "day", "not a day-precision date"),
        ("1921", "1917", "year", "starts"),
    ],
)
def test_impossible_dates_are_refused(start, end, precision, message):
    with pytest.raises(ValueError, match=message):
        calendar.new_style_interval(start, end, precision, "gregorian")


def test_julian_february_has_29_days_in_1900_where_gregorian_has_28():
    assert calendar.bounds("1900-02", "month", "julian")[1] == (1900, 2, 29)
    assert calendar.bounds("1900-02", "month", "gregorian")[1] == (1900, 2, 28)


def test_one_era_lookup_reads_an_empty_year_as_open():
    from revolution.data.eras import era_of

    eras = [
        {"era_id": "before", "start_year": "", "end_year": "1904"},
        {"era_id": "one", "start_year": 1917, "end_year": 1917},
        {"era_id": "after", "start_year": "1992", "end_year": None},
    ]
    assert [era_of(y, eras) for y in (1000, 1904, 1905, 1917, 1991, 1992, 3000)] == [
        "before",
        "before",
        None,
        "one",
        None,
        "after",
        "after",
    ]
