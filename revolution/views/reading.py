"""Reading a seed as prose, with every span a row came from marked in place; pure, no Streamlit.

The seeds are hard-wrapped mid-word. For display, the lines of a paragraph are joined (white space only is
changed, as in `provenance.normalize`); every position is kept in the coordinates of the normalized seed,
where the loader found each quote, so a mark lands where its row says.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from revolution.data.load import Dataset
from revolution.data.mentions import names
from revolution.data.provenance import normalize
from revolution.i18n import EXCLUSION_CLASSES, t
from revolution.views import format as fmt

KINDS = ("figure", "event", "person", "place", "note", "excluded")
SHORT_LINE = 30  # a block of short lines (a title) keeps its line breaks; a wrapped paragraph does not
_SENTENCE_END = tuple(".?!:;”’)")  # a wrapped line ending so was followed by a space
_PARAGRAPH_END = tuple(".?!”’\"'")  # a paragraph ending otherwise runs on after a blank line
# A picture caption the print set inside a sentence ("혁명 러시아 수도의 거리 풍경. 1918년."): it starts a
# paragraph of its own even where the sentence before it runs on.
_CAPTION = re.compile(r"^[^\n]{0,40}?\d{4}년(\s*\d{1,2}월)?[.,](\s|$)")
CAPTION_CHARS = 400  # a picture's caption is a line or two; a paragraph that starts with a date is not one
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Mark:
    kind: str
    row_id: str
    start: int  # in the normalized seed
    end: int


@dataclass(frozen=True)
class Paragraph:
    text: str  # for display: the lines joined, white space only changed
    flat_start: int  # where it starts in the normalized seed
    pos: tuple  # display index of each non-space character, in order


@dataclass(frozen=True)
class Document:
    source_id: str
    lang: str
    paragraphs: tuple
    marks: tuple  # sorted by start, then kind order
    html: tuple  # one HTML fragment per paragraph, escaped
    cards: dict  # row_id -> the card's HTML (escaped)
    details: dict  # row_id -> (kind, heading, lines, links); a link is (label, page, params)
    summaries: dict  # row_id -> plain-text summary (the mark's tooltip)
    glosses: dict  # row_id -> English gloss of its quote (English only, when the data has one)
    flat_len: int

    def anchor(self, row_id: str) -> str:
        return "m-" + safe_id(row_id)

    def find(self, row_id: str) -> Mark | None:
        return next((m for m in self.marks if m.row_id == row_id), None)


def label(kind: str, lang: str) -> str:
    """The kind's name: 수치, 사건 ... / Figure, Event ..."""
    return t(f"kind_{kind}", lang)


def tag(kind: str, lang: str) -> str:
    """The kind's small tag after each mark (one letter or syllable), so kinds differ without colour."""
    return t(f"tag_{kind}", lang)


def safe_id(value: str) -> str:
    """An id or class name made of safe characters only, whatever the data holds."""
    return _SAFE_ID.sub("_", str(value))


def layout(seed: str) -> list[Paragraph]:
    """The seed as display paragraphs: blank lines separate them, the lines of one are joined without
    adding a character inside a word (a break after a sentence becomes a space; a title keeps its lines)."""
    blocks, block = [], []
    for line in seed.split("\n"):
        if line.strip():
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    merged = []  # a blank line inside a sentence (a page break of the print) does not end the paragraph
    for lines in blocks:
        last = merged[-1][-1].rstrip() if merged else ""
        if _runs_on(last) and not _CAPTION.match(lines[0].strip()):
            merged[-1] = merged[-1] + lines
        else:
            merged.append(list(lines))
    out, flat_at = [], 0
    for lines in merged:
        title = len(lines) <= 3 and all(len(x.strip()) < SHORT_LINE for x in lines)
        text = ""
        for n, line in enumerate(lines):
            if n:
                prev = lines[n - 1]
                if title or line.lstrip().startswith(("- ", "• ")):
                    text += "\n"
                elif prev.rstrip() == prev and prev.endswith(_SENTENCE_END):
                    text += " "
            text += line
        text = text.strip()
        pos = tuple(i for i, ch in enumerate(text) if not ch.isspace())
        out.append(Paragraph(text, flat_at, pos))
        flat_at += len(pos)
    return out


