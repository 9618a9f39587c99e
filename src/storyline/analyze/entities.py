"""People, organisations and places: mentions found by rules, merged into entities with all their
name variants (Sergey / Sergei Lavrov, "Lavrov", U.S. / US / United States), type and roles.

Rule-based on purpose: fast (thousands of articles a minute), no model download, and the merging
logic — the part no off-the-shelf NER does — works on any mention source.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from storyline.clean.textstats import STOPWORDS, word_weight
from storyline.model import Entity, Mention, Sentence, Span

# Canonical name ← variants (lower-case) for the names news writes many ways.
ALIASES: dict[str, str] = {}
for canonical, variants in {
    "United States": ["us", "u.s.", "u.s", "usa", "u.s.a", "u.s.a.", "united states of america", "america", "the united states", "washington"],
    "United Kingdom": ["uk", "u.k.", "u.k", "britain", "great britain"],
    "United Nations": ["un", "u.n.", "u.n"],
    "European Union": ["eu", "e.u."],
    "Russia": ["russian federation", "moscow"],
    "North Korea": ["dprk", "pyongyang", "democratic people's republic of korea"],
    "South Korea": ["rok", "seoul", "republic of korea"],
    "China": ["prc", "beijing", "people's republic of china"],
    "Islamic State": ["isis", "isil", "daesh", "is"],
    "UN Security Council": ["security council", "united nations security council", "u.n. security council", "unsc"],
}.items():
    for v in variants:
        ALIASES[v] = canonical

#: Capital cities used to name a government ("Pyongyang said") only count as that country when
#: written alone; as a place mention they stay places of that country.
PLACES = frozenset(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh belarus
    belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china colombia congo croatia cuba cyprus
    czech denmark ecuador egypt estonia ethiopia finland france georgia germany ghana greece guatemala haiti honduras
    hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait
    kyrgyzstan laos latvia lebanon libya lithuania luxembourg malaysia mali mexico moldova mongolia montenegro morocco
    myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines
    poland portugal qatar romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay
    uzbekistan venezuela vietnam yemen zambia zimbabwe korea crimea donbass gaza europe asia africa manila belgrade
    geneva astana kabul kiev kyiv tehran damascus baghdad london paris berlin rome madrid tokyo delhi cairo brussels
    vienna warsaw minsk hamburg seoul beijing moscow washington pyongyang jerusalem ankara istanbul sochi new york
    san francisco los angeles chicago boston texas california florida virginia hong kong vatican""".split()
) | {"north korea", "south korea", "united states", "united kingdom", "new york", "san francisco", "los angeles",
     "hong kong", "saudi arabia", "new zealand", "south africa", "new york city", "korean peninsula", "middle east",
     "north africa", "washington, dc", "united arab emirates"}

ORG_WORDS = frozenset(
    """ministry council department committee agency nations union party bank company corp corporation inc ltd group
    university court congress parliament senate assembly embassy consulate mission pentagon office administration
    commission organization organisation association institute foundation forces army navy police service bureau
    federation government cabinet kremlin house network news times post press channel station board fund reserve
    alliance coalition front movement church school college hospital club team league authority authorities""".split()
)

TITLE_WORDS = frozenset(
    """minister secretary president senator spokesperson spokesman spokeswoman ambassador advisor adviser aide
    representative chairman chairwoman chair ceo director chief leader governor mayor general lieutenant colonel
    captain admiral commander prime premier king queen prince princess pope envoy deputy under mr mrs ms dr
    professor judge justice attorney lawmaker congressman congresswoman sen rep gov gen lt col capt adm
    president-elect dictator sheikh emir chancellor speaker official analyst""".split()
)

PERSON_CUES = re.compile(
    r"^(?:,? (?:who|said|says|told|added|stressed|noted|warned|declared|explained|believes|argued|announced|insisted"
    r"|continued|tweeted|wrote|urged|claimed|called|spoke|reiterated|emphasized|emphasised)\b|’s|'s)"
)

_NAME_TOKEN = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'-]*\w|[A-Z]\.?)"
_CONNECT = r"(?:\s(?:of|the|de|del|da|di|du|van|von|der|al|bin|ibn|la|le|y|for)(?=\s[A-Z]))"
_DEMONYM_END = ("ian", "ean", "ese", "ish", "an", "i")
_MONTH_WORDS = frozenset("january february march april may june july august september october november december".split())
_CANDIDATE = re.compile(rf"{_NAME_TOKEN}(?:(?:{_CONNECT})*\s{_NAME_TOKEN})*")
_TRANSLIT = [("ey", "ei"), ("iy", "ii"), ("yy", "ii"), ("ij", "ii"), ("kh", "h"), ("ks", "x"), ("yu", "iu"), ("ya", "ia"), ("j", "i"), ("y", "i")]


