"""Story clustering: articles about the same event or storyline, batch or incremental.

Each article is a bag of informative words (title counted twice, names kept) weighted by
background informativeness, so that five articles are enough to tell "Lavrov" from "said". A
story is a centroid. Articles arrive in date order and join the most similar story (found through
an inverted index on the stories' top terms, so no step compares all pairs) when the similarity
clears a threshold — a higher one when the story's last article is far away in time — or open a
new story. A merge pass joins stories whose centroids are close, and reassignment rounds then move
each article to the story it matches best now that every story is complete (the single pass only
saw the stories as they were when the article arrived). Existing story ids never change:
incremental runs pass the stories they already have, and those keep their members.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from storyline.clean.textstats import weighted_bag
from storyline.model import Article, parse_iso
from storyline.options import DEFAULT_OPTIONS, Options

TOP_TERMS = 40  # terms of a story centroid indexed for candidate lookup
CENTROID_TERMS = 400
ARTICLE_TERMS = 150  # an article's strongest terms; the long tail barely moves a cosine
MAX_CANDIDATES = 30  # stories scored per article, chosen by shared top terms
MAX_POSTINGS = 300  # index terms shared by more stories than this are skipped when finding candidates
NAME_BOOST = 1.5  # weight of a capitalised word seen mid-sentence (a name) over a common word
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}")  # a capitalised word after a lower-case one


@dataclass(slots=True)
class StoryState:
    """What incremental clustering needs to remember about a story between runs (picklable)."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    first_date: str | None = None
    last_date: str | None = None


def state_from_dict(d: dict) -> StoryState:
    return StoryState(d["id"], list(d["article_ids"]), dict(d["centroid"]), d.get("first_date"), d.get("last_date"))


def _normalize(bag: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(v * v for v in bag.values()))
    return {k: v / n for k, v in bag.items()} if n else {}


def article_vector(a: Article, lead_words: int = 1000) -> dict[str, float]:
    """The article's representation: title twice, then its first `lead_words` words."""
    body = " ".join(a.text.split()[:lead_words])
    title = a.title or ""
    bag = weighted_bag(f"{title}\n{title}\n{body}")
    # Names tell events of one kind apart ("two celebrities enter rehab" are two stories).
    for name in set(_NAME.findall(body)) | set(_NAME.findall(title)):
        key = name.lower()
        if key in bag:
            bag[key] *= NAME_BOOST
    if len(bag) > ARTICLE_TERMS:
        bag = dict(heapq.nlargest(ARTICLE_TERMS, bag.items(), key=lambda kv: kv[1]))
    return _normalize(bag)


def _top_terms(vec: dict[str, float]) -> list[str]:
    """The TOP_TERMS heaviest terms: what the inverted index posts and looks up."""
    return [term for term, _ in heapq.nlargest(TOP_TERMS, vec.items(), key=lambda kv: kv[1])]


def _index_story(index: dict[str, set[int]], i: int, centroid: dict[str, float]) -> None:
    """Post story `i` under its centroid's top terms (older postings stay: they only add candidates)."""
    for term in _top_terms(centroid):
        index[term].add(i)


def _candidates(vec: dict[str, float], index: dict[str, set[int]]) -> list[int]:
    """Stories sharing the most of this vector's top terms (at most MAX_CANDIDATES): constant work
    per lookup however many stories exist. Terms posted for very many stories are skipped."""
    return _candidates_for(_top_terms(vec), index)


def _candidates_for(terms: list[str], index: dict[str, set[int]], limit: int = MAX_CANDIDATES) -> list[int]:
    shared: dict[int, int] = defaultdict(int)
    for term in terms:
        postings = index.get(term, ())
        if len(postings) > MAX_POSTINGS:
            continue  # a term in hundreds of stories points at no story in particular
        for i in postings:
            shared[i] += 1
    if len(shared) <= limit:
        return list(shared)
    return heapq.nlargest(limit, shared, key=shared.__getitem__)


def _with_pile_idf(vectors: list[dict[str, float]]) -> list[dict[str, float]]:
    """Sharpen background weights with the pile's own document frequencies: in a large pile, a
    word every story uses ("officials", "president") says little about which story an article is in."""
    df: dict[str, int] = defaultdict(int)
    for vec in vectors:
        for term in vec:
            df[term] += 1
    n = len(vectors)
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    return [_normalize({t: v * idf[t] for t, v in vec.items()}) for vec in vectors]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([v * b[k] for k, v in a.items() if k in b])


def _days(a: str | None, b: str | None) -> int | None:
    da, db = parse_iso(a), parse_iso(b)
    return abs((da - db).days) if da and db else None


def _story_id(seed_article_id: str) -> str:
    return "s-" + hashlib.sha1(seed_article_id.encode()).hexdigest()[:10]


def _weighted_centroid(a: dict[str, float], n: int, b: dict[str, float], m: int) -> dict[str, float]:
    """The normalized mean of two centroids standing for n and m articles, cut to its top terms."""
    cen = {k: v * n for k, v in a.items()}
    for k, v in b.items():
        cen[k] = cen.get(k, 0.0) + v * m
    return _centroid_of(cen)


