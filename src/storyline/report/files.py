"""Writing report files atomically: a crash never leaves a half-written report behind."""

from __future__ import annotations

from pathlib import Path

from storyline.model import Digest


def atomic_write(path: Path, text: str) -> None:
    from storyline.jsonl import atomic_writer

    with atomic_writer(path) as fh:
        fh.write(text)


def write_reports(digest: Digest, out_dir: str | Path) -> dict[str, Path]:
    """Write report.json, report.md and report.html into `out_dir`; returns their paths."""
    from storyline.report.html import render_html
    from storyline.report.json import write_json
    from storyline.report.markdown import render_markdown

    out = Path(out_dir)
    paths = {"json": out / "report.json", "md": out / "report.md", "html": out / "report.html"}
    write_json(digest, paths["json"])
    atomic_write(paths["md"], render_markdown(digest))
    atomic_write(paths["html"], render_html(digest))
    return paths
