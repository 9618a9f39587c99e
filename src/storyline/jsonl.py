"""Reading and writing the files storyline produces and consumes in batches.

`read_lines` reads JSON Lines (gzipped or not) so that a line in another encoding never stops a
batch; `atomic_writer` writes any output (batch JSON Lines, reports) so that it appears only when
complete: an interrupted run never leaves a truncated file where a finished one was expected."""

from __future__ import annotations

import gzip
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from storyline.ingest.decode import decode_bytes


def read_lines(path: str | Path) -> Iterator[str]:
    """Lines of a .jsonl or .jsonl.gz file as text; a line that is not UTF-8 is decoded on its own.
    A missing file is reported at once, before any output is opened."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    return _lines(path)


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as fh:  # type: ignore[operator]
        for raw in fh:
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield decode_bytes(raw)


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """A text handle whose content replaces `path` only when the block ends without error
    (gzipped when the name ends in .gz); on error the temporary file is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if path.name.endswith(".gz"):
            handle: IO[str] = gzip.open(tmp, "wt", encoding="utf-8")  # type: ignore[assignment]
        else:
            handle = open(tmp, "w", encoding="utf-8", newline="\n")
        with handle:
            yield handle
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)  # on disk before it takes the final name: a power loss leaves old or new
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
