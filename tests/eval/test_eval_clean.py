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
    assert names[:4] == ["storyline", "storyline clean (pile templates)", "keep everything", "lines >= 8 words"]
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


def test_the_pile_row_scores_storyline_clean_with_the_template_lines_it_learns(tmp_path):
    """A site's slogan above every article reads like a sentence: one page alone cannot tell it from
    the story, the pile can (`storyline clean` learns it as a template line)."""
    slogan = "The Harbour Times is the independent voice of the northern coast since the year 1921."
    places = ["Eastbank", "Northgate", "Millbrook", "Saltmarsh", "Kingsford", "Ashcombe"]
    path = tmp_path / "pile.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, place in enumerate(places):
            body = [
                f"The {place} council approved a new budget for its district on Tuesday after a debate of {i + 3} hours.",
                f"Members in {place} voted {i + 7} to four in favour of the plan, which includes funding for new roads.",
                f"The {place} authority said construction of the first bridge would begin in the spring of {2030 + i}.",
                f"Residents of {place} will be able to comment on the plan at a public meeting in the town hall next month.",
            ]
            text = "\n".join(["Home", slogan] + body + ["Privacy Policy"])
            fh.write(json.dumps({"id": f"p{i}", "text": text, "expected_text": "\n".join(body)}) + "\n")
    report = run_clean_eval(path, peers=False)
    alone, pile = report.score("storyline"), report.score("storyline clean (pile templates)")
    assert pile.metrics["precision"] > alone.metrics["precision"]
    assert pile.metrics["recall"] == alone.metrics["recall"] == 1.0
