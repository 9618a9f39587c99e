import pytest

from storyline.eval.metrics import bcubed, extraction_scores, rouge, shingle_pr, shingles


def test_shingles_are_lowercased_word_4grams():
    assert shingles("The cat, sat on") == {("the", "cat", "sat", "on")}
    assert shingles("too short") == set()


def test_shingle_precision_recall():
    gold = "one two three four five six"
    assert shingle_pr(gold, gold) == (1.0, 1.0)
    p, r = shingle_pr("one two three four five six seven eight", gold)
    assert r == 1.0 and p == pytest.approx(3 / 5)
    assert shingle_pr("", gold) == (0.0, 0.0)
    assert shingle_pr("", "") == (1.0, 1.0)


def test_extraction_scores_average_then_f1():
    s = extraction_scores([("a b c d e", "a b c d e"), ("", "a b c d e")])
    assert s["precision"] == pytest.approx(0.5) and s["recall"] == pytest.approx(0.5)
    assert s["pages_f1_0.9"] == pytest.approx(0.5)


def test_bcubed_known_values():
    assert bcubed([1, 1, 2, 2], ["a", "a", "b", "b"])["bcubed_f1"] == pytest.approx(1.0)
    s = bcubed([1, 1, 1, 1], ["a", "a", "b", "b"])
    assert s["bcubed_precision"] == pytest.approx(0.5) and s["bcubed_recall"] == pytest.approx(1.0)
    s = bcubed([1, 2, 3, 4], ["a", "a", "b", "b"])
    assert s["bcubed_precision"] == pytest.approx(1.0) and s["bcubed_recall"] == pytest.approx(0.5)
    assert s["pairwise_f1"] == 0.0
    with pytest.raises(ValueError):
        bcubed([1], [1, 2])


def test_rouge_with_stemming_and_word_cut():
    pytest.importorskip("rouge_score")
    s = rouge("The ministers meeting in Manila", ["The minister meets in Manila"])
    assert s["rouge1_recall"] == pytest.approx(1.0)
    cut = rouge("Manila ministers met", ["ministers met"], words=1)
    assert cut["rouge1_recall"] == 0.0
