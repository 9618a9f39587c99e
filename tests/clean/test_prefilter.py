"""The pre-tests never change what a pattern finds: they only skip searches that must fail."""

import re
from pathlib import Path

from storyline.clean import vocab
from storyline.clean.prefilter import (
    FirstCharacterDispatch,
    LiteralIndex,
    first_characters,
    required_literals,
    split_alternatives,
)
from storyline.clean.textstats import STOPWORDS, tokens

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "varnholm"


def test_required_literals_of_a_sequence_alternation_and_repeat():
    assert required_literals(re.compile(r"(?:please )?(?:donate|support) now\b")) == (" now",)
    # Python's parser factors the branches' shared start out: "comment" is what both need.
    assert required_literals(re.compile(r"comments are (?:closed|moderated)|comment policy")) == ("comment",)
    assert set(required_literals(re.compile(r"comments are (?:closed|moderated)|we use cookies"))) == {
        "comments are ",
        "we use cookies",
    }
    assert required_literals(re.compile(r"(?:ab+c)+xyz")) == ("xyz",)
    # "Jan" is needed for "January" too: only the shorter stays
    assert set(required_literals(re.compile(r"(?:January|Jan|Feb) \d{4}"), shortest=3)) == {"Jan", "Feb"}


def test_no_literals_when_a_branch_needs_none_or_case_is_ignored():
    assert set(required_literals(re.compile(r"all rights reserved|\d+ comments?"))) == {"all rights reserved", " comment"}
    assert required_literals(re.compile(r"all rights reserved|\d+ \w+")) is None
    assert required_literals(re.compile(r"all rights reserved", re.IGNORECASE)) is None
    assert required_literals(re.compile(r"(?i:all rights) reserved|we use cookies")) is None
    assert required_literals(re.compile(r"ab|cd")) is None  # shorter than 3 characters


def test_every_match_of_the_vocabulary_contains_one_of_its_literals():
    lines = [
        "your email address will not be published. required fields are marked *",
        "this site uses akismet to reduce spam.",
        "notify me of follow-up comments by email.",
        "this entry was posted in politics and tagged lavrov. bookmark the permalink.",
        "© 2017 sputnik. all rights reserved.",
        "we use cookies to give you the best experience. by using this site, you agree",
        "the opinions expressed in this blog are the author's own",
        "a valid e-mail address is required. we will not store your email address",
        "you must be logged in to post a comment.",
        "the foreign minister said talks would go on, and the ministry reserves the right to comment later.",
    ]
    for line in lines:
        for reason, pattern, literals in vocab._ANY_LINE_ANYWHERE:
            for m in pattern.finditer(line):
                assert literals is not None and any(lit in m.group(0) for lit in literals), (reason, m.group(0))
    assert vocab._ANYWHERE_NEEDS_LITERALS


def _example_lines() -> list[str]:
    lines = [
        "Your email address will not be published.",
        "This entry was posted in World News. Bookmark the permalink.",
        "Comments are closed.",
        "By clicking 'Register' you accept our terms",
        "We use cookies on this website.",
        "Sergei Lavrov met Rex Tillerson in Manila on Monday, the ministry said.",
        "The full text contains 523 words.",
        "Read more: Lavrov says talks will go on",
        "12 comments",
        "٣ comments",  # an Arabic-Indic digit is a digit too
        "(Photo: AP)",
        "© 2017 Sputnik",
        "Share this article",
        "Follow @storyline for updates",
        "Jane reblogged this from john-doe",
        "",
    ]
    for path in EXAMPLES.iterdir():
        lines += path.read_text(encoding="utf-8", errors="replace").split("\n")
    return lines


def _plain(named: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name.replace('-', '_')}>{p})" for name, p in named.items()))


