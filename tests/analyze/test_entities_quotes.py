from storyline.analyze.entities import extract_entities
from storyline.analyze.quotes import extract_quotes
from storyline.analyze.sentences import split_sentences

A = (
    "Russian Foreign Minister Sergey Lavrov spoke with U.S. Secretary of State Rex Tillerson on Monday. "
    "Lavrov said the talks in Washington were useful."
)
B = (
    "Russian Foreign Minister Sergei Lavrov told reporters that the US position had not changed. "
    "Russian Senator Konstantin Kosachev said it was unfortunate that Tillerson said that “if our diplomatic efforts fail, "
    "our military option will be the only one left.” "
    "“All this will end sadly not only for the region but for the whole world,” the senator said. "
    "“We will keep talking to our partners in every format,” he added."
)


def analyse():
    sents = {"a": split_sentences("a", A), "b": split_sentences("b", B)}
    entities = extract_entities(sents, {"a": A, "b": B})
    return sents, entities


def test_name_variants_merge():
    _, entities = analyse()
    lavrov = [e for e in entities if "Lavrov" in e.name]
    assert len(lavrov) == 1
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(lavrov[0].aliases) | {lavrov[0].name}
    assert lavrov[0].type == "PERSON" and lavrov[0].article_ids == ["a", "b"]
    us = [e for e in entities if e.name == "United States"]
    assert len(us) == 1 and {"U.S.", "US", "Washington"} & set(us[0].aliases)


def test_titles_are_roles_not_names():
    _, entities = analyse()
    names = {e.name for e in entities}
    assert "Rex Tillerson" in names and "Konstantin Kosachev" in names
    kosachev = next(e for e in entities if e.name == "Konstantin Kosachev")
    assert any("Senator" in r for r in kosachev.roles)


def test_quotes_nested_role_and_pronoun_attribution():
    sents, entities = analyse()
    quotes = extract_quotes("b", B, sents["b"], entities, "2017-09-18")
    by_start = {q.text[:20]: q for q in quotes}
    assert by_start["if our diplomatic ef"].speaker == "Rex Tillerson"  # nested: inner speaker
    assert by_start["All this will end sa"].speaker == "Konstantin Kosachev"  # "the senator"
    assert by_start["We will keep talking"].speaker == "Konstantin Kosachev"  # "he added"
    for q in quotes:
        assert B[q.span.start : q.span.end] == q.text
        assert q.date == "2017-09-18"


def test_indirect_quote():
    sents, entities = analyse()
    quotes = extract_quotes("b", B, sents["b"], entities, None)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert indirect and indirect[0].speaker in {"Sergei Lavrov", "Sergey Lavrov"}
    assert indirect[0].text.startswith("the US position")


def test_mention_lookups_by_position():
    from storyline.analyze.quotes import _Mentions
    from storyline.model import Entity

    ann, acme, bob = Entity("e1", "Ann Berg", "PERSON"), Entity("e2", "Acme", "ORG"), Entity("e3", "Bob Roe", "PERSON")
    mentions = _Mentions([(0, 8, ann), (20, 24, acme), (30, 37, bob), (50, 58, ann), (70, 74, acme)])
    assert mentions.inside(0, 40) is bob  # the last person inside wins over organisations
    assert mentions.inside(15, 28) is acme and mentions.inside(59, 69) is None
    assert mentions.inside(29, 36) is None  # a mention must lie wholly inside
    assert mentions.last_person_before(50, 0) is bob and mentions.last_person_before(60, 0) is ann
    assert mentions.last_person_before(30, 10) is None  # nobody between the floor and the position
    assert mentions.last_mention_before(ann, 50) == 0 and mentions.last_mention_before(ann, 51) == 50
    assert mentions.last_mention_before(bob, 30) == -1
