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
        *(ROOT / "pages").glob("*.py"),
        *(ROOT / "revolution").glob("*.py"),
    ]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no t() calls found"
    assert sorted(used - set(i18n.STRINGS)) == []


def test_unknown_language_falls_back_to_korean():
    assert i18n.t("page_overview", "fr") == i18n.STRINGS["page_overview"]["ko"]