def _runs_on(last: str) -> bool:
    """Whether a paragraph ending with this line is cut mid-sentence (a page break of the print): a long
    line, not a heading, not ending a sentence or a citation such as ”(트로츠키, 러시아 혁명사)."""
    if len(last) < SHORT_LINE or last.startswith("#") or last.endswith(_PARAGRAPH_END):
        return False
    return not (last.endswith(")") and ("”(" in last[-80:] or last.endswith("))")))


def occurrences(needle: str, flat: str) -> list[int]:
    """Every start of `needle` in `flat`, overlapping ones included."""
    found, at = [], flat.find(needle)
    while needle and at >= 0:
        found.append(at)
        at = flat.find(needle, at + 1)
    return found


def place_quotes(rows: list[tuple[str, str]], flat: str) -> dict[str, tuple[int, int]]:
    """Where each (row_id, quote) is marked. The rule for a quote the seed holds more than once: the rows
    carrying that same quote, in file order, take its occurrences in order (the first row the first
    occurrence, where the loader finds it; the second the second ...); rows beyond the occurrences
    (several figures from one sentence) share the last. A quote the seed holds once is always there."""
    seen: dict[str, int] = {}
    out = {}
    for row_id, quote in rows:
        q = normalize(quote)
        starts = occurrences(q, flat)
        if not starts:
            continue  # the loader refuses such a row; a hand-built dataset may still hold one
        n = seen.get(q, 0)
        seen[q] = n + 1
        at = starts[min(n, len(starts) - 1)]
        out[row_id] = (at, at + len(q))
    return out


_STOP = re.compile(r"[.?!][”’\"')]*")  # a sentence ends here (with any closing quote or bracket)


def sentence(seed: str, quote: str) -> tuple[str, str, str] | None:
    """The sentence of the seed that holds `quote` (its first occurrence), as displayed on the Read page:
    (before the quote, the quote as the seed spells it, after it), for display only; the quote itself stays
    the row's. None if the seed does not hold it. A quote longer than its paragraph is cut at its end."""
    from revolution.data.provenance import span

    found = span(quote, seed)
    if found is None:
        return None
    a, b = found
    for p in layout(seed):
        if p.flat_start <= a < p.flat_start + len(p.pos):
            start = p.pos[a - p.flat_start]
            end = p.pos[min(b, p.flat_start + len(p.pos)) - 1 - p.flat_start] + 1
            stops = [m.end() for m in _STOP.finditer(p.text, 0, start) if m.end() < len(p.text)]
            first = stops[-1] if stops else 0
            after = _STOP.search(p.text, end)
            last = after.end() if after else len(p.text)
            return p.text[first:start].lstrip(), p.text[start:end], p.text[end:last].rstrip()
    return None


def exclusion_id(n: int) -> str:
    return f"X{n + 1:03d}"


def marks(data: Dataset, source_id: str) -> list[Mark]:
    """Every mark in one seed: figures, events and notes at their quotes; a person or place at its first
    mention in this seed (its name as the texts write it); each ledger exclusion at its number."""
    flat = normalize(data.seeds[source_id])
    out = []
    for kind, frame, key in (
        ("figure", data.figures[data.figures.kind == "stated"], "figure_id"),
        ("event", data.events, "event_id"),
        ("note", data.notes, "note_id"),
    ):
        mine = frame[frame.source_id == source_id]
        spots = place_quotes(list(zip(mine[key], mine.quote)), flat)
        out += [Mark(kind, rid, a, b) for rid, (a, b) in spots.items()]
    for kind, frame, key in (("person", data.people, "person_id"), ("place", data.places, "place_id")):
        for rec in frame.to_dict("records"):
            hits = [(flat.find(s), s) for s in names(rec) if s and flat.find(s) >= 0]
            if hits:
                at, s = min(hits, key=lambda h: (h[0], -len(h[1])))
                out.append(Mark(kind, rec[key], at, at + len(s)))
    for n, rec in enumerate(data.ledger_exclusions.to_dict("records")):
        if rec["source_id"] != source_id:
            continue
        ctx, match = normalize(rec["context"]), normalize(rec["match"])
        at = flat.find(ctx)
        inner = ctx.find(match)
        if at >= 0 and inner >= 0 and match:
            out.append(Mark("excluded", exclusion_id(n), at + inner, at + inner + len(match)))
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(out, key=lambda m: (m.start, order[m.kind], m.row_id))


