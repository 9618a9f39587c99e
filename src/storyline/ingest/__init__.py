"""Ingestion: turn paths (files, directories, `-` for JSON Lines on stdin) into RawDocuments.

Every input that cannot be used becomes one :class:`~storyline.model.InputError` with a reason;
the rest of the run goes on.
"""

from storyline.ingest.readers import SUPPORTED_SUFFIXES, iter_inputs, read_path, read_jsonl_stream
from storyline.ingest.decode import decode_bytes, DecodeError

__all__ = ["SUPPORTED_SUFFIXES", "iter_inputs", "read_path", "read_jsonl_stream", "decode_bytes", "DecodeError"]
