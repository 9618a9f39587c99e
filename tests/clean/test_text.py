"""Every removal reason of the plain-text cleaner, on synthetic pages."""

from storyline.clean.text import clean_text

BODY = [
    "The city council approved a new budget for the harbour district on Tuesday after a long debate.",
    "Council members voted eleven to four in favour of the plan, which includes funding for new ferries.",
    "The harbour authority said construction of the first ferry terminal would begin next spring.",
    "Opponents of the harbour plan argued that the budget ignores the needs of the older neighbourhoods.",
]


def page(head: list[str], tail: list[str], middle: list[str] | None = None) -> str:
    body = BODY[:2] + (middle or []) + BODY[2:]
    return "\n\n".join(head + body + tail)


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def assert_removed_as(result, lines: list[str], reason: str) -> None:
    got = reasons(result)
    assert all(got.get(line) == reason for line in lines), {line: got.get(line) for line in lines}


def assert_body_kept(result) -> None:
    assert all(s in result.text for s in BODY)


def assert_tail_removed_as(tail: list[str], reason: str, lines: list[str] | None = None):
    """The page's lines under the article (`lines` of them, all by default) go with `reason`; the article stays."""
    r = clean_text(page([], tail))
    assert_removed_as(r, tail if lines is None else lines, reason)
    assert_body_kept(r)
    return r


def test_keeps_the_article_body():
    r = clean_text(page(["Home", "News"], ["Privacy Policy"]))
    for sentence in BODY:
        assert sentence in r.text


def test_navigation_login_share_subscription_legal():
    r = clean_text(page(["Home", "Log in", "Register", "Share this article"], ["Subscribe to our newsletter", "Privacy Policy", "© 2024 Harbour Times. All rights reserved."]))
    got = reasons(r)
    assert got["Home"] == "navigation"
    assert got["Log in"] == "login" and got["Register"] == "login"
    assert got["Share this article"] == "share"
    assert got["Subscribe to our newsletter"] == "subscription"
    assert got["Privacy Policy"] == "legal"
    assert_body_kept(r)


def test_donation_appeal_ends_the_article():
    appeal = "We believe readers deserve a credible independent source of harbour news and we need your help to keep going."
    r = clean_text(page([], ["Donate Today!", "Support HARBOURNEWS to help build a local news network", appeal]))
    got = reasons(r)
    assert got["Donate Today!"] == "donation"
    assert appeal not in r.text


def test_a_counted_comment_header_closes_the_article_without_signatures():
    comments = [
        "{ 167 comments }",
        "Hesham Zebida",
        "The tutorial I would most like to see is how to build the ferry timetable page with the new tools.",
        "Alayna F",
        "Great post, I agree with every word of it and I will share it with my friends at the harbour club.",
    ]
    assert_tail_removed_as(comments, "comments")
    closed = ["Comments are now closed for this story", "Stephen B",
              "The time has come for the council to start cutting the fat from the harbour budget instead."]
    r = clean_text(page([], closed))
    assert_removed_as(r, closed, "comments")

    from storyline.clean import vocab

    for counted in ['45 users responded in " The biggest blogging mistake I ever made "', "Filed under: Travel | 48 Comments »"]:
        assert vocab.COUNTED_COMMENTS_HEADER.match(counted)
    assert vocab.COMMENTS_HEADER.match("Comments »") and not vocab.COUNTED_COMMENTS_HEADER.match("Comments »")
    for signature in ["Kevin said,", "infamousdx said,", "2. The Keeper - October 26, 2012"]:
        assert vocab.is_comment_signature(signature), signature
    assert not vocab.is_comment_signature("The mayor said the ferry would run on Sunday, October 26, 2012.")
    # an uncounted "Comments" header still needs a signature after it, like this one
    signed = ["Comments", "I was at the council meeting and the vote was much closer than the paper says here.",
              "by Harbour Fan on Aug 8, 2012 5:21 PM PDT reply actions"]
    r = clean_text(page([], signed))
    assert_removed_as(r, signed, "comments")


# A WordPress count naming a long post title is a counted header, however long the title.
COUNTED_LONG = ["14 comments to What the harbour ferries teach us about the city: budgets, votes and the long wait for boats",
                "Colin Roald", "October 1st, 2012 at 2:04 pm",
                "This is remarkably topical for me, we moved to the harbour district a year ago and take the ferry."]
# "Post a Comment", then a commenter's bare name over what they wrote, and another one: a thread.
BARE_NAMES = ["Post a Comment", "h4rm0ny",
              "I don't care whether the council did this for the voters or for the ferry company, it is good news.",
              "Joel Hruska", "Actually, the council did publish the full budget and the votes of every member.",
              "intrimazz", "The ferries have been promised for twenty years and I will believe it when I see them."]
# No header at all: names on their own lines, each over the time it was posted (the stamps go as datelines).
STAMPED = ["Colin Roald", "October 1st, 2012 at 2:04 pm",
           "This is remarkably topical for me, we moved to the harbour district a year ago and take the ferry.",
           "Mary P", "October 1st, 2012 at 4:42 pm",
           "The older neighbourhoods were promised a ferry stop too, and nobody mentions that any more.",
           "Elizabeth", "October 2nd, 2012 at 9:15 am",
           "Thanks for writing this up, the council's own summary of the budget was impossible to follow."]


def test_comments_named_on_their_own_lines_under_a_header_are_a_thread():
    for thread in (COUNTED_LONG, BARE_NAMES, STAMPED):
        assert_tail_removed_as(thread, "comments", [line for line in thread if thread is not STAMPED or "2012" not in line])
    # A "Comments" link over the article's own text (a subheading further down) is no thread.
    middle = ["Comments", BODY[1], "Ferry routes", "The first route will link the harbour with the old town centre, officials said."]
    r = clean_text("\n\n".join(BODY[:1] + ["Harbour desk"] + middle + BODY[2:]))
    assert "Ferry routes" in r.text and all(s in r.text for s in BODY)


def test_comment_policy_and_comment_prompts():
    tail = [
        "Leave a Reply",
        "You are commenting using your Twitter account. Log Out / Change )",
        "Comments are moderated. Users must not post abusive messages, and moderators may delete comments and block user accounts.",
    ]
    r = clean_text(page([], tail))
    got = reasons(r)
    assert got["Leave a Reply"] == "comments"
    assert got[tail[1]] == "comments"
    assert tail[2] not in r.text


def test_dateline_byline_and_publisher_line_become_metadata():
    r = clean_text(page(["Harbour Times", "16:34 06.08.2017(updated 19:14 06.08.2017)", "By Jane Holloway"], ["Harbour Times copy"]))
    got = reasons(r)
    assert got["16:34 06.08.2017(updated 19:14 06.08.2017)"] == "dateline"
    assert r.dateline is not None and r.dateline.iso == "2017-08-06"
    assert got["By Jane Holloway"] == "byline" and r.author == "Jane Holloway"
    assert r.publisher == "Harbour Times"


def test_the_articles_dateline_is_the_one_nearest_its_body_not_the_sites_today_date():
    header = ["Tuesday, January 15, 2008", "Home", "News", "Sport", "Weather", "Business", "Contact us"]
    r = clean_text(page(header + ["Council approves harbour budget", "Published: January 09, 2008"], ["Posted January 20, 2008"]))
    assert r.dateline is not None and r.dateline.iso == "2008-01-09"
    assert reasons(r)["Tuesday, January 15, 2008"] == "dateline"  # removed all the same
    # far down the page header, still the article's, when it is the only one above the body
    r = clean_text(page(["Home"] * 3 + ["January 8, 2008"] + ["News", "Sport", "Weather"] * 6, []))
    assert r.dateline is not None and r.dateline.iso == "2008-01-08"


def test_a_publication_stamp_beats_an_update_stamp_printed_nearer_the_body():
    stamps = ["Posted at: 12/28/2007 06:23:34 PM", "Updated at: 01/02/2008 04:01:05 PM"]
    r = clean_text(page(["Council approves harbour budget"] + stamps, []))
    assert r.dateline is not None and r.dateline.iso == "2007-12-28"
    assert_removed_as(r, stamps, "dateline")
    # alone, an update stamp is the dateline
    r = clean_text(page(["Council approves harbour budget", "Updated at: 01/02/2008 04:01:05 PM"], []))
    assert r.dateline is not None and r.dateline.iso == "2008-01-02"


def test_a_day_month_ambiguous_dateline_is_read_as_the_page_prints_it_elsewhere():
    stamp = "First Published: 11:47 IST(11/1/2008)"
    r = clean_text(page(["Council approves harbour budget", stamp], ["Privacy Policy"]))
    assert r.dateline is not None and r.dateline.iso == "2008-11-01"  # alone: month first
    # the page's other dates say day first: a dateline above the stamp, or a comment's below the article
    for r in (
        clean_text(page(["Council approves harbour budget", "New Delhi, January 11, 2008", "Home", stamp], [])),
        clean_text(page(["Council approves harbour budget", stamp], ["Comments", "Posted by Anil on January 11, 2008"])),
    ):
        assert r.dateline is not None and r.dateline.iso == "2008-01-11"
        assert r.dateline_text == stamp


def test_a_date_opening_the_first_paragraph_is_the_dateline():
    first = "16 January 2008 – The Security Council today discussed the budget of the harbour mission in the north."
    r = clean_text("\n\n".join([first] + BODY))
    assert r.dateline is not None and r.dateline.iso == "2008-01-16"
    assert first in r.text  # the paragraph stays: the date is read, not cut


def test_repeated_title_is_metadata_not_body():
    title = "Council Approves Harbour Budget After Long Debate"
    r = clean_text("\n\n".join([title, title] + BODY))
    assert r.title == title
    assert title not in r.text
    assert [x.reason for x in r.removed] == ["title", "title"]


def test_photo_credit_caption_and_teaser():
    middle = [
        "A ferry docks at the old harbour terminal on Monday, March 3, 2024",
        "© Harbour Times/ John Smith",
        "Ferry Operators Warn Of Rising Fuel Costs",
        "(Credit: Screenshot by John Smith/Harbour Times)",
    ]
    r = clean_text(page([], [], middle))
    got = reasons(r)
    assert got[middle[0]] == "caption"
    assert got[middle[1]] == "photo-credit"
    assert got[middle[2]] == "related-links"
    assert got[middle[3]] == "photo-credit"


