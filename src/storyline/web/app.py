"""`storyline serve`: pages and a JSON API over a store.

Everything shown comes from the database and is rendered by autoescaping Jinja2 templates under a
strict Content-Security-Policy (no inline script runs, whatever an article contains). Requests
never reach the file system: ids are looked up in SQLite, nothing else. Request bodies are refused
(the UI is read-only) and query strings are bounded.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from storyline.model import Article, Story
from storyline.report.json import article_fields
from storyline.store import Store
from storyline.web.render import page_version, story_body, template_env

MAX_QUERY_CHARS = 200
CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


def highlight_parts(text: str, start: int | None, end: int | None) -> list[tuple[str, bool]]:
    """The article text cut around one highlighted span: [(text, is_highlighted), ...]."""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return [(text, False)]
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]


SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class Guard:
    """Read-only, bounded requests, security headers on every response.

    Plain ASGI rather than Starlette's BaseHTTPMiddleware, which costs a task and a stream per
    request; at 20 concurrent clients that overhead showed in the 95th percentile."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        if scope["method"] not in ("GET", "HEAD"):
            return await _json_error(send, 405, "read-only")
        try:
            length = int(headers.get(b"content-length") or 0)
        except ValueError:
            length = 1
        if len(scope.get("query_string", b"")) > 2000 or length > 0 or b"transfer-encoding" in headers:
            return await _json_error(send, 413, "request too large")

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _json_error(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def create_app(db_path: str | Path):
    from fastapi import FastAPI, HTTPException, Query
    from fastapi.responses import HTMLResponse, JSONResponse
    from markupsafe import Markup

    store = Store.open(db_path)  # an older store is migrated once, then served read-only
    app = FastAPI(title="storyline", description="Stories, articles and search from a storyline store.", version="1")

    app.add_middleware(Guard)

    def page(name: str, **ctx) -> HTMLResponse:
        return HTMLResponse(template_env().get_template(name).render(counts=store.counts(), **ctx))

    def load_story(story_id: str) -> tuple[Story, dict[str, int], dict[str, Article]]:
        view = store.story_view(story_id)
        if view is None:
            raise HTTPException(404, "no such story")
        story, mention_counts = view
        return story, mention_counts, store.article_meta(story.article_ids)

    # Handlers are `async`: their SQLite reads take a millisecond or two, and running them on the
    # event loop saves the thread-pool hop (and GIL contention between pool threads) per request.

    # -- pages --
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(q: str = Query("", max_length=MAX_QUERY_CHARS), page_no: int = Query(1, alias="page", ge=1, le=10_000)):
        if q.strip():
            return page("search.html", q=q, results=store.search(q))
        return page("index.html", stories=store.story_list(limit=50, offset=(page_no - 1) * 50), page_no=page_no)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: str = Query("", max_length=MAX_QUERY_CHARS)):
        return page("search.html", q=q, results=store.search(q))

    @app.get("/story/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str):
        stored = store.story_page(story_id)
        if stored is None:
            raise HTTPException(404, "no such story")
        title, body, version = stored
        if body is None or version != page_version():  # made by another template: render it now
            story, mention_counts, articles = load_story(story_id)
            body = story_body(story, mention_counts, articles)
        return page("story.html", title=title, body=Markup(body))

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(
        article_id: str, start: int | None = Query(None, ge=0), end: int | None = Query(None, ge=0),
        field: str = Query("text", pattern="^(text|title)$"),
    ):  # fmt: skip
        a = store.article(article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        story_id = store.article_story(article_id)
        if field == "title":  # a cited headline
            return page("article.html", a=a, parts=highlight_parts(a.text, None, None), title_parts=highlight_parts(a.title or "", start, end), story_id=story_id)
        return page("article.html", a=a, parts=highlight_parts(a.text, start, end), title_parts=[(a.title or "(untitled)", False)], story_id=story_id)

    # -- JSON API --
    @app.get("/api/stories", tags=["stories"])
    async def api_stories(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)) -> dict:
        return {"stories": store.story_list(limit, offset), "counts": store.counts()}

    @app.get("/api/stories/{story_id}", tags=["stories"])
    async def api_story(story_id: str):
        d = store.story_dict(story_id)
        if d is None:
            raise HTTPException(404, "no such story")
        meta = store.article_meta(d["article_ids"])
        d["sources"] = [
            {"id": a.id, "publisher": a.publisher, "date": a.date, "title": a.title, "duplicate_of": a.duplicate_of}
            for a in (meta[i] for i in d["article_ids"] if i in meta)
        ]
        return JSONResponse(d)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    async def api_article(article_id: str) -> dict:
        a = store.article(article_id)
        if a is None:
            raise HTTPException(404, "no such article")
        return {"id": a.id, **article_fields(a), "duplicate_of": a.duplicate_of, "story_id": store.article_story(article_id)}

    @app.get("/api/search", tags=["search"])
    async def api_search(q: str = Query(..., min_length=1, max_length=MAX_QUERY_CHARS)) -> dict:
        start = time.perf_counter()
        results = store.search(q)
        return {**results, "query": q, "seconds": round(time.perf_counter() - start, 4)}

    app.state.store = store
    return app


def app_from_env():
    """Factory for multi-worker serving: each worker process opens the store named in STORYLINE_DB."""
    import os

    return create_app(os.environ["STORYLINE_DB"])
