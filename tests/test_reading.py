"""The Read page's document: every row marked once where its quote stands, nothing in the seed lost or
changed, every ledger exclusion shown with its reason, and markup in the data kept inert."""

import dataclasses
import html
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from revolution.data import mentions
from revolution.data.provenance import normalize, span
from revolution.views import reading

DROP = {"tag", "card", "glosses", "top"}  # what the page adds around the text: tags, cards, glosses, legend


class _Text(HTMLParser):
    """The text a reader sees in the paragraphs, without the tags, cards and glosses the page adds."""

    VOID = {"br", "img", "input", "hr", "meta", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out, self.in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(bool(classes & DROP) or tag == "style")

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.out.append(data)


def shown_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return "".join(parser.out)


@pytest.fixture(scope="module")
def docs(dataset):
    return {(s, lang): reading.build(dataset, s, lang) for s in dataset.seeds for lang in ("ko", "en")}


def without_markup(seed: str) -> str:
    """The seed as a reader sees it on the Read page: its markdown rules and heading marks drawn as a rule
    and as headings, not as characters (issue 23); every other character kept."""
    lines = [re.sub(r"^#{1,6}[ \t]+", "", line) for line in seed.split("\n")]
    return "\n".join(line for line in lines if not re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", line))


def test_display_text_without_marks_is_the_seed_white_space_aside(dataset, docs):
    for (source_id, lang), doc in docs.items():
        markup = reading.render(doc, reading.KINDS, None)
        shown = normalize(shown_text(markup))
        assert shown == normalize(without_markup(dataset.seeds[source_id])), (source_id, lang)
        assert "---" not in shown and "#" not in shown  # "# 23", "## 러시아 혁명과 …" are headings


def test_the_seeds_structure_is_drawn_headings_rules_captions(docs):
    markup = reading.render(docs[("history", "ko")], reading.KINDS, None)
    assert '<div class="para rule"' in markup and "<hr>" in markup
    heading = re.search(r'role="heading" aria-level="3">(.*?)</p>', markup)
    assert heading and shown_text(heading.group(1)).startswith("러시아 혁명과 사회주의 국가의 출현")
    captions = [shown_text(c) for c in re.findall(r'class="para cap"[^>]*>(.*?)</div>', markup)]
    assert any(c.startswith("레닌과 스탈린, 1922년 9월.") for c in captions), captions


@pytest.mark.parametrize(
    "kind, table, key",
    [("figure", "figures", "figure_id"), ("event", "events", "event_id"), ("note", "notes", "note_id")],
)
def test_every_row_is_marked_exactly_once_where_its_quote_stands(dataset, docs, kind, table, key):
    frame = getattr(dataset, table)
    if kind == "figure":
        frame = frame[frame.kind == "stated"]  # a derived share has no sentence of its own
    for source_id, seed in dataset.seeds.items():
        doc = docs[(source_id, "ko")]
        rows = frame[frame.source_id == source_id]
        got = [m for m in doc.marks if m.kind == kind]
        assert sorted(m.row_id for m in got) == sorted(rows[key])  # one mark per row, no more
        at = {m.row_id: (m.start, m.end) for m in got}
        for rid, quote in zip(rows[key], rows.quote):
            assert at[rid] == span(quote, seed), rid  # where the loader found it (no quote repeats here)
        markup = reading.render(doc, reading.KINDS, None)
        for rid in rows[key]:
            assert markup.count(f'id="m-{reading.safe_id(rid)}"') == 1, rid


def test_marks_by_kind_equal_rows_by_kind(dataset, docs):
    marks = [m for s in dataset.seeds for m in docs[(s, "en")].marks]
    count = pd.Series([m.kind for m in marks]).value_counts().to_dict()
    named = {t: mentions.text_mentions(dataset, t) for t in ("people", "places")}
    assert count["figure"] == int((dataset.figures.kind == "stated").sum())
    assert count["event"] == len(dataset.events)
    assert count["note"] == len(dataset.notes)
    assert count["person"] == int((named["people"].mentions > 0).sum())  # once per text that names them
    assert count["place"] == int((named["places"].mentions > 0).sum())
    assert count["excluded"] == len(dataset.ledger_exclusions)


def test_every_ledger_exclusion_is_shown_muted_with_its_reason(dataset, docs):
    for n, rec in enumerate(dataset.ledger_exclusions.to_dict("records")):
        rid = reading.exclusion_id(n)
        for lang in ("ko", "en"):
            doc = docs[(rec["source_id"], lang)]
            mark = doc.find(rid)
            assert mark is not None and mark.kind == "excluded", rid
            flat = normalize(dataset.seeds[rec["source_id"]])
            assert flat[mark.start : mark.end] == normalize(rec["match"])
            reason = reading.exclusion_reason(rec["reason"], lang)
            assert html.escape(reason) in doc.cards[rid]
            assert f'class="m m-excluded" id="m-{rid}"' in "".join(doc.html)
        assert reading.exclusion_reason(rec["reason"], "en") == rec["reason"]
        assert re.search(r"[\uac00-\ud7a3]", reading.exclusion_reason(rec["reason"], "ko"))


def test_a_quote_the_seed_holds_twice_is_marked_by_the_rule():
    flat = "ABXYCDXYEF"
    # one row: the first occurrence, where the loader finds it
    assert reading.place_quotes([("r1", "XY")], flat) == {"r1": (2, 4)}
    # two rows with the same quote take the occurrences in file order
    assert reading.place_quotes([("r1", "X Y"), ("r2", "XY")], flat) == {"r1": (2, 4), "r2": (6, 8)}
    # more rows than occurrences (two figures of one sentence) share the last
    three = reading.place_quotes([("a", "CD"), ("b", "CD"), ("c", "XY")], flat)
    assert three == {"a": (4, 6), "b": (4, 6), "c": (2, 4)}
    assert reading.place_quotes([("gone", "QQ")], flat) == {}


def test_layout_joins_hard_wrapped_lines_and_keeps_paragraphs():
    seed = "첫 줄이 여기서 끊기는데 한 문장이 이어지며 길게 계속되는 대목의 병\n사들이 왔다.\n\n둘째 문단\n"
    paras = reading.layout(seed)
    assert [p.text for p in paras] == [
        "첫 줄이 여기서 끊기는데 한 문장이 이어지며 길게 계속되는 대목의 병사들이 왔다.",
        "둘째 문단",
    ]
    assert paras[1].flat_start == len(normalize(paras[0].text))
    # a blank line inside a sentence (a page break of the print) does not end the paragraph; a citation does
    cut = "1917년에 수도 페트로그라드(Petrograd, 상트페테르부르크)\n\n의 인구 240만 명 가운데"
    assert len(reading.layout(cut)) == 1
    cited = "훈련된 압도적인 다수가 있었다.”(트로츠키, 러시아 혁명사)\n\n러시아 부르주아지 정부 전복에서"
    assert len(reading.layout(cited)) == 2
    caption = (
        "볼셰비키당은 내전 동안 집권당으로서 상명하복\n\n혁명 러시아 수도의 거리 풍경. 1918년. 10월 혁명으로"
    )
    assert len(reading.layout(caption)) == 2  # a picture caption set inside the sentence stands apart
    # a short title keeps its lines; a list item starts on its own line
    assert reading.layout("제목 하나\n부제\n")[0].text == "제목 하나\n부제"


def test_previous_and_next_mark_wrap_around_the_chosen_kinds(docs):
    doc = docs[("history", "ko")]
    events = [m.row_id for m in doc.marks if m.kind == "event"]
    assert reading.step(doc, ("event",), "", True) == events[0]
    assert reading.step(doc, ("event",), events[0], True) == events[1]
    assert reading.step(doc, ("event",), events[0], False) == events[-1]
    assert reading.step(doc, (), "", True) is None


def test_search_ignores_white_space_and_marks_every_hit(docs):
    doc = docs[("history", "ko")]
    hits = reading.search(doc, "볼셰비키")
    assert len(hits) == normalize("".join(p.text for p in doc.paragraphs)).count("볼셰비키") > 3
    markup = reading.render(doc, reading.KINDS, None, hits)
    assert markup.count('<mark class="hit"') >= len(hits) and 'id="hit-first"' in markup


def test_choosing_kinds_and_a_row_only_restyles(docs):
    doc = docs[("history", "en")]
    markup = reading.render(doc, ("figure",), "FH010")
    assert (
        ".rd .m-event{text-decoration:none" in markup and ".rd .m-figure{text-decoration:none" not in markup
    )
    assert ".rd a.r-FH010{background" in markup
    assert 'class="s r-FH010"' in markup
    assert reading.read_link("history", "FH010", "en") == "read?src=history&row=FH010&lang=en"


def test_an_event_card_reads_the_date_with_its_calendar_and_links_everywhere(dataset, docs):
    doc = docs[("history", "en")]
    kind, heading, lines, links = doc.details["EH027"] if "EH027" in doc.details else doc.details["EH001"]
    assert kind == "event" and any("New Style" in x for x in lines)
    pages = [page for _, page, _ in links]
    assert pages[0] == "timeline" and "explorer" in pages
    shared = dataset.events.groupby("event_key").source_id.nunique()
    for rid, (kind, _, _, links) in doc.details.items():
        if kind == "event":
            key = dataset.events.set_index("event_id").loc[rid, "event_key"]
            assert ("sources" in [p for _, p, _ in links]) == (shared[key] > 1), rid
    kind, heading, lines, links = doc.details["FH010"]
    assert heading == "under 25%" and ("figures", {"group": "constituent_assembly"}) in [
        (p, q) for _, p, q in links
    ]


def test_english_glosses_show_when_the_data_has_them(dataset):
    figures = dataset.figures.assign(quote_en=None)
    figures.loc[figures.figure_id == "FH010", "quote_en"] = "the total share fell short of 25 per cent"
    data = dataclasses.replace(dataset, figures=figures)
    en = "".join(reading.build(data, "history", "en").html)
    assert 'class="glosses"' in en and "the total share fell short of 25 per cent" in en
    assert "fell short" not in "".join(reading.build(data, "history", "ko").html)
    # the shipped data has a gloss for every quote: English shows them, Korean does not
    real = dataset.figures.set_index("figure_id").loc["FH010", "quote_en"]
    assert html.escape(real) in "".join(reading.build(dataset, "history", "en").html)
    assert 'class="glosses"' not in "".join(reading.build(dataset, "history", "ko").html)


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">click</a>',
    "\u202eevil\u202c",
]


def hostile(dataset):
    """The dataset with markup in the seed (a new paragraph) and in a note that quotes it."""
    payload = " ".join(HOSTILE)
    seeds = {**dataset.seeds, "history": dataset.seeds["history"] + "\n\n" + payload + "\n"}
    notes = dataset.notes.copy()
    notes.loc[0, ["quote", "issue_ko", "issue_en"]] = [payload, payload, payload]
    return dataclasses.replace(dataset, seeds=seeds, notes=notes)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_markup_in_a_seed_or_a_quote_stays_text(dataset, lang):
    data = hostile(dataset)
    doc = reading.build(data, "history", lang)
    markup = reading.render(doc, reading.KINDS, data.notes.note_id[0], reading.search(doc, "<script>"))
    assert not re.search(r"<\s*(script|img|iframe)", markup, re.I)
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", markup, re.I)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in markup
    assert "\u202eevil\u202c" in markup  # the character kept, its paragraph isolated by CSS
    assert normalize(shown_text(markup)) == normalize(without_markup(data.seeds["history"]))
    assert reading.scroll_script('x"</script><script>alert(1)').count("<script>") == 1


def test_a_row_id_names_one_mark_in_its_text(docs):
    for doc in docs.values():
        ids = [m.row_id for m in doc.marks]
        assert len(ids) == len(set(ids))  # `row=` in the URL and the highlight need one mark per id
        assert len({reading.safe_id(i) for i in ids}) == len(ids)


def test_every_telling_reads_as_its_whole_sentence_with_the_quote_inside(dataset):
    """Display only: the quote as the seed spells it, inside the sentence around it; the sentence ends
    where the text's does (or where its paragraph does)."""
    for r in dataset.events.to_dict("records"):
        before, quote, after = reading.sentence(dataset.seeds[r["source_id"]], r["quote"])
        assert normalize(r["quote"]).startswith(normalize(quote)), r["event_id"]
        assert normalize(before + quote + after) in normalize(dataset.seeds[r["source_id"]])
    # a quote that stops mid-sentence ("...러시아 노동자들은") is shown with the rest of its sentence
    cut = dataset.events[dataset.events.quote.str.endswith("러시아 노동자들은")].iloc[0]
    before, quote, after = reading.sentence(dataset.seeds[cut.source_id], cut.quote)
    assert normalize(quote) == normalize(cut.quote) and after.rstrip().endswith("타도했다.")
    assert reading.sentence(dataset.seeds[cut.source_id], "이 문장은 원문에 없다") is None
