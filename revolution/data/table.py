"""Read one CSV and check it against its Frictionless Table Schema, naming file, row and column on failure."""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

from revolution.data.errors import DataError

# Row numbers count the header as row 1, as a spreadsheet shows them.
LINE = "_row"


def _decode(raw: bytes, name: str) -> str:
    if not raw.strip():
        raise DataError(name, None, None, "the file is empty (it needs at least a header row)")
    if raw.startswith(b"\xef\xbb\xbf"):  # a BOM, as Excel writes it: harmless, so accepted
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            name, row, None, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None


def _convert(value: str, field: dict, name: str, row: int):
    """One cell, typed and checked against its field's constraints; None when empty."""
    col, kind = field["name"], field.get("type", "string")
    cons = field.get("constraints", {})
    if value.strip() == "":
        if cons.get("required"):
            raise DataError(name, row, col, "a value is required here")
        return None
    if value != value.strip():
        raise DataError(name, row, col, f"{value!r} has leading or trailing spaces")
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise DataError(name, row, col, f"{value!r} is not a whole number")
        out: object = int(value)
    elif kind == "number":
        try:
            out = float(value)
        except ValueError:
            raise DataError(name, row, col, f"{value!r} is not a number") from None
        if not math.isfinite(out):
            raise DataError(name, row, col, f"{value!r} is not a finite number")
    else:
        out = value
    if "enum" in cons and out not in cons["enum"]:
        allowed = ", ".join(map(str, cons["enum"]))
        raise DataError(name, row, col, f"{value!r} is not one of the allowed values ({allowed})")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
        raise DataError(name, row, col, f"{value!r} does not have the expected form ({cons['pattern']})")
    if "minimum" in cons and out < cons["minimum"]:
        raise DataError(name, row, col, f"{value!r} is below the minimum {cons['minimum']}")
    if "maximum" in cons and out > cons["maximum"]:
        raise DataError(name, row, col, f"{value!r} is above the maximum {cons['maximum']}")
    if "maxLength" in cons and len(value) > cons["maxLength"]:
        raise DataError(
            name, row, col, f"the text is {len(value)} characters long, more than {cons['maxLength']}"
        )
    return out


def _dtype(field: dict) -> str:
    return {"integer": "Int64", "number": "float64"}.get(field.get("type", "string"), "string")


def read_table(path: Path, schema: dict, name: str | None = None) -> pd.DataFrame:
    """The table as typed columns (plus `_row`, its row number), or a DataError for the first problem."""
    name = name or path.name
    if not path.is_file():
        raise DataError(name, None, None, "the file is missing")
    text = _decode(path.read_bytes(), name)
    fields = schema["fields"]
    by_name = {f["name"]: f for f in fields}
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise DataError(name, 1, None, f"the header cannot be read as CSV ({exc})") from None
    for col in header:
        if col not in by_name:
            raise DataError(name, 1, col, "unknown column: it is not in the schema (datapackage.json)")
    if len(set(header)) != len(header):
        dup = next(c for c in header if header.count(c) > 1)
        raise DataError(name, 1, dup, "the column appears twice in the header")
    for f in fields:
        if f["name"] not in header:
            raise DataError(name, 1, f["name"], "the column is missing from the header")
    # Column lists, not a dict per row: less memory.
    columns, lines, seen = {col: [] for col in header}, [], {}
    keys = schema.get("primaryKey", [])
    keys = [keys] if isinstance(keys, str) else keys
    unique = [f["name"] for f in fields if f.get("constraints", {}).get("unique")]
    checks = list(dict.fromkeys(([tuple(keys)] if keys else []) + [(u,) for u in unique]))
    row = 1
    try:
        for cells in reader:
            row = reader.line_num
            if not cells or all(c == "" for c in cells):
                continue  # a blank line carries nothing
            if len(cells) != len(header):
                raise DataError(
                    name,
                    row,
                    None,
                    f"the row has {len(cells)} cells but the header has {len(header)} "
                    "(a stray delimiter, or a comma in an unquoted value?)",
                )
            rec = {col: _convert(val, by_name[col], name, row) for col, val in zip(header, cells)}
            for cols in checks:
                key = (cols, tuple(rec[c] for c in cols))
                if all(v is None for v in key[1]):
                    continue  # an empty cell is no value, so no duplicate (as in Frictionless)
                if key in seen:
                    raise DataError(name, row, cols[0], f"{key[1][0]!r} is a duplicate of row {seen[key]}")
                seen[key] = row
            for col in header:
                columns[col].append(rec[col])
            lines.append(row)
    except csv.Error as exc:
        raise DataError(
            name, reader.line_num or row, None, f"the row cannot be read as CSV ({exc})"
        ) from None
    frame = pd.DataFrame({f["name"]: pd.Series(columns[f["name"]], dtype=_dtype(f)) for f in fields})
    return frame.assign(**{LINE: pd.Series(lines, dtype="int64")})


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows as dicts, column by column: `DataFrame.to_dict("records")` boxes every cell, ten times
    slower."""
    cols = list(frame.columns)
    # NA becomes None: NA is ambiguous in an `if`.
    lists = [[None if v is pd.NA else v for v in frame[c].tolist()] for c in cols]
    return [dict(zip(cols, values)) for values in zip(*lists)]
