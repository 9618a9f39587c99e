"""Batch cleaning of JSON Lines: one output row per input row, in input order, streamed.

Memory stays flat over any number of rows: rows are read, cleaned and written one at a time. The
only look-ahead is a sample of the first rows (default 1,000) used to learn the pile's template
lines. Output goes to a temporary file renamed into place at the end, so an interrupted run never
leaves a truncated file where a finished one was expected.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.clean import clean_document, template_lines
from storyline.ingest.readers import load_json, row_to_document
from storyline.jsonl import atomic_writer, read_lines
from storyline.model import InputError, RawDocument
from storyline.options import DEFAULT_OPTIONS, Options
from storyline.report.json import article_fields

TEMPLATE_SAMPLE = 1_000


@dataclass(slots=True)
class BatchStats:
    rows: int = 0
    errors: int = 0


def clean_row(item: RawDocument, templates: frozenset[str], options: Options) -> dict:
    """The output row for one input item (an `error` row when it cannot be cleaned)."""
    result = clean_document(item, options, templates)
    base = {"id": item.given_id, **item.extra}
    if isinstance(result, InputError):
        return {**base, "error": result.reason, "source": result.source}
    return {**base, **article_fields(result)}


def _parse(number: int, line: str, source: str) -> tuple[object, RawDocument | InputError]:
    row_source = f"{source}:row {number}"
    try:
        row = load_json(line)
    except json.JSONDecodeError as exc:
        return None, InputError(row_source, f"invalid JSON: {exc.msg} at column {exc.colno}")
    row_id = row.get("id") if isinstance(row, dict) else None
    return row_id, row_to_document(row, row_source)


def iter_cleaned(lines: Iterable[str], source: str, options: Options = DEFAULT_OPTIONS) -> Iterator[dict]:
    """Output rows for input JSON lines (blank lines are not rows)."""
    items = (_parse(n, line, source) for n, line in enumerate(lines, start=1) if line.strip())
    sample = list(itertools.islice(items, TEMPLATE_SAMPLE))
    templates = template_lines([d.text for _, d in sample if isinstance(d, RawDocument) and d.text])
    for row_id, item in itertools.chain(sample, items):
        if isinstance(item, InputError):
            yield {"id": row_id, "error": item.reason, "source": item.source}
        else:
            yield clean_row(item, templates, options)


def clean_jsonl(
    in_path: str | Path,
    out_path: str | Path,
    options: Options = DEFAULT_OPTIONS,
    progress: Callable[[int], None] | None = None,
) -> BatchStats:
    """Clean every row of `in_path` into `out_path` (both JSON Lines, optionally gzipped)."""
    stats = BatchStats()
    lines = read_lines(in_path)
    with atomic_writer(out_path) as dst:
        for row in iter_cleaned(lines, str(in_path), options):
            stats.rows += 1
            stats.errors += "error" in row
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
            if progress:
                progress(stats.rows)
    return stats
