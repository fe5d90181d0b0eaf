"""Finding a quote in its seed: the seeds are hard-wrapped mid-word, so all white space is ignored."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The text with every run of white space (line breaks, page breaks, stray spaces) removed."""
    return _SPACE.sub("", text)


def span(quote: str, seed: str) -> tuple[int, int] | None:
    """Where the quote stands in the normalized seed, or None if it does not."""
    q = normalize(quote)
    if not q:
        return None
    at = normalize(seed).find(q)
    return None if at < 0 else (at, at + len(q))