def _centroid_of(total: dict[str, float]) -> dict[str, float]:
    """A story centroid from summed term weights: cut to its top CENTROID_TERMS, normalized."""
    if len(total) > CENTROID_TERMS:  # (most centroids are short enough to keep whole: no sort)
        total = dict(heapq.nlargest(CENTROID_TERMS, total.items(), key=lambda kv: kv[1]))
    return _normalize(total)


def _add(story: StoryState, vec: dict[str, float], a: Article) -> None:
    story.centroid = _weighted_centroid(story.centroid, len(story.article_ids), vec, 1)
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

    for i in range(len(stories)):
        _index_story(index, i, stories[i].centroid)
    ordered = sorted(articles, key=lambda a: (a.date is None, a.date or "", a.id))
    vectors = [article_vector(a) for a in ordered]
    near, far, merge = options.story_threshold, options.story_threshold_far, options.story_merge_threshold
    if len(ordered) >= options.pile_idf_min_articles:
        vectors = _with_pile_idf(vectors)
        near, far, merge = options.story_threshold_idf, options.story_threshold_far_idf, options.story_merge_threshold_idf
    for a, vec in zip(ordered, vectors):
        candidates = _candidates(vec, index)
        best, best_sim = None, 0.0
        for i in candidates:
            sim = _dot(vec, stories[i].centroid)
            gap = _days(a.date, stories[i].last_date) if a.date else None
            needed = far if gap is not None and gap > options.story_window_days else near
            if sim >= needed and sim > best_sim:
                best, best_sim = i, sim
        if best is None:
            stories.append(StoryState(_story_id(a.id)))
            best = len(stories) - 1
        _add(stories[best], vec, a)
        _index_story(index, best, stories[best].centroid)
    fixed = frozenset(s.id for s in existing or [])
    stories = _merge_stories(stories, index, merge, fixed)
    return _refine(stories, ordered, vectors, fixed, near, options.story_refine_rounds)


REFINE_CANDIDATES = 10  # stories scored per article in a reassignment round
REFINE_SETTLED = 0.5  # an article this similar to the rest of its story is not reconsidered


def _refine(
    stories: list[StoryState], ordered: list[Article], vectors: list[dict[str, float]], fixed: frozenset[str],
    threshold: float, rounds: int,
) -> list[StoryState]:
    """Reassignment rounds after the single pass: each article of this run moves to the story whose
    other articles it matches best, once every story is complete (the single pass judged it against
    the story as it was when the article arrived). Moves need the joining threshold and must beat
    the article's similarity to the rest of its own story. Stories that existed before this run
    and their articles are left as they are, so their ids and members stay stable.

    Similarities use each story's exact sum of member vectors (leave-one-out for the article's own
    story); candidates still come from the inverted index, never all pairs. After the first round
    only the articles of stories that changed are looked at again."""
    if rounds <= 0:
        return stories
    vec_of = {a.id: v for a, v in zip(ordered, vectors)}
    top_of = {a.id: _top_terms(v) for a, v in zip(ordered, vectors)}
    date_of = {a.id: a.date for a in ordered}
    live = [st.id not in fixed for st in stories]
    sums: list[dict[str, float]] = [{} for _ in stories]
    norms = [1.0] * len(stories)
    index: dict[str, set[int]] = defaultdict(set)
    home: dict[str, int] = {}
    for i, st in enumerate(stories):
        if not live[i]:
            continue
        total = sums[i]
        for aid in st.article_ids:
            home[aid] = i
            for term, x in vec_of[aid].items():
                total[term] = total.get(term, 0.0) + x
        norms[i] = math.sqrt(sum(x * x for x in total.values())) or 1.0
        _index_story(index, i, st.centroid)
    to_check = list(home)
    for _ in range(rounds):
        moves: dict[str, int] = {}
        for aid in to_check:
            vec, h = vec_of[aid], home[aid]
            d = _dot(vec, sums[h])
            rest2 = norms[h] * norms[h] - 2.0 * d + 1.0  # |sum - vec|^2, vec being a unit vector
            own = (d - 1.0) / math.sqrt(rest2) if rest2 > 1e-9 else 0.0
            if own >= REFINE_SETTLED:
                continue
            best, best_sim = h, max(own, threshold - 1e-12)
            for i in _candidates_for(top_of[aid], index, REFINE_CANDIDATES):
                if i != h and live[i]:
                    sim = _dot(vec, sums[i]) / norms[i]
                    if sim > best_sim:
                        best, best_sim = i, sim
            if best != h:
                moves[aid] = best
        if not moves:
            break
        changed: set[int] = set()
        for aid, to in moves.items():
            frm = home[aid]
            for term, x in vec_of[aid].items():
                sums[frm][term] -= x
                sums[to][term] = sums[to].get(term, 0.0) + x
            home[aid] = to
            changed.update((frm, to))
        for i in changed:
            st = stories[i]
            st.article_ids = [aid for aid in st.article_ids if home.get(aid) == i]
        for aid, to in moves.items():
            stories[to].article_ids.append(aid)
        for i in changed:
            st = stories[i]
            sums[i] = {t: x for t, x in sums[i].items() if x > 1e-9}
            norms[i] = math.sqrt(sum(x * x for x in sums[i].values())) or 1.0
            if st.article_ids:
                st.centroid = _centroid_of(sums[i])
                _index_story(index, i, st.centroid)
                dates = [date_of[aid] for aid in st.article_ids if date_of[aid]]
                st.first_date, st.last_date = (min(dates), max(dates)) if dates else (None, None)
        to_check = [aid for i in changed for aid in stories[i].article_ids]
    return [st for st in stories if st.article_ids]


