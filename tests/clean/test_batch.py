"""`storyline clean --in/--out`: one output row per input row, in order, bad rows get an error."""

import gzip
import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.clean.batch import clean_jsonl

ARTICLE = "\n\n".join(
    [
        "Home",
        "Log in",
        "Harbour council approves ferry budget",
        "The city council approved a new budget for the harbour district on Tuesday after a long debate.",
        "Council members voted eleven to four in favour of the plan, which includes funding for new ferries.",
        "The harbour authority said construction of the first ferry terminal would begin next spring.",
        "Privacy Policy",
    ]
)
HTML = (
    "<html><head><title>Ferry budget approved</title></head><body><nav><a href='/'>Home</a></nav><article>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[3:6])
    + "</article></body></html>"
)


def write_rows(path, lines):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "wb") as fh:
        for line in lines:
            fh.write(line if isinstance(line, bytes) else line.encode("utf-8"))
            fh.write(b"\n")


def read_rows(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_rows_in_order_with_errors_and_extra_fields(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    nested = "<div>" * 10_000 + "<p>" + ARTICLE.split("\n\n")[3] + "</p>" + "</div>" * 10_000
    write_rows(
        src,
        [
            json.dumps({"id": "a", "text": ARTICLE, "feed": "harbour"}),
            json.dumps({"id": "b", "html": HTML}),
            "{not json",
            json.dumps({"id": "d"}),
            json.dumps({"id": "e", "text": "Home\n\nLog in\n\nPrivacy Policy"}),
            json.dumps({"id": "f", "text": ARTICLE}).encode("utf-8").replace(b"harbour", b"harb\xf6ur"),
            json.dumps({"id": "g", "html": nested}),
            json.dumps({"id": "h", "text": "\x00\x01\x02\x03" * 100}),
        ],
    )
    out = tmp_path / "out.jsonl"
    stats = clean_jsonl(src, out)
    rows = read_rows(out)
    assert [r.get("id") for r in rows] == ["a", "b", None, "d", "e", "f", "g", "h"]
    assert stats.rows == 8
    a, b, bad_json, no_text, empty, latin, deep, binary = rows
    assert "approved a new budget" in a["text"] and "Log in" not in a["text"]
    assert a["title"] == "Harbour council approves ferry budget"
    assert a["feed"] == "harbour"  # other input fields are kept
    assert {"text": "Log in", "reason": "login"} in a["removed"]
    assert a["language"] == "en"
    assert "approved a new budget" in b["text"]
    assert "invalid JSON" in bad_json["error"] and bad_json["source"].endswith("row 3")
    assert "neither" in no_text["error"]
    assert "no article text" in empty["error"]
    assert "council approved" in latin["text"]  # a Latin-1 line is decoded on its own
    assert "error" in deep or "approved a new budget" in deep["text"]
    assert "error" in binary
    assert stats.errors == sum("error" in r for r in rows)


def test_gzip_output_and_no_partial_file_on_missing_input(tmp_path):
    src = tmp_path / "in.jsonl"
    write_rows(src, [json.dumps({"id": "a", "text": ARTICLE})])
    out = tmp_path / "out.jsonl.gz"
    clean_jsonl(src, out)
    assert read_rows(out)[0]["id"] == "a"
    runner = CliRunner()
    result = runner.invoke(app, ["clean", "--in", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2
    assert not (tmp_path / "x.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_clean_command(tmp_path):
    src = tmp_path / "in.jsonl"
    write_rows(src, [json.dumps({"id": "a", "text": ARTICLE}), "[]"])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["clean", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_rows(out)
    assert len(rows) == 2 and "error" in rows[1]


def test_a_row_nested_too_deeply_is_an_error_row(deep_row_then_good_row):
    rows = deep_row_then_good_row(clean_jsonl)
    assert "nested too deeply" in rows[0]["error"] and rows[1]["id"] == "ok" and "error" not in rows[1]