@dataclass(slots=True)
class _Candidate:
    text: str
    span: Span
    type: str
    role: str | None
    sentence_start: bool


ROLE_MODIFIERS = frozenset(
    "foreign state national security special deputy former senior vice defense defence interior finance prime first".split()
)


def _is_role_word(token: str) -> bool:
    t = token.lower().strip(".,")
    if t in TITLE_WORDS or t in ROLE_MODIFIERS:
        return True
    return t.endswith(_DEMONYM_END) and t not in PLACES and any(p.startswith(t[:4]) for p in PLACES)


def fold_name(name: str) -> str:
    """Spelling-insensitive key of a name token: Sergey/Sergei, Aleksandr/Alexandr, Yuri/Yury."""
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if c.isalpha())
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return s


def _strip_possessive(text: str) -> str:
    return re.sub(r"(?:’s|'s|’|')$", "", text)


PLACE_WORDS = frozenset(
    """dam river bridge airport street square station port lake valley district region province county island
    mountain mountains sea ocean bay peninsula park road avenue canal reservoir harbour harbor coast""".split()
)


def _guess_type(name: str, before: str, after: str) -> tuple[str, str | None]:
    low = name.lower()
    words = low.split()
    if words[-1] in PLACE_WORDS:
        return "PLACE", None
    if low in ALIASES:
        canon = ALIASES[low]
        return ("PLACE" if canon.lower() in PLACES else "ORG"), None
    if low in PLACES or (low.startswith("the ") and low[4:] in PLACES):
        return "PLACE", None
    if any(w in ORG_WORDS for w in words) or (name.isupper() and 2 <= len(name) <= 6):
        return "ORG", None
    # Role words right before the name: "Russian Foreign Minister Sergey Lavrov".
    role_words: list[str] = []
    for tok in reversed(before.split()[-5:]):
        t = tok.strip(",").lower()
        if t in _MONTH_WORDS or (t in STOPWORDS and t not in ("of", "for")) or tok.endswith(","):
            break
        if t in TITLE_WORDS or (role_words and (tok[:1].isupper() or t in ("of", "for"))):
            role_words.insert(0, tok.strip(","))
        else:
            break
    if role_words and any(w.lower().strip(".") in TITLE_WORDS for w in role_words):
        return "PERSON", " ".join(role_words)
    if PERSON_CUES.match(after) and len(words) >= 2:
        return "PERSON", None
    if 2 <= len(words) <= 4 and all(w[0].isupper() for w in name.split()) and not any(w in PLACES for w in words):
        return "PERSON?", None
    return "OTHER", None


def find_mentions(article_id: str, text: str, sentences: list[Sentence]) -> list[_Candidate]:
    """Capitalised name sequences in an article, typed by context."""
    out: list[_Candidate] = []
    for s in sentences:
        stext = s.text
        base = s.span.start
        for m in _CANDIDATE.finditer(stext):
            raw = m.group(0)
            start = m.start()
            # Peel role/title words off the front: "Secretary of State Rex Tillerson" → "Rex Tillerson".
            toks = raw.split(" ")
            last_title = max((i for i, t in enumerate(toks[:-1]) if t.lower().strip(".") in TITLE_WORDS), default=-1)
            cut = last_title + 1
            if last_title >= 0 and cut < len(toks) - 2 and toks[cut] in ("of", "for"):
                cut += 2  # "Secretary of State", "Representative for Ukraine"
            if last_title >= 0 and cut < len(toks):
                start += len(" ".join(toks[:cut])) + 1
                toks = toks[cut:]
            while len(toks) > 1 and toks[0].lower() in STOPWORDS:
                start += len(toks[0]) + 1
                toks = toks[1:]
            name = _strip_possessive(" ".join(toks)).strip(" .")
            if not name or name.lower() in STOPWORDS or len(name) < 2:
                continue
            is_start = start == 0 or stext[:start].strip() in ('"', "“", "(", "‘")
            if is_start and " " not in name and (word_weight(name.lower()) < 0.45 or name.lower() in TITLE_WORDS):
                continue  # sentence-initial common word ("The", "Nonetheless", "During")
            if name.lower() in TITLE_WORDS or word_weight(name.lower()) < 0.2 and " " not in name and name.lower() not in ALIASES:
                continue
            if all(_is_role_word(t) for t in name.split()):
                continue  # "Russian Foreign Minister": a description, resolved by quote attribution
            last = name.split()[-1].lower()
            if last.endswith(_DEMONYM_END) and any(p.startswith(last[:4]) for p in PLACES) and last not in PLACES:
                continue  # "Russian", "North Korean": nationality adjectives, not entities
            etype, role = _guess_type(name, stext[:start], stext[start + len(name):])
            out.append(_Candidate(name, Span(article_id, base + start, base + start + len(name)), etype, role, is_start))
    return out


