"""What a person sees, measured in the browser: cut text, chart text on chart text, chart type size, English
words in the Korean interface, and the colour each category is drawn in. Used by tests/test_legibility.py."""

from __future__ import annotations

import re

# One pass over the page; returns plain data, so the tests can say exactly what they found.
MEASURE_JS = r"""
() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const visible = el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity || '1') > 0;
  };
  const ownText = el => [...el.childNodes].filter(n => n.nodeType === 3)
    .map(n => n.textContent).join('').trim();

  // 1. Text cut: an element that clips (ellipsis, or overflow hidden/clip) whose text is wider than its box.
  const cut = [];
  for (const el of main.querySelectorAll('*')) {
    if (el.closest('.js-plotly-plot, [data-testid="stDataFrame"], [data-testid="stDataFrameResizable"]')) {
      continue;
    }
    const s = getComputedStyle(el);
    const clips = s.textOverflow === 'ellipsis' || ['hidden', 'clip'].includes(s.overflowX);
    if (!clips || !visible(el)) continue;
    const text = el.innerText ? el.innerText.trim() : '';
    if (!text || (!ownText(el) && s.textOverflow !== 'ellipsis')) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      cut.push({tag: el.tagName, testid: (el.closest('[data-testid]') || {}).dataset?.testid || '',
                text: text.slice(0, 80), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth});
    }
  }

  // 1b. Tables (st.table, static HTML): a table wider than its box is cut at the box's edge (it scrolls
  // sideways), and a header or cell whose text wraps between two letters is broken inside a word ("수/치").
  const tables = [];
  const letter = /[\p{L}\p{N}]/u;
  for (const box of main.querySelectorAll('[data-testid="stTable"]')) {
    if (!visible(box)) continue;
    const wide = [box, ...box.querySelectorAll('div')].find(d => d.scrollWidth > d.clientWidth + 1
      && ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(d).overflowX));
    if (wide) tables.push({kind: 'cut', text: box.innerText.slice(0, 60),
                           scrollWidth: wide.scrollWidth, clientWidth: wide.clientWidth});
    for (const cell of box.querySelectorAll('th, td')) {
      const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) {
        const node = walk.currentNode, text = node.textContent;
        let prev = null;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          if (!r.width) { prev = null; continue; }
          const newLine = prev && r.top > prev.top + prev.height / 2;
          if (newLine && letter.test(text[i]) && letter.test(text[i - 1])) {
            tables.push({kind: 'broken', text: text.slice(Math.max(0, i - 8), i) + '/' + text.slice(i, i + 8),
                         cell: cell.tagName});
          }
          prev = r;
        }
      }
    }
  }

  // 2–4. Every chart: its text boxes, their size as drawn, and the colour of each named trace.
  const charts = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    if (!visible(plot)) continue;
    const texts = [];
    for (const svg of plot.querySelectorAll('svg.main-svg')) {
      for (const t of svg.querySelectorAll('text')) {
        if (t.closest('.hoverlayer')) continue;
        const label = (t.textContent || '').trim();
        if (!label || !visible(t)) continue;
        const r = t.getBoundingClientRect();
        // as drawn: Plotly shrinks a label that does not fit by scaling the element, not its font size
        const m = t.getScreenCTM();
        const scale = m ? Math.hypot(m.a, m.b) : 1;
        texts.push({text: label, x: r.left, y: r.top, w: r.width, h: r.height,
                    size: parseFloat(getComputedStyle(t).fontSize) * scale});
      }
    }
    const title = (plot.layout && plot.layout.title && (plot.layout.title.text || plot.layout.title)) || '';
    const traces = (plot.data || []).map(d => ({
      name: d.name || '', group: d.legendgroup || '',
      color: d.marker && typeof d.marker.color === 'string' ? d.marker.color : null,
      line: d.line && typeof d.line.color === 'string' ? d.line.color : null,
      symbol: d.marker && typeof d.marker.symbol === 'string' ? d.marker.symbol : null,
    }));
    const box = plot.getBoundingClientRect();
    // where it is drawn: the expander it sits in (the Slides page's previews name their item), if any
    const holder = plot.closest('[data-testid="stExpander"]');
    const where = holder && holder.querySelector('summary') ? holder.querySelector('summary').innerText : '';
    charts.push({title: typeof title === 'string' ? title : '', where, texts, traces,
                 width: box.width, height: box.height, plotHeight: plot.querySelector('.nsewdrag')
                   ? plot.querySelector('.nsewdrag').getBoundingClientRect().height : null});
  }

  // 5. The words a reader sees, outside quotes (blockquote) and citations (cite).
  const words = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    const el = n.parentElement;
    if (!el || !n.textContent.trim()) continue;
    // icons are ligature names drawn as glyphs (":material/home:" is the text "home")
    if (el.closest('script, style, noscript, blockquote, cite, .hoverlayer, code, '
                   + '[data-testid="stToolbar"], [data-testid="stDecoration"], .modebar-container, '
                   + '[data-testid="stIconMaterial"], [translate="no"]')) continue;
    if (!visible(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.right <= 0 || box.bottom <= 0) continue;  // off screen, e.g. a "skip to content" link
    words.push(n.textContent.trim());
  }
  return {cut, tables, charts, words, width: window.innerWidth};
}
"""


