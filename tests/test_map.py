"""The historical map: the layer a window shows, our names for its shapes, every place on land where its
events are shown (or the data says why), names as of the date, and broken map files named clearly."""

from __future__ import annotations

import json
import math
import re
from urllib.parse import unquote

import pytest

from revolution.data import mentions
from revolution.data.errors import DataError
from revolution.data.load import load_dataset
from revolution.exports import slides
from revolution.i18n import t
from revolution.views import map_labels, place_map

NAMES = {"history": "H", "manifesto": "M"}


@pytest.fixture(scope="module")
def counts(dataset):
    return mentions.text_mentions(dataset, "places")


def inside(lon: float, lat: float, ring: list) -> bool:
    """Ray casting: whether the point is inside the closed ring."""
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def on_land(lon: float, lat: float, shapes: list) -> bool:
    # a feature's rings alternate outer/holes only within a polygon; an even count of hits is outside
    return any(sum(inside(lon, lat, r) for r in rings) % 2 == 1 for _, rings in shapes)


@pytest.mark.parametrize(
    ("years", "layer", "crosses"),
    [
        ((1917, 1917), "world_1914", False),
        ((1914, 1919), "world_1914", False),
        ((1918, 1921), "world_1914", True),  # the civil war runs past the change of borders
        ((1921, 1921), "world_1920", False),
        ((1905, 1907), None, False),  # before every layer: coastlines only
        ((1910, 1916), None, True),  # starts before the layers, reaches into one
        ((1930, 1939), "world_1930", True),  # runs past 1937 into the 1938 borders
        ((1923, 1923), "world_1930", False),  # the Soviet Union, founded December 1922
        ((1932, 1932), "world_1930", False),
        ((1980, 1981), "world_1960", False),
        ((2011, 2017), "world_1994", False),
        ((1700, 1800), None, False),
    ],
)
def test_a_window_shows_the_latest_layer_at_or_before_its_start(dataset, years, layer, crosses):
    assert dataset.maps.layer_for(years) == (layer, crosses)


def test_the_map_draws_the_layer_with_our_names_not_the_sources(dataset, counts):
    fig = place_map.map_chart(dataset, counts, "en", NAMES, (1921, 1921))
    filled = [tr for tr in fig.data if tr.fill == "toself"]
    assert len(filled) > 10 and sum(len(r) for tr in filled for r in rings_of(tr.x, tr.y)) > 1000
    names = {tr.name for tr in filled}
    assert "Soviet Russia" in names and "USSR" not in names  # the layer's anachronism, corrected
    assert fig.layout.meta["layer"] == "world_1920"
    assert fig.layout.meta["status"] == "Borders as of 1920" and "GPL-3.0" in fig.layout.meta["attribution"]
    # an image of it writes both on the map itself
    image = place_map.map_chart(dataset, counts, "en", NAMES, (1921, 1921), notes=True)
    notes = " ".join(a.text for a in image.layout.annotations)
    assert "Borders as of 1920" in notes and "GPL-3.0" in notes


def test_finland_in_1914_is_drawn_as_part_of_the_russian_empire(dataset, counts):
    fig = place_map.map_chart(dataset, counts, "ko", NAMES, (1914, 1914))
    empire = next(tr for tr in fig.data if tr.name == "러시아 제국")
    helsinki = (24.94, 60.17)
    assert any(inside(*helsinki, r) for r in rings_of(empire.x, empire.y))
    assert "핀란드" not in {tr.name for tr in fig.data}


def rings_of(xs, ys) -> list:
    """A trace's rings: its points between the gaps (NaN) that separate them."""
    rings, ring = [], []
    for x, y in zip(xs, ys):
        if x is None or not math.isfinite(x):
            rings.append(ring)
            ring = []
        else:
            ring.append((float(x), float(y)))
    return [r for r in rings + [ring] if r]


