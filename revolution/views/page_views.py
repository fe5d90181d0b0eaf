"""What a page shows for one choice, built in one place: the Timeline's chart, the positions of its rows,
the first events by date for the picker and its text alternative; the Explorer's rows as its table shows
them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from revolution import limits
from revolution.data import filters, presets
from revolution.data.load import Dataset
from revolution.data.table import records
from revolution.i18n import t
from revolution.views import describe, reading, timeline_charts
from revolution.views import format as fmt


@dataclass(frozen=True)
class TimelineView:
    figure: go.Figure
    rows: np.ndarray  # positions in data.events of the events shown (positions, not rows: a view stays small)
    listed: tuple[str, ...]  # the first events by date, for the list to choose from
    keys: int  # distinct events (event keys) shown
    alt: str


def timeline(
    data: Dataset, chosen: filters.EventFilter, lang: str, mode: str, color: str, names: dict
) -> TimelineView:
    shown = filters.events(data, chosen)
    fig = timeline_charts.timeline_chart(
        shown, data.eras, lang, mode, color, names, years=chosen.years, key_titles=data.event_keys
    )
    listed = tuple(shown.sort_values("start_gregorian").event_id[: limits.CHOICES])
    rows = data.events.index.get_indexer(shown.index)
    alt = describe.timeline(shown, chosen.years, len(data.events), lang)
    return TimelineView(fig, rows, listed, shown.event_key.nunique(), alt)


def timeline_note(view: TimelineView, years: tuple[int, int], lang: str) -> str | None:
    """What the page says above a timeline that counts events per period instead of drawing each: too many
    events, or too long a span (timeline_charts.timeline_chart draws such a view as counts)."""
    why = timeline_charts.counted_instead(view.keys, years)
    if why == timeline_charts.DENSITY:
        return t("density_note", lang, limit=limits.TIMELINE_ROWS)
    if why == timeline_charts.OVERVIEW:
        return t("overview_note", lang, span=years[1] + 1 - years[0], limit=timeline_charts.OVERVIEW_YEARS)
    return None


def timeline_slides(
    data: Dataset, chosen: filters.EventFilter, lang: str, mode: str, color: str, names: dict
) -> go.Figure:
    """The timeline view as its image downloads draw it: every row named on the axis, which the slide layout
    pages by whole rows (or, for a view the screen shows as counts per period, those counts), titled with its
    years as a person writes them."""
    shown = filters.events(data, chosen)
    fig = timeline_charts.timeline_chart(
        shown,
        data.eras,
        lang,
        mode,
        color,
        names,
        years=chosen.years,
        labels="axis",
        key_titles=data.event_keys,
    )
    years = chosen.years or filters.year_bounds(data.events, data.eras)
    return fig.update_layout(title=f"{t('page_timeline', lang)}: {fmt.years_text(*years, lang)}")


EXPLORER_FIRST = {  # the columns a reader looks at first, by table
    "figures": ["figure_id", "stated", "measure_{lang}", "quote", "source_id", "group", "qualifier", "value"],
    "events": ["event_id", "date_text", "title_{lang}", "quote", "source_id", "category", "start_gregorian"],
}


def preset_of(presets_table, years: tuple[int, int], bounds: tuple[int, int]) -> str | None:
    """The preset whose years (clipped to the data's `bounds`) are `years`, in the presets' order (the
    Timeline's chip then shows the view a shared link opened), or None."""
    for name in presets_table.preset_id:
        if tuple(years) == presets.span(presets_table, name, bounds):
            return name
    return None


def explorer_table(data: Dataset, text: str, sources: tuple = ()) -> str:
    """The Explorer's table to open on: figures, unless a search has hits among events and none among
    figures (searched for "레닌", it opened on an empty figures table under "사건 12개")."""
    if text and filters.figures(data, sources=sources, text=text).empty:
        if not filters.events(data, filters.EventFilter(sources=sources, text=text)).empty:
            return "events"
    return "figures"


def explorer_rows(rows: pd.DataFrame, table: str, lang: str) -> tuple[pd.DataFrame, bool]:
    """The Explorer's rows as its table shows them: the first `limits.TABLE_ROWS` (and whether any were
    left out; downloads carry every row), figures with their value as stated, each row's link to its passage
    on the Read page first (a derived figure has no single passage), then the columns a reader looks at
    first."""
    view, cut = limits.head(rows, limits.TABLE_ROWS)
    if table == "figures":
        view = view.assign(stated=[fmt.stated(r, lang) for r in records(view)])
    first = ["read", *(c.format(lang=lang) for c in EXPLORER_FIRST[table])]
    links = [
        reading.read_link(s, i, lang) if isinstance(s, str) else None
        for s, i in zip(view.source_id, view[first[1]])
    ]
    view = view.assign(read=links)
    return view[first + [c for c in view.columns if c not in first]], cut


def picker(
    events: pd.DataFrame,
    listed: tuple[str, ...],
    current: str,
    lang: str,
    key_titles: pd.DataFrame | None = None,
) -> dict[str, str]:
    """The events a picker offers, in order (the first by date, and the one chosen if it is not among them),
    each with the event's canonical name (`key_titles`, else the telling's title) and the telling's date as
    the text writes it (or where the date comes from, when the text gives none)."""
    ids = list(dict.fromkeys([*listed, *([current] if current else [])]))
    rows = {r["event_id"]: r for r in records(events[events.event_id.isin(ids)])}
    canon = {} if key_titles is None else dict(zip(key_titles.event_key, key_titles[f"title_{lang}"]))
    return {
        i: f"{canon.get(rows[i]['event_key'], rows[i][f'title_{lang}'])} ({fmt.written_date(rows[i], lang)})"
        for i in ids
        if i in rows
    }
