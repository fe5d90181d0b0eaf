"""Tables on screen speak the reader's language: column names, codes as words, no 'None'; downloads do
not pass through here and keep the schema's names."""

import re

from revolution.views import columns

NAMES = {"history": "류한수", "manifesto": "ICC"}


def test_events_on_screen_in_korean_have_korean_names_and_words(dataset):
    table, labels = columns.for_screen(dataset.events, "ko", NAMES)
    assert "title_en" not in table and "notes_en" not in table and "notes_ko" in table  # notes in Korean
    assert labels["title_ko"] == "사건" and labels["event_id"] == "번호"
    assert not [v for v in labels.values() if re.search("[A-Za-z]", v)]
    assert set(table.calendar) <= {"신력 (그레고리력)", "구력 (율리우스력)", "달력 표기 없음"}
    assert "혁명" in set(table.category) and "revolution" not in set(table.category)
    assert set(table.source_id) == set(NAMES.values())
    assert "None" not in table.astype(str).values and "nan" not in table.astype(str).values


def test_figures_on_screen_in_english_keep_notes_and_write_qualifiers_as_words(dataset):
    table, labels = columns.for_screen(dataset.figures, "en", NAMES)
    assert "notes_en" in table and "measure_ko" not in table and "notes_ko" not in table
    assert set(table.qualifier) == {"exact", "about", "under", "over", "range"}
    assert labels["value_low"] == "Lower bound"
    assert "" in set(table.value_low) and "None" not in table.astype(str).values


def test_reference_table_in_korean_names_sources_without_english_columns(dataset):
    table, labels = columns.for_screen(dataset.reference_values, "ko")
    assert "quantity" not in table and "caveat" not in table and "source_short_en" not in table
    assert "학술 연구" in set(table.strength)
    assert labels["source_short_ko"] == "자료"


def test_every_column_of_a_table_the_explorer_shows_is_named_in_both_languages():
    # a new column in events.csv or figures.csv with no label would show its field name on screen
    import json

    from revolution import state
    from revolution.data.paths import data_dir

    schemas = {
        r["name"]: r["schema"]
        for r in json.loads((data_dir() / "datapackage.json").read_text())["resources"]
        if "schema" in r
    }
    for table in state.TABLES:
        for field in schemas[table]["fields"]:
            for lang in ("ko", "en"):
                assert columns.label(field["name"], lang) != field["name"], (table, field["name"], lang)
