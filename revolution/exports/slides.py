"""What can go on a slide: each figure group's chart and the timeline at each preset, built from their
keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from revolution import state
from revolution.data import filters, mentions, presets
from revolution.data.load import Dataset
from revolution.exports import images, slide_layout
from revolution.i18n import our_translation, t
from revolution.views import describe, panels, place_map, references, timeline_charts
from revolution.views import format as fmt

# Presentation mode lays a slide out on a 1920×1080 frame, as the exports do, and the browser scales the whole
# frame (chart, caption, buttons) to the screen: 24 px type on a 1920 screen, 16 px on a 1280 one. The chart
# takes the frame less its padding, the caption line and the buttons (ui/present.css).
PRESENT_FRAME = (1920, 1080)
PRESENT_SIZE = (1856, 872)
PRESENT_TYPE = slide_layout.SLIDE_TYPE
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
    alt: str = ""  # what the chart shows, in words (revolution.views.describe)
    rows: pd.DataFrame | None = None  # the data behind the chart (the lesson bundle's CSV)
    source_names: dict | None = None  # a timeline's: each page's source line names the texts on it
    # a timeline's figure as a screen draws it (rows named in the row, legend under it, laid out for any width
    # the app gives it); `figure` names the rows on the axis, which only a slide's known size lays out
    screen: go.Figure | None = None

    @property
    def shown(self) -> go.Figure:
        """The figure a page previews the item with (the slide is `figure`, laid out by slide_layout)."""
        return self.screen if self.screen is not None else self.figure


def options(data: Dataset) -> list[str]:
    """Every slide key, in the order the Figures page and the presets show them."""
    groups = data.groups[data.groups.group_id.isin(data.figures.group)].sort_values("order").group_id
    ids = list(data.presets.preset_id)
    return [figure_key(g) for g in groups] + [f"timeline:{p}" for p in ids] + [f"map:{p}" for p in ids]


def default(data: Dataset) -> list[str]:
    """The deck shown before anyone chose one: the first four charts."""
    return options(data)[:4]


def custom_timeline(name: str) -> tuple[int, int] | None:
    """A timeline view the user filtered, as 'YYYY-YYYY' (its year range), or None."""
    m = re.fullmatch(r"(\d{4})-(\d{4})", name)
    return (int(m[1]), int(m[2])) if m and int(m[1]) <= int(m[2]) else None


def _custom(key: str) -> bool:
    return key.split(":", 1)[0] in ("timeline", "map") and custom_timeline(key.split(":", 1)[1]) is not None


def valid(keys: list[str], data: Dataset) -> list[str]:
    """The known keys among those given, in order, without repeats; custom timeline ranges count, the first
    MAX_CUSTOM of them."""
    known = set(options(data))
    ok = [k for k in dict.fromkeys(map(lambda k: current(k, data), keys)) if k in known or _custom(k)]
    extra = [k for k in ok if _custom(k)][MAX_CUSTOM:]
    return [k for k in ok if k not in extra]


def current(key: str, data: Dataset) -> str:
    """The key as it is named now: a link shared before a preset took another id (timeline:civil_war) opens
    that preset (timeline:civil_war_1918_1921)."""
    kind, _, name = key.partition(":")
    if kind in ("timeline", "map") and name in (old := presets.aliases(data.presets)):
        return f"{kind}:{old[name]}"
    return key


def over_cap(raw) -> bool:
    """Whether a URL's deck asks for more custom timeline ranges than a deck may hold (some were left out)."""
    keys = (state.first(raw) or "").split(",")[: state.MAX_ITEMS]
    return len({k for k in keys if _custom(k)}) > MAX_CUSTOM


def parse(raw, data: Dataset) -> list[str] | None:
    """The deck from a URL value: known keys only, at most MAX_ITEMS; [] for the emptied deck
    (state.DECK_NONE, or an empty value); None (the default deck) if nothing known is left."""
    text = (state.first(raw) or "").strip()
    if text in ("", state.DECK_NONE):
        return []
    return valid(text.split(",")[: state.MAX_ITEMS], data) or None


