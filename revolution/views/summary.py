"""What the overview and the two-sources page show about the dataset as a whole: pure tables, cached by the
pages."""

from __future__ import annotations

import pandas as pd

from revolution.data import filters, sources
from revolution.data.load import Dataset
from revolution.i18n import category, t
from revolution.views import figure_charts, place_charts, references
from revolution.views import format as fmt


def _headlines(data: Dataset) -> pd.DataFrame:
    """The figures the overview leads with, in their cards' order."""
    return data.figures.dropna(subset=["headline"]).sort_values(["headline", "figure_id"])


def headline_cards(data: Dataset, lang: str, names: dict | None = None) -> list[dict]:
    """One card per headline: its chart title and group, each value as stated with its unit and what it
    measures, a small chart that draws it as the text says it, and its sentences."""
    head = _headlines(data)
    groups = data.groups.set_index("group_id")
    names = names or {}
    cards = []
    for _, card in head.groupby("headline", sort=True):
        group_id = card.group.iloc[0]
        group = groups.loc[group_id].to_dict() | {"group_id": group_id}
        refs = references.beside(data.reference_values, card.figure_id)
        cards.append(
            {
                "title": group[f"title_{lang}"],
                "group": group_id,
                "values": [
                    {
                        "value": fmt.stated(r, lang),
                        "unit": t("unit_index", lang) if r["unit"] == "index" else "",
                        "what": fmt.pick(r, "measure", lang)
                        + f" ({fmt.period(r['period_start'], r['period_end'])})",
                        "source": names.get(r["source_id"], r["source_id"]),
                    }
                    for r in card.to_dict("records")
                ],
                "figure": figure_charts.headline_chart(card, group, lang, names, refs=refs),
                "alt": figure_charts.alt_text(card, group, lang),
                "quotes": card.drop_duplicates("quote")[["quote", "quote_en", "source_id"]].to_dict(
                    "records"
                ),
            }
        )
    return cards


def how_sure(data: Dataset, lang: str) -> pd.DataFrame:
    """Each headline figure that has references, in plain words: the text's claim, what other sources give
    (values and source names, no ids), and why they differ."""
    why = data.reference_notes.set_index("figure_id")[f"why_{lang}"]
    sure = _headlines(data)
    sure = sure[sure.figure_id.isin(why.index)]
    beside = [references.beside(data.reference_values, [f]) for f in sure.figure_id]
    return pd.DataFrame(
        {
            t("text_says", lang): [
                f"{fmt.pick(r, 'measure', lang)}: {fmt.stated(r, lang)}" for r in sure.to_dict("records")
            ],
            t("other_sources", lang): [references.said_by(b, lang) for b in beside],
            t("why_differ", lang): [why[f] for f in sure.figure_id],
        }
    )


def _span(bounds: tuple[int, int] | None) -> str:
    return "{}–{}".format(*bounds) if bounds else "—"


def counts(data: Dataset, lang: str, names: dict) -> dict:
    """How many figures, events, shared events and notes; and events per source, category and era."""
    ev = data.events
    ids = list(data.sources.source_id)
    stated = data.figures[data.figures.kind == "stated"]  # a derived share is the dashboard's, not a text's
    by_source = pd.DataFrame(
        {
            t("source", lang): [names[s] for s in ids],
            t("n_figures", lang): [int((stated.source_id == s).sum()) for s in ids],
            t("n_events", lang): [int((ev.source_id == s).sum()) for s in ids],
            t("years", lang): [_span(filters.year_bounds(ev[ev.source_id == s])) for s in ids],
        }
    )
    cats = ev.category.value_counts().rename_axis("c").reset_index(name="n")
    eras = data.eras.assign(n=data.eras.era_id.map(ev.era.value_counts()).fillna(0).astype(int))
    return {
        "figures": len(stated),
        "events": len(ev),
        "shared": len(filters.shared_keys(ev)),
        "notes": len(data.notes),
        "by_source": by_source,
        "by_category": pd.DataFrame(
            {t("categories", lang): cats.c.map(lambda c: category(c, lang)), t("n_events", lang): cats.n}
        ),
        "by_era": pd.DataFrame(
            {
                t("by_era", lang): [
                    f"{e[f'title_{lang}']} ({fmt.era_years(e, lang)})" for e in eras.to_dict("records")
                ],
                t("n_events", lang): eras.n,
            }
        ),
    }


def _events(data: Dataset, pair: tuple[str, ...]) -> pd.DataFrame:
    """The events the texts of `pair` tell (every text's when it is empty): a comparison of two texts
    counts what those two tell, whatever a third does."""
    return data.events[data.events.source_id.isin(pair)] if pair else data.events


def per_decade(data: Dataset, names: dict, lang: str = "ko", pair: tuple[str, ...] = ()) -> pd.DataFrame:
    """Events per decade (rows, '1910년대' or '1910s') and source (columns, in legend order)."""
    ev = _events(data, pair)
    suffix = t("decade_suffix", lang)
    table = (
        ev.assign(decade=ev.start_gregorian.str[:3] + "0" + suffix)
        .groupby(["decade", "source_id"])
        .size()
        .unstack(fill_value=0)
    )
    return (
        table[sources.ordered(table.columns, names)]
        .rename(columns=names)
        .rename_axis(index=t("decade", lang), columns=None)
    )


def only_in(data: Dataset, lang: str, pair: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """For each source (of `pair`, if given), the events no other source (of the pair) tells, in order of
    date."""
    ev = _events(data, pair)
    told_by = ev.groupby("event_key").source_id.nunique()
    single = ev[ev.event_key.map(told_by) == 1].sort_values("start_gregorian")
    # a date the sentence does not give is labelled as such, never shown as the text's own
    single = single.assign(date_text=[fmt.written_date(r, lang) for r in single.to_dict("records")])
    return {
        s: single[single.source_id == s][
            ["date_text", f"title_{lang}", "quote"] + (["quote_en"] if lang == "en" else [])
        ]
        for s in (pair or data.sources.source_id)
    }


def coverage_figure(data: Dataset, lang: str, names: dict, pair: tuple[str, ...] = ()):
    """The chart of events per decade and source (data first, so a page can cache it per dataset)."""
    return place_charts.coverage_chart(_events(data, pair), lang, names)


def event_facets(data: Dataset) -> dict:
    """What the timeline's filters offer: the years any event touches, the categories, and every event id."""
    return {
        "years": filters.year_bounds(data.events, data.eras),
        "categories": sorted(data.events.category.unique()),
        "ids": frozenset(data.events.event_id),
    }


def shared(data: Dataset, pair: tuple[str, ...] = ()) -> list[str]:
    """Event keys more than one text (of `pair`, if given: both) tells, in order of date."""
    return filters.shared_keys(_events(data, pair))


def first_tellings(data: Dataset) -> pd.DataFrame:
    """Each event key's earliest telling, by key, titled with the event's canonical name (event_keys.csv),
    not that telling's own wording: what a list of shared events is labelled with."""
    first = data.events.sort_values("start_gregorian").drop_duplicates("event_key").set_index("event_key")
    canon = data.event_keys.set_index("event_key")
    return first.assign(
        **{c: canon[c].reindex(first.index).fillna(first[c]) for c in ("title_ko", "title_en")}
    )
