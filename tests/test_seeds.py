"""The seed pile (../shared/seeds: five scraped articles on Lavrov, Tillerson and North Korea) is the
first thing a user runs; skipped where the shared folder is absent."""

import re

from storyline import digest


def test_seeds_form_one_story_whose_summary_covers_its_events(seeds_dir):
    result = digest([str(seeds_dir)])
    assert len(result.articles) == 5 and len(result.stories) == 1
    story = result.stories[0]
    summary = " ".join(s.text for s in story.summary)
    assert "Manila" in summary  # the August meeting at the ASEAN forum
    assert "phone call" in summary or "by phone" in summary  # the October call
    assert "Federation Council" in summary  # the December speech
    assert not re.search(r"log in|register|donate|comment|read more|subscribe", summary, re.I)
    by_id = {a.id: a for a in result.articles}
    for s in story.summary:  # every sentence and citation points at stored text
        assert by_id[s.span.article_id].text[s.span.start : s.span.end] == s.text
        assert all(by_id[c.article_id].text[c.start : c.end] for c in s.citations)
