"""Who and where each source talks about: name counts in the seeds, and linked events by era."""

from __future__ import annotations

import pandas as pd

from revolution.data.load import Dataset
from revolution.data.provenance import normalize


def names(row) -> list[str]:
    """The Korean spellings of a person or place as the texts write them, longest first."""
    extra = row["aliases_ko"] if isinstance(row["aliases_ko"], str) else ""
    found = [row["name_ko"]] + [a.strip() for a in extra.split(";") if a.strip()]
    return sorted(dict.fromkeys(normalize(n) for n in found), key=len, reverse=True)


def count_in(text: str, spellings: list[str]) -> int:
    """Occurrences of any spelling, longest first, so that '레닌주의' is not also counted as '레닌' twice."""
    flat, total = normalize(text), 0
    for s in spellings:
        if s:
            total += flat.count(s)
            flat = flat.replace(s, "\0")
    return total


def text_mentions(data: Dataset, table: str) -> pd.DataFrame:
    """Mentions per person (table='people') or place (table='places') in each source's text."""
    frame = getattr(data, table)
    key = "person_id" if table == "people" else "place_id"
    rows = []
    for rec in frame.to_dict("records"):
        spellings = names(rec)
        for source_id, text in data.seeds.items():
            rows.append({key: rec[key], "source_id": source_id, "mentions": count_in(text, spellings)})
    return pd.DataFrame(rows, columns=[key, "source_id", "mentions"])


def events_by_era(data: Dataset, table: str) -> pd.DataFrame:
    """Linked events per person or place, source and era."""
    link = data.event_people if table == "people" else data.event_places
    key = "person_id" if table == "people" else "place_id"
    merged = link.merge(data.events[["event_id", "source_id", "era"]], on="event_id")
    return merged.groupby([key, "source_id", "era"]).size().rename("events").reset_index()
