"""Cited multi-document summaries.

Extractive, because every sentence must be checkable. Salience combines centrality (similarity
to the story's centroid), cross-document support (how many independent articles carry the same
information), position (leads carry the news) and title overlap; selection is greedy MMR under a
word budget, preferring sources not cited yet; sentences are ordered by time, then by position.
Each summary sentence cites every article with a sentence that says the same thing, by span.
"""

from __future__ import annotations

import re
import numpy as np

from storyline.clean.textstats import weighted_bag
from storyline.model import Article, Sentence, SummarySentence
from storyline.options import DEFAULT_OPTIONS, Options

_BAD_START = re.compile(
    r"^(?:but|and|or|so|yet|still|also|however|nonetheless|nevertheless|meanwhile|additionally|moreover|furthermore"
    r"|instead|then|thus|therefore|he|she|they|it|this|that|these|those|his|her|their|its|there|here|such|both"
    r"|in response|in addition|as a result|at the same time|on the other hand|the two|the move|the decision)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"(©|\bphoto\b|\bpictured\b|\bcaption\b|\bfile photo\b|read more|click here|^\W*related\b)", re.I)


def is_candidate(s: Sentence) -> bool:
    """Could this sentence stand alone in a summary?"""
    t = s.text
    n = len(t.split())
    if n < 8 or n > 60:
        return False
    if t.endswith(("?", ":")) or not re.search(r"[.!\"”’]$", t):
        return False
    if _BAD_START.match(t) or _CAPTION.search(t):
        return False
    if t.count('"') % 2 or t.count("“") != t.count("”"):
        return False
    return True


def _matrix(texts: list[str]):
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        bag = weighted_bag(t)
        norm = sum(v * v for v in bag.values()) ** 0.5 or 1.0
        for w, v in bag.items():
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
            vals.append(v / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), max(1, len(vocab))))


def summarize_story(
    articles: list[Article],
    sentences: dict[str, list[Sentence]],
    options: Options = DEFAULT_OPTIONS,
    words: int | None = None,
    title: str | None = None,
) -> list[SummarySentence]:
    """A cited extractive summary of the articles (pass representatives only, not duplicate copies)."""
    budget = words or options.summary_words
    all_sents: list[Sentence] = []
    owner: list[int] = []
    for pos, a in enumerate(articles):
        for s in sentences.get(a.id, []):
            all_sents.append(s)
            owner.append(pos)
    if not all_sents:
        return []
    mat = _matrix([s.text for s in all_sents])
    sim = (mat @ mat.T).toarray()
    owner_arr = np.array(owner)
    n_articles = len(articles)

    # Centroid: mean of article vectors, each article counted once.
    art_vecs = np.zeros((n_articles, mat.shape[1]))
    for pos in range(n_articles):
        rows = mat[owner_arr == pos]
        if rows.shape[0]:
            v = np.asarray(rows.sum(axis=0)).ravel()
            art_vecs[pos] = v / (np.linalg.norm(v) or 1.0)
    centroid = art_vecs.sum(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = mat @ centroid
    # Support: distinct other articles with a matching sentence.
    support = np.zeros(len(all_sents))
    for i in range(len(all_sents)):
        hits = owner_arr[(sim[i] >= options.support_threshold) & (owner_arr != owner_arr[i])]
        support[i] = len(set(hits.tolist()))
    title_words = {w for w in weighted_bag(title or "")}
    cands: list[int] = [i for i, s in enumerate(all_sents) if is_candidate(s)]
    if not cands:
        cands = list(range(len(all_sents)))
    scores = {}
    for i in cands:
        s = all_sents[i]
        pos_factor = 1.0 + 0.35 / (1 + s.index)
        t_overlap = len(title_words & set(weighted_bag(s.text))) / (len(title_words) or 1)
        scores[i] = float(centrality[i]) * (1.0 + 0.45 * np.log1p(support[i])) * pos_factor + 0.15 * t_overlap

    selected: list[int] = []
    used_words = 0
    cited_articles: set[int] = set()
    remaining = set(cands)
    while remaining and used_words < budget:
        best, best_val = None, -1e9
        for i in remaining:
            redundancy = max((sim[i, j] for j in selected), default=0.0)
            if redundancy > 0.5:
                continue
            novelty = 0.08 if owner[i] not in cited_articles else 0.0
            val = 0.75 * scores[i] - 0.25 * redundancy + novelty
            if val > best_val:
                best, best_val = i, val
        if best is None:
            break
        remaining.discard(best)
        n_words = len(all_sents[best].text.split())
        if used_words + n_words > budget * 1.15 and selected:
            continue
        selected.append(best)
        used_words += n_words
        cited_articles.add(owner[best])

    def order_key(i: int):
        a = articles[owner[i]]
        return (a.date or "9999", owner[i], all_sents[i].index)

    out: list[SummarySentence] = []
    for i in sorted(selected, key=order_key):
        s = all_sents[i]
        citations = [s.span]
        for pos in range(n_articles):
            if pos == owner[i]:
                continue
            idx = np.where(owner_arr == pos)[0]
            if not len(idx):
                continue
            j = idx[np.argmax(sim[i, idx])]
            if sim[i, j] >= options.support_threshold:
                citations.append(all_sents[j].span)
        out.append(SummarySentence(text=s.text, span=s.span, citations=citations))
    return out


def cut_to_words(sentences: list[SummarySentence], n: int) -> str:
    """The summary text cut at `n` words (the DUC convention)."""
    words = " ".join(s.text for s in sentences).split()
    return " ".join(words[:n])

