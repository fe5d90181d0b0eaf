"""Every URL parameter and session-state key in one place, and how a raw query string becomes a valid
view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# URL parameter names, which double as the widgets' session-state keys.
LANG = "lang"
LANG_STORE = "_lang"  # survives page switches, which may reset the switch widget's own state
YEARS = "years"  # the timeline's year slider: one widget, kept in the URL as `from` and `to`
YEARS_TYPED = "_years_typed"  # years typed beside the slider ("1917-1921"), which then sets it
CALENDAR = "cal"
YEAR_FROM = "from"
YEAR_TO = "to"
CATEGORIES = "cat"
SOURCES = "src"
PEOPLE = "person"
PLACES = "place"
SEARCH = "q"
PRESET = "preset"
COLOR_BY = "color"
EVENT = "event"
# the Two sources page, when the data holds three texts or more: the two compared (default: the first two)
FIRST_TEXT = "first"
SECOND_TEXT = "second"
GROUP = "group"
TABLE = "table"
REFERENCES = "ref"
DECK = "deck"
DECK_STORE = "_deck"  # the deck, kept across pages (a page switch drops the widget's own state)
DECK_SEEN = "_deck_seen"  # the URL's deck last taken in: a new one (a link that added a chart) wins
# An emptied deck in the URL: `deck=none` (or a bare `deck=`) is a deck with nothing in it, while no `deck` at
# all is the default deck. A word, not an empty value, because an empty value is lost when a link is edited.
DECK_NONE = "none"
DECK_ADDED = "_deck_added"  # what was just added to the deck, said once (a toast) by the shell
SLIDE = "slide"
PRESENT = "present"
INFERRED = "inferred"  # the timeline: also show events whose date the text does not give (1) or not (0)
ROW = "row"  # the Read page: the row whose passage is opened, highlighted and scrolled into view
MARKS = "marks"  # the Read page: which kinds of marks are drawn
# the app's own session keys
TELLINGS_OPEN = "_tellings_open"  # the timeline: a mark was clicked, so its tellings open over the chart
PAGE_STORE = "_page"  # the url path of the page this run shows (set by dashboard.py): how its URL is read
SHELL = "_in_shell"  # set by dashboard.py around the page's run
DROPPED = "_dropped"  # URL parameters this session could not read, to be said once
BOUND = "_bound"  # the URL parameters this session's pages have read, by key (what the fuzz test checks)
SAID = "_dropped_said"
# the map (People and places): a place was just clicked on it, so the whole page reruns once (its panel and
# selectbox sit outside the map's fragment)
MAP_PICKED = "_map_picked"
LANGS = ("ko", "en")
COLOR_MODES = ("category", "source")
TABLES = ("figures", "events")
MAX_TEXT = 100  # a search longer than this is cut, never rejected
MAX_ITEMS = 50


def _first(value: Any) -> str | None:
    """A repeated key (?a=1&a=2) counts by its last value, as Streamlit reads it."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else None
    return None if value is None else str(value)


def choice(options: tuple[str, ...] | list[str]) -> Callable[[Any], str | None]:
    def parse(raw: Any) -> str | None:
        v = _first(raw)
        return v if v in options else None

    return parse


def choices(options) -> Callable[[Any], list[str] | None]:
    """A comma-separated list; unknown items are dropped, and an empty result means 'no filter'."""

    def parse(raw: Any) -> list[str] | None:
        v = _first(raw)
        if v is None:
            return None
        items = [s for s in dict.fromkeys(v.split(",")[:MAX_ITEMS]) if s in options]
        return items or None

    return parse


def year(lo: int, hi: int) -> Callable[[Any], int | None]:
    def parse(raw: Any) -> int | None:
        v = _first(raw)
        if v is None or not v.strip().lstrip("-").isdigit() or len(v.strip()) > 6:
            return None
        n = int(v)
        return n if lo <= n <= hi else None

    return parse


integer = year  # any whole number within bounds, not only years
first = _first


def text(raw: Any) -> str | None:
    v = _first(raw)
    if v is None:
        return None
    v = "".join(ch for ch in v if ch.isprintable())[:MAX_TEXT].strip()
    return v or None


def flag(raw: Any) -> bool | None:
    v = _first(raw)
    return {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}.get(
        (v or "").lower()
    )


@dataclass(frozen=True)
class Param:
    key: str
    parse: Callable[[Any], Any]
    default: Any

    def parsed(self, params: Mapping[str, Any]) -> Any:
        """The parameter's value if the query holds a valid one, else None; never raises."""
        if self.key not in params:
            return None
        try:
            return self.parse(params.get(self.key))
        except Exception:  # a fuzzed value must never break a page
            return None

    def read(self, params: Mapping[str, Any]) -> Any:
        """The parameter's valid value from a query mapping, or its default; never raises."""
        value = self.parsed(params)
        return self.default if value is None else value

    def checked(self, value: Any) -> Any:
        """The value if this parameter would accept it from a URL, else the default."""
        return self.read({self.key: encode(value)}) if value not in (None, "") else self.default