def test_reporting_before_a_photo_credit_is_not_its_caption():
    quote = '"The new ferries will be running before the summer," harbour master Ann Berg said on Tuesday evening.'
    lead = "HARBOURTOWN, Maine (AP) — The city council approved the harbour budget after a long debate on Tuesday."
    last = (
        "The harbour plan will be put to the regional assembly in the spring, and if it passes there, the first of "
        "the new terminals could open within three years, the council said, although opponents have promised to "
        "challenge the vote in court before then."
    )
    for line in (quote, lead, last):
        r = clean_text(page([], [], [line, "Photo: Harbour Times/John Smith"]))
        assert line in r.text and reasons(r)["Photo: Harbour Times/John Smith"] == "photo-credit", line
    # A credit line long enough to hold its own caption leaves the line before it alone.
    before = "The first ferry is expected to sail from the new terminal in the spring, officials said."
    credit = "Photo: The old harbour terminal, which will be torn down next year, seen on Monday. Harbour Times/John Smith"
    r = clean_text(page([], [], [before, credit]))
    assert before in r.text and reasons(r)[credit] == "photo-credit"


def test_read_more_and_related_link_lists():
    middle = ["READ MORE: Harbour Plan Faces New Legal Challenge"]
    tail = ["Related:", "Ferry Prices To Rise In Spring", "Mayor Opens New Bridge", "Tags:", "harbour, budget, council"]
    r = clean_text(page([], tail, middle))
    got = reasons(r)
    assert got[middle[0]] == "related-links"
    assert got["Ferry Prices To Rise In Spring"] == "related-links"
    assert got["Tags:"] == "tags"
    assert_body_kept(r)


def test_unrelated_celebrity_insert_is_removed():
    middle = [
        "Pop Star Lana Vey Stuns Fans With Surprise Beach Wedding!\nSinger Lana Vey posted glamorous photos from her secret ceremony in Ibiza, and fans flooded Instagram with hearts.",
    ]
    r = clean_text(page([], [], middle))
    got = reasons(r)
    assert got["Pop Star Lana Vey Stuns Fans With Surprise Beach Wedding!"] == "unrelated-insert"
    assert "Ibiza" not in r.text
    assert_body_kept(r)


def test_subheading_between_paragraphs_is_kept():
    r = clean_text(page([], [], ["Ferry funding"]))
    assert "Ferry funding" in r.text


def test_template_lines_from_the_pile():
    template = "Harbour Times is part of the Coastal Media Group"
    r = clean_text(page([], [template]), template_lines=frozenset({template.lower()}))
    assert reasons(r)[template] == "template"


def test_hard_wrapped_paragraphs_are_unwrapped():
    wrapped = (
        "The city council approved a new budget for the harbour district on\n"
        "Tuesday after a long debate that lasted well into the night, and the\n"
        "mayor said the decision would shape the waterfront for a generation\n"
        "of residents who live and work near the water."
    )
    r = clean_text(wrapped + "\n\n" + "\n\n".join(BODY[1:]))
    assert "harbour district on Tuesday" in r.text


# A letter copied from a PDF: every printed line its own paragraph, and a running header between pages.
PDF_LINES = [
    "On January 29, the Harbour Committee of the city council voted to release a report on",
    "the ferry contracts, which the council had kept confidential since the tender last spring.",
    "The report was forwarded to the mayor, who has the authority to publish documents that",
    "concern the finances of the city, and who decided that the public interest outweighs any",
    "need to keep the contracts secret. The mayor will present the report at a meeting in the",
    "PROPERTY OF THE HARBOUR COMMITTEE OF THE CITY",
    "town hall on Monday, together with the auditors who examined the ferry contracts in detail.",
    "PROPERTY OF THE HARBOUR COMMITTEE OF THE CITY",
    "Members of the committee said that the contracts were signed without a proper tender and",
    "that the costs of the ferries had doubled since the first estimate was made by the council.",
    "PROPERTY OF THE HARBOUR COMMITTEE OF THE CITY",
]


def test_text_copied_from_a_pdf_line_by_line_is_read_as_sentences():
    """Lines of one width, separated by blank lines, whose continuations start in lower case:
    a hard-wrapped column, joined back into paragraphs; a line printed on every page is not
    glued into the sentence it interrupts."""
    from storyline.clean.text import join_wrapped_lines

    text = "\n\n".join(PDF_LINES)
    r = clean_text(text)
    assert "voted to release a report on the ferry contracts, which the council" in r.text
    assert "who decided that the public interest outweighs any need to keep the contracts secret." in r.text
    assert "made by the council." in r.text
    assert "meeting in the PROPERTY" not in r.text and "CITY town hall" not in r.text
    joined = join_wrapped_lines(text)
    assert len(joined) == len(text)  # offsets into the joined text index the given one
    assert "report on  the ferry contracts" in joined  # the blank line became spaces
    assert "PROPERTY OF THE HARBOUR COMMITTEE OF THE CITY\n\ntown hall" in joined


def test_single_line_paragraphs_of_a_comment_thread_are_not_joined():
    """Reader comments and link lists are single lines too, but of any width, with signatures and
    capitals: they stay lines."""
    from storyline.clean.text import join_wrapped_lines

    thread = "\n\n".join([
        "by harbourfan on Aug 8, 2012 10:35 PM PDT up reply actions",
        "i would say yes, but he would have to divest himself of the ferry company first",
        "by oldsailor on Aug 8, 2012 10:38 PM PDT up reply actions",
        "unless the council decides to delay the tender for the second terminal again",
        "by quayside on Aug 8, 2012 10:41 PM PDT up reply actions",
        "maybe the auditors will find out who signed the contracts in the first place",
    ])
    links = "\n\n".join([
        "Harbour Authority Announces New Ferry Timetable For Summer",
        "Council Votes To Delay The Second Terminal Until Next Year",
        "Mayor Promises Audit Of All Ferry Contracts Signed Since 2010",
        "Residents Of The Old Town Protest Against Higher Harbour Fees",
    ])
    for text in (thread, links + "\n\nThe end of the list."):
        assert join_wrapped_lines(text) == text


def test_empty_and_whitespace_input():
    assert clean_text("").text == ""
    assert clean_text("   \n\n  ").text == ""


def test_reader_comment_section_after_the_article_is_removed():
    comments = [
        "Comments (3)",
        "Emily says:",
        "I think the ferries are a waste of money and nobody in my street will ever use them, honestly.",
        "Reply",
        "Heather on October 23rd, 2012 1:37 pm",
        "Great news for the harbour, my family has waited for this plan for more than twenty years now.",
    ]
    r = clean_text(page([], comments))
    for sentence in BODY:
        assert sentence in r.text
    got = reasons(r)
    assert got["Comments (3)"] == "comments"
    assert got[comments[2]] == "comments"
    assert got[comments[5]] == "comments"


def test_comments_word_in_a_menu_does_not_end_the_article():
    menu = ["World", "Sports", "Comment", "Culture"]
    r = clean_text(page(menu, []))
    for sentence in BODY:
        assert sentence in r.text


def test_article_mentioning_comments_is_not_cut():
    middle = ["The mayor said: \"We read every comment residents sent us about the ferries before the vote.\""]
    r = clean_text(page([], [], middle))
    assert middle[0] in r.text


def test_advertisement_and_site_policy():
    ad = "Advertisement"
    policy = (
        "Users must not post spam or flood the comments; moderators may delete any comment, user account or post "
        "that breaks the site policy on personal data and privacy."
    )
    job_ad = "The Largest Security-Cleared Career Network for Defense and Intelligence Jobs - JOIN NOW"
    r = clean_text(page([ad, job_ad], [policy], [ad]))
    got = reasons(r)
    assert got[ad] == "advertisement"
    assert got[job_ad] == "advertisement"  # a line ending "- Join now", "| Shop now!"
    assert got[policy] == "site-policy"

    from storyline.clean.vocab import any_line_reason

    assert any_line_reason("Harbour ferries for every season | Shop now!") == "advertisement"
    assert any_line_reason("The council said the harbour plan would go ahead for now") is None


def test_page_header_footer_and_after_article_end():
    header = "Tickets for the spring music festival in the botanical gardens go on sale at noon tomorrow."
    footer_teaser = "A local bakery won the regional bread contest for the third year in a row this weekend."
    r = clean_text(page([header, "Home", "News", "Sport"], ["Related stories", footer_teaser]))
    got = reasons(r)
    assert got[header] == "page-header"
    assert got[footer_teaser] == "after-article-end"
    r2 = clean_text(page([], ["Weather", "Sport", "Contact us", "Advertisement", footer_teaser]))
    assert reasons(r2)[footer_teaser] == "page-footer"
    # Under the article and past its furniture, a paragraph on the same subject is another story's
    # lead (a promotion, a related story), however close its words; above the article, a paragraph
    # on its subject is its standfirst, printed apart from it.
    related_lead = "The harbour authority also approved a budget for new ferries to serve the older neighbourhoods next year."
    menu = ["Weather", "Sport", "Contact us", "Advertisement", "Jobs", "Events"]
    r3 = clean_text(page([], menu + [related_lead]))
    assert reasons(r3)[related_lead] == "page-footer" and related_lead not in r3.text
    standfirst = "After a long debate the council approved the harbour budget, with funding for new ferries and terminals."
    r4 = clean_text(page(["Harbour budget passes", standfirst] + menu, []))
    assert standfirst in r4.text


def test_fragment_and_unpunctuated_lines_at_body_edges():
    teaser = "Harbour ferries timetable for next summer"
    r = clean_text(page([], [teaser]))
    assert teaser not in r.text
    assert reasons(r)[teaser] in ("page-footer", "fragment", "related-links")


def test_a_run_of_sentence_case_headlines_is_a_link_list_but_one_subheading_stays():
    related = ["Governments revive plans for high-speed trains between two cities", "Snow up to 20 inches buries the north coast"]
    subheading = "What happens to the old ferries"
    r = clean_text(page([], [], middle=related))
    assert_removed_as(r, related, "related-links")
    assert_body_kept(r)
    r = clean_text(page([], [], middle=[subheading]))
    assert subheading in r.text.split("\n")
    lead_in = "The plan has three parts:"
    assert lead_in in clean_text(page([], [], middle=[lead_in])).text


def test_leftover_tags_and_scripts_are_markup_but_a_line_that_mentions_a_tag_is_text():
    ad = '<a href="http://ads.example.com/click?n=a9cc" target="_blank"><img src="http://ads.example.com/b.gif" border="0"></a>'
    script = "<SCRIPT LANGUAGE='JavaScript1.1'>if (document.layers) {document.write('<SCR' + 'IPT src=x>');}</SCRIPT>"
    mention = "Readers asked why the council's new site still builds its pages with a <table> for the ferry timetable."
    r = clean_text(page([], [], middle=[ad, script, mention]))
    assert reasons(r)[ad] == reasons(r)[script] == "html-markup"
    assert mention in r.text


