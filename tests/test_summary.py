"""The overview's and the two-sources page's tables, computed from the dataset."""

import re

from revolution.views import summary

NAMES = {"history": "H", "manifesto": "M"}


def test_only_in_and_shared_split_every_event_key(dataset):
    only = summary.only_in(dataset, "ko")
    shared = set(summary.shared(dataset))
    told = {}
    for key, source in zip(dataset.events.event_key, dataset.events.source_id):
        told.setdefault(key, set()).add(source)
    for source, rows in only.items():
        keys = set(dataset.events.loc[rows.index, "event_key"])
        assert all(told[k] == {source} for k in keys)
        assert not keys & shared
    covered = {k for rows in only.values() for k in dataset.events.loc[rows.index, "event_key"]} | shared
    assert covered == set(dataset.events.event_key)


def test_counts_add_up_to_the_tables(dataset):
    n = summary.counts(dataset, "en", NAMES)
    assert (
        n["events"] == len(dataset.events) == n["by_category"]["Events"].sum() == n["by_era"]["Events"].sum()
    )
    assert n["figures"] == (dataset.figures.kind == "stated").sum() == n["by_source"]["Figures"].sum()
    assert n["shared"] == len(summary.shared(dataset)) > 0
    assert summary.per_decade(dataset, NAMES).to_numpy().sum() == len(dataset.events)


def test_headline_cards_keep_the_qualifiers_units_and_their_sentences(dataset):
    cards = summary.headline_cards(dataset, "en")
    heads = dataset.figures.dropna(subset=["headline"])
    assert len(cards) == heads.headline.nunique()
    text = " ".join(v["value"] for c in cards for v in c["values"])
    for r in heads.to_dict("records"):
        if r["qualifier"] in ("less_than", "more_than"):
            assert ("under " if r["qualifier"] == "less_than" else "over ") + f"{r['value']:g}" in text
    assert {q["quote"] for c in cards for q in c["quotes"]} == set(heads.quote)
    # every value carries its unit: an index says what 100 is
    index = [v for c in cards for v in c["values"] if v["value"] == "13"]
    assert index and index[0]["unit"] == "(pre-war = 100)"
    assert all(c["group"] in set(dataset.groups.group_id) for c in cards)


def test_headline_charts_draw_a_bound_as_a_bound(dataset):
    card = next(c for c in summary.headline_cards(dataset, "ko") if c["group"] == "constituent_assembly")
    fig = card["figure"]
    assert fig.layout.title.text is None and fig.layout.showlegend is False
    # 'under 25%' is the hatched bound bar, 'over 55%' solid with an arrow onward; other sources as crosses
    hatched = [d for d in fig.data if d.type == "bar" and d.marker.pattern.shape]
    assert [list(d.x) for d in hatched] == [[25]] and hatched[0].text is None  # the card prints it
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert {(a.ax, a.x > a.ax) for a in arrows} == {(25, False), (55, True)}
    crosses = [d for d in fig.data if d.type == "scatter" and d.offsetgroup == "refs"]
    assert sorted(crosses[0].x) == sorted(
        dataset.reference_values.query("figure_id in ['FH010','FH011']").value
    )


def test_how_sure_lists_each_headline_that_has_references(dataset):
    table = summary.how_sure(dataset, "ko")
    with_refs = (
        dataset.figures.dropna(subset=["headline"]).figure_id.isin(dataset.reference_notes.figure_id).sum()
    )
    assert len(table) == with_refs > 0
    # plain language: source names, no reference ids, no empty cells
    text = " ".join(table.astype(str).values.ravel())
    assert "위키백과" in text and not re.search(r"\bR\d\d\b", text) and "None" not in text


def test_only_in_glosses_its_quotes_in_english_only(dataset):
    en, ko = summary.only_in(dataset, "en"), summary.only_in(dataset, "ko")
    assert all("quote_en" in frame and frame.quote_en.notna().all() for frame in en.values())
    assert not any("quote_en" in frame for frame in ko.values())