def link(page: str, lang: str, **params) -> str:
    """A relative link to a page of the dashboard with its parameters (and the language, unless
    Korean)."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if lang != "ko":
        query["lang"] = lang
    return page + ("?" + urlencode(query) if query else "")


def read_link(source_id: str, row_id: str, lang: str) -> str:
    """The 'read in context' link: this page, at the row's passage."""
    return link("read", lang, src=source_id, row=row_id)


def exclusion_reason(reason: str, lang: str) -> str:
    """Why the ledger set the number aside: the ledger's own words in English, a Korean class in Korean."""
    if lang == "en":
        return str(reason)
    low = str(reason).lower()
    label = next((ko for key, ko in EXCLUSION_CLASSES if key in low), t("excluded_other", lang))
    return t("excluded_as", lang, label=label)


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


class _Rows:
    """What a mark shows: the row as the dashboard reads it, as plain lines and (title, link) pairs."""

    def __init__(self, data: Dataset, source_id: str, lang: str):
        self.lang, self.source_id = lang, source_id
        self.figures = data.figures.set_index("figure_id", drop=False)
        self.events = data.events.set_index("event_id", drop=False)
        self.notes = data.notes.set_index("note_id", drop=False)
        self.people = data.people.set_index("person_id", drop=False)
        self.places = data.places.set_index("place_id", drop=False)
        self.groups = dict(zip(data.groups.group_id, data.groups[f"title_{lang}"]))
        per_key = data.events.groupby("event_key").source_id.nunique()
        self.shared = set(per_key[per_key > 1].index)
        self.exclusions = data.ledger_exclusions
        self.flat = normalize(data.seeds[source_id])

    def frame(self, kind):
        return {
            "figure": self.figures,
            "event": self.events,
            "note": self.notes,
            "person": self.people,
            "place": self.places,
        }[kind]

    def gloss(self, mark: Mark) -> str:
        if mark.kind not in ("figure", "event", "note") or self.lang != "en":
            return ""
        row = self.frame(mark.kind).loc[mark.row_id]
        return _text(row.get("quote_en")) if "quote_en" in row.index else ""

    def describe(self, mark: Mark) -> tuple[str, list[str], list[tuple[str, str]]]:
        """(heading, lines, links) for one mark."""
        lang = self.lang
        if mark.kind == "excluded":
            rec = self.exclusions.iloc[int(mark.row_id[1:]) - 1]
            return rec["match"], [exclusion_reason(rec["reason"], lang)], []
        row = self.frame(mark.kind).loc[mark.row_id].to_dict()
        if mark.kind == "figure":
            lines = [fmt.stated(row, lang) + " — " + fmt.pick(row, "measure", lang)]
            if fmt.period(row["period_start"], row["period_end"]):
                lines.append(
                    t("read_period", lang) + ": " + fmt.period(row["period_start"], row["period_end"])
                )
            lines.append(t("groups", lang) + ": " + self.groups.get(row["group"], row["group"]))
            if lang == "en" and _text(row.get("notes")):
                lines.append(_text(row["notes"]))
            links = [
                (t("page_figures", lang), "figures", {"group": row["group"]}),
                (t("page_explorer", lang), "explorer", {"table": "figures", "q": mark.row_id}),
            ]
            return fmt.stated(row, lang), lines, links
        if mark.kind == "event":
            span = row["start_gregorian"]
            if row["end_gregorian"] != span:
                span += " – " + row["end_gregorian"]
            lines = [
                f"{t('date_as_written', lang)}: {fmt.written_date(row, lang)} "
                f"({fmt.calendar_name(row, lang)})",
                f"{t('new_style', lang)}: {span}",
            ]
            if lang == "en" and _text(row.get("notes")):
                lines.append(_text(row["notes"]))
            links = [(t("page_timeline", lang), "timeline", {"event": mark.row_id})]
            if row["event_key"] in self.shared:
                links.append((t("page_sources", lang), "sources", {"event": row["event_key"]}))
            links.append((t("page_explorer", lang), "explorer", {"table": "events", "q": mark.row_id}))
            return row[f"title_{lang}"], lines, links
        if mark.kind == "note":
            lines = [row[f"issue_{lang}"], t("basis", lang) + ": " + row[f"basis_{lang}"]]
            target = "figure" if row["target_table"] == "figures" else "event"
            links = [(t("read_note_target", lang), "read", {"src": self.source_id, "row": row["target_id"]})]
            if target == "event":
                links.append((t("page_timeline", lang), "timeline", {"event": row["target_id"]}))
            return t("source_note", lang), lines, links
        name = row[f"name_{lang}"]
        count = sum(self.flat.count(s) for s in names(row) if s)  # spellings may nest; a rough count
        lines = [_text(row.get(f"description_{lang}")), t("read_mentions", lang, n=count)]
        param = {"person": "person", "place": "place"}[mark.kind]
        return name, lines, [(t("page_people", lang), "people", {param: mark.row_id})]


