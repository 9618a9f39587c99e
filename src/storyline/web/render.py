"""Story page bodies.

A story page is a pure function of the story and its articles' metadata, and both change only
when an ingest rebuilds the story. So the store renders the body once, when it builds the story,
and keeps it with the story (`story_data.page`); the server sends it with one lookup. A body made
by another version of the template is not used: the server renders it live instead, and the next
`storyline ingest` renders it again. Everything is autoescaped Jinja2, whichever process renders.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from storyline.model import Article, Story

PAGE_SOURCES = 100  # sources (and copies) listed on a story page; the JSON API has all of them
PAGE_SPEAKERS = 10  # most quoted speakers shown in the quote ledger
PAGE_QUOTES_PER_SPEAKER = 5


@lru_cache(maxsize=1)
def template_env():
    """The autoescaping Jinja2 environment of the web templates (pages and stored bodies alike)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from storyline.report.words import count_noun

    env = Environment(loader=PackageLoader("storyline.web", "templates"), autoescape=select_autoescape(default=True))
    env.globals["count_noun"] = count_noun
    return env


@lru_cache(maxsize=1)
def page_version() -> str:
    """Identifies the template (and limits) a stored body was made with."""
    from storyline import __version__

    source = template_env().loader.get_source(template_env(), "story_body.html")[0]
    key = f"{__version__}|{PAGE_SOURCES}|{PAGE_SPEAKERS}|{PAGE_QUOTES_PER_SPEAKER}|{source}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def story_body(story: Story, mention_counts: dict[str, int], articles: dict[str, Article]) -> str:
    """The HTML of a story page's body. `articles` needs id, title, publisher, date and
    duplicate_of of the story's articles (text is not used)."""
    from storyline.report.html import timeline_chart

    number = {aid: i + 1 for i, aid in enumerate(story.article_ids)}
    reps = [articles[i] for i in story.article_ids if i in articles and not articles[i].duplicate_of]
    copies = [articles[i] for i in story.article_ids if i in articles and articles[i].duplicate_of]
    quotes_by_speaker: dict[str, list] = {}
    for q in sorted(story.quotes, key=lambda q: (q.date or "9999", q.span.start)):
        quotes_by_speaker.setdefault(q.speaker or "(speaker unknown)", []).append(q)
    # A story of hundreds of articles: the page shows the most quoted speakers and the first
    # sources, and says how many more the JSON API has (a page of megabytes helps nobody).
    speakers = sorted(quotes_by_speaker, key=lambda k: -len(quotes_by_speaker[k]))[:PAGE_SPEAKERS]
    quotes_shown = {k: (v[:PAGE_QUOTES_PER_SPEAKER], len(v)) for k, v in quotes_by_speaker.items() if k in speakers}
    return template_env().get_template("story_body.html").render(
        story=story, articles=articles, number=number, reps=reps[:PAGE_SOURCES], n_reps=len(reps),
        copies=copies[:PAGE_SOURCES], n_copies=len(copies), mention_counts=mention_counts, quotes_by_speaker=quotes_shown,
        n_speakers=len(quotes_by_speaker), chart=timeline_chart(story.timeline),
    )  # fmt: skip
