"""What one panel of the Figures page shows, built together so the page can build it once per choice: the
chart, its alt text, a caption per sentence, the reference rows beside it and the rows behind it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from revolution import limits
from revolution.data import filters
from revolution.data.load import Dataset
from revolution.i18n import our_translation, t
from revolution.views import columns, figure_charts, reading, references
from revolution.views import format as fmt

REF_COLUMNS = [
    "ref_id",
    "quantity",
    "value",
    "value_low",
    "value_high",
    "unit",
    "scope",
    "source_short_ko",
    "source_short_en",
    "source_title",
    "source_locator",
    "strength",
    "caveat",
]


@dataclass(frozen=True)
class GroupFigure:
    """One group's chart as every place draws it (the Figures page, its downloads, the deck, presentation
    mode, the lesson bundle): the rows drawn, the group, the references beside them, the Maddison series
    (an index chart's, with references on) and the figure with its text alternative."""

    rows: pd.DataFrame  # the rows drawn (the first limits.CHART_ROWS)
    total: int  # the group's rows before that limit
    group: dict
    refs: pd.DataFrame | None  # what other sources give beside these rows (None: switched off)
    maddison: pd.DataFrame | None  # the USSR's GDP-per-head index (Maddison), drawn on an index chart
    figure: go.Figure
    alt: str


def group_figure(
    data: Dataset, group_id: str, lang: str, names: dict, sources: tuple = (), with_refs: bool = True
) -> GroupFigure | None:
    """The chart of one group of figures from the chosen sources (none chosen: every one), or None when they
    state none of them. The rule that an index chart carries the Maddison series lives here."""
    every = filters.figures(data, sources=sources)
    every = every[every.group == group_id]
    if every.empty:
        return None
    rows = limits.head(every, limits.CHART_ROWS)[0]
    group = data.groups.set_index("group_id").loc[group_id].to_dict() | {"group_id": group_id}
    refs = (
        references.in_language(references.beside(data.reference_values, rows.figure_id), lang)
        if with_refs
        else None
    )
    madd = references.maddison_index(data.maddison_ussr) if with_refs and group["chart"] == "index" else None
    fig = figure_charts.group_chart(rows, group, lang, names, refs=refs, maddison=madd)
    return GroupFigure(rows, len(every), group, refs, madd, fig, figure_charts.alt_text(rows, group, lang))


@dataclass(frozen=True)
class Panel:
    figure: go.Figure
    alt: str
    captions: list[str]  # one per distinct sentence, or how a derived value was computed
    refs: pd.DataFrame | None  # what other sources give beside these figures, on screen (None: switched off)
    rows: pd.DataFrame  # the rows behind the chart, as a table: its text alternative
    total: int  # the group's rows before the chart's limit
    maddison: bool  # the chart carries the Maddison series, whose citation must go with it


def panel(
    data: Dataset, group_id: str, lang: str, sources: tuple, show_refs: bool, names: dict
) -> Panel | None:
    """The panel of one group of figures, or None when the sources chosen state none of them; captions are
    Markdown, with the quotes shown literally."""
    drawn = group_figure(data, group_id, lang, names, sources, show_refs)
    if drawn is None:
        return None
    rows, refs = drawn.rows, drawn.refs
    captions = []
    for r in rows.drop_duplicates("quote").to_dict("records"):
        if r["kind"] == "derived":
            captions.append(f"{fmt.pick(r, 'measure', lang)}: " + t("derived_how", lang, how=r["derivation"]))
        else:
            source = names.get(r["source_id"]) if pd.notna(r["source_id"]) else t("derived", lang)
            here = reading.read_link(r["source_id"], r["figure_id"], lang)
            caption = t("chart_caption", lang, source=source, quote=fmt.literal(r["quote"]))
            if lang == "en":  # the Korean stays the quote; our gloss follows, labelled as ours
                caption += " — " + our_translation(fmt.literal(r["quote_en"]), lang)
            captions.append(caption + f" · [{t('read_in_context', lang)}]({here})")
    table = pd.DataFrame(
        {
            "stated": [fmt.stated(r, lang) for r in rows.to_dict("records")],
            f"measure_{lang}": rows[f"measure_{lang}"],
            "period": [fmt.period(a, b) for a, b in zip(rows.period_start, rows.period_end)],
            "qualifier": rows.qualifier,
            "kind": rows.kind,
            "source_id": rows.source_id.map(names).fillna(t("derived", lang)),
            "quote": rows.quote,
            **({"quote_en": rows.quote_en} if lang == "en" else {}),
            f"notes_{lang}": rows[f"notes_{lang}"],
            "figure_id": rows.figure_id,
        }
    )
    table, labels = columns.for_screen(table, lang)
    on_screen = None
    if refs is not None:
        # what each value measures (whose share, which quantity) and its scope, beside it in either language:
        # in Korean the data's `…_ko` twins (the English originals are left out of the Korean interface)
        shown = [f"{c}_ko" if lang == "ko" and c in references.LOCALISED else c for c in REF_COLUMNS]
        on_screen, ref_labels = columns.for_screen(refs[shown], lang)
        on_screen = on_screen.rename(columns=ref_labels)
    return Panel(
        drawn.figure,
        drawn.alt,
        captions,
        on_screen,
        table.rename(columns=labels),
        drawn.total,
        drawn.maddison is not None,
    )
