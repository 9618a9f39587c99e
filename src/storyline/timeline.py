"""Dated timeline of a story: what happened when, merged across sources.

Each sentence is dated by the temporal expressions it contains, resolved against its article's
publication date (or, for undated articles, a reference inferred from the story and marked
`inferred`). A lead sentence without an expression is dated by its article's publication date:
it reports the news of that day. Dates are ranked by how many sentences and independent sources
mention them (the "date-wise" idea of news-tls); background years far before the story rank low.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from storyline.analyze.time import find_time_expressions, infer_reference
from storyline.clean.textstats import cosine, weighted_bag
from storyline.model import Article, Sentence, Span, TimelineEntry, TimeMention, parse_iso
from storyline.options import DEFAULT_OPTIONS, Options


@dataclass(slots=True)
class _Dated:
    date: str
    granularity: str
    provenance: str
    sentence: Sentence
    article_pos: int
    mention: TimeMention | None


def _published(a: Article) -> bool:
    """Does the article carry its own publication day (not one inferred from its story)?"""
    return bool(a.date) and len(a.date) == 10 and a.date_source != "inferred"


def _publication_provenance(a: Article) -> str:
    """How an article's publication day was obtained, as a timeline entry names it."""
    return "inferred" if a.date_source == "inferred" else "publication"


def story_reference(articles: list[Article]) -> dt.date | None:
    days = sorted(d for a in articles if _published(a) and (d := parse_iso(a.date)))
    if not days:
        return None
    return days[len(days) // 2]


def infer_publication_dates(articles: list[Article]) -> dict[str, str]:
    """Publication days for a story's undated articles, where the article's own text confirms one:
    the year comes from the story's dated articles, and a weekday the article names must fall on a
    month-day it names ("the call, which occurred on Monday ... On October 9": 2017-10-09 was a
    Monday). The report is then on or just after that day. Marked `inferred` by the caller; an
    article whose text confirms no day stays undated (better none than wrong)."""
    ref = story_reference(articles)
    out: dict[str, str] = {}
    for a in articles:
        if _published(a):
            continue
        day, confirmed = infer_reference(a.text, ref)
        if day is not None and confirmed:
            out[a.id] = day.isoformat()
    return out


def article_time_mentions(
    article: Article, sentences: list[Sentence], story_ref: dt.date | None
) -> tuple[dict[int, list[TimeMention]], str]:
    """Time mentions per sentence index, and how the reference date was obtained."""
    ref = parse_iso(article.date) if article.date and len(article.date) == 10 else None
    provenance_of_ref = _publication_provenance(article)
    year_only = False
    if ref is None:
        ref, confirmed = infer_reference(article.text, story_ref)
        provenance_of_ref = "inferred"
        year_only = not confirmed
    out: dict[int, list[TimeMention]] = {}
    for s in sentences:
        exprs = find_time_expressions(s.text, ref, year_only=year_only)
        if not exprs:
            continue
        out[s.index] = [
            TimeMention(
                span=Span(article.id, s.span.start + e.start, s.span.start + e.end),
                text=e.text,
                date=e.date,
                granularity=e.granularity,  # type: ignore[arg-type]
                provenance=("explicit" if e.kind == "explicit" else ("relative" if provenance_of_ref == "publication" else "inferred")),  # type: ignore[arg-type]
            )
            for e in exprs
        ]
    return out, provenance_of_ref


def build_timeline(
    articles: list[Article],
    sentences: dict[str, list[Sentence]],
    mentions: dict[str, dict[int, list[TimeMention]]],
    options: Options = DEFAULT_OPTIONS,
) -> list[TimelineEntry]:
    """Timeline entries for a story (representative articles only), in date order."""
    dated: list[_Dated] = []
    for pos, a in enumerate(articles):
        by_sentence = mentions.get(a.id, {})
        for s in sentences.get(a.id, []):
            if not s.text.rstrip().endswith((".", "!", '"', "”", "’")) or len(s.text.split()) < 6:
                continue  # headings and fragments
            ms = by_sentence.get(s.index, [])
            if ms:
                for m in ms:
                    dated.append(_Dated(m.date, m.granularity, m.provenance, s, pos, m))
            elif s.index == 0 and a.date and len(a.date) == 10:
                dated.append(_Dated(a.date, "day", _publication_provenance(a), s, pos, None))
    if not dated:
        return []
    pub_days = [d for a in articles if (d := parse_iso(a.date))]
    start = min(pub_days) if pub_days else None
    story_bag: dict[str, float] = {}
    for a in articles:
        for w, v in weighted_bag(a.text).items():
            story_bag[w] = story_bag.get(w, 0.0) + v

    groups: dict[str, list[_Dated]] = defaultdict(list)
    for d in dated:
        groups[d.date].append(d)
    # A year mentioned in passing by one source, long before the story, is background, not an event.
    for key in list(groups):
        day = parse_iso(key)
        if start and day and groups[key][0].granularity == "year" and (start - day).days > 366:
            if len({d.article_pos for d in groups[key]}) < 2:
                del groups[key]

    def date_score(key: str) -> float:
        items = groups[key]
        n_sources = len({d.article_pos for d in items})
        score = len(items) + 2.0 * n_sources
        if any(d.provenance == "publication" for d in items):
            score += 1.5
        if items[0].granularity == "year":
            score *= 0.3
        elif items[0].granularity == "month":
            score *= 0.7
        day = parse_iso(key)
        if start and day and (start - day).days > 120:
            score *= 0.3  # background history the story only mentions in passing
        return score

    chosen = sorted(groups, key=date_score, reverse=True)[: options.timeline_max_entries]
    entries: list[TimelineEntry] = []
    for key in chosen:
        items = groups[key]

        def rep_score(d: _Dated) -> float:
            explicit = 0.2 if d.mention is not None else 0.0  # the sentence names the date itself
            early = 0.2 / (1 + d.sentence.index)
            starts_with_date = 0.15 if d.mention is not None and d.mention.span.start - d.sentence.span.start < 12 else 0.0
            return cosine(weighted_bag(d.sentence.text), story_bag) + explicit + early + starts_with_date

        rep = max(items, key=rep_score)
        rep_bag = weighted_bag(rep.sentence.text)
        citations = [rep.sentence.span]
        for d in items:
            if d.article_pos != rep.article_pos and d.sentence.span not in citations:
                if cosine(weighted_bag(d.sentence.text), rep_bag) >= 0.15:
                    citations.append(d.sentence.span)
        entries.append(
            TimelineEntry(
                date=key,
                granularity=rep.granularity,  # type: ignore[arg-type]
                text=rep.sentence.text,
                span=rep.sentence.span,
                citations=citations,
                date_provenance=rep.provenance,
            )
        )
    entries.sort(key=lambda e: (e.date, e.granularity != "year"))
    return entries


def story_date_range(articles: list[Article]) -> tuple[str | None, str | None]:
    dates = sorted(a.date for a in articles if a.date)
    return (dates[0], dates[-1]) if dates else (None, None)


__all__ = ["build_timeline", "article_time_mentions", "infer_publication_dates", "story_reference", "story_date_range"]
