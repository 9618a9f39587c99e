from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "varnholm"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent in this checkout)")
    return SEEDS


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


# Deeper than Python's JSON parser can read: json.loads raises RecursionError on it.
TOO_DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def row_nested_too_deeply():
    """A JSON Lines row (id "deep") whose `field` holds TOO_DEEP: one bad row, never a crash."""
    return lambda field: '{"id": "deep", "%s": ' % field + TOO_DEEP + "}"