def image_rings(image) -> dict:
    """The rings of the page's shapes picture, by fill colour, back in degrees on the axes."""
    svg = unquote(image.source.split(",", 1)[1])
    out = {}
    for fill, d in re.findall(r"<path fill='([^']+)' d='([^']+)'/>", svg):
        for part in d.split("z"):
            if not part:
                continue
            start, moves = part[1:].split("l")
            x, y = map(int, start.split())
            nums = list(map(int, moves.split()))
            ring = [(x, y)]
            for dx, dy in zip(nums[::2], nums[1::2]):
                x, y = x + dx, y + dy
                ring.append((x, y))
            out.setdefault(fill, []).append([(a / 10, -b / 10) for a, b in ring])
    return out


def test_the_page_draws_the_same_shapes_as_one_picture_on_the_axes(dataset, counts):
    traced = place_map.map_chart(dataset, counts, "ko", NAMES, (1914, 1914))
    fig = place_map.map_chart(dataset, counts, "ko", NAMES, (1914, 1914), image=True)
    # the countries the texts name are drawn over the picture, as their areas (below)
    assert not [tr for tr in fig.data if tr.fill and tr.legendgroup != place_map.AREA_GROUP]
    assert len(fig.layout.images) == 1
    image = fig.layout.images[0]
    assert (image.xref, image.yref, image.sizing, image.layer) == ("x", "y", "stretch", "below")
    rings = image_rings(image)
    shapes = [tr for tr in traced.data if tr.fill == "toself" and tr.legendgroup != place_map.AREA_GROUP]
    # the same rings, to a tenth of a degree, in the same colours
    assert {tr.fillcolor for tr in shapes} == set(rings)
    assert sum(len(r) for r in rings.values()) == len([r for tr in shapes for r in rings_of(tr.x, tr.y)])
    empire = next(tr for tr in shapes if tr.name == "러시아 제국")
    helsinki = (24.94, 60.17)
    assert any(inside(*helsinki, r) for r in rings[empire.fillcolor])
    # its corners are the shapes' extent, so that it lies where the traces would
    xs = [x for tr in shapes for r in rings_of(tr.x, tr.y) for x, _ in r]
    ys = [y for tr in shapes for r in rings_of(tr.x, tr.y) for _, y in r]
    assert image.x == pytest.approx(min(xs), abs=0.06) and image.y == pytest.approx(max(ys), abs=0.06)
    assert image.sizex == pytest.approx(max(xs) - min(xs), abs=0.11)
    assert image.sizey == pytest.approx(max(ys) - min(ys), abs=0.11)
    # the places and names are the same; our polity names, which the picture cannot hover, are on points
    # inside each polity
    assert [a.text for a in fig.layout.annotations] == [a.text for a in traced.layout.annotations]
    hover = dict(zip(fig.data[0].text, zip(fig.data[0].x, fig.data[0].y)))
    # (a polity drawn as a country's area is named in the area's own hover instead)
    areas = {tr.text.split(" — ")[1].split("(")[0] for tr in country_areas(fig)}
    assert areas and not set(hover) & areas
    assert set(hover) | areas == {tr.name for tr in shapes if tr.name}
    assert any(inside(*hover["러시아 제국"], r) for r in rings[empire.fillcolor])


def test_outside_the_layers_years_only_coastlines_and_it_says_so(dataset, counts):
    fig = place_map.map_chart(dataset, counts, "en", NAMES, (1905, 1907))
    filled = [tr for tr in fig.data if tr.fill == "toself"]
    assert len(filled) == 1 and not filled[0].name  # land, no polity
    assert "Borders not shown" in fig.layout.meta["status"]


