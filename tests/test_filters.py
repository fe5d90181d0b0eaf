"""Selecting events: the names people search for, in both languages, and where a date comes from."""

import pandas as pd
import pytest

from revolution.data import filters
from revolution.views import format as fmt


@pytest.mark.parametrize(
    "text, key",
    [
        ("10월 혁명", "october_revolution_1917"),
        ("볼셰비키 혁명", "october_revolution_1917"),
        ("Bolshevik Revolution", "october_revolution_1917"),
        ("전시 공산주의", "war_communism"),
        ("holodomor", "famine_1932"),
        ("적백내전", "civil_war_period"),
        ("Great Patriotic War", "world_war_1939"),
    ],
)
def test_text_search_finds_an_event_by_the_name_people_use(dataset, text, key):
    found = filters.events(dataset, filters.EventFilter(text=text))
    assert key in set(found.event_key)


def test_the_pickers_first_telling_of_the_october_revolution_needs_its_common_name(dataset):
    # why the aliases exist: a picker labels a shared event by its earliest telling, whose title
    # ("레닌, 최초의 사회주의 국가 성립 선언") does not say "10월 혁명"
    first = dataset.events.sort_values("start_gregorian").drop_duplicates("event_key").set_index("event_key")
    row = first.loc["october_revolution_1917"]
    assert "10월 혁명" not in row.title_ko and "10월 혁명" in fmt.picker_label(row, "ko")


def test_every_telling_of_an_event_has_the_same_other_names(dataset):
    per_key = dataset.events.groupby("event_key")[["aliases_ko", "aliases_en"]].nunique(dropna=False)
    assert (per_key <= 1).all().all()


def test_picker_label_carries_the_common_name_in_the_readers_language(dataset):
    first = dataset.events.sort_values("start_gregorian").drop_duplicates("event_key").set_index("event_key")
    row = first.loc["october_revolution_1917"]
    ko, en = fmt.picker_label(row, "ko"), fmt.picker_label(row, "en")
    assert ko.startswith(f"{row.title_ko} (1917)") and "10월 혁명" in ko and "볼셰비키 혁명" in ko
    assert "October Revolution" in en and "Bolshevik Revolution" in en and "10월" not in en
    # a name already in the title is not repeated
    cold = first.loc["cold_war"]
    assert fmt.picker_label(cold, "ko") == f"{cold.title_ko} (1947)"


def test_date_bases_filter_keeps_only_the_bases_asked_for(dataset):
    stated = filters.events(dataset, filters.EventFilter(date_bases=("stated",)))
    rest = filters.events(dataset, filters.EventFilter(date_bases=("context", "reference")))
    assert set(stated.date_basis) == {"stated"} and set(rest.date_basis) == {"context", "reference"}
    assert len(stated) + len(rest) == len(dataset.events)
    assert len(filters.events(dataset, filters.EventFilter())) == len(dataset.events)


def test_year_bounds_come_from_the_data_even_with_no_event(dataset):
    from revolution.data import filters

    assert filters.year_bounds(dataset.events) == (
        int(dataset.events.start_gregorian.str[:4].astype(int).min()),
        int(dataset.events.end_gregorian.str[:4].astype(int).max()),
    )
    none = dataset.events.iloc[:0]
    # an era open at one end gives no year there: the span of the years the eras do give
    given = pd.concat([dataset.eras.start_year, dataset.eras.end_year]).dropna()
    assert dataset.eras.start_year.isna().any() and dataset.eras.end_year.isna().any()
    assert filters.year_bounds(none, dataset.eras) == (given.min(), given.max())
    assert filters.year_bounds(none) is None