def test_a_long_line_that_never_ends_a_sentence_is_a_link_run_not_a_paragraph():
    links = (
        "Suicide bombing targets sheik outside the northern market 2-year old hospitalized after car crash on the "
        "ring road More violence in wake of disputed vote in the capital Harbour workers threaten new strike over pay"
    )
    r = clean_text(page([], [links]))
    assert links not in r.text and reasons(r)[links] in ("page-footer", "fragment", "related-links")
    # the same length of prose, cut off by the scraper inside the article, stays
    cut = (
        "The harbour authority said the terminal would open in stages. The first berth is due to open in May and "
        "the second in the autumn, while the ferry company has asked for a longer lease on the old pier and"
    )
    assert cut in clean_text(page([], [], middle=[cut])).text
    # inside the article: a list of names and headlines goes, a cut-off sentence with the
    # function words of prose stays
    listing = links
    prose = (
        "The ferry company has told the council that it will need at least two more years and a new loan from the "
        "regional bank before it can replace the oldest of the boats that run between the islands and the"
    )
    r = clean_text(page([], [], middle=[listing, prose]))
    assert listing not in r.text and prose in r.text


def test_an_unpunctuated_line_inside_the_article_is_a_caption_when_it_reads_as_one():
    caption = "The new ferry terminal at the east pier seen from the harbour office on Monday morning (Jo Roe/Harbour Times)"
    subheading = "What happens to the old ferries"
    r = clean_text(page([], [], middle=[caption]))
    assert caption not in r.text
    assert_body_kept(r)
    assert subheading in clean_text(page([], [], middle=[subheading])).text
    # Between two paragraphs with nothing removed around it, a longer unpunctuated line is more
    # often the article's (a list item, a pull quote) than a caption.
    line = "The ferry terminal at the east pier will open to passengers before the summer season begins"
    assert line in clean_text(page([], [], middle=[line])).text


def test_headlines_each_with_a_one_sentence_summary_are_a_list_of_other_stories():
    others = [
        "Design flaw found in river bridge",
        "An error in the original design of the river bridge caused its collapse, investigators said on Tuesday.",
        "Snow buries the north coast",
        "Up to twenty inches of snow fell on the north coast overnight, closing schools and the airport.",
    ]
    r = clean_text(page([], others))
    assert_removed_as(r, others, "related-links")
    assert_body_kept(r)


def test_a_headline_with_a_cut_off_teaser_links_to_another_story():
    head = "Ferry strike ends after two weeks"
    teaser = "Workers at the northern ferry company voted on Sunday to accept the offer made by..."
    r = clean_text(page([], [], middle=[head, teaser]))
    assert reasons(r)[head] == reasons(r)[teaser] == "related-links"
    assert_body_kept(r)
    # an ellipsis that ends an ordinary paragraph is not a teaser
    trailing = "The mayor listed the districts that would get a ferry first, then the second group, and so on..."
    assert trailing in clean_text(page([], [], middle=[trailing])).text


def test_publisher_line_becomes_metadata():
    r = clean_text(page([], ["Harbour Times copy"]))
    assert r.publisher == "Harbour Times"
    assert reasons(r)["Harbour Times copy"] == "publisher-line"


def test_unannounced_quote_without_names_is_not_an_insert():
    quote = "\"This has not been an easy week for the town, and we will keep listening to every one of you,\" she added."
    r = clean_text(page([], [], [quote]))
    assert quote in r.text


def test_body_agreeing_with_the_page_head_beats_a_longer_unrelated_block():
    recipe = [
        "Preheat the oven to two hundred degrees and butter a deep baking dish with plenty of soft butter.",
        "Whisk four eggs with the sugar until pale, then fold in the flour, the lemon zest and a pinch of salt.",
        "Pour the batter into the dish and bake for forty minutes, until a skewer pushed into the middle comes out clean.",
        "Let the cake cool for ten minutes before turning it out onto a rack and dusting it with icing sugar.",
        "Serve the cake warm with whipped cream, or keep it in a tin for up to three days without losing its crumb.",
        "Leftover slices can be toasted lightly and served with jam and a strong cup of black coffee in the morning.",
    ]
    head = ["Harbour council approves ferry budget", "Home", "News"]
    footer = ["Weather", "Sport", "Contact us", "Advertisement", "Privacy Policy", "Terms of Use", "Log in", "Register", "Recipes of the week"]
    r = clean_text("\n\n".join(head + BODY + footer + recipe))
    for sentence in BODY:
        assert sentence in r.text
    assert recipe[0] not in r.text


def test_email_a_friend_form_lines_are_share_furniture():
    form = [
        "Your Email: Your Email is Required. A valid email address is required.",
        "Send a copy to my email",
        "This station will not store your email address or your recipient's email address or use them in any way.",
    ]
    got = reasons(clean_text(page([], form)))
    assert all(got[line] == "share" for line in form)


def test_vocabulary_tables_match_lines_in_any_case():
    """The furniture tables are matched against lower-cased lines, so an upper-case letter in a
    pattern could never match: every literal letter must be lower case."""
    import re

    from storyline.clean import vocab

    patterns = [(reason, p) for reason, pair in vocab._ANY_LINE.items() for p in pair if p]
    for reason, pattern in patterns + list(vocab._SHORT_LINE.items()):
        literal = re.sub(r"\\.", "", pattern)  # escapes such as \W and \S are classes, not letters
        assert literal == literal.lower(), reason
    assert vocab.any_line_reason("ALL RIGHTS RESERVED.") == "legal"
    assert vocab.any_line_reason("Support Truthout To Help us keep reporting") == "donation"
    assert vocab.short_line_reason("Sign In") == "login"


def test_a_comment_thread_disclaimer_closes_the_article():
    thread = [
        "The Fine Print: The following comments are owned by whoever posted them. We are not responsible for them in any way.",
        "Not bad, but the council is completely off the mark when it comes to the needs of the older neighbourhoods.",
    ]
    r = clean_text(page([], thread))
    assert_removed_as(r, thread, "comments")
    assert_body_kept(r)


def test_author_archive_links_and_external_link_disclaimers():
    tail = ["View all posts by Becky", "External links are provided for reference purposes. The Harbour Times is not responsible for the content of external Internet sites."]
    r = clean_text(page([], tail))
    assert reasons(r)[tail[0]] == "navigation"
    assert reasons(r)[tail[1]] == "legal"
    assert_body_kept(r)


def test_a_huge_unpunctuated_list_does_not_hide_the_article():
    """A blog archive printed as one enormous line outweighs a short post by length alone; it holds
    no sentence, so the body is looked for again without it."""
    archive = "Blog Archive " + " ".join(f"{i % 12 + 1}/{i % 28 + 1}/12 - {i % 12 + 1}/{i % 28 + 2}/12 ({i % 9 + 1})" for i in range(600))
    sidebar = ["Older Post Home", "Loading...", "Support This Site:", "RSS Feed", "Twitter RSS Feed", "Latest", "About Me"] * 3
    text = "\n\n".join(["Open Or Closed", BODY[0], "by Atrios at 09:53", *sidebar, archive, "Contact"])
    r = clean_text(text)
    assert BODY[0] in r.text and archive not in r.text


def test_a_ranked_list_with_times_is_not_a_comment_thread():
    """Race results ("1. Name - 2:04:38") look like comment signatures (a name and a time); a numbered
    list of them is part of the article, not the start of its comments."""
    lines = [
        "The Chicago Marathon was run on Sunday in cool weather, and the men's race was decided after halfway.",
        "Tsegaye Kebede went to the front shortly after halfway and ran the second half faster than the first.",
        "His winning time broke the course record that had stood for several years on the flat Chicago route.",
        "The organisers said more than thirty-seven thousand runners finished the race before the course closed.",
        "Chicago 2012: Tsegaye Kebede breaks course record with 2:04:38",
        "1. Tsegaye Kebede - 2:04:38",
        "2. Feyisa Lelisa - 2:04:52",
        "3. Tilahun Regassa - 2:05:26",
        "So, three Ethiopians on the podium, and the first time in many years that a Kenyan has not won the race.",
        "Kebede was the class act of the day, and the aggressor in a race that the pacemakers left far too early.",
    ]
    r = clean_text("\n\n".join(["Home", "Sport"] + lines + ["Privacy Policy"]))
    assert "comments" not in reasons(r).values()
    assert lines[-2] in r.text and lines[-1] in r.text


def test_runs_of_cut_off_teasers_and_more_site_furniture():
    teasers = ["Gemini: During the early mor...", "Sagittarius: This is a good day f...", "Leo: Expect news from a frie..."]
    tail = ["Forgot your username or password?", "All content copyright Harbour News.com 1996 - 2007."]
    r = clean_text(page([], teasers + tail))
    assert_removed_as(r, teasers, "related-links")
    assert reasons(r)[tail[0]] == "login" and reasons(r)[tail[1]] == "legal"
    assert_body_kept(r)


def test_a_headline_printed_alone_and_in_the_page_title_is_removed_once_as_title():
    text = "\n\n".join(["Harbour ferry plan approved after long debate - The Harbour Times", "Home",
                       "Harbour ferry plan approved after long debate"] + BODY)
    r = clean_text(text)
    assert reasons(r).get("Harbour ferry plan approved after long debate") == "title"
    assert "Harbour ferry plan approved" not in r.text
    assert_body_kept(r)


def test_the_title_is_the_headline_a_page_prints_alone_above_the_article_not_its_site_prefixed_version():
    page_title = "The Harbour Sketchbook: Harbour ferry plan approved after long debate"
    text = "\n\n".join([page_title, "The Harbour Sketchbook", "Home", "About", "Harbour ferry plan approved after long debate"] + BODY)
    assert clean_text(text).title == "Harbour ferry plan approved after long debate"
    # Only the site's name printed alone (a masthead far above the article): the title stays as printed.
    text = "\n\n".join([page_title, "The Harbour Sketchbook", "Home", "About", "Archives", "Contact", "Search"] + BODY)
    assert clean_text(text).title == page_title


def test_a_short_headline_inside_a_title_with_section_and_site_is_the_title():
    """"Headline - Section - Site": the headline printed alone is the title's longest part, however
    short against the whole title; a site or section name printed alone is never taken for it."""
    page_title = "Ferry captain is engaged - Harbour Circuit - Harbour News"
    text = "\n\n".join([page_title, "Harbour Circuit", "Home", "News", "Ferry captain is engaged"] + BODY)
    assert clean_text(text).title == "Ferry captain is engaged"
    text = "\n\n".join([page_title, "Home", "News", "Sports", "Harbour Circuit"] + BODY)
    assert clean_text(text).title != "Harbour Circuit"
    # Printed alone at the top of the page, a menu of several items away from the article, it is still the headline.
    menu = ["Home", "News", "Sports", "Weather", "Contact us", "Events"]
    text = "\n\n".join([page_title, "Ferry captain is engaged"] + menu + BODY)
    assert clean_text(text).title == "Ferry captain is engaged"


