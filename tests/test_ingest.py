import gzip
import importlib
import io
import json

from storyline.ingest import iter_inputs
from storyline.model import InputError, RawDocument


def collect(paths, stdin=None):
    items = list(iter_inputs([str(p) for p in paths], stdin=stdin))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, InputError)]


def test_directory_is_read_recursively_and_unsupported_files_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Some article text here.", encoding="utf-8")
    (tmp_path / "two.html").write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs, errors = collect([tmp_path])
    assert sorted(d.source.rsplit("/", 1)[-1] for d in docs) == ["one.txt", "two.html"]
    assert [d for d in docs if d.source.endswith("two.html")][0].html is not None
    assert len(errors) == 1 and "unsupported" in errors[0].reason


def test_one_path_given_as_a_string_is_one_path(tmp_path):
    (tmp_path / "one.txt").write_text("Some article text here.", encoding="utf-8")
    items = list(iter_inputs(str(tmp_path)))
    assert [i.source for i in items] == [str(tmp_path / "one.txt")]


def test_hidden_entries_are_not_inputs_and_an_unreadable_folder_is_an_error(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: main", encoding="utf-8")
    (tmp_path / ".notes.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Some article text here.", encoding="utf-8")
    real_walk = __import__("os").walk

    def walk_with_a_locked_folder(top, onerror=None, **kw):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, **kw)

    readers = importlib.import_module("storyline.ingest.readers")
    monkeypatch.setattr(readers.os, "walk", walk_with_a_locked_folder)
    docs, errors = collect([tmp_path])
    assert [d.source for d in docs] == [str(tmp_path / "one.txt")]
    assert [(e.source, e.reason) for e in errors] == [(str(tmp_path / "locked"), "cannot read: Permission denied")]


def test_jsonl_rows_bad_rows_and_gzip(tmp_path):
    rows = [
        json.dumps({"id": "r1", "text": "First article.", "title": "T1", "date": "2020-01-02", "lang_hint": "en"}),
        "{not json",
        json.dumps({"id": "r3", "html": "<p>Third</p>"}),
        json.dumps({"id": "r4"}),
    ]
    path = tmp_path / "pile.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    docs, errors = collect([path])
    assert [d.given_id for d in docs] == ["r1", "r3"]
    assert docs[0].title == "T1" and docs[0].date == "2020-01-02" and docs[0].extra == {"lang_hint": "en"}
    assert docs[0].source.endswith(":row 1") and docs[1].html == "<p>Third</p>"
    assert [e.source.rsplit(":", 1)[-1] for e in errors] == ["row 2", "row 4"]


def test_json_array_file(tmp_path):
    path = tmp_path / "pile.json"
    path.write_text(json.dumps([{"text": "a"}, {"text": "b"}]), encoding="utf-8")
    docs, errors = collect([path])
    assert len(docs) == 2 and not errors


def test_stdin_jsonl():
    docs, errors = collect(["-"], stdin=io.StringIO('{"text": "from stdin"}\n'))
    assert docs[0].text == "from stdin" and docs[0].source == "<stdin>:row 1"


def test_bad_files_become_errors_and_the_rest_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 na pra\xe7a, S\xe3o Paulo, ontem \xe0 noite.".encode("latin-1"))
    (tmp_path / "nul.txt").write_bytes(b"Hello\x00 world, this has a NUL byte.")
    (tmp_path / "broken.jsonl.gz").write_bytes(b"not gzip at all")
    docs, errors = collect([tmp_path, tmp_path / "missing.txt"])
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in docs}
    assert "São Paulo" in by_name["latin1.txt"].text
    assert by_name["nul.txt"].text == "Hello world, this has a NUL byte."
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "broken.jsonl.gz" in reasons
    assert reasons["missing.txt"] == "no such file or directory"


def test_mojibake_is_repaired(tmp_path):
    (tmp_path / "m.txt").write_text("Lavrovâ€™s statement was clear.", encoding="utf-8")
    docs, _ = collect([tmp_path / "m.txt"])
    assert docs[0].text == "Lavrov’s statement was clear."


def test_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        body = b"<html><body><p>Archived page text.</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record("http://example.org/news/1", "response", payload=io.BytesIO(body), http_headers=headers))
    docs, errors = collect([path])
    assert len(docs) == 1 and docs[0].url == "http://example.org/news/1" and "Archived page text." in docs[0].html


def test_json_nested_too_deeply_is_one_bad_row_not_a_crash(tmp_path, row_nested_too_deeply):
    from tests.conftest import TOO_DEEP

    deep = row_nested_too_deeply("text")
    (tmp_path / "pile.jsonl").write_text(deep + "\n" + json.dumps({"id": "ok", "text": "The dam held on Tuesday."}) + "\n")
    (tmp_path / "deep.json").write_text(TOO_DEEP)
    items = list(iter_inputs([str(tmp_path)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [i.text for i in items if isinstance(i, RawDocument)] == ["The dam held on Tuesday."]
    assert len(errors) == 2 and all("nested too deeply" in e.reason for e in errors)
