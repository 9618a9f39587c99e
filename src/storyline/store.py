"""The store: an SQLite file (WAL, FTS5) that keeps articles and stories across runs.

`ingest` adds articles idempotently (an article's id comes from its content, so the same content
twice is stored once) and updates stories incrementally with stable ids. Work is committed in
batches, each batch one transaction holding its articles *and* the stories they changed, so an
interrupted ingest (Ctrl-C, kill -9, power loss) leaves the database as it was after the last
finished batch, and running the same ingest again completes the job.

Stories are stored as JSON of the data model (never pickle: a database file is data, and loading
it must not run code). The schema is versioned with `PRAGMA user_version` and migrated forward.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storyline.model import (
    Article,
    Digest,
    DuplicateCopy,
    DuplicateGroup,
    Entity,
    InputError,
    Mention,
    Quote,
    Removed,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)
from storyline.options import DEFAULT_OPTIONS, Options

DEFAULT_DB = "storyline.db"
SEARCH_RANK_WINDOW = 500  # matches ranked per search (see Store.search)
SCHEMA_VERSION = 3

_MIGRATIONS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT, title TEXT, publisher TEXT, author TEXT,
        date TEXT, date_source TEXT, language TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,            -- JSON [{text, reason}]
        duplicate_of TEXT,
        extra TEXT NOT NULL,              -- JSON
        story_id TEXT,
        added_at REAL NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        state TEXT NOT NULL,              -- JSON StoryState (centroid etc.) for incremental clustering
        story TEXT NOT NULL,              -- JSON Story (summary, timeline, entities, quotes)
        n_articles INTEGER NOT NULL,
        first_date TEXT, last_date TEXT,
        updated_at REAL NOT NULL
    );
    CREATE INDEX stories_order ON stories(last_date, n_articles);
    CREATE TABLE errors (source TEXT PRIMARY KEY, reason TEXT NOT NULL, at REAL NOT NULL);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE VIRTUAL TABLE stories_fts USING fts5(story_id UNINDEXED, title, summary);
    """,
    # 1 -> 2: story analysis is rebuilt once per ingest run; `stale` marks stories awaiting it
    """
    ALTER TABLE stories ADD COLUMN stale INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX stories_stale ON stories(stale) WHERE stale = 1;
    """,
    # 2 -> 3: the story JSON moves out of `stories` into `story_data`. In SQLite, reading a column
    # stored after a multi-megabyte value walks that value's overflow pages: listing the newest
    # stories read the whole table (40 ms at 100,000 articles). `view` is the story as pages show
    # it (entities carry mention counts, not mention lists), filled for existing stories below.
    """
    CREATE TABLE story_data (             -- columns in order of how often they are read
        id TEXT PRIMARY KEY,
        page_version TEXT,                -- the template that made `page`
        page TEXT,                        -- HTML body of the story page (storyline.web.render)
        view TEXT,                        -- JSON Story for pages: mention counts instead of mentions
        state TEXT NOT NULL,              -- JSON StoryState (centroid etc.) for incremental clustering
        story TEXT NOT NULL               -- JSON Story (summary, timeline, entities, quotes)
    );
    INSERT INTO story_data (id, state, story) SELECT id, state, story FROM stories;
    CREATE TABLE stories_v3 (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        n_articles INTEGER NOT NULL,
        first_date TEXT, last_date TEXT,
        updated_at REAL NOT NULL,
        stale INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO stories_v3 SELECT id, title, n_articles, first_date, last_date, updated_at, stale FROM stories;
    DROP TABLE stories;
    ALTER TABLE stories_v3 RENAME TO stories;
    CREATE INDEX stories_newest ON stories(last_date IS NULL, last_date DESC, n_articles DESC, id);
    CREATE INDEX stories_stale ON stories(stale) WHERE stale = 1;
    """,
]


def _fill_story_views(conn: sqlite3.Connection) -> None:
    for story_id, story_json in conn.execute("SELECT id, story FROM story_data").fetchall():
        conn.execute("UPDATE story_data SET view = ? WHERE id = ?", (json.dumps(story_view_dict(json.loads(story_json))), story_id))
    _refresh_pages(conn)


