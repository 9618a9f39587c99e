"""The `storyline` command: a thin shell over the public API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline.options import Options

app = typer.Typer(
    help="storyline turns a pile of raw, scraped news articles into clean, sourced stories: "
    "clean text, duplicates folded, stories with cited summaries, timelines, people and quotes.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """storyline: clean, sourced stories from raw news articles."""


def _options(config: Optional[Path], words: Optional[int] = None) -> Options:
    opts = Options.from_toml(config) if config else Options()
    if words:
        opts = opts.with_(summary_words=words)
    return opts


@app.command()
def digest(
    paths: list[str] = typer.Argument(..., help="Files or directories (.txt, .html, .json/.jsonl[.gz], .warc[.gz]); '-' reads JSON Lines from stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Directory for report.json, report.md and report.html."),
    words: Optional[int] = typer.Option(None, "--words", help="Summary length per story, in words (default 120)."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print the digest."),
) -> None:
    """Clean, deduplicate, cluster and summarise articles; print a digest and write reports."""
    from storyline.pipeline import read_inputs, run_pipeline
    from storyline.report import write_reports
    from storyline.report.terminal import print_digest

    console = Console(stderr=quiet)
    options = _options(config, words)
    docs, errors = read_inputs(paths, stdin=sys.stdin if "-" in paths else None)
    if not docs:
        for e in errors:
            console.print(f"[red]error[/] {e.source}: {e.reason}")
        console.print("[red]No usable articles in the input.[/]")
        raise typer.Exit(code=1)
    if len(docs) >= options.progress_threshold and not quiet:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done)

            result = run_pipeline(docs, errors, options, progress)
    else:
        result = run_pipeline(docs, errors, options)
    if not quiet:
        print_digest(result, console)
    if out is not None:
        paths_written = write_reports(result, out)
        console.print("Wrote " + ", ".join(str(p) for p in paths_written.values()))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
