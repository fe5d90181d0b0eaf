"""Two sources, people and places: events per decade and text, mentions per name (the map is
revolution.views.place_map)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from revolution.data import sources
from revolution.i18n import t
from revolution.views import format as fmt
from revolution.views import theme


def _bar_marker(style: sources.Style) -> dict:
    """A text's bars: its colour, and its pattern in white over it, so texts differ without colour too.
    "overlay": the colour fills the bar under the pattern (Plotly's default, "replace", makes the colour the
    pattern's own and leaves the ground clear: white lines on a white page, a bar no one sees)."""
    return dict(
        color=style.colour,
        pattern=dict(shape=style.pattern, fgcolor="white", solidity=0.35, fillmode="overlay"),
    )


def coverage_chart(events: pd.DataFrame, lang: str, source_names: dict) -> go.Figure:
    """Events per decade, per source, on a time axis: each bar stands over its ten years, so the empty
    centuries between the 1100s and the 1670s show as the gap they are."""
    decade = events.start_gregorian.str[:4].astype(int) // 10 * 10
    counts = events.assign(decade=decade).groupby(["decade", "source_id"]).size().unstack(fill_value=0)
    fig = go.Figure()
    label = [f"{d}{t('decade_suffix', lang)}" for d in counts.index]
    for source_id in sources.ordered(counts.columns, source_names):
        fig.add_bar(
            x=[d + 5 for d in counts.index],  # the middle of the decade
            y=counts[source_id],
            name=source_names.get(source_id, source_id),
            marker=_bar_marker(sources.style(source_names, source_id)),
            customdata=label,
            hovertemplate="%{customdata}: %{y}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(title=t("coverage", lang), barmode="group", bargap=0.05, height=420)
    fig.update_xaxes(
        title=t("year", lang), type="linear", tickformat="d", ticksuffix=fmt.YEAR_SUFFIX.get(lang, "")
    )
    fig.update_yaxes(title=t("n_events_axis", lang))
    return theme.apply(fig)


def mentions_chart(
    counts: pd.DataFrame, labels: dict, lang: str, source_names: dict, title: str, top: int = 15
) -> go.Figure:
    """Mentions per name and source, the most mentioned first. `counts`: id, source_id, mentions."""
    key = counts.columns[0]
    totals = counts.groupby(key).mentions.sum().sort_values(ascending=False)
    keep = list(totals[totals > 0].index[:top])
    fig = go.Figure()
    shown = counts[counts[key].isin(keep)]
    for source_id in sources.ordered(shown.source_id.unique(), source_names):
        part = shown[shown.source_id == source_id].set_index(key).reindex(keep)
        fig.add_bar(
            y=[labels.get(k, k) for k in keep],
            x=part.mentions,
            orientation="h",
            name=source_names.get(source_id, source_id),
            marker=_bar_marker(sources.style(source_names, source_id)),
            hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
        )
    # the texts in the data's order (Plotly lists a stack's traces from the top down, the last first)
    fig.update_layout(
        title=title, barmode="stack", height=max(320, 30 * len(keep) + 160), legend_traceorder="normal"
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("mentions", lang))
    return theme.apply(fig)