def encode(deck: list[str]) -> str:
    """The deck as its URL value: the emptied deck says so (state.DECK_NONE), never an empty value."""
    return ",".join(deck) if deck else state.DECK_NONE


def label(key: str, data: Dataset, lang: str) -> str:
    kind, name = key.split(":", 1)
    if kind == "figure":
        return data.groups.set_index("group_id").loc[name, f"title_{lang}"]
    head = t("map_title" if kind == "map" else "page_timeline", lang)
    span = custom_timeline(name)
    if span:
        return f"{head}: {fmt.years_text(*span, lang)}"
    name = presets.resolve(data.presets, name) or name
    years = presets.years(data.presets).get(name)
    what = t(f"preset_{name}", lang)
    if years and what != fmt.years_text(*years, lang):
        what = f"{what} ({fmt.years_text(*years, lang)})"
    return f"{head}: {what}"


def figure_key(group_id: str) -> str:
    """The deck key of a figure group's chart."""
    return f"figure:{group_id}"


def map_key(first: int, last: int) -> str:
    """The deck key of the map over these years (a range of its own, as the People page's years give it)."""
    return f"map:{first}-{last}"


def timeline_key(first: int, last: int, data: Dataset) -> str:
    """The deck key of a timeline view of these years: the preset's when one spans exactly them (shared by
    everyone and cached once, never counted against MAX_CUSTOM), else the custom range."""
    named = presets.named(data.presets, first, last)
    return f"timeline:{named or f'{first}-{last}'}"


def add(deck: list[str], key: str) -> list[str]:
    """The deck with `key` at its end (never replacing it; a key already there stays where it is)."""
    return list(dict.fromkeys([*deck, key]))


def move(deck: list[str], index: int, step: int) -> list[str]:
    """The deck with one item moved up (-1) or down (+1)."""
    out = list(deck)
    other = index + step
    if 0 <= index < len(out) and 0 <= other < len(out):
        out[index], out[other] = out[other], out[index]
    return out


def pages(
    item: Item,
    lang: str,
    size: tuple[int, int] = (1920, 1080),
    kind: slide_layout.Type = slide_layout.SLIDE_TYPE,
    room: float | None = None,
) -> list[tuple[go.Figure, str]]:
    """The item's slides: one, or a timeline cut into pages of whole rows, each titled with its years."""
    parts = slide_layout.pages(item.figure, size, kind, room)
    if len(parts) == 1:
        return [(parts[0][0], item.title)]
    # the whole timeline's pages are named by their years; a chosen range keeps its own title, numbered
    whole = item.key == "timeline:all"
    titles = [
        f"{t('page_timeline', lang)}: {fmt.years_text(*yrs, lang)}" if yrs and whole else item.title
        for _, yrs in parts
    ]
    out = []
    for n, ((fig, _), title) in enumerate(zip(parts, titles), 1):
        if titles.count(title) > 1:  # two pages of the same year say which is which
            same = [i for i, x in enumerate(titles, 1) if x == title]
            title = t("deck_page", lang, title=title, n=same.index(n) + 1, total=len(same))
        out.append((go.Figure(fig).update_layout(title=title), title))
    return out


def deck_pages(item: Item, lang: str) -> list[tuple[go.Figure, str]]:
    """The item's slides as the deck shows them, the same in the PPTX and in presentation mode: cut for the
    tighter of their two chart boxes (the PPTX's under its title line, presentation mode's frame), so that
    a deck has as many slides in both (the 1917 timeline was 2 slides in one and 3 in the other)."""
    from revolution.exports import publish

    untitled = go.Figure(item.figure).update_layout(title=None)  # the PPTX writes its title on the slide
    room = min(
        slide_layout.plot_room(item.figure, PRESENT_SIZE, PRESENT_TYPE),
        slide_layout.plot_room(untitled, publish.CHART_SIZE, PRESENT_TYPE),
    )
    return pages(item, lang, PRESENT_SIZE, PRESENT_TYPE, room)


