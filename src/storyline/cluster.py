"""Story clustering: articles about the same event or storyline, batch or incremental.

Each article is a bag of informative words (title counted twice, names kept) weighted by
background informativeness, so that five articles are enough to tell "Lavrov" from "said". A
story is a centroid. Articles arrive in date order and join the most similar story (found through
an inverted index on the stories' top terms, so no step compares all pairs) when the similarity
clears a threshold — a higher one when the story's last article is far away in time — or open a
new story. Existing story ids never change: incremental runs pass the stories they already have.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from storyline.clean.textstats import weighted_bag
from storyline.model import Article, parse_iso
from storyline.options import DEFAULT_OPTIONS, Options

TOP_TERMS = 40  # terms of a story centroid indexed for candidate lookup
CENTROID_TERMS = 400


@dataclass(slots=True)
class StoryState:
    """What incremental clustering needs to remember about a story between runs (picklable)."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    first_date: str | None = None
    last_date: str | None = None


def _normalize(bag: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(v * v for v in bag.values()))
    return {k: v / n for k, v in bag.items()} if n else {}


def article_vector(a: Article, lead_words: int = 400) -> dict[str, float]:
    """The article's representation: title twice, then its first `lead_words` words."""
    body = " ".join(a.text.split()[:lead_words])
    title = a.title or ""
    return _normalize(weighted_bag(f"{title}\n{title}\n{body}"))


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _days(a: str | None, b: str | None) -> int | None:
    da, db = parse_iso(a), parse_iso(b)
    return abs((da - db).days) if da and db else None


def _story_id(seed_article_id: str) -> str:
    return "s-" + hashlib.sha1(seed_article_id.encode()).hexdigest()[:10]


def _add(story: StoryState, vec: dict[str, float], a: Article) -> None:
    n = len(story.article_ids)
    cen = {k: v * n for k, v in story.centroid.items()}
    for k, v in vec.items():
        cen[k] = cen.get(k, 0.0) + v
    top = sorted(cen.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS]
    story.centroid = _normalize(dict(top))
    story.article_ids.append(a.id)
    if a.date:
        story.first_date = min(filter(None, [story.first_date, a.date]))
        story.last_date = max(filter(None, [story.last_date, a.date]))


def cluster_articles(
    articles: list[Article], options: Options = DEFAULT_OPTIONS, existing: list[StoryState] | None = None
) -> list[StoryState]:
    """Assign articles to stories. `existing` stories keep their ids; returns all stories."""
    stories: list[StoryState] = [
        StoryState(s.id, list(s.article_ids), dict(s.centroid), s.first_date, s.last_date) for s in (existing or [])
    ]
    index: dict[str, set[int]] = defaultdict(set)

    def reindex(i: int) -> None:
        for term, _ in sorted(stories[i].centroid.items(), key=lambda kv: -kv[1])[:TOP_TERMS]:
            index[term].add(i)

    for i in range(len(stories)):
        reindex(i)
    ordered = sorted(articles, key=lambda a: (a.date is None, a.date or "", a.id))
    for a in ordered:
        vec = article_vector(a)
        top_terms = [t for t, _ in sorted(vec.items(), key=lambda kv: -kv[1])[:TOP_TERMS]]
        candidates: set[int] = set()
        for t in top_terms:
            candidates |= index.get(t, set())
        best, best_sim = None, 0.0
        for i in candidates:
            sim = _dot(vec, stories[i].centroid)
            gap = _days(a.date, stories[i].last_date) if a.date else None
            needed = options.story_threshold_far if gap is not None and gap > options.story_window_days else options.story_threshold
            if sim >= needed and sim > best_sim:
                best, best_sim = i, sim
        if best is None:
            stories.append(StoryState(_story_id(a.id)))
            best = len(stories) - 1
        _add(stories[best], vec, a)
        reindex(best)
    return stories


def story_title(articles: list[Article], centroid: dict[str, float]) -> str:
    """The most representative headline: the titled article closest to the story centroid."""
    titled = [a for a in articles if a.title]
    if not titled:
        first = articles[0].text.split("\n", 1)[0]
        return first[:120]
    best = max(titled, key=lambda a: (_dot(article_vector(a), centroid), -len(a.title or "")))
    return clean_headline(best.title or "", best.publisher)


def clean_headline(title: str, publisher: str | None = None) -> str:
    """Drop a site suffix: "Lavrov says X | Sputnik" or "Lavrov says X - Sputnik News" (when the
    suffix is the publisher's name); keep "... Unacceptable - Lavrov", which is an attribution."""
    title = " ".join(title.split())
    m = re.match(r"^(.{15,}?)\s+[|»]\s+.{2,60}$", title)
    if m:
        return m.group(1)
    if publisher:
        pub = publisher.lower().split(".")[0]
        m = re.match(r"^(.{15,}?)\s+[-–—:]\s+(.{2,60})$", title)
        if m and pub[:5] in m.group(2).lower().replace(" ", ""):
            return m.group(1)
    return title
