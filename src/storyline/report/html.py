"""report.html: one self-contained file (inline CSS and SVG, no scripts, fonts or external
resources). Every piece of article content goes through Jinja2 autoescaping; citations are
links to the cited sentence, highlighted in the source article with CSS :target."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storyline.model import Article, Digest, Span, parse_iso
from storyline.report.words import count_noun


@dataclass(slots=True)
class Segment:
    text: str
    anchor: str | None  # id of a cited span, if this segment is one


def anchor_id(span: Span) -> str:
    if span.field == "title":
        return f"t-{span.article_id}"
    return f"c-{span.article_id}-{span.start}-{span.end}"


def segments(article: Article, spans: list[Span]) -> list[list[Segment]]:
    """The article text as paragraphs of segments, cited spans marked (non-overlapping, first wins)."""
    cuts = sorted({(s.start, s.end) for s in spans if s.article_id == article.id and s.field == "text"}, key=lambda x: (x[0], -x[1]))
    chosen: list[tuple[int, int]] = []
    for s, e in cuts:
        if not chosen or s >= chosen[-1][1]:
            chosen.append((s, e))
    paragraphs: list[list[Segment]] = [[]]
    pos = 0
    text = article.text

    def emit(chunk: str, anchor: str | None) -> None:
        parts = chunk.split("\n")
        for k, part in enumerate(parts):
            if k:
                if paragraphs[-1]:
                    paragraphs.append([])
            if part:
                paragraphs[-1].append(Segment(part, anchor))

    for s, e in chosen:
        emit(text[pos:s], None)
        emit(text[s:e], anchor_id(Span(article.id, s, e)))
        pos = e
    emit(text[pos:], None)
    return [p for p in paragraphs if p]


def timeline_chart(entries, width: int = 760) -> dict:
    """Positions for an SVG timeline: x by date, one row per entry."""
    days = [parse_iso(t.date) for t in entries]
    known = [d for d in days if d]
    if not known:
        return {"points": [], "width": width, "height": 0, "ticks": []}
    lo, hi = min(known), max(known)
    span = max(1, (hi - lo).days)
    left, right = 20, width - 20
    points = []
    for i, (t, d) in enumerate(zip(entries, days)):
        if d is None:
            continue
        x = left + (right - left) * (d - lo).days / span
        points.append({"x": round(x, 1), "y": 30 + 18 * i, "date": t.date, "n": len(t.sources), "r": 4 + 2 * min(len(t.sources), 5)})
    ticks = [{"x": left, "label": lo.isoformat()}, {"x": right, "label": hi.isoformat()}]
    return {"points": points, "width": width, "height": 40 + 18 * len(entries), "ticks": ticks}


@lru_cache(maxsize=1)
def _env():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("storyline.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["anchor_id"] = anchor_id
    env.globals["count_noun"] = count_noun
    return env


def render_html(digest: Digest) -> str:
    articles = {a.id: a for a in digest.articles}
    cited: dict[str, list[Span]] = {}
    for story in digest.stories:
        for s in story.summary:
            for c in s.citations:
                cited.setdefault(c.article_id, []).append(c)
        for t in story.timeline:
            for c in t.citations:
                cited.setdefault(c.article_id, []).append(c)
        for q in story.quotes:
            cited.setdefault(q.article_id, []).append(q.span)
    article_segments = {a.id: segments(a, cited.get(a.id, [])) for a in digest.articles}
    charts = {s.id: timeline_chart(s.timeline) for s in digest.stories}
    return _env().get_template("report.html.j2").render(
        digest=digest,
        articles=articles,
        article_segments=article_segments,
        charts=charts,
        n_copies=sum(len(g.copies) for g in digest.duplicates),
        story_reps={s.id: [a for a in s.article_ids if not articles[a].duplicate_of] for s in digest.stories},
    )
