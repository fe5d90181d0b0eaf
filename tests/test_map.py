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
from revolution.views import place_map

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
        ((1930, 1939), None, False),
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
    assert not [tr for tr in fig.data if tr.fill] and len(fig.layout.images) == 1
    image = fig.layout.images[0]
    assert (image.xref, image.yref, image.sizing, image.layer) == ("x", "y", "stretch", "below")
    rings = image_rings(image)
    shapes = [tr for tr in traced.data if tr.fill == "toself"]
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
    assert set(hover) == {tr.name for tr in shapes if tr.name}
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


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_place_the_map_cannot_name_is_listed_under_it(dataset, counts, lang):
    """A name the map has no room for (one figure fits a phone's plot and a wide one) is still read: the
    page lists those places under the map, in the figure's own count."""
    from harness import apptest

    years = (1914, 1924)
    fig = place_map.map_chart(dataset, counts, lang, NAMES, years, image=True)
    named = {a.text for a in fig.layout.annotations if a.xref != "paper"}
    shown = list(place_map.view(dataset, counts, lang, years).places.name)
    unnamed = [n for n in shown if n not in named]
    assert unnamed and fig.layout.meta["unnamed"] == unnamed
    at = apptest.run("pages/people.py", lang=lang, **{"from": "1914", "to": "1924"})
    caption = next(c for c in apptest.captions(at) if fig.layout.meta["attribution"] in c)
    assert all(name in caption for name in unnamed), (unnamed, caption)
    # a window whose every place has its name on the map lists none
    assert (
        place_map.map_chart(dataset, counts, lang, NAMES, (1917, 1917), image=True).layout.meta["unnamed"]
        == []
    )


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
