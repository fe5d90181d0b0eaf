"""Where it happened: the places of a window of years on the borders of its time (shapes shipped in
data/*.geojson, drawn as filled polygons on plain axes, so nothing is fetched), sized by mentions per text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import quote

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from revolution.data import borders, filters
from revolution.data import sources as source_vocab
from revolution.data.load import Dataset
from revolution.i18n import t
from revolution.views import theme
from revolution.views.map_labels import (
    CORNERS,
    Y_STRETCH,
    key_text,
    labels_and_notes,
    place_labels,
)

# the plots a page's map must fit names into: a 390-px phone's, a 1280×720 screen's (770×442 measured) and a
# wide screen's. A leader line's length is in pixels, a degree's pixels are each plot's: a name clear at
# the two ends can still meet another between them. The phone's plot is as tall as the figure less its
# title and legend (308×442 measured at 390×844): Plotly, keeping the axes' ratio, shows more latitude there,
# over and under the band a wide screen shows
PAGE_PLOTS = [(300, 400), (770, 440), (1100, 495)]
ASPECT = 0.45  # the map's height to width: a wide window stays a band, not a strip on a phone
LAND, SOVIET, OTHER, COAST = "#e4e2da", "#f2dcc4", "#ecebe6", "#ffffff"
SEA = "#f4f8fb"
THIN_PX = 1.0  # the shapes simplified to this many pixels of the largest plot their names are placed for
# a country the texts name is drawn as its polity's area: a tint and an outline over the layer's shapes
AREA_FILL, AREA_LINE = "rgba(110, 84, 160, 0.28)", "#5b4691"
AREA_GROUP = "country_area"  # the legend group of the areas and their points
AREA_MARK_PX = 4  # an area's point (its name and its click) has no mark to keep names off


@dataclass(frozen=True)
class MapView:
    """What a map of a window shows: its places (with the events that put them there), the layer drawn,
    and what the borders line says."""

    places: pd.DataFrame  # place_id, name, lat, lon, events, and per source mentions
    layer: str | None
    crosses: bool
    status: str
    attribution: str
    events: pd.DataFrame  # the window's events that happen at a place, one row per event and place
    no_shape: str  # what is drawn for a country the window's layer has no shape for, and why ('' when none)
    no_shape_short: str  # the same without the reasons: an image's notes must leave room for the names


def name_in(place_names: pd.DataFrame, place_id: str, year: int | None, fallback: str, lang: str) -> str:
    """A place's name as of `year` (place_names.csv), else its name in places.csv."""
    if year is None:
        return fallback
    rows = place_names[place_names.place_id == place_id]
    end = rows.end_year.fillna(9999)
    now = rows[(rows.start_year <= year) & (year < end)]
    return now.iloc[-1][f"name_{lang}"] if len(now) else fallback


