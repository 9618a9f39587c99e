import json

import pytest

from storyline.eval.summarize import run_summarize_eval
from tests.test_summarize_batch import DOCS


def test_eval_summarize_runs_peers_and_oracle(tmp_path):
    pytest.importorskip("rouge_score")
    path = tmp_path / "s.jsonl"
    ref = "A spillway gate at the Kessler Dam failed and 640 residents of Eastbank were evacuated; a panel will investigate."
    path.write_text(json.dumps({"id": "c1", "docs": DOCS, "references": [ref]}) + "\n")
    report = run_summarize_eval(path, words=30)
    names = [r.system for r in report.rows]
    assert names[0] == "storyline" and "lead" in names and "oracle (ceiling)" in names
    oracle = report.score("oracle (ceiling)").metrics["rouge2_recall"]
    assert oracle >= max(r.metrics["rouge2_recall"] for r in report.rows) - 1e-9
    assert report.score("storyline").metrics["rouge1_recall"] > 0.3


def test_eval_summarize_command_prints_each_systems_speed_relative_to_storyline(tmp_path):
    """The speed target is a ratio to sumy LexRank measured in the same run: the table prints it."""
    pytest.importorskip("rouge_score")
    from typer.testing import CliRunner

    from storyline.cli import app

    path = tmp_path / "s.jsonl"
    ref = "A spillway gate at the Kessler Dam failed and 640 residents of Eastbank were evacuated."
    path.write_text(json.dumps({"id": "c1", "docs": DOCS, "references": [ref]}) + "\n")
    result = CliRunner().invoke(app, ["eval", "summarize", str(path), "--words", "30"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "storyline ×" in result.output
    row = next(line for line in result.output.splitlines() if line.strip("│ ").startswith("storyline "))
    assert row.rstrip(" │").endswith(" 1")  # storyline against itself


def test_the_evaluated_summary_fits_the_word_limit_it_is_cut_at():
    """The protocol cuts every summary at N words: storyline is asked for whole sentences within
    N (not the product's 15% overrun, whose last sentence the cut would break off mid-way)."""
    from storyline.eval.summarize import storyline_summary
    from storyline.model import Article
    from storyline.summarize import summarize_articles

    arts = [Article(d["id"], d["id"], d["text"], d.get("title"), date=d["date"]) for d in DOCS]
    limits = (25, 40, 55, 65)
    for words in limits:
        assert len(storyline_summary(arts, words).split()) <= words
    assert any(  # the product's own default may overrun the same limits
        sum(len(s.text.split()) for s in summarize_articles(arts, words=w)) > w for w in limits
    )
