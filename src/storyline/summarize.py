"""Cited multi-document summaries.

Extractive, because every sentence must be checkable. Salience combines centrality (similarity
to the story's centroid), cross-document support (how many independent articles carry the same
information), position (leads carry the news) and title overlap, plus coverage of content bigrams
that several articles share (ICSISumm's concepts). A big story's sentences are chosen exactly, by
an integer program over concepts within the word budget (Gillick & Favre); a small story's
greedily, so that every source takes a turn. Sentences are ordered by time, then by position.
Each summary sentence cites every article with a sentence that says the same thing, by span. In a
small story, an article's headline can be a summary sentence when its body never states it (the
lead was lost to the scrape); it is cited by a span into the title (`Span.field == "title"`).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import numpy as np

from storyline.clean.textstats import STOPWORDS, weighted_bag, words
from storyline.model import Article, Sentence, Span, SummarySentence
from storyline.options import DEFAULT_OPTIONS, Options

_BAD_START = re.compile(
    r"^(?:but|and|or|so|yet|still|also|however|nonetheless|nevertheless|meanwhile|additionally|moreover|furthermore"
    r"|instead|then|thus|therefore|he|she|they|it|this|that|these|those|his|her|their|its|there|here|such|both"
    r"|in response|in addition|as a result|at the same time|on the other hand|the two|the move|the decision)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(©|\bphoto\b|\bin this (?:image|picture|handout)\b|^\W*(?:photos|images|video|gallery|slideshow)\s*:|\bpictured\b|\bcaption\b|\bfile photo\b|read more|click here|^\W*related\b|\benlarge\b"
    # photo credits: "Getty Images", "Mohammed Abed/AFP", a caption closed by "(Associated Press)"
    r"|\bgetty images\b|/(?:AFP|AP|Reuters|EPA|Getty)\b|\((?:Associated Press|AP|Reuters|AFP|Getty Images)\)\W*$"
    # who is in the picture, what the picture is: "(Left to right) Jo Roe, ...", "An artist's
    # illustration of the probe ...", a gallery's "View Images" glued to the text after it
    r"|^\W*(?:\((?:left to right|l-r|from left)\)|(?:left to right|from left)\s*:)|\bartist['’]?s (?:illustration|rendering|impression|concept)\b"
    r"|^view images?\b)",
    re.I,
)
# Notes to editors and readers: web and e-mail addresses, "EDITORS:" / "EDITOR'S NOTE:" labels.
_NOTE = re.compile(r"https?://|\bwww\.|\S@\w|\(AT\)|^\W*[A-Z][A-Z' ]{3,}:")


_FRAGMENT_START = re.compile(r"^(?:[a-z](?![a-z]*[A-Z])|[.,;:)\]…]|\.\.\.)")
# A teaser, caption or quotation cut off mid-sentence ("Collins said President Donald Trump would
# be..."): an ellipsis at the end.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)\W{0,3}$")


def _headline_like(title: str) -> bool:
    """A headline that reads as a statement: 6-20 words, not a question, no section label."""
    n = len(title.split())
    return 6 <= n <= 20 and not title.rstrip().endswith(("?", ":")) and not re.search(r"\||\s[-–—]\s*$|^\W", title)


# A photo credit standing alone after a caption: "(David M Warren / Staff Photographer)",
# "AP Photo/Jane Doe", "Getty Images"; and a gallery counter opening one: "1 of 6."
_CREDIT = re.compile(
    r"^\((?=[^()]*\b(?:photo|photos|photograph|photographer|getty|AP|AFP|Reuters|EPA|Associated Press|Staff)\b)[^()]{3,80}\)\W*$"
    r"|^(?:AP|AFP|Reuters|EPA) Photos?\b|\bGetty Images\W*$|^[A-Z][\w.' -]{2,40}/(?:AP|AFP|Reuters|EPA|Getty Images)\b"
    r"|^\d+ of \d+\.?$"
)


def _caption_paragraphs(sentences: list[Sentence], owner: list[int]) -> set[tuple[int, int]]:
    """(article, paragraph) pairs that are photo captions: a paragraph holding a credit line."""
    out = set()
    for s, pos in zip(sentences, owner):
        if s.index >= 0 and len(s.text.split()) <= 10 and _CREDIT.match(s.text):
            out.add((pos, s.paragraph))
    return out


def is_candidate(s: Sentence) -> bool:
    """Could this sentence stand alone in a summary?"""
    return len(s.text.split()) >= 8 and not _BAD_START.match(s.text) and _reads_in_context(s)


def _reads_in_context(s: Sentence) -> bool:
    """Could this sentence follow the one before it in a summary (a whole sentence, though it may
    be short or point back: "He has been charged with murder.")?"""
    t = s.text
    if not 4 <= len(t.split()) <= 80:
        return False
    # A fragment: text cut from a page or a PDF mid-sentence ("classi?ed information, including
    # those...", ". in question on behalf of..."). A brand written in lower case ("iPhone") is not.
    if _FRAGMENT_START.match(t):
        return False
    if t.endswith(("?", ":")) or not re.search(r"[.!\"”’]$", t) or _CUT_OFF.search(t):
        return False
    if _CAPTION.search(t) or _NOTE.search(t):
        return False
    # An unbalanced quotation mark (straight, curly or ``wire-style''): part of a longer quotation.
    # Some papers close a “quotation’’ with two apostrophes.
    if t.count('"') % 2 or t.count("“") != t.count("”") + t.count("’’") or t.count("``") != t.count("''"):
        return False
    return True


MAX_POOL = 2000  # candidate sentences per story
SMALL_STORY = 6  # articles; up to this size, sources take turns
WORD_CONCEPTS_UP_TO = 3  # articles; up to this size, shared content words are concepts as well as bigrams
HEADLINE_COVERED = 0.35  # a headline this similar to a body sentence of its own article is covered by it
# In a small story each source tends to carry its own event, and a headline its body never states
# is that event (the lead was lost to the scrape): it is preferred for its article's turn.
HEADLINE_BONUS = 0.4
REDUNDANCY_CUT = 0.5  # cosine above which a sentence repeats one already chosen
REDUNDANCY_CUT_SMALL = 0.4  # the same, on story-IDF-weighted terms (stories of up to SMALL_STORY articles)
# Exact selection in a big story: an integer program over this many best candidates (more when
# the budget holds more than a quarter of them), solved to within 1% of the optimum or this many
# branch-and-bound nodes (deterministic, unlike a clock).
ILP_CANDIDATES = 50
ILP_GAP = 0.01
ILP_NODES = 200

_STEM_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    for suffix in _STEM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _concepts(text: str, with_words: bool = False) -> set[tuple[str, ...]]:
    """Stemmed word bigrams that are not both stop words; with `with_words`, also stemmed content
    words of three letters or more (as 1-tuples)."""
    toks = words(text)
    out: set[tuple[str, ...]] = set()
    for a, b in zip(toks, toks[1:]):
        if a in STOPWORDS and b in STOPWORDS:
            continue
        out.add((_stem(a), _stem(b)))
    if with_words:
        out.update((_stem(a),) for a in toks if len(a) >= 3 and a not in STOPWORDS)
    return out


def _word_weight(df: int, n_articles: int) -> float:
    """A content word's concept weight: the articles that carry it, like a bigram, discounted by
    story IDF against a word two articles share, so the story's protagonists, named in every
    article, do not outweigh what only some sources report (in a pair both weigh 2)."""
    return float(df * _story_idf(df, n_articles) / _story_idf(2, n_articles))


def _story_idf(df, n_articles: int):
    """How few of a story's articles carry a term (a count or an array of counts)."""
    return np.log((n_articles + 1) / (df + 0.5))