def view(data: Dataset, counts: pd.DataFrame, lang: str, years: tuple[int, int] | None) -> MapView:
    """The window's places and border layer. `years` None: every place, on the coastlines."""
    maps = data.maps
    events = filters.events(data, filters.EventFilter(years=years)) if years else data.events
    linked = data.event_places.merge(events[["event_id", "source_id"]], on="event_id")
    per_place = linked.groupby("place_id").event_id.nunique()
    ids = list(per_place.index) if years else list(data.places.place_id)
    places = data.places[data.places.place_id.isin(ids)].copy()
    places["events"] = places.place_id.map(per_place).fillna(0).astype(int)
    wide = counts.pivot_table(index="place_id", columns="source_id", values="mentions", aggfunc="sum")
    for source_id in wide.columns:
        places[f"m_{source_id}"] = places.place_id.map(wide[source_id]).fillna(0).astype(int)
    places["mentions"] = places[[c for c in places.columns if c.startswith("m_")]].sum(axis=1)
    start = years[0] if years else None
    places["name"] = [
        name_in(data.place_names, p, start, n, lang) for p, n in zip(places.place_id, places[f"name_{lang}"])
    ]
    places = places.sort_values(["mentions", "place_id"], ascending=[False, True]).reset_index(drop=True)
    layer, crosses = maps.layer_for(years) if years else (None, False)
    places["polity_id"], places["no_shape"] = None, ""
    countries = places.kind == "country"
    # without a layer every country is a dot: the page says so; an image's borders line already does
    note, short = t("map_no_layer_countries", lang) if countries.any() else "", ""
    if layer:
        row = maps.layers.set_index("layer_id").loc[layer]
        # each country as its polity in this layer (place_polities.csv), or a dot and why
        rows = maps.place_polities[maps.place_polities.layer_id == layer].set_index("place_id")
        polity = rows.polity_id.where(rows.polity_id.notna(), None)
        places.loc[countries, "polity_id"] = places.loc[countries, "place_id"].map(polity)
        places.loc[countries, "no_shape"] = places.loc[countries, "place_id"].map(rows[f"reason_{lang}"])
        dots = places[countries & places.polity_id.isna()]
        items = "; ".join(f"{n} ({why})" for n, why in zip(dots.name, dots.no_shape))
        note = t("map_no_shape", lang, year=int(row.year), items=items) if items else ""
        short = t("map_no_shape", lang, year=int(row.year), items=", ".join(dots.name)) if items else ""
        status = t("borders_of", lang, year=int(row.year))
        if crosses:
            status += " · " + t("borders_cross", lang, to=int(row.to_year))
        attribution = t("map_attribution", lang, source=row.source, licence=row.licence)
    else:
        status = t("borders_not_shown", lang)
        if crosses:
            status += " · " + t("borders_cross_in", lang)
        attribution = t("land_attribution", lang)
    return MapView(places, layer, bool(crosses), status, attribution, linked, note, short)


def coarsen(ring: list, tol: float) -> list:
    """The closed ring simplified (Douglas–Peucker) to `tol` degrees, as drawn (latitude stretched): a
    border drawn at a plot's scale needs no vertex that moves it by less than a pixel. Split at its
    farthest vertex, so both halves simplify as open lines, as tools/data/build_borders.py does."""
    pts = [(x, y * Y_STRETCH) for x, y in ring]
    far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
    line = borders.simplify(pts[: far + 1], tol)[:-1] + borders.simplify(pts[far:], tol)
    return [(x, y / Y_STRETCH) for x, y in line]


def _rings_trace(rings: list, fill: str, name: str | None, tol: float = 0.0) -> go.Scatter:
    rings = [r for r in (coarsen(r, tol) for r in rings) if len(r) >= 4] if tol else rings
    # float32 arrays, a NaN between rings: they travel as base64 (5.3 bytes a coordinate, not 6-7 as text),
    # and caching, copying and writing them is one block each, not thousands of floats (the page resends
    # the shapes with every change of years: docs/map.md)
    xy = np.full((sum(len(r) + 1 for r in rings), 2), np.nan, dtype=np.float32)
    at = 0
    for ring in rings:
        xy[at : at + len(ring)] = ring
        at += len(ring) + 1
    return go.Scatter(
        x=xy[:, 0].copy(),
        y=xy[:, 1].copy(),
        mode="lines",
        fill="toself",
        fillcolor=fill,
        line=dict(color=COAST, width=0.8),
        hoveron="fills",
        hoverinfo="text" if name else "skip",
        text=name or "",
        name=name or "",
        showlegend=False,
    )


def base_traces(data: Dataset, layer: str | None, lang: str, tol: float = 0.0) -> list[go.Scatter]:
    """The land of the layer's shapes, one trace per polity we name (named in the hover), and one for
    the shapes we do not name; without a layer, the coastlines alone. `tol`: see `coarsen`."""
    maps = data.maps
    if layer is None:
        return [_rings_trace([r for _, rings in maps.land for r in rings], LAND, None, tol)]
    names = maps.border_polities[maps.border_polities.layer_id == layer]
    polity_of = dict(zip(names.source_name, names.polity_id))
    polities = maps.polities.set_index("polity_id")
    grouped: dict = {}
    for source_name, rings in maps.shapes[layer]:
        grouped.setdefault(polity_of.get(source_name), []).extend(rings)
    traces = [_rings_trace(grouped.pop(None, []), OTHER, None, tol)]
    for polity_id, rings in sorted(grouped.items()):
        p = polities.loc[polity_id]
        traces.append(_rings_trace(rings, SOVIET if p.soviet else LAND, p[f"name_{lang}"], tol))
    return traces


