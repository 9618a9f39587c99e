"""Store and web UI at scale: ingest speed, then story-page and search latency under 20
concurrent clients on loopback.

    .venv/bin/python benchmarks/store_web.py --articles 100000    # the issue's target size
    .venv/bin/python benchmarks/store_web.py --articles 5000      # a quick run
    .venv/bin/python benchmarks/store_web.py --articles 100000 --db /tmp/bench100k.db
        # keeps the store: a second run with the same --db skips synthesis and ingest

Articles are synthesized at run time from real newswire sentences (see cluster_scale.py; nothing
copied into the project), written as JSON Lines and ingested with `storyline.store.ingest` as a
user would. Then `storyline serve` runs in a subprocess and 20 concurrent clients (closed loop, no
think time, one keep-alive connection each) request random story pages and searches; printed:
ingest articles/s, and p50/p95/max latency per kind of request.

The clients are raw HTTP/1.1 on asyncio streams, one event loop for all of them: the load generator
shares the two cores with the server, so it should cost as little CPU as it can, as a C tool like
`wrk` would. Latency varies from run to run on a shared virtual machine: run it more than once.
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


async def http_get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, url: str) -> int:
    """One GET on a kept-alive connection; reads the whole body. Returns the status code."""
    writer.write(f"GET {url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    return int(lines[0].split()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="server processes (storyline serve --workers)")
    parser.add_argument("--db", type=Path, help="store to build and keep; reused (no ingest) when it exists")
    args = parser.parse_args()

    from cluster_scale import synthesize
    from storyline.store import Store, ingest

    work = Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    db = args.db or work / "bench.db"
    if not db.exists():
        articles, _ = synthesize(args.articles)
        src = work / "pile.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.id, "title": a.title, "date": a.date, "text": a.text}) + "\n")
        start = time.perf_counter()
        stats = ingest([str(src)], db)
        seconds = time.perf_counter() - start
        print(f"ingest: {stats['added']:,} articles in {seconds:.1f} s = {stats['added'] / seconds:.1f} articles/s "
              f"({stats['stories_updated']:,} story updates)")  # fmt: skip
        src.unlink()
    store = Store(db)
    story_ids = [r[0] for r in store.conn.execute("SELECT id FROM stories")]
    texts = [r[0] for r in store.conn.execute("SELECT text FROM articles ORDER BY rowid LIMIT 200")]
    words = [w for w in " ".join(texts).split() if w.isalpha() and len(w) > 4][:2000]
    print(f"store: {store.counts()}, {db.stat().st_size / 1e6:.0f} MB")
    store.close()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    timings: dict[str, list[float]] = {"story page": [], "search": [], "search api": []}
    per_client = args.requests // args.clients

    async def client(seed: int) -> None:
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(per_client):
            kind = rng.choice(list(timings))
            if kind == "story page":
                url = f"/story/{rng.choice(story_ids)}"
            elif kind == "search":
                url = f"/search?q={rng.choice(words)}+{rng.choice(words)}"
            else:
                url = f"/api/search?q={rng.choice(words)}"
            t0 = time.perf_counter()
            status = await http_get(reader, writer, url)
            dt = time.perf_counter() - t0
            assert status == 200, (url, status)
            timings[kind].append(dt)
        writer.close()

    async def load() -> float:
        await client(-1)  # warm-up: first requests load templates and fill SQLite's page cache
        for v in timings.values():
            v.clear()
        t0 = time.perf_counter()
        await asyncio.gather(*(client(i) for i in range(args.clients)))
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
