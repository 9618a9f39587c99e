"""Cheap tests that let a regular-expression search be skipped, with the same answer.

A search for phrases that may sit anywhere in a line tries every phrase at every position; most
lines hold none of them. `required_literals` reads from a pattern the literal strings one of which
any match must contain, and `LiteralIndex` finds which of them a line holds from the line's words:
a line without any skips the search. A line-start pattern of hundreds of alternatives tries each
at the start of every line; `FirstCharacterDispatch` tries only those that can start with the
line's first character.
"""

from __future__ import annotations

import re


def _regex_parser():
    """Python's own regular-expression parser and its opcodes (renamed in Python 3.11)."""
    try:
        from re import _constants as sre_constants  # Python 3.11+
        from re import _parser as sre_parse
    except ImportError:  # pragma: no cover - older Pythons
        import sre_constants  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]
    return sre_constants, sre_parse


def required_literals(pattern: re.Pattern[str], shortest: int = 3) -> tuple[str, ...] | None:
    """Literal strings of which every match of `pattern` contains at least one (each `shortest`
    characters or more), or None when some way of matching needs none.

    Read from the pattern itself, so the test can never disagree with it: a sequence needs each of
    its parts (a run of literal characters, a group, a repeat of at least one, an alternation each
    of whose branches needs a literal), and the part with the fewest literals is chosen."""
    if pattern.flags & re.IGNORECASE:
        return None  # `in` is case-sensitive
    sre_constants, sre_parse = _regex_parser()

    def of_sequence(items) -> set[str] | None:
        best: set[str] | None = None

        def consider(found: set[str] | None) -> None:
            nonlocal best
            if not found or min(map(len, found)) < shortest:
                return
            # Fewer literals first, then longer ones: " uses cookies" tells more than "this ".
            if best is None or (len(found), -min(map(len, found))) < (len(best), -min(map(len, best))):
                best = found

        run: list[str] = []
        for op, av in list(items) + [(None, None)]:
            if op is sre_constants.LITERAL:
                run.append(chr(av))
                continue
            if run:
                consider({"".join(run)})
                run = []
            if op is sre_constants.SUBPATTERN:
                if av[1] & re.IGNORECASE:
                    return None  # an inline (?i): literals inside match in any case
                consider(of_sequence(av[-1]))
            elif op is sre_constants.BRANCH:
                branches = [of_sequence(b) for b in av[1]]
                if all(branches):
                    consider(set().union(*branches))  # type: ignore[arg-type]
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
                consider(of_sequence(av[2]))
        return best

    found = of_sequence(sre_parse.parse(pattern.pattern))
    if not found:
        return None
    # "Jan" in the line is needed for "January" too: the longer literal adds nothing.
    kept = [lit for lit in found if not any(o != lit and o in lit for o in found)]
    return tuple(sorted(kept, key=len))


_WORD = re.compile(r"\w+")


class LiteralIndex:
    """Which of some lower-case literals a lower-cased line contains, found from the line's `\\w+`
    tokens instead of one substring search per literal.

    A literal with a whole word inside it (non-word characters on both sides, within the literal:
    "cookies" in " uses cookies") can only be in a line holding that word as a token; each literal
    is filed under its most telling such word (the longest that is not a function word), and a
    line's tokens pick the few literals worth a substring test. Literals without a whole word
    inside ("share it") are always tested. The answer is the same as testing every literal."""

    def __init__(self, literals: tuple[str, ...], function_words: frozenset[str] = frozenset()) -> None:
        by_word: dict[str, list[str]] = {}
        always: list[str] = []
        for lit in literals:
            inner = [m.group() for m in _WORD.finditer(lit) if m.start() > 0 and m.end() < len(lit)]
            if not inner:
                always.append(lit)
                continue
            word = max(inner, key=lambda w: (w not in function_words, len(w)))
            by_word.setdefault(word, []).append(lit)
        self.by_word = {w: tuple(lits) for w, lits in by_word.items()}
        self.words = frozenset(self.by_word)
        self.always = tuple(always)

    def found(self, low: str, toks) -> list[str]:
        """The literals that are substrings of `low`; `toks` are its `\\w+` tokens."""
        hits = [lit for lit in self.always if lit in low]
        for word in self.words.intersection(toks):
            hits.extend(lit for lit in self.by_word[word] if lit in low)
        return hits