def _refresh_pages(conn: sqlite3.Connection) -> int:
    """Render the page of every story whose stored page is missing or from another template."""
    from storyline.web.render import page_version, story_body

    version = page_version()
    ids = [r[0] for r in conn.execute("SELECT id FROM story_data WHERE page_version IS NOT ?", (version,))]
    rendered = 0
    for story_id in ids:
        row = conn.execute("SELECT view FROM story_data WHERE id = ?", (story_id,)).fetchone()
        if row[0] is None:  # not analysed yet (an interrupted ingest): its rebuild makes the page
            continue
        view = json.loads(row[0])
        story = story_from_dict(view, with_mentions=False)
        counts = {e["id"]: e["mention_count"] for e in view["entities"]}
        meta = _article_meta(conn, story.article_ids)
        conn.execute("UPDATE story_data SET page = ?, page_version = ? WHERE id = ?", (story_body(story, counts, meta), version, story_id))
        rendered += 1
    return rendered


# Python steps of a migration, run in its transaction after its SQL
_MIGRATION_STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _fill_story_views}


def story_view_dict(d: dict) -> dict:
    """A story's JSON for display: each entity's mention list replaced by `mention_count`."""
    entities = [{**{k: v for k, v in e.items() if k != "mentions"}, "mentions": [], "mention_count": len(e["mentions"])} for e in d.get("entities", [])]
    return {**d, "entities": entities}


class StoreError(Exception):
    """The database cannot be used (newer schema, not a storyline database, ...)."""