def page_of(shown: list, position: int) -> tuple[str, int]:
    """Which item's which page the deck's slide `position` (1-based) is: (item key, page within the item)."""
    item = shown[position - 1][0]
    return item.key, [s[0].key for s in shown[:position]].count(item.key) - 1


def present_svg(item: Item, lang: str, page: int) -> str:
    """One slide as presentation mode draws it: the export's own drawing (SVG, laid out for the frame's chart
    box with the slide's type sizes), which the browser scales with the frame, text and all. An interactive
    chart cannot be scaled so: Streamlit sizes it by its box as drawn, so it would get the slide's type in a
    box shrunk to the screen."""
    fig, _ = deck_pages(item, lang)[page]
    laid = slide_layout.fit(fig, PRESENT_SIZE, kind=PRESENT_TYPE)
    return images.render(laid, "svg", PRESENT_SIZE).decode("utf-8")


def build(data: Dataset, key: str, lang: str, source_names: dict, with_refs: bool = True) -> Item:
    """The chart for a slide key, with its title, caption and the full quotes behind it (read-only once
    built)."""
    kind, name = key.split(":", 1)
    if kind == "figure":
        drawn = panels.group_figure(data, name, lang, source_names, with_refs=with_refs)
        rows = drawn.rows
        return Item(
            key,
            drawn.group[f"title_{lang}"],
            drawn.figure,
            _quotes(rows, source_names, lang),
            _caption(rows, source_names, lang),
            drawn.maddison is not None,
            drawn.alt,
            rows,
        )
    bounds = filters.year_bounds(data.events, data.eras)
    custom = custom_timeline(name)
    years = presets.clamp(custom, bounds) if custom else presets.span(data.presets, name, bounds) or bounds
    if kind == "map":
        return _map_item(data, key, lang, source_names, years)
    events = filters.events(data, filters.EventFilter(years=years))
    drawn = (events, data.eras, lang, "new", "category", source_names)
    title = label(key, data, lang)
    fig = timeline_charts.timeline_chart(
        *drawn, years=years, labels="axis", overview=False, key_titles=data.event_keys, title=title
    )
    screen = timeline_charts.timeline_chart(*drawn, years=years, overview=False, key_titles=data.event_keys)
    return Item(
        key,
        title,
        fig,
        _quotes(events, source_names, lang),
        timeline_caption(events, source_names, lang),
        alt=describe.timeline(events, years, len(data.events), lang),
        rows=events,
        source_names=source_names,
        screen=screen,
    )


# the map's names are placed to fit every plot a slide's map is drawn in (the frame less its title, legend
# and source bands, as slide_layout.fit lays them out): a 1920×1080 image with and without a source line of
# two lines, a 1080×1080 square (its source line takes four), a deck slide's chart box, presentation mode
MAP_PLOTS = [(1728, 771), (1728, 706), (888, 771), (888, 641), (1598, 461), (1664, 563)]


def _map_item(data: Dataset, key: str, lang: str, source_names: dict, years: tuple[int, int]) -> Item:
    """A map slide: the window's places on its borders, the attribution on the slide and in its caption."""
    counts = mentions.text_mentions(data, "places")
    # the names at the slide's floor (24 px), not its body size: a whole range's 27 places fit a square then
    small = slide_layout.SLIDE_TYPE.small
    fig = place_map.map_chart(data, counts, lang, source_names, years, small, MAP_PLOTS, notes=True)
    title = label(key, data, lang)
    fig.update_layout(title=title)
    mv = place_map.view(data, counts, lang, years)
    events = data.events[data.events.event_id.isin(mv.events.event_id)]
    return Item(
        key,
        title,
        fig,
        _quotes(events, source_names, lang),
        place_map.caption(mv, lang),
        alt=place_map.alt_text(data, counts, lang, years),
        rows=mv.places[["place_id", "name", "lat", "lon", "events", "mentions"]],
    )