def _card(kind: str, heading: str, lines: list[str], links: list[tuple[str, str]], lang: str) -> str:
    e = html.escape
    # spans only: a <div> inside the paragraph's <p> would close it
    body = "".join(f'<span class="line">{e(x)}</span>' for x in lines if x)
    hrefs = " · ".join(
        f'<a href="{e(link(page, lang, **params))}" target="_self">{e(label)}</a>'
        for label, page, params in links
    )
    return (
        f'<span class="card" role="tooltip"><b>{e(label(kind, lang))}</b> {e(heading)}'
        f"{body}" + (f'<span class="line links">{hrefs}</span>' if hrefs else "") + "</span>"
    )


def build(data: Dataset, source_id: str, lang: str) -> Document:
    """The annotated document of one seed in one language: built once, then only styled per view."""
    seed = data.seeds[source_id]
    paras = layout(seed)
    every = marks(data, source_id)
    rows = _Rows(data, source_id, lang)
    cards, details, summaries, glosses = {}, {}, {}, {}
    for m in every:
        heading, lines, links = rows.describe(m)
        details[m.row_id] = (m.kind, heading, [x for x in lines if x], links)
        cards[m.row_id] = _card(m.kind, heading, lines, links, lang)
        summaries[m.row_id] = f"{label(m.kind, lang)}: {heading}"
        if g := rows.gloss(m):
            glosses[m.row_id] = g
    fragments = tuple(
        _paragraph(n, p, every, cards, summaries, glosses, source_id, lang) for n, p in enumerate(paras)
    )
    return Document(
        source_id,
        lang,
        tuple(paras),
        tuple(every),
        fragments,
        cards,
        details,
        summaries,
        glosses,
        len(normalize(seed)),
    )