class StoreNeedsMigration(StoreError):
    """An older schema, opened read-only: open it once read-write (`connect`) to migrate it."""


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or migrate) a store. WAL mode: readers never block the writer."""
    path = Path(path)
    if readonly:
        if not path.is_file():
            raise StoreError(f"{path}: no such database (run `storyline ingest` first)")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA busy_timeout=10000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a storyline database ({exc})") from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path}: schema version {version} is newer than this storyline ({SCHEMA_VERSION}); upgrade storyline")
    if version < SCHEMA_VERSION:
        if readonly:
            conn.close()
            raise StoreNeedsMigration(f"{path}: schema version {version} needs migrating; open it once without read-only")
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            conn.close()
            raise StoreError(f"{path}: not a storyline database")
        for v in range(version, SCHEMA_VERSION):
            # each migration is one transaction, version bump included
            conn.executescript("BEGIN;" + _MIGRATIONS[v])
            try:
                if v in _MIGRATION_STEPS:
                    _MIGRATION_STEPS[v](conn)
                conn.execute(f"PRAGMA user_version={v + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    conn.isolation_level = None  # transactions are explicit (see _transaction)
    return conn


# -- JSON of the data model ---------------------------------------------------------------------


def _span(d: dict) -> Span:
    return Span(d["article_id"], d["start"], d["end"], d.get("field", "text"))


def story_from_dict(d: dict, with_mentions: bool = True) -> Story:
    """A Story from its JSON. Without mentions (a page that shows only their counts) it loads
    several times faster for big stories, whose entities have thousands of mentions."""
    return Story(
        id=d["id"],
        title=d["title"],
        article_ids=list(d["article_ids"]),
        summary=[
            SummarySentence(s["text"], _span(s["span"]), [_span(c) for c in s["citations"]], list(s.get("copies", [])))
            for s in d["summary"]
        ],
        timeline=[
            TimelineEntry(t["date"], t["granularity"], t["text"], _span(t["span"]), [_span(c) for c in t["citations"]], t["date_provenance"])
            for t in d["timeline"]
        ],
        entities=[
            Entity(e["id"], e["name"], e["type"], list(e["aliases"]), list(e["roles"]),
                   [Mention(_span(m["span"]), m["text"]) for m in e["mentions"]] if with_mentions else [])
            for e in d["entities"]
        ],
        quotes=[
            Quote(q["speaker"], q["text"], _span(q["span"]), q["cue"], q["kind"], q["date"], q.get("speaker_entity"))
            for q in d["quotes"]
        ],
        date_range=tuple(d["date_range"]),  # type: ignore[arg-type]
    )


def _article_from_row(r: sqlite3.Row) -> Article:
    return Article(
        id=r["id"], source=r["source"], text=r["text"], title=r["title"], url=r["url"], publisher=r["publisher"],
        author=r["author"], date=r["date"], date_source=r["date_source"], language=r["language"],
        removed=[Removed(x["text"], x["reason"]) for x in json.loads(r["removed"])],
        duplicate_of=r["duplicate_of"], extra=json.loads(r["extra"]),
    )  # fmt: skip


def _state_from_json(text: str):
    from storyline.cluster import state_from_dict

    return state_from_dict(json.loads(text))


# -- writing -------------------------------------------------------------------------------------


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")


def ingest(
    paths: str | Path | Iterable[str | Path],
    db: str | Path = DEFAULT_DB,
    options: Options = DEFAULT_OPTIONS,
    *,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> dict[str, int]:
    """Add the articles under `paths` to the store and update their stories. Idempotent.

    Cleaning and story analysis run in `workers` processes (default: one per core) on large
    ingests; clustering and every write stay in this process, in transactions."""
    from storyline.clean import template_lines
    from storyline.pipeline import read_inputs

    docs, errors = read_inputs(paths)
    conn = connect(db)
    stats = {"read": len(docs), "added": 0, "already_stored": 0, "errors": len(errors), "stories_updated": 0}
    try:
        with _transaction(conn):
            for e in errors:
                conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?)", (e.source, e.reason, time.time()))
        templates = template_lines([d.text for d in docs if d.text])
        states = [_state_from_json(r["state"]) for r in conn.execute("SELECT state FROM story_data")]
        pending: dict[str, Article] = {}  # by id: the same content twice in one run is stored once
        with _pool(workers, len(docs), PARALLEL_MIN_DOCS) as pool:
            # workers clean ahead while this process clusters and writes
            if pool:
                cleaned = pool.map(_clean_one, docs, [options] * len(docs), [templates] * len(docs), chunksize=64)
            else:
                cleaned = (_clean_one(doc, options, templates) for doc in docs)
            for i, result in enumerate(cleaned, start=1):
                if isinstance(result, InputError):
                    stats["errors"] += 1
                    with _transaction(conn):
                        conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?)", (result.source, result.reason, time.time()))
                elif result.id in pending or conn.execute("SELECT 1 FROM articles WHERE id = ?", (result.id,)).fetchone():
                    stats["already_stored"] += 1
                else:
                    pending[result.id] = result
                if len(pending) >= batch_size or (i == len(docs) and pending):
                    states = _commit_batch(conn, pending, options, states)
                    stats["added"] += len(pending)
                    pending = {}
                if progress:
                    progress(i, len(docs))
        stats["stories_updated"] = _rebuild_stale(conn, options, workers)
        with _transaction(conn):  # pages made by an older template (after an upgrade)
            _refresh_pages(conn)
    finally:
        conn.close()
    return stats


PARALLEL_MIN_DOCS = 500  # smaller ingests stay in one process (starting workers costs ~1 s)
PARALLEL_MIN_STORIES = 20


def _worker_count(workers: int | None) -> int:
    import os

    return workers if workers is not None else (os.cpu_count() or 1)


@contextmanager
def _pool(workers: int | None, n_items: int, minimum: int) -> Iterator[Any]:
    """A process pool when there is enough work and more than one core, else None. On an error or
    Ctrl-C, queued work is cancelled rather than finished."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    n = _worker_count(workers)
    if n <= 1 or n_items < minimum:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=n, initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _exit_with_parent(parent_pid: int) -> None:
    """In a pool worker: exit when the ingest process is gone (killed with -9, it cannot tell its
    workers, which would otherwise wait for work forever)."""
    import os
    import threading

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _clean_one(doc, options: Options, templates):
    from storyline.clean import clean_document

    return clean_document(doc, options, templates)


def _analyse_story(
    state, members: list[Article], options: Options
) -> tuple[Story, list[tuple[str | None, str]], str, str, dict[str, str]]:
    """Fold copies within the story, then summary, timeline, entities, quotes, the story page's
    body, and the publication days inferred for undated articles (pure: runs in a worker)."""
    from storyline.web.render import page_version, story_body

    from storyline.dedup import find_duplicates
    from storyline.pipeline import build_story

    for m in members:
        m.duplicate_of = None  # copies are always in the story of their original: fold within it
    find_duplicates(members, options)
    reps = [m for m in members if m.duplicate_of is None]
    story = build_story(state, reps, options)
    story.article_ids = [m.id for m in reps] + [m.id for m in members if m.duplicate_of]
    counts = {e.id: len(e.mentions) for e in story.entities}
    page = story_body(story, counts, {m.id: m for m in members})
    inferred = {m.id: m.date for m in reps if m.date_source == "inferred" and m.date}
    return story, [(m.duplicate_of, m.id) for m in members], page, page_version(), inferred


