"""The store: idempotent ingest, stable story ids, migrations, crash safety (kill -9 mid-ingest)."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from storyline.store import SCHEMA_VERSION, Store, StoreError, connect, ingest


def test_ingest_is_idempotent_and_story_ids_are_stable(tmp_path, examples_dir):
    db = tmp_path / "s.db"
    files = sorted(examples_dir.iterdir())
    first = ingest([str(f) for f in files[:2]], db)
    assert first["added"] == 2
    store = Store(db)
    ids_before = {s["id"]: s["title"] for s in store.story_list()}
    store.close()
    second = ingest([str(examples_dir)], db)
    assert second["already_stored"] == 2 and second["added"] == len(files) - 2
    again = ingest([str(examples_dir)], db)
    assert again["added"] == 0
    store = Store(db)
    assert store.counts()["articles"] == len(files)
    stories = {s["id"] for s in store.story_list()}
    assert set(ids_before) <= stories  # stories that existed keep their ids
    dam = next(s for s in store.story_list() if "Kessler" in s["title"] or "Varnholm" in s["title"])
    story = store.story(dam["id"])
    assert len(story.article_ids) == 4  # three reports and the repost, folded as a copy
    assert sum(1 for a in store.articles(story.article_ids) if a.duplicate_of) == 1
    assert store.search("spillway")["articles"]
    assert store.search('"); DROP TABLE articles; --')["articles"] == []  # words, never FTS syntax
    store.close()


def test_schema_version_and_foreign_files(tmp_path):
    db = tmp_path / "s.db"
    connect(db).close()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with sqlite3.connect(db) as c:
        c.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        connect(db)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE x (y)")
    with pytest.raises(StoreError, match="not a storyline database"):
        connect(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        connect(junk)
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db")


def _pile(dir_path, n):
    """n distinct small articles about a handful of events (enough for many batches)."""
    towns = ["Orlavik", "Brennhof", "Castemar", "Dunmoor", "Elsgrad"]
    for i in range(n):
        town = towns[i % len(towns)]
        text = (
            f"Bridge opening in {town}\n\nThe mayor of {town} opened the new bridge on Saturday, article {i} reports. "
            f"Residents of {town} crossed the river on foot and the council said traffic would fall by a third. "
            f"Engineers worked on the {town} bridge for three years, reporter number {i} was told."
        )
        (dir_path / f"a{i:04d}.txt").write_text(text)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return "\tZ" not in next(line for line in fh if line.startswith("State:"))
    except OSError:
        return False


@pytest.mark.parametrize("kill_after", [0.6, 1.2, 2.0])
def test_killed_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path, kill_after):
    pile = tmp_path / "pile"
    pile.mkdir()
    n = 240
    _pile(pile, n)
    db = tmp_path / "s.db"
    code = (  # with a pool of 2 workers for cleaning and story analysis, as on a big ingest
        "import sys; import storyline.store as s; s.PARALLEL_MIN_DOCS = s.PARALLEL_MIN_STORIES = 1; "
        f"s.ingest([{str(pile)!r}], {str(db)!r}, batch_size=10, workers=2)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    time.sleep(kill_after)
    workers = _children(proc.pid)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 10
    while any(_alive(w) for w in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)  # the pool's workers do not outlive a killed ingest
    if db.exists():
        with sqlite3.connect(db) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "articles" not in tables:
                # killed before the schema's first transaction committed: an empty store, no half schema
                assert not tables and c.execute("PRAGMA user_version").fetchone()[0] == 0
            else:
                # every stored article belongs to a stored story: batches are all-or-nothing
                orphans = c.execute(
                    "SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL"
                ).fetchone()[0]
                assert orphans == 0
    stats = ingest([str(pile)], db, batch_size=10)
    store = Store(db)
    counts = store.counts()
    assert counts["articles"] == n  # nothing lost, nothing twice
    ids = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
    assert len(ids) == len(set(ids))
    in_stories = sum(len(json.loads(r[0])["article_ids"]) for r in store.conn.execute("SELECT story FROM story_data"))
    assert in_stories == n
    assert stats["added"] + stats["already_stored"] == n
    assert store.conn.execute("SELECT count(*) FROM stories WHERE stale = 1").fetchone()[0] == 0
    store.close()


def test_migration_from_version_1_keeps_data(tmp_path):
    from storyline import store as store_module

    db = tmp_path / "old.db"
    c = sqlite3.connect(db)
    c.executescript("BEGIN;" + store_module._MIGRATIONS[0] + "PRAGMA user_version=1;COMMIT;")
    from dataclasses import asdict

    from storyline.model import Story

    c.execute(
        "INSERT INTO stories (id, title, state, story, n_articles, updated_at) VALUES ('s1', 't', '{}', ?, 0, 0)",
        (json.dumps(asdict(Story("s1", "t", []))),),
    )
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="needs migrating"):
        Store(db)
    conn = connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT id, stale FROM stories").fetchone()[:] == ("s1", 0)
    view, page = conn.execute("SELECT view, page FROM story_data").fetchone()
    assert json.loads(view)["entities"] == [] and "<h1>t</h1>" in page  # v3 fills views and pages
    conn.close()


def test_story_view_has_mention_counts_not_mentions(tmp_path, examples_dir):
    db = tmp_path / "s.db"
    ingest([str(examples_dir)], db)
    store = Store(db)
    for s in store.story_list():
        full = store.story(s["id"])
        view, counts = store.story_view(s["id"])
        assert [e.name for e in view.entities] == [e.name for e in full.entities]
        assert all(not e.mentions for e in view.entities)
        assert counts == {e.id: len(e.mentions) for e in full.entities}
    store.close()


def test_search_ranks_within_the_window_and_marks_words(tmp_path, monkeypatch):
    import storyline.store as store_module
    from storyline.store import snippet

    pile = tmp_path / "pile.jsonl"
    rows = [{"id": f"f{i}", "title": f"Filler {i}", "text": f"Harbour report number {i}. The ferry ran on time today."} for i in range(30)]
    rows.insert(3, {"id": "best", "title": "Ferry strike", "text": "Ferry workers strike. The ferry strike stops every ferry in the harbour, the ferry union said."})
    pile.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    ingest([str(pile)], db)
    store = Store(db)
    assert store.search("ferry")["articles"][0]["id"] == "best"  # bm25: the article about ferries first
    monkeypatch.setattr(store_module, "SEARCH_RANK_WINDOW", 5)  # only the 5 newest matches are ranked
    found = store.search("ferry")["articles"]
    assert len(found) == 5 and "best" not in {a["id"] for a in found}
    store.close()
    s = snippet("One two three four five six seven. The Ferry left at noon and came back late in the evening.", ["ferry"])
    assert "[[Ferry]]" in s and s.startswith(" … ") and s.endswith(" … ")
    assert snippet("short text", ["absent"]) == "short text"


def test_parallel_ingest_stores_what_one_process_stores(tmp_path, examples_dir, monkeypatch):
    import storyline.store as store_module

    monkeypatch.setattr(store_module, "PARALLEL_MIN_DOCS", 1)
    monkeypatch.setattr(store_module, "PARALLEL_MIN_STORIES", 1)
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        stats = ingest([str(examples_dir)], db, workers=workers)
        assert stats["added"] > 0 and stats["stories_updated"] > 0
        conn = sqlite3.connect(db)
        dumps.append((
            conn.execute("SELECT id, text, story_id, duplicate_of FROM articles ORDER BY id").fetchall(),
            conn.execute("SELECT s.id, title, story, n_articles FROM stories s JOIN story_data USING (id) ORDER BY s.id").fetchall(),
        ))  # fmt: skip
        conn.close()
    assert dumps[0] == dumps[1]


def test_inferred_publication_day_is_stored_and_shown_as_inferred(tmp_path):
    import storyline

    rows = [
        {"id": "a", "title": "Dam talks open in Manila", "date": "2017-08-06",
         "text": "The ministers met in Manila on Sunday to discuss the Varnholm dam and its spillway gate."},
        {"id": "b", "title": "Dam talks resume in Geneva", "date": "2017-12-15",
         "text": "The ministers met in Geneva on Friday to discuss the Varnholm dam and its spillway gate."},
        {"id": "c", "title": "Ministers phone about the Varnholm dam",
         "text": "The call about the Varnholm dam and its spillway gate occurred on Monday.\n\n"
                 "On October 9, the ministers spoke by phone about the Varnholm dam and its spillway gate."},
    ]  # fmt: skip
    pile = tmp_path / "pile.jsonl"
    pile.write_text("\n".join(json.dumps(r) for r in rows))
    digest = storyline.digest([str(pile)])
    assert len(digest.stories) == 1
    c = next(a for a in digest.articles if a.title.startswith("Ministers phone"))
    assert (c.date, c.date_source) == ("2017-10-09", "inferred")
    assert digest.stories[0].date_range == ("2017-08-06", "2017-12-15")
    storyline.write_reports(digest, tmp_path / "out")
    assert "2017-10-09 (inferred)" in (tmp_path / "out" / "report.md").read_text()

    db = tmp_path / "s.db"
    ingest([str(pile)], db)
    store = Store(db)
    (listed,) = store.story_list()
    stored = {a.title: a for a in store.articles(store.story(listed["id"]).article_ids)}
    phoned = stored["Ministers phone about the Varnholm dam"]
    assert (phoned.date, phoned.date_source) == ("2017-10-09", "inferred")
    assert stored["Dam talks open in Manila"].date_source != "inferred"
    store.close()
