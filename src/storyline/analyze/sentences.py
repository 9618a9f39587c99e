"""Sentence splitting for news text, with character offsets into the article text.

Rule-based and fast (no model): splits at . ! ? followed by a capital, a digit or an opening quote,
except after abbreviations (U.S., Lt. Gen., p.m., Jan.) and initials (H.R.), never inside an open
quotation in the same paragraph, and always at paragraph/line breaks. A leading wire dateline
("MOSCOW (Sputnik) –") is left out of the sentence span.
"""

from __future__ import annotations

import re

from storyline.model import Sentence, Span

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det rev fr st mt ft jr sr
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al no nos vol fig op sec ed eds jan feb mar apr jun
    jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun a.m p.m u.s u.k u.n e.u d.c u.s.a i.e e.g
    ph.d b.a m.a a.d b.c ave blvd rd hon excl incl min max""".split()
)

# A boundary: final punctuation, closing quotes or brackets, then space before a capital, a digit
# or an opening quote; or no space at all before a capitalised word ("seriously."Irene", "in
# 2008.Forecasters": scraped paragraphs joined without a space), when a word or number ends there.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+(?=[\"'“‘«(\[]?[A-Z0-9])|(?=[\"“‘«(\[]?[A-Z][a-z]))")
# "MOSCOW (Sputnik) –", "WASHINGTON _", "MOSCOW, August 17 (Xinhua) --", "GONESSE, France (AP) --",
# "Beijing (AFP) -": a capitalised place, up to two comma-separated parts (region, date), an
# optional agency in brackets, then a dash (or the underscore of old wire copy). A place in title
# case needs the agency, or it could be the start of an ordinary sentence.
_AGENCY = r"\([A-Z][\w.&/-]*(?: [A-Z][\w.&/-]*){0,3}\)"  # (AP), (Sputnik), (Xinhua), (Agence France-Presse)
_WIRE_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][\w.']+(?: [\w.']+){0,2}){0,2}\s*(?:" + _AGENCY + ")?"
    r"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}(?: \d{1,2})?(?:, [A-Z][\w.']+(?: [\w.']+){0,2}){0,2}\s*" + _AGENCY +
    r"|" + _AGENCY + ")"
    r"\s*(?:[-–—]{1,2}|_)\s+"
    # "(CNN) A woman killed...": a broadcaster's or agency's short name in brackets opens the lead
    # with no dash after it.
    r"|^\((?:[A-Z]{2,6}|Reuters|Bloomberg|Xinhua|Sputnik)\)\s+(?=[A-Z\"“])"
)
_DOMAIN_PART = re.compile(r"[A-Za-z]+\.[A-Za-z]")
_GLUED_AFTER = re.compile(r"(?:^|[^\w.])(?:[a-z]\w*|\d+)[\"'”’)]?$")  # the word before a glued boundary
_QUOTE_OPEN = "“«"
_QUOTE_CLOSE = "”»"


def _last_word(text: str) -> str:
    m = re.search(r"([\w.]+)$", text)
    return m.group(1).lower().rstrip(".") if m else ""


class _QuoteState:
    """Is a position inside a quotation that closes later in the paragraph? Quote marks are counted
    once, up to each position asked about in turn (positions only grow), so a paragraph of any
    length is read in linear time."""

    def __init__(self, para: str):
        self.para = para
        self.last_close = max(para.rfind(c) for c in _QUOTE_CLOSE)
        self.last_straight = para.rfind('"')
        self.counted = self.curly_open = self.straight = 0

    def inside(self, pos: int) -> bool:
        if pos < self.counted:  # (positions never go back; recount if they ever do)
            self.counted = self.curly_open = self.straight = 0
        seg = self.para[self.counted : pos]
        self.curly_open += sum(seg.count(c) for c in _QUOTE_OPEN) - sum(seg.count(c) for c in _QUOTE_CLOSE)
        self.straight += seg.count('"')
        self.counted = pos
        if self.curly_open > 0:
            return self.last_close >= pos
        return self.straight % 2 == 1 and self.last_straight >= pos


def _split_paragraph(para: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = _QuoteState(para) if '"' in para or any(c in para for c in _QUOTE_OPEN + _QUOTE_CLOSE) else None
    for m in _BOUNDARY.finditer(para):
        end = m.end(2)
        punct = m.group(1)
        if not m.group(3):  # glued: only after a lower-case word or a number
            if not _GLUED_AFTER.search(para, max(0, m.start(1) - 80), m.start(1)) or _DOMAIN_PART.match(para, m.end()):
                continue  # "U.S.Army", "Worm.Explore.Zip", "www.Example.com" are not two sentences
        if punct == ".":
            word = _last_word(para[max(start, m.start(1) - 200) : m.start(1)])
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
        if quotes is not None and quotes.inside(end) and end - start < 1200:
            continue
        if len(para[start:end].strip()) < 2:
            continue
        spans.append((start, end))
        start = m.end()
    if para[start:].strip():
        spans.append((start, len(para)))
    return spans


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """Sentences of an article's cleaned text; `text[s.span.start:s.span.end] == s.text`."""
    sentences: list[Sentence] = []
    offset = 0
    paragraph = 0
    for line in text.split("\n"):
        if line.strip():
            for s, e in _split_paragraph(line):
                seg = line[s:e]
                lead = len(seg) - len(seg.lstrip())
                s += lead
                seg = seg.strip()
                m = _WIRE_DATELINE.match(seg)
                if m and len(seg) - m.end() > 20:
                    s += m.end()
                    seg = seg[m.end() :]
                e = s + len(seg)
                sentences.append(
                    Sentence(Span(article_id, offset + s, offset + e), seg, len(sentences), paragraph)
                )
            paragraph += 1
        offset += len(line) + 1
    return sentences
