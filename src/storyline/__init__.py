"""storyline: turn a pile of raw, scraped news articles into clean, sourced stories.

Public API (everything else is private and may change)::

    import storyline
    digest = storyline.digest(["articles/"])          # the whole pipeline
    storyline.write_reports(digest, "out/")           # report.json / .md / .html
    article = storyline.clean(storyline.RawDocument(source="x", text=raw_text))
    story_of, states = storyline.assign_stories(articles)  # dedup + clustering
    summary = storyline.summarize_articles(articles, words=100)  # cited sentences
    rewritten = storyline.rewrite_summary(summary, articles, storyline.load_rewriter())  # optional local model
    storyline.ingest(["articles/"], "storyline.db")   # the store; storyline.Store reads it
"""

__version__ = "0.1.0"

from storyline.clean import clean_document as clean
from storyline.cluster import StoryState, assign_stories, cluster_articles as cluster
from storyline.dedup import find_duplicates
from storyline.model import (
    Article,
    Digest,
    DuplicateGroup,
    Entity,
    InputError,
    Quote,
    RawDocument,
    Removed,
    Sentence,
    Span,
    Story,
    span_text,
    SummarySentence,
    TimelineEntry,
)
from storyline.options import Options
from storyline.pipeline import build_story, digest, run_pipeline
from storyline.report import write_reports
from storyline.rewrite import RewriteUnavailable, load_rewriter, rewrite_summary
from storyline.store import Store, ingest
from storyline.summarize import summarize_articles, summarize_story as summarize

__all__ = [
    "__version__",
    "Article", "Digest", "DuplicateGroup", "Entity", "InputError", "Options", "Quote", "RawDocument", "Removed",
    "RewriteUnavailable", "Sentence", "Span", "span_text", "Story", "StoryState", "SummarySentence", "TimelineEntry",
    "Store", "assign_stories", "build_story", "clean", "cluster", "digest", "find_duplicates", "ingest", "load_rewriter",
    "rewrite_summary", "run_pipeline", "summarize", "summarize_articles", "write_reports",
]  # fmt: skip
