"""Who said what: direct and indirect quotes with their speaker, cue verb, text span and date.

Speakers are resolved to the story's entities: a name in the attribution ("said Kosachev"), a
pronoun ("he said": the last person mentioned before), or a description ("the senator said": the
person whose stated role contains those words). Nested quotes go to the inner speaker: the
attribution nearest to the opening quote mark wins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from storyline.model import Entity, Quote, Sentence, Span

CUES = (
    r"said|says|say|told|tells|added|adds|stressed|stresses|noted|notes|warned|warns|declared|declares|explained"
    r"|explains|continued|continues|believes|argued|argues|announced|announces|insisted|insists|emphasized"
    r"|emphasised|reiterated|wrote|writes|tweeted|asked|asks|replied|urged|urges|claimed|claims|acknowledged"
    r"|admitted|recalled|concluded|stated|states|observed|remarked|pointed out|underscored|underlined"
)
_CUE = rf"(?P<cue>{CUES})"
_PRON = r"(?:he|she|He|She)"
_NOMINAL = r"(?:the|The) (?:[A-Z]?[\w-]+ ){0,4}?[a-zA-Z-]+"
_NAME = r"(?:[A-Z][\w’'.-]+(?: (?:of |the |de |van |von |al-)?[A-Z][\w’'.-]+){0,5})"
_SPEAKER = rf"(?P<speaker>{_PRON}|{_NOMINAL}|{_NAME})"

_QUOTE = re.compile(r"“(?P<q1>[^”]{3,}?)”|\"(?P<q2>[^\"]{3,}?)\"")
_AFTER_CUE_FIRST = re.compile(rf"^[,.]?\s*{_CUE} {_SPEAKER}\b")
_AFTER_SPEAKER_FIRST = re.compile(rf"^[,.]?\s*{_SPEAKER} (?:\w+ly )?(?:has |had )?{_CUE}\b")
_BEFORE = re.compile(rf"{_SPEAKER} (?:\w+ly )?(?:has |had |also )?{_CUE}(?: \w+)?(?: that| of)?[,:]?\s*$")
_ACCORDING = re.compile(rf"[Aa]ccording to {_SPEAKER},\s*")
_INDIRECT_LEAD = re.compile(
    rf"^(?:[^,]{{0,60}}, )?{_SPEAKER} (?:\w+ly )?(?:has |had |also )?{_CUE}(?:(?: [\w’',]+){{0,30}}? that)? (?P<clause>.{{20,}})$"
)
_INDIRECT_TAIL = re.compile(rf"^(?P<clause>.{{20,}}?),? {_SPEAKER} (?:\w+ly )?(?:has |had )?{_CUE}\b[^,]{{0,40}}[.!]?$")
_NON_PERSON = re.compile(r"\b(statement|document|report|ministry|readout|release|agency|website|media|reports|study|survey)\b", re.I)
_ROLE_NOUN = re.compile(r"[a-z]+$")


class _Mentions:
    """Entity mentions of one article, in text order, looked up by position (bisection: an article
    with thousands of quotes and mentions is read in n log n, not n²)."""

    def __init__(self, items: list[tuple[int, int, Entity]]):
        self.items = items
        self.starts = [s for s, _, _ in items]
        self.starts_of: dict[int, list[int]] = {}  # id(entity) -> its mention starts, in order
        for s, _, e in items:
            self.starts_of.setdefault(id(e), []).append(s)

    def last_mention_before(self, entity: Entity, pos: int) -> int:
        """Start of the entity's last mention before `pos`, or -1."""
        starts = self.starts_of.get(id(entity), [])
        k = bisect_left(starts, pos)
        return starts[k - 1] if k else -1

    def inside(self, start: int, end: int) -> Entity | None:
        hits = []
        for k in range(bisect_left(self.starts, start), bisect_right(self.starts, end)):
            _, t, e = self.items[k]
            if t <= end and e.type in ("PERSON", "ORG"):
                hits.append(e)
        persons = [e for e in hits if e.type == "PERSON"]
        return (persons or hits or [None])[-1]

    def last_person_before(self, pos: int, floor: int) -> Entity | None:
        for k in range(bisect_left(self.starts, pos) - 1, bisect_left(self.starts, floor) - 1, -1):
            e = self.items[k][2]
            if e.type == "PERSON":
                return e
        return None


def _by_role(description: str, persons: list[Entity], mentions: _Mentions, pos: int, floor: int) -> Entity | None:
    words = {w.lower() for w in re.findall(r"[A-Za-z-]+", description)} - {"the"}
    if not words:
        return None
    head = description.split()[-1].lower()
    best: tuple[int, int, Entity] | None = None
    for e in persons:
        role_words = {w.lower() for r in e.roles for w in r.split()}
        if head not in role_words:
            continue
        score = len(words & role_words)
        last = mentions.last_mention_before(e, pos)
        if last < floor and last != -1 and score < 2:
            continue
        if best is None or (score, last) > (best[0], best[1]):
            best = (score, last, e)
    return best[2] if best else None


