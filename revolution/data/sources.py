"""The sources vocabulary: the kinds of text the dashboard reads (labels in revolution.i18n)."""

from __future__ import annotations

KINDS = ("history_survey", "political_manifesto")
