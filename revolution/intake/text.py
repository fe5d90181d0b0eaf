"""A text as the intake reads it: its hard wraps joined, its blocks told apart (body, heading, picture
caption), its sentences split and analysed by Kiwi. Every position is in `Text.u`, the joined text, whose
white space alone differs from the file's (so a quote taken from it occurs in the seed, white space aside)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from revolution.intake import analyser
from revolution.intake.analyser import Tok

# A blank line ends a block: a paragraph, a heading, a caption (or a page break inside a sentence).
BLANK = re.compile(r"\n[ \t\u3000]*\n\s*")
# A line broken inside a word, as printed pages are hard-wrapped ('억\n압', '세\n계'): a break with no space
# before it, between two Hangul letters (or a digit and a Hangul letter), is no space at all.
WRAPPED = re.compile(r"(?<=[0-9\uac00-\ud7a3])\n(?=[\uac00-\ud7a3])")
# A heading is one short line: a section's number or title ('## 2', '10월을 방어하며').
HEADING_MAX = 30
# A picture caption (or a boxed quotation) is set in short lines beside the picture: three or more lines,
# none longer than this.
CAPTION_LINE = 30
ENDS = (".", "다", "?", "!", "”", "’", ")")
# A block that ends a sentence: a full stop (or a final 다), maybe inside closing quotes or brackets.
FINISHED = re.compile(r"(?:[.?!]|다)[”’\"')\]]*\s*$")


@dataclass
class Sentence:
    a: int
    b: int
    toks: list[Tok]
    block: str  # body | heading | caption | title
    n: int  # its place among the text's sentences


def _lines(chunk: str) -> list[str]:
    return [ln.strip() for ln in chunk.strip().split("\n") if ln.strip()]


def _kind(chunk: str, first: bool) -> str:
    lines = _lines(chunk)
    if first and len(lines) <= 3 and all(len(ln) <= 2 * HEADING_MAX for ln in lines):
        if not (len(lines) == 1 and FINISHED.search(lines[0])):
            return "title"
    if len(lines) == 1 and (lines[0].startswith("#") or len(lines[0]) <= HEADING_MAX):
        return "heading" if not lines[0].endswith(ENDS[:4]) else "body"
    if len(lines) >= 3 and max(len(ln) for ln in lines) <= CAPTION_LINE:
        return "caption"
    return "body"


def unwrap(block: str) -> str:
    """The block with its hard wraps undone: a line break with no space before it, between two Hangul
    letters (or a digit and a Hangul letter), joins the halves of a word ('억\n압', '세\n계') unless Kiwi
    puts a space there ('명이\n넘었다': two words); every other line break is a space. Kiwi decides at the
    breaks only: the text's own spacing is never changed."""
    breaks, parts, at = [], [], 0
    for m in WRAPPED.finditer(block):
        parts.append(block[at : m.start()])
        at = m.end()
        breaks.append(sum(len(p) for p in parts))
    joined = ("".join(parts) + block[at:]).replace("\n", " ")
    if not breaks:
        return joined
    spaced = analyser.kiwi().space(joined, reset_whitespace=False)
    wanted, i = set(), 0
    for ch in spaced:
        if i < len(joined) and ch == joined[i]:
            i += 1
        elif ch == " ":
            wanted.add(i)
    out, last = [], 0
    for b in breaks:
        if b in wanted:
            out += [joined[last:b], " "]
            last = b
    return "".join(out) + joined[last:]


def _blocks(raw: str) -> list[tuple[str, str]]:
    """(joined text, kind) of each block; a body block that stops mid-sentence goes on in the next body
    block (a page break, or a text extracted with a blank line after every line)."""
    out: list[tuple[str, str]] = []
    for chunk in BLANK.split(raw):
        if not chunk.strip():
            continue
        kind, joined = _kind(chunk, not out), unwrap(chunk)
        if kind == "heading" and len(_lines(chunk)[0]) > 12 and not chunk.lstrip().startswith("#"):
            kind = "body" if out and out[-1][1] == "body" and not FINISHED.search(out[-1][0]) else kind
        if out and kind == "body" and out[-1][1] == "body" and not FINISHED.search(out[-1][0]):
            prev = out[-1][0]
            glue = "" if prev and not prev[-1].isspace() and joined[:1] >= "\uac00" else " "
            out[-1] = (
                prev.rstrip() + glue + joined.lstrip() if glue else prev.rstrip() + " " + joined.lstrip(),
                kind,
            )
            continue
        out.append((joined, kind))
    return out


class Text:
    def __init__(self, raw: str):
        self.raw = raw
        blocks = _blocks(raw)
        self.u = "\n\n".join(text for text, _ in blocks)
        self.sentences: list[Sentence] = []
        at = 0
        for (text, kind), found in zip(blocks, analyser.sentences([t for t, _ in blocks])):
            if kind in ("heading", "title") and found:  # one line, one unit, whatever its full stops
                found = [(found[0][0], found[-1][1], [t for f in found for t in f[2]])]
            for s_a, s_b, toks in found:
                if text[s_a:s_b].strip():
                    moved = [Tok(t.form, t.tag, at + t.a, at + t.b) for t in toks]
                    self.sentences.append(Sentence(at + s_a, at + s_b, moved, kind, len(self.sentences)))
            at += len(text) + 2
        self._starts = [s.a for s in self.sentences]

    def verbatim(self, a: int, b: int) -> str:
        """The text between a and b, every run of white space written as one space."""
        return re.sub(r"\s+", " ", self.u[a:b]).strip()

    def sentence_at(self, pos: int) -> Sentence:
        i = max(0, bisect_right(self._starts, pos) - 1)
        return self.sentences[i]

    def said(self, s: Sentence) -> str:
        return self.verbatim(s.a, s.b)

    def clause(self, a: int, b: int, min_tail: int = 0) -> tuple[int, int]:
        """The span of the clause holding a..b: its sentence cut at commas and semicolons (Kiwi's SP, so
        never inside a number); with `min_tail`, the clause goes on past the next cut until that many
        letters follow the span (a date alone says nothing: '1917년 2월 23일, 여성 노동자들이 …')."""
        s = self.sentence_at(a)
        cuts = [s.a] + [t.b for t in s.toks if t.tag == "SP" and t.form in ",;"] + [s.b]
        first = max(c for c in cuts if c <= a)
        later = [c for c in cuts if c >= b] or [s.b]
        last = later[0]
        for c in later:
            last = c
            if len(re.sub(r"\s+", "", self.u[b:c])) >= min_tail:
                break
        while last > first and self.u[last - 1] in ",;. ":
            last -= 1
        while first < last and self.u[first] in " ":
            first += 1
        return first, last


@dataclass
class Found:
    """One thing read in a sentence: a figure, an event's date or an exclusion, at u[a:b], with the columns
    it proposes and `why` (what in the Korean made it so)."""

    kind: str
    a: int
    b: int
    row: dict
    sentence: Sentence
