"""The data model shared by every stage.

Everything that points at text does it with a :class:`Span` (article id + character offsets into
the article's cleaned ``text``, or into its ``title`` for a headline cited in a summary), so a
citation, quote or timeline entry is always checkable: ``span_text(article, span)`` is the claim.

All types are plain dataclasses: picklable, comparable, with no behaviour that needs global state,
so stages can run in-process, in a process pool or on Dask partitions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

DateSource = Literal["given", "html-meta", "url", "dateline", "text", "inferred"]
Granularity = Literal["day", "week", "month", "year"]  # a week is written as its Monday


def parse_iso(value: str | None) -> dt.date | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` → the first day it covers; anything else → None."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def content_id(content: str) -> str:
    """Stable id of a piece of content: the same bytes always give the same id."""
    normalized = " ".join(content.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class RawDocument:
    """One input item before cleaning: a page, a JSON row or a WARC record."""

    source: str  # input path, plus ":row N" / ":record N" for multi-item files
    text: str | None = None
    html: str | None = None
    given_id: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content(self) -> str:
        return self.html if self.html is not None else (self.text or "")


@dataclass(slots=True)
class InputError:
    """An input that could not be used, with a reason a person can act on."""

    source: str
    reason: str


@dataclass(slots=True)
class Removed:
    """A piece of text that cleaning dropped, and why."""

    text: str
    reason: str


@dataclass(slots=True, frozen=True)
class Span:
    """The one way to point at text: ``article.text[start:end]``, or ``article.title[start:end]``
    when ``field`` is "title" (a headline cited as a summary sentence). See `span_text`."""

    article_id: str
    start: int
    end: int
    field: str = "text"


def span_text(article: "Article", span: Span) -> str:
    """The text a span points at (empty when it does not fit the article)."""
    source = article.title or "" if span.field == "title" else article.text
    return source[span.start : span.end]


@dataclass(slots=True)
class Sentence:
    span: Span
    text: str
    index: int  # position of the sentence in its article (0 = lead)
    paragraph: int = 0


@dataclass(slots=True)
class Article:
    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 day or month, None when the page states none
    date_source: DateSource | None = None
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    duplicate_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(slots=True)
class DuplicateCopy:
    article_id: str
    source: str
    publisher: str | None
    date: str | None
    similarity: float


@dataclass(slots=True)
class DuplicateGroup:
    """A representative article and its copies (syndication is information, so copies are kept)."""

    representative: str
    copies: list[DuplicateCopy] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    span: Span
    text: str


@dataclass(slots=True)
class Entity:
    id: str
    name: str  # canonical name
    type: Literal["PERSON", "ORG", "PLACE", "OTHER"]
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return sorted({m.span.article_id for m in self.mentions})


@dataclass(slots=True)
class Quote:
    speaker: str | None  # canonical entity name, None when no speaker could be resolved
    text: str
    span: Span  # the quoted words in the article text
    cue: str | None
    kind: Literal["direct", "indirect"]
    date: str | None  # date of the statement: article date, or the date the sentence gives
    speaker_entity: str | None = None

    @property
    def article_id(self) -> str:
        return self.span.article_id


@dataclass(slots=True)
class TimeMention:
    """A temporal expression resolved to a calendar date."""

    span: Span
    text: str
    date: str  # ISO day/month/year
    granularity: Granularity
    provenance: Literal["explicit", "relative", "publication", "inferred"]


def cited_articles(citations: list[Span]) -> list[str]:
    """Distinct article ids of a list of citations, in citation order."""
    return list(dict.fromkeys(c.article_id for c in citations))


@dataclass(slots=True)
class SummarySentence:
    text: str
    span: Span  # the sentence the text comes from
    citations: list[Span] = field(default_factory=list)  # every supporting sentence, own included
    copies: list[str] = field(default_factory=list)  # near-duplicate copies of cited articles (not support)
    # The extractive sentence, when `text` is an abstractive rewrite of it (`span` still points at it).
    rewritten_from: str | None = None

    @property
    def sources(self) -> list[str]:
        return cited_articles(self.citations)


@dataclass(slots=True)
class TimelineEntry:
    date: str
    granularity: Granularity
    text: str
    span: Span
    citations: list[Span] = field(default_factory=list)
    date_provenance: str = "explicit"

    @property
    def sources(self) -> list[str]:
        return cited_articles(self.citations)


@dataclass(slots=True)
class Story:
    id: str
    title: str
    article_ids: list[str]
    summary: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    date_range: tuple[str | None, str | None] = (None, None)


@dataclass(slots=True)
class Digest:
    """The result of a run: everything a report needs."""

    articles: list[Article]
    stories: list[Story]
    duplicates: list[DuplicateGroup]
    errors: list[InputError]

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def to_plain(obj: Any) -> Any:
    """Dataclass → plain dict, for JSON."""
    return asdict(obj)
