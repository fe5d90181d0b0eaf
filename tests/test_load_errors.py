"""Broken input: each way a data file can be wrong gives one DataError naming file, row and column."""

import csv
import json

import pytest

from revolution.data.errors import DataError
from revolution.data.load import load_dataset

from .conftest import DATA, SEEDS


def read(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write(path, table):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)


def set_cell(name, row, column, value):
    """A mutation that puts `value` in `column` of data row `row` (row 2 is the first under the header)."""

    def apply(d):
        table = read(d / name)
        table[row - 1][table[0].index(column)] = value
        write(d / name, table)

    return apply


def set_cells(name, row, **values):
    """Several cells of one row at once (a change of date_basis needs its columns to follow)."""

    def apply(d):
        for column, value in values.items():
            set_cell(name, row, column, value)(d)

    return apply


def copy_row(name, row):
    def apply(d):
        table = read(d / name)
        table.append(list(table[row - 1]))
        write(d / name, table)

    return apply


def drop_column(name, column):
    def apply(d):
        table = read(d / name)
        i = table[0].index(column)
        write(d / name, [r[:i] + r[i + 1 :] for r in table])

    return apply


def raw(name, transform):
    def apply(d):
        (d / name).write_bytes(transform((d / name).read_bytes()))

    return apply


def n_rows(name):
    return len(read(DATA / name))


def stray_delimiter(b):
    lines = b.split(b"\n")
    lines[2] = lines[2] + b",extra"
    return b"\n".join(lines)