def test_prefiltered_vocabulary_equals_plain_search(monkeypatch):
    lines = _example_lines()
    with_tests = [(vocab.any_line_reason(line), vocab.short_line_reason(line)) for line in lines]
    # The same reasons with every phrase searched and every alternative of the line patterns tried.
    monkeypatch.setattr(vocab, "_ANYWHERE_NEEDS_LITERALS", False)
    monkeypatch.setattr(vocab, "_ANY_LINE_ANYWHERE", [(r, p, None) for r, p, _ in vocab._ANY_LINE_ANYWHERE])
    monkeypatch.setattr(vocab, "_ANY_LINE_START", _plain({r: start for r, (start, _) in vocab._ANY_LINE.items() if start}))
    monkeypatch.setattr(vocab, "_SHORT_LINE_ONE", _plain(vocab._SHORT_LINE))
    without = [(vocab.any_line_reason(line), vocab.short_line_reason(line)) for line in lines]
    assert with_tests == without
    assert sum(r is not None for r, _ in with_tests) >= 8  # the furniture above and in the examples is found
    assert sum(r is not None for _, r in with_tests) >= 8


def test_literal_index_finds_exactly_the_literals_in_a_line():
    literals = (" uses cookies", "log out /", "share it", "sign up for ", "bookmark the permalink", "e-mail me")
    index = LiteralIndex(literals, STOPWORDS)
    assert index.always == ("share it",)  # no whole word inside it
    assert index.by_word["uses"] == (" uses cookies",) and index.by_word["out"] == ("log out /",)
    assert index.by_word["mail"] == ("e-mail me",)  # "e" and "me" are cut or function words
    lines = [line.lower() for line in _example_lines()] + [
        "this site uses cookies.",
        "blog out / change",  # "log out /" inside another word: still a substring
        "share items",
        "please sign up for our newsletter",
        "cookies are used",
        "bookmark the permalink.",
        "e-mail me a copy",
        "emailed me",
    ]
    for low in lines:
        assert sorted(index.found(low, tokens(low))) == sorted(lit for lit in literals if lit in low), low


def test_alternatives_split_at_the_top_level_only():
    assert split_alternatives("a|b(c|d)|e") == ["a", "b(c|d)", "e"]
    assert split_alternatives("(a|b|c)") == ["a", "b", "c"]  # one group around everything
    assert split_alternatives("(a)|(b)") == ["(a)", "(b)"]
    assert split_alternatives("(a)(b|c)") == ["(a)(b|c)"]
    assert split_alternatives("(?:a|b)") == ["(?:a|b)"]  # kept whole: flags or non-capturing syntax
    assert split_alternatives(r"a\|b|[|)]c|d") == [r"a\|b", "[|)]c", "d"]
    assert split_alternatives("[]|]x|y") == ["[]|]x", "y"]
    assert split_alternatives("[^]|]x|y") == ["[^]|]x", "y"]


def test_first_characters_of_a_pattern():
    assert first_characters("comments?") == {"c"}
    assert first_characters("(share|tweet)( this)?") == {"s", "t"}
    assert first_characters(r"\(?photo:") == {"(", "p"}
    assert first_characters("[a-c]x") == {"a", "b", "c"}
    assert first_characters(r"\b(?=x)y") == {"y"}  # zero-width parts take nothing
    assert first_characters(r"\d+ comments") is None  # \d is more than 0-9
    assert first_characters(r"\w+ x|y") is None
    assert first_characters("(?i)abc") is None
    assert first_characters("a?") is None  # can match nothing at all
    assert first_characters(".*x") is None


def test_first_character_dispatch_matches_like_the_whole_alternation():
    named = {"a": "(one|two)s?", "b": r"\d+ comments?", "c": "o.*|t", "d": "[xyz]+"}
    dispatch = FirstCharacterDispatch(named)
    plain = _plain(named)
    for text in ["one", "ones", "two", "twos", "three", "t", "3 comments", "٣ comments", "other", "xyz", "", "q", "é"]:
        for how in ("match", "fullmatch"):
            got, want = getattr(dispatch, how)(text), getattr(plain, how)(text)
            assert (got and (got.lastgroup, got.span())) == (want and (want.lastgroup, want.span())), (how, text)
