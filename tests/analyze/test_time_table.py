"""Relative-date resolution, table-driven: (publication date, sentence, expected ISO date).

Reference dates vary (weekday, month ends, year ends, leap year) so each rule is tested where it
is most likely to go wrong: across month and year boundaries and near the reference date.
"""

import datetime as dt

import pytest

from storyline.analyze.time import find_time_expressions

FRI = dt.date(2017, 12, 15)  # Friday
MON = dt.date(2018, 1, 1)  # Monday, new year
WED = dt.date(2020, 3, 4)  # Wednesday, leap year
SUN = dt.date(2019, 6, 30)  # Sunday, month end

TABLE = [
    # explicit dates in the formats news uses
    (FRI, "The deal was signed on December 1, 2017.", "2017-12-01"),
    (FRI, "It was signed on 1 December 2017 in Minsk.", "2017-12-01"),
    (FRI, "Updated 16:34 06.08.2017 after the meeting.", "2017-08-06"),
    (FRI, "The report dated 2017-11-30 says so.", "2017-11-30"),
    (FRI, "On Thursday, Nov. 10, 2016 in Seoul.", "2016-11-10"),
    (FRI, "Posted January 1, 2008 16:10:00 by the desk.", "2008-01-01"),
    (FRI, "The war began in March 2011.", "2011-03"),
    (FRI, "Since 2011 the war has raged.", "2011"),
    (FRI, "In 1998, the treaty was signed.", "1998"),
    # month-day without a year: the year that puts it near publication
    (FRI, "On December 15, the minister spoke.", "2017-12-15"),
    (FRI, "On September 20, the US acted.", "2017-09-20"),
    (FRI, "On Sept. 20 the vote took place.", "2017-09-20"),
    (FRI, "The summit is set for January 12.", "2018-01-12"),
    (MON, "On December 28, the ministers met.", "2017-12-28"),
    (MON, "The talks will resume on January 9.", "2018-01-09"),
    (MON, "Voting is scheduled for February 3.", "2018-02-03"),
    (WED, "On February 29, the shop closed.", "2020-02-29"),
    (WED, "On 2 March the minister resigned.", "2020-03-02"),
    (SUN, "On the 28th of June, they marched.", "2019-06-28"),
    (SUN, "The law takes effect on July 1.", "2019-07-01"),
    # month without a year
    (FRI, "In November, Pyongyang tested a missile.", "2017-11"),
    (FRI, "Elections are expected in March.", "2018-03"),
    (MON, "In December, prices fell.", "2017-12"),
    (WED, "Since January the index has risen.", "2020-01"),
    (SUN, "Early June saw heavy rain.", "2019-06"),
    # weekdays: the one in the reporting week, the next one for future tense
    (FRI, "Lavrov said on Friday.", "2017-12-15"),
    (FRI, "On Monday, the council met.", "2017-12-11"),
    (FRI, "On Saturday, the council adopted it.", "2017-12-09"),
    (FRI, "He will travel on Monday.", "2017-12-18"),
    (FRI, "Last Friday the talks failed.", "2017-12-08"),
    (FRI, "Next Tuesday the vote will be held.", "2017-12-19"),
    (MON, "On Sunday, fireworks lit the sky.", "2017-12-31"),
    (MON, "On Friday, officials announced the plan.", "2017-12-29"),
    (MON, "The minister will visit Seoul on Thursday.", "2018-01-04"),
    (WED, "On Tuesday, the minister resigned.", "2020-03-03"),
    (WED, "On Monday, markets tumbled.", "2020-03-02"),
    (WED, "The board meets on Friday.", "2020-03-06"),
    (SUN, "On Saturday, protesters gathered.", "2019-06-29"),
    (SUN, "Talks are due to resume on Wednesday.", "2019-07-03"),
    # relative days, weeks, months, years
    (FRI, "It happened yesterday.", "2017-12-14"),
    (FRI, "It happened today.", "2017-12-15"),
    (FRI, "They will meet tomorrow.", "2017-12-16"),
    (FRI, "Police said last night that two people died.", "2017-12-14"),
    (FRI, "Three days ago the ship sank.", "2017-12-12"),
    (FRI, "Last month prices rose.", "2017-11"),
    (FRI, "Next month prices will rise.", "2018-01"),
    (FRI, "Earlier this month the talks stalled.", "2017-12"),
    (FRI, "Last year the economy grew.", "2016"),
    (FRI, "Next year the economy will grow.", "2018"),
    (MON, "Yesterday, crowds celebrated.", "2017-12-31"),
    (MON, "Last month the index fell.", "2017-12"),
    (MON, "Last year was the warmest on record.", "2017"),
    (MON, "Two weeks ago the strike began.", "2017-12"),
    (WED, "Yesterday, the minister resigned.", "2020-03-03"),
    (WED, "Four days ago the virus reached Italy.", "2020-02-29"),
    (WED, "Two months ago the outbreak began.", "2020-01"),
    (WED, "Ten years ago the bank failed.", "2010"),
    (SUN, "Tomorrow, the new law takes effect.", "2019-07-01"),
    (SUN, "A week ago the protests began.", "2019-06-23"),
    (SUN, "Earlier this week, the leaders met.", "2019-06-24"),
    (SUN, "Last week, the leaders met.", "2019-06-17"),
    (FRI, "Later this week, the council votes.", "2017-12-11"),
    (FRI, "Next week, the council votes.", "2017-12-18"),
    (FRI, "The day before yesterday, the ship sank.", "2017-12-13"),
]


@pytest.mark.parametrize("ref, text, expected", TABLE, ids=[f"{r}:{t[:30]}" for r, t, _ in TABLE])
def test_expression_table(ref, text, expected):
    found = find_time_expressions(text, ref)
    assert found, f"no time expression found in {text!r}"
    assert found[0].date == expected, f"{text!r} on {ref}: {found[0].text!r} -> {found[0].date}"


def test_table_is_large_enough():
    assert len(TABLE) >= 60
