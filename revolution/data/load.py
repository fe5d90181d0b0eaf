"""Load the data package: every table typed and checked, every quote found in its seed, or one clear
DataError."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from revolution.data import borders, calendar, paths, presets, provenance, qualifiers, sources
from revolution.data.computed import event_columns
from revolution.data.errors import DataError
from revolution.data.table import LINE, read_table, records

PACKAGE = "datapackage.json"
NOT_TABLES = ("seeds", "version", "maps")


@dataclass(frozen=True)
class Dataset:
    """The whole data package as typed frames; `figures` holds stated and derived rows (see `kind`)."""

    sources: pd.DataFrame
    groups: pd.DataFrame
    figures: pd.DataFrame
    eras: pd.DataFrame
    presets: pd.DataFrame  # the period presets (revolution.data.presets)
    people: pd.DataFrame
    places: pd.DataFrame
    place_names: pd.DataFrame
    event_keys: pd.DataFrame
    events: pd.DataFrame
    event_people: pd.DataFrame
    event_places: pd.DataFrame
    event_places_declined: pd.DataFrame  # a place named beside an event, not where it happened
    notes: pd.DataFrame
    ledger_exclusions: pd.DataFrame
    reference_values: pd.DataFrame
    maddison_ussr: pd.DataFrame
    reference_notes: pd.DataFrame
    seeds: dict  # source_id -> the seed's text
    # A digest of every byte the dataset was read from: what caches key on, equal across processes and
    # replicas for the same files, and different as soon as one byte changes (an object's id() is neither).
    version: str = ""
    maps: borders.Maps | None = None  # the base maps (revolution.data.borders), not a table

    def tables(self) -> dict[str, pd.DataFrame]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in NOT_TABLES}


def read_package(data_dir: Path) -> dict:
    path = data_dir / PACKAGE
    if not path.is_file():
        raise DataError(PACKAGE, None, None, f"the data package descriptor is missing from {data_dir}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(PACKAGE, None, None, f"not valid JSON ({exc})") from None


def _check_fields(package: dict) -> None:
    """A data package made for an older version of the dashboard lacks fields this version reads: say
    which."""
    own = read_package(paths.ROOT / "data")
    given = {
        r.get("name"): {f.get("name") for f in r.get("schema", {}).get("fields", [])}
        for r in package["resources"]
    }
    for res in own["resources"]:
        for field in res.get("schema", {}).get("fields", []):
            if field["name"] not in given.get(res["name"], set()):
                raise DataError(
                    PACKAGE,
                    None,
                    field["name"],
                    f"the schema of {res['path']} has no field "
                    f"{field['name']!r}, which this version of the dashboard needs",
                )


def _check_foreign_keys(tables: dict, package: dict) -> None:
    for res in package["resources"]:
        if res["name"] not in tables:
            continue
        frame = tables[res["name"]]
        for fk in res["schema"].get("foreignKeys", []):
            col, ref = fk["fields"], fk["reference"]
            known = set(tables[ref["resource"]][ref["fields"]].dropna())
            for value, row in zip(frame[col], frame[LINE]):
                if pd.notna(value) and value not in known:
                    raise DataError(
                        res["path"],
                        int(row),
                        col,
                        f"{value!r} is not a known {ref['fields']} in {ref['resource']}.csv",
                    )


def _read_seeds(sources: pd.DataFrame, seeds_dir: Path) -> dict:
    seeds = {}
    for rec in records(sources):
        path = seeds_dir / rec["file"]
        if not path.is_file():
            raise DataError(
                "sources.csv", rec[LINE], "file", f"the seed {rec['file']!r} is not in {seeds_dir}"
            )
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != rec["sha256"]:
            raise DataError(
                "sources.csv",
                rec[LINE],
                "sha256",
                f"the seed {rec['file']!r} does not match its checksum: "
                "it has been changed, and the seeds must stay byte for byte",
            )
        seeds[rec["source_id"]] = raw.decode("utf-8")
    return seeds


def _check_quotes(name: str, frame: pd.DataFrame, flat_seeds: dict) -> None:
    """Every row's quote occurs in its seed; `flat_seeds` are the seeds normalized once, not once per
    row."""
    for rec in records(frame):
        quote = provenance.normalize(rec["quote"])
        if not quote or quote not in flat_seeds[rec["source_id"]]:
            raise DataError(
                name,
                rec[LINE],
                "quote",
                f"the quote does not occur in the seed of {rec['source_id']!r} "
                "(white space aside): every row must carry its verbatim sentence",
            )


# A citation of a standard chronology: a source and its locator, "source; locator".
CITATION = re.compile(r"\S.{3,}?;\s*\S.{1,}")


def _check_date_basis(rec: dict, flat_seeds: dict) -> None:
    """The date's origin is honest: a stated date is in its sentence, a context date in a sentence of the
    same seed given verbatim, a reference date cited; the columns of the other bases stay empty."""
    row, basis = rec[LINE], rec["date_basis"]
    date_text, context, reference = rec["date_text"] or "", rec["date_context"], rec["date_reference"]
    if reference and basis != "reference":
        raise DataError(
            "events.csv",
            row,
            "date_reference",
            f"only a date_basis 'reference' row gives date_reference; this row's is {basis!r}",
        )
    if context and basis == "reference":
        raise DataError(
            "events.csv", row, "date_context", "a reference date leans on no sentence of the text"
        )
    if context and provenance.normalize(context) not in flat_seeds[rec["source_id"]]:
        raise DataError(
            "events.csv",
            row,
            "date_context",
            f"the context sentence does not occur in the seed of {rec['source_id']!r} "
            "(white space aside): it must be quoted verbatim from the same text",
        )
    if basis == "stated":
        if not date_text:
            raise DataError(
                "events.csv", row, "date_text", "a stated date needs the date as written (date_text)"
            )
        if provenance.normalize(date_text) not in provenance.normalize(rec["quote"]):
            raise DataError(
                "events.csv", row, "date_text", "the date as written does not occur inside the quote"
            )
        if context and not calendar.partial(date_text, rec["precision"]):
            raise DataError(
                "events.csv",
                row,
                "date_context",
                f"{date_text!r} gives itself whole: a stated date that names its year leans on no "
                "other sentence",
            )
        if calendar.partial(date_text, rec["precision"]) and not context:
            raise DataError(
                "events.csv",
                row,
                "date_context",
                f"{date_text!r} does not give its date whole (no year): date_context must quote the "
                "sentence it leans on",
            )
    elif basis == "context":
        flat = provenance.normalize(context or "")
        if not flat:
            raise DataError(
                "events.csv", row, "date_context", "a context date needs the sentence that gives it"
            )
        if date_text and provenance.normalize(date_text) not in flat:
            raise DataError(
                "events.csv", row, "date_text", "the date as written does not occur inside date_context"
            )
    else:
        if not reference or not CITATION.fullmatch(reference):
            raise DataError(
                "events.csv",
                row,
                "date_reference",
                "a reference date must cite its source and locator, as 'source; locator'",
            )
        if date_text:
            raise DataError(
                "events.csv",
                row,
                "date_text",
                "a reference date is not written in the text: leave date_text empty",
            )
    if bool(context) != bool(rec["date_context_en"]):
        raise DataError(
            "events.csv",
            row,
            "date_context_en",
            "date_context and its English gloss date_context_en are given together or not at all",
        )


def _check_dates(rec: dict) -> None:
    """Start, end, precision, extent and calendar say one thing: each date has the form its precision
    needs, the end is not before the start, a row whose start and end are the same is a point, and a
    calendar the text states is a date the text gives."""
    row = rec[LINE]
    for col in ("start", "end"):
        try:
            calendar.bounds(rec[col], rec["precision"], rec["calendar"])
        except ValueError as exc:
            raise DataError("events.csv", row, col, f"{exc}: it must agree with precision") from None
    if rec["start"] == rec["end"] and rec["extent"] == "period":
        raise DataError(
            "events.csv",
            row,
            "extent",
            f"start and end are the same {rec['precision']}: a period within it is drawn as a point in it "
            "(extent 'point'), never as a bar across the whole of it",
        )
    if rec["calendar_basis"] == "stated" and rec["date_basis"] == "reference":
        raise DataError(
            "events.csv",
            row,
            "calendar_basis",
            "a reference date is not the text's, so the text cannot state its calendar: use 'convention'",
        )
    if (rec["calendar"] == "unspecified") != (rec["calendar_basis"] == "none"):
        raise DataError(
            "events.csv",
            row,
            "calendar_basis",
            f"{rec['calendar_basis']!r} does not go with the "
            f"calendar {rec['calendar']!r}: 'none' is for an unspecified calendar, and only for it",
        )


def _check_events(events: pd.DataFrame, eras: pd.DataFrame, flat_seeds: dict) -> None:
    for rec in records(events):
        row = rec[LINE]
        _check_date_basis(rec, flat_seeds)
        _check_dates(rec)
        try:
            want = event_columns(rec, eras)
        except ValueError as exc:
            raise DataError("events.csv", row, "start", str(exc)) from None
        for col in ("start_gregorian", "end_gregorian"):
            if rec[col] != want[col]:
                raise DataError(
                    "events.csv",
                    row,
                    col,
                    f"{rec[col]!r} is not the computed New Style date "
                    f"{want[col]} (run `python -m revolution.data.fill` to recompute)",
                )
        if rec["era"] != want["era"]:
            raise DataError(
                "events.csv",
                row,
                "era",
                f"{rec['era']!r} does not hold the start year {rec['start'][:4]} (expected {want['era']!r})",
            )


def _check_eras(eras: pd.DataFrame) -> None:
    """Eras in order, none overlapping the next, only the first open at its start and the last at its
    end: so that every year has at most one era."""
    rows = records(eras.sort_values("start_year", na_position="first"))
    for n, rec in enumerate(rows):
        a, b = rec["start_year"], rec["end_year"]
        if a is not None and b is not None and a > b:
            raise DataError("eras.csv", rec[LINE], "start_year", f"the era starts ({a}) after it ends ({b})")
        if a is None and n > 0:
            raise DataError("eras.csv", rec[LINE], "start_year", "only one era can be open at its start")
        if b is None and n < len(rows) - 1:
            raise DataError("eras.csv", rec[LINE], "end_year", "only the last era can be open at its end")
        if n and rows[n - 1]["end_year"] is not None and a is not None and a <= rows[n - 1]["end_year"]:
            raise DataError(
                "eras.csv", rec[LINE], "start_year", f"the era starts in {a}, inside the era before it"
            )


def _check_notes_in_both_languages(name: str, frame: pd.DataFrame) -> None:
    """A note shows in the reader's language: one written in only one of them would leave the other
    interface silent, or show it in the wrong language."""
    for rec in records(frame):
        for have, lack in (("notes_ko", "notes_en"), ("notes_en", "notes_ko")):
            if rec[have] and not rec[lack]:
                raise DataError(name, rec[LINE], lack, f"the row has {have} but no {lack}: write both")


def _check_bounds(figures: pd.DataFrame) -> None:
    for rec in records(figures):
        for col in qualifiers.get(rec["qualifier"]).needs:
            if pd.isna(rec[col]):
                raise DataError("figures.csv", rec[LINE], col, f"a {rec['qualifier']} figure needs {col}")
        lo, hi = rec["value_low"], rec["value_high"]
        if pd.notna(lo) and pd.notna(hi) and lo > hi:
            raise DataError(
                "figures.csv", rec[LINE], "value_low", f"the lower bound {lo} is above the upper {hi}"
            )
        a, b = rec["period_start"], rec["period_end"]
        if pd.notna(a) and pd.notna(b) and a > b:
            raise DataError(
                "figures.csv", rec[LINE], "period_start", f"the period starts ({a}) after it ends ({b})"
            )


# How a derived share is computed from its two stated figures, by the `operation` derived.csv names.
OPERATIONS = {"percent_of": lambda numerator, denominator: 100 * numerator / denominator}
# The tables a source-critical note may be about.
NOTE_TARGETS = ("figures", "events", "sources")


def derive(figures: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Rows for shares the texts do not state, computed from the stated rows they name."""
    stated = figures.set_index("figure_id")
    rows = []
    for rec in records(derived):
        num, den = stated.loc[rec["numerator_id"]], stated.loc[rec["denominator_id"]]
        if num["qualifier"] != "exact" or den["qualifier"] != "exact" or den["value"] == 0:
            raise DataError(
                "derived.csv",
                rec[LINE],
                "numerator_id",
                "a share can only be derived from two exact, non-zero figures",
            )
        value = round(OPERATIONS[rec["operation"]](num["value"], den["value"]), 1)
        how = (
            f"{rec['numerator_id']} / {rec['denominator_id']} × 100 = "
            f"{num['value']:,.0f} / {den['value']:,.0f} × 100"
        )
        same_source = num["source_id"] == den["source_id"]
        rows.append(
            {
                "figure_id": rec["figure_id"],
                "source_id": num["source_id"] if same_source else pd.NA,
                "quote": num["quote"] if num["quote"] == den["quote"] else f"{num['quote']} … {den['quote']}",
                "quote_en": num["quote_en"]
                if num["quote"] == den["quote"]
                else f"{num['quote_en']} … {den['quote_en']}",
                "value": value,
                "value_low": value,
                "value_high": value,
                "qualifier": "exact",
                "unit": rec["unit"],
                "measure_ko": rec["measure_ko"],
                "measure_en": rec["measure_en"],
                "period_start": num["period_start"],
                "period_end": num["period_end"],
                "group": rec["group"],
                "notes_ko": f"파생값: {how}",
                "notes_en": f"derived: {how}",
                "kind": "derived",
                "derivation": how,
                LINE: rec[LINE],
            }
        )
    out = pd.concat([figures.assign(kind="stated", derivation=pd.NA), pd.DataFrame(rows)], ignore_index=True)
    return out.astype({"kind": "string", "derivation": "string"})


