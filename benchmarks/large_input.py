"""One enormous one-line article through each stage that reads whole text: the time it takes
should grow with its size, not with its square.

    .venv/bin/python benchmarks/large_input.py [MB ...]      # default: 1 2 4

The article is one paragraph of short quoted sentences ('Lavrov said "..." on Monday in Moscow.'),
made up here; the worst case for sentence splitting (a quote state at every boundary) and for quote
attribution (thousands of quotes, each resolved to a speaker). Printed: seconds per stage and
per MB at each size; linear work keeps seconds per MB flat as the size doubles.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.analyze.sentences import split_sentences  # noqa: E402
from storyline.clean import clean_document  # noqa: E402
from storyline.model import Article, RawDocument  # noqa: E402
from storyline.pipeline import run_pipeline  # noqa: E402
from storyline.summarize import summarize_articles  # noqa: E402

UNIT = 'Lavrov said "the talks are over. We are leaving," on Monday in Moscow. '
OTHER = "Russian Foreign Minister Sergei Lavrov met US Secretary of State Rex Tillerson in Manila on Sunday, the ministry said."


def timed(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main(sizes: list[float]) -> None:
    print(f"{'MB':>5} {'stage':<34} {'s':>7} {'s/MB':>7}")
    for mb in sizes:
        text = UNIT * int(mb * 1_000_000 / len(UNIT))
        mbs = len(text) / 1_000_000
        rows = [
            ("split_sentences", lambda: split_sentences("a", text)),
            ("clean_document (plain text)", lambda: clean_document(RawDocument(source="big", text=text))),
            ("summarize_articles (2 docs)", lambda: summarize_articles([Article("a", "a", text), Article("b", "b", OTHER)], words=100)),
            ("run_pipeline (digest of 2 docs)", lambda: run_pipeline([RawDocument(source="big.txt", text=text),
                                                                      RawDocument(source="small.txt", text=OTHER)])),
        ]
        for name, fn in rows:
            seconds = timed(fn)
            print(f"{mbs:5.1f} {name:<34} {seconds:7.2f} {seconds / mbs:7.2f}", flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1.0, 2.0, 4.0])
