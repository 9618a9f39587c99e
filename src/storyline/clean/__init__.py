"""Cleaning: RawDocument → Article (main text, removed lines with reasons, metadata)."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from storyline.clean.dates import find_dates, parse_dateline, parse_given_date
from storyline.clean.metadata import (
    date_from_url,
    detect_language,
    publisher_from_removed,
    publisher_from_url,
    publisher_from_wire_dateline,
    site_name_of_masthead,
    split_site_name,
    strip_printed_site,
)
from storyline.clean.text import clean_text, normalize_line
from storyline.model import Article, InputError, RawDocument, Removed, content_id
from storyline.options import DEFAULT_OPTIONS, Options

__all__ = ["clean_document", "clean_text", "template_lines", "find_dates", "parse_dateline"]

#: Inputs larger than this are cut before cleaning (with a removal record), so one 50 MB line
#: cannot stall a batch.
MAX_INPUT_CHARS = 2_000_000


_TAG = re.compile(r"</?(?:html|head|body|div|span|p|a|td|tr|table|ul|li|script|style|meta|link|img|br|form|input|iframe)\b[^<>]{0,500}>", re.I)


def looks_like_markup(text: str) -> bool:
    """Is this "text" really HTML source? Many tags, and markup making up a good share of it (an
    article that quotes a few tags stays text)."""
    sample = text[:200_000]
    tags = _TAG.findall(sample)
    return len(tags) >= 20 and sum(map(len, tags)) >= 0.15 * len(sample)


def clean_document(
    raw: RawDocument, options: Options = DEFAULT_OPTIONS, templates: frozenset[str] = frozenset()
) -> Article | InputError:
    """Clean one input. Never raises for bad content: returns an InputError with the reason."""
    try:
        with _cycle_collector_paused():
            return _clean(raw, options, templates)
    except RecursionError:
        return InputError(raw.source, "document structure too deeply nested to process")
    except MemoryError:
        return InputError(raw.source, "document too large to process")


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector switched off while one article is cleaned, and on again after.

    Cleaning an article makes tens of thousands of short-lived containers (blocks, token lists,
    bags of words) and no reference cycles: on both dev sets the collector found nothing to free,
    yet scanning those containers took 6-9% of cleaning time. Reference counting frees them as
    before; anything cyclic (from a library) is collected once the article is done. Left as it is
    when the caller has switched the collector off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _clean(raw: RawDocument, options: Options, templates: frozenset[str]) -> Article | InputError:
    content = raw.content
    extra_removed: list[Removed] = []
    if len(content) > MAX_INPUT_CHARS:
        extra_removed.append(Removed(f"[{len(content) - MAX_INPUT_CHARS} characters]", "too-long-truncated"))
        content = content[:MAX_INPUT_CHARS]
    title, publisher, author, date, date_source = raw.title, None, None, None, None
    as_html = raw.html is not None or looks_like_markup(content)
    if raw.html is None and as_html:
        # A scraper's "text" that is really page source: extracted as a page, and said so.
        extra_removed.append(Removed(f"[{len(content)} characters of HTML markup in a text field]", "html-markup"))
    if as_html:
        from storyline.clean.html import extract_html

        ex = extract_html(content, raw.url)
        text_in = ex.text
        title = title or ex.title
        publisher = ex.sitename
        author = ex.author
        date, date_source = ex.date, ex.date_source
        html_method = ex.method
    else:
        text_in = content
        html_method = None
    # Long single lines (a 50 MB line) are split so line-level cleaning stays linear.
    if any(len(line) > 100_000 for line in text_in.split("\n", 50)):
        text_in = "\n".join(text_in[i : i + 100_000] for i in range(0, len(text_in), 100_000))

    result = clean_text(
        text_in,
        given_title=title,
        template_lines=templates,
        min_sentence_words=options.clean_min_sentence_words,
        extracted=as_html and html_method == "trafilatura",
    )
    if not result.text.strip():
        reason = "no article text found"
        if result.removed:
            reasons = Counter(r.reason for r in result.removed).most_common(3)
            reason += " (all lines removed: " + ", ".join(f"{n} {r}" for r, n in reasons) + ")"
        return InputError(raw.source, reason)

    removed = extra_removed + result.removed
    if as_html and result.dateline is not None:
        # The dateline printed at the head of the article beats htmldate's reading of the page's
        # metadata, which often carries an update time or a day/month swap ("01/08/2008").
        date, date_source = result.dateline.iso, "dateline"
    given = parse_given_date(raw.date)
    if given:
        date, date_source = given, "given"
    if date is None and (url_date := date_from_url(raw.url)):
        date, date_source = url_date, "url"
    if date is None and result.dateline is not None:
        date, date_source = result.dateline.iso, "dateline"
    # "Headline - Outlet" / "Outlet: Headline": the headline is the title, the outlet a publisher clue.
    headline, site = split_site_name(result.title or title)
    # What is left of a site's name in the headline, when the page prints it alone (its masthead).
    # (Not the headline itself printed alone above the article, removed as "title".)
    headline, printed_site = strip_printed_site(headline, (r.text for r in removed if r.reason != "title"))
    if site is None and printed_site:
        site = site_name_of_masthead(printed_site)
    publisher = (
        publisher
        or result.publisher
        or site
        or publisher_from_url(raw.url)
        or publisher_from_removed(removed)
        or publisher_from_wire_dateline(result.text)
    )
    language = detect_language(result.text) if options.detect_language else None
    article_id = raw.given_id or content_id(content)
    return Article(
        id=article_id,
        source=raw.source,
        text=result.text,
        title=headline,
        url=raw.url,
        publisher=publisher,
        author=author or result.author,
        date=date,
        date_source=date_source,  # type: ignore[arg-type]
        language=language,
        removed=removed,
        extra=dict(raw.extra),
    )


#: A long line printed by this many unrelated documents of a pile is template text, however big
#: the pile: a small site's bio, disclaimer, advertisement or comment policy.
SHARED_SENTENCE_DOCS = 3
SHARED_SENTENCE_WORDS = 8  # long: a sentence of this many words (ending like one), or...
SHARED_LINE_WORDS = 15  # ...any line of this many
#: Documents are about unrelated things when what they say apart from the lines they share has a
#: cosine below this. Stories about one event quoting the same paragraph are related; two posts of
#: one blog under the same bio are not.
UNRELATED_COSINE = 0.3
#: Shared long lines are looked for among this many documents (the first): the pair comparisons
#: stay bounded on a 100,000-article ingest, as `storyline clean`'s sample of 1,000 rows does.
SHARED_SENTENCE_SAMPLE = 1_000
#: Documents compared, pair by pair, to tell whether the documents carrying a line are otherwise different.
HOLDERS_COMPARED = 6


def template_lines(texts: Iterable[str], min_docs: int = 3, min_share: float = 0.05) -> frozenset[str]:
    """Lines that recur across many different documents of a pile: site templates.

    A line qualifies when it appears in at least `min_docs` documents and `min_share` of the pile
    (the menus and footers of the pile's big sites), or when it is a long line (see
    `SHARED_SENTENCE_WORDS`) printed by `SHARED_SENTENCE_DOCS` documents about unrelated things (a
    small site's bio or policy under every post; looked for among the first
    `SHARED_SENTENCE_SAMPLE` documents). Either way the documents that carry it must be otherwise
    different: re-posts of one story share their body lines too.
    """
    docs = [
        {normalize_line(ln).lower() for ln in t.split("\n") if normalize_line(ln)} for t in texts
    ]
    if len(docs) < min_docs:
        return frozenset()
    counts: Counter[str] = Counter()
    for lines in docs:
        counts.update(lines)
    needed = max(min_docs, int(min_share * len(docs)))
    out = set()
    sentences = []
    for line, n in counts.items():
        if n >= needed:
            holders = [d for d in docs if line in d][:HOLDERS_COMPARED]
            if _mean_overlap(holders) < 0.5:
                out.add(line)
        elif n >= SHARED_SENTENCE_DOCS and _is_long(line):
            sentences.append(line)
    if sentences:
        out |= _shared_sentences(docs[:SHARED_SENTENCE_SAMPLE], sentences)
    return frozenset(out)


def _mean_overlap(holders: list[set[str]]) -> float:
    """Mean share of lines that two of these documents have in common (1.0 with fewer than two)."""
    overlaps = [len(a & b) / max(1, min(len(a), len(b))) for i, a in enumerate(holders) for b in holders[i + 1 :]]
    return sum(overlaps) / len(overlaps) if overlaps else 1.0


def _is_long(line: str) -> bool:
    n = len(line.split())
    return n >= SHARED_LINE_WORDS or (n >= SHARED_SENTENCE_WORDS and line.rstrip().endswith((".", "!", "?", '"', "”")))


def _shared_sentences(docs: list[set[str]], candidates: list[str]) -> set[str]:
    """The candidate long lines whose documents are otherwise different (under half of their long
    lines in common) and about unrelated things (`UNRELATED_COSINE`)."""
    from storyline.clean.textstats import STOPWORDS, words

    wanted = set(candidates)
    holders_of: dict[str, list[int]] = {}
    for i, lines in enumerate(docs):
        for line in lines & wanted:
            holders = holders_of.setdefault(line, [])
            if len(holders) < HOLDERS_COMPARED:
                holders.append(i)
    long_lines: dict[int, set[str]] = {}
    line_bags: dict[str, Counter[str]] = {}
    doc_bags: dict[int, Counter[str]] = {}
    doc_norms: dict[int, float] = {}
    pair_cosine: dict[tuple[int, int], float] = {}

    def long_of(i: int) -> set[str]:
        if i not in long_lines:
            long_lines[i] = {ln for ln in docs[i] if _is_long(ln)}
        return long_lines[i]

    def bag(line: str) -> Counter[str]:
        if line not in line_bags:
            line_bags[line] = Counter(w for w in words(line) if w not in STOPWORDS and len(w) > 2)
        return line_bags[line]

    def doc_bag(i: int) -> Counter[str]:
        if i not in doc_bags:
            total: Counter[str] = Counter()
            for line in long_of(i):
                total.update(bag(line))
            doc_bags[i] = total
            doc_norms[i] = float(sum(v * v for v in total.values()))
        return doc_bags[i]

    def dot(x: Counter[str], y: Counter[str]) -> float:
        if len(x) > len(y):
            x, y = y, x
        return float(sum(v * y.get(w, 0) for w, v in x.items()))

    def cosine_apart(a: int, b: int) -> float:
        """Cosine of what documents a and b say in long lines the other does not print: with S the
        words of the lines both print, (A - S)·(B - S) expands so that no bag is copied."""
        if (a, b) not in pair_cosine:
            shared: Counter[str] = Counter()
            for line in long_of(a) & long_of(b):
                shared.update(bag(line))
            A, B = doc_bag(a), doc_bag(b)
            ss = dot(shared, shared)
            num = dot(A, B) - dot(A, shared) - dot(B, shared) + ss
            norm_a = doc_norms[a] - 2 * dot(A, shared) + ss
            norm_b = doc_norms[b] - 2 * dot(B, shared) + ss
            pair_cosine[a, b] = num / (norm_a * norm_b) ** 0.5 if norm_a > 0 and norm_b > 0 else 0.0
        return pair_cosine[a, b]

    out = set()
    for line in candidates:
        holders = holders_of.get(line, [])
        # Otherwise different: their other long lines (posts with none besides it, a picture under
        # a blog's bio, have nothing in common).
        if len(holders) < SHARED_SENTENCE_DOCS or _mean_overlap([long_of(i) - {line} for i in holders]) >= 0.5:
            continue
        pairs = [(a, b) for k, a in enumerate(holders) for b in holders[k + 1 :]]
        if sum(cosine_apart(a, b) for a, b in pairs) / len(pairs) < UNRELATED_COSINE:
            out.add(line)
    return out