def test_sentences_above_the_headline_printed_alone_are_the_pages_header():
    """A blog's description of itself and its newsletter box read as sentences; printed above the
    post's headline, they are the page's, not the article's."""
    box = ["Over 800 posts about one idea: how to run a small harbour business well and enjoy it.",
           "Join my free newsletter, Harbour Notes Weekly, and I will send you my guide to ferry timetables.",
           "No worries, this form appears only once, and your email will never be shared."]
    headline = "Harbour ferry plan approved after long debate"
    r = clean_text("\n\n".join([f"{headline} « Harbour Notes", "Harbour Notes", "Blog", "Contact", *box, headline] + BODY))
    assert_removed_as(r, box, "page-header")
    assert r.title == headline and headline not in r.text
    assert_body_kept(r)


def test_short_lines_between_two_paragraphs_with_nothing_removed_around_them_stay():
    """A list without bullets between paragraphs is the article's; the same lines next to a removed
    line, or after a cut-off teaser, are not known to be."""
    items = ["check the ferry timetable on the harbour website;", "buy a ticket online or at the pier;", "arrive ten minutes early:"]
    r = clean_text("\n\n".join(BODY[:2] + items + BODY[2:]))
    assert all(i in r.text for i in items), reasons(r)
    r = clean_text("\n\n".join(BODY[:2] + items + ["Advertisement"] + BODY[2:]))
    assert not any(i in r.text for i in items)
    assert_body_kept(r)


def test_a_list_inside_the_article_stays_but_a_list_of_other_stories_goes():
    """Ingredients or a table of figures between the article's paragraphs are its own; bullet
    points naming other stories there are links, however list-like."""
    ingredients = ["2 cups harbour mussels, cleaned", "1 tsp salt", "½ cup white wine", "3 cloves garlic, minced"]
    steps = ["Steam the harbour mussels in the white wine with the garlic until the mussels open, about five minutes.",
             "Season the mussels with the salt and serve them with bread from the harbour bakery on the same evening."]
    r = clean_text("\n\n".join(BODY[:2] + ["Ingredients:"] + ingredients + steps + BODY[2:]))
    assert all(line in r.text for line in ingredients), reasons(r)
    table = ["Ferries 12 14 +2", "Buses 40 38 -2"]
    r = clean_text("\n\n".join(BODY[:2] + table + BODY[2:]))
    assert all(line in r.text for line in table), reasons(r)
    # A recipe's ingredients printed under its method, after a heading, some without a quantity.
    r = clean_text("\n\n".join(BODY[:2] + steps + ["Ingredients for four:"] + ingredients + ["pepper to taste", "1 lemon"] + ["Pin It", "Labels: Dinner"]))
    assert all(line in r.text for line in ingredients + ["pepper to taste", "1 lemon"]), reasons(r)
    others = ["• Zoo welcomes twin panda cubs", "• Rock festival sells out in an hour", "• Local bakery wins national prize"]
    r = clean_text("\n\n".join(BODY[:2] + others + BODY[2:]))
    assert not any(line in r.text for line in others)
    assert_body_kept(r)


def test_a_list_a_sentence_of_the_article_introduces_stays_without_bullets():
    """"... asked the council for:" then short lines and the article going on: the article's own
    list, even when its items read like headlines. A short "Related:" introduces links."""
    intro = "At the meeting on Monday, the harbour workers and the ferry crews asked the council for:"
    items = ["Cutbacks in harbour fees", "Limits on ferry crew hours", "Changes in the ferry timetables",
             "A public inquiry into why the harbour budget ignores the older neighbourhoods"]
    after = "The council said the harbour workers and the ferry crews would get an answer on the harbour budget by May."
    r = clean_text("\n\n".join(BODY[:2] + [intro, "\n".join(items), after] + BODY[2:]))
    assert all(line in r.text for line in items), reasons(r)
    assert_body_kept(r)
    links = ["Zoo Welcomes Twin Panda Cubs", "Rock Festival Sells Out", "Local Bakery Wins Prize"]
    r = clean_text("\n\n".join(BODY[:2] + ["Related:", "\n".join(links)] + BODY[2:]))
    assert not any(line in r.text for line in links), reasons(r)


def test_a_list_announced_with_a_colon_may_end_the_article_and_its_lines_are_not_unwrapped():
    """"Here are the places we will visit:" then the places, one a line, at the end of the article:
    the article's list, though its items share none of its words. Its lines, of one width and
    unpunctuated, are not a hard-wrapped paragraph: each starts with a capital."""
    intro = "Here are the harbour towns the new ferries will visit in the first half of next year:"
    places = ["Brightwater Bay (north pier, old ferry terminal and the fish market)",
              "Kingsport Harbour (both piers, with a stop at the lighthouse in summer)",
              "Saltmarsh Point (south landing only, weather permitting on winter days)",
              "Eastcliff Marina (the new floating dock built by the harbour authority)"]
    r = clean_text("\n\n".join(BODY + [intro, "\n".join(places)] + ["Share this:", "Privacy Policy"]))
    assert all(line + "\n" in r.text + "\n" for line in places), r.text
    assert_body_kept(r)
    # Announcing other stories is not announcing the article's list.
    related = "Here are some more stories from the harbour desk that you may also like:"
    r = clean_text("\n\n".join(BODY + [related, "\n".join(places)] + ["Share this:", "Privacy Policy"]))
    assert not any(line in r.text for line in places)


SHORT_POST_FURNITURE = ["Comments (0)", "Leave a comment", "Name (required)", "Categories", "Archives", "November 2012",
                        "October 2012", "September 2012", "Search", "(c) 2012 The Harbour Sketchbook"]


def test_a_short_post_keeps_its_headline_and_its_few_lines():
    """A picture post has no run of sentences: its headline, printed in the page title and again
    alone, and the line under it are the article; the post's tag-and-time line is not."""
    text = "\n\n".join(["The Harbour Sketchbook » Ferries Drawn in Ink", "Ferries Drawn in Ink",
                        "drawings, images — Tags: ferries — sketcher @ 15:58",
                        "I love ferries and I love ink drawings, these are by a local artist"] + SHORT_POST_FURNITURE)
    r = clean_text(text)
    assert r.title == "Ferries Drawn in Ink"
    assert r.text == "I love ferries and I love ink drawings, these are by a local artist"


def test_a_short_post_may_have_a_two_word_headline():
    text = "\n\n".join(["The Harbour Sketchbook » Ferry Song", "Ferry Song", "sounds — sketcher @ 11:56",
                        "A perfect song by the harbour band. A big thanks to my neighbour for sending it to me"]
                       + SHORT_POST_FURNITURE)
    r = clean_text(text)
    assert r.title == "Ferry Song"
    assert r.text == "A perfect song by the harbour band. A big thanks to my neighbour for sending it to me"


def test_a_page_of_furniture_without_a_repeated_headline_has_no_short_post():
    text = "\n\n".join(["The Harbour Sketchbook", "Ferries Drawn in Ink", "drawings, images — sketcher @ 15:58",
                        "I love ferries and I love ink drawings, these are by a local artist"] + SHORT_POST_FURNITURE)
    r = clean_text(text)
    assert r.text == ""


def test_a_name_and_a_date_sign_a_comment_but_a_labelled_date_or_a_byline_does_not():
    from storyline.clean import vocab

    for signature in ["Jermaine 07 Nov 12", "Ana Lima 7 November 2012", "dipitblack October 2, 2012", "October 2, 2012, | Permalink",
                      "Luke, on November 7th, 2012 // Twitter: @lukej", "David Airey, on November 7th, 2012 //"]:
        assert vocab.is_comment_signature(signature), signature
    for line in ["Launch Date: January 28, 2011", "By John Smith November 7, 2012", "The meeting on 12 March 2012",
                 "Posted on November 7, 2012"]:
        assert not vocab.is_comment_signature(line), line
    assert_signed_thread_goes(["Jermaine 07 Nov 12", "Radex 07 Nov 12", "Ben Dunlap 08 Nov 12"])


THREAD_COMMENTS = [
    "Love it, the ferries will make the harbour so much nicer for everyone.",
    "Would be better if the plan also covered the older neighbourhoods, honestly.",
    "I am impressed mainly that the council saw it through to a vote at all.",
]


def assert_signed_thread_goes(signatures: list[str]) -> None:
    """A thread of comments, each under one of these signatures and no header, goes as "comments"."""
    thread = [line for pair in zip(signatures, THREAD_COMMENTS) for line in pair]
    r = clean_text(page([], thread))
    assert_body_kept(r)
    assert_removed_as(r, thread, "comments")


def test_a_commenters_link_and_name_and_a_blogger_signature_sign_comments():
    from storyline.clean import vocab

    for signature in ["http://twitter.com/jdoe Jane Doe", "http://www.example.org/blog harbourfan", "Linn said...",
                      "Anonymous said…"]:
        assert vocab.is_comment_signature(signature), signature
    for line in ["http://www.harbour.gov/ferries for the full timetable, fares and routes of 2012",
                 "The mayor said... nothing at all about the ferries", "See http://www.harbour.gov/ferries"]:
        assert not vocab.is_comment_signature(line), line
    # Disqus prints the commenter's website or profile and name above each comment: no header needed
    assert_signed_thread_goes(["http://twitter.com/jdoe Jane Doe", "http://www.facebook.com/rradex Rob Radex",
                               "http://bdunlap.example.com/ bdunlap"])


