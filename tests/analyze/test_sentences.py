from storyline.analyze.sentences import split_sentences


def test_offsets_point_into_the_text():
    text = "First sentence here. Second one follows!\n\nA new paragraph starts. It ends."
    sents = split_sentences("a", text)
    assert [s.text for s in sents] == ["First sentence here.", "Second one follows!", "A new paragraph starts.", "It ends."]
    for s in sents:
        assert text[s.span.start : s.span.end] == s.text


def test_abbreviations_and_initials_do_not_split():
    text = "Lt. Gen. H.R. McMaster met U.S. officials at 3 p.m. on Friday in Washington. They agreed."
    sents = split_sentences("a", text)
    assert len(sents) == 2 and sents[0].text.endswith("Washington.")


def test_multi_sentence_quote_stays_together():
    text = '"The situation is concerning. There is no alternative to talks," he told the house. Next sentence.'
    sents = split_sentences("a", text)
    assert sents[0].text.startswith('"The situation') and sents[0].text.endswith("the house.")


def test_a_closed_quotation_ends_its_sentence():
    for text in ['He said "this is it." Then he left.', "“We will win.” The crowd cheered."]:
        sents = split_sentences("a", text)
        assert len(sents) == 2 and sents[1].text in ("Then he left.", "The crowd cheered."), [s.text for s in sents]


def test_quotations_are_tracked_along_a_long_paragraph():
    """Quote marks are counted once along the paragraph (a paragraph of megabytes splits in linear
    time); every boundary still sees the quotations opened and closed before it."""
    unit = (
        '"The gate held. The town is safe," the mayor said. Officials agreed. '
        "“We will rebuild. It will take a year,” the engineer said. The river fell. "
    )
    sents = [s.text for s in split_sentences("a", unit * 500)]
    assert len(sents) == 2000
    assert sents[:4] == [
        '"The gate held. The town is safe," the mayor said.',
        "Officials agreed.",
        "“We will rebuild. It will take a year,” the engineer said.",
        "The river fell.",
    ]
    assert sents[-4:] == sents[:4]


def test_sentences_glued_by_a_scraper_are_split():
    text = 'Officials urged caution. "Take this seriously."Irene would be the first since 2008.Forecasters agree.'
    sents = [s.text for s in split_sentences("a", text)]
    assert sents == ["Officials urged caution.", '"Take this seriously."', "Irene would be the first since 2008.", "Forecasters agree."]
    # Not boundaries: abbreviations and domains written without a space, decimals.
    for text in ["The U.S.Army said prices rose 3.5 percent on Monday.", "Visit www.Example.com for the full report today.",
                 "The computer virus Worm.Explore.Zip spread quickly on Monday."]:
        assert len(split_sentences("a", text)) == 1, text


import pytest


@pytest.mark.parametrize(
    "dateline",
    [
        "MOSCOW (Sputnik) – ",
        "WASHINGTON _ ",
        "MOSCOW, August 17 (Xinhua) -- ",
        "GONESSE, France (AP) -- ",
        "CHRISTCHURCH, New Zealand (Reuters) - ",
        "Beijing (AFP) - ",
        "NEW YORK -- ",
        "Dec 17 (Reuters) - ",  # a date in place of the place
        "(AP) — ",  # the agency alone: the place was on the line above
        "(CNN) ",  # a broadcaster's name opening the lead, with no dash
    ],
)
def test_wire_dateline_forms_are_left_out(dateline):
    body = "The ministers met on Thursday to discuss the situation on the peninsula."
    s = split_sentences("a", dateline + body)[0]
    assert s.text == body and (dateline + body)[s.span.start : s.span.end] == body


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. - and its allies - will not accept this outcome, he said.",
        "Mr. Smith - a banker from Ohio - went home early after the meeting.",
        "Smith (AP photographer) - who was there - saw the crowd leave the square.",
        "I - for one - do not think the talks will succeed this year at all.",
    ],
)
def test_a_dash_inside_an_ordinary_sentence_is_not_a_dateline(sentence):
    assert split_sentences("a", sentence)[0].text == sentence


def test_a_bracketed_phrase_opening_a_sentence_is_not_a_dateline():
    text = "(Left to right) The ministers met on Thursday to discuss the situation on the peninsula."
    assert split_sentences("a", text)[0].text == text


def test_wire_dateline_is_not_part_of_the_sentence():
    text = "MOSCOW (Sputnik) – During the bilateral meeting, the ministers discussed the situation."
    s = split_sentences("a", text)[0]
    assert s.text.startswith("During") and text[s.span.start : s.span.end] == s.text