def _paragraph(n, p, every, cards, summaries, glosses, source_id, lang, hits=()) -> str:
    """One paragraph as HTML: text split where marks begin and end, each piece wrapped in one span per
    kind covering it; after a mark's last piece, its tag with the card. Every character is escaped."""
    lo, hi = p.flat_start, p.flat_start + len(p.pos)
    mine = [m for m in every if m.start < hi and m.end > lo]
    spans = [(m.start, m.end, m) for m in mine] + [(a, b, None) for a, b in hits if a < hi and b > lo]
    cuts = sorted({lo, hi} | {max(lo, min(hi, x)) for a, b, _ in spans for x in (a, b)})
    e = html.escape
    out = []
    text = p.text

    def display(f):  # flat position -> display position in this paragraph
        return p.pos[f - lo] if f < hi else len(text)

    # Text before the first non-space character keeps its place (leading white space was stripped).
    for a, b in zip(cuts, cuts[1:]):
        da = 0 if a == lo else display(a)
        db = display(b) if b < hi else len(text)
        piece = e(text[da:db]).replace("\n", "<br>")
        over = [m for s, t_, m in spans if m is not None and s <= a and t_ >= b]
        hit = any(m is None and s <= a and t_ >= b for s, t_, m in spans)
        if hit:
            first_hit = ' id="hit-first"' if a == hits[0][0] else ""
            piece = f'<mark class="hit"{first_hit}>{piece}</mark>'
        for m in sorted(over, key=lambda m: m.end - m.start, reverse=True):
            first = ' id="' + "m-" + safe_id(m.row_id) + '"' if a == m.start else ""
            piece = f'<span class="m m-{m.kind}"{first}>{piece}</span>'
        if over:
            inner = min(over, key=lambda m: m.end - m.start)
            title = " · ".join(summaries[m.row_id] for m in over)
            classes = " ".join("r-" + safe_id(m.row_id) for m in over)
            href = e(read_link(source_id, inner.row_id, lang))
            piece = f'<a class="s {classes}" href="{href}" target="_self" title="{e(title)}">{piece}</a>'
        out.append(piece)
        for m in over:
            if m.end == b:
                out.append(
                    f'<span class="tag t-{m.kind} r-{safe_id(m.row_id)}" tabindex="0">'
                    f"{e(tag(m.kind, lang))}{cards[m.row_id]}</span>"
                )
    gl = [m for m in mine if m.row_id in glosses and lo <= m.start < hi]
    aside = ""
    if gl:
        items = "".join(
            f'<div class="gloss t-{m.kind}"><span class="gtag">{e(tag(m.kind, lang))}</span> '
            f"{e(glosses[m.row_id])}</div>"
            for m in gl
        )
        aside = f'<aside class="glosses" lang="en">{items}</aside>'
    return _block(n, text, out, aside)


_HEADING = re.compile(r"(#{1,6})[ \t]+")
_RULE = re.compile(r"(-{3,}|\*{3,}|_{3,})")


def _block(n: int, text: str, pieces: list[str], aside: str) -> str:
    """A paragraph in the seed's own structure, for display only: a markdown rule as a rule, a heading as a
    heading without its '#' marks, a picture's caption set apart (the seed and every mark's place are
    unchanged: only what is drawn around them)."""
    if _RULE.fullmatch(text.strip()):
        return f'<div class="para rule" id="p-{n}"><hr></div>'
    heading = _HEADING.match(text)
    if heading and pieces and pieces[0].startswith(heading.group(0)):
        level = len(heading.group(1))
        pieces = [pieces[0][len(heading.group(0)) :], *pieces[1:]]
        body = "".join(pieces)
        return (
            f'<div class="para h h{min(level, 3)}" id="p-{n}">'
            f'<p lang="ko" role="heading" aria-level="{min(level + 1, 6)}">{body}</p>{aside}</div>'
        )
    cls = " cap" if _CAPTION.match(text) and len(text) < CAPTION_CHARS else ""
    return f'<div class="para{cls}" id="p-{n}"><p lang="ko">{"".join(pieces)}</p>{aside}</div>'


