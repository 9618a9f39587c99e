"""Cleaning: RawDocument → Article (main text, removed lines with reasons, metadata)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from storyline.clean.dates import find_dates, parse_dateline, parse_given_date
from storyline.clean.metadata import (
    date_from_url,
    detect_language,
    publisher_from_removed,
    publisher_from_url,
    publisher_from_wire_dateline,
    split_site_name,
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
        return _clean(raw, options, templates)
    except RecursionError:
        return InputError(raw.source, "document structure too deeply nested to process")
    except MemoryError:
        return InputError(raw.source, "document too large to process")


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


def template_lines(texts: Iterable[str], min_docs: int = 3, min_share: float = 0.05) -> frozenset[str]:
    """Lines that recur across many different documents of a pile: site templates.

    A line must appear in at least `min_docs` documents and `min_share` of the pile. Re-posts of
    one story share their body lines too, so a line only counts when the documents that carry it
    are otherwise different (they share under half of their lines).
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
    for line, n in counts.items():
        if n < needed:
            continue
        holders = [d for d in docs if line in d][:6]
        overlaps = [
            len(a & b) / max(1, min(len(a), len(b))) for i, a in enumerate(holders) for b in holders[i + 1 :]
        ]
        if overlaps and sum(overlaps) / len(overlaps) < 0.5:
            out.add(line)
    return frozenset(out)
