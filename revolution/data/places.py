"""The places vocabulary: the kinds of place the texts name (labels in revolution.i18n)."""

from __future__ import annotations

KINDS = ("city", "country", "region", "river", "sea", "other")
