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
