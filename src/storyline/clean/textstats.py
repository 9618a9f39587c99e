"""Small text statistics shared by cleaning, clustering and summarization: tokens, stop words,
and background word weights (how informative a word is in general English).

Background weights come from `wordfreq` (frequency lists shipped inside the PyPI package, so they
work offline); without it a flat weight is used. They replace corpus IDF on small piles, where
IDF computed over five articles makes the words the articles share look worthless.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being below
    between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
    from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
    his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
    not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's these they they'd
    they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were
    weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't you
    you'd you'll you're you've your yours yourself yourselves said says say will would may might must shall been also
    its into upon since just than while whose among amid per via s t""".split()
)


# For ASCII text: every byte that is not a word character (`\\w` is [A-Za-z0-9_] there) becomes a
# space and every capital its small letter, in one C pass; splitting on spaces then gives the tokens.
_ASCII_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_ASCII_TOKEN_TABLE = bytes(ord(chr(b).lower()) if b in _ASCII_WORD_BYTES else 32 for b in range(256))


def tokens(text: str) -> list[str]:
    """Lower-cased `\\w+` tokens (the tokenization of the evaluation metric)."""
    if text.isascii():  # the same tokens, a third faster than the pattern
        return text.encode("ascii").translate(_ASCII_TOKEN_TABLE).decode("ascii").split()
    return TOKEN_RE.findall(text.lower())


def words(text: str) -> list[str]:
    """Lower-cased alphabetic words (no numbers)."""
    found = WORD_RE.findall(text.lower())
    return [w.replace("’", "'") for w in found] if "’" in text else found


def stop_ratio(toks: list[str]) -> float:
    return sum(map(STOPWORDS.__contains__, toks)) / len(toks) if toks else 0.0


@lru_cache(maxsize=4)
def _zipf_lookup(lang: str = "en"):
    """wordfreq's Zipf lookup for `lang`, or None without wordfreq.

    Plain ASCII words are read straight from wordfreq's frequency table with its own rounding
    (3 significant digits, then Zipf to 2 decimals): the same number `zipf_frequency` returns,
    without its tokenizer, which dominated cleaning time on words not seen before. Other words
    (apostrophes, accents, digits) go through `zipf_frequency` itself."""
    try:
        from wordfreq import get_frequency_dict, zipf_frequency
    except ImportError:  # optional: flat weights
        return None
    table = get_frequency_dict(lang, "best")

    def lookup(word: str) -> float:
        if not (word.isascii() and word.isalpha()):
            return zipf_frequency(word, lang)
        freq = table.get(word)
        if not freq:
            return 0.0
        freq = round(freq, math.floor(-math.log10(freq)) + 3)
        return round(math.log10(freq) + 9, 2)

    return lookup


WEIGHT_CACHE_SIZE = 200_000  # words remembered per language; the cache starts afresh when full (memory stays bounded)
_WEIGHTS: dict[str, dict[str, float]] = {}  # language -> word -> weight


def word_weight(word: str, lang: str = "en") -> float:
    """Informativeness of a word in general language: ~0 for "the", ~1 for rare names.

    `8 - zipf` rescaled, where zipf is log10 of frequency per billion words (wordfreq).
    Unknown words (names, typos) get the maximum weight. Remembered in a plain dict of str to
    float, which Python's cycle collector never has to scan (an `lru_cache` of this size kept a
    list per word that every full collection walked)."""
    cache = _WEIGHTS.get(lang)
    if cache is None:
        cache = _WEIGHTS[lang] = {}
    weight = cache.get(word)
    if weight is None:
        if len(cache) >= WEIGHT_CACHE_SIZE:
            cache.clear()
        weight = cache[word] = _word_weight(word, lang)
    return weight


def _word_weight(word: str, lang: str) -> float:
    if word in STOPWORDS or len(word) < 2:
        return 0.0
    zipf = _zipf_lookup(lang)
    if zipf is None:
        return 1.0
    z = zipf(word)
    if z <= 0:
        return 1.0
    return max(0.0, min(1.0, (7.0 - z) / 5.0))


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def word_counts(text: str) -> dict[str, int]:
    """How often each content word occurs: the raw material of `weighted_bag`. Counts of parts add
    up to the counts of the whole, so a text's bag can be built from its paragraphs' counts."""
    counts: dict[str, int] = {}
    for w in content_words(text):
        counts[w] = counts.get(w, 0) + 1
    return counts


def content_words_of_tokens(text: str, toks: list[str]) -> list[str]:
    """`content_words(text)` from the text's `tokens` (already lower-cased `\\w+` runs), without a
    second pass of the word pattern over the text: a token of letters only is one word, any other
    token holds the words the pattern finds in it. Text with an apostrophe, where a word may span
    two tokens ("don't"), goes the long way."""
    if "'" in text or "’" in text:
        return content_words(text)
    out: list[str] = []
    for t in toks:
        if t.isalpha():
            if len(t) > 1 and t not in STOPWORDS:
                out.append(t)
        else:
            out.extend(w for w in WORD_RE.findall(t) if len(w) > 1 and w not in STOPWORDS)
    return out


def count_words(word_lists) -> dict[str, int]:
    """How often each word of several word lists occurs, in order of first occurrence (the order
    `word_counts` gives): counted by `Counter`'s C loop, so the bag of a page's body costs little
    more than its words."""
    return Counter(chain.from_iterable(word_lists))


_SUBLINEAR = [0.0] + [1.0 + math.log(c) for c in range(1, 64)]  # 1 + log(count), computed once


def bag_of_counts(counts: dict[str, int]) -> dict[str, float]:
    """Sublinear counts weighted by background informativeness."""
    sublinear = _SUBLINEAR
    known = _WEIGHTS.get("en", {}).get  # words weighed before (most of them), without a call each
    bag: dict[str, float] = {}
    for w, c in counts.items():
        weight = known(w)
        if weight is None:
            weight = word_weight(w)
        if weight > 0:
            bag[w] = (sublinear[c] if c < 64 else 1.0 + math.log(c)) * weight
    return bag


def weighted_bag(text: str) -> dict[str, float]:
    """Bag of content words weighted by background informativeness (a small-pile TF-IDF)."""
    return bag_of_counts(word_counts(text))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if dot == 0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)
