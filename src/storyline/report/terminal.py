"""The digest in a terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from storyline.model import Digest
from storyline.report.words import count_noun


def print_digest(digest: Digest, console: Console | None = None, max_stories: int = 10) -> None:
    console = console or Console()
    articles = {a.id: a for a in digest.articles}
    n_dup = sum(len(g.copies) for g in digest.duplicates)
    console.print(
        f"{count_noun(len(digest.articles), 'article')} · {count_noun(len(digest.stories), 'story', 'stories')} · "
        f"{count_noun(n_dup, 'duplicate copy', 'duplicate copies')} · {count_noun(len(digest.errors), 'error')}"
    )
    for story in digest.stories[:max_stories]:
        reps = [a for a in story.article_ids if not articles[a].duplicate_of]
        number = {aid: i + 1 for i, aid in enumerate(story.article_ids)}
        lines = []
        start, end = story.date_range
        lines.append(f"[dim]{count_noun(len(reps), 'source')}" + (f" · {start} – {end}" if start else "") + "[/]")
        for s in story.summary:
            refs = ",".join(str(n) for n in sorted(number[a] for a in s.sources))
            lines.append(f"• {escape(s.text)} [cyan][{refs}][/] [dim](reported by {len(s.sources)} of {len(reps)})[/]")
        if story.timeline:
            lines.append("")
            lines.append("[bold]Timeline[/]")
            for t in story.timeline:
                lines.append(f"  [yellow]{t.date:<10}[/] {escape(t.text[:110])}{'…' if len(t.text) > 110 else ''}")
        people = [e for e in story.entities if e.type == "PERSON"][:6]
        if people:
            lines.append("")
            lines.append("[bold]People[/] " + "; ".join(
                escape(e.name) + (f" [dim](also {', '.join(escape(x) for x in e.aliases)})[/]" if e.aliases else "") for e in people
            ))
        if story.quotes:
            speakers = len({q.speaker for q in story.quotes if q.speaker})
            lines.append(f"[bold]Quotes[/] {len(story.quotes)} from {count_noun(speakers, 'speaker')}")
        console.print(Panel("\n".join(lines), title=f"[bold]{escape(story.title)}[/]", title_align="left"))
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("#", justify="right")
        table.add_column("publisher")
        table.add_column("date")
        table.add_column("title")
        for aid in story.article_ids:
            a = articles[aid]
            date = (a.date or "—") + (" [dim](inferred)[/]" if a.date and a.date_source == "inferred" else "")
            table.add_row(str(number[aid]), escape(a.publisher or "?"), date,
                          escape(a.title or "(untitled)") + (" [dim](copy)[/]" if a.duplicate_of else ""))
        console.print(table)
    if len(digest.stories) > max_stories:
        console.print(f"[dim]… and {len(digest.stories) - max_stories} more stories in the reports.[/]")
    for e in digest.errors[:20]:
        console.print(f"[red]skipped[/] {escape(e.source)}: {escape(e.reason)}")


def _source_label(article) -> str:
    return f"{article.publisher or '?'}, {article.date or 'undated'}"


def print_timelines(digest: Digest, console: Console | None = None) -> None:
    """Every story's dated timeline, with the sources of each entry."""
    console = console or Console()
    articles = {a.id: a for a in digest.articles}
    for story in digest.stories:
        if not story.timeline:
            continue
        table = Table(title=escape(story.title), title_justify="left", show_header=True, header_style="bold", box=None)
        table.add_column("date", style="yellow", no_wrap=True)
        table.add_column("what happened")
        table.add_column("sources", style="cyan")
        for t in story.timeline:
            date = t.date + ("" if t.granularity == "day" else f" ({t.granularity})")
            if t.date_provenance == "inferred":
                date += " [dim]inferred[/]"
            table.add_row(date, escape(t.text), escape("; ".join(_source_label(articles[s]) for s in t.sources)))
        console.print(table)
        console.print()


def matches_speaker(name: str | None, query: str, aliases: dict[str, list[str]]) -> bool:
    """Does a quote's speaker match a user's query? Canonical name or any variant, any case, and
    a single word matches a name part ("lavrov" → "Sergey Lavrov")."""
    if not name:
        return False
    q = " ".join(query.lower().split())
    for variant in [name, *aliases.get(name, [])]:
        v = variant.lower()
        if q == v or q in v.split() or (" " in q and q in v):
            return True
    return False


def print_quotes(digest: Digest, console: Console | None = None, speaker: str | None = None) -> int:
    """The quote ledger: per story, per speaker, who said what, when and where. Returns the count."""
    console = console or Console()
    articles = {a.id: a for a in digest.articles}
    shown = 0
    for story in digest.stories:
        aliases = {e.name: e.aliases for e in story.entities}
        quotes = [q for q in story.quotes if speaker is None or matches_speaker(q.speaker, speaker, aliases)]
        if not quotes:
            continue
        console.print(f"[bold]{escape(story.title)}[/]")
        by_speaker: dict[str, list] = {}
        for q in quotes:
            by_speaker.setdefault(q.speaker or "(speaker unknown)", []).append(q)
        for name, items in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            console.print(f"  [bold magenta]{escape(name)}[/] [dim]({len(items)})[/]")
            for q in sorted(items, key=lambda q: (q.date or "9999", q.span.start)):
                marks = ("“", "”") if q.kind == "direct" else ("", "")
                console.print(
                    f"    [yellow]{q.date or 'undated':<10}[/] {marks[0]}{escape(q.text)}{marks[1]} "
                    f"[dim]({escape(q.cue or q.kind)}; {escape(_source_label(articles[q.article_id]))}, "
                    f"chars {q.span.start}–{q.span.end})[/]"
                )
                shown += 1
        console.print()
    return shown
