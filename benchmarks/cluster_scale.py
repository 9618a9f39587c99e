"""Deduplication + story clustering at scale: 1k / 10k / 100k articles, time and peak memory.

    .venv/bin/python benchmarks/cluster_scale.py                 # 1,000 10,000 100,000
    .venv/bin/python benchmarks/cluster_scale.py 1000 10000

Articles are synthesised at run time from real newswire sentences in ../shared/data (nothing is
copied into the project): each synthetic event draws ~10 sentences from one source cluster and
gets its own invented names, dates within ten days of its start, and 10% of articles are
near-duplicate re-posts (a sentence added, a word changed). One event per 12 articles on average,
so the number of stories grows with the pile, as in a real news stream. Each size runs in a fresh
process, so peak RSS is that size's own. Printed: seconds, articles/s, peak RSS, stories found,
BCubed F1 against the synthetic events, and the time ratio to the previous size.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data"
SYLLABLES = "ka ro mi ze lu tan vor bel sha dri nok pel quin tas ul ver yam zor fen gri".split()


def sentence_pools() -> list[list[str]]:
    pools: dict[str, list[str]] = {}
    for row in map(json.loads, gzip.open(DATA / "clustering" / "duc_topics.jsonl.gz", "rt", encoding="utf-8")):
        sents = [s for s in re.split(r"(?<=[.!?])\s+", row["text"]) if 8 <= len(s.split()) <= 40]
        pools.setdefault(row["label"], []).extend(sents)
    return [p for p in pools.values() if len(p) >= 30]


def name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthesize(n: int, seed: int = 7):
    from storyline.model import Article

    rng = random.Random(seed)
    pools = sentence_pools()
    events = max(1, n // 12)
    start = dt.date(2016, 1, 1)
    plans = []
    for e in range(events):
        people = [f"{name(rng)} {name(rng)}" for _ in range(2)] + [name(rng) + "ia"]
        plans.append((rng.choice(pools), people, start + dt.timedelta(days=rng.randint(0, 730))))
    articles, gold = [], []
    for i in range(n):
        e = rng.randrange(events)
        if articles and rng.random() < 0.10:  # a re-post of an earlier article, lightly edited
            j = rng.randrange(len(articles))
            src = articles[j]
            text = src.text.replace(" the ", " a ", 1) + "\nRead more on our site."
            articles.append(Article(f"a{i}", "bench", text, src.title, date=src.date))
            gold.append(gold[j])
            continue
        pool, people, day = plans[e]
        lead = f"{people[0]} and {people[1]} met in {people[2]} on Monday, officials said."
        body = [lead] + rng.sample(pool, 9)
        body.insert(rng.randint(2, 9), f"{people[0]} said the talks in {people[2]} would continue.")
        date = (day + dt.timedelta(days=rng.randint(0, 10))).isoformat()
        articles.append(Article(f"a{i}", "bench", "\n\n".join(body), f"{people[0]} in {people[2]}: {body[1][:60]}", date=date))
        gold.append(e)
    return articles, gold


def run_one(n: int) -> dict:
    from storyline.cluster import assign_stories
    from storyline.eval.metrics import bcubed

    articles, gold = synthesize(n)
    start = time.perf_counter()
    story_of, states = assign_stories(articles)
    seconds = time.perf_counter() - start
    scores = bcubed([story_of[a.id] for a in articles], gold)
    return {
        "n": n,
        "seconds": seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stories": len(states),
        "duplicates": sum(1 for a in articles if a.duplicate_of),
        "bcubed_f1": scores["bcubed_f1"],
    }


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]
    previous = None
    print(f"{'articles':>9} {'seconds':>8} {'art/s':>8} {'peak RSS':>9} {'stories':>8} {'copies':>7} {'BCubed F1':>9} {'time x':>7}")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        ratio = f"{r['seconds'] / previous['seconds']:.1f}x" if previous else ""
        scale = f"(n x{n / previous['n']:.0f})" if previous else ""
        print(
            f"{n:>9,} {r['seconds']:>8.1f} {n / r['seconds']:>8.0f} {r['peak_rss_mb']:>7.0f}MB {r['stories']:>8,} "
            f"{r['duplicates']:>7,} {r['bcubed_f1']:>9.3f} {ratio:>7} {scale}"
        )
        previous = r


if __name__ == "__main__":
    main()
