"""The literal pre-test never changes what a pattern finds: it only skips searches that must fail."""

import re
from pathlib import Path

from storyline.clean import vocab
from storyline.clean.prefilter import contains_any, required_literals

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
                assert literals is not None and contains_any(m.group(0), literals), (reason, m.group(0))
    assert vocab._ANYWHERE_LITERALS is not None


def test_prefiltered_any_line_reason_equals_plain_search(monkeypatch):
    lines = [
        "Your email address will not be published.",
        "This entry was posted in World News. Bookmark the permalink.",
        "Comments are closed.",
        "By clicking 'Register' you accept our terms",
        "We use cookies on this website.",
        "Sergei Lavrov met Rex Tillerson in Manila on Monday, the ministry said.",
        "The full text contains 523 words.",
        "Read more: Lavrov says talks will go on",
    ]
    for path in EXAMPLES.iterdir():
        lines += path.read_text(encoding="utf-8", errors="replace").split("\n")
    with_test = [vocab.any_line_reason.__wrapped__(line) for line in lines]
    monkeypatch.setattr(vocab, "_ANYWHERE_LITERALS", None)
    monkeypatch.setattr(vocab, "_ANY_LINE_ANYWHERE", [(r, p, None) for r, p, _ in vocab._ANY_LINE_ANYWHERE])
    without = [vocab.any_line_reason.__wrapped__(line) for line in lines]
    assert with_test == without
    assert sum(r is not None for r in with_test) >= 8  # the furniture above and in the examples is found