def area_traces(data: Dataset, mv: MapView, lang: str, source_names: dict, tol: float) -> list[go.Scatter]:
    """Each country the window's texts name that has a shape in its layer, drawn as that polity's area
    (tinted, outlined), its mentions per text and events in the hover; and a point inside it that carries
    the same hover and its click (a filled area gives neither a click nor a point to Streamlit)."""
    if mv.layer is None:
        return []
    maps = data.maps
    names = maps.border_polities[maps.border_polities.layer_id == mv.layer]
    polities = maps.polities.set_index("polity_id")
    year = int(maps.layers.set_index("layer_id").loc[mv.layer, "year"])
    sources = [c[2:] for c in mv.places.columns if c.startswith("m_")]
    traces, points = [], []
    for _, p in mv.places[mv.places.polity_id.notna()].iterrows():
        shown = set(names[names.polity_id == p.polity_id].source_name)
        rings = [r for name, rs in maps.shapes[mv.layer] if name in shown for r in rs]
        by = ", ".join(f"{source_names.get(s, s)} {int(p[f'm_{s}'])}" for s in sources if p[f"m_{s}"])
        text = t(
            "map_area_hover",
            lang,
            name=p["name"],
            polity=polities.loc[p.polity_id, f"name_{lang}"],
            year=year,
            n=int(p.mentions),
            by=by or "—",
            e=int(p.events),
        )
        area = _rings_trace(rings, AREA_FILL, text, tol)
        area.update(
            line=dict(color=AREA_LINE, width=1.5),
            name=t("map_country_area", lang),
            legendgroup=AREA_GROUP,
            showlegend=not traces,
            hoverinfo="text",
            hoverlabel=dict(namelength=-1),
        )
        traces.append(area)
        points.append((p, text))
    if points:
        traces.append(
            go.Scatter(
                x=[p.lon for p, _ in points],
                y=[p.lat for p, _ in points],
                mode="markers",
                marker=dict(size=22, opacity=0),
                customdata=[[p.place_id, p["name"], int(p.mentions), int(p.events)] for p, _ in points],
                text=[text for _, text in points],
                hovertemplate="%{text}<extra></extra>",
                legendgroup=AREA_GROUP,
                showlegend=False,
                unselected=dict(marker=dict(opacity=0)),
                selected=dict(marker=dict(opacity=0)),
            )
        )
    return traces


def shapes_image(traces: list[go.Scatter], per_deg: float) -> dict:
    """The shapes of `traces` as one SVG picture placed on the axes by its corners: Plotly draws it as one
    <image>, which the browser paints natively, not as a filled path per polity laid out in script. The page
    resends its figure with every change of years; this keeps that change cheap (docs/map.md). Drawn in
    tenths of a degree (lon, −lat), as integers and relative moves, stretched to the axes; borders 0.8 px
    wide at `per_deg` pixels a degree (the largest plot the names are placed for)."""
    paths, lo, hi = [], [math.inf, math.inf], [-math.inf, -math.inf]
    for tr in traces:
        d, last = [], None
        for lon, lat in zip(tr.x, tr.y):
            if not math.isfinite(lon):
                d.append("z")
                last = None
                continue
            p = (round(float(lon) * 10), round(-float(lat) * 10))
            lo, hi = [min(lo[0], p[0]), min(lo[1], p[1])], [max(hi[0], p[0]), max(hi[1], p[1])]
            if last is None:
                d.append(f"M{p[0]} {p[1]}l")
            elif p != last:
                d.append(f"{p[0] - last[0]} {p[1] - last[1]} ")
            last = p
        paths.append(f"<path fill='{tr.fillcolor}' d='{''.join(d)}'/>")
    w, h = hi[0] - lo[0], hi[1] - lo[1]
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='{lo[0]} {lo[1]} {w} {h}' "
        f"preserveAspectRatio='none'><g stroke='{COAST}' stroke-width='{8 / per_deg:.2f}' "
        f"stroke-linejoin='round'>{''.join(paths)}</g></svg>"
    )
    return dict(
        source="data:image/svg+xml;utf8," + quote(svg, safe=" <>/=':;.-"),
        xref="x",
        yref="y",
        x=lo[0] / 10,
        y=-lo[1] / 10,
        sizex=w / 10,
        sizey=h / 10,
        xanchor="left",
        yanchor="top",
        sizing="stretch",
        layer="below",
    )