def load_dataset(data_dir: Path | None = None, seeds_dir: Path | None = None) -> Dataset:
    """Read, type and check every table of the package; raise DataError for the first problem found."""
    data_dir = Path(data_dir or paths.data_dir())
    seeds_dir = Path(seeds_dir or paths.seeds_dir())
    package = read_package(data_dir)
    names = [r.get("name") for r in package.get("resources", [])]
    for name in [f.name for f in fields(Dataset) if f.name not in NOT_TABLES] + ["derived", *borders.TABLES]:
        if name not in names:
            raise DataError(PACKAGE, None, None, f"the descriptor has no resource {name!r}")
    _check_fields(package)
    tables = {
        r["name"]: read_table(data_dir / r["path"], r["schema"], r["path"])
        for r in package["resources"]
        if "schema" in r  # the GeoJSON layers are read by revolution.data.borders
    }
    _check_foreign_keys(tables, package)
    sources.check(tables["sources"])
    seeds = _read_seeds(tables["sources"], seeds_dir)
    flat_seeds = {k: provenance.normalize(v) for k, v in seeds.items()}
    for name in ("figures", "events", "notes"):
        _check_quotes(f"{name}.csv", tables[name], flat_seeds)
    _check_bounds(tables["figures"])
    for name in ("figures", "events"):
        _check_notes_in_both_languages(f"{name}.csv", tables[name])
    _check_eras(tables["eras"])
    presets.check(tables["presets"], tables["eras"])
    _check_events(tables["events"], tables["eras"], flat_seeds)
    for rec in records(tables["notes"]):
        if rec["target_id"] not in set(tables[rec["target_table"]].iloc[:, 0]):
            raise DataError(
                "notes.csv",
                rec[LINE],
                "target_id",
                f"{rec['target_id']!r} is not in {rec['target_table']}.csv",
            )
    for rec in records(tables["ledger_exclusions"]):
        if provenance.normalize(rec["context"]) not in flat_seeds[rec["source_id"]]:
            raise DataError(
                "ledger_exclusions.csv", rec[LINE], "context", "the context does not occur in its seed"
            )
    stated = set(tables["figures"].figure_id)
    for rec in records(tables["reference_values"]):
        if (
            rec["figure_id"] not in stated
        ):  # the foreign key allows only stated figures; say so if one is derived
            raise DataError(
                "reference_values.csv", rec[LINE], "figure_id", "a reference must sit beside a stated figure"
            )
    maps = borders.build(data_dir, package, tables)
    tables["figures"] = derive(tables["figures"], tables.pop("derived"))
    tables["sources"] = sources.in_order(tables["sources"])  # every list and legend follows the data's order
    frames = {k: v.drop(columns=LINE) for k, v in tables.items()}
    return Dataset(**frames, seeds=seeds, version=version(data_dir, package, seeds), maps=maps)


def version(data_dir: Path, package: dict, seeds: dict) -> str:
    """The dataset's version: a short digest of the descriptor, every table it names and every seed."""
    digest = hashlib.sha256(json.dumps(package, sort_keys=True).encode("utf-8"))
    for res in package["resources"]:
        digest.update((data_dir / res["path"]).read_bytes())
    for source_id in sorted(seeds):
        digest.update(seeds[source_id].encode("utf-8"))
    return digest.hexdigest()[:16]
