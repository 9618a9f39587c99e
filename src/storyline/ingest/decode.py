"""Bytes → text: encoding detection and repair, and refusal of binary data."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text we can use (binary data, undecodable)."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    return controls / len(sample) > 0.10


def decode_bytes(data: bytes) -> str:
    """Decode bytes of unknown encoding to clean Unicode text.

    UTF-8 (with or without BOM) is tried first because it is by far the most common and a valid
    UTF-8 decode is almost never wrong; otherwise charset-normalizer guesses. Mojibake such as
    "â€™" is repaired with ftfy, and stray control characters (NUL included) are removed.
    """
    if _looks_binary(data):
        raise DecodeError("binary data, not text (too many control bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            from charset_normalizer import from_bytes

            matches = list(from_bytes(data))
            if not matches:
                raise DecodeError("could not detect a text encoding") from None
            # On short texts several single-byte encodings fit equally well; Western European
            # (Windows-1252) is by far the most common legacy encoding of news pages, so it wins ties.
            western = [m for m in matches if m.encoding in ("cp1252", "latin_1", "iso8859_15")]
            text = str(western[0] if western else matches[0])
    return repair_text(text)


def repair_text(text: str) -> str:
    """Fix mojibake and drop control characters that no article legitimately contains."""
    if "Ã" in text or "â€" in text or "Â" in text:
        import ftfy

        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)
