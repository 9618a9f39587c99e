"""Evaluation: quality measured against third-party datasets, with peers run in the same process.

Each task has a `run_*` function returning an :class:`EvalReport` (rows of systems × metrics) and a
floor (the project's quality gate). Datasets are read from where the user keeps them; none ship
with storyline.
"""

from storyline.eval.report import EvalReport, SystemScore

__all__ = ["EvalReport", "SystemScore"]
