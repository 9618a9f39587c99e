"""`storyline eval summarize`: ROUGE-1/2 (Porter stemming) of storyline's multi-document summaries,
with Lead, sumy LexRank and TextRank and the greedy extractive oracle run in the same process.

Conventions: the summary is cut at N words, then scored for recall (DUC) and F1 (Multi-News).
Summaries are generic: the DUC topic statement is never shown to any system. storyline is asked
for whole sentences within N words (`strict`): the product's default may overrun the budget by 15%
to end on a good sentence, and the cut would break off whichever sentence is printed last.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from storyline.analyze.sentences import split_sentences
from storyline.eval.data import doc_article, load_rows
from storyline.eval.metrics import rouge
from storyline.eval.report import EvalReport, SystemScore
from storyline.model import Article

Summarizer = Callable[[list[Article], int], str]

#: Quality gate on ROUGE-2 recall at the requested length (DUC-style data).
FLOORS = {"rouge2_recall": 0.07}


def cluster_articles_of(row: dict) -> list[Article]:
    docs = enumerate(row.get("docs") or [])
    return [doc_article(doc, f"d{i}") for i, doc in docs if str(doc.get("text") or "").strip()]


def storyline_summary(articles: list[Article], words: int) -> str:
    from storyline.summarize import summarize_articles

    return " ".join(s.text for s in summarize_articles(articles, words=words, strict=True))


def lead(articles: list[Article], words: int) -> str:
    """The DUC baseline: the start of the most recent article."""
    latest = max(articles, key=lambda a: (a.date or "", -articles.index(a)))
    return " ".join(latest.text.split()[:words])


class _Tokenizer:
    """What sumy needs from a tokenizer (nltk's data cannot be downloaded here)."""

    language = "english"

    def to_sentences(self, paragraph: str):
        return [s.text for s in split_sentences("p", paragraph)]

    def to_words(self, sentence: str):
        import re

        return re.findall(r"[^\W_]+(?:'[^\W_]+)?", sentence)


def _sumy(algorithm: str) -> Summarizer:
    def run(articles: list[Article], words: int) -> str:
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser

        if algorithm == "lexrank":
            from sumy.summarizers.lex_rank import LexRankSummarizer as Cls
        else:
            from sumy.summarizers.text_rank import TextRankSummarizer as Cls
        from storyline.clean.textstats import STOPWORDS

        text = "\n\n".join(a.text for a in articles)
        doc = PlaintextParser.from_string(text, _Tokenizer()).document
        summarizer = Cls(Stemmer("english"))
        summarizer.stop_words = STOPWORDS
        n_sents = max(1, len(doc.sentences))
        avg = max(1.0, sum(len(s.words) for s in doc.sentences) / n_sents)
        picked = summarizer(doc, min(n_sents, int(words / avg) + 3))
        return " ".join(str(s) for s in picked)

    return run


def oracle(references: list[str]) -> Summarizer:
    """Greedy extractive oracle: add the sentence that most increases bigram recall (stemmed,
    clipped counts, summed over references) until the budget is spent. The ceiling for extraction."""

    def run(articles: list[Article], words: int) -> str:
        from nltk.stem import porter
        from rouge_score import tokenize

        stemmer = porter.PorterStemmer()

        def bigrams(text: str) -> Counter:
            toks = tokenize.tokenize(text, stemmer)
            return Counter(zip(toks, toks[1:]))

        refs = [bigrams(r) for r in references]
        sents = [s.text for a in articles for s in split_sentences(a.id, a.text)]
        grams = [bigrams(s) for s in sents]
        chosen: list[int] = []
        have: Counter = Counter()
        used = 0

        def gain(g: Counter) -> int:
            total = 0
            for ref in refs:
                for bg, c in g.items():
                    if bg in ref:
                        total += min(ref[bg], have[bg] + c) - min(ref[bg], have[bg])
            return total

        while used < words:
            best, best_gain = None, 0
            for i, g in enumerate(grams):
                if i in chosen:
                    continue
                gval = gain(g)
                if gval > best_gain:
                    best, best_gain = i, gval
            if best is None:
                break
            chosen.append(best)
            have.update(grams[best])
            used += len(sents[best].split())
        return " ".join(sents[i] for i in chosen)

    return run


def run_summarize_eval(
    path: str | Path,
    *,
    words: int = 250,
    limit: int | None = None,
    peers: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> EvalReport:
    rows = [r for r in load_rows(path, limit=limit) if r.get("docs") and r.get("references")]
    if not rows:
        raise ValueError(f"{path}: no rows with 'docs' and 'references'")
    systems: dict[str, Callable[[dict], Summarizer]] = {"storyline": lambda r: storyline_summary}
    if peers:
        systems["lead"] = lambda r: lead
        try:
            import sumy  # noqa: F401

            systems["sumy lexrank"] = lambda r: _sumy("lexrank")
            systems["sumy textrank"] = lambda r: _sumy("textrank")
        except ImportError:
            pass
        systems["oracle (ceiling)"] = lambda r: oracle(r["references"])
    report = EvalReport(task=f"summarize ({words} words)", dataset=Path(path).name, items=len(rows), floors=FLOORS)
    for name, make in systems.items():
        totals: Counter = Counter()
        seconds = 0.0
        # One untimed run first: imports and lazy set-up happen once per process, not per cluster.
        make(rows[0])(cluster_articles_of(rows[0]), words)
        for k, row in enumerate(rows):
            articles = cluster_articles_of(row)
            system = make(row)
            start = time.perf_counter()
            summary = system(articles, words)
            seconds += time.perf_counter() - start
            cut = " ".join(summary.split()[:words])
            for metric, value in rouge(cut, row["references"]).items():
                totals[metric] += value
            if progress:
                progress(name, k + 1, len(rows))
        metrics = {m: v / len(rows) for m, v in totals.items()}
        report.rows.append(SystemScore(name, metrics, seconds, len(rows)))
    return report