def test_every_place_is_on_land_in_every_layer_its_events_are_shown_in(dataset):
    maps = dataset.maps
    off = {
        (r.place_id, r.layer_id if isinstance(r.layer_id, str) else None) for r in maps.off_land.itertuples()
    }
    linked = dataset.event_places.merge(dataset.events[["event_id", "start_gregorian"]], on="event_id")
    places = dataset.places.set_index("place_id")
    missed = []
    for place_id, start in zip(linked.place_id, linked.start_gregorian):
        year = int(start[:4])
        layer, _ = maps.layer_for((year, year))
        shapes = maps.shapes[layer] if layer else maps.land
        p = places.loc[place_id]
        if not on_land(p.lon, p.lat, shapes) and (place_id, layer) not in off and (place_id, None) not in off:
            missed.append((place_id, layer, year))
    assert missed == []
    # and each reason given is needed: the place really is off the land it names
    for place_id, layer in off:
        p = places.loc[place_id]
        assert not on_land(p.lon, p.lat, maps.shapes[layer] if layer else maps.land), place_id


def test_a_place_is_named_as_of_the_windows_start(dataset, counts):
    names = lambda years: dict(  # noqa: E731
        zip(*place_map.view(dataset, counts, "en", years).places[["place_id", "name"]].T.values)
    )
    assert names((1917, 1917))["st_petersburg"] == "Petrograd"
    assert names((1712, 1712))["st_petersburg"] == "St Petersburg"


def test_close_places_get_a_callout_not_a_label_on_a_label(dataset, counts):
    """Kronstadt (1921) sits 0.3° from Petrograd: its name goes on a leader line or into the hover."""
    fig = place_map.map_chart(dataset, counts, "ko", NAMES, (1917, 1921))
    labels = [a for a in fig.layout.annotations if a.xref != "paper"]
    kron = [a for a in labels if a.text == "크론시타트"]
    assert all(a.showarrow for a in kron)
    assert len(labels) >= 4


def windows(dataset, counts) -> list[tuple[int, int]]:
    """The windows the page offers first: 1917, the timeline's default 1914–1924, the whole range of years,
    every preset, and each single year that has places."""
    from revolution.data import filters, presets

    lo, hi = filters.year_bounds(dataset.events, dataset.eras)
    spans = [(1917, 1917), (1914, 1924), (lo, hi)] + [s for s in presets.years(dataset.presets).values() if s]
    spans += [(y, y) for y in range(lo, hi + 1) if len(place_map.view(dataset, counts, "en", (y, y)).places)]
    return list(dict.fromkeys((max(lo, a), min(hi, b)) for a, b in spans))


def boxes_in(fig, size: int, per_deg: float, bounds: tuple) -> list[tuple]:
    """Each name's or number's box on the map (pixels, y up) at `per_deg` pixels a degree, as drawn:
    beside its point (shifted, anchored) or at the end of its leader line, measured with the charts' font."""
    out = []
    for a in fig.layout.annotations:
        if a.xref == "paper":
            continue
        w, h = map_labels._text_px(a.text, size), size * 1.45
        x, y = a.x * per_deg, a.y * per_deg * place_map.Y_STRETCH
        if a.showarrow:
            x, y = x + a.ax, y - a.ay
            left, bottom = x - w / 2, y - h / 2
        else:
            x, y = x + (a.xshift or 0), y + (a.yshift or 0)
            left = {"left": x, "right": x - w}.get(a.xanchor, x - w / 2)
            bottom = {"bottom": y, "top": y - h}.get(a.yanchor, y - h / 2)
        out.append((a.text, (left, left + w, bottom, bottom + h)))
    return out


