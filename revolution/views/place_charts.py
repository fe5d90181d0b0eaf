"""Two sources, people and places: events per decade and text, mentions per name, places by position."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from revolution.i18n import t
from revolution.views import format as fmt
from revolution.views import measure, theme


def coverage_chart(events: pd.DataFrame, lang: str, source_names: dict) -> go.Figure:
    """Events per decade, per source, on a time axis: each bar stands over its ten years, so the empty
    centuries between the 1100s and the 1670s show as the gap they are."""
    decade = events.start_gregorian.str[:4].astype(int) // 10 * 10
    counts = events.assign(decade=decade).groupby(["decade", "source_id"]).size().unstack(fill_value=0)
    fig = go.Figure()
    label = [f"{d}{t('decade_suffix', lang)}" for d in counts.index]
    for source_id in counts.columns:
        fig.add_bar(
            x=[d + 5 for d in counts.index],  # the middle of the decade
            y=counts[source_id],
            name=source_names.get(source_id, source_id),
            marker_color=theme.SOURCE_COLORS.get(source_id),
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
    for source_id, part in counts[counts[key].isin(keep)].groupby("source_id", sort=True):
        part = part.set_index(key).reindex(keep)
        fig.add_bar(
            y=[labels.get(k, k) for k in keep],
            x=part.mentions,
            orientation="h",
            name=source_names.get(source_id, source_id),
            marker_color=theme.SOURCE_COLORS.get(source_id),
            hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
        )
    fig.update_layout(title=title, barmode="stack", height=max(320, 30 * len(keep) + 160))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("mentions", lang))
    return theme.apply(fig)


# the narrowest plot a place name must fit: a 390-px phone less the page's margins and the axis' ticks
PHONE_PLOT_PX = 200


def _free_labels(x, y, labels, radii, px_per_x: float, px_per_y: float, size: int) -> list[str | None]:
    """Where each label (in order of priority) can go — above, below or right of its point — without
    touching a label already placed, beyond its marker (`radii`, px), at `px_per_x`/`px_per_y` pixels per
    unit; None: hover only."""
    x, y, radii = list(x), list(y), list(radii)
    boxes, where = [], []
    left, right = min(x) * px_per_x - 10, max(x) * px_per_x + 10
    # a place at a bigger place's point (Siberia at Russia's, Kronstadt at Petrograd's: within 3 units)
    # is named in the hover only
    inside = [
        any(rk > ri and math.hypot(xk - xi, yk - yi) < 3 for xk, yk, rk in zip(x, y, radii))
        for xi, yi, ri in zip(x, y, radii)
    ]
    for xi, yi, text, r, hidden in zip(x, y, labels, radii, inside):
        if hidden:
            where.append(None)
            continue
        # a little larger than drawn (type, offsets and the plot's real scale all vary a few pixels)
        w = measure.text_width(text, size) + 10
        h, cx, cy, r = size * 1.7, xi * px_per_x, yi * px_per_y, r + 3
        # Not left: a name there runs over the axis' tick labels.
        spots = {
            "top center": (cx - w / 2, cx + w / 2, cy + r, cy + r + h),
            "bottom center": (cx - w / 2, cx + w / 2, cy - r - h, cy - r),
            "middle right": (cx + r, cx + r + w, cy - h / 2, cy + h / 2),
        }
        spot = next(
            (
                name
                for name, box in spots.items()
                if left <= box[0]
                and box[1] <= right  # inside the plot, off the axis' tick labels
                and all(box[1] < b[0] or box[0] > b[1] or box[3] < b[2] or box[2] > b[3] for b in boxes)
            ),
            None,
        )
        where.append(spot)
        if spot:
            boxes.append(spots[spot])
    return where


def places_chart(places: pd.DataFrame, counts: pd.DataFrame, lang: str, label_px: int = 13) -> go.Figure:
    """Places at their coordinates, sized by mentions; no base map, so nothing is fetched. Only the names
    that fit a phone-width plot without touching another name are written (most mentioned first); every
    place names itself in the hover. `label_px`: the names' type size (a slide's is larger, so it writes
    fewer names: the slide's plot is no wider than a phone's in degrees per pixel)."""
    total = counts.groupby("place_id").mentions.sum()
    located = (
        places.dropna(subset=["lat", "lon"])
        .assign(n=lambda d: d.place_id.map(total).fillna(0))
        .sort_values(["n", "place_id"], ascending=[False, True])
    )
    names = located[f"name_{lang}"]
    span = float(located.lon.max() - located.lon.min()) * 1.1 or 1.0
    per_x = PHONE_PLOT_PX / span
    sizes = located.n.clip(lower=1) ** 0.5 * 6 + 6
    shown = _free_labels(located.lon, located.lat, names, sizes / 2, per_x, per_x * 1.4, label_px)
    fig = go.Figure(
        go.Scatter(
            x=located.lon,
            y=located.lat,
            mode="markers+text",
            text=[n if s else "" for n, s in zip(names, shown)],
            textposition=[s or "top center" for s in shown],
            textfont=dict(size=label_px),
            marker=dict(
                size=sizes,
                color=theme.PLACE,
                opacity=0.7,
                line=dict(color="white", width=1),
            ),
            customdata=list(zip(names, located.n.astype(int).astype(str))),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        )
    )
    fig.update_layout(title=t("map_title", lang), height=560, showlegend=False)
    fig.update_xaxes(title=t("lon", lang))
    fig.update_yaxes(title=t("lat", lang), scaleanchor="x", scaleratio=1.4)
    return theme.apply(fig)
