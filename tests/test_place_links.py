"""Where each event happened, read from the seeds' sentences: every city or region (a place of a kind other
than country) named in the sentence an event row quotes, or in the sentence next to it, is linked to that
event or declined in data/event_places_declined.csv with a reason (issue 34: Kronstadt's sailors were
October's main force, and the October row did not link Kronstadt)."""

import re

from revolution.data.mentions import names
from revolution.data.provenance import normalize, span

END = re.compile(r"[.!?][\"”’)]*")


def sentences(flat: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a seed with its white space removed (the seeds are hard-wrapped)."""
    out, a = [], 0
    for m in END.finditer(flat):
        out.append((a, m.end()))
        a = m.end()
    return out + [(a, len(flat))]


def named_beside(dataset) -> dict[tuple[str, str], str]:
    """(event, place) -> the sentence that names the place: the event's own sentences and their
    neighbours."""
    flat = {k: normalize(v) for k, v in dataset.seeds.items()}
    cuts = {k: sentences(v) for k, v in flat.items()}
    places = [(r["place_id"], names(r)) for r in dataset.places.to_dict("records") if r["kind"] != "country"]
    out = {}
    for ev in dataset.events.to_dict("records"):
        text, cut = flat[ev["source_id"]], cuts[ev["source_id"]]
        lo, hi = span(ev["quote"], text)
        own = [i for i, (a, b) in enumerate(cut) if a < hi and b > lo]
        for i in {*own, own[0] - 1, own[-1] + 1}:
            if 0 <= i < len(cut):
                sentence = text[slice(*cut[i])]
                for place_id, spellings in places:
                    if any(s in sentence for s in spellings):
                        out[(ev["event_id"], place_id)] = sentence
    return out


def test_kronstadt_is_where_october_was_fought(dataset):
    october = dataset.events[dataset.events.event_id == "EH033"]
    assert october.event_key.item() == "october_revolution_1917"
    assert ("EH033", "kronstadt") in set(zip(dataset.event_places.event_id, dataset.event_places.place_id))


def test_every_city_or_region_named_beside_an_event_is_linked_or_declined_with_a_reason(dataset):
    linked = set(zip(dataset.event_places.event_id, dataset.event_places.place_id))
    declined = dataset.event_places_declined
    reasons = set(zip(declined.event_id, declined.place_id))
    found = named_beside(dataset)
    assert ("EH033", "kronstadt") in found  # the sentence before October's: "봉기의 주력은 … 크론시타트"
    missing = {k: v[:60] for k, v in found.items() if k not in linked | reasons}
    assert not missing, missing
    assert not linked & reasons, "a place both linked and declined"
    assert reasons <= set(found), f"declined but not named beside the event: {reasons - set(found)}"
    assert declined.reason_ko.str.len().gt(10).all() and declined.reason_en.str.len().gt(10).all()
