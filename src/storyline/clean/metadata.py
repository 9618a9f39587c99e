"""Article metadata from weak signals: publisher, date from URL, language."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlparse

from storyline.model import Removed

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)")
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|ru|de|fr|info|news|io|tv|us|ca|au|in))\b", re.IGNORECASE)
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:, [A-Za-z .]+)? \(([A-Z][\w .&-]{1,30})\)\s*[-–—]")
#: Reasons whose lines are the site talking about itself (so a domain named there is the publisher).
_SELF_REFERENCE_REASONS = {"login", "comments", "legal", "site-policy", "site-bio", "subscription", "donation"}


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE.search(urlparse(url).path)
    if not m:
        return None
    import datetime as dt

    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def publisher_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url if "://" in url else "http://" + url).hostname or ""
    host = re.sub(r"^(www\d?|m|amp|mobile|edition)\.", "", host.lower())
    return host or None


_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?(?:by\s+)?([A-Z][\w.&' -]{2,40}?)\s*(?:[.,|]|-\s|all rights|$)", re.I)


def publisher_from_removed(removed: list[Removed]) -> str | None:
    """The site names itself in its furniture: "© 2025 Valley Courier. All rights reserved." or a
    domain in its login/comment prompts ("Sputniknews.com account"). Photo credits do not count."""
    for r in removed:
        if r.reason == "legal":
            m = _COPYRIGHT.match(r.text.strip())
            if m and not re.search(r"\b(photo|image|getty|reuters|afp|ap)\b", m.group(1), re.I):
                return m.group(1).strip()
    counts: Counter[str] = Counter()
    for r in removed:
        if r.reason in _SELF_REFERENCE_REASONS and "." in r.text:
            for d in _DOMAIN.findall(r.text):
                counts[d.lower()] += 1
    if not counts:
        return None
    domain, n = counts.most_common(1)[0]
    return domain if n >= 2 else None


def publisher_from_wire_dateline(text: str) -> str | None:
    """"MOSCOW (Sputnik) –" names the agency that wrote the story."""
    for line in text.split("\n")[:6]:
        m = _WIRE_DATELINE.match(line.strip())
        if m and m.group(1).upper() not in {"AP", "AFP", "REUTERS", "UPI", "XINHUA", "TASS", "DPA", "ANI", "IANS", "PTI"}:
            return m.group(1).strip()
    return None


@lru_cache(maxsize=1)
def _load_language_profiles() -> None:
    """Load langdetect's profiles once, with each n-gram's per-language probabilities as a tuple
    instead of a list: langdetect only reads them, and Python's cycle collector skips a tuple of
    floats but walks all ~120,000 lists again on every full collection for as long as the process runs."""
    from langdetect import detector_factory

    detector_factory.init_factory()
    table = getattr(detector_factory._factory, "word_lang_prob_map", None)
    if isinstance(table, dict):
        for ngram, probs in table.items():
            if isinstance(probs, list):
                table[ngram] = tuple(probs)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, offline (langdetect, seeded for repeatability).

    English text is recognised first by its function words (a quarter of running English is
    "the", "of", "and"...), which is 50× cheaper than n-gram detection and as reliable on prose.
    """
    from storyline.clean.textstats import stop_ratio, tokens

    sample = text[:1500]
    if len(sample.split()) < 5:
        return None
    toks = tokens(sample)
    if len(toks) >= 30 and stop_ratio(toks) >= 0.3:
        return "en"
    try:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:
        return None
    DetectorFactory.seed = 0
    _load_language_profiles()
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= 0.7 else None


# Words of site sections, not of outlet names: "Local News", "Breaking News" and "Football News"
# are page headings, "Entertainment - National - General" a section path.
SECTION_WORDS = frozenset(
    """news sports sport entertainment national general business world local showbiz tech technology politics
    opinion story stories features feature magazine breaking top latest today's web image audio video home
    football rugby tennis golf cricket soccer basketball baseball hockey nba nfl special reports lifestyle
    health science travel money markets music movies tv arts culture weather wire site sections""".split()
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»)\s+|\s*\|\s*")
_HAS_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|org|net|co\.uk|com\.au|co\.nz|ca|tv|us|in|ie)\b", re.IGNORECASE)
_SITE_PREFIX = re.compile(r"^([^:]{3,40}):\s+(?=\S)")
_SITE_PREFIX_DASH = re.compile(r"^([^-–—|]{3,40}?)\s+(?:[-–—|])\s+(?=\S)")  # "BBC News - Stuxnet thwarted ..."


_TITLE_WORD = re.compile(r"[\w']+")
# Agencies whose names the outlet-name pattern does not cover ("The Press Association: ...").
_AGENCY_NAMES = frozenset({"the press association", "associated press"})


def is_section_name(text: str) -> bool:
    """A heading made of section words only ("Local News", "Today's Globe" is not)."""
    words = _TITLE_WORD.findall(text.lower())
    return bool(words) and all(w in SECTION_WORDS or w == "the" for w in words)


# In a page title, beside the headline, a blog or magazine name is the site ("Hacker Monthly Blog",
# "Paulo Coelho's Blog"); on a line of its own it is as often a link to another one.
_BLOG_NAME = re.compile(r"^(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3} (?:Blog|Magazine)$")


