"""The dashboard's pages, listed once: the entry point, the tests and the deployment proof all read this
list."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    file: str  # the script under pages/, relative to the project's root
    title_key: str  # its title in revolution.i18n
    url_path: str  # the address it is served at (the first page is also served at /)
    icon: str


PAGES: tuple[Page, ...] = (
    Page("pages/overview.py", "page_overview", "overview", ":material/home:"),
    Page("pages/figures.py", "page_figures", "figures", ":material/bar_chart:"),
    Page("pages/timeline.py", "page_timeline", "timeline", ":material/timeline:"),
    Page("pages/sources.py", "page_sources", "sources", ":material/compare:"),
    Page("pages/people.py", "page_people", "people", ":material/groups:"),
    Page("pages/explorer.py", "page_explorer", "explorer", ":material/table:"),
    Page("pages/read.py", "page_read", "read", ":material/menu_book:"),
    Page("pages/slides.py", "page_slides", "slides", ":material/slideshow:"),
)

# Pages that exist only in editing mode (./dev run --edit, on 127.0.0.1): a shared server has none of them.
EDIT_PAGES: tuple[Page, ...] = (Page("pages/review.py", "page_review", "review", ":material/rate_review:"),)


def pages(editing: bool) -> tuple[Page, ...]:
    """The pages a server offers: the public ones, and the editing ones only in editing mode."""
    return PAGES + EDIT_PAGES if editing else PAGES
