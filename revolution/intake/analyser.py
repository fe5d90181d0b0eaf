"""Kiwi, the Korean morphological analyser, loaded once per process: only the intake imports it, so the
dashboard's start and memory never pay for it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

# Seconds the last load took (the command prints it apart from the reading).
LOADED_IN: list[float] = []


@lru_cache(maxsize=1)
def kiwi():
    """The analyser with the model its package ships (kiwipiepy_model): nothing is fetched at run time."""
    from kiwipiepy import Kiwi

    start = time.perf_counter()
    k = Kiwi()
    LOADED_IN.append(time.perf_counter() - start)
    return k


@dataclass(frozen=True)
class Tok:
    """One morpheme: its form, its Sejong tag (SN number, NR numeral, MM determiner, NNB counter, J*
    particle, VV verb stem, ...) and where it stands in the text the analyser read (end exclusive)."""

    form: str
    tag: str
    a: int
    b: int

    def is_(self, *tags: str) -> bool:
        return any(self.tag == t or (t.endswith("*") and self.tag.startswith(t[:-1])) for t in tags)


def _ends(toks: list[Tok]) -> bool:
    tail = [t for t in toks if t.tag not in ("SSC", "SS", "SW", "SO")][-1:]
    return bool(tail) and tail[0].tag in ("SF", "EF")


def sentences(blocks: list[str]) -> list[list[tuple[int, int, list[Tok]]]]:
    """For each block, (start, end, morphemes) of each sentence Kiwi finds in it, positions in the block.
    One call for every block, and `tokenize(split_sents=True)` rather than `split_into_sents`: the same
    sentences, several times faster on a whole text."""
    out = []
    for found in kiwi().tokenize(blocks, split_sents=True):
        block = []
        for sent in found:
            toks = [Tok(t.form, t.tag, t.start, t.start + t.len) for t in sent]
            if not toks:
                continue
            # Kiwi may cut a sentence at a bracket ('페트로그라드(Petrograd, …)의 인구'): a piece that does
            # not end a sentence (a final ending or a full stop) goes on in the next
            if block and not _ends(block[-1][2]):
                a, _, before = block[-1]
                block[-1] = (a, toks[-1].b, before + toks)
            else:
                block.append((toks[0].a, toks[-1].b, toks))
        out.append(block)
    return out
