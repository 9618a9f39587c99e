"""report.md: the digest as Markdown, with numbered citations to the source articles."""

from __future__ import annotations

from storyline.model import Digest
from storyline.report.words import count_noun as _n


def _md(text: str | None) -> str:
    """Escape Markdown/HTML control characters in article-provided text."""
    if not text:
        return ""
    out = text.replace("\\", "\\\\")
    for ch in "`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def render_markdown(digest: Digest) -> str:
    articles = {a.id: a for a in digest.articles}
    lines: list[str] = ["# storyline digest", ""]
    n_dup = sum(len(g.copies) for g in digest.duplicates)
    lines.append(
        f"{_n(len(digest.articles), 'article')}, {_n(len(digest.stories), 'story', 'stories')}, "
        f"{_n(n_dup, 'duplicate copy', 'duplicate copies')}, {_n(len(digest.errors), 'error')}."
    )
    lines.append("")
    for story in digest.stories:
        reps = [aid for aid in story.article_ids if not articles[aid].duplicate_of]
        number = {aid: i + 1 for i, aid in enumerate(story.article_ids)}
        start, end = story.date_range
        lines += [f"## {_md(story.title)}", ""]
        lines.append(f"*{_n(len(reps), 'source')}" + (f", {start} to {end}" if start else "") + f"* — story `{story.id}`")
        lines.append("")
        if story.summary:
            lines += ["### Summary", ""]
            for s in story.summary:
                refs = ", ".join(str(n) for n in sorted(number[a] for a in s.sources if a in number))
                lines.append(f"- {_md(s.text)} [{refs}] *(reported by {len(s.sources)} of {_n(len(reps), 'source')})*")
            lines.append("")
        if story.timeline:
            lines += ["### Timeline", ""]
            for t in story.timeline:
                refs = ", ".join(str(n) for n in sorted(number[a] for a in t.sources if a in number))
                flag = " (year inferred)" if t.date_provenance == "inferred" else ""
                lines.append(f"- **{t.date}**{flag}: {_md(t.text)} [{refs}]")
            lines.append("")
        people = [e for e in story.entities if e.type in ("PERSON", "ORG")][:15]
        if people:
            lines += ["### People and organisations", ""]
            for e in people:
                extra = f" — also: {', '.join(_md(a) for a in e.aliases)}" if e.aliases else ""
                role = f" ({_md(e.roles[0])})" if e.roles else ""
                lines.append(f"- **{_md(e.name)}**{role}, {e.type.lower()}, {_n(len(e.article_ids), 'source')}{extra}")
            lines.append("")
        if story.quotes:
            lines += ["### Who said what", ""]
            for q in story.quotes:
                who = _md(q.speaker) if q.speaker else "(unattributed)"
                text = f"“{_md(q.text)}”" if q.kind == "direct" else _md(q.text)
                lines.append(f"- **{who}**{' (' + q.date + ')' if q.date else ''}: {text} [{number.get(q.article_id, '?')}]")
            lines.append("")
        lines += ["### Sources", ""]
        for aid in story.article_ids:
            a = articles[aid]
            dup = f" — copy of [{number[a.duplicate_of]}]" if a.duplicate_of in number else ""
            lines.append(
                f"{number[aid]}. {_md(a.title) or '(untitled)'} — {_md(a.publisher) or 'unknown publisher'}, "
                f"{a.date or 'date unknown'}{' (inferred)' if a.date and a.date_source == 'inferred' else ''} (`{_md(a.source)}`){dup}"
            )
        lines.append("")
    if digest.errors:
        lines += ["## Inputs not used", ""]
        for e in digest.errors:
            lines.append(f"- `{_md(e.source)}`: {_md(e.reason)}")
        lines.append("")
    return "\n".join(lines)
