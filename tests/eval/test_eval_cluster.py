import gzip
import json

from storyline.eval.cluster import load_labelled, run_cluster_eval

TEXTS = {
    "dam": "A spillway gate at the Kessler Dam on the Orla River failed during heavy rain, and Varnholm evacuated 640 residents.",
    "rehab": "Singer Lana Vey entered a rehabilitation clinic in Malibu and cancelled her summer tour, her publicist said.",
}


def test_labels_from_both_formats_and_ids_are_hidden(tmp_path):
    flat = tmp_path / "flat.jsonl"
    flat.write_text("\n".join(json.dumps({"id": f"D1-{i}", "text": TEXTS["dam"], "label": "D1"}) for i in range(3)))
    summ = tmp_path / "summ.jsonl.gz"
    with gzip.open(summ, "wt") as fh:
        fh.write(json.dumps({"id": "C9", "docs": [{"id": "C9-x", "text": TEXTS["rehab"]}] * 2, "meta": {"topic": "C9"}}) + "\n")
    articles, gold = load_labelled([flat, summ])
    assert len(articles) == 5 and len(set(gold)) == 2
    assert all(a.id.startswith("doc") for a in articles)  # original ids never reach a system
    report = run_cluster_eval([flat, summ])
    ours = report.score("storyline")
    assert ours.metrics["bcubed_f1"] == 1.0
    assert report.score("one cluster per document").metrics["bcubed_f1"] < 1.0
    assert report.failures() == []