def test_every_place_is_named_or_numbered_on_the_map_for_every_window_the_page_offers(dataset, counts):
    """One figure fits a phone's plot and a wide one: a place whose name has no room there gets a number,
    which the key under the map names; none is left to the hover alone, on the page or on the slide."""
    from revolution.exports import slide_layout

    for years in windows(dataset, counts):
        for lang in ("ko", "en"):
            page = place_map.map_chart(dataset, counts, lang, NAMES, years, image=True)
            slide = place_map.map_chart(
                dataset,
                counts,
                lang,
                NAMES,
                years,
                slide_layout.SLIDE_TYPE.small,
                slides.MAP_PLOTS,
                notes=True,
            )
            shown = list(place_map.view(dataset, counts, lang, years).places.name)
            for fig in (page, slide):
                assert fig.layout.meta["unnamed"] == [], (years, lang, fig.layout.meta["unnamed"])
                drawn = [a.text for a in fig.layout.annotations if a.xref != "paper"]
                key = dict(fig.layout.meta["key"])
                assert sorted(key) == list(range(1, len(key) + 1))  # numbered 1, 2, 3 …
                # every place once: by its name, or by a number the key gives its name for
                assert sorted(key.get(int(d), d) if d.isdigit() else d for d in drawn) == sorted(shown)
                assert all(name in fig.layout.meta["key_text"] for name in key.values())
            # an image writes its key on the map, with the borders line and the attribution
            notes = next(a.text for a in slide.layout.annotations if a.xref == "paper")
            assert (slide.layout.meta["key_text"] in notes.replace("<br>", " ")) or not slide.layout.meta[
                "key"
            ]


@pytest.mark.parametrize("years", [(1917, 1917), (1914, 1924), (1918, 1921), (1100, 2017)])
def test_no_name_or_number_on_another_or_on_a_mark_at_a_phones_and_a_wide_plot(dataset, counts, years):
    """The boxes the figure draws (not the placer's own bookkeeping), measured with the charts' font, at the
    scale of each plot the page fits: none overlaps another, none covers another place's mark."""
    for lang in ("ko", "en"):
        fig = place_map.map_chart(dataset, counts, lang, NAMES, years, image=True)
        places = place_map.view(dataset, counts, lang, years).places
        x0, x1 = fig.layout.xaxis.range
        y0, y1 = fig.layout.yaxis.range
        half_x, half_y = (x1 - x0) / 2, (y1 - y0) / 2
        sizes = {}
        for tr in fig.data:
            for c, s in zip(tr.customdata or [], tr.marker.size if isinstance(tr.marker.size, tuple) else []):
                sizes[c[0]] = max(sizes.get(c[0], 0), s)
        for w, h in place_map.PAGE_PLOTS:
            per_deg = min(w / (2 * half_x), h / (2 * half_y * place_map.Y_STRETCH))
            boxes = boxes_in(fig, 13, per_deg, (x0, x1, y0, y1))
            for i, (a, p) in enumerate(boxes):
                for b, q in boxes[i + 1 :]:
                    assert p[1] < q[0] or q[1] < p[0] or p[3] < q[2] or q[3] < p[2], (years, lang, w, a, b)
            named = {a.text: a for a in fig.layout.annotations if a.xref != "paper"}
            key = {str(n): name for n, name in fig.layout.meta["key"]}
            for _, row in places.iterrows():
                r = sizes.get(row.place_id, 8) / 2
                cx, cy = row.lon * per_deg, row.lat * per_deg * place_map.Y_STRETCH
                mark = (cx - r, cx + r, cy - r, cy + r)
                for text, q in boxes:
                    if key.get(text, text) == row["name"]:
                        continue  # its own name may sit beside its own mark
                    clear = mark[1] < q[0] or q[1] < mark[0] or mark[3] < q[2] or q[3] < mark[2]
                    assert clear, (years, lang, w, text, "on", row["name"])
            assert named or places.empty


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_place_the_map_cannot_name_is_listed_under_it(dataset, counts, lang, monkeypatch):
    """No window of our data leaves a place without its name or number now; the caption's list stays for a
    crowded map that would (here: no room for a number either), in the figure's own count, and the page
    writes the map's key under it."""
    from harness import apptest

    years = (1914, 1924)
    fig = place_map.map_chart(dataset, counts, lang, NAMES, years, image=True)
    assert fig.layout.meta["unnamed"] == [] and fig.layout.meta["key"]
    at = apptest.run("pages/people.py", lang=lang, **{"from": "1914", "to": "1924"})
    assert fig.layout.meta["key_text"] in apptest.captions(at)
    # a synthetic crowd: names as wide as a phone's plot, and no room for a number either, so the places
    # without one are listed under the map (another window: the page caches its figures by their years)
    years = (1918, 1921)
    monkeypatch.setattr(map_labels, "NUMBER_CALLOUTS", [])
    monkeypatch.setattr(map_labels, "_text_px", lambda text, size: 250 if not text.isdigit() else 900)
    crowded = place_map.map_chart(dataset, counts, lang, NAMES, years, image=True)
    shown = list(place_map.view(dataset, counts, lang, years).places.name)
    named = {a.text for a in crowded.layout.annotations if a.xref != "paper"}
    unnamed = [n for n in shown if n not in named]
    assert unnamed and crowded.layout.meta["unnamed"] == unnamed and crowded.layout.meta["key"] == []
    at = apptest.run("pages/people.py", lang=lang, **{"from": "1918", "to": "1921"})
    caption = next(c for c in apptest.captions(at) if crowded.layout.meta["attribution"] in c)
    assert t("map_unnamed", lang, names=", ".join(unnamed)) in caption, (unnamed, caption)


