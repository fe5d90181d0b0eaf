"""Rebuild data/world_YEAR.geojson (each year of LAYERS) and land.geojson from the upstream layers: clipped
to the places' part of the world, simplified, rounded, properties cut to the source's NAME (our polities.csv
names what is shown).

Run once, offline, from the upstream files (nothing here downloads anything):

    python -m tools.data.build_borders --historical PATH/geojson [--land PATH/ne_50m_land.json]

(as a module from the repository's root: its Douglas–Peucker is revolution.data.borders.simplify, which the
map also uses to draw the shapes at a plot's scale)

`--historical` is the folder of historical-basemaps' world_YEAR.geojson files (A. Ourednik, GPL-3.0);
`--land` Natural Earth's 1:50m land polygons (public domain), as GeoJSON.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from revolution.data.borders import simplify

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data"
# Every place of places.csv lies within it (Cuba at 80° W, Japan at 138° E, Vietnam at 16° N), with a
# margin; the rest of the world is never drawn.
BOX = (-130.0, 5.0, 180.0, 78.0)  # west, south, east, north
TOLERANCE = 0.12  # degrees (about 13 km): a border's shape at a page's scale, a tenth of the upstream bytes
DIGITS = 2  # about a kilometre
MIN_AREA = 0.05  # square degrees: smaller islands and slivers are dropped
LAYERS = (1914, 1920, 1930, 1938, 1945, 1960, 1994)  # border_layers.csv says which years each stands for


def _clip(ring: list, edge: int, value: float, keep_greater: bool) -> list:
    """One side of the box (Sutherland–Hodgman): the ring's part on the kept side of x or y = value."""
    out = []
    if not ring:
        return out
    inside = (lambda p: p[edge] >= value) if keep_greater else (lambda p: p[edge] <= value)
    prev = ring[-1]
    for cur in ring:
        if inside(cur) != inside(prev):
            t = (value - prev[edge]) / (cur[edge] - prev[edge])
            cut = [prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])]
            out.append(cut)
        if inside(cur):
            out.append(cur)
        prev = cur
    return out


def clip(ring: list) -> list:
    west, south, east, north = BOX
    for edge, value, greater in ((0, west, True), (0, east, False), (1, south, True), (1, north, False)):
        ring = _clip(ring, edge, value, greater)
    return ring


def area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def ring_out(ring: list) -> list | None:
    ring = clip([list(p[:2]) for p in ring])
    if len(ring) < 3 or area(ring) < MIN_AREA:
        return None
    # split the closed ring at its farthest point, so both halves simplify as open lines
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    line = simplify(ring[: far + 1], TOLERANCE)[:-1] + simplify(ring[far:] + ring[:1], TOLERANCE)
    line = [[round(x, DIGITS), round(y, DIGITS)] for x, y in line]
    line = [p for i, p in enumerate(line) if i == 0 or p != line[i - 1]]
    if len(line) < 4 or area(line) < MIN_AREA:
        return None
    return line if line[0] == line[-1] else line + [line[0]]


def polygons(geometry: dict) -> list:
    if geometry is None:
        return []
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out = []
    for poly in polys:
        outer = ring_out(poly[0]) if poly else None
        if outer:  # the holes of a dropped outer ring go with it
            out.append([outer] + [r for r in (ring_out(h) for h in poly[1:]) if r])
    return out


def layer(features: list, keep: tuple[str, ...]) -> dict:
    out = []
    for feature in features:
        polys = polygons(feature.get("geometry"))
        if polys:
            props = {k: feature["properties"].get(k) for k in keep}
            out.append(
                {
                    "type": "Feature",
                    "properties": props,
                    "geometry": {"type": "MultiPolygon", "coordinates": polys},
                }
            )
    return {"type": "FeatureCollection", "features": out}


def write(name: str, collection: dict) -> None:
    path = OUT / name
    path.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{path.relative_to(ROOT)}: {len(collection['features'])} features, {path.stat().st_size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--historical", type=Path, required=True)
    parser.add_argument("--land", type=Path, help="also rebuild land.geojson from this file")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for year in LAYERS:
        source = json.loads((args.historical / f"world_{year}.geojson").read_text(encoding="utf-8"))
        write(f"world_{year}.geojson", layer(source["features"], ("NAME",)))
    if args.land:
        land = json.loads(args.land.read_text(encoding="utf-8"))
        write("land.geojson", layer(land["features"], ()))


if __name__ == "__main__":
    main()
