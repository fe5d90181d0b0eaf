"""What can go on a slide: each figure group's chart and the timeline at each preset, built from their
keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import charts, describe, filters, limits, references, state
from .i18n import t
from .load import Dataset

PRESENT_FONT = 22  # large type for the room
# Custom timeline ranges one deck may hold. Presets and figure charts are shared by every user (cached once);
# each custom range is a timeline built for that link alone. A link with 50 of them took 6 s of CPU and
# evicted everyone's cached charts; three cover what a lecture compares.
MAX_CUSTOM = 3


@dataclass
class Item:
    key: str
    title: str
    figure: go.Figure
    quotes: str
    caption: str
    maddison: bool = False
    alt: str = ""  # what the chart shows, in words (revolution.describe)


def options(data: Dataset) -> list[str]:
    """Every slide key, in the order the Figures page and the presets show them."""
    groups = data.groups[data.groups.group_id.isin(data.figures.group)].sort_values("order").group_id
    return [f"figure:{g}" for g in groups] + [f"timeline:{p}" for p in state.PRESETS]


def custom_timeline(name: str) -> tuple[int, int] | None:
    """A timeline view the user filtered, as 'YYYY-YYYY' (its year range), or None."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", name)
    return (int(m[1]), int(m[2])) if m and int(m[1]) <= int(m[2]) else None


def _custom(key: str) -> bool:
    return key.startswith("timeline:") and custom_timeline(key.split(":", 1)[1]) is not None


def valid(keys: list[str], data: Dataset) -> list[str]:
    """The known keys among those given, in order, without repeats; custom timeline ranges count, the first
    MAX_CUSTOM of them."""
    known = set(options(data))
    ok = [k for k in dict.fromkeys(keys) if k in known or _custom(k)]
    extra = [k for k in ok if _custom(k)][MAX_CUSTOM:]
    return [k for k in ok if k not in extra]


def over_cap(raw) -> bool:
    """Whether a URL's deck asks for more custom timeline ranges than a deck may hold (some were left out)."""
    keys = (state.first(raw) or "").split(",")[: state.MAX_ITEMS]
    return len({k for k in keys if _custom(k)}) > MAX_CUSTOM


def parse(raw, data: Dataset) -> list[str] | None:
    """The deck from a URL value: known keys only, at most MAX_ITEMS; None (the default deck) if none is
    left."""
    return valid((state.first(raw) or "").split(",")[: state.MAX_ITEMS], data) or None


def label(key: str, data: Dataset, lang: str) -> str:
    kind, name = key.split(":", 1)
    if kind == "figure":
        return data.groups.set_index("group_id").loc[name, f"title_{lang}"]
    if custom_timeline(name):
        return f"{t('page_timeline', lang)}: {name}"
    return f"{t('page_timeline', lang)}: {t(f'preset_{name}', lang)}"


def build(data: Dataset, key: str, lang: str, source_names: dict, with_refs: bool = True) -> Item:
    """The chart for a slide key, with its title, caption and the full quotes behind it (read-only once
    built)."""
    kind, name = key.split(":", 1)
    if kind == "figure":
        rows = limits.head(data.figures[data.figures.group == name], limits.CHART_ROWS)[0]
        group = data.groups.set_index("group_id").loc[name].to_dict() | {"group_id": name}
        refs = (
            references.in_language(references.beside(data.reference_values, rows.figure_id), lang)
            if with_refs
            else None
        )
        madd = (
            references.maddison_index(data.maddison_ussr) if with_refs and group["chart"] == "index" else None
        )
        fig = charts.group_chart(rows, group, lang, source_names, refs=refs, maddison=madd)
        quotes = _quotes(rows, source_names, lang)
        return Item(
            key,
            group[f"title_{lang}"],
            fig,
            quotes,
            _caption(rows, source_names, lang),
            madd is not None,
            charts.alt_text(rows, group, lang),
        )
    lo, hi = filters.year_bounds(data.events, data.eras)
    span = custom_timeline(name) or state.PRESETS.get(name) or (lo, hi)
    years = (max(lo, span[0]), min(hi, span[1]))
    events = filters.events(data, filters.EventFilter(years=years))
    fig = charts.timeline_chart(events, data.eras, lang, "new", "category", source_names, years=years)
    title = label(key, data, lang)
    fig.update_layout(title=title)
    return Item(
        key,
        title,
        fig,
        _quotes(events, source_names, lang),
        t("n_shown", lang, n=len(events), total=len(data.events)),
        alt=describe.timeline(events, years, len(data.events), lang),
    )


def _quotes(rows: pd.DataFrame, source_names: dict, lang: str = "ko") -> str:
    """The full quotes for the speaker notes; an English deck adds our gloss under each, labelled."""
    lines = []
    for q, g, s in zip(rows.quote, rows.quote_en, rows.source_id.fillna("")):
        lines.append(f"“{q}” — {source_names.get(s, '')}")
        if lang == "en":
            lines.append(f"  {t('our_translation', lang)}: “{g}”")
    return "\n".join(lines)


def _caption(rows: pd.DataFrame, source_names: dict, lang: str) -> str:
    first = rows.drop_duplicates("quote").head(2)
    said = " / ".join(f"“{q}”" for q in first.quote)
    who = ", ".join(dict.fromkeys(source_names.get(s, "") for s in first.source_id.dropna()))
    return t("chart_caption", lang, source=who, quote=said.strip("“”"))


def for_presentation(fig: go.Figure) -> go.Figure:
    """The same chart with type large enough for the back of a lecture hall."""
    out = go.Figure(fig)
    out.update_layout(font=dict(size=PRESENT_FONT), title=dict(font=dict(size=PRESENT_FONT + 10)))
    return out