def test_the_map_has_a_slide_key_and_its_slide_carries_the_attribution(dataset):
    assert "map:1917" in slides.options(dataset)
    assert slides.valid(["map:1917-1921"], dataset) == ["map:1917-1921"]
    item = slides.build(dataset, "map:1917", "en", NAMES)
    assert "historical-basemaps" in item.caption and "Borders as of 1914" in item.caption
    assert "Where it happened" in item.title and len(item.rows) > 0


def _write(path, text):
    path.write_text(text, encoding="utf-8")


def _edit_csv(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    _write(path, text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("breaks", "file", "column", "words"),
    [
        (lambda d: _edit_csv(d / "places.csv", "55.76,37.62", ",37.62"), "places.csv", "lat", "no lat"),
        (lambda d: _edit_csv(d / "places.csv", "55.76,37.62", "55.76,237.62"), "places.csv", "lon", "180"),
        (
            lambda d: _edit_csv(d / "place_polities.csv", "poland,world_1930,poland,,\n", ""),
            "place_polities.csv",
            "layer_id",
            "world_1930",
        ),
        (
            lambda d: _edit_csv(
                d / "place_polities.csv", "poland,world_1930,poland,", "poland,world_1930,russian_empire,"
            ),
            "place_polities.csv",
            "polity_id",
            "no shape",
        ),
        (
            lambda d: _edit_csv(d / "place_polities.csv", "poland,world_1930,poland,", "poland,world_1930,,"),
            "place_polities.csv",
            "reason_ko",
            "why",
        ),
        (
            lambda d: _write(d / "world_1920.geojson", '{"type": "FeatureCollection", "feat'),
            "world_1920.geojson",
            None,
            "JSON",
        ),
        (
            lambda d: _write(
                d / "world_1914.geojson",
                json.dumps(
                    {
                        "type": "FeatureCollection",
                        "features": [
                            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}
                        ],
                    }
                ),
            ),
            "world_1914.geojson",
            "feature 0",
            "Point",
        ),
        # a gap between the layers: Crimea's 1920 events would have no borders
        (
            lambda d: _edit_csv(d / "border_layers.csv", "world_1920,1920,1920,", "world_1920,1920,1921,"),
            "events.csv",
            "start",
            "no border layer",
        ),
        (
            lambda d: _edit_csv(d / "place_off_land.csv", "kronstadt,,", "kronstadt,world_1999,"),
            "place_off_land.csv",
            "layer_id",
            "world_1999",
        ),
    ],
    ids=[
        "no latitude",
        "longitude out of range",
        "a country without a row for a layer",
        "a country drawn as a polity the layer lacks",
        "a country without a shape or a reason",
        "not JSON",
        "not a polygon",
        "a gap between layers",
        "unknown layer",
    ],
)
def test_broken_map_input_names_file_and_place(data_copy, breaks, file, column, words):
    from tests.conftest import SEEDS

    breaks(data_copy)
    with pytest.raises(DataError) as err:
        load_dataset(data_copy, SEEDS)
    assert err.value.file == file and err.value.column == column, str(err.value)
    assert words in str(err.value)


