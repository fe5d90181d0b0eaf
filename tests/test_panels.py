"""A Figures panel: its chart, captions and tables come from the group's rows, every sentence shown
literally."""

import pytest

from revolution import limits
from revolution.views import panels

NAMES = {"history": "H", "manifesto": "M"}


def test_a_panel_cites_each_sentence_once_and_keeps_its_rows(dataset):
    p = panels.panel(dataset, "constituent_assembly", "en", (), True, NAMES)
    rows = dataset.figures[dataset.figures.group == "constituent_assembly"]
    assert len(p.rows) == p.total == len(rows)
    assert len(p.captions) == rows.quote.nunique()
    assert p.refs is not None and set(p.refs["Id"]) == set(
        dataset.reference_values[dataset.reference_values.figure_id.isin(rows.figure_id)].ref_id
    )
    assert "under 25%" in " ".join(p.rows["As stated"])


def test_a_panel_without_references_or_without_rows(dataset):
    assert panels.panel(dataset, "constituent_assembly", "ko", (), False, NAMES).refs is None
    only = dataset.figures[dataset.figures.kind == "stated"].groupby("group").source_id.nunique()
    group = only[only == 1].index[0]
    source = dataset.figures[dataset.figures.group == group].source_id.dropna().iloc[0]
    other = next(s for s in NAMES if s != source)
    assert panels.panel(dataset, group, "ko", (other,), True, NAMES) is None


def test_quotes_in_captions_lose_their_markup(dataset, monkeypatch):
    figures = dataset.figures.copy()
    figures.loc[figures.group == "territory", "quote"] = "<b>*bold*</b> [x](javascript:alert(1))"
    monkeypatch.setattr(limits, "CHART_ROWS", 1)
    p = panels.panel(
        dataset.__class__(**{**dataset.tables(), "figures": figures, "seeds": dataset.seeds}),
        "territory",
        "en",
        (),
        False,
        NAMES,
    )
    assert (
        len(p.rows) == 1 and "\\<b\\>\\*bold\\*" in p.captions[0] and "\\[x\\]\\(javascript" in p.captions[0]
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_other_sources_table_says_what_each_value_measures_and_its_scope(dataset, lang):
    from revolution.i18n import COLUMN_LABELS

    names = dict(zip(dataset.sources.source_id, dataset.sources[f"short_{lang}"]))
    panel = panels.panel(dataset, "constituent_assembly", lang, (), True, names)
    refs = dataset.reference_values.set_index("ref_id").loc[list(panel.refs.iloc[:, 0])]
    suffix = "_ko" if lang == "ko" else ""
    for column in ("quantity", "scope"):
        shown = list(panel.refs[COLUMN_LABELS[column][lang]])
        assert shown == [v if isinstance(v, str) else "" for v in refs[column + suffix]]
