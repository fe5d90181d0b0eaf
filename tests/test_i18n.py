"""UI strings: every string exists in both languages, and every key the code asks for exists."""

import ast
import re
import string

from revolution import i18n

from .conftest import ROOT

CODE = [
    ROOT / "dashboard.py",
    *(ROOT / "ui").glob("*.py"),
    ROOT / "sitemap.py",
    ROOT / "cached.py",
    *(ROOT / "pages").glob("*.py"),
    *(p for p in (ROOT / "revolution").rglob("*.py") if p.name != "i18n.py"),
]


def test_every_string_has_korean_and_english_with_the_same_placeholders():
    for key, entry in i18n.STRINGS.items():
        assert set(entry) == {"ko", "en"}, key
        assert entry["ko"].strip() and entry["en"].strip(), key
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("ko", "en")]
        assert fields[0] == fields[1], key


def test_korean_strings_are_korean():
    hangul = re.compile(r"[\uac00-\ud7a3]")
    for key, entry in i18n.STRINGS.items():
        if key not in ("preset_1917", "lang_name", "qual_exact", "qual_range"):  # "{v}" is a number alone
            assert hangul.search(entry["ko"]), key


def test_every_key_used_in_the_code_exists():
    used, _ = asked_for(loose=False)
    assert used, "no t() calls found"
    assert sorted(used - set(i18n.STRINGS)) == []


def test_unknown_language_falls_back_to_korean():
    assert i18n.t("page_overview", "fr") == i18n.STRINGS["page_overview"]["ko"]


# The functions that take a string's key first (i18n.t, i18n.counted, ui.titled, the intake's refusals:
# revolution.intake.files.refuse), and the page list's constructor, whose second argument is a title key.
KEY_CALLS = {"t", "counted", "titled", "refuse"}


def _name(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _keys(node) -> set[str]:
    """The keys a call's first argument can be: a string, or either string of a conditional."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _keys(node.body) | _keys(node.orelse)
    return set()


def asked_for(loose: bool = True) -> tuple[set[str], set[str]]:
    """The keys the code asks for, and the prefixes it fills in (t(f"cat_{code}"), `return f"qual_{code}"`).
    A key counts as asked for only as a call's key: a word in quotes elsewhere (a column named "notes") does
    not. Where a module passes a key by name (`t(label, lang)` over a list of them), the strings in its
    tuples and lists count."""
    keys, prefixes = set(), set()
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        by_name = False
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "Page":
                keys |= _keys(node.args[1]) if len(node.args) > 1 else set()
            if not (isinstance(node, ast.Call) and _name(node.func) in KEY_CALLS and node.args):
                continue
            first = node.args[0]
            if isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(first.values[0].value)
            elif _keys(first):
                keys |= _keys(first)
            else:
                by_name = True
        if by_name and loose:
            for node in ast.walk(tree):
                if isinstance(node, (ast.Tuple, ast.List)):
                    keys |= {k for e in node.elts for k in _keys(e)}
        prefixes |= set(re.findall(r'return f"([a-z]+_)\{code\}"', path.read_text(encoding="utf-8")))
    return keys, prefixes


def test_every_string_is_used():
    """A string no code asks for is dead weight, and drifts: each key is asked for by name, or through a
    prefix the code fills in (t(f"cat_{code}"), a vocabulary's label_key)."""
    keys, prefixes = asked_for()
    # a string's forms for one text or for three and more are asked for through i18n.counted(base)
    counted = lambda k: re.fullmatch(r"(.+)_(one|many)", k) and k.rsplit("_", 1)[0] in keys  # noqa: E731
    unused = [
        k for k in i18n.STRINGS if k not in keys and not counted(k) and not k.startswith(tuple(prefixes))
    ]
    assert unused == []


def test_a_dead_key_is_found():
    """The check above finds a key asked for only as a word in quotes, as a column's name is."""
    keys, _ = asked_for()
    assert "page_overview" in keys and "no_rows" in keys
    assert "lat" not in keys  # 'lat' is a column's name in the code, and no string's key


def test_every_allowed_latin_word_says_why_and_no_ui_string_needs_more():
    """The Korean interface's allowlist gives a reason for each word; every Korean UI string passes it
    (quotations and file names aside), so a new English word in a Korean string fails here first."""
    from revolution.i18n import STRINGS

    from .legibility import ALLOWED, english_words

    assert all(isinstance(why, str) and len(why) > 10 for why in ALLOWED.values())
    korean = [e["ko"] for e in STRINGS.values() if isinstance(e.get("ko"), str)]
    korean += [v["ko"] for e in STRINGS.values() for v in e.values() if isinstance(v, dict) and "ko" in v]
    # placeholders are filled in, never shown: ours ({n}) and Plotly's hover fields (%{customdata[1]})
    korean = [re.sub(r"%\{[^}]*\}|\{[a-z_]+\}", " ", k) for k in korean]
    assert sorted(set(english_words(korean))) == []
