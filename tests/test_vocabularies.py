"""Each vocabulary is defined once: the schema's enums equal it, every code has labels in both languages, and
categories keep a fixed, distinguishable, legible colour and marker."""

import ast
import json
import re

import pytest

from revolution import i18n
from revolution.data import calendar, categories, load, places, presets, qualifiers, sources, units
from revolution.views import figure_charts

from .conftest import DATA


def enum(resource: str, field: str) -> list[str]:
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in package["resources"] if r["name"] == resource)
    return next(f for f in res["schema"]["fields"] if f["name"] == field)["constraints"]["enum"]


@pytest.mark.parametrize(
    "resource, field, codes",
    [
        ("sources", "kind", sources.KINDS),
        ("sources", "marker", sources.SYMBOLS),
        ("sources", "fill", sources.FILLS),
        ("sources", "pattern", sources.PATTERNS),
        ("groups", "chart", tuple(figure_charts.BUILDERS)),
        ("figures", "qualifier", qualifiers.CODES),
        ("figures", "unit", units.FIGURE_UNITS),
        ("derived", "operation", tuple(load.OPERATIONS)),
        ("derived", "unit", ("percent",)),  # a derived share is a percentage by its one operation
        ("places", "kind", places.KINDS),
        ("events", "precision", tuple(calendar.PATTERNS)),
        ("events", "extent", calendar.EXTENTS),
        ("events", "calendar", calendar.CALENDARS),
        ("events", "calendar_basis", calendar.BASES),
        ("events", "date_basis", calendar.DATE_BASES),
        ("events", "category", categories.CODES),
        ("notes", "target_table", load.NOTE_TARGETS),
        ("reference_values", "unit", units.REFERENCE_UNITS),
        ("reference_values", "strength", tuple(i18n.CODE_WORDS["strength"])),
        ("polities", "soviet", (0, 1)),  # a flag: the map tints a polity of the Soviet state (place_map)
        ("presets", "is_default", presets.FLAGS),
    ],
)
def test_the_schema_enum_is_the_vocabulary(resource, field, codes):
    assert sorted(enum(resource, field)) == sorted(codes)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_code_has_a_label_in_both_languages(lang):
    keys = [categories.label_key(c) for c in categories.CODES] + [
        qualifiers.label_key(q) for q in qualifiers.CODES
    ]
    keys += [f"cal_{m}" for m in calendar.MODES]
    assert [k for k in keys if k not in i18n.STRINGS] == []
    words = [("calendar", c) for c in calendar.CALENDARS] + [("calendar_basis", b) for b in calendar.BASES]
    assert [w for w in words if lang not in i18n.CODE_WORDS[w[0]].get(w[1], {})] == []
    assert i18n.category("war", lang) == i18n.t("cat_war", lang)
    assert i18n.category("not_a_category", lang) == "not_a_category"


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_category_colours_are_legible_on_white_and_each_category_has_its_own_colour_and_marker():
    cats = list(categories.CATEGORIES.values())
    for c in cats:
        contrast = 1.05 / (_luminance(c.colour) + 0.05)
        assert contrast >= 3.0, (c.code, c.colour, round(contrast, 2))
    assert len({c.colour for c in cats}) == len(cats)
    assert len({c.marker for c in cats}) == len(cats)


def test_an_unknown_category_is_drawn_all_the_same_and_ordered_last():
    assert categories.get("comet").colour == categories.UNKNOWN.colour
    assert categories.order(["war", "comet", "revolution"]) == ["revolution", "war", "comet"]


def test_qualifiers_say_which_bounds_a_row_needs_and_how_it_is_drawn():
    assert qualifiers.get("less_than").needs == ("value_high",)
    assert qualifiers.get("more_than").solid and qualifiers.get("more_than").arrow == 1
    assert not qualifiers.get("less_than").solid and qualifiers.get("less_than").arrow == -1
    assert qualifiers.get("range").spans


