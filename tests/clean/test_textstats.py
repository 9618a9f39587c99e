"""Word weights: the direct wordfreq table lookup gives exactly what `zipf_frequency` gives."""

import math
from pathlib import Path

import pytest

from storyline.clean.textstats import _zipf_lookup, word_weight, words

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "varnholm"


def test_table_lookup_equals_zipf_frequency_on_real_words():
    wordfreq = pytest.importorskip("wordfreq")
    vocabulary = {w for path in EXAMPLES.iterdir() for w in words(path.read_text(encoding="utf-8", errors="replace"))}
    vocabulary |= set(wordfreq.top_n_list("en", 5000)) | {"the", "said", "lavrov", "don't", "café", "x", "qwzxv", "sourdough"}
    lookup = _zipf_lookup("en")
    assert len(vocabulary) > 5000
    for word in vocabulary:
        assert lookup(word) == wordfreq.zipf_frequency(word, "en"), word


def test_word_weight_orders_common_below_rare():
    assert word_weight("the") == 0.0
    assert word_weight("minister") < word_weight("sourdough") <= word_weight("qwzxv") == 1.0


def test_content_words_from_tokens_equal_content_words():
    from storyline.clean.textstats import content_words, content_words_of_tokens, count_words, tokens, word_counts

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in EXAMPLES.iterdir()]
    texts += [
        "x² über 3rd naïve_test ½cup Ⅻ ǅ İstanbul ΣΑΣ straße a_b c1d2 ٣abc",  # digits, underscores, odd letters
        "Lavrov's talks don't end: the minister’s aide said so",  # apostrophes: a word across two tokens
        "COVID19 covid-19 B2B 2017-08-06 16:34",
    ]
    for text in texts:
        for line in text.split("\n"):
            assert content_words_of_tokens(line, tokens(line)) == content_words(line), line
            counts = count_words([content_words_of_tokens(line, tokens(line))])
            assert list(counts.items()) == list(word_counts(line).items()), line  # same counts, same order


def test_word_weight_cache_stays_bounded_and_gives_the_same_weights(monkeypatch):
    from storyline.clean import textstats

    monkeypatch.setattr(textstats, "WEIGHT_CACHE_SIZE", 3)
    monkeypatch.setattr(textstats, "_WEIGHTS", {})
    sample = ["minister", "sourdough", "qwzxv", "the", "talks", "minister"]
    first = [word_weight(w) for w in sample]
    assert len(textstats._WEIGHTS["en"]) <= 3  # started afresh when full
    assert [word_weight(w) for w in sample] == first == [textstats._word_weight(w, "en") for w in sample]
    assert textstats.bag_of_counts({"sourdough": 2, "the": 1}) == {"sourdough": (1 + math.log(2)) * word_weight("sourdough")}


def test_tokens_of_ascii_text_equal_the_pattern_s():
    import re

    from storyline.clean.textstats import tokens

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in EXAMPLES.iterdir()]
    texts += [
        "Lavrov's talks DON'T end: the_minister said \"so\" -- 16:34 06.08.2017 (updated) a\tb\x0bc\x1cd\x1fe\x7ff",
        "COVID19 covid-19 B2B x__y __ [x] {y} @z #w ~v |u",
        "",
        "über 3rd",  # not ASCII: the pattern itself
    ]
    ascii_seen = 0
    for text in texts:
        for line in text.split("\n"):
            ascii_seen += line.isascii()
            assert tokens(line) == re.findall(r"\w+", line.lower()), line
    assert ascii_seen > 50