def encode(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return str(value)


def query_for(params: list[Param], values: Mapping[str, Any]) -> dict[str, str]:
    """The query string entries for the values that differ from their defaults (defaults stay out of the
    URL)."""
    out = {}
    for p in params:
        v = values.get(p.key, p.default)
        if isinstance(v, (list, tuple)) and isinstance(p.default, (list, tuple)):
            same = list(v) == list(p.default)
        else:
            same = v == p.default
        if not same and v not in (None, "", []):
            out[p.key] = encode(v)
    return out


# --- every URL parameter, listed once -------------------------------------------------------------
# How a parameter's value is read: a reader takes the page's options (ids from the data, or a fixed
# vocabulary) and gives the parser. "one" is one of the options, "many" a comma-separated list of them,
# "year" and "whole" a whole number within (lo, hi), "flag" 1/0, "text" a short printable string, "deck" the
# slides' keys (read by exports.slides.parse, not by a Param).
READERS: dict[str, Callable[..., Callable[[Any], Any]]] = {
    "one": choice,
    "many": choices,
    "year": lambda bounds: year(*bounds),
    "whole": lambda bounds: integer(*bounds),
    "flag": lambda _=None: flag,
    "text": lambda _=None: text,
}
FROM_DATA = "<from the data>"  # a default the page takes from the data (the first text, the data's years)


@dataclass(frozen=True)
class UrlParam:
    """One URL parameter as one page reads it: its key, how its value is read, its default, and where."""

    key: str
    reader: str  # a key of READERS, or "deck"
    default: Any  # FROM_DATA: the page passes it
    pages: tuple[str, ...]  # sitemap url paths; "*" every page
    options: tuple = ()  # a fixed vocabulary's values, when the reader needs them and the data does not

    def param(self, options: Any = None, default: Any = FROM_DATA) -> Param:
        """The Param that reads this parameter: the page gives the data's options and, for FROM_DATA, the
        default."""
        if (self.default == FROM_DATA) != (default != FROM_DATA):
            raise ValueError(
                f"{self.key}: its default is "
                + (
                    "the page's to give, from the data"
                    if self.default == FROM_DATA
                    else "fixed in URL_PARAMS"
                )
            )
        chosen = self.default if default == FROM_DATA else default
        return Param(self.key, READERS[self.reader](self.options or options), chosen)


URL_PARAMS: tuple[UrlParam, ...] = (
    UrlParam(LANG, "one", "ko", ("*",), LANGS),
    UrlParam(DECK, "deck", (), ("*",)),  # no `deck`: the default deck; `deck=none`: an emptied one
    UrlParam(YEAR_FROM, "year", FROM_DATA, ("timeline", "people")),  # the default period's first year
    UrlParam(YEAR_TO, "year", FROM_DATA, ("timeline", "people")),
    UrlParam(CATEGORIES, "many", [], ("timeline", "explorer")),
    UrlParam(SOURCES, "many", [], ("figures", "timeline", "explorer")),
    UrlParam(SOURCES, "one", FROM_DATA, ("read",)),  # the first text
    UrlParam(PEOPLE, "many", [], ("timeline",)),
    UrlParam(PEOPLE, "one", "", ("people",)),
    UrlParam(PLACES, "many", [], ("timeline",)),
    UrlParam(PLACES, "one", "", ("people",)),
    UrlParam(SEARCH, "text", "", ("timeline", "explorer", "read")),
    UrlParam(INFERRED, "flag", True, ("timeline",)),
    UrlParam(CALENDAR, "one", "written", ("timeline",)),
    UrlParam(COLOR_BY, "one", "category", ("timeline",), COLOR_MODES),
    UrlParam(EVENT, "one", "", ("timeline",)),
    UrlParam(EVENT, "one", FROM_DATA, ("sources",)),  # the first event both texts tell
    UrlParam(FIRST_TEXT, "one", FROM_DATA, ("sources",)),
    UrlParam(SECOND_TEXT, "one", FROM_DATA, ("sources",)),
    UrlParam(GROUP, "one", "all", ("figures",)),
    UrlParam(GROUP, "many", [], ("explorer",)),
    UrlParam(REFERENCES, "flag", True, ("figures",)),
    UrlParam(TABLE, "one", FROM_DATA, ("explorer",), TABLES),  # where a search has hits (figures)
    UrlParam(ROW, "text", "", ("read",)),
    UrlParam(MARKS, "many", FROM_DATA, ("read",)),  # every kind of mark
    UrlParam(PRESENT, "flag", False, ("slides",)),
    UrlParam(SLIDE, "whole", 1, ("slides",)),
)
# Every URL parameter's key, once; session-only keys (YEARS, PRESET, the "_" stores) are not among them.
URL_KEYS: tuple[str, ...] = tuple(dict.fromkeys(p.key for p in URL_PARAMS))


def url_param(key: str, page: str = "") -> UrlParam:
    """The parameter `key` as `page` reads it (the only reading, where every page reads it alike)."""
    found = [p for p in URL_PARAMS if p.key == key and (page in p.pages or "*" in p.pages)]
    if not found:
        found = [p for p in URL_PARAMS if p.key == key]
    if len(found) != 1:
        raise KeyError(f"URL parameter {key!r} on page {page!r}: {len(found)} readings in state.URL_PARAMS")
    return found[0]


LANG_PARAM = url_param(LANG).param()
