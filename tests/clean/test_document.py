"""clean_document: which route an input takes, and what it says about it."""

import pytest

from storyline.clean import clean_document, looks_like_markup
from storyline.model import Article, RawDocument

BODY = (
    "The city council approved the new tram line on Tuesday after a debate that lasted six hours. "
    "Construction is due to start in the spring and the first trams should run within three years."
)


def page_source(body: str) -> str:
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(30))
    return (
        "Council approves tram line - City News</title><script>var x = 1;</script></head><body>"
        f'<div id="nav"><ul>{nav}</ul></div><div class="story"><h1>Council approves tram line</h1>'
        f"<p>{body}</p><p>The mayor said the line would link the station with the university campus.</p></div>"
        '<div id="footer"><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div></body></html>'
    )


def test_page_source_in_a_text_field_is_extracted_as_a_page():
    raw = RawDocument(source="row 1", text=page_source(BODY))
    article = clean_document(raw)
    assert isinstance(article, Article)
    assert BODY in article.text and "Section 7" not in article.text and "<" not in article.text
    assert [r.reason for r in article.removed][:1] == ["html-markup"]


def test_an_article_that_quotes_a_few_tags_stays_text():
    text = (
        "Web designers argue about markup. A page starts with <html> and a paragraph with <p>, and a "
        "link is written <a href=\"...\">. " + BODY
    )
    assert not looks_like_markup(text)
    article = clean_document(RawDocument(source="row 2", text=text))
    assert isinstance(article, Article) and "html-markup" not in {r.reason for r in article.removed}
    assert "<p>" in article.text


def test_markup_share_decides_not_tag_count():
    many_tags_in_long_text = (BODY + " ") * 400 + "".join("<br>" for _ in range(30))
    assert not looks_like_markup(many_tags_in_long_text)
    assert looks_like_markup(page_source(BODY))


def test_on_a_page_the_printed_dateline_beats_the_metadata_date():
    html = (
        '<html><head><title>Council approves tram line</title>'
        '<meta property="article:published_time" content="2008-08-01T10:00:00"></head><body>'
        "<article><h1>Council approves tram line</h1><p>Published 01/08/2008 - 10:07 a.m. GMT</p>"
        f"<p>{BODY}</p><p>The mayor said the line would link the station with the university campus.</p></article>"
        "</body></html>"
    )
    article = clean_document(RawDocument(source="page", html=html))
    assert isinstance(article, Article)
    assert (article.date, article.date_source) == ("2008-01-08", "dateline")
    no_dateline = html.replace("<p>Published 01/08/2008 - 10:07 a.m. GMT</p>", "")
    article = clean_document(RawDocument(source="page", html=no_dateline))
    assert (article.date, article.date_source) == ("2008-08-01", "html-meta")


def test_page_source_nested_10000_levels_in_a_text_field_is_handled_per_item():
    sentence = "The council approved the budget for the harbour on Tuesday after a long debate in the hall."
    article = clean_document(RawDocument(source="deep", text="<div>" * 10_000 + sentence + "</div>" * 10_000))
    assert isinstance(article, Article) and article.text == sentence
    empty = clean_document(RawDocument(source="deep-empty", text="<div><p>" * 5_000 + "x"))
    assert empty.source == "deep-empty" and "no article text" in empty.reason