def test_comment_thread_states_share_bars_and_reading_lists_are_furniture():
    from storyline.clean import vocab

    expected = {
        "Loading comments…": "comments", "No comments:": "comments", "There are no comments yet": "comments",
        "Mail (will not be published) (required)": "comments", "Email This BlogThis! Share to Twitter Share to Facebook": "share",
        "Share to Pinterest": "share", "Follow @harbourdaily for breaking news and headlines.": "share",
        "You may like to read:": "related-links", "Posted on this day, other years:": "related-links",
        "Share Back to slideshow navigation": "navigation", "<< Previous Post": "navigation", "Next Post »": "navigation",
        "Prev Next": "navigation", "More Posts": "navigation", "One Trackback": "comments", "Download now! »": "advertisement",
        "Share this article What is this?": "share", "Email to a friend Printer friendly": "share",
        "Printer-friendly version Email-a-friend Respond": "share", "Social bookmark links": "share",
        "What are these links for?": "share", "Send me a copy of this e-mail.": "share", "Skip to next paragraph": "navigation",
        "Search the web for more...": "navigation", "Sign up to receive daily sports headlines.": "subscription",
        "Story continues": "related-links", "Quote | Report this post": "comments",
        "Email me if my comment is published.": "comments", "Not Registered? Quick registration and comment.": "comments",
        "Type the characters in this picture: *": "comments", "Please sign in to comment.": "login",
        "Log in to Reply": "login", "Login to leave a comment": "login",
        "Like It. Tweet It. Digg It.": "share", "posted 35 mins ago": "dateline", "Published 6 hours ago": "dateline",
    }
    for line, reason in expected.items():
        assert vocab.short_line_reason(line) == reason, line
    for line, reason in {
        "Media requires JavaScript and Adobe Flash to play.": "page-notice",
        "*Follow me @harbourfan and subscribe to the ferry blog ;)": "share",
        "Follow @HarbourNewsWorld": "share", "Follow @harbourball on Twitter, and Like Harbour Ball on Facebook.": "share",
        "This image contains graphic content that some viewers may find disturbing.": "page-notice",
        "Sign up for free email updates and be entered to win our monthly ferry-ticket giveaway!": "subscription",
        "If you're new here, you may want to subscribe to this blog via RSS. Thanks for visiting!": "subscription",
        "Or enter your email below to get Harbour Notes in your inbox:": "subscription",
        "Updates and free printables delivered straight to your inbox!": "subscription",
        "This website is supported, in part, by affiliate arrangements with the shops it links to.": "legal",
        "Notify me of followup comments via e-mail": "comments",
        "This commenter is a Harbour Post contributor.": "comments", "Editors recommend this comment or reader post.": "comments",
        "You must be logged in to recommend a comment.": "comments", "All comments are posted in the All Comments tab.": "comments",
        "and oh, if you want a pic to show with your comment, go get a gravatar!": "comments",
        "♥ If you enjoyed this article, please share it on:": "share",
        "Enter your friend’s email address below and a personal message if you wish.": "share",
        "Consider a donation if you like what you see here!": "donation",
        "Share this: Digg | del.icio.us | reddit | Facebook | What's this?": "share",
        "The information you provide will be used only to send the requested e-mail.": "share",
        "This material may not be reproduced, redistributed, or manipulated in any form.": "legal",
        "This site requires that JavaScript be enabled and the Flash plug-in be installed.": "page-notice",
        "If you believe that a commenter has not followed these guidelines, please tell us.": "comments",
        "· You've read the piece, now have your say. Email your comments to the editor.": "comments",
        "• Discuss this story on the Harbour League message board...": "comments",
        "Free trial. Read the complete edition of The Harbour Times on your computer.": "subscription",
        "Harbour Notes is powered by Blogger. Start your own blog.": "legal",
        "If you enjoyed this article, enter your email below to get free updates!": "subscription",
        "Ferry Strike: Why The Crews Finally… Aug 09 Read Article ► → 12": "related-links",
        "The harbour master says the crossing was rougher than a… Bonnie Says ► → 10": "related-links",
        "1938 – Archive Number: 39751. Photographer: The Harbour Times.": "photo-credit",
        "This story contains a piece of media that requires your computer to have Adobe Flash and JavaScript installed.": "page-notice",
        "A version of this article appeared March 2, 2012, on page A4 in the U.S. edition of The Harbour Journal.": "legal",
        "A version of this review appears in print on March 2, 2012, on page C1 of the New York edition.": "legal",
        "Text FERRY to 622639, to sign up for Harbour Daily alerts to your mobile phone.": "subscription",
        "There are no comments for this journal entry. To create a new comment, use the form below.": "comments",
        "Your comment is now in the moderation queue and should appear shortly.": "comments",
        "This comment has been down-ranked into oblivion. View comment": "comments",
        "Only members of the Harbour Club can enter comments.": "comments",
        "We welcome thoughtful comments from readers. Please keep them on topic.": "comments",
        "Readers are welcome to discuss the ferry. Please comply with our community guidelines.": "comments",
        "Comment posters are responsible for the opinions they express.": "comments",
        "Separate multiple emails with a comma. Limit 5.": "share",
        "Copyright (c) 2008-2011 Jo Roe. Please respect my words and images.": "legal",
        "Copyright © 2004-2012. Published under a Creative Commons licence.": "legal",
        "You will receive only the daily updates, and can unsubscribe at anytime.": "subscription",
        "This is only a preview. Your comment has not yet been posted.": "comments",
        "Having trouble reading this image? View an alternate.": "comments",
        "(URLs automatically linked.)": "comments",
        "You can follow this conversation by subscribing to the comment feed for this post.": "comments",
    }.items():
        assert vocab.any_line_reason(line) == reason, line
    assert vocab.is_site_bio("About Jo Roe Jo Roe is the author of The Harbour Guide and hosts the Ferry Podcast.")
    assert not vocab.is_site_bio("About 300 people came to the harbour on Sunday to see the new ferry.")
    assert not vocab.is_site_bio("About Jo Roe and her ferry: a profile of the harbour's longest-serving captain.")
    for prose in ["No comments were made by the council on the ferry plan.", "Follow the ferry to the harbour.",
                  "The new ferry timetable requires the council's approval to run.",
                  "The crews waited... and waited three more hours for the ferry.",
                  "A version of this story appeared in the council's report, the mayor said.",
                  "Residents can text the harbour office to 24 hours before a crossing.",
                  "Members can unsubscribe at any time, but few do, the ferry club says.",
                  "There are no comments on this from the council yet, a spokesman said."]:
        assert vocab.short_line_reason(prose) is None and vocab.any_line_reason(prose) is None, prose
    # A long line is never tested as a short one: "Copyright (c) 2008 ..." opens a notice, "Copyright law" a sentence.
    from storyline.clean.text import line_facts
    assert line_facts("Copyright law protects a harbour painter's work for 70 years after the painter's death, the court heard.").vocabulary == (None, False)


def test_a_cut_off_teaser_among_menu_items_is_navigation_but_a_paragraph_between_credits_is_not():
    teaser = ("Ferry Guide Our guide to every ferry route in the harbour, with timetables, fares and the best seats "
              "for the view, updated every season by our reporters who ride them each week and tell you wh…")
    menu = ["Home", teaser, "Podcast", "Blog", "Ferry Guide"]
    r = clean_text(page(menu, []))
    assert reasons(r)[teaser] == "navigation"
    assert_body_kept(r)
    # One short line on each side (a credit above, a caption below) is not a menu.
    from storyline.clean.text import _mark_menu_teasers, _split_blocks

    paragraph = "But really, there have been no ferry plans this bold in the harbour for many years, and the council knows it..."
    blocks = _split_blocks("\n\n".join([BODY[0], "HARBOUR AUTHORITY ARCHIVE", paragraph, "Old ferry, 1962", BODY[1]]))
    _mark_menu_teasers(blocks)
    assert blocks[2].reason is None
    blocks = _split_blocks("\n\n".join(menu))
    _mark_menu_teasers(blocks)
    assert blocks[1].reason == "navigation"


# Leads of other stories without names (the insert rule needs two names to act unannounced).
OTHER_LEADS = [
    "The resale housing market in the largest cities enjoyed a record year for sales and prices, estate agents said.",
    "A final risk assessment released by food regulators found that meat and milk from cloned animals are safe to eat.",
]
MORE_BODY = [
    "The harbour authority will publish the ferry timetable once the council has signed the final contracts.",
    "Residents of the harbour district can comment on the ferry routes at public meetings next month.",
]


def test_leads_of_other_stories_under_the_article_are_related_links():
    r = clean_text("\n\n".join(BODY + MORE_BODY + OTHER_LEADS))
    assert_removed_as(r, OTHER_LEADS, "related-links")
    assert_body_kept(r)
    assert all(s in r.text for s in MORE_BODY)


def test_a_single_odd_last_paragraph_and_a_first_person_sign_off_stay():
    odd = OTHER_LEADS[0]
    r = clean_text("\n\n".join(BODY + MORE_BODY + [odd]))
    assert odd in r.text
    sign_off = ["That is it from me this week, now I am off to buy more presents for the little guy at home.",
                "If you have a spare pair of boots for the winter walkers then please send them my way soon!"]
    r = clean_text("\n\n".join(BODY + MORE_BODY + sign_off))
    assert all(s in r.text for s in sign_off)


def test_comment_form_lines_and_disclaimers():
    form = ["Have your say", "No comments have so far been submitted. Why not be the first to send us your thoughts?",
            "You have 500 characters left.", "Please limit your comments to 500 words, formatting such as bold is not kept.",
            "Email me a link to these comments.", "Post your comment What is this?"]
    r = clean_text(page([], form + ["Disclaimer: This news article is copyrighted by the Harbour Wire and published here."]))
    assert_body_kept(r)
    got = reasons(r)
    assert all(got.get(line) == "comments" for line in form), {line: got.get(line) for line in form}
    r = clean_text(page([], ["Bookmark/Search this post with:", "del.icio.us Digg this reddit!"]))
    assert_removed_as(r, ["Bookmark/Search this post with:", "del.icio.us Digg this reddit!"], "share")
    assert got["Disclaimer: This news article is copyrighted by the Harbour Wire and published here."] == "legal"
    # a sentence that only sounds like a form stays
    text = "\n\n".join(BODY + ["The mayor said she would be the first to admit that the ferry plan still had flaws."])
    assert "be the first to admit" in clean_text(text).text


def test_a_dated_copyright_line_under_the_article_is_legal_and_leaves_the_last_paragraph_alone():
    r = clean_text("\n\n".join(BODY + ["© 2008 AFP"]))
    assert reasons(r)["© 2008 AFP"] == "legal"
    assert_body_kept(r)
    r = clean_text("\n\n".join(BODY[:2] + ["The new ferry at its launch on Tuesday.", "© Harbour Times", *BODY[2:]]))
    assert reasons(r)["The new ferry at its launch on Tuesday."] == "caption"


def test_a_paragraph_that_points_back_is_not_an_insert_but_an_unannounced_one_about_others_is():
    lead = "World number one Roger Federer has warned his rivals that he is still hungry to achieve more in the game."
    points_back = ("The Swiss star is only two behind equalling Pete Sampras' record of fourteen grand slams at "
                   "the age of twenty-six.")
    rest = ["This month Federer is aiming to win a third Australian Open title in a row when the tournament begins.",
            "On Monday Federer said the French Open, the Olympics and Wimbledon were all on his list of goals for the year.",
            "So far Federer has played only one warm-up match this month, losing in three sets to a qualifier in Kooyong.",
            "After Sunday's practice Federer and his coach will decide whether the Melbourne schedule suits him."]
    r = clean_text("\n\n".join([lead, points_back] + rest))
    assert points_back in r.text
    insert = "Madonna and Justin Bieber were seen leaving a Malibu restaurant together after a long dinner with friends."
    r = clean_text("\n\n".join([lead, insert] + rest))
    assert reasons(r).get(insert) == "unrelated-insert"
    # A blog post of loosely joined asides, most naming nobody else's people: such an aside stays.
    asides = ["Last week I finally finished the long book about the history of the harbour that my aunt sent me.",
              "The weather turned cold on Thursday, so the garden is ready for winter and the roses are covered.",
              "Our neighbour Jo Pike brought over a basket of apples from the orchard behind the old Clifton school.",
              "I am still looking for a good recipe for apple cake, so send me yours if you have one to share.",
              "Next month the reading group meets again at the library and we will talk about ferries and ships."]
    aside = "Madonna and Justin Bieber were seen leaving a Malibu restaurant, which made me laugh out loud."
    r = clean_text("\n\n".join(asides[:2] + [aside] + asides[2:]))
    assert aside in r.text


