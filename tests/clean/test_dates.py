import pytest

from storyline.clean.dates import find_dates, parse_dateline


@pytest.mark.parametrize(
    "line, expected",
    [
        ("16:34 06.08.2017(updated 19:14 06.08.2017)", "2017-08-06"),
        ("15:13 GMT +315 December 2017", "2017-12-15"),
        ("Posted January 1, 2008 16:10:00", "2008-01-01"),
        ("updated 7/24/2012 5:22:40 AM ET 2012-07-24T09:22:40", "2012-07-24"),
        ("Published: Monday, 12 March 2018", "2018-03-12"),
        ("2019-05-03T10:00:00Z", "2019-05-03"),
        ("Aug. 6, 2017 at 4:30 p.m.", "2017-08-06"),
        ("Sunday 6th of August 2017", "2017-08-06"),
        ("19 January 2008 - 5:57PM View all news | Send to a friend | Print", "2008-01-19"),
        ("Published on Monday, January 14, 2008 Email To Friend Print Version", "2008-01-14"),
        ("By Jonathan Noble and Pablo Elizalde Monday, January 14th 2008, 11:33 GMT", "2008-01-14"),
        ("Jan 12, 2008 2:04 AM (3 days ago) by Staff, The Examiner", "2008-01-12"),
        ("Shaun Nichols in California, vnunet.com 15 Jan 2008", "2008-01-15"),
        # a blog's post stamp: its categories and author around the date
        ("Posted in Sony, News, PSP, Skype by Darrin Olson on January 7th, 2008", "2008-01-07"),
        ("Posted by admin in Auto Blog on Aug 9th, 2012 | no responses", "2012-08-09"),
        # a reporter's name and role
        ("MARK SMITH, Deputy Business Editor January 01 2008", "2008-01-01"),
    ],
)
def test_datelines(line, expected):
    found = parse_dateline(line)
    assert found is not None and found.iso == expected


def test_a_sentence_with_a_date_is_not_a_dateline():
    assert parse_dateline("The ministry said on August 6, 2017 that the talks between the two sides had failed again.") is None
    assert parse_dateline("By the end of the talks on March 3, 2008 the ministers had agreed on nothing") is None
    assert parse_dateline("The ministers met again on March 3, 2008 to share the comments.") is None
    assert parse_dateline("Posted in reply to the ministers who met in Manila and Moscow on March 3, 2008 about sanctions") is None
    assert parse_dateline("Jane Roe, the paper's former editor, was fired on March 3, 2008 for it") is None


def test_no_false_dates():
    assert find_dates("It cost $66 and 2,000 people came; 31.13.2017 is not a date.") == []


def test_a_day_month_ambiguous_date_carries_its_other_reading():
    (found,) = find_dates("Last Updated: 12:01am GMT 06/01/2008")
    assert (found.iso, found.swapped) == ("2008-06-01", "2008-01-06")
    assert find_dates("13/01/2008")[0].swapped is None  # only one reading is a date
    assert find_dates("01/01/2008")[0].swapped is None  # both readings are the same day
    assert find_dates("January 6, 2008")[0].swapped is None


def test_shapes_are_skipped_only_when_they_cannot_match(monkeypatch):
    from pathlib import Path

    from storyline.clean import dates

    texts = [
        "16:34 06.08.2017(updated 19:14 06.08.2017)", "15:13 GMT +315 December 2017", "UTC-3 5 May 2019",
        "updated 7/24/2012 5:22:40 AM ET 2012-07-24T09:22:40", "Sept 2008 and Sep. 3, 2009", "May 2010",
        "12 of March, 2018; 2018-03-12 12/03/2018 12.03.2018", "no date 2017 here", "march 5, 2017",
    ]  # fmt: skip
    examples = Path(__file__).resolve().parents[2] / "examples" / "varnholm"
    texts += [line for path in examples.iterdir() for line in path.read_text(encoding="utf-8").split("\n")]
    skipping = [find_dates(t) for t in texts]
    monkeypatch.setattr(dates, "_NEEDED", {kind: ("",) for kind in dates._NEEDED})  # every shape always runs
    assert [find_dates(t) for t in texts] == skipping
    assert sum(map(len, skipping)) >= 12
