import datetime as dt

import pytest

from storyline.analyze.time import find_time_expressions, infer_reference

REF = dt.date(2017, 12, 15)  # a Friday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On December 15, the minister spoke.", "2017-12-15"),
        ("Lavrov said on Friday.", "2017-12-15"),
        ("On Saturday, the council adopted it.", "2017-12-09"),
        ("He will travel on Monday.", "2017-12-18"),
        ("Last Friday the talks failed.", "2017-12-08"),
        ("On September 20, the US acted.", "2017-09-20"),
        ("In November, Pyongyang tested a missile.", "2017-11"),
        ("It happened yesterday.", "2017-12-14"),
        ("It happened today.", "2017-12-15"),
        ("Three days ago the ship sank.", "2017-12-12"),
        ("Last month prices rose.", "2017-11"),
        ("Since 2011 the war has raged.", "2011"),
        ("On Thursday, Nov. 10, 2016 in Seoul.", "2016-11-10"),
        ("The summit is set for January 12.", "2018-01-12"),
    ],
)
def test_resolution(text, expected):
    found = find_time_expressions(text, REF)
    assert found and found[0].date == expected


def test_sept_20_does_not_jump_a_year_back():
    found = find_time_expressions("On Sept. 20 the vote took place.", dt.date(2017, 9, 25))
    assert found[0].date == "2017-09-20"


def test_no_dates_in_money_or_may_as_verb():
    assert find_time_expressions("It cost $66. He may go.", REF) == []


def test_weekday_and_month_day_confirm_the_year():
    text = "The call occurred on Monday. On October 9, the ministers spoke."
    ref, confirmed = infer_reference(text, dt.date(2017, 8, 6))
    assert confirmed and ref == dt.date(2017, 10, 9)


def test_year_only_reference_does_not_resolve_weekdays():
    assert find_time_expressions("They met on Monday.", REF, year_only=True) == []


def _article(aid, text, date=None, date_source=None):
    from storyline.model import Article

    return Article(aid, aid, text, "T", date=date, date_source=date_source)


def test_undated_article_gets_the_day_its_own_text_confirms_and_no_other():
    from storyline.timeline import infer_publication_dates

    story = [
        _article("a", "The ministers met in Manila on Sunday to discuss the dam.", "2017-08-06", "dateline"),
        _article("b", "The ministers met again in Geneva to discuss the dam.", "2017-12-15", "html-meta"),
        # a weekday and a month-day that fall together in the story's year: the report's day
        _article("c", "The call, which occurred on Monday, was about the dam. On October 9, the ministers spoke."),
        # a weekday alone confirms nothing: better no date than a wrong one
        _article("d", "The ministers spoke on Monday about the dam and the spillway gate."),
        # Monday was not October 10 in 2017
        _article("e", "The ministers spoke on Monday. On October 10, they met at the dam."),
    ]
    assert infer_publication_dates(story) == {"c": "2017-10-09"}
    # An earlier inference is redone, and is never the story's own reference.
    story[2].date, story[2].date_source = "2017-10-09", "inferred"
    assert infer_publication_dates(story) == {"c": "2017-10-09"}
    assert infer_publication_dates(story[2:]) == {}  # no dated article: no year to trust