def test_opinion_disclaimers_and_article_length_notices_are_legal():
    lines = ["The opinions expressed here are the personal views of the author and not of the Harbour Times.",
             "The full article contains 283 words and appears in the Harbour Times newspaper."]
    r = clean_text(page([], lines))
    assert_removed_as(r, lines, "legal")


def test_a_date_stamp_printed_right_under_the_article_is_its_dateline_when_none_is_above():
    r = clean_text(page(["Home", "News"], ["Last Updated: January 11, 2008 11:43 EST", "Privacy Policy"]))
    assert r.dateline is not None and r.dateline.iso == "2008-01-11"
    # one far below (under a long comment thread) belongs to something else
    comments = [f"Reader {k} from the harbour district wrote that the ferries would change life here for good." for k in range(6)]
    r = clean_text(page(["Home", "News"], ["Comments (6)"] + comments + ["Posted January 20, 2008"]))
    assert r.dateline is None


def test_paragraphs_that_share_few_words_are_not_all_inserts():
    """A team news item: every paragraph names other players and shares hardly a word with the
    rest. Unannounced inserts are a small part of a page; when they would be half of it, the page
    is simply like that, and everything stays."""
    paragraphs = [
        "Varnholm United manager Piotr Kessler is likely to hand debuts to several players for tomorrow's visit of Tessel Rovers.",
        "Anton Brehm, Elias Moravec and Jonas Lind could all make their league bows while Mikael Sorensen starts in goal again.",
        "Winger Dario Castellano, who signed a short-term deal earlier this week, has received international clearance to play.",
        "Doubts remain over Stefan Holm (groin), Karel Novak (knee) and Ivo Marek (ankle), although all three trained on Friday.",
        "Captain Olaf Berg serves the last game of his suspension, so Viktor Janssen wears the armband at Rovers Park.",
    ]
    r = clean_text("Team news\n\n" + "\n\n".join(paragraphs) + "\n\nPrint Version | Email to friend")
    assert all(p in r.text for p in paragraphs), reasons(r)


# A column's description of itself above its posts: 60+ words of sentences before any comment count.
COLUMN_BLURB = (
    "Harbour Notes is a weekly column by residents of the old town about the ferries, the markets "
    "and the people who keep the harbour district running, written for neighbours and visitors alike, "
    "and read every week by thousands of people who care about the harbour and its future. Letters "
    "from readers are welcome, and the best of them are printed in the column at the end of the month."
)


def test_a_posts_stamp_with_its_comment_count_does_not_open_a_comment_section():
    """"Posted on ... by ... · 0 comments" above a post is the post's own stamp: the text under it
    is the article, not reader comments."""
    stamp = "Posted on August 9, 2012 9:26AM by Anna Kessler · 0 comments"
    r = clean_text("\n\n".join([COLUMN_BLURB, stamp, *BODY]))
    assert_body_kept(r)
    assert reasons(r).get(stamp) != "comments"
    # a bare count is still the start of a comment section
    r = clean_text("\n\n".join([*BODY, "12 comments", "Great article, thanks for writing it. Jermaine 07 Nov 12"]))
    assert reasons(r).get("12 comments") == "comments"


def test_error_pages_browser_and_embed_notices_and_archive_banners_are_page_notices():
    notices = [
        "Sorry, the page you requested was not found.",
        "We've detected that JavaScript is disabled in your browser. Would you like to proceed to legacy Twitter?",
        "The interactive transcript could not be loaded.",
        "Rating is available when the video has been rented.",
        "Tweet with a location",
        "These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to.",
    ]
    r = clean_text(page(notices[:3], notices[3:]))
    assert_removed_as(r, notices, "page-notice")
    assert_body_kept(r)
    # A news sentence about a missing page is news.
    news = "The ministry said the page it had published about the harbour plan was not found on its website anymore."
    assert news in clean_text(page([], [], [news])).text


def test_newsletter_sign_ups_follow_us_and_continued_below_lines():
    r = clean_text(
        page(
            ["Email Sign Up By signing up you agree to receive email newsletters or alerts from the Harbour Times."],
            ["Follow us @harbourtimes, Facebook or Google+.", "You can unsubscribe at any time."],
            ["Story continues below advertisement"],
        )
    )
    got = reasons(r)
    assert got["Story continues below advertisement"] == "related-links"
    assert got["Follow us @harbourtimes, Facebook or Google+."] == "share"
    assert got["You can unsubscribe at any time."] == "subscription"
    signup = "To receive these columns once a month by e-mail, sign up for the Harbour Notes newsletter."
    assert reasons(clean_text(page([], [signup]))).get(signup) == "subscription"
    assert_body_kept(r)
    news = "The story continued below the fold, the editor said, because the harbour plan had changed again."
    assert news in clean_text(page([], [], [news])).text


def test_forum_thread_furniture_reprint_notices_and_print_edition_notes():
    forum = ["This topic contains 0 replies, has 1 voice, and was last updated by James 3 weeks ago.",
             "Viewing 1 post (of 1 total)", "You must be logged in to reply to this topic."]  # fmt: skip
    legal = [
        "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order copies, visit the reprints site.",
        "A version of this article appeared in print on 11/08/2012, on page B9 of the New York edition with the headline: Harbour Plan.",
    ]
    r = clean_text(page([], legal + forum))
    assert_removed_as(r, forum, "comments")
    assert_removed_as(r, legal, "legal")
    assert_body_kept(r)
    news = "No comments so far, the spokesman said, adding that the ministry would respond to the harbour plan on Monday."
    assert news in clean_text(page([], [], [news])).text


def test_flash_notices_comment_moderation_and_facebook_like_prompts():
    lines = {
        "In order to view this feature, you must download the latest version of flash player here.": "page-notice",
        "The Harbour Times reserves the right to delete comments which contain profanity or personal attacks.": "comments",
        "You should like the Harbour Times on Facebook here.": "share",
        "Subscribe to our daily email": "subscription",
    }
    r = clean_text(page([], list(lines)))
    got = reasons(r)
    assert {line: got.get(line) for line in lines} == lines
    assert_body_kept(r)
    news = "Fans like the team on Facebook and in the stadium, the coach said after the harbour derby on Sunday."
    assert news in clean_text(page([], [], [news])).text


def test_reporting_credits_newsroom_calls_to_action_and_tweet_location_notices():
    credits = [
        "Harbour Times writers Jane Doe and John Roe contributed to this report.",
        "Additional reporting by Jane Doe and John Roe.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Reach Jane Doe at 555-726-5986 and on Twitter @janedoe.",
    ]
    calls = [
        "Send us a secure tip using the instructions at tips.harbourtimes.example.",
        "Watch Harbour 6 News and stay with HarbourTimes.example for more on this story.",
        "Interested in Harbour Ferries? Add Harbour Ferries as an interest to stay up to date on the latest news.",
    ]
    notice = "When you tweet with a location, Twitter stores that location. You can switch location on/off before each Tweet."
    r = clean_text(page([], credits + calls + [notice]))
    assert_removed_as(r, credits, "byline")
    assert_removed_as(r, calls, "related-links")
    assert_removed_as(r, [notice], "page-notice")
    assert_body_kept(r)
    for news in [
        "The company contributed to this report on the harbour, the minister said on Tuesday after the vote.",
        "Reach out to the ferry operators, the mayor told the council, because the harbour plan has changed.",
        "Fans stay with the team for more than a decade, the coach said after the harbour derby on Sunday.",
    ]:
        assert news in clean_text(page([], [], [news])).text, news


def test_a_site_or_author_self_description_is_site_bio_but_a_welcome_in_a_report_is_not():
    bios = [
        "Hi, I'm Dana. I live by the harbour and write about ferries here on Harbour Notes, when I am not sailing.",
        "My name is Jo Roe and I'm a researcher at the Harbour Institute. This blog is where I think out loud about ports.",
        "Welcome to Harbour Notes! If this is your first time visiting the site, start with the ferry guide and our archive.",
        "Welcome to the Harbour Review, where we bring you the analysis of port finances you will not find anywhere else.",
    ]
    kept = [
        "Welcome to the harbour marathon. The race is underway, and over the next two hours I will post the splits here.",
        "My name is Ricardo, I am 31 years old, and I lost my job when the old ferry company closed, he told the council.",
    ]
    r = clean_text(page([], bios[2:], middle=kept) + "\n\n" + "\n\n".join(bios[:2]))
    assert_removed_as(r, bios, "site-bio")
    assert all(line in r.text for line in kept)
    assert_body_kept(r)


def test_blog_platform_response_furniture_and_teaser_links():
    trackbacks = ["TrackBack", "TrackBack URL for this entry:",
                  "Listed below are links to weblogs that reference Harbour budget approved:",
                  "You can follow any responses to this entry through the RSS 2.0 feed.",
                  "harbourfan reblogged this from harbournotes and added:", "quaysider liked this",
                  "Thank you. Your reply has been submitted and will appear on the messageboard shortly.",
                  "You must be logged in to report a comment.", "View the entire comment thread."]
    r = clean_text(page([], trackbacks))
    assert_body_kept(r)
    assert_removed_as(r, trackbacks, "comments")
    assert reasons(clean_text(page(["Sign in here"], [])))["Sign in here"] == "login"
    teasers = ["Ferry fares will rise again next year, the harbour authority has told the council in a letter. Read more »",
               "The old terminal will be turned into a market hall for local fishermen and farmers… Keep reading →"]
    r = clean_text(page([], teasers))
    assert_removed_as(r, teasers, "related-links")
    assert_body_kept(r)
    # prose that ends "read more." stays
    prose = "The mayor said the children of the harbour district should have a library nearby and read more."
    assert prose in clean_text(page([], [], middle=[prose])).text


def test_a_line_shared_by_two_pages_is_decided_on_each_page():
    """Blocks of different pages share one `LineFacts` per distinct line: what a page decides about
    its copy of the line must not leak into another page, whichever was cleaned first."""
    from storyline.clean.text import clear_line_caches, line_facts

    shared = "Ferry timetables for the winter season are published on the harbour authority website."
    as_body = page(["Home"], ["Privacy Policy"], middle=[shared])
    as_footer = "\n\n".join(["Home"] + BODY + ["Related", "Harbour ferries in pictures", "Winter timetables", shared, "Privacy Policy"])
    clear_line_caches()
    footer_alone = clean_text(as_footer)
    body_alone = clean_text(as_body)
    assert line_facts(shared) is line_facts(shared)  # shared, not recomputed
    assert shared in body_alone.text and shared not in footer_alone.text
    for first, second in ((as_body, as_footer), (as_footer, as_body)):
        clear_line_caches()
        clean_text(first)
        again = clean_text(second)
        expected = footer_alone if second is as_footer else body_alone
        assert (again.text, again.removed) == (expected.text, expected.removed)


