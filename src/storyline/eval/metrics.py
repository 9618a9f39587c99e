"""Metrics with the definitions in the datasets' README: shingle P/R/F1 for text extraction,
BCubed and pairwise F1 for clusters, ROUGE (rouge-score, Porter stemming) for summaries."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

_TOKEN = re.compile(r"\w+")


def shingles(text: str, k: int = 4) -> set[tuple[str, ...]]:
    """Lower-cased `\\w+` tokens in shingles of k (the article-extraction-benchmark convention)."""
    toks = _TOKEN.findall(text.lower())
    return {tuple(toks[i : i + k]) for i in range(max(0, len(toks) - k + 1))}


def shingle_pr(predicted: str, expected: str) -> tuple[float, float]:
    """Precision and recall of one page. Both empty counts as perfect; one empty as zero."""
    p, g = shingles(predicted), shingles(expected)
    if not p and not g:
        return 1.0, 1.0
    inter = len(p & g)
    return (inter / len(p) if p else 0.0), (inter / len(g) if g else 0.0)


def extraction_scores(pairs: Sequence[tuple[str, str]]) -> dict[str, float]:
    """Average P and R over pages, F1 of the averages, and the share of pages with F1 >= 0.9."""
    if not pairs:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages_f1_0.9": 0.0}
    ps, rs, good = 0.0, 0.0, 0
    for pred, gold in pairs:
        p, r = shingle_pr(pred, gold)
        ps += p
        rs += r
        if p + r and 2 * p * r / (p + r) >= 0.9:
            good += 1
    P, R = ps / len(pairs), rs / len(pairs)
    return {"precision": P, "recall": R, "f1": 2 * P * R / (P + R) if P + R else 0.0, "pages_f1_0.9": good / len(pairs)}


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """BCubed precision/recall/F1 and pairwise F1 of a flat clustering (one label per item)."""
    n = len(gold)
    if n == 0 or len(predicted) != n:
        raise ValueError("predicted and gold must be non-empty and of equal length")
    pairs = Counter(zip(predicted, gold))
    pred_size = Counter(predicted)
    gold_size = Counter(gold)
    precision = sum(c * c / pred_size[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / gold_size[g] for (_, g), c in pairs.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    same_both = sum(c * (c - 1) / 2 for c in pairs.values())
    same_pred = sum(c * (c - 1) / 2 for c in pred_size.values())
    same_gold = sum(c * (c - 1) / 2 for c in gold_size.values())
    pp = same_both / same_pred if same_pred else 1.0
    pr = same_both / same_gold if same_gold else 1.0
    return {
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "bcubed_f1": f1,
        "pairwise_f1": 2 * pp * pr / (pp + pr) if pp + pr else 0.0,
        "clusters": float(len(pred_size)),
    }


def rouge(summary: str, references: Sequence[str], *, words: int | None = None) -> dict[str, float]:
    """ROUGE-1/2 (Porter stemming) of one summary against several references, averaged over them.

    With `words`, the summary is cut to that many words first (DUC convention for recall).
    """
    from rouge_score import rouge_scorer

    if words is not None:
        summary = " ".join(summary.split()[:words])
    scorer = _scorer(rouge_scorer)
    totals: dict[str, float] = defaultdict(float)
    for ref in references:
        result = scorer.score(ref, summary)
        for name in ("rouge1", "rouge2"):
            totals[f"{name}_recall"] += result[name].recall
            totals[f"{name}_f1"] += result[name].fmeasure
    return {k: v / len(references) for k, v in totals.items()} if references else {}


_SCORERS: dict[int, object] = {}


def _scorer(rouge_scorer):
    key = id(rouge_scorer)
    if key not in _SCORERS:
        _SCORERS[key] = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    return _SCORERS[key]
