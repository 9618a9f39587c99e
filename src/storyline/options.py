"""One options object with documented defaults, loadable from a TOML file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Options:
    """Every knob storyline has. Defaults are what `storyline digest` uses."""

    #: Near-duplicate threshold: estimated Jaccard similarity of word 5-shingles above which two
    #: articles are copies of one another (re-posts with small edits score 0.7–0.95).
    duplicate_threshold: float = 0.7
    #: MinHash permutations; more is slower and more precise.
    minhash_permutations: int = 128
    #: Story clustering: similarity (0–1) an article needs to join an existing story.
    story_threshold: float = 0.18
    #: Articles further apart than this many days never share a story unless their similarity is
    #: at least `story_threshold_far`.
    story_window_days: int = 21
    story_threshold_far: float = 0.30
    #: After the single pass, stories whose centroids are at least this similar merge (0 disables).
    story_merge_threshold: float = 0.30
    #: Piles at least this large also weight words by their own document frequency (IDF), which
    #: lowers every similarity; the three thresholds below then replace the three above.
    pile_idf_min_articles: int = 50
    story_threshold_idf: float = 0.10
    story_threshold_far_idf: float = 0.10
    story_merge_threshold_idf: float = 0.25
    #: Then, rounds of reassignment (k-means style): an article of this run moves to the story it
    #: matches best once every story is complete (0 disables). The first round does nearly all
    #: the good (duc_topics BCubed 0.852 after one, 0.853 after three) at a third of the cost.
    story_refine_rounds: int = 1
    #: Summary length budget in words, per story.
    summary_words: int = 150
    #: Weight of centrality x support x position next to concept coverage when picking sentences.
    summary_centrality_weight: float = 0.5
    #: Pick a big story's (7+ articles) summary sentences exactly, with an integer program over
    #: shared concepts (DUC 2007 ROUGE-2 recall 13.3 against 12.7 greedy; 0.01-0.25 s per story).
    #: False: greedy selection, for very large piles where that time adds up.
    summary_exact_selection: bool = True
    #: Sentences from different articles at or above this similarity support each other (citations).
    support_threshold: float = 0.5
    #: Maximum timeline entries per story (the dates most sentences and sources mention win).
    timeline_max_entries: int = 12
    #: Minimum number of words for a plain-text line to count as a full sentence.
    clean_min_sentence_words: int = 8
    #: Language detection on/off (costs ~2 ms per article).
    detect_language: bool = True
    #: Show a progress bar when there are at least this many inputs.
    progress_threshold: int = 50

    def with_(self, **changes: Any) -> "Options":
        return replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | Path) -> "Options":
        """Read options from a TOML file (a `[storyline]` table or top-level keys)."""
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        data = data.get("storyline", data)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown option(s) in {path}: {', '.join(unknown)}")
        return cls(**data)


DEFAULT_OPTIONS = Options()