def test_every_schema_enum_is_tied_to_a_vocabulary():
    """A new enum in the schema needs its code vocabulary and a row in the table above."""
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    found = {
        (r["name"], f["name"])
        for r in package["resources"]
        for f in r.get("schema", {}).get("fields", [])  # a map layer (GeoJSON) has no table schema
        if "enum" in f.get("constraints", {})
    }
    tied = {(r, f) for r, f, _ in test_the_schema_enum_is_the_vocabulary.pytestmark[0].args[1]}
    assert found == tied


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_unit_has_a_name_and_a_way_to_be_written(lang):
    assert [u for u in units.CODES if lang not in i18n.CODE_WORDS["unit"].get(u, {})] == []
    assert [u for u in units.FIGURE_UNITS if u not in i18n.UNIT_SUFFIX[lang]] == []


COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def _colour_lists(tree) -> set[str]:
    """The module's names for lists of colours (PALETTE = ("#B2182B", ...))."""
    out = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Tuple, ast.List)):
            items = node.value.elts
            if len(items) > 1 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) and COLOUR.fullmatch(e.value)
                for e in items
            ):
                out |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return out


def _named(node, names) -> bool:
    return (isinstance(node, ast.Name) and node.id in names) or (
        isinstance(node, ast.Attribute) and node.attr in names
    )


def _picked(node, names) -> bool:
    """`names[i]`: one of `names` indexed by a computed position."""
    return (
        isinstance(node, ast.Subscript)
        and _named(node.value, names)
        and not isinstance(node.slice, ast.Constant)
    )


def colours_picked_by_position(paths) -> list[str]:
    """Every place a colour is taken from a list of colours by a computed position: `PALETTE[i]`, or the list
    handed to a function of the module that does so with its parameter (`_next(PALETTE, n)` and
    `options[n % len(options)]` in it)."""
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    lists = set().union(*(_colour_lists(t) for t in trees.values()))
    hits = []
    for path, tree in trees.items():
        functions = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
        for node in ast.walk(tree):
            if _picked(node, lists):
                hits.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions:
                params = [a.arg for a in functions[node.func.id].args.args]
                for arg, param in zip(node.args, params):
                    if _named(arg, lists) and any(
                        _picked(n, {param}) for n in ast.walk(functions[node.func.id])
                    ):
                        hits.append(f"{path.name}:{node.lineno} (through {node.func.id})")
    return hits


def test_no_colour_is_picked_by_its_place_in_a_list():
    """A colour means one thing everywhere: named in theme (STATED, BOUND, DERIVED) or a vocabulary's, or a
    fallback taken by what it is given to; never a list's item by a computed position (`PALETTE[i]`)."""
    from revolution.data.paths import ROOT

    code = [*(ROOT / "revolution").rglob("*.py"), *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
    assert colours_picked_by_position(code) == []


def test_a_colour_picked_by_position_is_found(tmp_path):
    """The check above finds a colour picked by position, directly or through a helper (as sources.py's
    fallback once did: `_next(PALETTE, taken, n)` returned `options[n % len(options)]`)."""
    direct = tmp_path / "direct.py"
    direct.write_text('PALETTE = ("#000000", "#FFFFFF")\ncolour = PALETTE[n]\n', encoding="utf-8")
    helper = tmp_path / "helper.py"
    helper.write_text(
        'PALETTE = ("#000000", "#FFFFFF")\n'
        "def pick(options, n):\n    return options[n % len(options)]\n"
        "colour = pick(PALETTE, 3)\n",
        encoding="utf-8",
    )
    named = tmp_path / "named.py"
    named.write_text(
        'STATED, BOUND = "#000000", "#FFFFFF"\nPALETTE = ("#000000", "#FFFFFF")\nfirst = PALETTE[0]\n'
    )
    assert colours_picked_by_position([direct]) == ["direct.py:2"]
    assert colours_picked_by_position([helper]) == ["helper.py:4 (through pick)"]
    assert colours_picked_by_position([named]) == []