def _commit_batch(conn: sqlite3.Connection, new: dict[str, Article], options: Options, existing: list) -> list:
    """One transaction: the new articles, their story membership, and the stories they join or open
    (clustering state updated, analysis marked stale). Analysis is rebuilt once per ingest run by
    `_rebuild_stale`, not once per batch: a story that grows in every batch is analysed once."""
    from storyline.cluster import cluster_articles

    before = {s.id: len(s.article_ids) for s in existing}
    states = cluster_articles(list(new.values()), options, existing)
    touched = [s for s in states if len(s.article_ids) != before.get(s.id, -1)]
    story_of = {aid: s.id for s in touched for aid in s.article_ids}
    with _transaction(conn):
        now = time.time()
        for a in new.values():
            conn.execute(
                "INSERT INTO articles (id, source, url, title, publisher, author, date, date_source, language, text,"
                " removed, duplicate_of, extra, story_id, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.source, a.url, a.title, a.publisher, a.author, a.date, a.date_source, a.language, a.text,
                 json.dumps([asdict(r) for r in a.removed]), None, json.dumps(a.extra, default=str), story_of[a.id], now),
            )  # fmt: skip
        for state in touched:
            state_json = json.dumps({"id": state.id, "article_ids": state.article_ids, "centroid": state.centroid,
                                     "first_date": state.first_date, "last_date": state.last_date})  # fmt: skip
            if before.get(state.id) is None:
                first = new[state.article_ids[0]]
                placeholder = Story(state.id, first.title or "(untitled)", list(state.article_ids))
                conn.execute(
                    "INSERT INTO stories (id, title, n_articles, first_date, last_date, updated_at, stale) VALUES (?,?,?,?,?,?,1)",
                    (state.id, placeholder.title, len(state.article_ids), state.first_date, state.last_date, now),
                )
                conn.execute("INSERT INTO story_data (id, state, story) VALUES (?,?,?)", (state.id, state_json, json.dumps(asdict(placeholder))))
            else:
                conn.execute(
                    "UPDATE stories SET n_articles = ?, first_date = ?, last_date = ?, updated_at = ?, stale = 1 WHERE id = ?",
                    (len(state.article_ids), state.first_date, state.last_date, now, state.id),
                )
                conn.execute("UPDATE story_data SET state = ? WHERE id = ?", (state_json, state.id))
    return states


def _rebuild_stale(conn: sqlite3.Connection, options: Options, workers: int | None = None) -> int:
    """Analyse every story marked stale (each in its own transaction): fold copies, then summary,
    timeline, entities and quotes. Also finishes the work of an ingest that was interrupted."""
    from storyline.cluster import state_from_dict

    rows = conn.execute("SELECT d.id, d.state FROM stories s JOIN story_data d ON d.id = s.id WHERE s.stale = 1").fetchall()

    def jobs():  # articles are read here, as the pool asks for them; workers never touch the database
        for row in rows:
            state = state_from_dict(json.loads(row["state"]))
            yield state, _load_articles(conn, state.article_ids)

    done = 0
    with _pool(workers, len(rows), PARALLEL_MIN_STORIES) as pool:
        if pool:  # a few stories in flight at a time: memory holds a window of stories, not the store
            results = _bounded_map(pool, _analyse_story, jobs(), options, window=4 * _worker_count(workers))
        else:
            results = (_analyse_story(state, members, options) for state, members in jobs())
        for story, folded, page, version, inferred in results:
            n_reps = sum(1 for copy_of, _ in folded if copy_of is None)
            story_dict = asdict(story)
            with _transaction(conn):
                for copy_of, article_id in folded:
                    conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", (copy_of, article_id))
                for article_id, day in inferred.items():  # never over a date the article carried itself
                    conn.execute(
                        "UPDATE articles SET date = ?, date_source = 'inferred' WHERE id = ?"
                        " AND (date IS NULL OR date_source = 'inferred')",
                        (day, article_id),
                    )
                conn.execute(
                    "UPDATE stories SET title = ?, n_articles = ?, first_date = ?, last_date = ?, stale = 0, updated_at = ?"
                    " WHERE id = ?",
                    (story.title, n_reps, story.date_range[0], story.date_range[1], time.time(), story.id),
                )
                conn.execute(
                    "UPDATE story_data SET story = ?, view = ?, page = ?, page_version = ? WHERE id = ?",
                    (json.dumps(story_dict), json.dumps(story_view_dict(story_dict)), page, version, story.id),
                )
                conn.execute("DELETE FROM stories_fts WHERE story_id = ?", (story.id,))
                conn.execute(
                    "INSERT INTO stories_fts (story_id, title, summary) VALUES (?, ?, ?)",
                    (story.id, story.title, " ".join(s.text for s in story.summary)),
                )
            done += 1
    return done


