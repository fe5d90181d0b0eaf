"""UI strings: every string exists in both languages, and every key the code asks for exists."""

import re
import string

from revolution import i18n

from .conftest import ROOT


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
    used = set()
    for path in [
        ROOT / "dashboard.py",
        ROOT / "ui.py",
        ROOT / "sitemap.py",
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "revolution").rglob("*.py"),
    ]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no t() calls found"
    assert sorted(used - set(i18n.STRINGS)) == []


def test_unknown_language_falls_back_to_korean():
    assert i18n.t("page_overview", "fr") == i18n.STRINGS["page_overview"]["ko"]


def test_every_string_is_used():
    """A string no code asks for is dead weight, and drifts: each key is asked for by name, or through a
    prefix the code fills in (t(f"cat_{code}"), a vocabulary's label_key)."""
    code = "".join(
        path.read_text(encoding="utf-8")
        for path in [
            ROOT / "dashboard.py",
            ROOT / "ui.py",
            ROOT / "sitemap.py",
            *(ROOT / "pages").glob("*.py"),
            *(ROOT / "revolution").rglob("*.py"),
        ]
        if path.name != "i18n.py"
    )
    prefixes = set(re.findall(r"""t\(f["']([a-z_]+_)\{""", code)) | set(
        re.findall(r'return f"([a-z]+_)\{code\}"', code)
    )
    asked = lambda k: f'"{k}"' in code or f"'{k}'" in code  # noqa: E731
    # a string's forms for one text or for three and more are asked for through i18n.counted(base)
    counted = lambda k: re.fullmatch(r"(.+)_(one|many)", k) and asked(k.rsplit("_", 1)[0])  # noqa: E731
    unused = [
        k for k in i18n.STRINGS if not asked(k) and not counted(k) and not k.startswith(tuple(prefixes))
    ]
    assert unused == []


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
