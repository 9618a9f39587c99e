"""`storyline eval cluster`: story clustering against labelled data, BCubed and pairwise scores,
with baselines run in the same process (TF-IDF + agglomerative at a fixed threshold; one cluster
per document).

Datasets: rows `{"text", "label", "title"?, "date"?}`, or summarization rows `{"docs": [...]}`
whose clusters become labels (DUC update sets A/B/C of one topic are one storyline, one label).
Several files are pooled into one evaluation. Ids are replaced and rows shuffled first.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from storyline.eval.data import doc_article, iter_rows
from storyline.eval.metrics import bcubed
from storyline.eval.report import EvalReport, SystemScore
from storyline.model import Article

System = Callable[[list[Article]], list[str]]

FLOORS = {"bcubed_f1": 0.80}  # regression floor; the target in issue 4 is 0.95


def load_labelled(paths: Sequence[str | Path], seed: int = 13, limit: int | None = None) -> tuple[list[Article], list[str]]:
    """Articles with opaque ids in shuffled order, and their gold labels."""
    items: list[tuple[dict, str]] = []
    for path in paths:
        for row in iter_rows(path):
            if "docs" in row:
                meta = row.get("meta") or {}
                label = f"{Path(path).name}:{meta.get('topic') or row.get('id')}"
                items.extend((doc, label) for doc in row["docs"])
            elif "label" in row:
                items.append((row, f"{Path(path).name}:{row['label']}"))
            else:
                raise ValueError(f"{path}: rows need a 'label' or 'docs'")
    rng = random.Random(seed)
    rng.shuffle(items)
    if limit is not None:
        items = items[:limit]
    articles = [doc_article(doc, f"doc{i:06d}") for i, (doc, _) in enumerate(items)]
    return articles, [label for _, label in items]


def storyline_system(options=None) -> System:
    def run(articles: list[Article]) -> list[str]:
        from storyline.cluster import assign_stories
        from storyline.options import DEFAULT_OPTIONS

        fresh = [Article(a.id, a.source, a.text, a.title, date=a.date) for a in articles]
        story_of, _ = assign_stories(fresh, options or DEFAULT_OPTIONS)
        return [story_of[a.id] for a in fresh]

    return run


def tfidf_agglomerative(threshold: float = 0.8) -> System:
    """The textbook baseline: TF-IDF of title + text, average-link agglomerative clustering on
    cosine distance, cut at a fixed distance threshold (all pairs: fine for a few thousand)."""

    def run(articles: list[Article]) -> list[str]:
        from sklearn.cluster import AgglomerativeClustering
        from sklearn.feature_extraction.text import TfidfVectorizer

        import numpy as np

        texts = [f"{a.title or ''}\n{a.text}" for a in articles]
        max_df = 0.5 if len(texts) >= 20 else 1.0
        x = TfidfVectorizer(sublinear_tf=True, stop_words="english", max_df=max_df, min_df=1).fit_transform(texts).toarray()
        empty = ~x.any(axis=1)  # a document with no term left stays alone (cosine needs non-zero rows)
        if empty.any():
            x = np.hstack([x, np.diag(empty.astype(float))[:, empty]])
        model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold)
        return [str(label) for label in model.fit_predict(x)]

    return run


def singletons(articles: list[Article]) -> list[str]:
    return [a.id for a in articles]


def run_cluster_eval(
    paths: Sequence[str | Path], *, limit: int | None = None, peers: bool = True, options=None
) -> EvalReport:
    articles, gold = load_labelled(paths, limit=limit)
    if not articles:
        raise ValueError("no labelled articles in " + ", ".join(map(str, paths)))
    systems: dict[str, System] = {"storyline": storyline_system(options)}
    if peers:
        systems["tf-idf + agglomerative (0.8)"] = tfidf_agglomerative(0.8)
        systems["one cluster per document"] = singletons
    name = " + ".join(Path(p).name for p in paths)
    report = EvalReport(task="cluster", dataset=name, items=len(articles), floors=FLOORS)
    for sys_name, system in systems.items():
        start = time.perf_counter()
        predicted = system(articles)
        seconds = time.perf_counter() - start
        scores = bcubed(predicted, gold)
        scores["gold_clusters"] = float(len(set(gold)))
        report.rows.append(SystemScore(sys_name, scores, seconds, len(articles)))
    return report