def outdated(d):
    """data/ as an older version wrote it: no calendar_basis, in the descriptor or in events.csv."""
    pkg = json.loads((d / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in pkg["resources"] if r["name"] == "events")
    events["schema"]["fields"] = [f for f in events["schema"]["fields"] if f["name"] != "calendar_basis"]
    (d / "datapackage.json").write_text(json.dumps(pkg, ensure_ascii=False), encoding="utf-8")
    drop_column("events.csv", "calendar_basis")(d)


def cp949(b):
    return b.decode("utf-8").encode("cp949", errors="replace")


CASES = {
    # name: (mutation, file, row, column, words in the problem)
    "missing column": (drop_column("figures.csv", "unit"), "figures.csv", 1, "unit", "missing"),
    "unknown column": (
        raw("events.csv", lambda b: b.replace(b"event_key,", b"event_key,colour,", 1)),
        "events.csv",
        1,
        "colour",
        "unknown column",
    ),
    "bad date": (set_cell("events.csv", 3, "start", "1917-13-45"), "events.csv", 3, "start", "date"),
    "impossible day": (set_cell("events.csv", 2, "start", "1917-02-30"), "events.csv", 2, "start", None),
    "non-numeric value": (
        set_cell("figures.csv", 4, "value", "forty"),
        "figures.csv",
        4,
        "value",
        "not a number",
    ),
    "non-integer year": (
        set_cell("figures.csv", 2, "period_start", "1917.5"),
        "figures.csv",
        2,
        "period_start",
        "whole number",
    ),
    "unknown enum": (
        set_cell("figures.csv", 3, "qualifier", "roughly"),
        "figures.csv",
        3,
        "qualifier",
        "allowed values",
    ),
    "unknown calendar": (
        set_cell("events.csv", 5, "calendar", "revolutionary"),
        "events.csv",
        5,
        "calendar",
        "allowed values",
    ),
    "calendar basis without a calendar": (
        set_cell("events.csv", 2, "calendar_basis", "stated"),
        "events.csv",
        2,
        "calendar_basis",
        "does not go with",
    ),
    "duplicate id": (
        copy_row("figures.csv", 2),
        "figures.csv",
        n_rows("figures.csv") + 1,
        "figure_id",
        "duplicate",
    ),
    "dangling source id": (
        set_cell("events.csv", 6, "source_id", "pravda"),
        "events.csv",
        6,
        "source_id",
        "not a known source_id",
    ),
    "dangling person": (
        set_cell("event_people.csv", 2, "person_id", "rasputin_x"),
        "event_people.csv",
        2,
        "person_id",
        "not a known",
    ),
    "quote not in its seed": (
        set_cell("figures.csv", 2, "quote", "레닌은 달에 갔다"),
        "figures.csv",
        2,
        "quote",
        "does not occur in the seed",
    ),
    "quote from the other seed": (
        set_cell("events.csv", 2, "source_id", "manifesto"),
        "events.csv",
        2,
        "quote",
        "does not occur",
    ),
    "empty file": (raw("events.csv", lambda b: b""), "events.csv", None, None, "empty"),
    "wrong encoding": (raw("figures.csv", cp949), "figures.csv", 2, None, "not UTF-8"),
    "stray delimiter": (raw("figures.csv", stray_delimiter), "figures.csv", 3, None, "stray delimiter"),
    "unclosed quote": (
        raw("people.csv", lambda b: b + b'zz,"never closed\n'),
        "people.csv",
        n_rows("people.csv") + 1,
        None,
        "CSV",
    ),
    "blank required cell": (
        set_cell("events.csv", 4, "title_en", ""),
        "events.csv",
        4,
        "title_en",
        "required",
    ),
    "stray spaces": (set_cell("figures.csv", 2, "unit", " percent"), "figures.csv", 2, "unit", "spaces"),
    "typed New Style date": (
        set_cell("events.csv", 2, "start_gregorian", "1999-01-01"),
        "events.csv",
        2,
        "start_gregorian",
        "computed",
    ),
    "wrong era": (set_cell("events.csv", 2, "era", "after_ussr"), "events.csv", 2, "era", "does not hold"),
    "date not in quote": (
        set_cell("events.csv", 2, "date_text", "1999년"),
        "events.csv",
        2,
        "date_text",
        "inside the quote",
    ),
    "stated date without its text": (
        set_cell("events.csv", 2, "date_text", ""),
        "events.csv",
        2,
        "date_text",
        "needs the date as written",
    ),
    "unknown date basis": (
        set_cell("events.csv", 3, "date_basis", "guessed"),
        "events.csv",
        3,
        "date_basis",
        "allowed values",
    ),
    "context sentence not in the seed": (
        set_cells("events.csv", 2, date_basis="context", date_context="레닌은 1999년에 달에 갔다"),
        "events.csv",
        2,
        "date_context",
        "does not occur in the seed",
    ),
    "context sentence from the other seed": (
        # A sentence of the manifesto cannot date a row of the history text.
        set_cells("events.csv", 2, date_basis="context", date_context="1918년 11월, 독일혁명의 발발은"),
        "events.csv",
        2,
        "date_context",
        "same text",
    ),
    "context sentence without its gloss": (
        set_cells("events.csv", 2, date_basis="context", date_context="12세기부터 두 세기 넘게 몽골의"),
        "events.csv",
        2,
        "date_context_en",
        "given together",
    ),
    "context row without its sentence": (
        set_cell("events.csv", 2, "date_basis", "context"),
        "events.csv",
        2,
        "date_context",
        "needs the sentence",
    ),
    "context date not in its sentence": (
        # EH002's quote is a real sentence of the history seed, but it does not hold EH003's date.
        set_cells(
            "events.csv",
            4,
            date_basis="context",
            date_context="포트르 대제 재위 기간(1682-1725년)에 큰 변화를 겪었다",
        ),
        "events.csv",
        4,
        "date_text",
        "inside date_context",
    ),
    "reference without a citation": (
        set_cells("events.csv", 2, date_basis="reference", date_text="", date_reference="Britannica"),
        "events.csv",
        2,
        "date_reference",
        "source and locator",
    ),
    "reference date written as if the text gave it": (
        set_cells("events.csv", 2, date_basis="reference", date_reference="Britannica; britannica.com/x"),
        "events.csv",
        2,
        "date_text",
        "leave date_text empty",
    ),
    "whole stated date with a context sentence": (
        set_cells(
            "events.csv",
            2,
            date_context="1825년 데카브리스트(Dekabrist)의 봉기로",
            date_context_en="the Decembrist rising of 1825",
        ),
        "events.csv",
        2,
        "date_context",
        "gives itself whole",
    ),
    "month without its year and no sentence it leans on": (
        set_cells("events.csv", 30, date_context="", date_context_en=""),
        "events.csv",
        30,
        "date_context",
        "does not give its date whole",
    ),
    "stated row with a reference": (
        set_cell("events.csv", 2, "date_reference", "Britannica; britannica.com/x"),
        "events.csv",
        2,
        "date_reference",
        "only a date_basis 'reference' row",
    ),
    "quote without its gloss": (
        set_cell("notes.csv", 3, "quote_en", ""),
        "notes.csv",
        3,
        "quote_en",
        "required",
    ),
    "gloss offered as the quote": (
        # the English gloss is ours: as a quote it is not in the seed, and the row is refused
        lambda d: set_cell("figures.csv", 2, "quote", read(d / "figures.csv")[1][3])(d),
        "figures.csv",
        2,
        "quote",
        "does not occur in the seed",
    ),
    "note in one language only": (
        set_cell("events.csv", 2, "notes_ko", ""),
        "events.csv",
        2,
        "notes_ko",
        "write both",
    ),
    "changed seed checksum": (
        set_cell("sources.csv", 2, "sha256", "0" * 64),
        "sources.csv",
        2,
        "sha256",
        "checksum",
    ),
    # issue 23: what a row's dates mean must agree across its columns
    "a year given alone called a period": (
        set_cell("events.csv", 9, "extent", "period"),
        "events.csv",
        9,
        "extent",
        "never as a bar",
    ),
    "an unknown extent": (set_cell("events.csv", 9, "extent", "once"), "events.csv", 9, "extent", "allowed"),
    "an end finer than its precision": (
        set_cell("events.csv", 9, "end", "1825-03"),
        "events.csv",
        9,
        "end",
        "agree with precision",
    ),
    "a reference date whose calendar the text states": (
        set_cell("events.csv", 82, "calendar_basis", "stated"),
        "events.csv",
        82,
        "calendar_basis",
        "cannot state its calendar",
    ),
    "an event key with no name": (
        set_cell("events.csv", 9, "event_key", "no_such_event"),
        "events.csv",
        9,
        "event_key",
        "event_keys.csv",
    ),
    "an era open at its start after another": (
        set_cell("eras.csv", 4, "start_year", ""),
        "eras.csv",
        4,
        "start_year",
        "only one era can be open",
    ),
    "eras that overlap": (
        set_cell("eras.csv", 4, "start_year", "1915"),
        "eras.csv",
        4,
        "start_year",
        "inside the era before it",
    ),
    # the presets: an era's id with other years (civil_war, row 6), two defaults, a former id taken
    "a preset that shares an era's id but not its years": (
        set_cell("presets.csv", 6, "preset_id", "civil_war"),
        "presets.csv",
        6,
        "preset_id",
        "also an era",
    ),
    "two default presets": (
        set_cell("presets.csv", 3, "is_default", "yes"),
        "presets.csv",
        None,
        "is_default",
        "one",
    ),
    "a former preset id that names a preset": (
        set_cell("presets.csv", 2, "former_ids", "1917"),
        "presets.csv",
        2,
        "former_ids",
        "already names",
    ),
    "a preset with one year": (
        set_cell("presets.csv", 4, "end_year", ""),
        "presets.csv",
        4,
        "end_year",
        "both",
    ),
    "a preset with no name": (
        set_cell("presets.csv", 9, "preset_id", "nameless"),
        "presets.csv",
        9,
        "preset_id",
        "i18n",
    ),
    "missing file": (lambda d: (d / "notes.csv").unlink(), "notes.csv", None, None, "missing"),
    "broken descriptor": (raw("datapackage.json", lambda b: b[:-20]), "datapackage.json", None, None, "JSON"),
    "descriptor of an older version": (
        outdated,
        "datapackage.json",
        None,
        "calendar_basis",
        "dashboard needs",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_input_names_file_row_column_and_problem(case, data_copy):
    mutate, file, row, column, words = CASES[case]
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    mutate(data_copy)
    broken = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    with pytest.raises(DataError) as info:
        load_dataset(data_copy, SEEDS)
    err = info.value
    assert (err.file, err.row, err.column) == (file, row, column), str(err)
    if words:
        assert words in err.problem, str(err)
    assert str(err).startswith(file)
    # Nothing is written back: the loader leaves every file as it found it.
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == broken
    assert before.keys() >= broken.keys()


def test_a_byte_order_mark_is_accepted_and_changes_nothing(data_copy, dataset):
    path = data_copy / "figures.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    loaded = load_dataset(data_copy, SEEDS)
    assert loaded.figures.equals(dataset.figures)


def test_blank_lines_are_ignored(data_copy, dataset):
    path = data_copy / "events.csv"
    path.write_bytes(path.read_bytes() + b"\n\n")
    assert len(load_dataset(data_copy, SEEDS).events) == len(dataset.events)


def test_an_exact_figure_needs_its_bounds(data_copy):
    table = read(data_copy / "figures.csv")
    head = table[0]
    i = next(k for k, r in enumerate(table[1:], 2) if r[head.index("qualifier")] == "more_than")
    table[i - 1][head.index("value_low")] = ""
    write(data_copy / "figures.csv", table)
    with pytest.raises(DataError) as info:
        load_dataset(data_copy, SEEDS)
    assert (info.value.row, info.value.column) == (i, "value_low")


def test_a_descriptor_without_resources_for_a_table_fails_clearly(data_copy):
    pkg = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] != "eras"]
    (data_copy / "datapackage.json").write_text(json.dumps(pkg), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_dataset(data_copy, SEEDS)
    assert "eras" in str(info.value)


def test_provenance_never_reads_the_gloss(data_copy, dataset):
    # any gloss at all loads: the seeds check the Korean quotes only
    for name in ("figures.csv", "events.csv", "notes.csv"):
        table = read(data_copy / name)
        i = table[0].index("quote_en")
        write(data_copy / name, [table[0]] + [r[:i] + ["(gloss rewritten)"] + r[i + 1 :] for r in table[1:]])
    loaded = load_dataset(data_copy, SEEDS)
    assert (loaded.events.quote == dataset.events.quote).all()
    assert set(loaded.notes.quote_en) == {"(gloss rewritten)"}
