"""report.json: a versioned serialization of the Digest (documented in the README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyline import __version__
from storyline.model import SCHEMA_VERSION, Article, Digest, Span, Story


def article_fields(a: Article) -> dict[str, Any]:
    """A cleaned article's fields as JSON, shared by report.json, `storyline clean` rows and the web
    API (each adds its own keys: id, source, duplicate_of, error...)."""
    return {
        "url": a.url,
        "title": a.title,
        "publisher": a.publisher,
        "author": a.author,
        "date": a.date,
        "date_source": a.date_source,
        "language": a.language,
        "text": a.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
    }


def _span(s: Span) -> dict[str, Any]:
    d: dict[str, Any] = {"article_id": s.article_id, "start": s.start, "end": s.end}
    if s.field != "text":
        d["field"] = s.field  # "title": a cited headline
    return d


def story_to_dict(story: Story, dates: dict[str, str | None]) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": story.article_ids,
        "date_range": list(story.date_range),
        "summary": [
            {"text": s.text, "sources": s.sources, "citations": [_span(c) for c in s.citations]} for s in story.summary
        ],
        "timeline": [
            {
                "date": t.date,
                "granularity": t.granularity,
                "date_source": t.date_provenance,
                "text": t.text,
                "sources": t.sources,
                "citations": [_span(c) for c in t.citations],
            }
            for t in story.timeline
        ],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "roles": e.roles,
                "mentions": len(e.mentions),
                "article_ids": e.article_ids,
            }
            for e in story.entities
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "kind": q.kind,
                "cue": q.cue,
                "article_id": q.article_id,
                "start": q.span.start,
                "end": q.span.end,
                "date": q.date,
                "article_date": dates.get(q.article_id),
            }
            for q in story.quotes
        ],
    }


def digest_to_dict(digest: Digest) -> dict[str, Any]:
    dates = {a.id: a.date for a in digest.articles}
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"storyline {__version__}",
        "articles": [
            {"id": a.id, "source": a.source, **article_fields(a), "duplicate_of": a.duplicate_of}
            for a in digest.articles
        ],
        "stories": [story_to_dict(s, dates) for s in digest.stories],
        "duplicates": [
            {
                "representative": g.representative,
                "copies": [
                    {"article_id": c.article_id, "source": c.source, "publisher": c.publisher, "date": c.date, "similarity": c.similarity}
                    for c in g.copies
                ],
            }
            for g in digest.duplicates
        ],
        "errors": [{"source": e.source, "reason": e.reason} for e in digest.errors],
    }


def write_json(digest: Digest, path: Path) -> None:
    from storyline.report.files import atomic_write

    atomic_write(path, json.dumps(digest_to_dict(digest), ensure_ascii=False, indent=2))
