"""Readers per input format. Each yields RawDocument or InputError items, never raises for bad data."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from storyline.ingest.decode import DecodeError, decode_bytes, repair_text
from storyline.model import InputError, RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES

#: Files larger than this are refused as a whole (one error) instead of exhausting memory.
MAX_FILE_BYTES = 512 * 1024 * 1024

Item = RawDocument | InputError


def _suffix(path: Path) -> tuple[str, bool]:
    """The meaningful suffix and whether the file is gzipped (`a.jsonl.gz` → `.jsonl`, True)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def iter_inputs(paths: str | Path | Iterable[str | Path], stdin: IO[str] | None = None) -> Iterator[Item]:
    """Yield every document (or error) found under the given paths, in a stable order.

    Directories are walked recursively in sorted order; files with unsupported suffixes inside a
    directory are reported as skipped, with the reason, so nothing disappears silently.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path, not a sequence of one-character paths
    for raw in paths:
        if str(raw) == "-":
            yield from read_jsonl_stream(stdin if stdin is not None else sys.stdin, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files, unreadable = _walk(path)
            yield from unreadable
            for child in files:
                suffix, _ = _suffix(child)
                if suffix not in SUPPORTED_SUFFIXES:
                    yield InputError(str(child), f"skipped: unsupported file type {suffix or '(none)'!r}")
                    continue
                yield from read_path(child)
        elif path.exists():
            yield from read_path(path)
        else:
            yield InputError(str(path), "no such file or directory")


def _walk(root: Path) -> tuple[list[Path], list[InputError]]:
    """Files under `root` in sorted order, skipping hidden files and folders (.git, .DS_Store);
    a folder or entry that cannot be read is an error for that item, not for the walk."""
    files: list[Path] = []
    errors: list[InputError] = []

    def failed(exc: OSError) -> None:
        errors.append(InputError(str(exc.filename or root), f"cannot read: {exc.strerror or exc}"))

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith("."):
                continue
            child = Path(folder) / name
            try:
                if child.is_file():
                    files.append(child)
            except OSError as exc:
                failed(exc)
    return sorted(files), errors


def read_path(path: Path) -> Iterator[Item]:
    """Read one file of any supported format."""
    source = str(path)
    suffix, gz = _suffix(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield InputError(source, f"file too large ({size} bytes; limit {MAX_FILE_BYTES})")
            return
        if suffix in WARC_SUFFIXES:
            yield from _read_warc(path)
            return
        if suffix in JSON_SUFFIXES:
            opener = gzip.open if gz else open
            with opener(path, "rb") as fh:  # type: ignore[operator]
                if suffix == ".json":
                    yield from _read_json_document(fh.read(), source)
                else:
                    yield from read_jsonl_stream(io.TextIOWrapper(fh, encoding="utf-8", errors="replace"), source)
            return
        data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(source, f"cannot read file: {exc}")
        return
    if not data.strip():
        yield InputError(source, "empty file")
        return
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        yield InputError(source, str(exc))
        return
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield RawDocument(source=source, html=text)
    else:
        yield RawDocument(source=source, text=text)


def row_to_document(row: Any, source: str) -> Item:
    if not isinstance(row, dict):
        return InputError(source, f"row is a {type(row).__name__}, expected an object with 'text' or 'html'")
    text, html = row.get("text"), row.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(source, "row has neither a 'text' nor an 'html' string")
    if isinstance(html, str) and html.strip():
        html, text = repair_text(html), None
    elif isinstance(text, str) and text.strip():
        text, html = repair_text(text), None
    else:
        return InputError(source, "row's text/html is empty")
    known = {"text", "html", "id", "title", "url", "date"}

    def opt(key: str) -> str | None:
        value = row.get(key)
        return str(value) if value not in (None, "") else None

    return RawDocument(
        source=source,
        text=text,
        html=html,
        given_id=opt("id"),
        title=opt("title"),
        url=opt("url"),
        date=opt("date"),
        extra={k: v for k, v in row.items() if k not in known},
    )


def load_json(text: str) -> Any:
    """`json.loads` for input nobody vouched for: a document nested too deeply for the parser is
    a JSONDecodeError like any other malformed input, not a RecursionError that would end a batch."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply to read", text, 0) from None


def read_jsonl_stream(stream: IO[str], source: str) -> Iterator[Item]:
    """One article per line; a bad line is one error, the following lines still count."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        row_source = f"{source}:row {number}"
        try:
            row = load_json(line)
        except json.JSONDecodeError as exc:
            yield InputError(row_source, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield row_to_document(row, row_source)


def _read_json_document(data: bytes, source: str) -> Iterator[Item]:
    try:
        doc = load_json(decode_bytes(data))
    except (DecodeError, json.JSONDecodeError) as exc:
        # Many ".json" files are really JSON Lines.
        try:
            lines = decode_bytes(data)
        except DecodeError:
            yield InputError(source, f"invalid JSON: {exc}")
            return
        yield from read_jsonl_stream(io.StringIO(lines), source)
        return
    rows = doc if isinstance(doc, list) else doc.get("articles", [doc]) if isinstance(doc, dict) else [doc]
    for number, row in enumerate(rows, start=1):
        yield row_to_document(row, f"{source}:row {number}")


def _read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    try:
        with open(path, "rb") as fh:
            for number, record in enumerate(ArchiveIterator(fh), start=1):
                if record.rec_type != "response":
                    continue
                record_source = f"{source}:record {number}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower() and "text" not in ctype.lower():
                    yield InputError(record_source, f"skipped: content type {ctype or 'unknown'!r} is not text")
                    continue
                try:
                    body = record.content_stream().read()
                    text = decode_bytes(body)
                except DecodeError as exc:
                    yield InputError(record_source, str(exc))
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                crawl = record.rec_headers.get_header("WARC-Date")
                if "html" in ctype.lower() or _looks_like_html(text):
                    yield RawDocument(source=record_source, html=text, url=url, extra={"crawl_date": crawl})
                else:
                    yield RawDocument(source=record_source, text=text, url=url, extra={"crawl_date": crawl})
    except (ArchiveLoadFailed, OSError, EOFError) as exc:
        yield InputError(source, f"cannot read WARC: {exc}")