# --- a country is an area (issue 34): the texts' mentions of a country on its shape in the window's layer


def polity_of(dataset, place_id: str, layer: str):
    """place_polities.csv's row for a country in a layer: its polity, or None and the reason."""
    rows = dataset.maps.place_polities
    row = rows[(rows.place_id == place_id) & (rows.layer_id == layer)].iloc[0]
    return row.polity_id if isinstance(row.polity_id, str) else None


def test_every_country_has_a_shape_or_a_reason_in_every_layer(dataset):
    rows = dataset.maps.place_polities
    countries = set(dataset.places[dataset.places.kind == "country"].place_id)
    layers = set(dataset.maps.layers.layer_id)
    assert len(layers) >= 7  # 1914 and 1920, and the years after 1922 the windows need
    pairs = list(zip(rows.place_id, rows.layer_id))
    assert sorted(pairs) == sorted((p, lay) for p in countries for lay in layers)
    for row in rows.itertuples():
        if not isinstance(row.polity_id, str):  # no shape of its own: a reason, in both languages
            assert isinstance(row.reason_ko, str) and isinstance(row.reason_en, str), row
    # Russia is the Russian Empire in 1914 and Soviet Russia in 1920, by its name in each language
    polities = dataset.maps.polities.set_index("polity_id")
    russia = dataset.places[dataset.places.name_en == "Russia"].place_id.iloc[0]
    assert polities.loc[polity_of(dataset, russia, "world_1914")].name_en == "Russian Empire"
    assert polities.loc[polity_of(dataset, russia, "world_1920")].name_en == "Soviet Russia"


def test_each_layers_polity_mapping_covers_the_shapes_it_names(dataset):
    """Every source name mapped is a shape of its layer; every polity a country is drawn as has shapes
    in that layer; and every named shape that holds a place of the texts has our name."""
    maps = dataset.maps
    for layer in maps.layers.layer_id:
        names = {n for n, _ in maps.shapes[layer] if n}
        mapped = maps.border_polities[maps.border_polities.layer_id == layer]
        assert set(mapped.source_name) <= names, (layer, set(mapped.source_name) - names)
        drawn = set(mapped.polity_id)
        wanted = maps.place_polities[maps.place_polities.layer_id == layer].polity_id.dropna()
        assert set(wanted) <= drawn, (layer, set(wanted) - drawn)
        for p in dataset.places.itertuples():
            holding = [n for n, rings in maps.shapes[layer] if n and on_land(p.lon, p.lat, [(n, rings)])]
            assert set(holding) <= set(mapped.source_name), (layer, p.place_id, holding)


def country_areas(fig) -> list:
    return [tr for tr in fig.data if tr.legendgroup == place_map.AREA_GROUP and tr.fill == "toself"]


def visible_dots(fig) -> set:
    """The places drawn as a visible mark (a dot sized by mentions, or an open circle)."""
    out = set()
    for tr in fig.data:
        if (
            tr.mode == "markers"
            and tr.customdata is not None
            and (tr.marker.opacity is None or tr.marker.opacity > 0)
        ):
            out |= {c[0] for c in tr.customdata}
    return out