def _structure(pattern: str):
    """(index, character, nesting depth) of each character of a pattern's source outside escapes
    and character classes; a parenthesis has the depth of the level it opens or closes."""
    depth = 0
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            skip = 1 if pattern.startswith("]", i + 1) else 2 if pattern.startswith("^]", i + 1) else 0
            i += 1 + skip  # in "[]..." and "[^]...", that "]" is a member
            continue
        else:
            if c == ")":
                depth -= 1
            yield i, c, depth
            if c == "(":
                depth += 1
        i += 1


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source ("a|(b|c)" → ["a", "(b|c)"]),
    looking inside one group that spans the whole pattern ("(a|b)" → ["a", "b"])."""
    parts: list[str] = []
    start = 0
    for i, c, depth in _structure(pattern):
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    if len(parts) == 1 and pattern.startswith("(") and not pattern.startswith("(?"):
        # One plain group with nothing after it: its alternatives are the pattern's.
        closing = next((i for i, c, depth in _structure(pattern) if c == ")" and depth == 0), None)
        if closing == len(pattern) - 1:
            return split_alternatives(pattern[1:-1])
    return parts


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a non-empty match of `pattern` can start with, or None when that is not a
    short list (a class such as `\\w`, any character, a case-insensitive part, or a pattern that
    can match the empty string)."""
    c, sre_parse = _regex_parser()

    ANY = None

    def of_sequence(items) -> tuple[set[str] | None, bool]:
        """(first characters, can be empty) of a sequence of items."""
        found: set[str] = set()
        for op, av in items:
            first, empty = of_item(op, av)
            if first is ANY:
                return ANY, False
            found |= first
            if not empty:
                return found, False
        return found, True

    def of_item(op, av) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 128:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                else:
                    return ANY, False  # a negated set, a category (\w, \d), a wide range
            return chars, False
        if op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return ANY, False
            return of_sequence(av[-1])
        if op is c.BRANCH:
            union: set[str] = set()
            can_be_empty = False
            for branch in av[1]:
                first, empty = of_sequence(branch)
                if first is ANY:
                    return ANY, False
                union |= first
                can_be_empty = can_be_empty or empty
            return union, can_be_empty
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            first, empty = of_sequence(av[2])
            return first, empty or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True  # zero width: what follows decides
        return ANY, False  # any character, a back-reference, ...

    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    first, empty = of_sequence(parsed)
    return None if first is ANY or empty else frozenset(first)


class FirstCharacterDispatch:
    """`match`/`fullmatch` of a long alternation of named patterns, tried only with the alternatives
    that can start with the text's first character.

    `named` maps group names to patterns. A regular expression of hundreds of alternatives tries
    them one after another at the start of every line; most cannot start with that line's first
    character. Each first character gets its own expression, built on first use from just the
    alternatives that can start with it (and those that can start with anything), in their order:
    the first alternative that matches is the same, and so is the group it names."""

    def __init__(self, named: dict[str, str]) -> None:
        self._alternatives: list[tuple[str, str, frozenset[str] | None]] = [
            (name, alt, first_characters(alt)) for name, pattern in named.items() for alt in split_alternatives(pattern)
        ]
        self._starts = frozenset().union(*(first for _, _, first in self._alternatives if first is not None))
        self._by_char: dict[str, re.Pattern[str]] = {}  # built on first use, for characters in `_starts`
        self._anything = self._compile(None)  # the alternatives that can start with any character

    def _compile(self, char: str | None) -> re.Pattern[str] | None:
        groups: dict[str, list[str]] = {}
        for name, alt, first in self._alternatives:
            if first is None or (char is not None and char in first):
                groups.setdefault(name, []).append(alt)
        if not groups:
            return None
        return re.compile("|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in groups.items()))

    def _pattern(self, text: str) -> re.Pattern[str] | None:
        char = text[:1]
        pattern = self._by_char.get(char)
        if pattern is None:
            if char not in self._starts:
                return self._anything
            # Some alternative starts with `char`, so there is an expression to build.
            pattern = self._by_char[char] = self._compile(char)  # type: ignore[assignment]
        return pattern

    def match(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern(text)
        return pattern.match(text) if pattern is not None else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern(text)
        return pattern.fullmatch(text) if pattern is not None else None
