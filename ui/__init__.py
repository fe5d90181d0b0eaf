"""Streamlit glue the pages share, by subject: the shell (the dataset, the language, the pages), widgets and
values bound to the URL, charts and their downloads, tellings, the deck and presentation mode. The pages call
`ui.<name>`; each name is defined in one module below. Cached computations live in `cached.py`."""

from ui.charts import (
    CHART_CONFIG,
    chart,
    citation,
    cite,
    folded,
    headline,
    image_downloads,
    rows_behind,
    small_chart,
)
from ui.deck import add_to_deck, deck, deck_downloads, deck_sidebar, set_deck
from ui.present import presentation
from ui.review_columns import review_columns
from ui.shell import (
    accessibility,
    compact_top,
    current_lang,
    dataset,
    language_switch,
    leave_legacy_pages_mode,
    n_texts,
    navigation,
    not_found,
    requested_page,
    source_names,
    stamp,
    start,
    titled,
)
from ui.tellings import escape_md, quote_block, sentence_block, telling, tellings
from ui.url import bind, bind_range, dropped_note, public_link, query, set_url_value, typed_years, url_value

__all__ = [
    "CHART_CONFIG",
    "accessibility",
    "add_to_deck",
    "bind",
    "bind_range",
    "chart",
    "citation",
    "cite",
    "compact_top",
    "current_lang",
    "dataset",
    "deck",
    "deck_downloads",
    "deck_sidebar",
    "dropped_note",
    "escape_md",
    "headline",
    "folded",
    "image_downloads",
    "language_switch",
    "leave_legacy_pages_mode",
    "n_texts",
    "navigation",
    "not_found",
    "presentation",
    "public_link",
    "query",
    "quote_block",
    "requested_page",
    "review_columns",
    "rows_behind",
    "sentence_block",
    "set_deck",
    "set_url_value",
    "small_chart",
    "source_names",
    "stamp",
    "start",
    "tellings",
    "typed_years",
    "telling",
    "titled",
    "url_value",
]