def _matrix(bags: list[dict[str, float]]):
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, bag in enumerate(bags):
        norm = sum(v * v for v in bag.values()) ** 0.5 or 1.0
        for w, v in bag.items():
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
            vals.append(v / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(bags), max(1, len(vocab))))


def _story_idf_similarity(mat, art_vecs: np.ndarray) -> np.ndarray:
    """Sentence-by-sentence cosine with each term weighted by sqrt(story IDF)."""
    from scipy.sparse import diags

    n_articles = art_vecs.shape[0]
    df = (art_vecs > 0).sum(axis=0)
    weighted = mat @ diags(np.sqrt(_story_idf(df, n_articles)))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    weighted = diags(1.0 / norms) @ weighted
    return (weighted @ weighted.T).toarray()


def summarize_story(
    articles: list[Article],
    sentences: dict[str, list[Sentence]],
    options: Options = DEFAULT_OPTIONS,
    words: int | None = None,
    title: str | None = None,
    strict: bool = False,
) -> list[SummarySentence]:
    """A cited extractive summary of the articles (pass representatives only, not duplicate copies).

    A small story's greedy selection may overrun the budget by 15% to finish on a good sentence,
    unless `strict`; a big story's exact selection never overruns it."""
    budget = words or options.summary_words
    ceiling = budget if strict else budget * 1.15
    # A story with hundreds of articles: the sentence pool is capped (similarity is quadratic in
    # it) by taking each article's leading sentences, where news puts what happened.
    per_article = max((len(v) for v in sentences.values()), default=0)
    while per_article > 3 and sum(min(len(sentences.get(a.id, [])), per_article) for a in articles) > MAX_POOL:
        per_article -= 1
    all_sents: list[Sentence] = []
    owner: list[int] = []
    for pos, a in enumerate(articles):
        for s in sentences.get(a.id, [])[:per_article]:
            all_sents.append(s)
            owner.append(pos)
    if not all_sents:
        return []
    # Headlines: an outlet's own one-line summary. In a small story, one whose content its scraped
    # body never states (a lead lost to the scrape) may stand in the summary, cited to the title.
    headline_rows = []
    for pos, a in enumerate(articles if len(articles) <= SMALL_STORY else []):
        if a.title and _headline_like(a.title):
            headline_rows.append(len(all_sents))
            all_sents.append(Sentence(Span(a.id, 0, len(a.title), "title"), a.title, -1))
            owner.append(pos)
    bags = [weighted_bag(s.text) for s in all_sents]
    mat = _matrix(bags)
    sim = (mat @ mat.T).toarray()
    owner_arr = np.array(owner)
    n_articles = len(articles)
    # Headlines are candidates only: centrality, support and concept weights come from bodies.
    body_owner = owner_arr.copy()
    body_owner[headline_rows] = -1

    # Centroid: mean of article vectors, each article counted once.
    art_vecs = np.zeros((n_articles, mat.shape[1]))
    for pos in range(n_articles):
        rows = mat[body_owner == pos]
        if rows.shape[0]:
            v = np.asarray(rows.sum(axis=0)).ravel()
            art_vecs[pos] = v / (np.linalg.norm(v) or 1.0)
    centroid = art_vecs.sum(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centrality = mat @ centroid
    # Support: distinct other articles with a matching sentence.
    support = np.zeros(len(all_sents))
    for i in range(len(all_sents)):
        hits = body_owner[(sim[i] >= options.support_threshold) & (body_owner != owner_arr[i]) & (body_owner >= 0)]
        support[i] = len(set(hits.tolist()))
    # In a small story, redundancy is judged on what two sentences say beyond the story's
    # protagonists: terms found in most of its articles (its people, its place) are weighted down
    # by a story-level IDF, so "Lavrov met Tillerson in Manila" and "Lavrov phoned Tillerson" are
    # not one fact. In a big story, sentences sharing its names are far more often true repeats.
    small = n_articles <= SMALL_STORY
    if small:
        redundancy_sim, redundancy_cut = _story_idf_similarity(mat, art_vecs), REDUNDANCY_CUT_SMALL
    else:
        redundancy_sim, redundancy_cut = sim, REDUNDANCY_CUT
    title_words = {w for w in weighted_bag(title or "")}
    # A photo caption is often a whole sentence; the credit printed after it gives it away.
    captions = _caption_paragraphs(all_sents, owner)
    cands: list[int] = [
        i for i, s in enumerate(all_sents) if s.index >= 0 and is_candidate(s) and (owner[i], s.paragraph) not in captions
    ]
    for i in headline_rows:
        body = body_owner == owner[i]
        if body.any() and sim[i, body].max() < HEADLINE_COVERED:
            cands.append(i)
    if not cands:
        cands = list(range(len(all_sents)))
    scores = {}
    for i in cands:
        s = all_sents[i]
        pos_factor = 1.0 + 0.35 / (1 + max(0, s.index))
        t_overlap = len(title_words & bags[i].keys()) / (len(title_words) or 1)
        scores[i] = float(centrality[i]) * (1.0 + 0.45 * np.log1p(support[i])) * pos_factor + 0.15 * t_overlap

    # Concepts (ICSISumm-style): content bigrams, weighted by how many articles carry them. The
    # summary should cover as many heavily-shared concepts as its budget allows, each once.
    # Two or three articles share few bigrams (each outlet words the event its own way): there
    # the content words they share are concepts too. With more articles, shared words pull every
    # source's turn towards the story's most repeated event, and the events only one source
    # reports (a call, an offer) lose their place.
    with_words = n_articles <= WORD_CONCEPTS_UP_TO
    concepts = [_concepts(all_sents[i].text, with_words) for i in range(len(all_sents))]
    lengths = [len(s.text.split()) for s in all_sents]  # words per sentence
    df: dict[tuple[str, ...], set[int]] = {}
    for i, cs in enumerate(concepts):
        for c in cs:
            if body_owner[i] >= 0:
                df.setdefault(c, set()).add(owner[i])
    min_df = 2 if n_articles < 8 else 3
    weight = {c: float(len(arts)) if len(c) == 2 else _word_weight(len(arts), n_articles)
              for c, arts in df.items() if len(arts) >= min_df}

    selected: list[int] = []
    used_words = 0
    covered: set[tuple[str, ...]] = set()
    cited_articles: set[int] = set()
    remaining = set(cands)
    max_score = max(scores.values()) or 1.0
    # Concept weights count articles, so in a big story raw gains grow with its size and would
    # swamp centrality: there both terms are scaled by their best candidate. (In a small story
    # gains stay small and the sources' turns decide most picks.)
    gain_scale = 1.0
    coverage: dict[int, float] = {}  # a candidate's concept weight per word, before anything is covered
    if not small:
        coverage = {i: sum(weight.get(c, 0.0) for c in concepts[i]) / lengths[i] for i in cands}
        gain_scale = max(coverage.values(), default=0.0) or 1.0
    # In a small story every source tends to report its own event: no article gets a second
    # sentence while another article with candidates has none.
    has_candidates = {owner[i] for i in cands}
    passed_over: set[int] = set()
    if not small and options.summary_exact_selection:
        # A big story has no turns to take: pick the set of sentences that covers the most
        # concept weight (plus centrality) within the budget exactly, rather than greedily.
        exact = _select_exactly(cands, coverage, concepts, weight, lengths, scores, max_score, gain_scale,
                                redundancy_sim, redundancy_cut, budget, options.summary_centrality_weight)
        if exact:  # none found, or nothing fits the budget: greedy below (it may overrun by one sentence)
            selected, remaining = exact, set()
    while remaining and used_words < budget:
        best, best_val = None, -1e9
        waiting = small and bool(has_candidates - cited_articles - passed_over)
        for i in remaining:
            if waiting and owner[i] in cited_articles:
                continue
            redundancy = max((redundancy_sim[i, j] for j in selected), default=0.0)
            if redundancy > redundancy_cut:
                continue
            gain = sum(weight.get(c, 0.0) for c in concepts[i] - covered)
            novelty = 0.05 if owner[i] not in cited_articles else 0.0
            val = gain / lengths[i] / gain_scale + options.summary_centrality_weight * scores[i] / max_score + novelty
            if small and all_sents[i].index < 0:
                val += HEADLINE_BONUS
            if val > best_val:
                best, best_val = i, val
        if best is None:
            if waiting:  # the sources still waiting have only repeats left: their turn is over
                passed_over |= has_candidates - cited_articles
                continue
            break
        remaining.discard(best)
        if used_words + lengths[best] > ceiling and (selected or strict):
            continue
        selected.append(best)
        covered |= concepts[best]
        used_words += lengths[best]
        cited_articles.add(owner[best])

    chosen = set(selected)
    exhausted = all(i in chosen or max(redundancy_sim[i, j] for j in selected) > redundancy_cut for i in cands)
    if used_words < budget and selected and exhausted:
        # Every sentence that stands alone is in, or repeats one that is: the rest of the budget
        # goes to context (never past the budget: context must not push a chosen sentence out).
        used_words = _add_context(selected, used_words, budget, all_sents, owner, lengths, captions,
                                  redundancy_sim, redundancy_cut)

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
            idx = np.where(body_owner == pos)[0]
            if not len(idx):
                continue
            j = idx[np.argmax(sim[i, idx])]
            if sim[i, j] >= options.support_threshold:
                citations.append(all_sents[j].span)
        # A sentence of hard-wrapped prose spans the line breaks that `mask_page_furniture` turned
        # into spaces: it reads as one line (its span still holds the text as given).
        text = " ".join(s.text.split()) if "  " in s.text else s.text
        out.append(SummarySentence(text=text, span=s.span, citations=citations))
    return out


def _add_context(
    selected: list[int], used_words: int, ceiling: int, all_sents: list[Sentence], owner: list[int],
    lengths: list[int], captions: set[tuple[int, int]], redundancy_sim, redundancy_cut: float,
) -> int:
    """A story with little text runs out of sentences that stand alone before the budget is spent
    (its others are short, or open "And ..." or "He has been charged ..."). Printed right after a
    chosen sentence of the same article, in the article's order, such a sentence reads as its
    continuation, and a short one right before it as its lead-in (one that points back cannot open
    the pair): add those, article order, until none is left or the budget is spent. Returns the
    words used."""
    row = {(owner[i], s.index): i for i, s in enumerate(all_sents) if s.index >= 0}
    chosen = set(selected)
    added = True
    while added:
        added = False
        for i in sorted(chosen, key=lambda k: (owner[k], all_sents[k].index)):
            if all_sents[i].index < 0:
                continue  # a headline has no neighbours
            for step in (-1, 1):
                j = row.get((owner[i], all_sents[i].index + step))
                if j is None or j in chosen or (owner[j], all_sents[j].paragraph) in captions:
                    continue
                if not _reads_in_context(all_sents[j]) or used_words + lengths[j] > ceiling:
                    continue
                if step < 0 and _BAD_START.match(all_sents[j].text):
                    continue  # it would open the pair, pointing back to a sentence the summary lacks
                if max(redundancy_sim[j, k] for k in chosen) > redundancy_cut:
                    continue
                chosen.add(j)
                selected.append(j)
                used_words += lengths[j]
                added = True
    return used_words


def _select_exactly(
    cands: list[int],
    coverage: dict[int, float],
    concepts: list[set[tuple[str, ...]]],
    weight: dict[tuple[str, ...], float],
    lengths: list[int],
    scores: dict[int, float],
    max_score: float,
    gain_scale: float,
    redundancy_sim: np.ndarray,
    redundancy_cut: float,
    budget: int,
    centrality_weight: float,
) -> list[int] | None:
    """Gillick & Favre's concept ILP (ICSISumm): choose sentences s_i and covered concepts c_j to
    maximise sum(w_j c_j) + centrality, with c_j <= sum of the s_i that contain it, the words of
    the chosen sentences within the budget, and no two redundant sentences together. The greedy
    loop's per-word value is the same objective, taken one sentence at a time.

    None when the solver finds no solution (the caller falls back to greedy selection)."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import csr_matrix

    def density(i: int) -> float:  # the greedy loop's value of a sentence picked first
        return coverage[i] / gain_scale + centrality_weight * scores[i] / max_score

    # Enough candidates to fill the budget several times over, however long the summary asked for.
    typical = sorted(lengths[i] for i in cands)[len(cands) // 2] if cands else 1
    size = max(ILP_CANDIDATES, 4 * budget // max(1, typical))
    pool = sorted(cands, key=lambda i: (-density(i), i))[:size]
    n = len(pool)
    # Centrality counts per word, as in the greedy value (density times length).
    sentence_value = np.array([centrality_weight * scores[i] / max_score * lengths[i] for i in pool])
    holders: dict[tuple[str, ...], list[int]] = {}
    for k, i in enumerate(pool):
        for c in sorted(concepts[i]):  # a fixed variable order: the solver's path, and answer, depend on it
            if c in weight:
                holders.setdefault(c, []).append(k)
    shared: list[tuple[tuple[str, ...], list[int]]] = []
    for c, ks in holders.items():
        if len(ks) == 1:
            sentence_value[ks[0]] += weight[c] / gain_scale  # only this sentence has it: no variable needed
        else:
            shared.append((c, ks))
    m = len(shared)
    objective = -np.concatenate([sentence_value, [weight[c] / gain_scale for c, _ in shared]])
    rows, cols, vals = [0] * n, list(range(n)), [float(lengths[i]) for i in pool]  # row 0: the budget
    for j, (_, ks) in enumerate(shared):  # c_j - sum(s_i) <= 0
        rows += [1 + j] * (len(ks) + 1)
        cols += [n + j] + ks
        vals += [1.0] + [-1.0] * len(ks)
    first, second = np.nonzero(np.triu(redundancy_sim[np.ix_(pool, pool)] > redundancy_cut, 1))
    for q, (a, b) in enumerate(zip(first.tolist(), second.tolist())):  # s_a + s_b <= 1
        rows += [1 + m + q] * 2
        cols += [a, b]
        vals += [1.0, 1.0]
    n_rows = 1 + m + len(first)
    matrix = csr_matrix((vals, (rows, cols)), shape=(n_rows, n + m))
    upper = np.concatenate([[budget], np.zeros(m), np.ones(len(first))])
    result = milp(
        objective,
        constraints=[LinearConstraint(matrix, -np.inf, upper)],
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
        options={"mip_rel_gap": ILP_GAP, "node_limit": ILP_NODES, "time_limit": 10.0},
    )
    if result.x is None:
        return None
    return [pool[k] for k in range(n) if result.x[k] > 0.5]


def cut_to_words(sentences: list[SummarySentence], n: int) -> str:
    """The summary text cut at `n` words (the DUC convention)."""
    words = " ".join(s.text for s in sentences).split()
    return " ".join(words[:n])



# What the cleaner removes as a judgement on content rather than as page furniture: a paragraph
# off the article's main topic. Centrality judges those sentences; they are not masked.
_NOT_FURNITURE = frozenset({"unrelated-insert"})


def mask_page_furniture(text: str) -> str:
    """The text with each line that storyline's plain-text cleaner removes (navigation, related
    links, error pages, browser and embed notices, share and comment forms, credits, captions,
    datelines...) blanked out, and the line breaks of hard-wrapped prose (a PDF or an e-mail
    copied line by line) turned into spaces, character for character, so that offsets into the
    result index the given text. Input to `storyline summarize` is often a scrape nobody cleaned;
    those lines are never summary sentences, and a wrapped sentence is one sentence. Text the
    cleaner already cleaned passes through (nearly) unchanged."""
    from storyline.clean.text import clean_text, join_wrapped_lines, normalize_line

    # The cleaner reads the text as given: its lines are the joined lines below, wrapped lines included.
    removed = {r.text for r in clean_text(text).removed if r.reason not in _NOT_FURNITURE}
    joined = join_wrapped_lines(text)
    if not removed:
        return joined
    lines = joined.split("\n")
    masked = False
    for k, line in enumerate(lines):
        if line.strip() and normalize_line(line) in removed:
            lines[k] = " " * len(line)
            masked = True
    return "\n".join(lines) if masked else joined


def summarize_articles(
    articles: list[Article],
    options: Options = DEFAULT_OPTIONS,
    words: int | None = None,
    title: str | None = None,
    strict: bool = False,
) -> list[SummarySentence]:
    """Summarize a cluster of articles given as plain objects: near-duplicate copies are folded
    first (they never count as independent support), page furniture is masked
    (`mask_page_furniture`), then sentences are split and selected."""
    from storyline.analyze.sentences import split_sentences
    from storyline.dedup import find_duplicates

    find_duplicates(articles, options)
    representatives = [a for a in articles if a.duplicate_of is None]
    sentences = {a.id: split_sentences(a.id, mask_page_furniture(a.text)) for a in representatives}
    summary = summarize_story(representatives, sentences, options, words=words, title=title, strict=strict)
    # A copy says what its representative says: cite it too, but it never adds support.
    copies: dict[str, list[str]] = {}
    for a in articles:
        if a.duplicate_of is not None:
            copies.setdefault(a.duplicate_of, []).append(a.id)
    for s in summary:
        s.copies = [c for aid in s.sources for c in copies.get(aid, [])]
    return summary


def summarize_jsonl(in_path, out_path, words: int, options: Options = DEFAULT_OPTIONS, rewriter=None) -> dict[str, int]:
    """`storyline summarize`: rows {"id", "docs": [{"id", "text", "title"?, "date"?}]} → rows
    {"id", "summary", "sentences": [{"text", "sources", "citations"}]}, summary at most `words`
    words, one output row per input row in order (an "error" row when a cluster cannot be read).
    With a `rewriter` (storyline.rewrite), sentences are rewritten where the rewrite is traceable
    to their citations: those carry "rewritten_from", and the row lists "rewrite_rejected".
    Streams row by row; the output file appears atomically when done."""
    from storyline.jsonl import atomic_writer, read_lines

    lines = read_lines(in_path)
    stats = {"rows": 0, "errors": 0, "rewritten": 0, "rewrite_rejected": 0}
    with atomic_writer(out_path) as dst:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            stats["rows"] += 1
            try:
                row = _summarize_row(number, line, words, options, rewriter)
            except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError) as exc:
                # One cluster that breaks the summarizer is reported in its row; the batch goes on.
                row = {"id": _row_id(line), "error": f"row {number}: could not be summarized ({type(exc).__name__}: {exc})"}
            stats["errors"] += "error" in row
            stats["rewritten"] += sum(1 for s in row.get("sentences", []) if "rewritten_from" in s)
            stats["rewrite_rejected"] += len(row.get("rewrite_rejected", []))
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    return stats


def _row_id(line: str):
    from storyline.ingest.readers import load_json

    try:
        row = load_json(line)
    except ValueError:
        return None
    return row.get("id") if isinstance(row, dict) else None


def _summarize_row(number: int, line: str, words: int, options: Options, rewriter=None) -> dict:
    from storyline.clean.dates import parse_given_date
    from storyline.ingest.readers import load_json

    try:
        row = load_json(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"row {number}: invalid JSON ({exc.msg})"}
    if not isinstance(row, dict) or not isinstance(row.get("docs"), list):
        return {"id": row.get("id") if isinstance(row, dict) else None, "error": f"row {number}: no 'docs' list"}
    articles: list[Article] = []
    skipped: list[str] = []
    for k, doc in enumerate(row["docs"]):
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or not doc["text"].strip():
            skipped.append(f"doc {k}: no 'text' string")
            continue
        doc_id = str(doc.get("id") if doc.get("id") is not None else k)
        articles.append(Article(doc_id, f"row {number} doc {k}", doc["text"], doc.get("title") or None, date=parse_given_date(doc.get("date"))))
    if len({a.id for a in articles}) != len(articles):
        return {"id": row.get("id"), "error": f"row {number}: doc ids are not unique"}
    if not articles:
        return {"id": row.get("id"), "error": f"row {number}: no document with text"}
    summary = summarize_articles(articles, options, words=words, strict=True)
    rejected: list[tuple[str, str, str]] = []
    if rewriter is not None:
        from storyline.rewrite import rewrite_summary

        outcome = rewrite_summary(summary, articles, rewriter, words)
        summary, rejected = outcome.summary, outcome.rejected
    out = {
        "id": row.get("id"),
        "summary": " ".join(s.text for s in summary),
        "sentences": [
            {
                "text": s.text,
                "sources": s.sources,
                "copies": s.copies,
                "citations": [{"article_id": c.article_id, "start": c.start, "end": c.end, "field": c.field} for c in s.citations],
                **({"rewritten_from": s.rewritten_from} if s.rewritten_from is not None else {}),
            }
            for s in summary
        ],
    }
    if rewriter is not None:
        out["rewrite_rejected"] = [{"text": t, "proposed": p, "reason": r} for t, p, r in rejected]
    if skipped:
        out["skipped"] = skipped
    return out
