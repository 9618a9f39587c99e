import gzip
import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.eval.clean import run_clean_eval

BODY = [
    "The city council approved a new budget for the harbour district on Tuesday after a long debate.",
    "Council members voted eleven to four in favour of the plan, which includes funding for new ferries.",
    "The harbour authority said construction of the first ferry terminal would begin next spring.",
]


def dataset(tmp_path, n=4):
    path = tmp_path / "set.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(n):
            text = "\n".join(["Home", "Log in", "Share this article"] + BODY + ["Privacy Policy", "Contact us"])
            fh.write(json.dumps({"id": f"x{i}", "text": text, "expected_text": "\n".join(BODY)}) + "\n")
    return path


def test_storyline_beats_keep_everything_and_reports_peers(tmp_path):
    report = run_clean_eval(dataset(tmp_path))
    names = [r.system for r in report.rows]
    assert names[:3] == ["storyline", "keep everything", "lines >= 8 words"]
    ours, keep = report.score("storyline"), report.score("keep everything")
    assert ours.metrics["f1"] > keep.metrics["f1"]
    assert ours.metrics["recall"] == 1.0
    assert report.failures() == []


def test_eval_clean_command_writes_json_and_fails_the_gate(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "\n".join(BODY), "expected_text": "something else entirely here now"}) + "\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["eval", "clean", str(path), "--no-peers", "--json", str(out)])
    assert result.exit_code == 1
    data = json.loads(out.read_text())
    assert data["failures"] and data["systems"][0]["system"] == "storyline"
