"""Template lines learned from a pile (`storyline.clean.template_lines`)."""

from storyline.clean import template_lines

TOPICS = {
    "ferry": "The harbour ferry timetable changes on Monday as the council adds evening crossings for commuters.",
    "bakery": "A village bakery won the regional bread prize for its sourdough loaves and rye rolls this spring.",
    "chess": "The junior chess club beat three visiting schools after a long endgame in the final round.",
    "orchard": "Apple growers expect a late harvest because frost damaged blossoms across the valley orchards.",
    "museum": "The railway museum restored a steam locomotive that once pulled coal wagons through the hills.",
    "choir": "The cathedral choir recorded an album of winter carols with a brass quintet from the conservatory.",
}
FILLER = [f"Unrelated item number {n} about subject {n} with details only found here." for n in range(200)]
BIO = "Harbour Notes is a small blog about everyday life on the coast, written by one resident since 2009."


def post(topic: str, *extra: str) -> str:
    body = TOPICS[topic]
    words = body.rstrip(".").split()
    more = [" ".join(words[k:] + words[:k]).capitalize() + "." for k in (3, 6, 9)]  # more of the same story
    return "\n".join([f"{topic.capitalize()} news", body, *more, *extra])


def test_a_menu_line_in_a_share_of_the_pile_is_a_template_but_a_reposted_story_is_not():
    pile = [post(t, "Site Menu Home About") for t in TOPICS] + FILLER[:40]
    assert "site menu home about" in template_lines(pile)
    reposts = [post("ferry")] * 5 + FILLER[:40]
    assert not {ln.lower() for ln in post("ferry").split("\n")} & template_lines(reposts)


def test_a_sentence_under_posts_on_unrelated_things_is_a_template_however_big_the_pile():
    pile = [post(t, BIO) for t in ("ferry", "bakery", "chess")] + FILLER  # 3 of 203 documents: under 5%
    assert BIO.lower() in template_lines(pile)
    # a short line (a headline in a "recent posts" list) needs the pile-wide share
    short = "Chess club wins again"
    pile = [post(t, short) for t in ("ferry", "bakery", "chess")] + FILLER
    assert short.lower() not in template_lines(pile)


def test_a_paragraph_quoted_by_stories_about_one_event_is_not_a_template():
    quote = '"We will run the ferry every evening from Monday, whatever the weather," the harbour master told reporters.'
    leads = [
        "The harbour ferry will sail every evening from Monday, the harbour authority said on Friday.",
        "Evening ferry crossings return to the harbour next week after commuters asked the council for them.",
        "Commuters will get evening ferry sailings across the harbour from Monday under the council's new timetable.",
    ]
    stories = [f"{lead}\n{quote}\nOutlet {k}: the harbour ferry plan costs the council more than last year's timetable."
               for k, lead in enumerate(leads)]
    assert quote.lower() not in template_lines(stories + FILLER)


def test_a_bio_under_picture_posts_with_no_other_sentence_is_a_template():
    """Picture posts print a title, a credit and the blog's bio: their long lines are only the
    bio, which makes them alike without making them re-posts of one story."""
    pile = [f"{title}\nvia example.com\n{BIO}" for title in ("Painted oars", "Lighthouse at dusk", "Crab pots")] + FILLER
    assert BIO.lower() in template_lines(pile)
