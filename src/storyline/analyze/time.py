"""Temporal expressions in sentences, resolved against a reference date (the article's publication
date, or a date inferred from the story).

Own rules, because the common failure modes of general parsers matter most in news: "Sept. 20"
must not jump a year back; "on Monday" is the Monday of the reporting week; a month without a
year takes the year that puts it near the reference date; "in 2011" is a year, "$66" is not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.clean.dates import MONTH_RE, MONTHS, WEEKDAYS, find_dates

_WEEKDAY_RE = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MD = re.compile(r"\b" + MONTH_RE + r" (?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d\d)(?!:)")
_DM = re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)? (?:of )?" + MONTH_RE + r"\b(?!,? (?:19|20)\d\d)")
_IN_MONTH = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ee]arly|[Ll]ate|[Mm]id-?|[Bb]y|[Tt]his|[Ll]ast|[Nn]ext|[Uu]ntil|[Tt]hrough) " + MONTH_RE + r"\b(?! [0-3]?\d\b)(?!,? (?:19|20)\d\d)")
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAY = re.compile(
    r"\b(?P<mod>[Ll]ast |[Nn]ext |[Tt]his |[Oo]n |[Ee]arlier on |[Ll]ate )?" + _WEEKDAY_RE + r"\b(?!,? (?:\d|" + _MONTH_NAMES + r"))"
)
_RELATIVE = re.compile(
    r"\b(?P<rel>the day before yesterday|the day after tomorrow|(?:earlier |later )?this week|last week|next week|a week ago"
    r"|today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|last night"
    r"|(?:earlier |later )?this (?:month|year)|last (?:month|year)|next (?:month|year)|a year ago|(?:\w+|\d+) (?:days|weeks|months|years) ago)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?) (?P<year>(?:19|20)\d\d)\b(?![-/.]\d)")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
_FUTURE = re.compile(
    r"\b(will|would|is to|are to|plans? to|scheduled|expected|next|upcoming|due to"
    # present tense of scheduled events: "the board meets on Friday"
    r"|meets|begins|starts|opens|resumes|takes effect|takes place|votes|visits|travels|arrives|ends|closes)\b",
    re.IGNORECASE,
)
#: A past-tense verb just before the expression makes it past ("announced on Friday"), except
#: verbs that announce the future themselves.
_PAST_BEFORE = re.compile(
    r"\b(said|says|told|announced|stated|added|(?!expected\b|scheduled\b|planned\b|slated\b)\w+ed)\s+(?:on\s+|last\s+)?$"
)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    date: str  # ISO day, month or year
    granularity: str  # day | month | year
    kind: str  # explicit | relative


def _iso(d: dt.date, granularity: str) -> str:
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        return (d - dt.timedelta(days=d.weekday())).isoformat()  # the week's Monday
    if granularity == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def nearest_year(month: int, day: int | None, ref: dt.date, future_ok: bool = False) -> dt.date | None:
    """The date with this month/day closest to `ref`, leaning to the past (news reports what happened).

    A date up to ~2 months after the reference is allowed (announced events); anything later is
    taken to be last year's. "Sept. 20" in an article of Sept. 25 is this year's Sept. 20.
    """
    best: tuple[float, dt.date] | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        cand = _safe_date(year, month, day or 1)
        if cand is None:
            continue
        delta = (cand - ref).days
        if day is None and cand.year == ref.year and cand.month == ref.month:
            delta = 0
        limit = 200 if future_ok else 62
        cost = abs(delta) if delta <= 0 else (delta * 1.5 if delta <= limit else 10_000 + delta)
        if best is None or cost < best[0]:
            best = (cost, cand)
    return best[1] if best else None


def _weekday_date(weekday: int, ref: dt.date, mod: str, future: bool) -> dt.date:
    mod = mod.strip().lower()
    back = (ref.weekday() - weekday) % 7
    if mod == "next" or (future and mod != "last"):
        ahead = (weekday - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead or 7)
    if mod == "last" and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def find_time_expressions(text: str, ref: dt.date | None, year_only: bool = False) -> list[TimeExpr]:
    """Temporal expressions in `text`. Explicit dates need no reference; the rest need `ref`.

    With `year_only` the reference is only good for its year (an undated article whose year was
    inferred from its story): month-days and months are resolved, weekdays and "yesterday" are not.
    """
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, date: str, gran: str, kind: str) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        out.append(TimeExpr(start, end, text[start:end], date, gran, kind))

    for f in find_dates(text):
        add(f.start, f.end, f.iso, f.granularity, "explicit")
    def future_at(pos: int) -> bool:
        """Is the expression at `pos` about the future? Decided by the words just before it."""
        window = text[max(0, pos - 60) : pos]
        window = re.split(r"[.;,]", window)[-1]
        if _PAST_BEFORE.search(window):
            return False
        return bool(_FUTURE.search(window))

    if ref is not None:
        for m in list(_MD.finditer(text)) + list(_DM.finditer(text)):
            month = MONTHS[m.group("month").lower().rstrip(".")]
            day = int(m.group("d"))
            if not 1 <= day <= 31:
                continue
            d = nearest_year(month, day, ref, future_at(m.start()))
            if d is not None:
                add(m.start(), m.end(), _iso(d, "day"), "day", "relative")
        for m in _IN_MONTH.finditer(text):
            mstart = m.start("month")
            month = MONTHS[m.group("month").lower().rstrip(".")]
            if m.group("month") == "May" and not text[m.start():mstart].strip().lower() in ("in", "since", "by", "until", "through", "early", "late", "mid", "mid-"):
                continue
            d = nearest_year(month, None, ref, future_at(m.start()))
            if d is not None:
                add(mstart, m.end(), _iso(d, "month"), "month", "relative")
        for m in ([] if year_only else _WEEKDAY.finditer(text)):
            wd = WEEKDAYS[m.group("wd").lower()]
            d = _weekday_date(wd, ref, m.group("mod") or "", future_at(m.start()))
            # "last/next/this Friday" is one expression; in "on Friday" the span is just the weekday.
            keeps_modifier = (m.group("mod") or "").strip().lower() in ("last", "next", "this")
            add(m.start() if keeps_modifier else m.start("wd"), m.end(), d.isoformat(), "day", "relative")
        for m in ([] if year_only else _RELATIVE.finditer(text)):
            rel = m.group("rel").lower()
            d, gran = _resolve_relative(rel, ref)
            if d is not None:
                add(m.start(), m.end(), _iso(d, gran), gran, "relative")
    for m in _YEAR.finditer(text):
        add(m.start("year"), m.end("year"), m.group("year"), "year", "explicit")
    return sorted(out, key=lambda t: t.start)


def _resolve_relative(rel: str, ref: dt.date) -> tuple[dt.date | None, str]:
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return ref, "day"
    if rel in ("yesterday", "last night"):
        return ref - dt.timedelta(days=1), "day"
    if rel == "the day before yesterday":
        return ref - dt.timedelta(days=2), "day"
    if rel == "the day after tomorrow":
        return ref + dt.timedelta(days=2), "day"
    if rel.endswith("this week"):
        return ref, "week"
    if rel == "last week":
        return ref - dt.timedelta(weeks=1), "week"
    if rel == "next week":
        return ref + dt.timedelta(weeks=1), "week"
    if rel == "a week ago":
        return ref - dt.timedelta(weeks=1), "day"
    if rel == "tomorrow":
        return ref + dt.timedelta(days=1), "day"
    if rel.endswith("this month"):
        return ref, "month"
    if rel == "last month":
        return (ref.replace(day=1) - dt.timedelta(days=1)), "month"
    if rel == "next month":
        return (ref.replace(day=28) + dt.timedelta(days=5)), "month"
    if rel.endswith("this year"):
        return ref, "year"
    if rel in ("last year", "a year ago"):
        return ref.replace(year=ref.year - 1, day=min(ref.day, 28)), "year"
    if rel == "next year":
        return ref.replace(year=ref.year + 1, day=min(ref.day, 28)), "year"
    m = re.match(r"(\w+|\d+) (days|weeks|months|years) ago", rel)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1))
        if n is None:
            return None, "day"
        unit = m.group(2)
        if unit == "days":
            return ref - dt.timedelta(days=n), "day"
        if unit == "weeks":
            return ref - dt.timedelta(weeks=n), "day" if n <= 1 else "month"
        if unit == "months":
            y, mo = divmod(ref.month - 1 - n, 12)
            return dt.date(ref.year + y, mo + 1, 1), "month"
        return dt.date(ref.year - n, 1, 1), "year"
    return None, "day"


def infer_reference(text: str, story_ref: dt.date | None) -> tuple[dt.date | None, bool]:
    """A reference date for an undated article, from its story: (date, day_is_confirmed).

    The year comes from the story's median date. When the article names a weekday and a month-day
    that fall together in that year ("on Monday ... On October 9" → 2017-10-09 was a Monday), the
    day itself is confirmed and weekdays can be resolved; otherwise only the year is trusted.
    """
    if story_ref is None:
        return None, False
    weekdays = {WEEKDAYS[m.group("wd").lower()] for m in _WEEKDAY.finditer(text)}
    if weekdays:
        for m in list(_MD.finditer(text)) + list(_DM.finditer(text)):
            month = MONTHS[m.group("month").lower().rstrip(".")]
            day = int(m.group("d"))
            d = nearest_year(month, day, story_ref, future_ok=True)
            if d is not None and d.weekday() in weekdays and abs((d - story_ref).days) < 200:
                return d, True
    return story_ref, False
