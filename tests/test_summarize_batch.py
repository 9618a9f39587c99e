"""`storyline summarize` and the summarizer's contract: budget, citations, copies not counted."""

import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.model import Article
from storyline.options import Options
from storyline.summarize import _concepts, summarize_articles

DOCS = [
    {
        "id": "wire",
        "date": "2025-10-14",
        "title": "Dam gate fails, 640 evacuated",
        "text": "A spillway gate at the Kessler Dam on the Orla River failed during heavy rain on Tuesday. "
        "About 640 residents of the Eastbank district were evacuated to the sports hall overnight. "
        "Mayor Aleksei Marchenko said that nobody was hurt in the flooding of the Eastbank streets.",
    },
    {
        "id": "local",
        "date": "2025-10-15",
        "text": "The Orla Water Authority said engineers closed a second gate at the Kessler Dam on Wednesday. "
        "About 640 residents of the Eastbank district were evacuated to the sports hall, officials confirmed. "
        "The authority has asked an independent panel to investigate why the spillway gate failed.",
    },
    {
        "id": "blog",
        "date": "2025-10-16",
        "text": "Residents of Eastbank returned home on Thursday after the Kessler Dam spillway gate failure. "
        "Volunteers cleaned the mud from the streets of Eastbank, and the mayor thanked them in a speech. "
        "An independent panel will investigate why the spillway gate at the Kessler Dam failed.",
    },
]


def test_cited_summary_counts_copies_once():
    arts = [Article(d["id"], d["id"], d["text"], d.get("title"), date=d["date"]) for d in DOCS]
    arts.append(Article("repost", "repost", DOCS[0]["text"] + " Read more on our site.", date="2025-10-15"))
    summary = summarize_articles(arts, words=60, strict=True)
    assert summary and sum(len(s.text.split()) for s in summary) <= 60
    by_text = {s.text: s for s in summary}
    for s in summary:
        assert "repost" not in s.sources  # a copy is never independent support
        for c in s.citations:
            text = next(a.text for a in arts if a.id == c.article_id)
            assert text[c.start : c.end].strip()  # every citation points at real text
    evacuated = [s for t, s in by_text.items() if "640 residents" in t]
    if evacuated:
        assert set(evacuated[0].sources) >= {"wire", "local"}
        if "wire" in evacuated[0].sources:
            assert "repost" in evacuated[0].copies


