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