def extract_quotes(
    article_id: str,
    text: str,
    sentences: list[Sentence],
    entities: list[Entity],
    article_date: str | None,
    sentence_dates: dict[int, str] | None = None,
) -> list[Quote]:
    """All quotes of one article; `entities` are the story's merged entities."""
    items = sorted(
        ((m.span.start, m.span.end, e) for e in entities for m in e.mentions if m.span.article_id == article_id),
        key=lambda x: x[0],
    )
    mentions = _Mentions(items)
    persons = [e for e in entities if e.type == "PERSON"]
    sentence_dates = sentence_dates or {}
    quotes: list[Quote] = []
    last_speaker: tuple[int, Entity] | None = None  # (sentence index, entity) of the last direct quote

    def resolve(speaker: str, s_start: int, s_end: int, sent: Sentence, before: int | None = None) -> Entity | None:
        """`before`: resolve pronouns to a person mentioned before this offset (the opening quote)."""
        floor = sentences[max(0, sent.index - 4)].span.start
        if re.fullmatch(_PRON, speaker):
            # News keeps the speaker between consecutive quotes: "he added" continues the last one.
            if last_speaker is not None and sent.index - last_speaker[0] <= 2:
                return last_speaker[1]
            return mentions.last_person_before(before if before is not None else s_start, floor)
        if speaker.lower().startswith("the "):
            if _NON_PERSON.search(speaker):
                return None
            return _by_role(speaker, persons, mentions, s_start, floor)
        return mentions.inside(s_start, s_end)

    for sent in sentences:
        base = sent.span.start
        stext = sent.text
        date = sentence_dates.get(sent.index, article_date)
        found_direct = False
        for qm in _QUOTE.finditer(stext):
            qtext = qm.group("q1") or qm.group("q2") or ""
            qstart = qm.start("q1") if qm.group("q1") else qm.start("q2")
            n_words = len(qtext.split())
            before, after = stext[: qm.start()], stext[qm.end() :]
            speaker_ent: Entity | None = None
            cue = None
            m_before = _BEFORE.search(before)
            m_after = _AFTER_CUE_FIRST.match(after) or _AFTER_SPEAKER_FIRST.match(after)
            m_acc = _ACCORDING.search(before)
            if m_before:
                cue = m_before.group("cue")
                speaker_ent = resolve(m_before.group("speaker"), base + m_before.start("speaker"), base + m_before.end("speaker"), sent)
            if speaker_ent is None and m_after:
                cue = m_after.group("cue")
                off = qm.end()
                speaker_ent = resolve(
                    m_after.group("speaker"), base + off + m_after.start("speaker"), base + off + m_after.end("speaker"), sent,
                    before=base + qm.start(),
                )
                if speaker_ent is None and _NON_PERSON.search(m_after.group("speaker")):
                    speaker_ent = mentions.inside(base, base + qm.start())  # 'Lavrov "noted ..." the statement added'
            if speaker_ent is None and m_acc:
                cue = "according to"
                speaker_ent = resolve(m_acc.group("speaker"), base + m_acc.start("speaker"), base + m_acc.end("speaker"), sent)
            if cue is None:
                if n_words < 6:
                    continue  # scare quotes: “escalation”, "double freeze"
                # A quote paragraph with no attribution continues the previous speaker's words.
                if last_speaker is not None and sent.index - last_speaker[0] <= 2 and qm.start() == 0:
                    speaker_ent, cue = last_speaker[1], None
                else:
                    continue
            if n_words < 3:
                continue
            found_direct = True
            if speaker_ent is not None:
                last_speaker = (sent.index, speaker_ent)
            quotes.append(
                Quote(
                    speaker=speaker_ent.name if speaker_ent else None,
                    speaker_entity=speaker_ent.id if speaker_ent else None,
                    text=qtext.strip(),
                    span=Span(article_id, base + qstart, base + qstart + len(qtext)),
                    cue=cue,
                    kind="direct",
                    date=date,
                )
            )
        if found_direct or '"' in stext or "“" in stext:
            continue
        # Indirect speech: "X said (that) CLAUSE", "CLAUSE, X said."
        for pattern in (_INDIRECT_LEAD, _INDIRECT_TAIL):
            m = pattern.match(stext)
            if not m:
                continue
            spk = m.group("speaker")
            ent = resolve(spk, base + m.start("speaker"), base + m.end("speaker"), sent)
            if ent is None or ent.type != "PERSON":
                continue
            clause = m.group("clause").rstrip(" .:;")
            cstart = m.start("clause")
            quotes.append(
                Quote(
                    speaker=ent.name,
                    speaker_entity=ent.id,
                    text=clause,
                    span=Span(article_id, base + cstart, base + cstart + len(clause)),
                    cue=m.group("cue"),
                    kind="indirect",
                    date=date,
                )
            )
            break
    return quotes