def _is_outlet(text: str, in_title: bool = False) -> bool:
    from storyline.clean.vocab import PUBLISHER_NAME

    text = text.strip()
    return bool(PUBLISHER_NAME.match(text)) or text.lower() in _AGENCY_NAMES or (in_title and bool(_BLOG_NAME.match(text)))


def _looks_like_site(segment: str) -> bool:
    """A title segment that names a site ("UPI.com", "The Boston Globe") or a section ("Football News")."""
    from storyline.clean.vocab import PUBLISHER_NAME

    segment = segment.strip()
    if not segment or _HAS_DOMAIN.search(segment) or PUBLISHER_NAME.match(segment) or _BLOG_NAME.match(segment):
        return True
    words = _TITLE_WORD.findall(segment.lower())
    return len(words) >= 2 and any(w in SECTION_WORDS for w in words) and segment[0].isupper()


_DASHES = str.maketrans("–—‘’“”", "--''\"\"")


def _printed_form(line: str) -> str:
    return " ".join(line.translate(_DASHES).lower().split())


def strip_printed_site(title: str | None, printed_lines) -> tuple[str | None, str | None]:
    """The title less a trailing part that the page prints on a line of its own: the site's name
    or masthead ("Time Vampire by Another Safe Landing – Tcritic - The T-Shirt Blog" on a page
    printing "Tcritic – The T-Shirt Blog"), however unlike a site's name it looks; and that part.
    The longest such part goes, leaving a headline of two words or more."""
    if not title or _TITLE_SEPARATOR.search(title) is None:
        return title, None
    printed = {_printed_form(line) for line in printed_lines if line}
    for m in _TITLE_SEPARATOR.finditer(title):
        head, tail = title[: m.start()].strip(), title[m.end() :].strip()
        if len(head.split()) >= 2 and tail and _printed_form(tail) in printed:
            return head, tail
    return title, None


def site_name_of_masthead(masthead: str) -> str:
    """The site's name in a masthead: its first part, without the tagline ("Tide Tables - Ferries,
    Tides and Town Talk" → "Tide Tables")."""
    return _TITLE_SEPARATOR.split(masthead, 1)[0].strip() or masthead


def split_site_name(title: str | None) -> tuple[str | None, str | None]:
    """A page title's headline and the site name printed around it.

    "Groban CD breaks Christmas record - UPI.com" → ("Groban CD breaks Christmas record", "UPI.com");
    "NDTV.com: Modi, BJP leaders discuss poll strategies" → (..., "NDTV.com"); "Stolen Picasso
    recovered | Special reports | Guardian Unlimited" → ("Stolen Picasso recovered", "Guardian
    Unlimited"). A trailing name that does not look like a site stays: "... Unacceptable - Lavrov"
    is an attribution."""
    if not title:
        return title, None
    title = " ".join(title.split())
    # A blog's "Post title « Blog name" and "Blog name » Blog Archive » Post title": the post's
    # title is what the arrows point away from (the longest part of a » chain).
    if " « " in title:
        head, _, rest = title.partition(" « ")
        if len(head) >= 15:
            return head.strip(), rest.rsplit(" « ", 1)[-1].strip() or None
    if " » " in title and "|" not in title:
        parts = [p.strip() for p in title.split(" » ")]
        longest = max(parts, key=len)
        if longest is not parts[0] and len(longest) >= 15:
            named = [p for p in parts if p is not longest and p and not is_section_name(p)]
            return longest, named[0] if named else None  # "Home » News » Headline" names no site
    stripped: list[str] = []
    # Trailing segments: everything after " | "; after " - " only what looks like a site or section.
    parts = _TITLE_SEPARATOR.split(title)
    seps = _TITLE_SEPARATOR.findall(title)
    while len(parts) > 1:
        head = "".join(p + s for p, s in zip(parts[:-2], seps)) + parts[-2]
        if len(head) < 15 or not ("|" in seps[-1] or _looks_like_site(parts[-1])):
            break
        stripped.append(parts[-1].strip())
        parts, seps = parts[:-1], seps[:-1]
    title = "".join(p + s for p, s in zip(parts, seps)) + parts[-1]
    named = [seg for seg in stripped if seg and not is_section_name(seg)]
    site = next((seg for seg in named if _HAS_DOMAIN.search(seg)), None)
    site = site or next((seg for seg in named if _is_outlet(seg)), None) or (named[0] if named else None)
    # A leading site name: "The Canadian Press: NHL roundup", "KalingaTimes.com: Move over Orkut".
    # A leading "Outlet - " only where nothing else separates segments: "Starlet Movie Review - SXSW,
    # Dree Hemingway | Everywhere - DailyCandy" is a review's title, not a site's.
    m = _SITE_PREFIX.match(title) or (None if "|" in title or stripped else _SITE_PREFIX_DASH.match(title))
    if m and len(title) - m.end() >= 15 and (_HAS_DOMAIN.search(m.group(1)) or _is_outlet(m.group(1), in_title=True)):
        site = site or m.group(1).strip()
        title = title[m.end() :]
    return title.strip(), site

