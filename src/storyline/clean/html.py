"""HTML cleaning: trafilatura finds the main text, htmldate the date; storyline's own plain-text
checks then remove the furniture trafilatura lets through (share lines, captions, "READ MORE")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]{0,2000}>")
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|tr|article|section|header|footer|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)


@dataclass(slots=True)
class HtmlExtraction:
    text: str
    title: str | None
    sitename: str | None
    author: str | None
    date: str | None
    date_source: str | None
    method: str  # "trafilatura" or "tag-strip" (when trafilatura could not parse the page)


def strip_tags(html: str) -> str:
    """Last-resort text of a page that no parser accepts (e.g. nested 10,000 levels deep)."""
    import html as htmllib

    body = _SCRIPT.sub(" ", html)
    body = _BLOCK_END.sub("\n", body)
    return htmllib.unescape(_TAG.sub(" ", body))


def _meta_date(html: str, url: str | None) -> tuple[str | None, str | None]:
    try:
        from htmldate import find_date
    except ImportError:
        return None, None
    try:
        date = find_date(html, url=url, extensive_search=False, original_date=True)
        if date:
            return date, "html-meta"
        date = find_date(html, url=url, extensive_search=True, original_date=True)
        if date:
            return date, "text"
    except Exception:  # htmldate raises on some malformed trees; the date is then unknown
        return None, None
    return None, None


def extract_html(html: str, url: str | None = None, *, favor_precision: bool = False) -> HtmlExtraction:
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=favor_precision,
        )
    except (RecursionError, ValueError, TypeError):
        doc = None
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        text = strip_tags(html)
        date, source = _meta_date(html, url) if len(html) < 5_000_000 else (None, None)
        return HtmlExtraction(text, None, None, None, date, source, "tag-strip")
    date, source = _meta_date(html, url)
    return HtmlExtraction(
        text=doc.text or "",
        title=doc.title or None,
        sitename=doc.sitename or None,
        author=doc.author or None,
        date=date,
        date_source=source,
        method="trafilatura",
    )
