"""Text alternatives of the charts state what each chart shows: its range, counts and largest values."""

import pytest

from revolution.data import filters, mentions
from revolution.exports import slides
from revolution.i18n import category, t
from revolution.views import describe

NAMES = {
    "ko": {"history": "역사", "manifesto": "선언"},
    "en": {"history": "History", "manifesto": "Manifesto"},
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_timeline_alt_states_range_counts_dates_and_every_category_largest_first(dataset, lang):
    events = filters.events(dataset, filters.EventFilter(years=(1914, 1924)))
    text = describe.timeline(events, (1914, 1924), len(dataset.events), lang)
    assert "1914–1924" in text and str(len(events)) in text and str(len(dataset.events)) in text
    assert events.start_gregorian.min() in text and events.end_gregorian.max() in text
    per = events.category.value_counts()
    named = [text.index(f"{category(c, lang)} {n}") for c, n in per.items()]  # every category, with its count
    assert named[0] == min(named)  # the largest first
    assert 0 < len(events) < len(dataset.events)


def test_timeline_alt_says_when_nothing_matches(dataset):
    text = describe.timeline(dataset.events.iloc[:0], (1800, 1801), 113, "en")
    assert text == t("alt_timeline_empty", "en", lo=1800, hi=1801, total=113)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_mentions_alt_names_the_most_mentioned_with_counts_per_source(dataset, lang):
    counts = mentions.text_mentions(dataset, "people")
    labels = dict(zip(dataset.people.person_id, dataset.people[f"name_{lang}"]))
    text = describe.mentions(counts, labels, NAMES[lang], "T", lang)
    totals = counts.groupby("person_id").mentions.sum().sort_values(ascending=False)
    top = totals.index[0]
    per = counts[counts.person_id == top].set_index("source_id").mentions
    assert text.startswith("T")
    assert t("alt_count", lang, name=labels[top], n=totals.iloc[0]) in text
    assert all(f"{NAMES[lang][s]} {n}" in text for s, n in per.items() if n)
    assert text.index(labels[top]) < text.index(labels[totals.index[1]])
    assert str((totals > 0).sum()) in text


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_coverage_alt_names_the_busiest_decade_split_by_source(dataset, lang):
    text = describe.coverage(dataset.events, NAMES[lang], lang)
    decade = dataset.events.start_gregorian.str[:3] + "0"
    busiest = decade.value_counts().index[0]
    label = f"{busiest}s" if lang == "en" else f"{busiest}년대"
    assert t("alt_in_decade", lang, decade=label, n=decade.value_counts().iloc[0]) in text
    assert t("coverage", lang) in text and str(decade.nunique()) in text


def test_slide_alt_texts_say_what_the_slide_shows(dataset):
    names = NAMES["en"]
    timeline = slides.build(dataset, "timeline:1917", "en", names)
    assert timeline.alt.startswith("Timeline 1917–1917:") and timeline.alt != timeline.title
    figure = slides.build(dataset, "figure:constituent_assembly", "en", names)
    assert figure.alt.startswith(figure.title) and len(figure.alt) > len(figure.title) + 20
