"""Publication dates: storyline against htmldate on HTML, and datelines found in plain text.

    .venv/bin/python benchmarks/date_accuracy.py

Gold: the L3S-GN1 annotators marked each page's "supplemental" block (the dateline, byline and
similar lines printed around the article); its first day-precision date is taken as the page's
publication date. Pages whose block carries no such date are left out. This gold is the date the
page shows its reader; where that is a photo's date or an update time, every system is scored
against the same line. A date printed as "06/01/2008" is June 1 or January 6 (a British page's
"Last Updated: 12:01am GMT 06/01/2008" above comments posted "January 6, 2008"): for such a date
either reading counts, for every system.

- HTML (../shared/data/extraction/l3s_gn1): storyline's `clean_document` on the page, htmldate's
  `find_date` with its defaults and with `original_date=True`, all in this run.
- Plain text (../shared/data/textclean/l3s_gn1, the same pages as extracted text): pages whose
  text contains the gold date as printed; storyline's date must be that day. Also printed: on how
  many of them that day is among the lines the cleaner removed as datelines (found, whether or
  not it was the one chosen as the article's date).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyline.clean import clean_document  # noqa: E402
from storyline.clean.dates import find_dates, parse_dateline  # noqa: E402
from storyline.model import Article, RawDocument  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def gold_dates(pages: list[dict]) -> dict[str, tuple[frozenset[str], str]]:
    """page id → (the ISO days it may be: two for a day/month-ambiguous date, the date as printed)."""
    out = {}
    for page in pages:
        block = (page.get("meta") or {}).get("supplemental") or ""
        days = [d for d in find_dates(block) if d.granularity == "day"]
        if days:
            readings = frozenset(r for r in (days[0].iso, days[0].swapped) if r)
            out[page["id"]] = (readings, block[days[0].start : days[0].end])
    return out


def storyline_date(raw: RawDocument) -> str | None:
    result = clean_document(raw)
    return result.date if isinstance(result, Article) else None


def score(name: str, predicted: list[str | None], gold: list[frozenset[str]], seconds: float) -> None:
    correct = sum(p in g for p, g in zip(predicted, gold))
    found = sum(p is not None for p in predicted)
    print(
        f"  {name:<28} correct {correct:4d}/{len(gold)} = {correct / len(gold):.3f}   "
        f"dated {found:4d}   precision {correct / max(1, found):.3f}   {len(gold) / seconds:6.1f} pages/s"
    )


def main() -> None:
    import htmldate

    pages = rows(DATA / "extraction" / "l3s_gn1.jsonl.gz")
    gold = gold_dates(pages)
    dated = [p for p in pages if p["id"] in gold]
    truth = [gold[p["id"]][0] for p in dated]
    ambiguous = sum(len(gold[p["id"]][0]) > 1 for p in dated)
    print(f"HTML: extraction/l3s_gn1, {len(dated)} of {len(pages)} pages with an annotated day date ({ambiguous} day/month-ambiguous)")
    storyline_date(RawDocument("warm-up", html=dated[0]["html"]))
    htmldate.find_date(dated[0]["html"])
    systems = {
        "storyline": lambda html: storyline_date(RawDocument("page", html=html)),
        "htmldate (defaults)": lambda html: htmldate.find_date(html),
        "htmldate original_date": lambda html: htmldate.find_date(html, original_date=True),
    }
    for name, system in systems.items():
        start = time.process_time()
        predicted = []
        for page in dated:
            try:
                predicted.append(system(page["html"]))
            except Exception:  # a peer failing on a page has no date there, as a user would see
                predicted.append(None)
        score(name, predicted, truth, time.process_time() - start)

    texts = {r["id"]: r["text"] for r in rows(DATA / "textclean" / "l3s_gn1.jsonl.gz")}
    shown = [(pid, iso) for pid, (iso, printed) in gold.items() if printed in texts.get(pid, "")]
    print(f"plain text: textclean/l3s_gn1, {len(shown)} pages whose text prints the annotated date")
    start = time.process_time()
    results = [clean_document(RawDocument("text", text=texts[pid])) for pid, _ in shown]
    seconds = time.process_time() - start
    predicted = [r.date if isinstance(r, Article) else None for r in results]
    score("storyline", predicted, [iso for _, iso in shown], seconds)
    # Found: the annotated day is among the dates of the lines removed as datelines (the page's
    # "today" header, the article's stamp, an update stamp...), whichever of them became the date.
    found = sum(bool(dateline_days(r) & iso) for r, (_, iso) in zip(results, shown))
    print(f"  {'annotated date among its datelines':<28} {found:4d}/{len(shown)} = {found / len(shown):.3f}")


def dateline_days(result) -> set[str]:
    """Every day the lines removed as datelines may print (both readings of an ambiguous one)."""
    if not isinstance(result, Article):
        return set()
    days = {result.date} if result.date else set()
    for removed in result.removed:
        found = parse_dateline(removed.text) if removed.reason == "dateline" else None
        if found is not None:
            days.update(d for d in (found.iso, found.swapped) if d)
    return days


if __name__ == "__main__":
    main()
