from storyline.cluster import cluster_articles
from storyline.dedup import find_duplicates
from storyline.model import Article

FLOOD = (
    "A spillway gate at the Kessler Dam on the Orla River failed during heavy rain, sending water towards Varnholm. "
    "About 640 residents of the Eastbank district were evacuated to the sports hall, the emergency service said. "
    "Mayor Aleksei Marchenko said nobody was hurt. The Orla Water Authority said engineers closed a second gate."
)
FLOOD_2 = (
    "Residents of Varnholm returned home after the Kessler Dam spillway failure on the Orla River. "
    "Mayor Marchenko thanked volunteers. The Orla Water Authority asked a panel to investigate the gate failure."
)
REHAB_A = (
    "Singer Lana Vey has entered a rehabilitation clinic in Malibu, her publicist said on Tuesday. "
    "The pop star cancelled her summer tour dates and asked fans for privacy."
)
REHAB_B = (
    "Actor Tom Brannagh checked into a rehab facility in Arizona after his arrest for drunk driving in Phoenix. "
    "His agent said the Oscar nominee would miss the filming of his next western."
)


def art(aid, text, title=None, date=None):
    return Article(id=aid, source=aid, text=text, title=title, date=date)


def test_near_duplicate_is_grouped_with_its_copy():
    edited = FLOOD.replace("During heavy rain", "during torrential rain").replace("nobody was hurt", "no one was hurt")
    arts = [art("a", FLOOD, date="2025-10-14"), art("b", edited), art("c", FLOOD_2)]
    groups = find_duplicates(arts)
    assert len(groups) == 1
    assert groups[0].representative == "a" and [c.article_id for c in groups[0].copies] == ["b"]
    assert arts[1].duplicate_of == "a" and arts[2].duplicate_of is None


def test_exact_duplicates():
    arts = [art("a", FLOOD), art("b", FLOOD)]
    groups = find_duplicates(arts)
    assert groups[0].copies[0].similarity == 1.0


def test_same_event_joins_and_same_type_different_events_stay_apart():
    arts = [
        art("f1", FLOOD, "Spillway gate fails at Kessler Dam", "2025-10-14"),
        art("f2", FLOOD_2, "Varnholm residents return home", "2025-10-15"),
        art("r1", REHAB_A, "Lana Vey enters rehab", "2025-10-14"),
        art("r2", REHAB_B, "Tom Brannagh checks into rehab", "2025-10-15"),
    ]
    stories = cluster_articles(arts)
    groups = sorted(sorted(s.article_ids) for s in stories)
    assert groups == [["f1", "f2"], ["r1"], ["r2"]]


def test_incremental_mode_keeps_story_ids():
    first = cluster_articles([art("f1", FLOOD, "Spillway gate fails", "2025-10-14"), art("r1", REHAB_A, "Lana Vey enters rehab", "2025-10-14")])
    ids_before = {tuple(s.article_ids): s.id for s in first}
    later = cluster_articles([art("f2", FLOOD_2, "Varnholm residents return home", "2025-10-15")], existing=first)
    by_id = {s.id: s for s in later}
    for members, sid in ids_before.items():
        assert sid in by_id and list(members) == by_id[sid].article_ids[: len(members)]
    flood = next(s for s in later if "f1" in s.article_ids)
    assert flood.article_ids == ["f1", "f2"]


def test_merge_pass_never_merges_two_existing_stories():
    from storyline.options import Options

    a = cluster_articles([art("f1", FLOOD, "Spillway gate fails", "2025-10-14")])
    b = cluster_articles([art("f2", FLOOD_2, "Varnholm residents return home", "2025-10-15")], options=Options().with_(story_threshold=0.99, story_merge_threshold=0.0))
    assert len(b) == 1
    both = cluster_articles([], existing=a + b, options=Options().with_(story_merge_threshold=0.01))
    assert sorted(s.id for s in both) == sorted([a[0].id, b[0].id])


def _pile(n_events=8, per_event=8):
    """A large pile (IDF mode): events of one kind (a mayor opens a bridge) that differ by names."""
    import random

    rng = random.Random(3)
    towns = ["Orlavik", "Brennhof", "Castemar", "Dunmoor", "Elsgrad", "Fornholt", "Gavrilo", "Halvberg", "Istrad", "Jorvale"]
    mayors = ["Anna Petrak", "Bruno Szell", "Carla Vint", "Dmitri Olen", "Edda Morrow", "Farid Kassem", "Greta Lund", "Hugo Brandt"]
    rivers = ["Sella", "Tarn", "Umbra", "Vesta", "Wenn", "Xanth", "Yssel", "Zeller"]
    articles, gold = [], []
    for e in range(n_events):
        town, mayor, river = towns[e], mayors[e], rivers[e]
        facts = [
            f"Mayor {mayor} opened the new bridge over the {river} in {town} on Saturday.",
            f"The bridge in {town} cost 40 million euros and took three years to build, {mayor} said.",
            f"Residents of {town} crossed the {river} on foot as {mayor} cut the ribbon.",
            f"Traffic across the {river} in {town} is expected to fall by a third, the council of {town} said.",
            f"{mayor} thanked the engineers who worked on the {town} bridge through two winters.",
            f"Critics in {town} said the {river} crossing was too expensive for a town of its size.",
        ]
        for k in range(per_event):
            text = " ".join(rng.sample(facts, 4))
            articles.append(art(f"e{e}-{k}", text, f"{town} opens bridge over the {river}", f"2025-0{1 + e % 9}-1{k % 9}"))
            gold.append(e)
    return articles, gold


