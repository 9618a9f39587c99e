"""Timeline + entities + quotes (+ cited summary) for 1,000 real newswire articles.

    .venv/bin/python benchmarks/analyze_speed.py [N]

Articles come from ../shared/data/clustering/duc_topics.jsonl.gz (read at run time, never
copied). They are grouped into stories by storyline's own clustering first (not timed), then
every story is analysed (`build_story`: sentences, time expressions, timeline, entities, quotes,
summary), in one process and in a 2-process pool (stories are independent and picklable).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.cluster import assign_stories  # noqa: E402
from storyline.model import Article  # noqa: E402
from storyline.pipeline import build_story  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "clustering" / "duc_topics.jsonl.gz"


def _build(job):
    state, members = job
    story = build_story(state, members)
    return len(story.timeline), len(story.entities), len(story.quotes)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rows = [json.loads(line) for line in gzip.open(DATA, "rt", encoding="utf-8")][:n]
    articles = [Article(f"a{i}", "bench", r["text"], r.get("title"), date=r.get("date")) for i, r in enumerate(rows)]
    by_id = {a.id: a for a in articles}
    _, states = assign_stories(articles)
    jobs = [(s, [by_id[i] for i in s.article_ids]) for s in states]
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles ({words:,} words) in {len(jobs)} stories")
    start = time.perf_counter()
    totals = [_build(j) for j in jobs]
    one = time.perf_counter() - start
    print(f"  1 process : {one:6.1f} s  ({len(articles) / one:6.1f} articles/s)")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        totals = list(pool.map(_build, jobs, chunksize=4))
    two = time.perf_counter() - start
    print(f"  2 processes: {two:6.1f} s  ({len(articles) / two:6.1f} articles/s)")
    print(f"  timeline entries {sum(t[0] for t in totals)}, entities {sum(t[1] for t in totals)}, quotes {sum(t[2] for t in totals)}")


if __name__ == "__main__":
    main()