def test_summarize_command(tmp_path):
    src = tmp_path / "clusters.jsonl"
    rows = [{"id": "dam", "docs": DOCS}, {"id": "empty", "docs": []}, {"id": "nodocs"}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    out = tmp_path / "sum.jsonl"
    result = CliRunner().invoke(app, ["summarize", "--in", str(src), "--out", str(out), "--words", "40"])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["dam", "empty", "nodocs", None]
    dam = got[0]
    assert len(dam["summary"].split()) <= 40
    assert dam["sentences"] and all(s["sources"] for s in dam["sentences"])
    assert " ".join(s["text"] for s in dam["sentences"]) == dam["summary"]
    assert all(set(s["sources"]) <= {"wire", "local", "blog"} for s in dam["sentences"])
    assert all("error" in g for g in got[1:])


def test_small_story_sources_take_turns():
    """Three sources: even when one article's sentences carry the most shared facts, each source
    gets a sentence before any gets a second one."""
    evac = "About 640 residents of Eastbank were evacuated to the sports hall after the Kessler Dam spillway gate failed on Monday."
    rise = "The water in Eastbank rose almost a metre in two hours after the Kessler Dam spillway gate failed, the residents said."
    arts = [
        Article("a", "a", evac + " " + rise),
        Article("b", "b", "An independent panel led by a retired judge will investigate and report to the council by the end of November. "
                "Officials repeated that about 640 residents of Eastbank were evacuated to the sports hall after the gate failed."),
        Article("c", "c", "Rail services between Varnholm and Tessel resumed on Wednesday morning after engineers inspected the line. "
                "Witnesses said the water in Eastbank rose almost a metre in two hours after the Kessler Dam spillway gate failed."),
    ]
    summary = summarize_articles(arts, words=60)
    owners = [s.span.article_id for s in summary]
    # a's two sentences both repeat what b and c say: a's turn passes, and a is cited as support
    assert "a" not in owners and {"b", "c"} <= set(owners), owners
    assert any("a" in s.sources for s in summary)
    # without the repeats, each source is chosen once before any is chosen twice
    summary = summarize_articles([arts[0], arts[1], Article("d", "d", arts[2].text.split(". ")[0] + ".")], words=60)
    owners = [s.span.article_id for s in summary]
    assert len(owners) == len(set(owners)) == 3, owners


def test_redundancy_ignores_the_storys_protagonists():
    """Two events with the same two people are two facts: the shared names do not make the second
    sentence a repeat of the first."""
    met = "Foreign Minister Anna Kessler met Defence Minister Piotr Varga in Tessel on Monday to discuss the border dispute."
    call = "Foreign Minister Anna Kessler spoke by phone with Defence Minister Piotr Varga on Friday about the grain shipments."
    arts = [
        Article("a", "a", met + " Foreign Minister Anna Kessler said the talks with Defence Minister Piotr Varga were useful."),
        Article("b", "b", call + " Defence Minister Piotr Varga told Foreign Minister Anna Kessler the shipments would resume."),
        Article("c", "c", "Foreign Minister Anna Kessler and Defence Minister Piotr Varga will meet again in December, aides said."),
    ]
    texts = [s.text for s in summarize_articles(arts, words=60)]
    assert met in texts and call in texts


def test_concepts_are_bigrams_and_content_words_only_when_asked():
    text = "Storms damaged the harbour walls in March."
    assert _concepts(text) == {("storm", "damag"), ("damag", "the"), ("the", "harbour"), ("harbour", "wall"),
                               ("wall", "in"), ("in", "march")}
    words_too = _concepts(text, with_words=True) - _concepts(text)
    assert words_too == {("storm",), ("damag",), ("harbour",), ("wall",), ("march",)}  # no "the", no "in"


def test_two_sources_words_count_as_shared_facts():
    """Two outlets word the same fact differently, sharing words but no two-word phrase: that fact
    is still what both report, and it takes its article's turn ahead of a lead only one source has."""
    lead = ("The Tessel city council met in the old town hall on Monday evening for its regular autumn session, "
            "the council said.")
    fact = "Councillors approved a budget of 40 million for repairing the harbour wall damaged by storms in March."
    arts = [
        Article("a", "a", " ".join([lead, fact, "The council session in the old town hall also heard residents of "
                "the old town on parking. The old town hall session of the city council ran late, and the council "
                "session will go on in the town hall on Tuesday."])),
        Article("b", "b", "Storms in March damaged the harbour wall, and repairing it will cost 40 million from the "
                "approved budget, councillors decided. Fishermen welcomed the decision and said work should start "
                "before winter."),
    ]
    summary = summarize_articles(arts, words=40)
    texts = [s.text for s in summary]
    assert fact in texts and lead not in texts, texts
    assert summary[texts.index(fact)].sources == ["a", "b"]


def test_uncovered_headline_is_cited_to_the_title():
    """A small story where one scraped article lost its lead: its headline carries its news and is
    cited by a title span; headlines that their bodies state are never used."""
    from storyline.model import span_text

    arts = [
        Article("a", "a", DOCS[0]["text"], title=DOCS[0]["title"] + " as spillway gate breaks"),
        Article("b", "b", DOCS[1]["text"], title="Mayor Marchenko announces compensation fund for Eastbank flood victims"),
        Article("c", "c", DOCS[2]["text"], title="Kessler Dam gate failed, independent panel will investigate"),
    ]
    summary = summarize_articles(arts, words=120)
    titled = [s for s in summary if s.span.field == "title"]
    assert [s.span.article_id for s in titled] == ["b"]
    assert span_text(arts[1], titled[0].span) == titled[0].text == arts[1].title
    for s in summary:
        assert span_text(next(a for a in arts if a.id == s.span.article_id), s.span) == s.text


def test_notes_to_editors_and_partial_quotations_are_never_summary_sentences():
    from storyline.analyze.sentences import split_sentences
    from storyline.summarize import is_candidate

    def candidate(text):
        return is_candidate(split_sentences("a", text)[0])

    assert candidate("The dam's operator said the spillway gate would be repaired by the end of the month.")
    # cut off mid-sentence: a teaser or a caption, never a summary sentence
    assert not candidate("Collins on Sunday, Jan. 28, said that the mayor of Varnholm would be...")
    assert not candidate("The operator said the spillway gate would be repaired by the end of the …")
    assert candidate("``The gate will be repaired by the end of the month,'' the operator said on Tuesday.")
    assert candidate("The film “Werewolf of Varnholm’’ had the dull-as-dirt Henry Hull in the lead role again.")
    for note in [
        "EDITORS: Visit the syndicate web site for more information on this and other weekly features.",
        "EDITOR'S NOTE: Information about the flood relief fund is available from the city hall office.",
        "More information about the dam is available on the web at http://example.org/dam/report.html today.",
        "Address questions to the Garden desk, 229 West 43d St., or by e-mail to garden(AT)example.com.",
        "Readers can write to the authority at water@example.org with questions about the evacuation.",
        "``The gate failed because nobody had tested it for years, and the authority knew about it.",
    ]:
        assert not candidate(note), note


def test_fragments_are_never_summary_sentences_but_long_sentences_are():
    from storyline.analyze.sentences import split_sentences
    from storyline.summarize import is_candidate

    def candidate(text):
        return is_candidate(split_sentences("a", text)[0])

    # text cut mid-sentence (a PDF's lines, a page's broken paragraph)
    assert not candidate("classified information, including the records held by the dam authority since 2012.")
    assert not candidate(". in question on behalf of the authority, and the deputy director signed one of them.")
    assert not candidate("...to the dam three nights in a row around New Year's Eve, and insisted on joining me.")
    # a brand written in lower case opens a whole sentence
    assert candidate("iPhone sales in Varnholm rose by a third after the dam reopened, the company said.")
    # a long lead, or a quotation spanning sentences, is one unit up to 80 words
    long_lead = "The operator said " + "the gate and the spillway " * 13 + "would be repaired by the end of the month."
    assert 70 < len(long_lead.split()) <= 80 and candidate(long_lead)
    assert not candidate("The operator said " + "the gate and the spillway " * 15 + "would be repaired.")


def test_photo_captions_with_credits_are_never_summary_sentences():
    from storyline.analyze.sentences import split_sentences
    from storyline.summarize import is_candidate

    def candidate(text):
        return is_candidate(split_sentences("a", text)[0])

    for caption in [
        # a scraped gallery: "Enlarge image", the credit, then the caption itself
        "Enlarge image Former mayor Ann Berg Mohammed Abed/AFP/Getty Images Ann Berg leaves the court on a stretcher.",
        "Sean Gallup/Getty Images Residents walk past the flooded square in Varnholm on Monday, March 2, 2020.",
        "Rescue workers carry sandbags to the dam above the town of Varnholm, Jan. 2 (Associated Press).",
        "Pierre Dupont/AFP Rescue workers carry sandbags to the dam above the town of Varnholm on Tuesday.",
    ]:
        assert not candidate(caption), caption
    assert not candidate("The Kessler Dam spillway glows red in this image taken from a drone on Tuesday night.")
    # A gallery's label repeated before its caption
    assert not candidate("Photos: The flood in Varnholm Photos: The flood in Varnholm Rescue workers carry sandbags.")
    # The agency named in a sentence, or a slash between ordinary words, is not a credit.
    assert candidate("The Associated Press reported that the dam's operator would repair the spillway gate.")
    assert candidate("The operator said the gate and/or the spillway would be repaired by the end of the month.")
    # Who is in the picture, or what kind of picture it is; a gallery's button glued to the text
    for caption in [
        "(Left to right) Jo Roe, Ann Berg and Piotr Varga attend the opening of the dam in Varnholm on Monday.",
        "Left to right: Jo Roe, Ann Berg and Piotr Varga attend the opening of the dam in Varnholm on Monday.",
        "An artist’s illustration of the Tessel space probe studying the sun. The mission launches in July.",
        "View Images Engineers inspect the spillway gate of the Kessler Dam after the flood on Tuesday.",
    ]:
        assert not candidate(caption), caption
    assert candidate("The council left to right-wing parties the choice of the new chairman on Monday.")
    assert candidate("An artist from Varnholm painted the Kessler Dam and the flooded square on Tuesday.")


def _exact(lengths, concepts, weight, budget, redundant=()):
    import numpy as np

    from storyline.summarize import _select_exactly

    n = len(lengths)
    sim = np.zeros((n, n))
    for a, b in redundant:
        sim[a, b] = sim[b, a] = 1.0
    scores = {i: 1.0 for i in range(n)}
    coverage = {i: sum(weight.get(c, 0.0) for c in concepts[i]) / lengths[i] for i in range(n)}
    chosen = _select_exactly(list(range(n)), coverage, concepts, weight, lengths, scores, 1.0, 1.0, sim, 0.5, budget, 0.0)
    return sorted(chosen)


def test_big_story_selection_is_exact_where_greedy_is_not():
    """The densest sentence (7 concept points in 6 words) leaves no room for the two that together
    cover more (10 points in 10 words): greedy takes it, the integer program does not."""
    concepts = [{("a", "1")}, {("b", "1")}, {("c", "1")}]
    weight = {("a", "1"): 7.0, ("b", "1"): 5.0, ("c", "1"): 5.0}
    assert _exact([6, 5, 5], concepts, weight, budget=10) == [1, 2]
    # two sentences that repeat each other are never chosen together
    assert _exact([6, 5, 5], concepts, weight, budget=10, redundant=[(1, 2)]) == [0]
    # a concept two sentences share counts once: B and C together add only their own small ones
    concepts = [{("a", "1")}, {("x", "1"), ("b", "2")}, {("x", "1"), ("c", "2")}]
    weight = {("a", "1"): 6.0, ("x", "1"): 5.0, ("b", "2"): 1.0, ("c", "2"): 0.5}
    assert _exact([6, 5, 5], concepts, weight, budget=11) == [0, 1]


def test_big_story_summary_never_overruns_its_budget():
    """Seven sources: the exact selection fills the budget without the 15% a small story may
    overrun by, and every sentence still cites real text."""
    events = [
        "The spillway gate at the Kessler Dam on the Orla River failed during heavy rain on Tuesday night.",
        "About 640 residents of the Eastbank district were evacuated to the sports hall overnight by police.",
        "Mayor Aleksei Marchenko said that nobody was hurt when the Eastbank streets were flooded on Tuesday.",
        "Engineers of the Orla Water Authority closed a second gate at the Kessler Dam on Wednesday morning.",
        "An independent panel will investigate why the spillway gate at the Kessler Dam failed in the rain.",
        "Rail services between Varnholm and Tessel were suspended because the tracks near Eastbank were flooded.",
        "Volunteers from Varnholm cleaned the mud from the streets of Eastbank on Thursday and Friday.",
    ]
    arts = [
        Article(f"s{k}", f"s{k}", " ".join(events[(k + j) % 7] for j in range(3)) + f" Outlet number {k} will publish updates on its website.")
        for k in range(7)
    ]
    greedy = summarize_articles(arts, Options(summary_exact_selection=False), words=70)
    assert sum(len(s.text.split()) for s in greedy) > 70  # greedy selection may overrun by a sentence
    for words in (30, 45, 70):
        summary = summarize_articles(arts, words=words)
        assert sum(len(s.text.split()) for s in summary) >= words - 20  # filled, to within a sentence
        assert all(not s.copies for s in summary)  # seven sources, none a copy of another
        assert summary and sum(len(s.text.split()) for s in summary) <= words
        for s in summary:
            text = next(a.text for a in arts if a.id == s.span.article_id)
            assert text[s.span.start : s.span.end] == s.text


def test_big_story_candidate_pool_grows_with_the_budget(monkeypatch):
    """However few candidates the integer program usually takes, a long summary gets enough of
    them to fill its budget."""
    import sys

    monkeypatch.setattr(sys.modules["storyline.summarize"], "ILP_CANDIDATES", 2)
    who = ["Engineers", "Volunteers", "Firefighters", "Geologists", "Teachers", "Farmers", "Nurses", "Soldiers",
           "Fishermen", "Students", "Bakers", "Drivers", "Priests", "Miners"]
    did = ["repaired the northern bridge", "cleaned the flooded school", "pumped water from cellars", "inspected the cracked wall",
           "carried sandbags to the river", "moved cattle to higher fields", "treated injured residents", "built a temporary dyke",
           "rescued stranded boats", "painted the damaged library", "baked bread for evacuees", "delivered drinking water",
           "opened the church as a shelter", "surveyed the collapsed tunnel"]
    facts = [f"{w} from the flooded district {d} all through {day}." for w, d, day in zip(who, did, ["Monday", "Tuesday"] * 7)]
    arts = [Article(f"s{k}", f"s{k}", " ".join(facts[(2 * k + j) % 14] for j in range(3))) for k in range(7)]
    summary = summarize_articles(arts, words=80)
    assert len(summary) >= 4 and sum(len(s.text.split()) for s in summary) >= 60


def test_page_furniture_and_captions_never_summarize_an_uncleaned_scrape():
    from storyline.model import span_text
    from storyline.summarize import mask_page_furniture

    error_page = (
        "Sorry, the page you requested was not found on the Eastbank server today.\n"
        "These crawls are part of an effort to archive pages as they are created and archive the pages they refer to."
    )
    captioned = (
        "Residents wade through the flooded Eastbank streets below the Kessler Dam spillway gate on Tuesday. "
        "(Jane Doe / Staff Photographer)\n" + DOCS[1]["text"]
    )
    masked = mask_page_furniture(error_page + "\n" + DOCS[2]["text"])
    assert len(masked) == len(error_page) + 1 + len(DOCS[2]["text"]) and masked.endswith(DOCS[2]["text"])
    assert not masked[: len(error_page)].strip()  # blanked, offsets kept
    arts = [
        Article("wire", "wire", DOCS[0]["text"], date="2025-10-14"),
        Article("local", "local", captioned, date="2025-10-15"),
        Article("archived", "archived", error_page + "\n" + DOCS[2]["text"], date="2025-10-16"),
    ]
    summary = summarize_articles(arts, words=120)
    texts = " ".join(s.text for s in summary)
    assert "requested was not found" not in texts and "crawls" not in texts
    assert "Residents wade" not in texts
    assert {s.span.article_id for s in summary} == {"wire", "local", "archived"}  # each source's news still there
    by_id = {a.id: a for a in arts}
    for s in summary:
        assert span_text(by_id[s.span.article_id], s.span) == s.text  # spans index the text as given


def test_reader_comments_in_an_uncleaned_scrape_are_never_summary_sentences():
    """The cleaner's judgement, not only its vocabulary: a comment section is masked as a whole."""
    from storyline.summarize import mask_page_furniture

    comments = [
        "3 comments",
        "Eastbank_Dad Oct 14, 2025 at 9:12 pm",
        "The Kessler Dam spillway gate should have been replaced years ago by the water authority.",
        "Reply",
        "OrlaRiverFan Oct 14, 2025 at 10:03 pm",
        "Evacuated Eastbank residents deserve compensation from the dam operator for this whole mess.",
        "Reply",
    ]
    scraped = DOCS[0]["text"] + "\n\n" + "\n\n".join(comments)
    masked = mask_page_furniture(scraped)
    assert len(masked) == len(scraped) and masked.startswith(DOCS[0]["text"])
    assert not masked[len(DOCS[0]["text"]) :].strip()
    arts = [Article("wire", "wire", scraped, date="2025-10-14"), Article("local", "local", DOCS[1]["text"], date="2025-10-15")]
    texts = " ".join(s.text for s in summarize_articles(arts, words=200))
    assert "Kessler Dam" in texts and "replaced years ago" not in texts and "compensation" not in texts


def test_a_cluster_that_breaks_the_summarizer_gets_an_error_row_and_the_batch_goes_on(tmp_path, monkeypatch):
    import importlib

    module = importlib.import_module("storyline.summarize")
    real = module.summarize_articles

    def fragile(articles, *args, **kwargs):
        if any(a.id == "deep" for a in articles):
            raise RecursionError("maximum recursion depth exceeded")
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(module, "summarize_articles", fragile)
    src, out = tmp_path / "clusters.jsonl", tmp_path / "sum.jsonl"
    rows = [{"id": "bad", "docs": [{"id": "deep", "text": DOCS[0]["text"]}]}, {"id": "dam", "docs": DOCS}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    stats = module.summarize_jsonl(src, out, 40)
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["bad", "dam"] and stats["errors"] == 1
    assert "RecursionError" in got[0]["error"] and got[1]["sentences"]


def test_a_cluster_row_nested_too_deeply_is_an_error_row(tmp_path, row_nested_too_deeply):
    from storyline.summarize import summarize_jsonl

    src, out = tmp_path / "clusters.jsonl", tmp_path / "sum.jsonl"
    deep = row_nested_too_deeply("docs")
    src.write_text(deep + "\n" + json.dumps({"id": "dam", "docs": DOCS}) + "\n")
    summarize_jsonl(src, out, 40)
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert "nested too deeply" in got[0]["error"] and got[1]["id"] == "dam" and got[1]["sentences"]


def test_text_copied_from_a_pdf_line_by_line_gives_whole_sentences():
    """A document pasted from a PDF has every printed line as its own paragraph: the summary reads
    its sentences whole, single-spaced, and each cites a span over the lines as given."""
    from storyline.model import span_text

    lines = [
        "On Monday the harbour committee of the city council voted to release a report on",
        "the ferry contracts, which the council had kept confidential since the tender in",
        "spring. The report was forwarded to the mayor, who has the authority to publish",
        "documents that concern the finances of the city, and who decided that the public",
        "interest in the ferry contracts outweighs any need to keep the contracts secret.",
        "Members of the committee said that the contracts were signed without a tender and",
        "that the costs of the two new ferries had doubled since the first estimate in May.",
    ]
    pdf = Article("pdf", "pdf", "\n\n".join(lines))
    wire = Article("wire", "wire", "The city council released a confidential report on the ferry contracts on Monday. "
                   "The mayor said the costs of the two new ferries had doubled since the first estimate in May.")
    summary = summarize_articles([pdf, wire], words=120)
    from_pdf = [s for s in summary if s.span.article_id == "pdf"]
    assert from_pdf
    for s in from_pdf:
        assert s.text[0].isupper() and s.text.endswith(".") and "  " not in s.text and "\n" not in s.text
        assert " ".join(span_text(pdf, s.span).split()) == s.text  # the span holds it, line breaks and all
    assert any("\n\n" in span_text(pdf, s.span) for s in from_pdf)  # a sentence read across printed lines


def test_a_story_with_little_text_gets_its_chosen_sentences_context():
    text = (
        "And on Oct. 19, Deputy Jack Hopkins of the Modoc County sheriff's office was shot near Alturas. "
        "Modoc officials said Hopkins was killed as he entered a property south of Alturas when he was confronted by a man. "
        "The deputy died instantly. "
        "As he fled, the suspect, 47, engaged another deputy in a gunbattle and was shot and wounded, authorities said. "
        "He has been charged with murder."
    )
    summary = summarize_articles([Article("a", "a", text)], words=250)
    texts = [s.text for s in summary]
    # every sentence that follows a chosen one, or a short lead-in, in the article's order; not the
    # opening "And on Oct. 19 ...", which points back to a sentence the story lacks
    assert texts == [
        "Modoc officials said Hopkins was killed as he entered a property south of Alturas when he was confronted by a man.",
        "The deputy died instantly.",
        "As he fled, the suspect, 47, engaged another deputy in a gunbattle and was shot and wounded, authorities said.",
        "He has been charged with murder.",
    ]
    for s in summary:  # each still cites its place in the article
        assert text[s.span.start : s.span.end] == s.text
    # while a sentence that stands alone is left out (here for want of room), no context is added
    text = (
        "Modoc officials said the deputy was killed as he entered a property south of Alturas on Sunday. "
        "The deputy died instantly. "
        "The suspect engaged another deputy in a long gunbattle near the river and was wounded there. "
        "Residents of Alturas gathered at the county courthouse on Monday evening to remember the fallen officer."
    )
    texts = [s.text for s in summarize_articles([Article("b", "b", text)], words=37)]
    assert len(texts) == 2 and "The deputy died instantly." not in texts