def _bounded_map(pool, fn, jobs: Iterator[tuple], options: Options, window: int) -> Iterator:
    """pool.map over a generator of argument tuples, in order, with at most `window` in flight."""
    from collections import deque

    in_flight: deque = deque()
    for args in jobs:
        in_flight.append(pool.submit(fn, *args, options))
        if len(in_flight) >= window:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def _article_meta(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        for r in conn.execute(
            f"SELECT id, source, title, publisher, date, duplicate_of FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            out[r["id"]] = Article(r["id"], r["source"], "", r["title"], publisher=r["publisher"], date=r["date"], duplicate_of=r["duplicate_of"])
    return out


def _load_articles(conn: sqlite3.Connection, ids: list[str]) -> list[Article]:
    out: dict[str, Article] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        for r in conn.execute(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            out[r["id"]] = _article_from_row(r)
    return [out[i] for i in ids if i in out]


def snippet(text: str, words: list[str], width: int = 12) -> str:
    """About `width` words of `text` around the first query word, the words marked [[...]].

    Made in Python for the few results shown: FTS5's snippet() in the query would run over every
    match before the LIMIT applies."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    hit = pattern.search(text)
    at = hit.start() if hit else 0
    head = text[max(0, at - 400) : at].split()
    before = head[-(width // 3) :] if width // 3 else []
    rest = text[at : at + 1200].split(maxsplit=width - len(before))
    after = rest[: width - len(before)]
    piece = pattern.sub(r"[[\1]]", " ".join(before + after))
    lead = " … " if len(head) > len(before) or (at > 400 and before) else ""
    tail = " … " if len(rest) > len(after) or at + 1200 < len(text) else ""
    return lead + piece + tail


# -- reading -------------------------------------------------------------------------------------


class Store:
    """Read access for reports and the web UI (one connection, read-only, thread-safe for reads)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = connect(self.path, readonly=True)
        self._counts: tuple[float, dict[str, int]] | None = None

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """Open for reading, migrating an older store first (the one write a reader makes)."""
        try:
            return cls(path)
        except StoreNeedsMigration:
            connect(path).close()
            return cls(path)

    def close(self) -> None:
        self.conn.close()

    def counts(self, max_age: float = 5.0) -> dict[str, int]:
        """Row counts, cached for a few seconds (count(*) scans a table; pages show it every time)."""
        now = time.monotonic()
        cached = getattr(self, "_counts", None)
        if cached and now - cached[0] < max_age:
            return cached[1]
        c = self.conn
        counts = {
            "articles": c.execute("SELECT count(*) FROM articles").fetchone()[0],
            "stories": c.execute("SELECT count(*) FROM stories").fetchone()[0],
            "errors": c.execute("SELECT count(*) FROM errors").fetchone()[0],
        }
        self._counts = (now, counts)
        return counts

    def article_meta(self, ids: list[str]) -> dict[str, Article]:
        """Articles without their text (what lists of sources need): id, title, publisher, date, copy-of."""
        return _article_meta(self.conn, ids)

    def story_page(self, story_id: str) -> tuple[str, str | None, str | None] | None:
        """(title, stored page body or None, the template version that made it)."""
        r = self.conn.execute(
            "SELECT s.title, d.page, d.page_version FROM stories s JOIN story_data d ON d.id = s.id WHERE s.id = ?", (story_id,)
        ).fetchone()
        return (r[0], r[1], r[2]) if r else None

    def story_list(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Newest first (by last date), then biggest."""
        rows = self.conn.execute(
            "SELECT id, title, n_articles, first_date, last_date FROM stories"
            " ORDER BY last_date IS NULL, last_date DESC, n_articles DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [dict(r) for r in rows]

    def story(self, story_id: str) -> Story | None:
        d = self.story_dict(story_id)
        return story_from_dict(d) if d is not None else None

    def story_dict(self, story_id: str) -> dict | None:
        """The story as stored: JSON of the data model's Story (spans as {article_id, start, end})."""
        r = self.conn.execute("SELECT story FROM story_data WHERE id = ?", (story_id,)).fetchone()
        return json.loads(r["story"]) if r else None

    def story_view(self, story_id: str) -> tuple[Story, dict[str, int]] | None:
        """A story for display: entities without their mention lists, plus mention counts."""
        r = self.conn.execute("SELECT coalesce(view, story) FROM story_data WHERE id = ?", (story_id,)).fetchone()
        if r is None:
            return None
        d = json.loads(r[0])
        counts = {e["id"]: e.get("mention_count", len(e["mentions"])) for e in d["entities"]}
        return story_from_dict(d, with_mentions=False), counts

    def article(self, article_id: str) -> Article | None:
        r = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article_from_row(r) if r else None

    def article_story(self, article_id: str) -> str | None:
        r = self.conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return r["story_id"] if r else None

    def articles(self, ids: list[str]) -> list[Article]:
        return _load_articles(self.conn, ids)

    def search(self, query: str, limit: int = 30) -> dict[str, list[dict[str, Any]]]:
        """Full-text search over articles and stories. The query is words, not FTS syntax: each
        word is quoted, so user input can never be an FTS5 expression error."""
        words = [w for w in query.replace('"', " ").split() if w][:12]
        if not words:
            return {"articles": [], "stories": []}
        match = " ".join(f'"{w}"' for w in words)
        # Ranking costs ~2 µs per matching article, so a word found in every article of a big
        # store would cost hundreds of milliseconds. Rank (bm25 with corpus-wide statistics) among
        # the newest SEARCH_RANK_WINDOW matches instead: exact for all but the commonest queries,
        # and for those the newest articles are the ones a news reader wants first.
        scored = self.conn.execute(
            "SELECT rowid, bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
            (match, SEARCH_RANK_WINDOW),
        ).fetchall()
        best = [rowid for rowid, _ in sorted(scored, key=lambda r: (r[1], -r[0]))[:limit]]
        order = {rowid: i for i, rowid in enumerate(best)}
        rows = self.conn.execute(
            f"SELECT rowid, id, title, publisher, date, story_id, text FROM articles WHERE rowid IN ({','.join('?' * len(best))})",
            best,
        ).fetchall()
        arts = [
            {"id": r["id"], "title": r["title"], "publisher": r["publisher"], "date": r["date"], "story_id": r["story_id"],
             "snippet": snippet(r["text"], words)}
            for r in sorted(rows, key=lambda r: order[r["rowid"]])
        ]  # fmt: skip
        stories = self.conn.execute(
            "SELECT story_id AS id, title FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return {"articles": arts, "stories": [dict(r) for r in stories]}

    def digest(self) -> Digest:
        """Everything in the store as a Digest (for `storyline digest --db`)."""
        arts = [_article_from_row(r) for r in self.conn.execute("SELECT * FROM articles ORDER BY added_at, id")]
        stories = [story_from_dict(json.loads(r["story"])) for r in self.conn.execute(
            "SELECT d.story FROM stories s JOIN story_data d ON d.id = s.id ORDER BY s.n_articles DESC, s.last_date DESC, s.id")]  # fmt: skip
        by_id = {a.id: a for a in arts}
        groups: dict[str, DuplicateGroup] = {}
        for a in arts:
            if a.duplicate_of and a.duplicate_of in by_id:
                g = groups.setdefault(a.duplicate_of, DuplicateGroup(a.duplicate_of))
                g.copies.append(DuplicateCopy(a.id, a.source, a.publisher, a.date, 0.0))
        errors = [InputError(r["source"], r["reason"]) for r in self.conn.execute("SELECT source, reason FROM errors")]
        return Digest(articles=arts, stories=stories, duplicates=list(groups.values()), errors=errors)
