"""Reference values: each beside a stated figure, kept out of figures.csv, and the Maddison index computed."""

import pandas as pd
import pytest

from revolution.views import references


def test_every_reference_sits_beside_an_existing_stated_figure(dataset):
    stated = dataset.figures[dataset.figures.kind == "stated"]
    assert set(dataset.reference_values.figure_id) <= set(stated.figure_id)
    assert len(dataset.reference_values) == 23


def test_references_are_never_mixed_into_the_figures(dataset):
    assert not dataset.figures.figure_id.str.startswith("R").any()
    assert "source_title" not in dataset.figures.columns


@pytest.mark.parametrize(
    "group, n",
    [
        ("constituent_assembly", 7),
        ("petrograd_1917", 6),
        ("industrial_output", 4),
        ("growth_1930s", 2),
        ("industrial_rank", 2),
    ],
)
def test_charts_that_should_carry_references_do(dataset, group, n):
    from revolution.views import figure_charts

    rows = dataset.figures[dataset.figures.group == group]
    refs = references.beside(dataset.reference_values, rows.figure_id)
    assert len(refs) == n
    g = dataset.groups.set_index("group_id").loc[group].to_dict() | {"group_id": group}
    fig = figure_charts.group_chart(rows, g, "en", {"history": "H", "manifesto": "M"}, refs=refs)
    crosses = [tr for tr in fig.data if tr.name == "Other sources (reference values)"]
    assert crosses and sum(len(tr.x) for tr in crosses) == n
    bare = figure_charts.group_chart(rows, g, "en", {"history": "H", "manifesto": "M"})
    assert not [tr for tr in bare.data if tr.name == "Other sources (reference values)"]


def test_maddison_index_is_computed_from_the_csv():
    series = pd.DataFrame({"year": [1913, 1921, 1937], "gdp_per_head_2011_intl_dollars": [2254, 838, 3437]})
    idx = references.maddison_index(series)
    assert idx["index"].tolist() == [100.0, 37.2, 152.5]  # 838 and 3437 of 2254, to one decimal
    with pytest.raises(ValueError):
        references.maddison_index(series[series.year != 1913])


def test_range_text():
    assert references.range_text(pd.DataFrame({"value": [23.3, 24.9, 24.0]})) == "23.3–24.9"
    assert references.range_text(pd.DataFrame({"value": [58.0]})) == "58"


def test_reference_rows_read_in_the_readers_language(dataset):
    refs = references.beside(dataset.reference_values, ["FH010"])
    ko, en = references.in_language(refs, "ko"), references.in_language(refs, "en")
    assert ko.quantity.str.contains("볼셰비키").all() and en.quantity.str.contains("Bolshevik").all()
    assert (ko.source_title == en.source_title).all()  # a citation stays as cited
    # every English description has its Korean
    rv = dataset.reference_values
    for col in references.LOCALISED:
        assert (rv[col].isna() == rv[f"{col}_ko"].isna()).all(), col