def test_a_template_line_keeps_what_it_says():
    """A pile's template line ("Comments" on every page of a site) is still a comment header: it
    keeps its own reason and still closes the article; only otherwise unexplained lines are "template"."""
    comment = "The harbour budget plan is a waste of money for the older neighbourhoods of the city, council."
    templates = frozenset({"comments", "privacy policy", "harbour times weekly edition"})
    r = clean_text(page(["Harbour Times weekly edition", "Home"], ["Comments", comment, "Privacy Policy"]), template_lines=templates)
    got = reasons(r)
    assert got["Comments"] == "comments" and got[comment] == "after-article-end"
    assert got["Privacy Policy"] == "legal" and got["Harbour Times weekly edition"] == "template"
    assert_body_kept(r)


def test_a_comments_link_among_template_menu_items_does_not_open_a_comment_section():
    """A site's menu learned as the pile's template ("Archives", "Comments") is still a menu: its
    "Comments" link must not end the page before the article (which would drop all of it)."""
    teaser = (
        "Other stories this week: the ferry operators announced new winter timetables for the northern routes, and the "
        "museum opened an exhibition on the history of the harbour, with photographs lent by families of the old dock "
        "workers. The city library will also extend its opening hours during the school holidays and on two Sundays "
        "each month from November, the council said on Monday."
    )
    thread = ["Comments (2)", "Jane Roe says:", "The ferries are late every single winter, and nobody at the council cares.",
              "John Doe says:", "Good to see the budget finally approved after all these years of talk."]
    text = "\n\n".join([teaser, "Home", "Archives", "Comments"] + BODY + thread)
    for templates in (frozenset(), frozenset({"home", "archives"})):
        r = clean_text(text, template_lines=templates)
        assert_body_kept(r)
        assert reasons(r)[thread[2]] == "comments"  # the real thread still goes


def test_a_tag_line_a_comment_count_or_a_read_the_rest_link_closes_the_article():
    """Sentence-like teasers below such a line are not the article, however long."""
    teasers = ["Win two tickets to the autumn jazz night at the town hall when you join our weekly newsletter.",
               "Readers pick the best bakeries in town."]
    for closing in ["Tagged with: harbour, budget, ferries", "3 comments so far. Add yours.",
                    "Read the rest of this post on the original site »"]:
        r = clean_text("\n\n".join(BODY + [closing] + teasers))
        assert_body_kept(r)
        assert not any(t in r.text for t in teasers), closing
    # The article going on under a "Related:" box, on its own subject, is still the article.
    more = ["The council said the harbour budget also pays for the ferry crews and the new ferry terminal staff.",
            "The harbour authority expects the first new ferries to carry passengers across the harbour next year."]
    r = clean_text("\n\n".join(BODY + MORE_BODY + ["Related:", "Ferry Prices To Rise In Spring"] + more))
    assert_body_kept(r)
    assert all(s in r.text for s in more), reasons(r)
    # Under a comment header, a reader's comment goes however much it talks about the article.
    comments = ["The council finally got the harbour ferry budget right, and the new ferry terminal plan is a good one.",
                "The harbour ferry plan will cost the council more than it says, and the ferry timetable is far too thin."]
    r = clean_text("\n\n".join(BODY + MORE_BODY + ["Comments"] + comments))
    assert_body_kept(r)
    assert not any(c in r.text for c in comments), reasons(r)


def test_an_authors_note_closing_the_article_is_removed_but_the_same_words_inside_it_stay():
    notes = ["Jo Roe is a staff writer for the Harbour Times and covers the city council.",
             "Piotr Varga reports from the harbour district and writes about ferries for the Harbour Wire."]
    for note in notes:
        r = clean_text(page([], [note]))
        assert_removed_as(r, [note], "site-bio")
        assert_body_kept(r)
        # inside the article, the same words are the article's
        r = clean_text(page([], [], middle=[note]))
        assert note in r.text
    # a pronoun opens a sentence of the article, not a note; a founder or professor quoted at the end stays
    for line in ["He is a reporter for the Harbour Times and was on the ferry when it ran aground.",
                 "Ann Berg is a professor of economics at the Tessel university and studies ports."]:
        assert line in clean_text(page([], [line])).text
    # a text of three paragraphs may be the author's profile itself
    short = "\n\n".join(BODY[:2] + [notes[0]])
    assert notes[0] in clean_text(short).text


# Leads of other stories, printed under an article: sentences, on other subjects.
OTHER_STORIES_LEADS = [
    "A record crowd watched the city marathon on Sunday as two local runners finished in the top ten.",
    "The museum opens an exhibition of early photographs of the old railway next month, curators said.",
    "Police are asking for witnesses after a van struck a parked car outside the bus station.",
]


def test_the_article_ends_at_a_stretch_of_furniture_with_other_subjects_under_it():
    # Under the article, past a share bar and a menu, the leads of other stories: sentences, but
    # shorter than the article and on other subjects.
    furniture = ["Share", "Video", "Photos"]
    leads = OTHER_STORIES_LEADS
    r = assert_tail_removed_as(furniture + leads, "page-footer", leads)
    assert all(lead not in r.text for lead in leads)
    # The story going on under a gallery's links, on its own subject, stays.
    more = [
        "The harbour authority added that the new ferries would run every twenty minutes once the budget is spent.",
        "Council members said the ferry budget and the terminal plan would be reviewed again by the harbour board next year.",
        "Residents of the older neighbourhoods said they would keep pressing the council for a larger share of the harbour budget.",
    ]
    r2 = clean_text(page([], furniture + more))
    assert_body_kept(r2)
    assert all(line in r2.text for line in more)


def test_under_a_wall_of_furniture_more_text_on_other_subjects_than_the_article_goes():
    # A jobs box and a "most commented" list: eight lines of nothing but furniture. Under them,
    # sponsors' promotions longer than the article itself, on other subjects.
    wall = ["Share this:", "Featured Jobs", "Software Engineer at Tableau Software", "Location: Seattle",
            "Systems Engineer at Zillow", "Location: Downtown Seattle", "Most commented", "Sponsor Posts"]
    promotions = OTHER_STORIES_LEADS + [
        "Become a skilled information professional at the university school, with graduate programs taught by experts.",
        "The product camp is a free, all-day event hosted for the product management community by volunteers.",
        "Join the interactive conference for two days of world-class programming, networking and social events.",
        "Register today for the spring gala: raise a glass, celebrate the year in technology and toast the winners.",
    ]
    assert sum(len(p.split()) for p in promotions) > 1.5 * sum(len(s.split()) for s in BODY)
    r = assert_tail_removed_as(wall + promotions, "after-article-end", promotions)
    assert all(p not in r.text for p in promotions)
    # Under a short stretch (a share bar), as much text on other subjects is not cut: it may be the
    # article going on after an embedded box.
    r2 = clean_text(page([], wall[:3] + promotions))
    assert all(p in r2.text for p in promotions)


def test_a_blogs_pager_under_a_short_post_leaves_the_longer_sidebar_out():
    post = [
        "Harbour ferry trailer",
        "The trailer for the documentary on the harbour ferries was released today by the council's film unit.",
        "It follows the crews of the old ferries during their last winter on the water before the new boats arrive.",
    ]
    footer = ["Posted by Michael Haltman at 8:18 AM", "No comments:", "Post a Comment", "Newer Post Older Post Home",
              "Subscribe to: Post Comments (Atom)"]
    sidebar = [
        "About me",
        "I am a retired teacher and I write about local politics, gardening and the books I read every winter in the library.",
        "I accept bids to place advertising on the right hand side of this blog for products that I have used myself.",
        "Advertisement is not an official endorsement of a product or service by this blog but is sold on a bid basis.",
        "If you have any questions for me, wish to ask me to speak in person, or write for your magazine, contact me.",
        "The links in my blog posts are not for sale and I disclose every relationship with the companies I write about.",
    ]
    r = clean_text("\n\n".join(post + footer + sidebar))
    assert all(line in r.text for line in post[1:])
    assert all(line not in r.text for line in sidebar)


def test_a_photo_gallerys_run_of_captions_goes_but_a_dated_itinerary_stays():
    gallery = [
        "People wait for ferries on the north pier in Brightwater on Wednesday as the harbour reopens.",
        "Volunteers clean up mud from a flooded cafe near the old ferry terminal on Tuesday.",
        "A crane lifts a damaged boat out of the water at Kingsport Harbour on Monday, November 5.",
        "Residents walk with their belongings along the sea wall in Saltmarsh Point on Sunday.",
    ]
    assert_tail_removed_as(gallery, "caption")
    # Three such sentences are not a gallery; an itinerary's lines start with their dates.
    r = clean_text(page([], [], gallery[:3]))
    assert all(line in r.text for line in gallery[:3])
    itinerary = [
        "September 4, to Brightwater to hold a workshop about the harbour budget with the council.",
        "September 6, to Kingsport for a meeting with the ferry crews on Friday afternoon.",
        "September 9, to Saltmarsh Point to open the new floating dock on Monday.",
        "September 12, back to Brightwater for the vote on the ferry timetable on Wednesday.",
    ]
    r = clean_text(page([], [], itinerary))
    assert all(line in r.text for line in itinerary)


def test_a_closing_line_ends_the_article_when_less_text_on_other_subjects_follows():
    # "Related stories" inside the densest run, with nearly as much text under it as the article
    # above, on other subjects: those are other stories' leads; the article ends at the line.
    leads = OTHER_STORIES_LEADS
    r = assert_tail_removed_as(["Related stories"] + leads, "after-article-end", leads)
    assert all(lead not in r.text for lead in leads)


def test_a_recent_comments_box_is_links_but_one_such_sentence_is_not():
    # Post titles that end as questions read as sentences, so no link-list test takes them.
    box = [
        "Jo Roe on Why did the ferry timetable change again this winter?",
        "harbourfan.com on Is the old pier safe for the summer crowds?",
        "Sam Lee on Why did the ferry timetable change again this winter?",
    ]
    assert_tail_removed_as(box, "related-links")
    alone = "Smith on Tuesday said the harbour board would meet again."
    r2 = clean_text(page([], [], middle=[alone]))
    assert alone in r2.text


