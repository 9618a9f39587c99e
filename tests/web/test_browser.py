"""Browser tests in headless Chromium (Debian's /usr/bin/chromium driven by Playwright; never
`playwright install`). Skipped only where that browser is not installed; .ci/run installs it.

STORYLINE_UPDATE_SCREENSHOTS=1 also writes docs/screenshot-story.png (the README's screenshot).
"""

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (apt-get install chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server(store_db):
    import uvicorn

    from storyline.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_story_citation_opens_highlighted_sentence(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(server + "/")
    page.get_by_role("link", name="Kessler", exact=False).first.click()
    page.wait_for_selector("h2:has-text('Summary')")
    assert page.locator("svg[aria-label='timeline chart'] circle").count() >= 2
    shot = ROOT / "docs" / "screenshot-story.png" if os.environ.get("STORYLINE_UPDATE_SCREENSHOTS") else tmp_path / "story.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot), full_page=False)
    cite = page.locator("ul.summary a.cite").first
    cited_sentence_start = page.locator("ul.summary li").first.inner_text()[:40]
    cite.click()
    mark = page.locator("mark#hl")
    mark.wait_for()
    assert mark.is_visible()
    assert page.url.endswith("#hl")
    assert mark.inner_text().strip()
    # the highlighted sentence is the cited one, or a paraphrase of it in another source
    assert len(mark.inner_text().split()) >= 5
    assert cited_sentence_start


def test_search_finds_an_article(server, browser):
    page = browser.new_page()
    page.goto(server + "/")
    page.get_by_label("search").fill("sourdough")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("p.result")
    link = page.locator("a.article-link").first
    link.click()
    page.wait_for_selector("div.article-text")
    assert "sourdough" in page.locator("div.article-text").inner_text().lower()


def test_hostile_article_executes_nothing(server, browser, store_db, tmp_path):
    import storyline
    from storyline.store import Store

    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/search?q=engineers+removed+posts")
    page.locator("a.article-link").first.click()
    page.wait_for_selector("div.article-text")
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.title() != "pwned"
    assert "<script>" in page.locator("body").inner_text()  # shown as text
    # clicking the javascript: "link" is impossible: it is text, not an anchor
    assert page.locator("a[href^='javascript:']").count() == 0
    page.locator("a", has_text="its story").click()
    page.wait_for_selector("h2:has-text('Summary')")
    assert page.evaluate("() => window.__pwned === undefined")
    # the self-contained report.html of the same data
    store = Store(store_db)
    storyline.write_reports(store.digest(), tmp_path)
    store.close()
    page.goto((tmp_path / "report.html").as_uri())
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.title() != "pwned"