def test_large_pile_same_type_different_events_come_apart():
    from storyline.cluster import assign_stories
    from storyline.eval.metrics import bcubed

    articles, gold = _pile()
    assert len(articles) >= 50  # pile-IDF mode
    story_of, _ = assign_stories(articles)
    scores = bcubed([story_of[a.id] for a in articles], gold)
    assert scores["bcubed_precision"] == 1.0
    assert scores["bcubed_f1"] >= 0.9


def test_cluster_command_rows_in_order(tmp_path):
    import json

    from typer.testing import CliRunner

    from storyline.cli import app

    src = tmp_path / "docs.jsonl"
    rows = [
        {"id": "f1", "text": FLOOD, "title": "Spillway gate fails at Kessler Dam", "date": "2025-10-14"},
        {"id": "r1", "text": REHAB_A, "title": "Lana Vey enters rehab"},
        {"id": "f2", "text": FLOOD_2, "title": "Varnholm residents return home", "date": "October 15, 2025"},
        {"id": "bad"},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    out = tmp_path / "stories.jsonl"
    result = CliRunner().invoke(app, ["cluster", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["f1", "r1", "f2", "bad", None]
    assert got[0]["story"] == got[2]["story"] != got[1]["story"]
    assert "error" in got[3] and "error" in got[4]


STRIKE_A = (
    "Ferry crews walked off the job on Thursday in a strike over danger pay after the Kessler Dam failure. "
    "The ferry union said striking crews would picket the pier until the ferry company improves its pay offer, "
    "and strike talks with the company would resume on Monday."
)
STRIKE_B = (
    "The ferry strike entered its second day as the union rejected the ferry company's pay offer. "
    "Ferry crews picketed the main pier and the company said strike talks would resume on Monday."
)
STRIKE_C = (
    "Striking ferry crews and the ferry company agreed to mediation, ending a three-day ferry strike. "
    "The union said crews would return to the ferries on Sunday while a mediator reviews the pay offer."
)


def test_reassignment_moves_an_article_to_the_story_it_matches_best_once_stories_are_complete():
    """The single pass put the first strike report into the dam story (it arrived before any other
    strike report); once the strike story exists, the reassignment round moves it there."""
    from storyline.cluster import StoryState, _refine, article_vector

    arts = [
        art("f1", FLOOD, "Spillway gate fails at Kessler Dam", "2025-10-14"),
        art("f2", FLOOD_2, "Varnholm residents return home", "2025-10-15"),
        art("a", STRIKE_A, "Ferry crews walk out", "2025-10-16"),
        art("y1", STRIKE_B, "Ferry strike enters second day", "2025-10-17"),
        art("y2", STRIKE_C, "Ferry strike ends with mediation", "2025-10-19"),
    ]
    vectors = [article_vector(a) for a in arts]

    def stories():
        dam, strike = StoryState("s-dam", ["f1", "f2", "a"]), StoryState("s-strike", ["y1", "y2"])
        for st, members in ((dam, vectors[:3]), (strike, vectors[3:])):
            st.centroid = {t: x for v in members for t, x in v.items()}  # only indexed, never scored
        return [dam, strike]

    moved = _refine(stories(), arts, vectors, frozenset(), threshold=0.18, rounds=3)
    assert {s.id: sorted(s.article_ids) for s in moved} == {"s-dam": ["f1", "f2"], "s-strike": ["a", "y1", "y2"]}
    # a story that existed before this run keeps its members
    kept = _refine(stories(), arts, vectors, frozenset({"s-dam"}), threshold=0.18, rounds=3)
    assert {s.id: sorted(s.article_ids) for s in kept} == {"s-dam": ["a", "f1", "f2"], "s-strike": ["y1", "y2"]}
    # no reassignment round: the single pass's answer stands
    assert {s.id: sorted(s.article_ids) for s in _refine(stories(), arts, vectors, frozenset(), 0.18, 0)}["s-dam"] == ["a", "f1", "f2"]


def test_cluster_row_nested_too_deeply_is_an_error_row(deep_row_then_good_row):
    from storyline.cluster import cluster_jsonl

    rows = deep_row_then_good_row(cluster_jsonl)
    assert "nested too deeply" in rows[0]["error"] and rows[1]["id"] == "ok" and rows[1]["story"]