def polity_points(traces: list[go.Scatter]) -> go.Scatter:
    """Our names of the polities a picture of the shapes shows, in the hover at the middle of each one's
    largest ring (the picture itself has none): one small trace instead of a filled one per polity."""
    xs, ys, names = [], [], []
    for tr in traces:
        if not tr.name:
            continue
        rings = [
            r for r in np.split(np.column_stack([tr.x, tr.y]), np.flatnonzero(np.isnan(tr.x))) if len(r) > 3
        ]
        ring = max(rings, key=lambda r: abs(_area(r[np.isfinite(r[:, 0])])))
        ring = ring[np.isfinite(ring[:, 0])]
        xs.append(round(float(ring[:, 0].mean()), 2))
        ys.append(round(float(ring[:, 1].mean()), 2))
        names.append(tr.name)
    return go.Scatter(
        x=xs,
        y=ys,
        mode="markers",
        marker=dict(size=28, opacity=0),
        text=names,
        hovertemplate="%{text}<extra></extra>",
        showlegend=False,
        unselected=dict(marker=dict(opacity=0)),
        selected=dict(marker=dict(opacity=0)),
    )


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2


def map_chart(
    data: Dataset,
    counts: pd.DataFrame,
    lang: str,
    source_names: dict,
    years: tuple[int, int] | None,
    label_px: int = 13,
    plots: list[tuple[int, int]] | None = None,
    notes: bool = False,
    image: bool = False,
) -> go.Figure:
    """The map of a window of years. Names are placed to fit each of `plots` (width, height in pixels), by
    default a phone's and a wide screen's, so none touches another on either; a slide passes its own. `notes`:
    the borders line and the attribution written on the map (an image carries them; a page writes them
    under the chart, where they wrap). `image`: the shapes as one picture (see `shapes_image`), not as
    traces: what the page draws."""
    mv = view(data, counts, lang, years)
    places = mv.places
    if places.empty:
        bounds = (-12.0, 145.0, 25.0, 72.0)
    else:
        pad_x = max(10.0, (places.lon.max() - places.lon.min()) * 0.1)  # room for the largest mark
        pad_y = max(4.0, (places.lat.max() - places.lat.min()) * 0.12)
        bounds = (
            places.lon.min() - pad_x,
            places.lon.max() + pad_x,
            places.lat.min() - pad_y,
            places.lat.max() + pad_y,
        )
    sources = source_vocab.ordered([c[2:] for c in places.columns if c.startswith("m_")], source_names)
    size = lambda n: 8 + 5 * math.sqrt(n)  # noqa: E731  area grows with the mentions
    # the shown area: the places' box widened to the map's aspect, so that the names placed for a phone's
    # plot stay inside it on a wider screen too (Plotly, keeping the axes' ratio, only adds longitude)
    mid_x, mid_y = (bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2
    half_x, half_y = (bounds[1] - bounds[0]) / 2, (bounds[3] - bounds[2]) / 2
    half_y = max(half_y, half_x * ASPECT / Y_STRETCH)
    half_x = max(half_x, half_y * Y_STRETCH / ASPECT)
    bounds = (mid_x - half_x, mid_x + half_x, mid_y - half_y, mid_y + half_y)
    # a marker's size is in pixels whatever the plot's size; a degree's pixels are each plot's
    views, views_px = [], plots or PAGE_PLOTS
    for w, h in views_px:
        per_deg = min(w / (2 * half_x), h / (2 * half_y * Y_STRETCH))
        # the plot shows more longitude than the box when it is wider than the box's aspect, more latitude
        # when it is taller, on both sides of the box's middle
        extra = max(0.0, w / per_deg / 2 - half_x)
        more = max(0.0, h / per_deg / Y_STRETCH / 2 - half_y)
        views.append((per_deg, (bounds[0] - extra, bounds[1] + extra, bounds[2] - more, bounds[3] + more)))
    widest = max(per_deg for per_deg, _ in views)
    base = base_traces(data, mv.layer, lang, THIN_PX / widest)
    # a polity drawn as a country's area is named in that area's hover: no second point to hide it
    areas = mv.places.polity_id.dropna()
    named = set(data.maps.polities.set_index("polity_id").loc[areas, f"name_{lang}"])
    fig = go.Figure(polity_points([tr for tr in base if tr.name not in named])) if image else go.Figure(base)
    if image:
        fig.add_layout_image(shapes_image(base, widest))
    fig.add_traces(area_traces(data, mv, lang, source_names, THIN_PX / widest))
    area = places.polity_id.notna()  # a country drawn as its area has no dot
    for source_id in sources:
        style = source_vocab.style(source_names, source_id)
        part = places[(places[f"m_{source_id}"] > 0) & ~area]
        fig.add_scatter(
            x=part.lon,
            y=part.lat,
            mode="markers",
            name=source_names.get(source_id, source_id),
            cliponaxis=False,  # a large mark near the edge stays whole on a phone's narrow plot
            marker=dict(
                size=[size(n) for n in part[f"m_{source_id}"]],
                color=style.colour,
                symbol=style.symbol,
                opacity=0.55,
                line=dict(color=style.colour, width=1.5),
            ),
            customdata=list(zip(part.place_id, part.name, part[f"m_{source_id}"], part.events)),
            hovertemplate=t("map_hover", lang) + "<extra>%{fullData.name}</extra>",
        )
    unmentioned = places[(places.mentions == 0) & ~area]
    if len(unmentioned):
        fig.add_scatter(
            x=unmentioned.lon,
            y=unmentioned.lat,
            mode="markers",
            name=t("map_no_mentions", lang),
            marker=dict(size=8, color="#777777", symbol="circle-open", line=dict(width=2)),
            customdata=list(
                zip(unmentioned.place_id, unmentioned.name, unmentioned.mentions, unmentioned.events)
            ),
            hovertemplate=t("map_hover", lang) + "<extra></extra>",
        )
    radii = [
        AREA_MARK_PX if area[i] else size(max(places.loc[i, [f"m_{s}" for s in sources]].max(), 0)) / 2
        for i in places.index
    ]
    note_size = label_px  # a slide's floor (24 px at 1920×1080) for both
    note_lines = [*mv.status.split(" · "), mv.attribution]  # short lines fit a square
    if notes:
        # an image has no legend entry for the areas: it would take a row of the legend, and so of the plot
        # the names were placed for (slides.MAP_PLOTS); a slide's caption says what they are (`caption`)
        for tr in fig.data:
            if tr.legendgroup == AREA_GROUP:
                tr.showlegend = False
    labels, key = [], []
    # an image writes its key in the notes, which the names keep clear of: the band grows with the key's
    # lines and the names are placed again until the key fits the band they left
    if notes and len(places):
        labels, key, corner = labels_and_notes(places, radii, views, label_px, note_lines, note_size, lang)
    else:
        labels = place_labels(places, radii, views, label_px) if len(places) else []
        key, corner = [], CORNERS[0]
    # the places with neither a name nor a number in every plot, most mentioned first: a page lists them
    # under the map, so that a name missing from the map is never a place missing from the reader's view
    unnamed = [name for name, lab in zip(places.name, labels) if lab is None]
    for (_, row), lab in zip(places.iterrows(), labels):
        if lab is None:
            continue
        common = dict(x=row.lon, y=row.lat, text=lab.text, font=dict(size=label_px))
        if lab.number:  # a number reads as a key's mark: framed, and named in its hover
            common.update(bordercolor="#555", borderwidth=1, bgcolor="#ffffff", hovertext=row["name"])
        else:
            common.update(bgcolor="rgba(255,255,255,0.75)")
        if lab.callout:
            fig.add_annotation(
                **common, showarrow=True, ax=lab.dx, ay=-lab.dy, arrowhead=0, arrowwidth=1, arrowcolor="#555"
            )
        else:
            fig.add_annotation(
                **common,
                showarrow=False,
                xshift=lab.dx,
                yshift=lab.dy,
                xanchor={"left": "left", "right": "right"}.get(lab.anchor, "center"),
                yanchor={"bottom": "bottom", "top": "top"}.get(lab.anchor, "middle"),
            )
    # the borders line, the attribution and the key sit inside the map's lower left, on a white ground, in
    # a band the names keep clear of (a slide's source line takes the band under the plot)
    if notes:
        fig.add_annotation(
            text="<br>".join([*note_lines, *key]),
            xref="paper",
            yref="paper",
            x=0 if "left" in corner else 1,
            y=0 if "lower" in corner else 1,
            xanchor="left" if "left" in corner else "right",
            yanchor="bottom" if "lower" in corner else "top",
            showarrow=False,
            align="left",
            bgcolor="rgba(255,255,255,0.85)",
            font=dict(size=note_size, color="#444"),
        )
    title = t("map_title", lang) + (
        f" ({years[0]}–{years[1]})" if years and years[0] != years[1] else f" ({years[0]})" if years else ""
    )
    fig.update_layout(
        title=title,
        height=620,
        showlegend=True,
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0),
        plot_bgcolor=SEA,
        dragmode=False,  # a finger on the map scrolls the page, never pans it
        meta={
            "layer": mv.layer or "",
            "status": mv.status,
            "attribution": mv.attribution,
            "unnamed": unnamed,
            # each number on the map and the place it stands for, and the key's line (a page writes it)
            "key": [[lab.number, name] for lab, name in zip(labels, places.name) if lab and lab.number],
            "key_text": key_text(labels, places, lang),
            "no_shape": mv.no_shape,  # a page writes it under the map; an image carries it in its notes
        },
    )
    fig.update_xaxes(range=list(bounds[:2]), visible=False, fixedrange=True)
    fig.update_yaxes(
        range=list(bounds[2:]), visible=False, scaleanchor="x", scaleratio=Y_STRETCH, fixedrange=True
    )
    return theme.apply(fig)


def caption(mv: MapView, lang: str) -> str:
    """A map slide's caption: what its tinted areas are, what a country's dot means where it has no shape,
    its borders line and attribution (the image's notes carry the last two; more lines there would cover
    the map a deck's chart box has room for)."""
    areas = t("map_area_note", lang) if mv.places.polity_id.notna().any() else ""
    return " · ".join(p.rstrip(".") for p in (areas, mv.no_shape_short, mv.status, mv.attribution) if p)


def alt_text(data: Dataset, counts: pd.DataFrame, lang: str, years: tuple[int, int] | None) -> str:
    """The map in words: its borders line and every place drawn, with its mentions and events."""
    mv = view(data, counts, lang, years)
    items = ", ".join(
        t("alt_map_item", lang, name=r["name"], n=int(r.mentions), e=int(r.events))
        for _, r in mv.places.iterrows()
    )
    text = t(
        "alt_map", lang, title=t("map_title", lang), status=mv.status, n=len(mv.places), items=items or "—"
    )
    return f"{text} {mv.no_shape}".strip()
