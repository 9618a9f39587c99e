"""Explicit calendar dates and datelines in text ("16:34 06.08.2017", "15 December 2017",
"Posted January 1, 2008 16:10:00", "2012-07-24T09:22:40").

Own rules rather than `dateparser.search_dates`, which on whole texts reads "$66" as 1966: here a
date is only ever recognised with an explicit day-month-year (or month-year) shape.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3,
    "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")

# Order matters: the most specific shapes first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")),
    # "GMT +315 December 2017": a time-zone offset glued to the day; the offset takes as few digits as valid.
    ("tz_glued", re.compile(r"(?:GMT|UTC)\s*[+-](?P<off>\d{1,2}?)(?P<d>[0-3]?\d) " + MONTH_RE + r",? " + _YEAR)),
    ("d_month_y", re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?: of)? " + MONTH_RE + r",? " + _YEAR + r"\b")),
    ("month_d_y", re.compile(r"\b" + MONTH_RE + r" (?P<d>[0-3]?\d)(?:st|nd|rd|th)?,? " + _YEAR + r"\b")),
    ("dotted", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("slashed", re.compile(r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    ("month_y", re.compile(r"\b" + MONTH_RE + r",? " + _YEAR + r"\b")),
]


# What every match of a shape contains (one of), tested before its pattern runs: a month's name
# (each of MONTH_RE's starts with one of `_MONTH_STARTS`), a separator, a time zone.
_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NEEDED: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "tz_glued": ("GMT", "UTC"), "d_month_y": _MONTH_STARTS, "month_d_y": _MONTH_STARTS,
    "dotted": (".",), "slashed": ("/",), "month_y": _MONTH_STARTS,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FoundDate:
    iso: str
    granularity: str  # "day" | "month"
    start: int
    end: int
    # "11/1/2008" reads as November 1 (month first, as most such stamps are) or January 11: the
    # other reading, for a page whose other dates can tell which it is.
    swapped: str | None = None


def _make(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """All explicit dates with a year in `text`, left to right, non-overlapping."""
    found: list[FoundDate] = []
    if not _ANY_YEAR.search(text):
        return found  # every shape below has a four-digit year
    taken: list[tuple[int, int]] = []
    present: dict[tuple[str, ...], bool] = {}
    for kind, pattern in _PATTERNS:
        needed = _NEEDED[kind]
        if (found_needed := present.get(needed)) is None:
            found_needed = present[needed] = any(part in text for part in needed)
        if not found_needed:
            continue  # what every match of this shape contains is not in the text
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            year = int(g["year"])
            iso: str | None
            swapped: str | None = None
            if kind == "iso":
                iso = _make(year, int(g["m"]), int(g["d"]))
            elif kind == "tz_glued":
                if int(g["off"] or 0) > 14:
                    continue
                iso = _make(year, MONTHS[g["month"].lower().rstrip(".")], int(g["d"]))
            elif kind in ("d_month_y", "month_d_y"):
                iso = _make(year, MONTHS[g["month"].lower().rstrip(".")], int(g["d"]))
            elif kind == "dotted":
                iso = _make(year, int(g["m"]), int(g["d"]))
            elif kind == "slashed":
                a, b = int(g["a"]), int(g["b"])
                iso = _make(year, a, b) if a <= 12 else _make(year, b, a)
                if a <= 12 and b <= 12 and a != b:
                    swapped = _make(year, b, a)
            else:
                iso = _make(year, MONTHS[g["month"].lower().rstrip(".")], None)
            if iso is None:
                continue
            start = m.start("d") if kind == "tz_glued" else m.start()
            found.append(FoundDate(iso, "month" if kind == "month_y" else "day", start, m.end(), swapped))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


_DATELINE_WORDS = re.compile(
    r"\b(?:posted in|posted|published|updated|last updated|modified|created|on|at|gmt|utc|est|edt|et|bst|cet|msk|pst|pdt|am|pm"
    r"|a\.m\.|p\.m\.|by|date|time|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|updated:|published:|posted:)\b",
    re.IGNORECASE,
)


# The buttons printed beside a date stamp: "19 January 2008 - 5:57PM View all news | Send to a friend | Print"
_STAMP_BUTTONS = re.compile(
    r"\b(?:view all news|send to a friend|e-?mail to (?:a )?friend|email this|print(?:er friendly)?(?: version)?|share"
    r"|comments?|reprints?)\b",
    re.IGNORECASE,
)
# A byline or a blog's post stamp ("Posted in Sony, News, PSP by Darrin Olson on January 7th, 2008")
# names people and categories around its date: more words beside the date are allowed.
_BY = re.compile(r"^\W*(?:by\s+[A-Z]|posted (?:in|by)\b)", re.IGNORECASE)
# ... or a reporter's name and role ("MARK SMITH, Deputy Business Editor January 01 2008").
_ROLE = re.compile(r"^[^,]{3,40}, [\w ]{0,30}\b(?:editor|correspondent|reporter|writer|columnist)\b", re.IGNORECASE)
# Stamp language beside a date: its age ("(3 days ago)") and the outlet's web address ("vnunet.com").
_STAMP_EXTRAS = re.compile(
    r"\(?\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b\)?|\b[\w-]+\.(?:com|net|org|co\.uk|com\.au)\b",
    re.IGNORECASE,
)
_TIME_RE = re.compile(_TIME)
_ZONE_OFFSET = re.compile(r"(?:GMT|UTC)?\s*[+-]\d{1,2}")
_LEFTOVER_WORD = re.compile(r"[A-Za-z]{2,}")
DATELINE_MAX_OTHER_WORDS = 4  # words besides the date, time and stamp words in a dateline
DATELINE_MAX_BYLINE_WORDS = 6  # the same in "By <names> <date>", "Posted in <categories> by <name> on <date>", "<Name>, <role> <date>"


def parse_dateline(line: str) -> FoundDate | None:
    """The date of a line that is a dateline (mostly a date/time stamp), else None.

    "16:34 06.08.2017(updated 19:14 06.08.2017)" → 2017-08-06 (the first, original date).
    A sentence that merely contains a date is not a dateline.
    """
    if len(line) > 160 or not _ANY_YEAR.search(line):
        return None  # every date this reads has a four-digit year
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for d in sorted(dates, key=lambda f: -f.start):
        rest = rest[: d.start] + " " + rest[d.end :]
    rest = _TIME_RE.sub(" ", rest)
    rest = _DATELINE_WORDS.sub(" ", rest)
    rest = _STAMP_BUTTONS.sub(" ", rest)
    rest = _STAMP_EXTRAS.sub(" ", rest)
    rest = _ZONE_OFFSET.sub(" ", rest)
    leftover = _LEFTOVER_WORD.findall(rest)
    # A byline may carry the date: "By Jonathan Noble and Pablo Elizalde Monday, January 14th 2008"
    if len(leftover) > (DATELINE_MAX_BYLINE_WORDS if _BY.match(line) or _ROLE.match(line) else DATELINE_MAX_OTHER_WORDS):
        return None
    return dates[0] if dates[0].granularity == "day" else None


def parse_given_date(value: object) -> str | None:
    """A date supplied with the input (a JSON "date" field, in any format news uses) as ISO, or None."""
    if value in (None, ""):
        return None
    found = find_dates(str(value))
    return found[0].iso if found else None