@pytest.mark.parametrize("years", [(1917, 1917), (1920, 1920), (1928, 1939), (1932, 1932), (2011, 2011)])
@pytest.mark.parametrize("image", [True, False])
def test_a_countrys_mentions_are_drawn_on_its_area_not_as_a_dot(dataset, counts, years, image):
    fig = place_map.map_chart(dataset, counts, "ko", NAMES, years, image=image)
    mv = place_map.view(dataset, counts, "ko", years)
    assert mv.layer
    countries = mv.places[mv.places.kind == "country"]
    with_shape = [r for r in countries.itertuples() if polity_of(dataset, r.place_id, mv.layer)]
    assert with_shape, years
    areas = country_areas(fig)
    dots = visible_dots(fig)
    polities = dataset.maps.polities.set_index("polity_id")
    for row in with_shape:
        mine = [tr for tr in areas if tr.text.startswith(row.name)]
        assert len(mine) == 1, (row.place_id, [tr.text for tr in areas])
        area = mine[0]
        # on its polity's shape, which holds the place; its count and its polity in the hover
        assert any(inside(row.lon, row.lat, r) for r in rings_of(area.x, area.y)), row.place_id
        polity = polities.loc[polity_of(dataset, row.place_id, mv.layer)]
        assert str(int(row.mentions)) in area.text and polity.name_ko in area.text
        assert row.place_id not in dots  # no dot where nothing happened
    # the legend says what an area is, once; an image (a slide) says it in its notes instead
    legend = [tr for tr in fig.data if tr.legendgroup == place_map.AREA_GROUP and tr.showlegend]
    assert [tr.name for tr in legend] == [t("map_country_area", "ko")]
    slide = place_map.map_chart(dataset, counts, "ko", NAMES, years, notes=True)
    assert t("map_area_note", "ko") in place_map.caption(mv, "ko")
    assert not [tr for tr in slide.data if tr.legendgroup == place_map.AREA_GROUP and tr.showlegend]
    assert not fig.layout.meta["no_shape"] or years == (2011, 2011)


def test_russia_is_the_russian_empire_in_1917_and_soviet_russia_in_1920(dataset, counts):
    texts = {
        years: [tr.text for tr in country_areas(place_map.map_chart(dataset, counts, "en", NAMES, years))]
        for years in ((1917, 1917), (1920, 1920), (1932, 1932))
    }
    assert any(s.startswith("Russia") and "Russian Empire" in s for s in texts[(1917, 1917)])
    assert any(s.startswith("Russia") and "Soviet Russia" in s for s in texts[(1920, 1920)])
    assert any(s.startswith("Russia") and "Soviet Union" in s for s in texts[(1932, 1932)])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_note_says_what_is_drawn_where_a_country_has_no_shape(dataset, counts, lang):
    """1918: Finland has no shape of its own in the 1914 borders (a Grand Duchy of the Empire): it is
    drawn as a dot, and the map says so, with why, under the map and on its slide."""
    finland = dataset.places[dataset.places.name_en == "Finland"].iloc[0]
    years = (1918, 1918)
    fig = place_map.map_chart(dataset, counts, lang, NAMES, years, image=True)
    assert finland.place_id in visible_dots(fig)
    rows = dataset.maps.place_polities
    reason = rows[(rows.place_id == finland.place_id) & (rows.layer_id == "world_1914")][f"reason_{lang}"]
    note = fig.layout.meta["no_shape"]
    assert finland[f"name_{lang}"] in note and reason.iloc[0] in note
    assert f"{finland[f'name_{lang}']} ({reason.iloc[0]})" in note
    assert note.startswith(t("map_no_shape", lang, year=1914, items="").rstrip("."))
    item = slides.build(dataset, slides.map_key(*years), lang, NAMES)  # a slide says it in its caption
    assert finland[f"name_{lang}"] in item.caption and t("map_area_note", lang) in item.caption
    # before every layer, every country is a dot, and the map says that too
    old = place_map.map_chart(dataset, counts, lang, NAMES, (1789, 1812), image=True)
    assert old.layout.meta["no_shape"] == t("map_no_layer_countries", lang)
    # every country has its shape in 1917: nothing to say
    assert place_map.map_chart(dataset, counts, lang, NAMES, (1917, 1917)).layout.meta["no_shape"] == ""
