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
# the map (People and places): a place was just clicked on it, so the whole page reruns once (its panel and
# selectbox sit outside the map's fragment)
MAP_PICKED = "_map_picked"
# Every URL parameter, taken from the names above so that a new one is never left out (the URL fuzz test
# reads it); session-only keys start with "_".
URL_KEYS = tuple(
    v for k, v in dict(globals()).items() if k.isupper() and isinstance(v, str) and not v.startswith("_")
)

LANGS = ("ko", "en")
COLOR_MODES = ("category", "source")
TABLES = ("figures", "events")
PRESETS = {  # year ranges people ask for first; the first is the timeline's default view
    "revolution_years": (1914, 1924),
    "all": None,
    "1917": (1917, 1917),
    "revolution_1905": (1905, 1907),
    "civil_war": (1918, 1921),
    "nep": (1921, 1928),
    "1930s": (1928, 1939),
    "struggles": (1968, 2017),
}
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


LANG_PARAM = Param(LANG, choice(LANGS), "ko")
