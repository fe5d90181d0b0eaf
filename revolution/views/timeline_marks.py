"""The timeline's marks and the legend that explains them: every telling drawn as what its text knows (a
day a dot, a month, a year or a window a whisker, a period a bar), and which text, mark and fill is which."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from revolution.data import categories, sources
from revolution.data.calendar import MARK_KINDS
from revolution.i18n import category, t
from revolution.views import format as fmt
from revolution.views import measure, theme
from revolution.views.chart_marks import HOVER_CHARS, MARK_PX, legend_entry, one_or_each, pale_colour
from revolution.views.timeline_sizes import (
    LEGEND_ITEM_PX,
    LEGEND_LINE_PX,
    LEGEND_ROW_PX,
    LEGEND_TYPE_PX,
    NARROWEST_PX,
    SIDE_PX,
)


def draw_marks(fig, events, dates, lanes, lang, color_by, source_names) -> None:
    """Step 1: every telling as the mark its extent and precision call for: one trace per colour, text and
    kind of mark (the text's name and the kind are the trace's `meta`, which the one hover template reads),
    the whiskers of a colour and text in one trace whatever their kind (each way: solid or dotted); a
    legend entry per colour (by text, it is the text's own entry, `source_legend`) toggles every trace of
    its colour (`legendgroup`)."""
    by_category = color_by == "category"
    marks = {k: t(f"mark_{k}", lang) for k in MARK_KINDS}
    texts = sources.ordered(events.source_id.unique(), source_names)
    # each text's marks sit at its own height in the row, in legend order, so tellings never cover each other
    offsets = {
        s: (i - (len(texts) - 1) / 2) * min(0.32, 0.64 / max(1, len(texts) - 1)) for i, s in enumerate(texts)
    }
    for value in categories.order(events.category.unique()) if by_category else texts:
        part = events[events.category == value] if by_category else events[events.source_id == value]
        if by_category:
            colour = categories.get(value).colour
            # a stroke of colour, not a mark: every mark's shape belongs to its text
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=category(value, lang),
                legendgroup=value,
                line=dict(color=colour, width=6),
            )
        else:
            colour = sources.style(source_names, value).colour
        # no name on a mark's trace: its legend entry names its group, and its hover says the rest
        common = dict(legendgroup=value, showlegend=False)
        whiskers: dict[bool, list] = {}
        drawn = []
        for source_id in sources.ordered(part.source_id.unique(), source_names):
            tellings = part[part.source_id == source_id]
            d = dates.loc[tellings.index]
            offset = offsets[source_id]
            y = pd.Series([lanes[k] + offset for k in tellings.event_key], index=tellings.index)
            # per point only what differs by point; the text's name and the kind of mark are the trace's
            # (`meta`), and the hover template is one for all marks (EVENT_HOVER, in the figure's
            # template): less to send
            custom = pd.Series(
                [
                    [
                        r["event_id"],
                        fmt.wrap(r[f"title_{lang}"], HOVER_CHARS),
                        fmt.wrap(f"{fmt.written_date(r, lang)} — {marks[k]}", HOVER_CHARS),
                        fmt.quote_with_gloss(r, lang),
                    ]
                    for r, k in zip(tellings.to_dict("records"), d.kind)
                ],
                index=tellings.index,
            )
            told_by = fmt.wrap(source_names.get(source_id, ""), HOVER_CHARS)
            inferred = (tellings.get("date_basis", "stated") != "stated").reindex(tellings.index)
            style = sources.style(source_names, source_id)
            for kind in MARK_KINDS:
                at = d.index[d.kind == kind]
                if not len(at):
                    continue
                if kind not in ("day", "period"):
                    for lo, hi, v, c, dotted in zip(d.lo[at], d.hi[at], y[at], custom[at], inferred[at]):
                        whiskers.setdefault((told_by, bool(dotted)), []).append((lo, hi, v, c))
                drawn.append((kind, d.loc[at], y[at], custom[at], inferred[at], style, [told_by, kind]))
        for (told_by, dotted), segments in whiskers.items():
            _whisker(fig, segments, colour, dotted, dict(meta=[told_by], **common))
        for kind, d, y, custom, inferred, style, meta in drawn:
            _mark(fig, kind, d, y, custom, inferred, style, colour, dict(meta=meta, **common))


def _mark(fig, kind, d, y, custom, inferred, style, colour, common) -> None:
    """The tellings of one colour, text and kind: a period's bars, or the dots (a day's seen; a month's, a
    year's or a window's an invisible target for the hover and the click in the middle of its whisker)."""
    if kind == "period":
        # a date the sentence does not give (the text around it, or a chronology): dotted
        shapes = ["." if i else style.pattern for i in inferred]
        fills = one_or_each([pale_colour(colour) if p else colour for p in shapes])
        fig.add_bar(
            base=d.lo.dt.strftime("%Y-%m-%d"),
            x=((d.hi - d.lo).dt.total_seconds() * 1000),
            y=list(y),
            orientation="h",
            width=0.3,
            marker=dict(
                color=fills,
                line=dict(color=colour, width=1.5),
                pattern=dict(shape=one_or_each(shapes), fgcolor=colour, solidity=0.3),
            ),
            customdata=list(custom),
            **common,
        )
        return
    middle = d.lo + (d.hi - d.lo) / 2 if kind != "day" else d.lo
    fig.add_scatter(
        x=middle.dt.strftime("%Y-%m-%d"),
        y=list(y),
        mode="markers",
        # a month, a year or a window has no day to mark: a dot in its middle was read as that day ("1917년"
        # as 1 July), so its mark there is an invisible target for the hover and the click, and the whisker
        # alone is seen
        marker=dict(
            color=colour,
            size=MARK_PX,
            symbol=style.symbol,
            line=dict(color=colour, width=2),
            opacity=1 if kind == "day" else 0,
        ),
        customdata=list(custom),
        **common,
    )


def legends(fig, events, dates, lang, source_names, color_by="category") -> None:
    """Step 2: the legend entries that explain the marks: which text is filled, which kind of mark is which,
    and the dotted fill of a date the sentence does not give. Coloured by text, each text's colour entry
    names it already: its shape entry is not added again (a text listed twice)."""
    source_legend(fig, events, source_names, by_colour=color_by != "category")
    _mark_legend(fig, set(dates.kind), lang)
    _pattern_legend(fig, events[(dates.kind == "period").values], lang, source_names)
    if "date_basis" in events and events.date_basis.ne("stated").any():
        fig.add_bar(
            x=[None],
            y=[None],
            name=t("legend_inferred", lang),
            marker=dict(color=theme.MUTED, line=dict(color=theme.MUTED, width=1.5), pattern=dict(shape=".")),
        )


def _pattern_legend(fig, periods: pd.DataFrame, lang: str, source_names: dict) -> None:
    """A text whose periods are drawn with a pattern (the manifesto's hatch) says so in the legend: a bar
    in grey with that pattern, named for the text."""
    for source_id in sources.ordered(periods.source_id.unique(), source_names):
        pattern = sources.style(source_names, source_id).pattern
        if not pattern:
            continue
        fig.add_bar(
            x=[None],
            y=[None],
            name=t("legend_text_period", lang, text=source_names.get(source_id, source_id)),
            legendgroup=f"pattern_{source_id}",
            marker=dict(
                color=theme.MUTED,
                line=dict(color=theme.MUTED, width=1.5),
                pattern=dict(shape=pattern, fgcolor=theme.MUTED, solidity=0.3),
            ),
        )


def legend_height(fig: go.Figure, width: float = NARROWEST_PX - 2 * SIDE_PX) -> int:
    """The pixels the legend takes in `width` (the plot's width at the narrowest chart), its entries, as
    measured in the chart's font, packed left to right; a name wider than a whole row is first broken at a
    space into lines that fit (Plotly never wraps one, and cuts it at the chart's edge)."""
    room = (width - LEGEND_ITEM_PX) / (LEGEND_TYPE_PX * measure.SPARE)
    for tr in fig.data:
        if tr.showlegend is not False and tr.name and measure.text_width(tr.name, LEGEND_TYPE_PX) > width:
            tr.name = theme.wrap_title(tr.name, room)
    names = measure.legend_names(fig)
    widest = [max(n.split("<br>"), key=lambda line: measure.text_width(line, 1)) for n in names]
    lines = sum(n.count("<br>") for n in names)  # at most one extra line per row that holds such a name
    return measure.legend_rows(widest, width, LEGEND_TYPE_PX) * LEGEND_ROW_PX + lines * LEGEND_LINE_PX


def _whisker(fig, segments, colour, dotted, common) -> None:
    """Faint lines across the month, year or window each event happened in (dotted for a date the sentence
    does not give), apart by gaps, with a tick at each end; the dot's target in the middle is on top."""
    xs, ys, cd = [], [], []
    for lo, hi, v, c in segments:
        xs += [lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d"), None]
        ys += [v, v, None]
        cd += [c, c, None]
    fig.add_scatter(
        x=xs,
        y=ys,
        mode="lines+markers",
        # thin, with a tick at each end: the bounds of when it happened, not a bar it lasted
        line=dict(color=pale_colour(colour, 0.5), width=2, dash="dot" if dotted else "solid"),
        marker=dict(symbol="line-ns-open", size=9, color=colour, opacity=0.7, line=dict(width=2)),
        customdata=cd,  # its ends answer the hover and the click as its dot does (the figure's one template)
        **common,
    )


KIND_SYMBOL = "circle-open-dot"  # the kinds' entries: a mark no text is drawn with (the texts own the shapes)


def _mark_legend(fig: go.Figure, kinds: set, lang: str) -> None:
    """Legend entries for the kinds of mark drawn: what a dot, a whiskered dot and a bar say about a date."""
    grey = theme.MUTED
    for kind in MARK_KINDS:
        if kind not in kinds:
            continue
        name = t(f"mark_{kind}", lang)
        if kind == "period":
            fig.add_bar(x=[None], y=[None], name=name, marker=dict(color=grey), legendgroup=f"mark_{kind}")
        elif kind == "day":
            legend_entry(fig, name, f"mark_{kind}", dict(color=grey, symbol=KIND_SYMBOL, size=MARK_PX))
        else:
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                name=name,
                legendgroup=f"mark_{kind}",
                # a whisker with no dot, as drawn: the entry's one marker is a tick, like the whisker's ends
                marker=dict(color=grey, size=9, symbol="line-ns-open", line=dict(width=2)),
                line=dict(color=pale_colour(grey, 0.5), width=2),
            )


def source_legend(fig: go.Figure, events: pd.DataFrame, source_names: dict, by_colour: bool) -> None:
    """One legend entry per text drawn, in the data's order, with its mark's shape and fill: in its colour
    when colour shows the text (the entry then toggles its marks), else in grey."""
    for source_id in sources.ordered(events.source_id.unique(), source_names):
        style = sources.style(source_names, source_id)
        colour = style.colour if by_colour else theme.MUTED
        marker = dict(color=colour, symbol=style.symbol, size=MARK_PX, line=dict(color=colour, width=2))
        group = source_id if by_colour else f"src_{source_id}"
        legend_entry(fig, source_names.get(source_id, source_id), group, marker)
