"""Plain-text cleaning speed (articles per second on one core) and memory over a long stream.

    .venv/bin/python benchmarks/clean_speed.py            # speed on the dev pages + 100,000-article stream
    .venv/bin/python benchmarks/clean_speed.py --stream 20000
    .venv/bin/python benchmarks/clean_speed.py --stream 0 --repeat 3   # speed only, fastest of 3 passes

Speed: storyline's full per-article cleaning (`clean_document`: lines, metadata, language) and
its line classifier alone (`clean_text`), next to the peers a user would otherwise run on the
same plain text (jusText and trafilatura given the lines as <p> paragraphs, "lines >= 8 words"),
all measured in this run, on one core. Pages come from ../shared/data/textclean (never copied).

Memory: `storyline clean`'s streaming path (`iter_cleaned`) over N articles made by cycling the
dev pages (each made distinct by a counter line); resident memory is printed every N/10 articles.
Flat memory means the last reading is within a few MB of the reading after the first tenth.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.clean import clean_document  # noqa: E402
from storyline.clean.batch import iter_cleaned  # noqa: E402
from storyline.clean.text import clean_text, clear_line_caches  # noqa: E402
from storyline.model import RawDocument  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "textclean"


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def as_paragraphs(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in text.split("\n") if ln.strip()) + "</body></html>"


REPEAT = 1  # passes per system; the fastest counts (--repeat: steadier numbers on a noisy machine)


def timed(name: str, texts: list[str], fn) -> float:
    fn(texts[0])
    best = float("inf")
    for _ in range(REPEAT):
        clear_line_caches()  # every pass starts without the per-line caches
        start = time.process_time()  # CPU time of this process: one core
        for t in texts:
            fn(t)
        best = min(best, time.process_time() - start)
    rate = len(texts) / best
    print(f"  {name:<34} {rate:8.1f} articles/s/core")
    return rate


def speed(paths: list[Path]) -> None:
    import justext
    import trafilatura

    from storyline.clean.metadata import detect_language

    detect_language("Der Bürgermeister eröffnete am Samstag die neue Brücke über den Fluss.")  # load profiles once

    stop = justext.get_stoplist("English")
    for path in paths:
        texts = [json.loads(line)["text"] for line in gzip.open(path, "rt", encoding="utf-8")]
        avg = sum(len(t) for t in texts) / len(texts)
        print(f"{path.name}: {len(texts)} pages, {avg:,.0f} characters on average")
        # One-time costs stay out of the timings: the word-weight cache (a long stream's steady
        # state) and what trafilatura loads on its first page (a "text" that is page source goes
        # through it). Each pass starts with empty per-line caches: a page meets a line already worked
        # out only when an earlier page of the same pass printed it, as in a stream.
        for t in texts:
            clean_document(RawDocument("bench", text=t))
        ours = timed("storyline clean_document", texts, lambda t: clean_document(RawDocument("bench", text=t)))
        timed("storyline clean_text (lines only)", texts, clean_text)
        timed("lines >= 8 words", texts, lambda t: [ln for ln in t.split("\n") if len(ln.split()) >= 8])
        jt = timed("jusText on <p> lines", texts, lambda t: justext.justext(as_paragraphs(t).encode(), stop))
        tf = timed("trafilatura on <p> lines", texts, lambda t: trafilatura.extract(as_paragraphs(t)))
        print(f"  storyline / jusText = {ours / jt:.2f}x, storyline / trafilatura = {ours / tf:.2f}x")


def stream(paths: list[Path], n: int) -> None:
    texts = [json.loads(line)["text"] for p in paths for line in gzip.open(p, "rt", encoding="utf-8")]

    def lines():
        for i in range(n):
            yield json.dumps({"id": str(i), "text": f"Item {i}\n" + texts[i % len(texts)]})

    print(f"stream of {n:,} articles through iter_cleaned (storyline clean):")
    start = time.perf_counter()
    step = max(1, n // 10)
    for i, _row in enumerate(iter_cleaned(lines(), "bench"), start=1):
        if i % step == 0:
            print(f"  {i:>8,} articles  RSS {rss_mb():7.1f} MB  {i / (time.perf_counter() - start):6.1f} articles/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stream", type=int, default=100_000, help="articles in the memory test (0 to skip)")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per system; the fastest is printed")
    parser.add_argument("datasets", nargs="*", type=Path)
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    paths = args.datasets or sorted(DATA.glob("*.jsonl.gz"))
    speed(paths)
    if args.stream:
        stream(paths, args.stream)


if __name__ == "__main__":
    main()
