"""Reading evaluation datasets (gzipped or plain JSON Lines) without trusting their ids or order.

Ids and row order can reveal labels (a DUC document id names its cluster), so rows are shuffled
with a fixed seed and given opaque ids before any system sees them.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path


def iter_rows(path: str | Path) -> Iterator[dict]:
    path = Path(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for number, line in enumerate(fh, start=1):
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
