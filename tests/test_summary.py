"""The overview's and the two-sources page's tables, computed from the dataset."""

from revolution import summary

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


def test_headline_cards_keep_the_qualifiers_and_their_sentences(dataset):
    cards = summary.headline_cards(dataset, "en")
    heads = dataset.figures.dropna(subset=["headline"])
    assert len(cards) == heads.headline.nunique()
    text = " ".join(c["value"] for c in cards)
    for r in heads.to_dict("records"):
        if r["qualifier"] in ("less_than", "more_than"):
            assert ("under " if r["qualifier"] == "less_than" else "over ") + f"{r['value']:g}" in text
    assert {q["quote"] for c in cards for q in c["quotes"]} == set(heads.quote)


def test_how_sure_lists_each_headline_that_has_references(dataset):
    table = summary.how_sure(dataset, "ko")
    with_refs = (
        dataset.figures.dropna(subset=["headline"]).figure_id.isin(dataset.reference_notes.figure_id).sum()
    )
    assert len(table) == with_refs > 0


def test_only_in_glosses_its_quotes_in_english_only(dataset):
    en, ko = summary.only_in(dataset, "en"), summary.only_in(dataset, "ko")
    assert all("quote_en" in frame and frame.quote_en.notna().all() for frame in en.values())
    assert not any("quote_en" in frame for frame in ko.values())
