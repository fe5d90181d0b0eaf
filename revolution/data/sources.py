"""The sources vocabulary: the kinds of text the dashboard reads (labels in revolution.i18n)."""

from __future__ import annotations

# the two kinds our texts are, and the kinds a teacher brings with ./dev add-text
KINDS = ("history_survey", "political_manifesto", "textbook", "encyclopedia", "newspaper", "other")
