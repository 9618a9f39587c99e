"""Per-article analysis: sentences, entity mentions, quotes and time mentions, all as spans."""

from storyline.analyze.sentences import split_sentences

__all__ = ["split_sentences"]
