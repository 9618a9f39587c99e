import json

from typer.testing import CliRunner

import storyline
from storyline.cli import app
from storyline.model import RawDocument

HOSTILE = (
    "Hostile Page About The Harbour Ferry Plan\n\n"
    "The harbour council <script>alert('x')</script> approved the ferry plan on Tuesday after a long and heated debate.\n\n"
    'Critics posted <img src=x onerror="alert(1)"> and <a href="javascript:alert(2)">links</a> during the council debate on ferries.\n\n'
    "The ferry plan will cost the harbour district about four million euros over the next five years, officials said."
)


def test_reports_escape_hostile_content(tmp_path):
    result = storyline.run_pipeline([RawDocument(source="evil.txt", text=HOSTILE)])
    paths = storyline.write_reports(result, tmp_path)
    html = paths["html"].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    assert "<script" not in html.lower().replace("&lt;script", "")  # the report itself has no scripts
    assert "http://" not in html and "https://" not in html  # self-contained
    md = paths["md"].read_text(encoding="utf-8")
    assert "<script>" not in md


def test_reports_count_in_words(tmp_path):
    """One story is "1 story" in every report, not "1 stories"."""
    from storyline.report.terminal import print_digest
    from rich.console import Console

    result = storyline.run_pipeline([RawDocument(source="one.txt", text=HOSTILE)])
    paths = storyline.write_reports(result, tmp_path)
    console = Console(record=True, width=200)
    print_digest(result, console)
    for text in (paths["html"].read_text(encoding="utf-8"), paths["md"].read_text(encoding="utf-8"), console.export_text()):
        assert "1 article" in text and "1 story" in text and "1 source" in text
        assert "1 stories" not in text and "1 sources" not in text and "1 articles" not in text


def test_json_schema(tmp_path, examples_dir):
    result = storyline.digest([str(examples_dir)])
    storyline.write_reports(result, tmp_path)
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == "1.0"
    a = data["articles"][0]
    assert {"id", "source", "title", "publisher", "date", "date_source", "language", "text", "removed"} <= set(a)
    s = data["stories"][0]
    assert {"id", "title", "article_ids", "summary", "timeline", "entities", "quotes"} <= set(s)
    texts = {x["id"]: x["text"] for x in data["articles"]}
    for sent in s["summary"]:
        assert sent["sources"]
        for c in sent["citations"]:
            assert texts[c["article_id"]][c["start"] : c["end"]]
    for q in s["quotes"]:
        assert texts[q["article_id"]][q["start"] : q["end"]] == q["text"]
    assert {"speaker", "text", "article_id", "date"} <= set(s["quotes"][0])
    assert data["duplicates"] and data["duplicates"][0]["copies"][0]["source"].endswith("03_dailybuzzhub_repost.txt")


def test_example_pile_stories(examples_dir):
    result = storyline.digest([str(examples_dir)])
    assert len(result.stories) == 2  # the dam failure and the unrelated bakery prize
    dam = result.stories[0]
    assert len([a for a in dam.article_ids if not result.article(a).duplicate_of]) == 3
    marchenko = [e for e in dam.entities if e.name.endswith("Marchenko")]
    assert len(marchenko) == 1 and {"Aleksei Marchenko", "Alexei Marchenko"} <= {marchenko[0].name, *marchenko[0].aliases}
    assert "2025-10-13" in {t.date for t in dam.timeline}  # "on Monday" in an article of Tuesday 14 October
    for a in result.articles:
        assert "Lana Vey" not in a.text and "Donate" not in a.text and "Log in" not in a.text


def test_cli_digest_writes_reports(tmp_path, examples_dir):
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["digest", str(examples_dir), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "stories" in res.output
    assert {p.name for p in out.iterdir()} == {"report.json", "report.md", "report.html"}


def test_cli_no_usable_input(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    res = CliRunner().invoke(app, ["digest", str(tmp_path)])
    assert res.exit_code == 1 and "empty file" in " ".join(res.output.split())


def test_cli_help_lists_commands():
    res = CliRunner().invoke(app, ["--help"])
    assert res.exit_code == 0 and "digest" in res.output


def test_cli_lists_every_command():
    res = CliRunner().invoke(app, ["--help"])
    for command in ("digest", "clean", "cluster", "summarize", "timeline", "quotes", "eval"):
        assert command in res.output


def test_cli_timeline(examples_dir):
    res = CliRunner().invoke(app, ["timeline", str(examples_dir)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Kessler" in res.output or "spillway" in res.output
    assert "2025-" in res.output


def test_cli_quotes_filter_by_speaker_variant(examples_dir):
    res = CliRunner().invoke(app, ["quotes", str(examples_dir), "--speaker", "marchenko"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "Marchenko" in res.output and "evacuation worked" in res.output
    assert "Vandermeer" not in res.output
    res = CliRunner().invoke(app, ["quotes", str(examples_dir), "--speaker", "Nobody Atall"])
    assert res.exit_code == 0 and "No quotes by Nobody Atall" in res.output


def test_speaker_matching():
    from storyline.report.terminal import matches_speaker

    aliases = {"Sergei Lavrov": ["Sergey Lavrov", "Lavrov"]}
    assert matches_speaker("Sergei Lavrov", "sergey lavrov", aliases)
    assert matches_speaker("Sergei Lavrov", "LAVROV", aliases)
    assert not matches_speaker("Sergei Lavrov", "Sergei Shoigu", aliases)
    assert not matches_speaker(None, "lavrov", aliases)
