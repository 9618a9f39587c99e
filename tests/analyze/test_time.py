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
