"""Counted nouns for every report: "1 story", "2 stories"."""

from __future__ import annotations


def count_noun(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 source", "2 sources"; irregular plurals are passed in ("story", "stories")."""
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"
