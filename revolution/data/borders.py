"""The base maps: border layers (GeoJSON) for the years they stand for, our names for their shapes, land
for the years no layer covers; each file checked, and every place given coordinates."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from revolution.data.errors import DataError
from revolution.data.table import LINE, records

TABLES = ("border_layers", "polities", "border_polities", "place_off_land", "place_polities")
LAND = "land"  # the descriptor's resource for the coastlines, drawn where no layer stands


@dataclass(frozen=True)
class Maps:
    layers: pd.DataFrame  # border_layers.csv, by from_year
    polities: pd.DataFrame
    border_polities: pd.DataFrame
    off_land: pd.DataFrame
    place_polities: pd.DataFrame  # each country the texts name, per layer: its polity, or why it has none
    shapes: dict  # layer_id -> [(source NAME or None, [ring, ...])], each ring [(lon, lat), ...]
    land: list  # [(None, [ring, ...])]
    sizes: dict  # file -> bytes, what a page carries for each layer

    def layer_for(self, years: tuple[int, int]) -> tuple[str | None, bool]:
        """The layer a window shows — the latest whose years hold the window's start — and whether the
        window reaches into another layer's years (or past every layer's) while showing it."""
        start, end = years
        chosen = self.layers[(self.layers.from_year <= start) & (start <= self.layers.to_year)]
        if chosen.empty:
            return None, bool(((self.layers.from_year <= end) & (self.layers.to_year >= start)).any())
        row = chosen.iloc[-1]
        return row.layer_id, end > row.to_year


def _feature_error(file: str, n: int | None, problem: str) -> DataError:
    return DataError(file, None, None if n is None else f"feature {n}", problem)


def read_geojson(path: Path, file: str) -> list:
    """A FeatureCollection of Polygons and MultiPolygons, as [(NAME, rings)]; a DataError naming the
    feature otherwise."""
    if not path.is_file():
        raise DataError(file, None, None, "the file is missing: rebuild it with tools/data/build_borders.py")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError(
            file, None, None, f"not valid JSON ({exc}); rebuild it with tools/data/build_borders.py"
        ) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not doc.get("features"):
        raise _feature_error(file, None, "not a GeoJSON FeatureCollection with features")
    out = []
    for n, feature in enumerate(doc["features"]):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        kind = (geometry or {}).get("type")
        if kind not in ("Polygon", "MultiPolygon"):
            raise _feature_error(file, n, f"its geometry is {kind!r}; only Polygon or MultiPolygon is drawn")
        polys = geometry.get("coordinates")
        polys = [polys] if kind == "Polygon" else polys
        rings = []
        try:
            for poly in polys:
                for ring in poly:
                    pts = [(float(x), float(y)) for x, y, *_ in ring]
                    rings.append(pts)
        except (TypeError, ValueError):
            raise _feature_error(file, n, "its coordinates are not [longitude, latitude] pairs") from None
        for pts in rings:
            if len(pts) < 4 or pts[0] != pts[-1]:
                raise _feature_error(file, n, "a ring is not closed (at least 4 points, the last the first)")
            bad = next(
                (
                    p
                    for p in pts
                    if not (math.isfinite(p[0]) and math.isfinite(p[1])) or abs(p[0]) > 180 or abs(p[1]) > 90
                ),
                None,
            )
            if bad:
                raise _feature_error(file, n, f"the point {bad} is not a longitude/latitude in degrees")
        out.append(((feature.get("properties") or {}).get("NAME"), rings))
    return out


def check_places(places: pd.DataFrame) -> None:
    """Every place has both coordinates, in range (the map draws every place the texts name)."""
    for rec in records(places):
        for col, limit in (("lat", 90), ("lon", 180)):
            value = rec[col]
            if value is None or pd.isna(value):
                raise DataError(
                    "places.csv",
                    rec[LINE],
                    col,
                    f"{rec['place_id']!r} has no {col}: give it in decimal degrees",
                )
            if abs(value) > limit:
                raise DataError("places.csv", rec[LINE], col, f"{value} is outside -{limit}..{limit} degrees")


def check_dates(layers: pd.DataFrame, events: pd.DataFrame, event_places: pd.DataFrame) -> None:
    """Layers' years in order and without overlap; and no event at a place falls in a gap between them
    (before the first and after the last, the map draws coastlines and says borders are not shown)."""
    prev = None
    for rec in records(layers.sort_values("from_year")):
        # a layer may stand for a few years before its own (world_1930 from 1923, when the Soviet Union
        # was founded): its notes say what it gets wrong there
        if not (rec["from_year"] <= rec["to_year"] and rec["year"] <= rec["to_year"]):
            raise DataError(
                "border_layers.csv",
                rec[LINE],
                "from_year",
                "a layer stands for the years from from_year to to_year, its own year among or before them: "
                "from_year <= to_year and year <= to_year",
            )
        if prev is not None and rec["from_year"] <= prev:
            raise DataError("border_layers.csv", rec[LINE], "from_year", "its years overlap another layer's")
        prev = rec["to_year"]
    covered = {y for lo, hi in zip(layers.from_year, layers.to_year) for y in range(lo, hi + 1)}
    first, last = int(layers.from_year.min()), int(layers.to_year.max())
    located = events[events.event_id.isin(event_places.event_id)]
    for rec in records(located):
        year = int(str(rec["start_gregorian"])[:4])
        if first <= year <= last and year not in covered:
            raise DataError(
                "events.csv",
                rec[LINE],
                "start",
                f"{rec['event_id']} happens at a place in {year}, which no border layer covers "
                f"(border_layers.csv): add a layer for {year} or widen a neighbour's years",
            )


def check_place_polities(
    places: pd.DataFrame, layers: pd.DataFrame, border_polities: pd.DataFrame, rows: pd.DataFrame
) -> None:
    """Every place of kind country has a row for every layer: the polity it is drawn as, which the layer
    must draw (border_polities.csv), or why it has none, in both languages; no other place has one."""
    file = "place_polities.csv"
    countries = set(places[places.kind == "country"].place_id)
    drawn = set(zip(border_polities.layer_id, border_polities.polity_id))
    for rec in records(rows):
        if rec["place_id"] not in countries:
            problem = f"{rec['place_id']!r} is not a place of kind country"
            raise DataError(file, rec[LINE], "place_id", problem)
        polity = rec["polity_id"]
        if isinstance(polity, str):
            if (rec["layer_id"], polity) not in drawn:
                raise DataError(
                    file,
                    rec[LINE],
                    "polity_id",
                    f"{rec['place_id']} is drawn as {polity!r} in {rec['layer_id']}, which has no shape "
                    "there (border_polities.csv): map a shape to it, or leave it empty and say why",
                )
            continue
        for col in ("reason_ko", "reason_en"):
            if not isinstance(rec[col], str) or not rec[col].strip():
                raise DataError(
                    file,
                    rec[LINE],
                    col,
                    f"{rec['place_id']} has no polity in {rec['layer_id']}: say why, in both languages",
                )
    have = set(zip(rows.place_id, rows.layer_id))
    for place in sorted(countries):
        for layer in layers.layer_id:
            if (place, layer) not in have:
                raise DataError(
                    file,
                    None,
                    "layer_id",
                    f"the country {place!r} has no row for {layer}: give the polity it is drawn as there, "
                    "or leave polity_id empty and say why it has no shape",
                )


def build(data_dir: Path, package: dict, tables: dict) -> Maps:
    """The maps from the tables already read (and removed from `tables`) and the files they name."""
    layers = tables.pop("border_layers")
    check_places(tables["places"])
    check_dates(layers, tables["events"], tables["event_places"])
    shapes, sizes = {}, {}
    for rec in records(layers):
        path = data_dir / rec["path"]
        shapes[rec["layer_id"]] = read_geojson(path, rec["path"])
        sizes[rec["path"]] = path.stat().st_size
    land_res = next((r for r in package["resources"] if r.get("name") == LAND), None)
    if land_res is None:
        raise DataError("datapackage.json", None, None, f"the descriptor has no resource {LAND!r}")
    land = read_geojson(data_dir / land_res["path"], land_res["path"])
    sizes[land_res["path"]] = (data_dir / land_res["path"]).stat().st_size
    check_place_polities(tables["places"], layers, tables["border_polities"], tables["place_polities"])
    drop = [LINE]
    return Maps(
        layers.drop(columns=drop).sort_values("from_year").reset_index(drop=True),
        tables.pop("polities").drop(columns=drop),
        tables.pop("border_polities").drop(columns=drop),
        tables.pop("place_off_land").drop(columns=drop),
        tables.pop("place_polities").drop(columns=drop),
        shapes,
        land,
        sizes,
    )


def simplify(points: list, tol: float) -> list:
    """Douglas–Peucker on an open line (iterative, so a long coast does not hit the recursion limit)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, where = -1.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else math.hypot(px - x1, py - y1)
            if d > best:
                best, where = d, i
        if where is not None and best > tol:
            keep[where] = True
            stack += [(a, where), (where, b)]
    return [p for p, k in zip(points, keep) if k]
