"""The pipeline: ingest → clean → dedup → cluster → per story (analyze, summarize, timeline).

Every stage is a plain function over the data model; this module only wires them in order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes
from storyline.analyze.sentences import split_sentences
from storyline.clean import clean_document, template_lines
from storyline.cluster import StoryState, cluster_articles, story_title
from storyline.dedup import find_duplicates
from storyline.ingest import iter_inputs
from storyline.model import Article, Digest, InputError, RawDocument, Sentence, Story
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.summarize import summarize_story
from storyline.timeline import (
    article_time_mentions,
    build_timeline,
    infer_publication_dates,
    story_date_range,
    story_reference,
)

Progress = Callable[[str, int, int], None]


def read_inputs(paths: str | Path | Iterable[str | Path], stdin: IO[str] | None = None) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in iter_inputs(paths, stdin=stdin):
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return docs, errors


def clean_documents(
    docs: list[RawDocument], options: Options = DEFAULT_OPTIONS, progress: Progress | None = None
) -> tuple[list[Article], list[InputError]]:
    """Clean every document; ids stay unique when the same content arrives twice."""
    templates = template_lines([d.text for d in docs if d.text])
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for i, doc in enumerate(docs):
        result = clean_document(doc, options, templates)
        if isinstance(result, InputError):
            errors.append(result)
        else:
            if result.id in seen:  # same content from another input: keep it, as a copy
                result.id = result.id + "-" + hashlib.sha1(result.source.encode()).hexdigest()[:6]
            seen.add(result.id)
            articles.append(result)
        if progress:
            progress("clean", i + 1, len(docs))
    return articles, errors


def build_story(state: StoryState, articles: list[Article], options: Options = DEFAULT_OPTIONS) -> Story:
    """Everything about one story: title, cited summary, timeline, entities, quotes.

    An undated article whose text confirms its day within the story gets that publication date,
    with `date_source` "inferred" (`infer_publication_dates`): the article is updated in place."""
    inferred = infer_publication_dates(articles)
    for a in articles:
        if a.id in inferred:
            a.date, a.date_source = inferred[a.id], "inferred"
    sentences: dict[str, list[Sentence]] = {a.id: split_sentences(a.id, a.text) for a in articles}
    texts = {a.id: a.text for a in articles}
    title = story_title(articles, state.centroid)
    entities = extract_entities(sentences, texts)
    ref = story_reference(articles)
    mentions = {}
    for a in articles:
        mentions[a.id], _ = article_time_mentions(a, sentences[a.id], ref)
    quotes = []
    for a in articles:
        sentence_dates = {
            idx: ms[0].date for idx, ms in mentions[a.id].items() if ms and ms[0].granularity == "day"
        }
        quotes.extend(extract_quotes(a.id, a.text, sentences[a.id], entities, a.date, sentence_dates))
    return Story(
        id=state.id,
        title=title,
        article_ids=[a.id for a in articles],
        summary=summarize_story(articles, sentences, options, title=title),
        timeline=build_timeline(articles, sentences, mentions, options),
        entities=entities,
        quotes=quotes,
        date_range=story_date_range(articles),
    )


def run_pipeline(
    docs: list[RawDocument],
    errors: list[InputError] | None = None,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> Digest:
    articles, clean_errors = clean_documents(docs, options, progress)
    duplicates = find_duplicates(articles, options)
    representatives = [a for a in articles if a.duplicate_of is None]
    states = cluster_articles(representatives, options)
    by_id = {a.id: a for a in articles}
    stories: list[Story] = []
    for n, state in enumerate(states):
        members = [by_id[i] for i in state.article_ids]
        stories.append(build_story(state, members, options))
        if progress:
            progress("stories", n + 1, len(states))
    stories.sort(key=lambda s: (-len(s.article_ids), s.date_range[1] or "", s.id))
    # Copies are listed with the story of their representative.
    rep_story = {aid: s for s in stories for aid in s.article_ids}
    for a in articles:
        if a.duplicate_of and a.duplicate_of in rep_story:
            rep_story[a.duplicate_of].article_ids.append(a.id)
    return Digest(articles=articles, stories=stories, duplicates=duplicates, errors=(errors or []) + clean_errors)


def digest(
    paths: str | Path | Iterable[str | Path],
    options: Options = DEFAULT_OPTIONS,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
) -> Digest:
    """Read, clean, deduplicate, cluster and analyse a pile of articles."""
    docs, errors = read_inputs(paths, stdin)
    return run_pipeline(docs, errors, options, progress)
