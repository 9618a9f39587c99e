"""`storyline eval clean`: cleaning quality against `expected_text`, with the peers a user would
otherwise reach for, measured in the same run.

Plain-text rows (`text`): keep-everything, "lines of 8+ words", and trafilatura / jusText given
the lines wrapped as HTML paragraphs. HTML rows (`html`): trafilatura (default and precision
mode), readability-lxml, and storyline without its plain-text checks (to measure what they add).
Every system's output includes the title it found, since gold texts may include the headline
and a user of any of these tools gets the title too. On plain text, storyline is scored twice:
each page on its own (the row the quality floor applies to), and as `storyline clean` runs on the
whole file, with the template lines it learns from the pile.
"""

from __future__ import annotations

import html as htmllib
import time
from collections.abc import Callable
from pathlib import Path

from storyline.eval.data import load_rows
from storyline.eval.metrics import extraction_scores
from storyline.eval.report import EvalReport, SystemScore

System = Callable[[dict], str]

#: Quality gate: storyline's F1 must not fall below these on the bundled-format datasets.
FLOORS = {"text": {"f1": 0.80}, "html": {"f1": 0.85}}


def _join(title: str | None, text: str | None) -> str:
    return ((title or "") + "\n" + (text or "")).strip()


def storyline_system(row: dict, templates: frozenset[str] = frozenset()) -> str:
    from storyline.clean import clean_document
    from storyline.model import Article, RawDocument

    raw = RawDocument(source=row["id"], text=row.get("text"), html=row.get("html"), url=row.get("url"))
    result = clean_document(raw, templates=templates)
    return _join(result.title, result.text) if isinstance(result, Article) else ""


def storyline_pile_system(rows: list[dict]) -> System:
    """storyline as `storyline clean` runs on the whole file: the pile's template lines, learned
    from its first rows without looking at any gold (`clean.template_lines`), then each row. The
    learning happens on the first call, so it is timed with the rows."""
    from storyline.clean import template_lines
    from storyline.clean.batch import TEMPLATE_SAMPLE

    learned: list[frozenset[str]] = []

    def run(row: dict) -> str:
        if not learned:
            learned.append(template_lines([r["text"] for r in rows[:TEMPLATE_SAMPLE] if r.get("text")]))
        return storyline_system(row, learned[0])

    return run


def _lines_as_html(text: str) -> str:
    paras = "".join(f"<p>{htmllib.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"<html><body>{paras}</body></html>"


def _trafilatura(html: str, url: str | None = None, precision: bool = False) -> str:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=precision)
    except Exception:  # a peer failing on a page scores zero there, like a user would see
        return ""
    if doc is None:
        return ""
    return _join(doc.title, doc.text)


def _justext(html: str) -> str:
    import justext

    try:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    except Exception:
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _readability(html: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    try:
        doc = Document(html)
        body = lxml_html.fromstring(doc.summary(html_partial=True)).text_content()
        return _join(doc.short_title(), body)
    except Exception:
        return ""


def _storyline_html_without_text_checks(row: dict) -> str:
    from storyline.clean.html import extract_html

    try:
        ex = extract_html(row["html"], row.get("url"))
    except Exception:
        return ""
    return _join(ex.title, ex.text)


def text_peers() -> dict[str, System]:
    peers: dict[str, System] = {
        "keep everything": lambda r: r["text"],
        "lines >= 8 words": lambda r: "\n".join(ln for ln in r["text"].split("\n") if len(ln.split()) >= 8),
    }
    try:
        import trafilatura  # noqa: F401

        peers["trafilatura on <p> lines"] = lambda r: _trafilatura(_lines_as_html(r["text"]))
    except ImportError:
        pass
    try:
        import justext  # noqa: F401

        peers["jusText on <p> lines"] = lambda r: _justext(_lines_as_html(r["text"]))
    except ImportError:
        pass
    return peers


def html_peers() -> dict[str, System]:
    peers: dict[str, System] = {
        "trafilatura": lambda r: _trafilatura(r["html"], r.get("url")),
        "trafilatura precision": lambda r: _trafilatura(r["html"], r.get("url"), precision=True),
        "storyline w/o text checks": _storyline_html_without_text_checks,
    }
    try:
        import readability  # noqa: F401

        peers["readability-lxml"] = lambda r: _readability(r["html"])
    except ImportError:
        pass
    return peers


def run_clean_eval(
    path: str | Path,
    *,
    limit: int | None = None,
    peers: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> EvalReport:
    rows = load_rows(path, limit=limit)
    rows = [r for r in rows if isinstance(r.get("expected_text"), str) and (r.get("html") or r.get("text"))]
    if not rows:
        raise ValueError(f"{path}: no rows with 'expected_text' and 'text' or 'html'")
    mode = "html" if sum(1 for r in rows if r.get("html")) > len(rows) / 2 else "text"
    systems: dict[str, System] = {"storyline": storyline_system}
    if mode == "text":
        systems["storyline clean (pile templates)"] = storyline_pile_system(rows)
    if peers:
        systems.update(html_peers() if mode == "html" else text_peers())
    report = EvalReport(task=f"clean ({mode})", dataset=Path(path).name, items=len(rows), floors=FLOORS[mode])
    for name, system in systems.items():
        start = time.perf_counter()
        outputs = []
        for i, row in enumerate(rows):
            outputs.append(system(row))
            if progress:
                progress(name, i + 1, len(rows))
        seconds = time.perf_counter() - start
        scores = extraction_scores([(out, row["expected_text"]) for out, row in zip(outputs, rows)])
        report.rows.append(SystemScore(name, scores, seconds, len(rows)))
    return report