def _quotes(rows: pd.DataFrame, source_names: dict, lang: str = "ko") -> str:
    """The full quotes for the speaker notes; an English deck adds our gloss under each, labelled."""
    lines = []
    for q, g, s in zip(rows.quote, rows.quote_en, rows.source_id.fillna("")):
        lines.append(f"“{q}” — {source_names.get(s, '')}")
        if lang == "en":
            lines.append("  " + our_translation(g, lang))
    return "\n".join(lines)


def _caption(rows: pd.DataFrame, source_names: dict, lang: str, first: int = 2) -> str:
    """One line: the sources and the first short quote(s); a slide cuts it to fit its width."""
    first = rows.drop_duplicates("quote").head(first)
    said = " / ".join(f"“{q}”" for q in first.quote)
    who = ", ".join(dict.fromkeys(source_names.get(s, "") for s in first.source_id.dropna()))
    return t("chart_caption", lang, source=who, quote=said.strip("“”"))


def timeline_caption(rows: pd.DataFrame, source_names: dict, lang: str) -> str:
    """A timeline slide's source line: every text whose rows are on it, and how many events (one sentence
    would stand for many; each row's sentence and source are in the speaker notes)."""
    told = [source_names.get(s, s) for s in source_names if s in set(rows.source_id.dropna())]
    return t("timeline_caption", lang, sources=", ".join(told), n=f"{len(rows):,}")


def page_rows(fig: go.Figure, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows whose marks are on a page of a timeline (the rows inside its y range)."""
    lo, hi = sorted(fig.layout.yaxis.range or (float("-inf"), float("inf")))
    ids = set()
    for tr in fig.data:
        if tr.customdata is None or tr.y is None or tr.meta is None:
            continue
        ids |= {
            c[0] for c, y in zip(tr.customdata, tr.y) if c is not None and y is not None and lo <= y <= hi
        }
    return rows[rows.event_id.isin(ids)]


def deck_slides(items: list[Item], lang: str, citations: dict, link: str = "") -> list:
    """Every slide of the deck in order (a tall timeline gives several): a one-line caption, and in the notes
    the full citation, every quote behind the chart and the public link. `citations`: maddison? -> line."""
    from revolution.exports import publish

    out = []
    for item in items:
        timeline = item.source_names is not None and item.rows is not None and "event_id" in item.rows
        for fig, title in deck_pages(item, lang):
            caption, quotes = item.caption, item.quotes
            if timeline:  # a page of a timeline cites the texts and sentences of its own rows
                on_page = page_rows(fig, item.rows)
                caption = timeline_caption(on_page, item.source_names, lang)
                quotes = _quotes(on_page, item.source_names, lang)
            notes = "\n\n".join([citations[item.maddison], quotes] + ([link] if link else []))
            out.append(publish.Slide(fig, title, caption, notes, link))
    return out


def deck_bytes(items: list[Item], lang: str, sources: pd.DataFrame, citations: dict, link: str = "") -> bytes:
    from revolution.data import paths
    from revolution.exports import publish

    return publish.deck(
        deck_slides(items, lang, citations, link),
        lang,
        publish.source_lines(sources, lang),
        maddison=any(i.maddison for i in items),
        public_url=paths.public_url(),
    )


def lesson_bytes(
    items: list[Item], lang: str, sources: pd.DataFrame, citations: dict, link: str = ""
) -> bytes:
    """The offline lesson bundle: the deck, each chart as HTML with its CSV, and an index."""
    from revolution.exports import bundle, publish

    charts = [
        bundle.Chart(
            f"{n:02d}_{item.key.replace(':', '_')}",
            item.title,
            item.caption,
            go.Figure(item.figure).update_layout(title=item.title),
            item.rows,
        )
        for n, item in enumerate(items, 1)
    ]
    lines = publish.source_lines(sources, lang) + (
        [references.MADDISON_CITATION] if any(i.maddison for i in items) else []
    )
    return bundle.lesson_zip(charts, deck_bytes(items, lang, sources, citations, link), lang, lines)