def test_site_names_are_split_from_page_titles():
    from storyline.clean.metadata import split_site_name

    cases = {
        "Groban CD breaks Christmas record - UPI.com": ("Groban CD breaks Christmas record", "UPI.com"),
        "Stolen Picasso recovered undamaged in Brazil | Special reports | Guardian Unlimited": (
            "Stolen Picasso recovered undamaged in Brazil", "Guardian Unlimited"),
        "Patriots: Coach never better - The Boston Globe": ("Patriots: Coach never better", "The Boston Globe"),
        "NDTV.com: Modi, BJP leaders discuss poll strategies": ("Modi, BJP leaders discuss poll strategies", "NDTV.com"),
        "Laursen close to new deal - Football News | SPORTBOX.tv - Nothing Inside But Sport": ("Laursen close to new deal", "SPORTBOX.tv"),
        # An attribution, not a site; a headline with its own colon; too short to be a headline without the rest.
        "Escalation on Korean Peninsula Due to US Military Buildup Unacceptable - Lavrov": (
            "Escalation on Korean Peninsula Due to US Military Buildup Unacceptable - Lavrov", None),
        "Lavrov: Korean escalation unacceptable": ("Lavrov: Korean escalation unacceptable", None),
        "Short one | Site": ("Short one | Site", None),
        # A leading outlet or domain before a dash, and a blog's name around the headline.
        "BBC News - Stuxnet thwarted by control code update": ("Stuxnet thwarted by control code update", "BBC News"),
        "eCanadaNow.com - Harbour ferry plan approved after debate": ("Harbour ferry plan approved after debate", "eCanadaNow.com"),
        "Kindle Direct Delivery for Hacker Monthly - Hacker Monthly Blog": (
            "Kindle Direct Delivery for Hacker Monthly", "Hacker Monthly Blog"),
        "Google News Blog: Highlighting journalists on Google News": ("Highlighting journalists on Google News", "Google News Blog"),
        # A person before a dash is not an outlet; nor is a review's name where other segments follow.
        "Lavrov - the man who said no to everyone in the room": ("Lavrov - the man who said no to everyone in the room", None),
        "Starlet Movie Review - SXSW, Dree Hemingway | Everywhere": ("Starlet Movie Review - SXSW, Dree Hemingway", "Everywhere"),
        # A blog's arrows point away from the post's title: "Post « Blog", "Blog » Blog Archive » Post".
        "Pickled Peaches « Harbour Foodie": ("Pickled Peaches", "Harbour Foodie"),
        "Harbour Notes » Blog Archive » Ferry plan approved after debate": ("Ferry plan approved after debate", "Harbour Notes"),
        "Home » News » Ferry plan approved after debate": ("Ferry plan approved after debate", None),
        "Ferry plan approved after debate » Harbour Notes": ("Ferry plan approved after debate » Harbour Notes", None),
    }
    for title, expected in cases.items():
        assert split_site_name(title) == expected, title


# Three sentences of an article about the harbour, under the page lines each title test varies.
HARBOUR_BODY = [
    "The city council approved a new budget for the harbour district on Tuesday after a long debate.",
    "Council members voted eleven to four in favour of the plan, which includes funding for new ferries.",
    "The harbour authority said construction of the first ferry terminal would begin next spring.",
]


def clean_page(*page_lines: str) -> Article:
    """The article cleaned from a page of these lines over `HARBOUR_BODY`."""
    article = clean_document(RawDocument("page.txt", text="\n\n".join([*page_lines, *HARBOUR_BODY])))
    assert isinstance(article, Article)
    return article


def test_article_title_loses_its_site_suffix_and_names_the_publisher():
    a = clean_page("Harbour ferry plan approved after long debate - The Harbour Times", "Local News")
    assert a.title == "Harbour ferry plan approved after long debate"
    assert a.publisher == "The Harbour Times"  # not the "Local News" section heading


def test_a_site_name_the_page_prints_alone_is_cut_from_the_title_however_unlike_a_site_it_looks():
    """"Headline – Blog name - Tagline": the tail looks like no outlet, but the page prints it on a
    line of its own (its masthead), so it is the site's, not the headline's; its name is the publisher."""
    title = "Harbour ferry plan approved after a long and bitter debate in the town hall – Tide Tables - Ferries, Tides and Town Talk"
    a = clean_page(title, "Tide Tables - Ferries, Tides and Town Talk", "Home")
    assert (a.title, a.publisher) == ("Harbour ferry plan approved after a long and bitter debate in the town hall", "Tide Tables")
    # Not printed alone: the title keeps it (it may be the headline's own words).
    assert clean_page(title, "Home").title.startswith("Harbour ferry plan approved after a long and bitter debate in the town hall – Tide Tables")


