"""`./dev add-text`: a teacher's own text checked, its rows proposed, reviewed and written in one step."""

import csv
import hashlib
import shutil

import pytest

import sitemap
from harness import recall, third_text
from harness.apptest import charts, run
from revolution import i18n
from revolution.data import ledger, paths, sources
from revolution.data.load import load_dataset
from revolution.data.provenance import normalize
from revolution.intake import files, propose, staging, write
from revolution.intake import review_table as rv
from tools import add_text

from .conftest import DATA, ROOT, SEEDS

FIXTURE = ROOT / "tests" / "fixtures" / "add_text"
TEXT = FIXTURE / "synthetic_textbook.txt"


def expected(name):
    with (FIXTURE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def tree_hash(*folders) -> str:
    """One digest of every file's path and bytes under the folders."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", ["expected_figures.csv", "expected_events.csv", "expected_exclusions.csv"])
def test_every_expected_row_is_anchored_once_in_the_synthetic_text(name):
    # recall is measured by where a proposal stands, so each anchor must name one place in the text
    flat = normalize(TEXT.read_text(encoding="utf-8"))
    rows = expected(name)
    assert rows
    assert [r["anchor"] for r in rows if flat.count(normalize(r["anchor"])) != 1] == []


# --- the file is checked before anything is written ----------------------------------------------------


def _bad(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


BAD = {
    "not_utf8": "러시아 혁명의 해, 1917년".encode("euc-kr"),
    "empty": b"  \n\n ",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "not_korean": b"The Russian Revolution of 1917 began in Petrograd in February, by the Old Style.",
}


@pytest.mark.parametrize("case", [*BAD, "duplicate", "too_large"])
def test_bad_input_is_refused_in_korean_and_english_and_nothing_is_written(tmp_path, dataset, case):
    if case == "duplicate":
        path = SEEDS / dataset.sources.file.iloc[0]
    elif case == "too_large":
        path = _bad(tmp_path, "big.txt", ("가" * (files.MAX_BYTES // 3 + 10)).encode("utf-8"))
    else:
        path = _bad(tmp_path, f"{case}.txt", BAD[case])
    review = tmp_path / "review"
    before = tree_hash(DATA, SEEDS)
    with pytest.raises(files.IntakeError) as err:
        staging.stage(path, {"source_id": "teacher"}, review, data=dataset)
    assert any("\uac00" <= ch <= "\ud7a3" for ch in err.value.ko)
    assert err.value.en.isascii() or not any("\uac00" <= ch <= "\ud7a3" for ch in err.value.en)
    assert not review.exists()
    assert tree_hash(DATA, SEEDS) == before


def test_the_size_limit_is_stated_in_the_refusal(tmp_path, dataset):
    path = _bad(tmp_path, "big.txt", ("가" * (files.MAX_BYTES // 3 + 10)).encode("utf-8"))
    with pytest.raises(files.IntakeError) as err:
        files.check_file(path)
    assert f"{files.MAX_BYTES:,}" in err.value.en and f"{files.MAX_BYTES:,}" in err.value.ko


def test_another_language_is_refused_even_when_asked_for(tmp_path):
    with pytest.raises(files.IntakeError, match="Only Korean"):
        files.check_file(TEXT, language="en")


# --- proposals -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def proposals():
    data = load_dataset(DATA, SEEDS)
    return propose.propose(TEXT.read_text(encoding="utf-8"), "textbook", data, recall.CONVENTION)


def test_every_ledger_hit_of_the_new_text_is_proposed_as_a_row_or_an_exclusion(proposals):
    # what every check of our two texts demands of a new one: no number with a unit, no year, left out
    assert propose.coverage(TEXT.read_text(encoding="utf-8"), proposals) == []


def test_figures_the_ledger_finds_are_proposed_with_value_qualifier_and_unit_from_the_korean(dataset):
    found = recall.synthetic(dataset)["figures"]
    flat = normalize(TEXT.read_text(encoding="utf-8"))

    hits = [h.start for h in ledger.hits(TEXT.read_text(encoding="utf-8"))]
    visible = [
        r
        for r in expected("expected_figures.csv")
        if any(
            flat.find(normalize(r["anchor"])) <= h < flat.find(normalize(r["anchor"])) + len(r["anchor"])
            for h in hits
        )
    ]
    missed = [w["anchor"] for w, *_ in found["misses"]]
    assert [r["anchor"] for r in visible if r["anchor"] in missed] == []
    assert found["rows"] == len(expected("expected_figures.csv"))


def test_a_stated_old_style_pair_and_the_word_guryeok_make_an_old_style_date_stated(proposals):
    by_text = {e["date_text"]: e for e in proposals["events"]}
    pair = next(e for t, e in by_text.items() if t.startswith("1917년 2월 23일"))
    assert (pair["calendar"], pair["calendar_basis"], pair["start_gregorian"]) == (
        "julian",
        "stated",
        "1917-03-08",
    )
    october = next(e for t, e in by_text.items() if t.startswith("10월 25일"))
    assert (october["calendar"], october["calendar_basis"], october["start"]) == (
        "julian",
        "stated",
        "1917-10-25",
    )
    # no event of its own for the New Style day in brackets
    assert not any(e["start"] == "1917-03-08" for e in proposals["events"])


def test_dates_the_text_does_not_date_take_the_convention_or_none(dataset):
    raw = TEXT.read_text(encoding="utf-8")
    russia = {e["date_text"]: e for e in propose.propose(raw, "t", dataset, "russia")["events"]}
    none = {e["date_text"]: e for e in propose.propose(raw, "t", dataset, "none")["events"]}
    assert (russia["2월 27일"]["calendar"], russia["2월 27일"]["calendar_basis"]) == ("julian", "convention")
    assert (russia["1918년 11월 11일"]["calendar"]) == "gregorian"  # after Russia's switch
    assert (none["2월 27일"]["calendar"], none["2월 27일"]["calendar_basis"]) == ("unspecified", "none")
    assert russia["1924년"]["calendar"] == "unspecified"  # a year is never read in a calendar


def test_events_join_an_existing_key_by_date_or_alias_and_new_ones_wait_for_a_translation(proposals, dataset):
    keys = set(dataset.event_keys.event_key)
    by_text = {e["date_text"]: e for e in proposals["events"]}
    october = next(e for t, e in by_text.items() if t.startswith("10월 25일"))
    assert october["event_key"] in keys and october["new_key"] == ""
    new = [e for e in proposals["events"] if e["new_key"]]
    assert new and all(e["event_key"] not in keys for e in new)
    assert all(e["title_en"] == "" and e["translate"] == propose.TO_TRANSLATE for e in proposals["events"])


def test_known_people_and_places_are_linked_the_longest_name_first_and_new_names_are_candidates(proposals):
    linked = {e["date_text"]: (e["people"], e["places"]) for e in proposals["events"]}
    assert "nicholas_ii" in linked["3월 2일"][0]
    # '레닌그라드' is a name Petrograd bore (place_names.csv), not Lenin
    assert linked["1924년"] == ("", "st_petersburg")
    known = {r["name"] for r in expected("expected_names.csv") if r["known_id"]}
    new = {n["name_ko"] for n in proposals["names"]}
    assert new and not new & known


def test_a_month_before_revolution_is_a_name_not_a_date(dataset):
    out = propose.propose(
        "10월 혁명은 세계를 흔들었다. 1917년 4월에 레닌이 돌아왔다.", "t", dataset, "russia"
    )
    assert [x["match"] for x in out["exclusions"]] == ["10월"]
    assert [e["start"] for e in out["events"]] == ["1917-04"]


# --- --propose-only writes its folder and nothing else --------------------------------------------------


def test_propose_only_writes_only_into_out(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.REVIEW_ENV, str(tmp_path / "review"))
    before = tree_hash(DATA, SEEDS)
    out = tmp_path / "out"
    argv = [str(TEXT), "--id", "textbook", "--propose-only", "--out", str(out), "--no-input"]
    assert add_text.main(argv + ["--calendar-convention", "russia"]) == 0
    assert tree_hash(DATA, SEEDS) == before
    assert not (tmp_path / "review").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [staging.MANIFEST] + [name for _, name in staging.TABLES.values()]
    )
    with (out / "proposed_figures.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    with (DATA / "figures.csv").open(encoding="utf-8") as fh:
        columns = next(csv.reader(fh))
    assert header[: len(columns)] == columns and {"status", "reason"} <= set(header)


def test_propose_only_needs_out(capsys):
    assert add_text.main([str(TEXT), "--propose-only", "--no-input"]) == 2


# --- review, validation and the one write -----------------------------------------------------------------


@pytest.fixture
def copy(tmp_path):
    data_dir, seeds_dir = tmp_path / "data", tmp_path / "seeds"
    shutil.copytree(DATA, data_dir)
    shutil.copytree(SEEDS, seeds_dir)
    return tmp_path, data_dir, seeds_dir


def test_nothing_is_written_while_a_proposal_is_undecided(copy):
    root, data_dir, seeds_dir = copy
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    before = tree_hash(data_dir, seeds_dir)
    with pytest.raises(files.IntakeError, match="not yet decided"):
        write.write(review, data_dir, seeds_dir)
    assert tree_hash(data_dir, seeds_dir) == before


@pytest.mark.parametrize(
    "edit, problem",
    [
        (lambda p: p["figures"][0].update(value="스무 만"), "is not a number"),
        (lambda p: p["figures"][0].update(quote="원문에 없는 문장"), "does not occur in the seed"),
        (lambda p: p["events"][0].update(start="1917-02-30"), "start"),
        (lambda p: p["events"][0].update(title_en=""), "title_en"),
    ],
    ids=["value", "quote", "date", "no_english"],
)
def test_a_proposal_edited_into_an_invalid_row_is_refused_and_nothing_is_written(copy, edit, problem):
    root, data_dir, seeds_dir = copy
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, third_text.glosses())
    edit(review.proposals)
    before = tree_hash(data_dir, seeds_dir)
    with pytest.raises(files.IntakeError) as err:
        write.write(review, data_dir, seeds_dir)
    assert problem in err.value.en and "아무것도 쓰지 않았습니다" in err.value.ko
    assert tree_hash(data_dir, seeds_dir) == before
    assert not list(review.folder.glob("backup-*"))


def test_a_rejected_number_goes_to_the_exclusions_with_its_reason(copy):
    root, data_dir, seeds_dir = copy
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, third_text.glosses())
    # the comparison's year ('1917년 수준의') is proposed as an exclusion, not an event
    assert not any(e["date_text"] == "1917년" for e in review.proposals["events"])
    assert any(x["match"] == "1917년" for x in review.proposals["exclusions"])
    year = next(e for e in review.proposals["events"] if e["date_text"] == "1918년 여름")
    year.update(status="rejected", reason="the time of a figure, not an event")
    write.write(review, data_dir, seeds_dir)
    rows = files.read_csv(data_dir / "ledger_exclusions.csv")
    assert {
        "source_id": "textbook",
        "context": year["quote"],
        "match": "1918년 여름",
        "reason": "the time of a figure, not an event",
    } in rows
    assert year["event_id"] not in {r["event_id"] for r in files.read_csv(data_dir / "events.csv")}


def test_accept_all_then_write_adds_the_text_in_one_step_keeping_every_old_byte(copy):
    root, data_dir, seeds_dir = copy
    old = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, third_text.glosses())
    backup = write.write(review, data_dir, seeds_dir)
    data = load_dataset(data_dir, seeds_dir)
    assert list(data.sources.source_id) == ["history", "manifesto", "textbook"]
    assert (seeds_dir / "textbook.txt").read_bytes() == TEXT.read_bytes()
    assert len(data.events[data.events.source_id == "textbook"]) == len(review.proposals["events"])
    assert len(data.figures[data.figures.source_id == "textbook"]) == len(review.proposals["figures"])
    changed = {p.name for p in data_dir.glob("*.csv") if p.read_bytes() != old[p.name]}
    for name in changed:  # appended, never rewritten: every old byte stays where it was
        assert (data_dir / name).read_bytes().startswith(old[name]), name
        assert (backup / name).read_bytes() == old[name]
    assert "sources.csv" in changed and "events.csv" in changed
    write.check_ledger(data, "textbook")  # the completeness ledger holds for the new text
    assert not list(data_dir.glob(".*"))  # no temporary file left beside the data


def test_review_tables_go_back_into_the_proposals_and_an_edit_is_marked(proposals):
    rows = staging.accept_all(proposals)["figures"]
    table = rv.frame(rows, "figures")
    table.loc[0, "value"] = "210000"
    merged = rv.merged(rows, table)
    assert merged[0]["value"] == "210000" and merged[0]["status"] == "edited"
    assert merged[1]["status"] == "accepted" and merged[1]["figure_id"] == rows[1]["figure_id"]


# --- vocabularies and editing mode ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_kind_of_text_has_a_label_in_both_languages(lang):
    assert [k for k in sources.KINDS if not i18n.t(f"source_kind_{k}", lang)] == []
    assert {"textbook", "encyclopedia", "newspaper", "other"} <= set(sources.KINDS)


def test_the_review_page_exists_only_in_editing_mode(monkeypatch):
    monkeypatch.delenv(paths.EDIT_ENV, raising=False)
    assert "pages/review.py" not in [p.file for p in sitemap.pages(paths.editing())]
    monkeypatch.setenv(paths.EDIT_ENV, "1")
    assert "pages/review.py" in [p.file for p in sitemap.pages(paths.editing())]
    monkeypatch.setenv(paths.EDIT_ENV, "true")  # only "1" turns it on: nothing is on by a guess
    assert not paths.editing()


def test_nothing_shared_turns_editing_on():
    # the production settings and the dashboard's own config never name it; only ./dev run --edit sets it
    for path in [*(ROOT / "deploy").rglob("*"), *(ROOT / ".streamlit").glob("*")]:
        if path.is_file():
            assert paths.EDIT_ENV not in path.read_text(encoding="utf-8", errors="ignore"), path
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert "export REVOLUTION_EDIT=1" in dev and "unset REVOLUTION_EDIT" in dev


def test_the_review_page_in_apptest_both_ways(monkeypatch, copy, dataset):
    root, data_dir, seeds_dir = copy
    staging.stage(TEXT, dict(third_text.META), root / "review", data=dataset, convention=recall.CONVENTION)
    for key, value in (
        (paths.REVIEW_ENV, root / "review"),
        (paths.DATA_ENV, data_dir),
        (paths.SEEDS_ENV, seeds_dir),
    ):
        monkeypatch.setenv(key, str(value))
    monkeypatch.delenv(paths.EDIT_ENV, raising=False)
    with pytest.raises(ValueError, match="Could not find a navigation page"):  # not offered at all
        run("pages/review.py")
    monkeypatch.setenv(paths.EDIT_ENV, "1")
    at = run("pages/review.py")
    assert at.title[0].value == i18n.t("page_review", "ko")
    staged = staging.open_review(root / "review" / "textbook").proposals
    assert any(f"수치 {len(staged['figures'])}개" in c.value for c in at.caption)
    at.button(key="review_accept_all").click().run()
    assert any("정하지 않은 것 0개" in c.value for c in at.caption)
    # accepted, but no English written yet: the loader refuses, the page says so, and nothing is written
    before = tree_hash(data_dir, seeds_dir)
    at.button(key="review_write").click().run()
    assert "quote_en" in at.error[0].value and "아무것도 쓰지 않았습니다" in at.error[0].value
    assert tree_hash(data_dir, seeds_dir) == before


# --- the dashboard with three texts ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    return third_text.build(tmp_path_factory.mktemp("three"))


@pytest.mark.parametrize("page", [p.file for p in sitemap.PAGES])
def test_every_page_runs_with_three_texts(three, monkeypatch, page):
    data_dir, seeds_dir = three
    monkeypatch.setenv(paths.DATA_ENV, str(data_dir))
    monkeypatch.setenv(paths.SEEDS_ENV, str(seeds_dir))
    at = run(page)
    data = load_dataset(data_dir, seeds_dir)
    if page == "pages/figures.py":  # the new text's groups are drawn beside ours
        assert len(charts(at)) == data.groups.group_id.isin(data.figures.group).sum()
    if page == "pages/overview.py":
        metrics = {m.label: m.value for m in at.metric}
        assert metrics[i18n.t("n_events", "ko")] == str(len(data.events))
    shown = " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])
    assert "None" not in shown.split() and "nan" not in shown.split()


def test_the_reader_marks_every_row_of_the_third_text_in_place(three):
    from revolution.views import reading

    data = load_dataset(*three)
    doc = reading.build(data, "textbook", "ko")
    kinds = [m.kind for m in doc.marks]
    mine = data.events.source_id == "textbook"
    assert kinds.count("event") == int(mine.sum())
    assert kinds.count("figure") == int((data.figures.source_id == "textbook").sum())
    assert kinds.count("excluded") == int((data.ledger_exclusions.source_id == "textbook").sum())
    markup = reading.render(doc, reading.KINDS, None)
    for event_id in data.events[mine].event_id:
        assert markup.count(f'id="m-{reading.safe_id(event_id)}"') == 1, event_id


def test_the_next_day_and_that_day_are_dated_by_the_day_named_before_them(proposals, dataset):
    by_text = {e["date_text"]: e for e in proposals["events"]}
    assert (by_text["이튿날"]["start"], by_text["이튿날"]["calendar"]) == ("1917-02-24", "julian")
    assert by_text["이날"]["start"] == "1917-10-25"
    # a pair in brackets picks the year it fits, not the caption's year just before it
    out = propose.propose(
        "1918년 10월 포스터. 1917년 2월에 시작되었다. 10월 25일(11월 7일)에 봉기했다.", "t", dataset
    )
    (oct25,) = [e for e in out["events"] if e["date_text"].startswith("10월 25일")]
    assert (oct25["start"], oct25["calendar"], oct25["calendar_basis"]) == ("1917-10-25", "julian", "stated")


def test_an_edited_date_has_its_new_style_dates_and_era_computed_again(copy):
    root, data_dir, seeds_dir = copy
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, third_text.glosses())
    event = next(e for e in review.proposals["events"] if e["date_text"] == "1924년")
    event.update(start="1924-01", end="1924-01", precision="month", status="edited")  # the editor knows more
    write.write(review, data_dir, seeds_dir)
    row = next(r for r in files.read_csv(data_dir / "events.csv") if r["event_id"] == event["event_id"])
    assert (row["start_gregorian"], row["end_gregorian"]) == ("1924-01-01", "1924-01-31")


def test_a_flag_left_out_is_asked_for_at_a_terminal(tmp_path, monkeypatch):
    answers = iter(["teacher_text", "내 단원", "", "2026-03", "textbook"])  # id, title, author, date, kind
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda q: asked.append(q) or next(answers))
    out = tmp_path / "out"
    assert add_text.main([str(TEXT), "--propose-only", "--out", str(out)]) == 0
    (row,) = files.read_csv(out / staging.MANIFEST)
    assert (row["source_id"], row["title_ko"], row["author_ko"], row["date"], row["kind"]) == (
        "teacher_text",
        "내 단원",
        "미상",  # an empty answer takes the default shown in brackets
        "2026-03",
        "textbook",
    )
    assert len(asked) == 5 and all("/" in q for q in asked)  # each question in Korean and English


# --- the review a teacher can finish, and a text taken out again ------------------------------------------


def test_a_file_already_staged_is_refused_like_one_already_written(tmp_path, dataset):
    root = tmp_path / "review"
    staging.stage(TEXT, {"source_id": "first"}, root, data=dataset)
    before = tree_hash(root)
    with pytest.raises(files.IntakeError) as err:
        staging.stage(TEXT, {"source_id": "second"}, root, data=dataset)
    assert "SHA-256" in err.value.en and "SHA-256" in err.value.ko
    assert tree_hash(root) == before and not (root / "second").exists()


@pytest.mark.parametrize(
    "ident, ok", [("reed_1919", True), ("textbook", True), ("1919_reed", False), ("Reed", False)]
)
def test_a_texts_id_may_hold_digits_after_its_first_letter(ident, ok):
    meta = {"source_id": ident}
    if ok:
        assert files.manifest(b"x", "x.txt", meta)["source_id"] == ident
    else:
        with pytest.raises(files.IntakeError):
            files.manifest(b"x", "x.txt", meta)
    # the schema says the same as the check
    import json
    import re

    schema = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    sources_schema = next(r for r in schema["resources"] if r["name"] == "sources")["schema"]
    pattern = next(f for f in sources_schema["fields"] if f["name"] == "source_id")["constraints"]["pattern"]
    assert bool(re.fullmatch(pattern, ident)) is ok


def test_a_row_the_reader_missed_is_added_from_a_span_and_saved_with_the_review(tmp_path, dataset):
    review = staging.stage(
        TEXT, dict(third_text.META), tmp_path / "review", data=dataset, convention="russia"
    )
    n = len(review.proposals["figures"])
    with pytest.raises(files.IntakeError, match="not in the text"):
        staging.add_from_span(review, "figures", "달나라에 간 100명", data=dataset)
    with pytest.raises(files.IntakeError, match="why"):
        staging.add_from_span(review, "exclusions", "1924년", data=dataset)
    added = staging.add_from_span(review, "figures", "약 43%로", data=dataset, convention="russia")
    assert (added["value"], added["qualifier"], added["unit"], added["status"]) == (
        43,
        "approx",
        "percent",
        "edited",
    )
    excluded = staging.add_from_span(review, "exclusions", "1924년", "a renaming, kept as text", data=dataset)
    assert excluded["reason"] == "a renaming, kept as text"
    saved = staging.open_review(review.folder).proposals
    assert (
        len(saved["figures"]) == n + 1
        and saved["figures"][-1]["figure_id"] != saved["figures"][0]["figure_id"]
    )
    assert saved["exclusions"][-1]["reason"] == "a renaming, kept as text"


def test_a_text_added_then_taken_out_leaves_every_file_as_it_was(copy):
    root, data_dir, seeds_dir = copy
    before = tree_hash(data_dir, seeds_dir)
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, third_text.glosses())
    write.write(review, data_dir, seeds_dir)
    assert tree_hash(data_dir, seeds_dir) != before
    backup = write.remove_text("textbook", data_dir, seeds_dir, root / "backups")
    assert tree_hash(data_dir, seeds_dir) == before
    assert (backup / "sources.csv").is_file() and (backup / "synthetic_textbook.txt").is_file() is False
    assert any(p.suffix == ".txt" for p in backup.iterdir())  # the seed it removed is in the backup
    with pytest.raises(files.IntakeError):
        write.remove_text("textbook", data_dir, seeds_dir, root / "backups")


def test_taking_out_one_of_our_texts_changes_only_its_own_rows(copy):
    root, data_dir, seeds_dir = copy
    changes = write.removal("manifesto", data_dir, seeds_dir)
    events = next(v for k, v in changes.items() if k.name == "events.csv").decode("utf-8")
    assert ",manifesto," not in events and ",history," in events
    assert changes[seeds_dir / "manifesto_icc_2017.txt"] is None
    keys = next(v for k, v in changes.items() if k.name == "event_keys.csv").decode("utf-8")
    # a key the history text also tells stays
    assert "october_revolution_1917" in keys


def test_a_refused_write_names_the_numbers_as_the_text_writes_them(copy):
    root, data_dir, seeds_dir = copy
    review = third_text.staged(root, load_dataset(data_dir, seeds_dir))
    review.proposals = staging.accept_all(review.proposals, third_text.glosses())
    review.proposals["figures"] = [f for f in review.proposals["figures"] if f["value"] != 43]
    with pytest.raises(files.IntakeError) as err:
        write.write(review, data_dir, seeds_dir)
    assert "전쟁 전의 약 43%로" in err.value.en  # with its spaces, not '전쟁전의약43%로'


@pytest.mark.parametrize("source_id", ["history", "manifesto"])
def test_no_date_is_proposed_as_the_texts_own_beyond_what_its_words_give(dataset, source_id):
    from revolution.data import calendar

    out = propose.propose(dataset.seeds[source_id], source_id, dataset, recall.CONVENTION)
    told = [e for e in out["events"] if e["date_basis"] == "context"]
    for e in out["events"]:
        if e["date_basis"] == "context":
            # the sentence gives no date: the date's words are in the sentence it was taken from, never in
            # the quote, and the reason says it was taken from the narrative
            assert normalize(e["date_text"]) in normalize(e["date_context"])
            assert normalize(e["date_context"]) in normalize(dataset.seeds[source_id])
            assert normalize(e["date_text"]) not in normalize(e["sentence"])
            assert "as context" in e["reason"] and e["precision"] != "day"
            continue
        assert e["date_basis"] == "stated" and normalize(e["date_text"]) in normalize(e["quote"])
        # a date whose words do not give it whole quotes the sentence it leans on, taken from the text
        if calendar.partial(e["date_text"], e["precision"]):
            assert e["date_context"] and normalize(e["date_context"]) in normalize(dataset.seeds[source_id])
    assert source_id != "history" or told  # the history text's dateless happenings are proposed
