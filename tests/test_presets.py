"""The period presets come from data/presets.csv: each one's years decided there once, the default named,
an era's id only with the era's years, and a link's former preset id still opening its view."""

import pandas as pd

from revolution.data import filters, presets
from revolution.exports import slides


def test_a_preset_that_shares_an_eras_id_has_its_years(dataset):
    eras = dataset.eras.set_index("era_id")
    for preset_id, span in presets.years(dataset.presets).items():
        if preset_id in eras.index:
            era = eras.loc[preset_id]
            assert span == (era.start_year, era.end_year), preset_id


def test_the_default_is_named_in_the_data_not_first(dataset):
    table = dataset.presets
    assert presets.default_id(table) == "revolution_years"
    moved = pd.concat([table.iloc[1:], table.iloc[:1]])  # the default no longer first: still the default
    assert presets.default_id(moved) == "revolution_years"
    bounds = filters.year_bounds(dataset.events, dataset.eras)
    assert presets.default_span(moved, bounds) == (1914, 1924)


def test_a_links_former_preset_id_opens_that_preset(dataset):
    aliases = presets.aliases(dataset.presets)
    assert aliases == {
        "revolution_1905": "revolution_1905_1907",
        "civil_war": "civil_war_1918_1921",
        "nep": "nep_1921_1928",
    }
    old = "figure:constituent_assembly,timeline:civil_war,map:nep,timeline:revolution_1905"
    assert slides.parse([old], dataset) == [
        "figure:constituent_assembly",
        "timeline:civil_war_1918_1921",
        "map:nep_1921_1928",
        "timeline:revolution_1905_1907",
    ]
    for old_id, new_id in aliases.items():
        assert slides.label(f"timeline:{old_id}", dataset, "ko") == slides.label(
            f"timeline:{new_id}", dataset, "ko"
        )
    names = dict(zip(dataset.sources.source_id, dataset.sources.short_en))
    item = slides.build(dataset, "timeline:civil_war", "en", names)
    assert item.rows.start_gregorian.str[:4].astype(int).max() <= 1921


def test_a_view_of_a_presets_years_is_that_preset(dataset):
    assert slides.timeline_key(1918, 1921, dataset) == "timeline:civil_war_1918_1921"
    assert slides.timeline_key(1918, 1920, dataset) == "timeline:1918-1920"


def test_the_year_clamp_keeps_its_guard():
    """A span the data does not meet gives every year the data holds, never an inverted range (the People
    page's slider took an inverted default for data starting after 1924)."""
    assert presets.clamp((1914, 1924), (1900, 2000)) == (1914, 1924)
    assert presets.clamp((1914, 1924), (1920, 2000)) == (1920, 1924)
    assert presets.clamp((1914, 1924), (1930, 2000)) == (1930, 2000)
    assert presets.clamp((1914, 1924), (1800, 1900)) == (1800, 1900)
    assert presets.clamp(None, (1800, 1900)) == (1800, 1900)