TOPIC_LINKS = ["Health", "Disease", "Medicine", "Transport", "Ferries", "Council", "Budget", "Harbour", "Weather",
               "Tides", "Boats", "Fishing", "Markets", "Events", "Letters", "Opinion"]


def test_the_headline_printed_alone_is_not_taken_for_a_masthead_at_the_end_of_the_title():
    """"Site - Section - Headline": the page prints the headline alone above the article (here
    over a long list of topic links); that is the headline, not a site's name to cut from the title."""
    a = clean_page("Harbour Times - Local News - Ferry plan approved after a long debate", "Home",
                   "Ferry plan approved after a long debate", *TOPIC_LINKS)
    assert a.title.endswith("Ferry plan approved after a long debate"), a.title


def test_language_of_other_languages_with_profiles_loaded_as_tuples():
    pytest.importorskip("langdetect")
    from langdetect import detector_factory

    from storyline.clean.metadata import detect_language

    assert detect_language("Der Bürgermeister eröffnete am Samstag die neue Brücke über den Fluss der Stadt.") == "de"
    assert detect_language("Le ministre a rencontré lundi son homologue américain à Manille pour parler de la Corée.") == "fr"
    table = detector_factory._factory.word_lang_prob_map
    assert table and all(type(probs) is tuple for probs in table.values())  # nothing for the cycle collector to walk
    english = "The minister said on Monday that the talks with his counterpart would go on for another week in Manila."
    assert detect_language(english) == "en"


def test_an_input_over_the_size_limit_is_cut_and_says_so(monkeypatch):
    import importlib

    # (the package, not the `storyline.clean` function that the top-level package exports)
    monkeypatch.setattr(importlib.import_module("storyline.clean"), "MAX_INPUT_CHARS", 1_000)
    text = "Council approves tram line\n\n" + BODY + "\n\n" + BODY.replace("tram", "bus") + "\n\n" + "x " * 5_000
    article = clean_document(RawDocument("big.txt", text=text))
    assert isinstance(article, Article)
    cut = [r for r in article.removed if r.reason == "too-long-truncated"]
    assert cut and cut[0].text == f"[{len(text) - 1_000} characters]"  # how much was left unread
    assert "approved the new tram line" in article.text


def test_one_very_long_line_is_read_in_pieces():
    line = (BODY + " ") * 600  # one line of ~120,000 characters: no line break anywhere
    article = clean_document(RawDocument("one-line.txt", text=line))
    assert isinstance(article, Article)
    assert [len(part) for part in article.text.split("\n")] == [100_000, len(line) - 100_001]  # pieces, nothing lost
    assert article.text.count("approved the new tram line") >= 500


def test_the_cycle_collector_is_paused_for_an_article_and_left_as_it_was(monkeypatch):
    import gc
    import importlib

    clean_module = importlib.import_module("storyline.clean")
    real_clean = clean_module._clean
    seen: list[bool] = []

    def recording(*args):
        seen.append(gc.isenabled())
        return real_clean(*args)

    def deeply_nested(*args):
        raise RecursionError

    monkeypatch.setattr(clean_module, "_clean", recording)
    was = gc.isenabled()
    try:
        gc.enable()
        assert isinstance(clean_document(RawDocument("a.txt", text=BODY)), Article)
        assert seen == [False] and gc.isenabled()  # off while cleaning, on again after
        gc.disable()  # a caller that switched it off keeps it off
        clean_document(RawDocument("a.txt", text=BODY))
        assert seen == [False, False] and not gc.isenabled()
        gc.enable()
        monkeypatch.setattr(clean_module, "_clean", deeply_nested)
        assert "too deeply nested" in clean_document(RawDocument("deep.html", text=BODY)).reason
        assert gc.isenabled()  # on again after an article that failed
    finally:
        (gc.enable if was else gc.disable)()
