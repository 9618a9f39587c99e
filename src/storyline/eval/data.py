"""Reading evaluation datasets (gzipped or plain JSON Lines) without trusting their ids or order.

Ids and row order can reveal labels (a DUC document id names its cluster), so rows are shuffled
with a fixed seed and given opaque ids before any system sees them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from storyline.jsonl import read_lines
from storyline.model import Article


def iter_rows(path: str | Path) -> Iterator[dict]:
    for number, line in enumerate(read_lines(path), start=1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: invalid JSON ({exc.msg})") from None


def load_rows(path: str | Path, limit: int | None = None, seed: int = 13) -> list[dict]:
    """All rows, shuffled with a fixed seed, ids replaced by opaque ones, optionally a sample."""
    rows = list(iter_rows(path))
    rng = random.Random(seed)
    rng.shuffle(rows)
    if limit is not None:
        rows = rows[:limit]
    for i, row in enumerate(rows):
        row["_orig_id"] = row.get("id")
        row["id"] = f"item{i:06d}"
    return rows


def doc_article(doc: dict, article_id: str) -> Article:
    """A dataset document ({"text", "title"?, "date"?}) as an Article under an opaque id."""
    return Article(
        id=article_id,
        source="eval",
        text=str(doc.get("text") or ""),
        title=doc.get("title") or None,
        date=(str(doc["date"])[:10] if doc.get("date") else None),
    )