def merge_entities(candidates: list[_Candidate]) -> list[Entity]:
    """Group mentions into entities: aliases, transliteration variants, surnames alone."""
    groups: dict[str, list[_Candidate]] = defaultdict(list)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for c in candidates:
        low = c.text.lower()
        key = ALIASES.get(low, ALIASES.get(low.removeprefix("the "), c.text))
        if key.lower().startswith("the "):
            key = key[4:]
        groups[key].append(c)
        types[key][c.type] += 1

    # Persons: full names keyed by folded surname + first-name key.
    def is_person(key: str) -> bool:
        t = types[key]
        return t["PERSON"] > 0 or (t["PERSON?"] > 0 and t["ORG"] == 0 and t["PLACE"] == 0)

    full_names = [k for k in groups if is_person(k) and len(k.split()) >= 2]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k in full_names:
        by_surname[fold_name(k.split()[-1])].append(k)
    merged_into: dict[str, str] = {}
    for surname, names in by_surname.items():
        names.sort(key=lambda n: -len(groups[n]))
        for i, a in enumerate(names):
            if a in merged_into:
                continue
            fa = fold_name(a.split()[0])
            for b in names[i + 1 :]:
                if b in merged_into:
                    continue
                fb = fold_name(b.split()[0])
                if fa == fb or (len(fb) <= 2 and fa.startswith(fb.rstrip("."))) or (len(fa) <= 2 and fb.startswith(fa)):
                    merged_into[b] = a
    # Surname alone ("Lavrov") joins the only full name with that surname.
    for k in list(groups):
        if len(k.split()) == 1 and k not in merged_into:
            owners = {merged_into.get(n, n) for n in by_surname.get(fold_name(k), [])}
            if len(owners) == 1:
                merged_into[k] = owners.pop()
    final: dict[str, list[_Candidate]] = defaultdict(list)
    for k, cands in groups.items():
        root = k
        while root in merged_into:
            root = merged_into[root]
        final[root].extend(cands)

    entities: list[Entity] = []
    for root, cands in final.items():
        tcount: Counter[str] = Counter(c.type.rstrip("?") for c in cands)
        etype = tcount.most_common(1)[0][0]
        if tcount["PERSON"] and any(c.type == "PERSON" for c in cands) and etype in ("PERSON", "OTHER"):
            etype = "PERSON"
        if etype == "PERSON" and not any(c.type == "PERSON" or c.role for c in cands):
            if len(cands) < 2:
                etype = "OTHER"
        forms = Counter(c.text for c in cands)
        if etype == "PERSON":
            multi = [f for f in forms if len(f.split()) >= 2]
            name = max(multi, key=lambda f: (forms[f], len(f))) if multi else root
        else:
            name = root if root in ALIASES.values() else max(forms, key=lambda f: (forms[f], len(f)))
        roles = sorted({c.role for c in cands if c.role}, key=len, reverse=True)
        aliases = sorted({c.text for c in cands} - {name})
        mentions = sorted((Mention(c.span, c.text) for c in cands), key=lambda m: (m.span.article_id, m.span.start))
        entities.append(Entity(id=_entity_id(name, etype), name=name, type=etype, aliases=aliases, roles=roles, mentions=mentions))  # type: ignore[arg-type]
    entities.sort(key=lambda e: (-len(e.article_ids), -len(e.mentions), e.name))
    return entities


def _entity_id(name: str, etype: str) -> str:
    return f"{etype[:3].lower()}:{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}"


def extract_entities(articles_sentences: dict[str, list[Sentence]], texts: dict[str, str]) -> list[Entity]:
    """Entities of a set of articles (a story): mentions merged across all of them."""
    cands: list[_Candidate] = []
    for aid, sents in articles_sentences.items():
        cands.extend(find_mentions(aid, texts[aid], sents))
    return [e for e in merge_entities(cands) if e.type != "OTHER" or len(e.mentions) >= 3]