def density(doc: Document, kinds: tuple, bins: int = 48) -> list[int]:
    """How many marks of the chosen kinds start in each stretch of the text, for the bar along it."""
    counts = [0] * bins
    for m in doc.marks:
        if m.kind in kinds:
            counts[min(bins - 1, m.start * bins // max(doc.flat_len, 1))] += 1
    return counts


def search(doc: Document, text: str) -> list[tuple[int, int]]:
    """Where a search (white space ignored, like the quotes) occurs in the text."""
    q = normalize(text or "")
    flat = "".join(normalize(p.text) for p in doc.paragraphs)
    return [(a, a + len(q)) for a in occurrences(q, flat)] if q else []


def step(doc: Document, kinds: tuple, row_id: str, forward: bool) -> str | None:
    """The next (or previous) mark of the chosen kinds after the selected one, wrapping around."""
    shown = [m for m in doc.marks if m.kind in kinds]
    if not shown:
        return None
    ids = [m.row_id for m in shown]
    if row_id not in ids:
        return ids[0] if forward else ids[-1]
    i = ids.index(row_id)
    return ids[(i + (1 if forward else -1)) % len(ids)]


def css(kinds: tuple, selected: str | None) -> str:
    """The page's style: marks of kinds not chosen lose their lines and tags; the selected row lights up."""
    rules = [BASE_CSS]
    for kind in KINDS:
        if kind not in kinds:
            rules.append(f".rd .m-{kind}{{text-decoration:none;color:inherit}} .rd .t-{kind}{{display:none}}")
    if selected:
        sid = safe_id(selected)
        rules.append(f".rd a.r-{sid}{{background:#ffe680;outline:2px solid #1a1a1a;border-radius:2px}}")
    return "<style>" + "\n".join(rules) + "</style>"


def render(doc: Document, kinds: tuple, selected: str | None, hits=(), lang: str | None = None) -> str:
    """The whole view as one HTML string: style, legend, density bar and the paragraphs (re-rendered only
    where a search hits)."""
    lang = lang or doc.lang
    e = html.escape
    fragments = list(doc.html)
    for n, p in enumerate(doc.paragraphs):  # only the paragraphs a search hits are drawn again
        if any(a < p.flat_start + len(p.pos) and b > p.flat_start for a, b in hits):
            args = (doc.marks, doc.cards, doc.summaries, doc.glosses, doc.source_id, doc.lang, hits)
            fragments[n] = _paragraph(n, p, *args)
    legend = "".join(
        f'<span class="lg"><span class="m m-{k}">{e(label(k, lang))}</span>'
        f'<span class="tag t-{k}">{e(tag(k, lang))}</span></span>'
        for k in KINDS
        if k in kinds
    )
    counts = density(doc, kinds)
    top = max(counts) or 1
    paras = _para_starts(doc)
    bar = "".join(
        f'<a class="bin" href="#p-{paras[i]}" title="{e(t("read_density_bin", lang, n=c))}" '
        f'style="opacity:{0.12 + 0.88 * c / top:.2f}"></a>'
        for i, c in enumerate(counts)
    )
    return (
        css(kinds, selected)
        + f'<div class="rd"><div class="top"><div class="legend">{legend}</div>'
        + f'<div class="density" aria-label="{e(t("read_density", lang))}">{bar}</div></div>'
        + "".join(fragments)
        + "</div>"
    )


def _para_starts(doc: Document, bins: int = 48) -> list[int]:
    """For each bin of the density bar, the paragraph it starts in (so a click jumps there)."""
    starts = [p.flat_start for p in doc.paragraphs]
    out, n = [], 0
    for i in range(bins):
        at = i * doc.flat_len // bins
        while n + 1 < len(starts) and starts[n + 1] <= at:
            n += 1
        out.append(n)
    return out


def scroll_script(anchor: str | None) -> str:
    """The only script on the page, run in a component's frame of the same origin: bring the selected
    passage into view once the text is drawn. The anchor is a safe id, JSON-encoded; nothing else from the
    data goes in."""
    target = json.dumps(safe_id(anchor) if anchor else "").replace("</", "<\\/")
    return (
        "<script>(function(){var id=" + target + ",n=0;if(!id)return;"
        "function go(){var el=window.parent.document.getElementById(id);"
        "if(el){el.scrollIntoView({block:'center'});}else if(n++<80){setTimeout(go,100);}}go();})();</script>"
    )


BASE_CSS = """
.rd{font-size:1.02rem;line-height:2.35;max-width:100%}
.rd .top{position:sticky;top:3.75rem;z-index:5;background:var(--background-color,#fff);background:#fff;
 padding:.25rem 0 .35rem;border-bottom:1px solid #ddd;margin-bottom:.5rem}
.rd .legend{display:flex;flex-wrap:wrap;gap:.9rem;font-size:.85rem;line-height:1.9}
.rd .density{display:flex;height:12px;gap:1px;margin-top:.2rem}
.rd .bin{flex:1;background:#1a1a1a;display:block;border-radius:1px}
.rd .para{display:grid;grid-template-columns:minmax(0,1fr);gap:1.2rem;margin:0 0 .9rem}
.rd .para:has(aside){grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
.rd .para.h p{font-weight:700}
.rd .para.h1 p{font-size:1.45rem;line-height:1.6;margin-top:.8rem}
.rd .para.h2 p{font-size:1.2rem;line-height:1.7}
.rd .para.rule hr{border:0;border-top:1px solid #bbb;margin:.6rem 0}
.rd .para.cap p{font-size:.92rem;color:#3d3d3d;border-left:3px solid #bbb;padding-left:.7rem}
.rd p{margin:0;unicode-bidi:isolate;white-space:normal}
.rd a.s{color:inherit;text-decoration:none;cursor:pointer}
.rd .m{text-decoration-line:underline;text-decoration-skip-ink:none}
.rd .m-figure{text-decoration-color:#0072B2;text-decoration-style:solid;text-decoration-thickness:2px;
 text-underline-offset:3px}
.rd .m-event{text-decoration-color:#D55E00;text-decoration-style:double;text-decoration-thickness:3px;
 text-underline-offset:8px}
.rd .m-person{text-decoration-color:#009E73;text-decoration-style:dotted;text-decoration-thickness:3px;
 text-underline-offset:3px}
.rd .m-place{text-decoration-color:#7A4B94;text-decoration-style:dashed;text-decoration-thickness:2px;
 text-underline-offset:3px}
.rd .m-note{text-decoration-color:#8A6100;text-decoration-style:wavy;text-decoration-thickness:1.5px;
 text-underline-offset:13px}
.rd .m-excluded{text-decoration:none;color:#6b6b6b;font-style:italic}
.rd .tag{position:relative;display:inline-block;font-size:.62rem;line-height:1.2;vertical-align:super;
 border:1px solid currentColor;border-radius:3px;padding:0 .18rem;margin:0 .12rem;font-weight:600;
 cursor:help;color:#1a1a1a;background:#fff;font-style:normal}
.rd .t-figure{border-color:#0072B2}.rd .t-event{border-color:#D55E00;border-style:double;border-width:3px}
.rd .t-person{border-color:#009E73;border-style:dotted;border-width:2px}
.rd .t-place{border-color:#7A4B94;border-style:dashed}.rd .t-note{border-color:#8A6100}
.rd .t-excluded{color:#6b6b6b;border-color:#9a9a9a}
.rd .card{display:none;position:absolute;left:0;top:1.4rem;z-index:20;width:22rem;max-width:70vw;
 background:#fff;color:#1a1a1a;border:1px solid #888;border-radius:6px;padding:.5rem .6rem;
 font-size:.85rem;line-height:1.45;font-weight:400;box-shadow:0 3px 10px rgba(0,0,0,.18);white-space:normal}
.rd .tag:hover .card,.rd .tag:focus .card,.rd .tag:focus-within .card{display:block}
.rd .card .line{display:block}
.rd .card .links{margin-top:.3rem}
.rd .card a{color:#005b8f}
.rd mark.hit{background:#b7e1ff;color:inherit;outline:1px solid #005b8f}
.rd aside.glosses{font-size:.88rem;line-height:1.5;color:#333;border-left:3px solid #ddd;padding-left:.6rem}
.rd .gloss{margin-bottom:.35rem}
.rd .gtag{font-size:.62rem;border:1px solid #999;border-radius:3px;padding:0 .18rem;font-weight:600}
.rd .lg .tag{vertical-align:middle}
"""
