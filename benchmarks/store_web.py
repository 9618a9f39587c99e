"""Store and web UI at scale: ingest speed, then story-page and search latency under 20
concurrent clients on loopback.

    .venv/bin/python benchmarks/store_web.py --articles 100000    # the issue's target size
    .venv/bin/python benchmarks/store_web.py --articles 5000      # a quick run

Articles are synthesized at run time from real newswire sentences (see cluster_scale.py; nothing
copied into the project), written as JSON Lines and ingested with `storyline.store.ingest` as a
user would. Then `storyline serve` runs in a subprocess and 20 client threads request random story
pages and searches; printed: ingest articles/s, and p50/p95/max latency per kind of request.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="server processes (storyline serve --workers)")
    args = parser.parse_args()

    import httpx

    from cluster_scale import synthesize
    from storyline.store import Store, ingest

    work = Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    articles, _ = synthesize(args.articles)
    src = work / "pile.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text}) + "\n")
    db = work / "bench.db"
    start = time.perf_counter()
    stats = ingest([str(src)], db)
    seconds = time.perf_counter() - start
    print(f"ingest: {stats['added']:,} articles in {seconds:.1f} s = {stats['added'] / seconds:.1f} articles/s "
          f"({stats['stories_updated']:,} story updates)")  # fmt: skip
    store = Store(db)
    story_ids = [r[0] for r in store.conn.execute("SELECT id FROM stories")]
    words = [w for w in " ".join(a.text for a in articles[:200]).split() if w.isalpha() and len(w) > 4][:2000]
    print(f"store: {store.counts()}, {db.stat().st_size / 1e6:.0f} MB")
    store.close()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/api/stories?limit=1", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    timings: dict[str, list[float]] = {"story page": [], "search": [], "search api": []}
    per_client = args.requests // args.clients

    async def client(seed: int, http) -> None:
        rng = random.Random(seed)
        for _ in range(per_client):
            kind = rng.choice(list(timings))
            if kind == "story page":
                url = f"/story/{rng.choice(story_ids)}"
            elif kind == "search":
                url = f"/search?q={rng.choice(words)}+{rng.choice(words)}"
            else:
                url = f"/api/search?q={rng.choice(words)}"
            t0 = time.perf_counter()
            r = await http.get(url)
            dt = time.perf_counter() - t0
            assert r.status_code == 200, (url, r.status_code)
            timings[kind].append(dt)

    async def load() -> float:
        # One event loop drives all clients: the load generator itself stays light on CPU, which
        # matters when it shares the machine with the server.
        limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
            t0 = time.perf_counter()
            await asyncio.gather(*(client(i, http) for i in range(args.clients)))
            return time.perf_counter() - t0

    try:
        wall = asyncio.run(load())
    finally:
        server.terminate()
        server.wait()
    total = sum(len(v) for v in timings.values())
    print(f"{args.clients} concurrent clients, {total} requests in {wall:.1f} s ({total / wall:.0f} req/s)")
    for kind, values in timings.items():
        print(f"  {kind:<11} p50 {1000 * percentile(values, 0.5):6.1f} ms   p95 {1000 * percentile(values, 0.95):6.1f} ms   max {1000 * max(values):6.1f} ms")


if __name__ == "__main__":
    main()