def _merge_stories(
    stories: list[StoryState], index: dict[str, set[int]], threshold: float, fixed: frozenset[str]
) -> list[StoryState]:
    """Second pass: merge stories whose centroids are close (single-pass clustering splits a story
    when its first articles arrive before the ones that tie it together).

    Candidates come from the inverted index on top terms, never all pairs; the closest pair merges
    first, into the older story, whose id is kept. Two stories that already existed before this run
    are never merged, so their ids stay stable.
    """
    if threshold <= 0 or len(stories) < 2:
        return stories

    alive = [True] * len(stories)
    heap: list[tuple[float, int, int]] = []

    def push_candidates(i: int) -> None:
        for j in _candidates(stories[i].centroid, index):
            if j != i and alive[j] and not (stories[i].id in fixed and stories[j].id in fixed):
                sim = _dot(stories[i].centroid, stories[j].centroid)
                if sim >= threshold:
                    heapq.heappush(heap, (-sim, min(i, j), max(i, j)))

    for i in range(len(stories)):
        push_candidates(i)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if not (alive[i] and alive[j]):
            continue
        sim = _dot(stories[i].centroid, stories[j].centroid)
        if sim < -neg - 1e-12:  # stale entry: a centroid changed since it was pushed
            if sim >= threshold:
                heapq.heappush(heap, (-sim, i, j))
            continue
        keep, drop = (i, j) if stories[j].id not in fixed else (j, i)
        _absorb(stories[keep], stories[drop])
        alive[drop] = False
        _index_story(index, keep, stories[keep].centroid)
        push_candidates(keep)
    return [s for s, ok in zip(stories, alive) if ok]


def _absorb(into: StoryState, other: StoryState) -> None:
    into.centroid = _weighted_centroid(into.centroid, len(into.article_ids), other.centroid, len(other.article_ids))
    into.article_ids.extend(other.article_ids)
    dates = [d for d in (into.first_date, into.last_date, other.first_date, other.last_date) if d]
    if dates:
        into.first_date, into.last_date = min(dates), max(dates)


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


def assign_stories(
    articles: list[Article], options: Options = DEFAULT_OPTIONS, existing: list[StoryState] | None = None
) -> tuple[dict[str, str], list[StoryState]]:
    """Deduplicate, then cluster the representatives; copies join their representative's story.

    Returns the story id of every article and the story states (for the next incremental run).
    """
    from storyline.dedup import find_duplicates

    find_duplicates(articles, options)
    representatives = [a for a in articles if a.duplicate_of is None]
    states = cluster_articles(representatives, options, existing)
    story_of = {aid: s.id for s in states for aid in s.article_ids}
    for a in articles:
        if a.duplicate_of is not None:
            story_of[a.id] = story_of[a.duplicate_of]
    return story_of, states


def cluster_jsonl(in_path, out_path, options: Options = DEFAULT_OPTIONS) -> dict[str, int]:
    """`storyline cluster`: rows {"id", "text", "title"?, "date"?} → rows {"id", "story"} in input
    order (an "error" instead of "story" for a row that cannot be read). Written atomically."""
    import json

    from storyline.clean.dates import parse_given_date
    from storyline.ingest.readers import load_json
    from storyline.jsonl import atomic_writer, read_lines

    rows: list[dict] = []
    articles: list[Article] = []
    for number, line in enumerate(read_lines(in_path), start=1):
        if not line.strip():
            continue
        try:
            row = load_json(line)
        except json.JSONDecodeError as exc:
            rows.append({"id": None, "error": f"row {number}: invalid JSON ({exc.msg})"})
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            rows.append({"id": row.get("id") if isinstance(row, dict) else None, "error": f"row {number}: no 'text' string"})
            continue
        internal = f"r{number}"
        title = row.get("title")
        articles.append(
            Article(internal, f"{in_path}:row {number}", row["text"], str(title) if title else None, date=parse_given_date(row.get("date")))
        )
        rows.append({"id": row.get("id"), "_internal": internal})
    story_of, states = assign_stories(articles, options) if articles else ({}, [])
    with atomic_writer(out_path) as dst:
        for row in rows:
            internal = row.pop("_internal", None)
            if internal is not None:
                row["story"] = story_of[internal]
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {
        "rows": len(rows),
        "stories": len(states),
        "duplicates": sum(1 for a in articles if a.duplicate_of),
        "errors": sum(1 for r in rows if "error" in r),
    }
