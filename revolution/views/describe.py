"""What a chart shows, in words: the text alternative a screen reader reads instead of the drawing
(WCAG 1.1.1). Each states the range, counts and largest values, as `charts.alt_text` does for figures."""

from __future__ import annotations

import pandas as pd

from revolution.i18n import category, t

TOP = 3  # the largest values named; the table behind each chart (its expander) has the rest


def _decade(year: int, lang: str) -> str:
    return f"{year}{t('decade_suffix', lang)}"  # as the coverage chart labels its bars


def _by_source(part: pd.Series, source_names: dict) -> str:
    """'History 20, Manifesto 5': a count split by source, sources that count nothing left out."""
    return ", ".join(f"{source_names.get(s, s)} {int(n)}" for s, n in part.items() if n > 0)


def timeline(events: pd.DataFrame, years: tuple[int, int], total: int, lang: str) -> str:
    """The timeline: its years, how many events of how many it shows, the first and last day drawn, and the
    count per category, the largest first."""
    lo, hi = years
    if events.empty:
        return t("alt_timeline_empty", lang, lo=lo, hi=hi, total=total)
    per = events.category.value_counts(sort=False)
    per = per.sort_values(ascending=False, kind="stable")
    cats = ", ".join(f"{category(c, lang)} {n}" for c, n in per.items())
    return t(
        "alt_timeline",
        lang,
        lo=lo,
        hi=hi,
        n=len(events),
        total=total,
        first=events.start_gregorian.min(),
        last=events.end_gregorian.max(),
        cats=cats,
    )


def mentions(counts: pd.DataFrame, labels: dict, source_names: dict, title: str, lang: str) -> str:
    """A mentions chart (`counts`: id, source_id, mentions): the most mentioned names with their counts per
    source, and how many names are mentioned at all."""
    key = counts.columns[0]
    per = counts.pivot_table(index=key, columns="source_id", values="mentions", aggfunc="sum", fill_value=0)
    totals = per.sum(axis=1)
    totals = totals[totals > 0].sort_values(ascending=False, kind="stable")
    items = "; ".join(
        t("alt_count", lang, name=labels.get(k, k), n=int(n)) + f" ({_by_source(per.loc[k], source_names)})"
        for k, n in totals.head(TOP).items()
    )
    return t("alt_mentions", lang, title=title, items=items or "—", n=len(totals))


def coverage(events: pd.DataFrame, source_names: dict, lang: str) -> str:
    """Events per decade and source: the decades drawn, and the decades with the most events, split by
    source."""
    decade = events.start_gregorian.str[:4].astype(int) // 10 * 10
    per = events.assign(decade=decade).groupby(["decade", "source_id"]).size().unstack(fill_value=0)
    if per.empty:
        return t("coverage", lang)
    totals = per.sum(axis=1).sort_values(ascending=False, kind="stable")
    items = "; ".join(
        t("alt_in_decade", lang, decade=_decade(d, lang), n=int(n))
        + f" ({_by_source(per.loc[d], source_names)})"
        for d, n in totals.head(TOP).items()
    )
    return t(
        "alt_coverage",
        lang,
        title=t("coverage", lang),
        first=_decade(int(per.index.min()), lang),
        last=_decade(int(per.index.max()), lang),
        n=len(per),
        items=items,
    )
