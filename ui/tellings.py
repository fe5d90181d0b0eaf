"""Tellings and quotes: a sentence as the text gives it, our gloss labelled as ours, and the notes on it."""

from __future__ import annotations

import html

import streamlit as st

import cached
from revolution.i18n import our_translation, t
from revolution.views import format as fmt
from revolution.views import reading
from ui.shell import current_lang, dataset

escape_md = fmt.literal  # text from the data, shown literally in Markdown


def quote_block(quote: str, source: str, gloss: str | None = None) -> None:
    """A verbatim quote, shown as text (never as HTML), with its source; in English, our gloss beneath
    it, labelled as our translation (the Korean stays the quote)."""
    st.markdown(f"> {escape_md(quote)}\n>\n> — {escape_md(source)}")
    if current_lang() == "en" and isinstance(gloss, str) and gloss:
        st.caption(our_translation(escape_md(gloss), "en"))


def sentence_block(row: dict, source: str) -> None:
    """A telling's quote inside its whole sentence from the seed, the quote highlighted (a quote is the
    shortest span that says it; a reader needs the sentence around it). Display only: the row's quote is
    what the highlight shows, and the English gloss is the quote's."""
    found = cached.sentence(dataset(), row["source_id"], row["quote"])
    if not found or not (found[0] or found[2].strip(".")):
        quote_block(row["quote"], source, row.get("quote_en"))
        return
    before, quote, after = (escape_md(x) for x in found)
    st.markdown(f"> {before}:blue-background[**{quote}**]{after}\n>\n> — {escape_md(source)}")
    st.caption(t("telling_sentence", current_lang()))
    if current_lang() == "en" and isinstance(row.get("quote_en"), str) and row["quote_en"]:
        st.caption(our_translation(escape_md(row["quote_en"]), "en"))


def tellings(told, notes, lang: str, names: dict, side_by_side: bool = True) -> None:
    """Each text's telling of one event (rows of filters.tellings), each in its box: side by side on a page,
    one under the other in a dialog."""
    rows = told.to_dict("records")
    for place, row in zip(st.columns(len(rows)) if side_by_side and rows else [st] * len(rows), rows):
        with place.container(border=True):
            telling(row, notes, lang, names[row["source_id"]])


def telling(row: dict, notes, lang: str, source: str) -> None:
    """One text's telling of an event: its date as written and in New Style, its sentence, and any note
    on it."""
    st.markdown(f"**{escape_md(row[f'title_{lang}'])}** · {escape_md(source)}")
    st.caption(escape_md(fmt.calendar_line(row, lang)))
    if row.get("date_basis") == "context":
        gloss = " — " + our_translation(escape_md(row["date_context_en"]), lang) if lang == "en" else ""
        st.caption(f"{t('date_from_context', lang)}: “{escape_md(row['date_context'])}”{gloss}")
    elif row.get("date_basis") == "reference":
        # a chronology cited in its own language: marked up as a citation, like every other one
        label = html.escape(t("date_from_reference", lang))
        cited = f"<cite style='font-style:normal'>{html.escape(row['date_reference'])}</cite>"
        st.caption(f"{label}: {cited}", unsafe_allow_html=True)
    sentence_block(row, source)
    here = reading.read_link(row["source_id"], row["event_id"], lang)
    st.markdown(f":material/menu_book: [{t('read_in_context', lang)}]({here})")
    note = row.get(f"notes_{lang}")
    if isinstance(note, str) and note:
        st.caption(escape_md(note))
    for note in notes[notes.target_id == row["event_id"]].to_dict("records"):
        st.warning(
            f"**{t('source_note', lang)}** — {escape_md(note[f'issue_{lang}'])}\n\n"
            f"{t('basis', lang)}: {escape_md(note[f'basis_{lang}'])}",
            icon=":material/edit_note:",
        )