def test_menu_teasers_above_a_furniture_stretch_do_not_cut_off_the_article_under_its_headline():
    """A menu's long teasers for other stories at the top, then a stretch of furniture, then the
    article: shorter than the teasers and on another subject than they are, but it is what the
    headline names, so the stretch does not end the article above it."""
    title = "Harbour council approves ferry budget after long debate - Harbour Times"
    teasers = [
        "REVIEW: The new museum exhibition of railway photographs is by turns glorious and moving, and the curators deserve every visitor.",
        "The marathon's winners: two local runners finished in the top ten on Sunday as a record crowd lined the streets of the old town.",
        "Gallery: the autumn fashion week closed with a show of coats and boots from the city's youngest designers, to loud applause.",
    ]
    furniture = ["All Reviews", "Share", "Video", "Photos"]
    r = clean_text("\n\n".join([title, *teasers, *furniture, *BODY]))
    assert_body_kept(r)
    # Without the headline's words below, the same stretch still ends the article above it.
    other = "Museum, marathon and fashion week: the city's weekend - Harbour Times"
    r2 = clean_text("\n\n".join([other, *teasers, *furniture, *BODY]))
    assert not all(s in r2.text for s in BODY)


def test_a_comment_count_under_the_headline_is_the_posts_stamp():
    """"Headline" / "By ..." / "Comments (0)" / the article: the count printed under the headline
    belongs to the post, and its text follows; a count under the article still opens its thread."""
    title = "Harbour council's ferry budget approved | Harbour Times"  # straight quote here, curly in the text
    head = ["Harbour council’s ferry budget approved", "By Anna Kessler", "Comments (0)"]
    r = clean_text("\n\n".join([title, COLUMN_BLURB, *head, *BODY]))
    assert_body_kept(r)
    comment = "Great article, thanks for writing it, the ferries really do need the money this year."
    r2 = clean_text("\n\n".join([title, COLUMN_BLURB, *head, *BODY, "Comments (1)", comment]))
    assert_body_kept(r2)
    assert reasons(r2).get(comment) == "comments"


def test_a_thread_found_by_its_signatures_starts_at_the_header_above_its_first_comment():
    """A short post, "Comments", then comments each signed under its text: the first comment,
    between the header and the first signature, is part of the thread too."""
    first = "Recommended! I took the ferry course last year and the harbour board really listens to residents."
    thread = [
        "Comments", first, "Posted by: Matt Palmer at November 13, 2012 6:31 AM",
        "Also recommended, although the budget debate went on far too long for my taste this time.",
        "Posted by: Ryan at November 13, 2012 6:33 AM",
        "What about the older neighbourhoods? Nobody on the council seems to care about them.",
        "Posted by: Jan Doggen at November 13, 2012 8:42 AM",
    ]
    r = clean_text("\n\n".join([*BODY[:3], *thread]))
    assert all(s in r.text for s in BODY[:3])
    assert reasons(r).get(first) == "comments"
    assert first not in r.text


# A blog's sidebar before its post: archive months, then the post under its pager.
ARCHIVE_MENU = ["Archives", "July 2012", "June 2012", "May 2012", "April 2012", "March 2012"]
SHORT_POST = [
    "This is bad news for market leaders, incumbents and those in favour of the status quo, and great news for everyone else.",
    "The tools that kept the old order safe are now cheap, and anyone with a laptop can use them, starting this week.",
    "And it happens again, fresh, every day.",
]


def test_a_blogs_description_of_itself_in_the_head_is_not_the_article():
    """The blog's one-line description printed among the head's lines agreed perfectly with "the
    head" (it is part of it) and won over the post. A run printed in the head is compared with
    the rest of the head."""
    blurb = "Riffs on marketing, respect and the ways that new ideas spread, written every single day."
    text = "\n\n".join(["Harbour Notes: Yesterday is over", "Harbour Notes", blurb, "Subscribe"] + ARCHIVE_MENU + SHORT_POST)
    r = clean_text(text)
    assert all(p in r.text for p in SHORT_POST), reasons(r)
    assert blurb not in r.text


def test_a_post_printed_under_the_pages_headline_beats_a_longer_sidebar_list():
    """A sidebar's list of sentences ("Things I believe") is denser than a short post, and shares
    no more words with the page's head; the post is printed under the headline, which the page's
    title names. That run is the article."""
    beliefs = [
        "1. Sometimes the best management is no management at all, so first of all do no harm.",
        "2. Indifference is as important as passion when you run a team of busy people.",
        "3. Learning to listen to others and to ask smart questions is more important than answers.",
        "4. You get what you expect from people, and this is especially true of selfish behaviour.",
        "5. Avoid pompous jerks whenever possible, because they make everyone around them feel bad.",
        "6. Anyone can learn to be creative, but it takes a lot of practice and a little confidence.",
    ]
    head = ["Yesterday is over - Bob's Blog", "Bob's Blog", "12 Things I Believe"]
    sidebar = ARCHIVE_MENU + ["About", "Email Me", "Subscribe to this blog's feed"]
    text = "\n\n".join(head + beliefs + sidebar + ["Yesterday is over"] + SHORT_POST + ["Posted in Work | Permalink"])
    r = clean_text(text)
    assert all(p in r.text for p in SHORT_POST), reasons(r)
    assert not any(b in r.text for b in beliefs)
    # Without the headline over it, the longer list stays the article: the headline decides.
    r = clean_text(text.replace("\n\nYesterday is over\n\n", "\n\n"))
    assert all(b in r.text for b in beliefs)


def test_a_headline_printed_alone_is_found_in_a_title_between_a_blogs_arrows():
    """"» Post title:: Blog » Blog Archive": the arrows at the title's edges are the platform's, not
    the headline's, and the headline printed alone above the post is the title."""
    headline = "Harbour ferry plan approved after long debate"
    text = "\n\n".join([f"» {headline}:: Harbour Notes » Blog Archive", "Harbour Notes", "Home", "About", headline] + BODY)
    r = clean_text(text)
    assert r.title == headline
    assert reasons(r)[headline] == "title"


def test_the_headline_printed_alone_above_the_body_beats_a_tags_line_sharing_the_bodys_words():
    """A tags line or a date stamp under the headline shares the article's keywords more than the
    headline does; the page's title names the headline printed alone just above the body, so that
    is the title."""
    headline = "Ferry timetable changes for winter"
    tags = "Published on December 11, 2012 in Harbour News. Tags: harbour council, ferry budget, ferry terminal."
    text = "\n\n".join([f"{headline} | Harbour Notes", "Harbour Notes", "Home", "About", headline, tags] + BODY)
    assert clean_text(text).title == headline


def test_a_blogs_links_to_its_previous_and_next_posts_are_never_the_title():
    pager = "« Harbour council budget vote | Main | Ferry terminal construction begins next spring »"
    r = clean_text("\n\n".join(["Harbour Notes", "Home", "About", pager] + BODY))
    assert r.title != pager


def test_a_headline_the_title_names_is_the_title_even_far_above_a_body_sharing_none_of_its_words():
    """A picture post: its headline, printed alone under the blog's menu, shares no word with the
    text further down. The page's title names it, so it is still the headline."""
    menu = ["Pages", "Blog", "FAQ", "Commission me", "Sunday, September 9"]
    topics = ["Drawings", "Paintings", "Prints", "Sketches", "Comics", "Doodles", "Travel", "Cats", "Food",
              "Books", "Music", "Films", "Friends", "Family", "Garden", "Misc"]
    text = "\n\n".join(["Tide Notes: Prepping for a new week.", *menu, "Prepping for a new week.", *topics] + BODY)
    assert clean_text(text).title == "Prepping for a new week."


def test_the_items_a_headline_counts_are_the_articles_list():
    """"Six Ferries to See Before Winter": six picture titles under the intro are the article's
    items, not a link list; the same lines under an uncounted headline stay links, and a credit
    repeated under each picture is never taken for the items."""
    items = ["The Harbour Queen", "Old Tom at Dawn", "Morning Crossing", "The Red Tug", "Island Hopper", "Last Boat Home"]
    intro = "The harbour district has some of the oldest ferries still working, and these are our favourites this autumn."
    outro = "Have you spotted others around the harbour that we should add to the list next year?"
    r = clean_text("\n\n".join(["6 Ferries to See Before Winter | Harbour Notes", "Home", "6 Ferries to See Before Winter", intro] + items + [outro, "Privacy Policy"]))
    assert all(item in r.text for item in items), reasons(r)
    r = clean_text("\n\n".join(["Ferries to See Before Winter | Harbour Notes", "Home", "Ferries to See Before Winter", intro] + items + [outro, "Privacy Policy"]))
    assert not any(item in r.text for item in items)
    credits = ["Photo courtesy of the Harbour Museum"] * 6
    r = clean_text("\n\n".join(["6 Ferries to See Before Winter | Harbour Notes", "Home", intro] + credits + [outro]))
    assert r.text.count("Photo courtesy") <= 1


def test_only_sentences_above_the_headline_printed_in_the_body_weigh_against_the_article():
    """A blog's sidebar sentences and its list of links, then the post's headline printed alone
    and a short post: the links are no article text, so only the sidebar's sentences are weighed
    against the post, and they are fewer words: the post starts at its headline."""
    sidebar = ["Find a list of the shops selling our harbour prints and maps right here on this page.",
               "Share your own photos of the harbour in these groups:"]
    links = ["Gallery of harbour boats", "Old town photo walks", "Ferry fans group", "Lighthouse pictures", "Tide pool finds"]
    headline = "Print your own ferry timetable"
    post = [BODY[0], BODY[1]]
    text = "\n\n".join([f"{headline} | Harbour Notes", "Home"] + sidebar + links + ["October 26, 2012", headline] + post + ["Privacy Policy"])
    r = clean_text(text)
    assert all(p in r.text for p in post), reasons(r)
    assert_removed_as(r, sidebar, "page-header")


def test_the_headline_printed_alone_starts_the_article_however_far_into_the_body_region():
    """A long sidebar of short sentences and links runs into the post: the headline printed alone
    twenty lines down still starts the article (its sentences are fewer words than the post)."""
    sidebar = ["We sell prints of our quilts in lovely little shops everywhere.",
               "Buy our new fabric book at any good store or online.",
               "Our pattern club meets on Thursday nights, and newcomers are welcome.",
               "You can find every sewing pattern we made in the shop.",
               "Send us pictures of your quilts and we share the best."]
    lines = []
    for k, sentence in enumerate(sidebar):
        lines += [sentence, f"Quilt gallery {k}", f"Fabric shop {k}"]
    headline = "Print your own ferry timetable"
    text = "\n\n".join([f"{headline} | Harbour Notes", "Home"] + lines + ["October 26, 2012", headline] + BODY + ["Privacy Policy"])
    r = clean_text(text)
    assert_body_kept(r)
    assert not any(s in r.text for s in sidebar), reasons(r)
