"""Cheap tests that let a regular-expression search be skipped.

A search for phrases that may sit anywhere in a line tries every phrase at every position; most
lines hold none of them. `required_literals` reads from a pattern the literal strings one of which
any match must contain, and `contains_any` checks for them with `str.__contains__`, which is many
times faster than the search: a line without any of them skips it, and the answer is the same.
"""

from __future__ import annotations

import re


def required_literals(pattern: re.Pattern[str], shortest: int = 3) -> tuple[str, ...] | None:
    """Literal strings of which every match of `pattern` contains at least one (each `shortest`
    characters or more), or None when some way of matching needs none.

    Read from the pattern itself, so the test can never disagree with it: a sequence needs each of
    its parts (a run of literal characters, a group, a repeat of at least one, an alternation each
    of whose branches needs a literal), and the part with the fewest literals is chosen."""
    if pattern.flags & re.IGNORECASE:
        return None  # `in` is case-sensitive
    try:
        from re import _constants as sre_constants, _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - older Pythons
        import sre_constants  # type: ignore[no-redef]
        import sre_parse  # type: ignore[no-redef]

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


def contains_any(text: str, literals: tuple[str, ...]) -> bool:
    """Is any of `literals` a substring of `text`?"""
    for literal in literals:
        if literal in text:
            return True
    return False
