"""Pages and JSON API (FastAPI TestClient); hostile content stays inert."""

import re

import pytest
from fastapi.testclient import TestClient

from storyline.web import create_app


@pytest.fixture(scope="module")
def client(store_db):
    return TestClient(create_app(store_db))


def test_story_list_story_and_article_pages(client):
    home = client.get("/")
    assert home.status_code == 200 and "Kessler" in home.text
    story_url = re.search(r'href="(/story/[^"]+)"', home.text).group(1)
    story = client.get(story_url)
    assert story.status_code == 200
    for heading in ("Summary", "Timeline", "Sources", "Who said what", "People and organisations"):
        assert heading in story.text
    assert "<svg" in story.text and "reported by" in story.text
    cite = re.search(r'class="cite" href="(/article/[^"]+)"', story.text).group(1).replace("&amp;", "&")
    article = client.get(cite)
    assert article.status_code == 200
    assert '<mark id="hl" class="hl">' in article.text
    assert "Removed boilerplate" in article.text and 'class="reason"' in article.text
    # a cited headline (field=title) is highlighted in the page title
    art_id = cite.split("?")[0].rsplit("/", 1)[1]
    titled = client.get(f"/article/{art_id}", params={"start": 0, "end": 4, "field": "title"})
    assert re.search(r'<h1><mark id="hl" class="hl">[^<]{4}</mark>', titled.text)
    assert client.get(f"/article/{art_id}", params={"field": "../etc"}).status_code == 422


def test_api_mirrors_pages_and_has_openapi(client):
    stories = client.get("/api/stories").json()
    assert stories["stories"] and stories["counts"]["articles"] >= 6
    sid = stories["stories"][0]["id"]
    story = client.get(f"/api/stories/{sid}").json()
    assert story["id"] == sid and "summary" in story and "sources" in story
    for s in story["summary"]:
        for c in s["citations"]:
            art = client.get(f"/api/articles/{c['article_id']}").json()
            assert art[c.get("field", "text")][c["start"] : c["end"]].strip()
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/search"} <= set(schema["paths"])
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/articles/../../etc/passwd").status_code == 404


def test_search(client):
    res = client.get("/api/search", params={"q": "spillway"}).json()
    assert res["articles"] and any("Kessler" in (a["title"] or "") or "spillway" in a["snippet"] for a in res["articles"])
    page = client.get("/search", params={"q": "sourdough"})
    assert "bakery" in page.text.lower()
    assert client.get("/api/search", params={"q": "x" * 500}).status_code == 422
    assert client.get("/search", params={"q": 'NEAR( "a" AND'}).status_code == 200


def test_hostile_article_is_inert_everywhere(client):
    res = client.get("/api/search", params={"q": "engineers removed posts"}).json()
    art_id = res["articles"][0]["id"]
    page = client.get(f"/article/{art_id}")
    body = page.text
    assert "<script>document.title" not in body
    assert "&lt;script&gt;" in body
    assert 'href="javascript:' not in body and "<img src=x" not in body
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none': no script at all
    story_id = client.get(f"/api/articles/{art_id}").json()["story_id"]
    story = client.get(f"/story/{story_id}").text
    assert "<script>document" not in story and "<img src=x" not in story


def test_read_only_and_bounded(client):
    assert client.post("/api/stories", json={}).status_code == 405
    assert client.get("/", params={"q": "y" * 5000}).status_code == 413


def test_story_page_is_the_body_stored_at_ingest_or_rendered_when_the_template_changed(client, monkeypatch):
    import storyline.web.render as render

    home = client.get("/")
    story_url = re.search(r'href="(/story/[^"]+)"', home.text).group(1)
    title, stored, version = client.app.state.store.story_page(story_url.rsplit("/", 1)[1])
    assert stored and version == render.page_version() and stored in client.get(story_url).text
    # another template (here: other limits) makes the stored body stale; the page is rendered live
    monkeypatch.setattr(render, "PAGE_SOURCES", 1)
    monkeypatch.setattr(render, "PAGE_QUOTES_PER_SPEAKER", 1)
    render.page_version.cache_clear()
    try:
        page = client.get(story_url).text
    finally:
        monkeypatch.undo()
        render.page_version.cache_clear()
    assert len(re.findall(r'<li value="', page)) == 1 and re.search(r"and \d+ more sources", page)


def test_serving_an_older_store_migrates_it_once(tmp_path):
    import json
    import sqlite3
    from dataclasses import asdict

    from storyline import store as store_module
    from storyline.model import Story

    db = tmp_path / "old.db"
    with sqlite3.connect(db) as c:  # a version-2 store, as the previous release wrote it
        c.executescript("BEGIN;" + store_module._MIGRATIONS[0] + store_module._MIGRATIONS[1] + "PRAGMA user_version=2;COMMIT;")
        c.execute(
            "INSERT INTO articles (id, source, title, text, removed, extra, story_id, added_at)"
            " VALUES ('a1', 'x.txt', 'Old <b>title</b>', 'The old text.', '[]', '{}', 's1', 0)"
        )
        story = json.dumps(asdict(Story("s1", "Old story", ["a1"])))
        c.execute("INSERT INTO stories (id, title, state, story, n_articles, updated_at) VALUES ('s1', 'Old story', '{}', ?, 1, 0)", (story,))
    client = TestClient(create_app(db))
    page = client.get("/story/s1")
    assert page.status_code == 200 and "Old story" in page.text and "Old &lt;b&gt;title&lt;/b&gt;" in page.text
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION


def test_counts_are_written_in_words(client):
    """No "1 sources" or "1 lines" on any page: counts go through the same count_noun as the reports."""
    home = client.get("/")
    pages = [home.text]
    story_url = re.search(r'href="(/story/[^"]+)"', home.text).group(1)
    story = client.get(story_url).text
    pages.append(story)
    cite = re.search(r'class="cite" href="(/article/[^"]+)"', story).group(1).replace("&amp;", "&")
    pages.append(client.get(cite).text)
    for text in pages:
        assert not re.search(r"\b1 (stories|articles|sources|lines|mentions)\b", text)
    assert re.search(r"\d+ (story|stories) · \d+ articles?", home.text)