def overlaps(texts: list[dict], share: float = 0.25) -> list[tuple[str, str]]:
    """Pairs of chart texts whose boxes overlap by more than `share` of the smaller box."""
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if w <= 0 or h <= 0:
                continue
            smaller = min(a["w"] * a["h"], b["w"] * b["h"])
            if smaller and w * h > share * smaller:
                found.append((a["text"], b["text"]))
    return found


# Latin-letter words the Korean interface may show, each with why (a word not here is a translation missing).
ALLOWED = {
    "english": "the language switch offers English in English, so that a reader of English can find it",
    "language": "the language switch reads '언어 / Language', for the same reason",
    "png": "a file format's name: Korean software and teachers call it so",
    "svg": "a file format's name",
    "csv": "a file format's name",
    "json": "a file format's name",
    "pptx": "a file format's name (PowerPoint's)",
    "zip": "a file format's name",
    "url": "what Korean interfaces call a web address",
    "qr": "the QR code on the deck's last slide: a name, written so in Korean",
    "timelinejs": "a product's name (the TimelineJS export)",
    "maddison": "a data set's name in its citation (Maddison Project Database 2020)",
    "gdp": "an economic measure named in the references, written so in Korean economics",
    "cc": "the Maddison data's licence (CC BY 4.0), cited as its name",
    "by": "the same licence's name (CC BY)",
    "petrograd": "a place name the text itself gives in Latin letters beside the Korean",
    "ko": "a language code in a file name the page offers (…_ko.pptx)",
    "en": "a language code in a file name",
    "cpe": "a French law's name, in an event's title ('CPE 철회')",
    "html": "a file format's name (the lesson bundle's offline charts)",
    "pageup": "a key's name as printed on the keyboard (and sent by presentation clickers)",
    "pagedown": "the same, for the other key",
    "chromium": "a package the server's administrator installs, named as the command types it",
    "apt-get": "the command that installs it, shown as typed (only when the server lacks it)",
    "install": "the same command's word",
    "fonts-noto-cjk": "the font package the same command installs",
    # the intake's refusals, in editing mode and at a terminal: names a teacher types or reads as they are
    "sha": "SHA-256, the checksum that tells a file already taken in (its name, as written everywhere)",
    "utf": "UTF-8, the text encoding a file must be saved in (the name every editor's menu shows)",
    "txt": "a file format's name (.txt)",
    "yyyy": "a date's format as typed (YYYY, YYYY-MM)",
    "yyyy-mm": "the same format with its month",
    "id": "the --id flag a teacher types at the terminal, and the name the review folder bears",
    "seeds": "the folder of texts (seeds/), named as it is on disk",
    # the base map's sources, named in its attribution line as their authors name them
    "historical-basemaps": "the border layers' source, named as its author names it",
    "ourednik": "the same source's author",
    "natural": "Natural Earth, the coastlines' source, by its name",
    "earth": "the same name's second word",
    "gpl": "the border layers' licence (GPL-3.0), cited by its name",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def english_words(texts: list[str], allowed=ALLOWED) -> list[str]:
    """Latin-letter words in the texts that are not allowed names or formats (quotations, URLs, file
    names and e-mail addresses aside)."""
    found = []
    for text in texts:
        text = re.sub(r"“[^”]*”|\"[^\"]*\"|「[^」]*」", " ", text)  # quotations, shown as written
        text = re.sub(r"`[^`]*`", " ", text)  # a command in a code span: shown as <code>, as typed
        text = re.sub(r"(https?://|www\.)\S+|\S+@\S+|\b\S+\.(com|org|ru|uk|net|csv|json)\b\S*", " ", text)
        text = re.sub(r"\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b", " ", text)  # an environment variable, as typed
        for word in WORD.findall(text):
            if word.lower().strip("'’-") not in allowed:
                found.append(word)
    return found
