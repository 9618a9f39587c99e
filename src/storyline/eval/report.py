"""Evaluation results: one row per system, printed as a table and checked against floors."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class SystemScore:
    system: str
    metrics: dict[str, float]
    seconds: float = 0.0
    items: int = 0
    note: str = ""

    @property
    def per_second(self) -> float:
        return self.items / self.seconds if self.seconds > 0 else 0.0


@dataclass(slots=True)
class EvalReport:
    task: str
    dataset: str
    items: int
    rows: list[SystemScore] = field(default_factory=list)
    #: metric name -> minimum value storyline must reach on this dataset (the quality gate)
    floors: dict[str, float] = field(default_factory=dict)

    def score(self, system: str) -> SystemScore | None:
        return next((r for r in self.rows if r.system == system), None)

    def failures(self, system: str = "storyline") -> list[str]:
        """Floors the given system does not reach; empty when the gate passes."""
        row = self.score(system)
        if row is None:
            return [f"{system} was not evaluated"]
        return [
            f"{metric} {row.metrics.get(metric, float('nan')):.3f} < floor {floor:.3f}"
            for metric, floor in self.floors.items()
            if not row.metrics.get(metric, float("-inf")) >= floor
        ]

    def to_dict(self) -> dict:
        return {
            "task": self.task,
            "dataset": self.dataset,
            "items": self.items,
            "floors": self.floors,
            "systems": [
                {"system": r.system, **r.metrics, "items_per_second": round(r.per_second, 2), "note": r.note}
                for r in self.rows
            ],
            "failures": self.failures(),
        }
