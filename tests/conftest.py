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


@pytest.fixture
def deep_row_then_good_row(tmp_path, row_nested_too_deeply):
    """Run a JSON Lines command (`command(in_path, out_path)`) on a too-deeply-nested "text" row
    followed by a good one; returns the output rows."""
    import json

    def run(command) -> list[dict]:
        src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
        good = json.dumps({"id": "ok", "text": "The dam operator said the gate would be repaired soon."})
        src.write_text(row_nested_too_deeply("text") + "\n" + good + "\n")
        command(src, out)
        return [json.loads(line) for line in out.read_text().splitlines()]

    return run
