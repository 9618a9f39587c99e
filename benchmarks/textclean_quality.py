"""Plain-text cleaning quality on ../shared/data/textclean/*.jsonl.gz (shingle F1, the
scrapinghub article-extraction-benchmark convention), with keep-everything and the ">= 8 words"
baseline measured in the same run.

    .venv/bin/python benchmarks/textclean_quality.py [DATASET.jsonl.gz ...]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.clean.text import clean_text  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "textclean"


def shingles(text: str, k: int = 4) -> set[tuple[str, ...]]:
    toks = re.findall(r"\w+", text.lower())
    return {tuple(toks[i : i + k]) for i in range(max(0, len(toks) - k + 1))}


def score(pred: str, gold: str) -> tuple[float, float]:
    p, g = shingles(pred), shingles(gold)
    if not p and not g:
        return 1.0, 1.0
    inter = len(p & g)
    return (inter / len(p) if p else 0.0), (inter / len(g) if g else 0.0)


def evaluate(rows, system) -> tuple[float, float, float]:
    ps, rs = [], []
    for row in rows:
        p, r = score(system(row["text"]), row["expected_text"])
        ps.append(p)
        rs.append(r)
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


def main(paths: list[str]) -> None:
    systems = {
        "keep everything": lambda t: t,
        "lines >= 8 words": lambda t: "\n".join(ln for ln in t.split("\n") if len(ln.split()) >= 8),
        "storyline": lambda t: ((r := clean_text(t)).title or "") + "\n" + r.text,
    }
    for path in paths or sorted(str(p) for p in DATA.glob("*.jsonl.gz")):
        rows = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
        print(f"{Path(path).name}: {len(rows)} pages")
        for name, fn in systems.items():
            t0 = time.perf_counter()
            P, R, F = evaluate(rows, fn)
            dt = time.perf_counter() - t0
            print(f"  {name:<18} P {P:.3f}  R {R:.3f}  F1 {F:.3f}   ({len(rows) / dt:,.0f} pages/s)")


if __name__ == "__main__":
    main(sys.argv[1:])
