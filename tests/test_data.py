"""The shipped data: schema, provenance, seeds, computed columns and completeness."""

import csv
import hashlib
import re
import subprocess
import sys

import pandas as pd
import pytest

from revolution.data import calendar, ledger, provenance

from .conftest import DATA, ROOT, SEEDS


def rows(name):
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_frictionless_validates_the_data_package():
    # The same descriptor the loader reads, checked by the reference implementation.
    done = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(DATA / "datapackage.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    import json

    report = json.loads(done.stdout)
    errors = [e["message"] for t in report["tasks"] for e in t["errors"]]
    assert report["valid"], errors[:5]


def test_seeds_are_byte_for_byte_the_shared_texts():
    for row in rows("sources.csv"):
        raw = (SEEDS / row["file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == row["sha256"], row["file"]


@pytest.mark.parametrize("table", ["figures.csv", "events.csv", "notes.csv"])
def test_every_quote_occurs_in_its_seed(table):
    # The seeds are hard-wrapped mid-word and carry stray spaces, so both sides drop all white space
    # (provenance.normalize) before the quote is looked up; nothing else is changed.
    seeds = {r["source_id"]: (SEEDS / r["file"]).read_text(encoding="utf-8") for r in rows("sources.csv")}
    missing = [
        r[next(iter(r))] for r in rows(table) if provenance.span(r["quote"], seeds[r["source_id"]]) is None
    ]
    assert missing == []
    assert rows(table), f"{table} has no rows"


@pytest.mark.parametrize("table", ["figures.csv", "events.csv", "notes.csv"])
def test_no_quote_without_an_english_gloss(table):
    hangul = re.compile(r"[\uac00-\ud7a3]")
    glosses = {}
    for r in rows(table):
        gloss = r["quote_en"]
        assert gloss.strip() and gloss != r["quote"], r
        # English, save for a bracketed remark on how the Korean is printed
        assert not hangul.search(re.sub(r"\[[^\]]*\]", "", gloss)), gloss
        glosses.setdefault(r["quote"], set()).add(gloss)
    # one sentence, one translation, wherever it is quoted
    assert all(len(g) == 1 for g in glosses.values())


def test_the_gloss_is_ours_and_never_the_seeds():
    # provenance stands on the Korean alone: no gloss occurs in a seed
    seeds = [(SEEDS / r["file"]).read_text(encoding="utf-8") for r in rows("sources.csv")]
    for table in ("figures.csv", "events.csv", "notes.csv"):
        for r in rows(table):
            assert all(provenance.span(r["quote_en"], s) is None for s in seeds), r["quote_en"]


def test_the_loader_accepts_the_shipped_data(dataset):
    assert len(dataset.figures) > 0 and len(dataset.events) > 0
    assert set(dataset.sources.source_id) == {"history", "manifesto"}


def test_new_style_columns_are_computed_not_typed():
    for r in rows("events.csv"):
        lo, hi = calendar.new_style_interval(r["start"], r["end"], r["precision"], r["calendar"])
        assert (r["start_gregorian"], r["end_gregorian"]) == (lo.isoformat(), hi.isoformat()), r["event_id"]


def test_the_history_texts_own_calendar_pair_agrees_with_the_conversion(dataset):
    # The history text gives 23 February and, in brackets, 8 March 1917: our conversion must agree with
    # it.
    ev = dataset.events
    feb = ev[(ev.source_id == "history") & (ev.start == "1917-02-23")]
    assert len(feb) == 1
    assert feb.iloc[0]["calendar"] == "julian"
    assert feb.iloc[0]["start_gregorian"] == "1917-03-08"
    assert "3월 8일" in feb.iloc[0]["date_text"]


def test_a_calendar_is_called_stated_only_where_the_text_itself_gives_it(dataset):
    # "23일(그레고리오 달력으로는 3월 8일)" and "25일(11월 7일)" give both dates;
    # "이튿날" is the day after such a one.
    ev = dataset.events
    stated = ev[ev.calendar_basis == "stated"]
    both = re.compile(r"\d+일\s*\((그레고리오\s*달력으로는\s*)?\d+월\s*\d+일\)")
    days = set(zip(stated.source_id, pd.to_datetime(stated.start)))
    for r in stated.to_dict("records"):
        day_after = (
            r["date_text"] == "이튿날"
            and (r["source_id"], pd.Timestamp(r["start"]) - pd.Timedelta(days=1)) in days
        )
        assert both.search(provenance.normalize(r["quote"])) or day_after, r["event_id"]
    assert len(stated) == 3 and (ev.calendar_basis == "convention").sum() > len(stated)
    assert set(ev[ev.calendar == "unspecified"].calendar_basis) == {"none"}


def test_a_date_is_the_texts_own_only_where_the_sentence_gives_it(dataset):
    ev = dataset.events
    text = {k: provenance.normalize(v) for k, v in dataset.seeds.items()}
    stated, context, reference = (ev[ev.date_basis == b] for b in ("stated", "context", "reference"))
    for r in stated.to_dict("records"):
        assert provenance.normalize(r["date_text"]) in provenance.normalize(r["quote"]), r["event_id"]
    for r in context.to_dict("records"):
        # the dating sentence is another sentence of the same text, and it holds the date as written
        assert provenance.normalize(r["date_context"]) in text[r["source_id"]], r["event_id"]
        assert provenance.normalize(r["date_context"]) not in provenance.normalize(r["quote"])
        assert provenance.normalize(r["date_text"]) in provenance.normalize(r["date_context"])
        # and it has our English gloss, which is not the text's
        assert r["date_context_en"] and provenance.normalize(r["date_context_en"]) not in text[r["source_id"]]
    assert reference.date_text.isna().all() and reference.date_reference.str.contains(";").all()
    assert stated.date_reference.isna().all()
    # a stated date that does not give itself whole (a month without its year, 이튿날) quotes the sentence it
    # leans on, verbatim, with its gloss; a whole one quotes none
    for r in stated.to_dict("records"):
        leans = calendar.partial(r["date_text"], r["precision"])
        assert bool(r["date_context"]) is leans, (r["event_id"], r["date_text"])
        if leans:
            assert provenance.normalize(r["date_context"]) in text[r["source_id"]], r["event_id"]
            assert r["date_context_en"], r["event_id"]
    assert stated.date_context.notna().sum() == 14
    # the periods a teacher looks for are there, each with its basis
    keys = set(ev[ev.date_basis != "stated"].event_key)
    assert {"civil_war_period", "war_communism", "foreign_intervention", "cold_war"} <= keys
    assert {"napoleon_defeated_1812", "russo_japanese_war_1904", "famine_1932", "famine_1921"} <= keys


def test_the_four_headline_figures_are_there_and_honestly_bounded(dataset):
    f = dataset.figures.set_index("figure_id")
    q = lambda s: f[f.quote.str.contains(s, regex=False)]
    workers = q("40만 명")
    assert {400000.0, 2400000.0} <= set(f[f.group == "petrograd_1917"].value)
    assert len(workers) >= 1
    ca = f[f.group == "constituent_assembly"]
    bolsheviks = ca[ca.value == 25]
    right_srs = ca[ca.value == 55]
    assert list(bolsheviks.qualifier) == ["less_than"] and bolsheviks.value_low.isna().all()
    assert list(right_srs.qualifier) == ["more_than"] and right_srs.value_high.isna().all()
    out = f[f.group == "industrial_output"]
    assert {13.0, 100.0} <= set(out.value)
    growth = f[f.group == "growth_1930s"]
    assert (growth.qualifier == "more_than").any() and (growth.value == 10).any()


def test_derived_share_is_computed_from_the_stated_rows(dataset):
    f = dataset.figures.set_index("figure_id")
    derived = f[f.kind == "derived"]
    assert len(derived) >= 1
    share = derived[derived.group == "petrograd_1917"].iloc[0]
    assert share.value == pytest.approx(round(100 * 400000 / 2400000, 1))
    assert "×" in share.derivation and share.qualifier == "exact"
    assert (f[f.kind == "stated"].index.str.match(r"F[HM]")).all()


def test_every_linked_person_and_place_name_occurs_in_a_seed(dataset):
    text = provenance.normalize("".join(dataset.seeds.values()))
    for frame in (dataset.people, dataset.places):
        for rec in frame.to_dict("records"):
            names = [rec["name_ko"]] + [
                a for a in str(rec["aliases_ko"] or "").split(";") if a and a != "<NA>"
            ]
            for name in names:
                assert provenance.normalize(name) in text, name


def test_every_era_and_group_is_used_and_groups_have_titles(dataset):
    assert set(dataset.figures.group) <= set(dataset.groups.group_id)
    assert set(dataset.groups.group_id) <= set(dataset.figures.group)


def test_both_texts_share_event_keys(dataset):
    ev = dataset.events
    both = ev.groupby("event_key").source_id.nunique()
    shared = set(both[both == 2].index)
    assert {"october_revolution_1917", "february_revolution_1917"} <= shared


def _spans(table, source_id, seed):
    out = []
    for r in rows(table):
        if r["source_id"] == source_id:
            found = provenance.span(r["quote" if "quote" in r else "context"], seed)
            assert found, r
            out.append(found)
    return out


# every text in sources.csv, a teacher's added one too
@pytest.mark.parametrize("source_id", [r["source_id"] for r in rows("sources.csv")])
def test_completeness_ledger_every_number_in_a_seed_is_covered(source_id):
    # Every number with a unit and every year in the seed must fall inside the quote of a figure or an
    # event,
    # or inside an exclusion's context with a reason: a new number in a seed with no row fails here.
    src = next(r for r in rows("sources.csv") if r["source_id"] == source_id)
    seed = (SEEDS / src["file"]).read_text(encoding="utf-8")
    spans = _spans("figures.csv", source_id, seed) + _spans("events.csv", source_id, seed)
    spans += _spans("ledger_exclusions.csv", source_id, seed)
    flat = provenance.normalize(seed)
    missing = [f"{h.text} …{h.context(flat)}…" for h in ledger.uncovered(seed, spans)]
    assert missing == []
    assert len(ledger.hits(seed)) > 50  # the scan itself finds the numbers


def test_exclusions_give_a_reason_and_match_a_real_hit():
    for r in rows("ledger_exclusions.csv"):
        assert len(r["reason"]) > 5
        assert provenance.normalize(r["match"]) in provenance.normalize(r["context"]), r


@pytest.mark.parametrize("table", ["figures.csv", "events.csv"])
def test_every_note_is_written_in_both_languages(table):
    hangul = re.compile(r"[\uac00-\ud7a3]")
    for r in rows(table):
        assert bool(r["notes_ko"]) == bool(r["notes_en"]), r
        if r["notes_ko"]:
            assert hangul.search(r["notes_ko"]), r["notes_ko"]
            # English, save for the Korean words it quotes
            bare = re.sub(r"'[^']*'|포트르", "", re.sub(r"\([^)]*\)", "", r["notes_en"]))
            assert not hangul.search(bare), r["notes_en"]
