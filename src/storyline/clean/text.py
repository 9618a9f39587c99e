"""Plain-text cleaning: decide for every line whether it is article content, with a reason for
every removal.

The evidence is what a person would use:
- what a line says (navigation, login, share, comment-policy, legal, donation vocabulary);
- whether it reads like a sentence (length, stop-word density, final punctuation);
- where it is: the article body is one dense run of sentences, found as the maximum-scoring
  segment of the page (as in body-text extraction), and what lies before/after it is page head and
  footer unless it is clearly about the same thing;
- its neighbours: a short line between two paragraphs is a subheading, a run of short title-case
  lines is a list of links, the line next to a photo credit is a caption;
- similarity to the rest of the article: a paragraph sharing no informative words and no names
  with the article (a celebrity teaser inside a politics story) is an unrelated insert;
- repetition across the pile: a line that recurs in many unrelated articles is template text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.clean import vocab
from storyline.clean.dates import FoundDate, find_dates, parse_dateline
from storyline.clean.metadata import is_section_name, split_site_name
from storyline.clean.prefilter import required_literals
from storyline.clean.textstats import (
    STOPWORDS,
    bag_of_counts,
    content_words_of_tokens,
    cosine,
    count_words,
    stop_ratio,
    tokens,
    weighted_bag,
    word_weight,
)
from storyline.model import Removed

_CLOSERS = "\"'”’»)]"


def _ends_sentence(line: str) -> bool:
    """Final punctuation, possibly inside closing quotes or brackets ("... said.\u201d"), a closing
    quote, or a colon: string tests, not a regex search, which would scan the whole line."""
    return line.endswith(("\"", "”", "’", "»", ":")) or line.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))

_CAP_WORD = re.compile(r"\b[A-Z][\w'’-]+")
HEAD_AGREEMENT_WEIGHT = 6.0  # how much agreement with the page head can outweigh density
_MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^>]*)?>|[{};]\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")


class LineFacts:
    """What a line's text alone says about it: its tokens and sentence shape, the furniture
    vocabulary it uses, the metadata it carries (a date, a byline), whether it could head a comment
    thread. None of it depends on the page, so it is worked out once per distinct line: a stream
    repeats its sites' menus, footers and credits on every page (over half the lines of the dragnet
    pages repeat an earlier page's line), and `line_facts` hands back the same object for them.
    Everything is computed on first use and never changed after: blocks of many pages share it."""

    __slots__ = (
        "text", "toks", "n", "stop", "ends_sentence",
        "_words", "_bag", "_title_case", "_long_prose", "_vocab", "_meta", "_comment", "_signature", "_names",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text)
        self.n = len(self.toks)
        self.stop = stop_ratio(self.toks)
        self.ends_sentence = _ends_sentence(text)
        self._words: list[str] | None = None
        self._bag: dict[str, float] | None = None
        self._title_case: bool | None = None
        self._long_prose: bool | None = None
        self._vocab: tuple[str | None, bool] | None = None
        self._meta: tuple[str, object] | None | bool = False  # False: not worked out yet
        self._comment: tuple[bool, bool, bool] | None = None
        self._signature: bool | None = None
        self._names: set[str] | None = None

    @property
    def words(self) -> list[str]:
        """Content words in order: bags of the body, of rival runs and of single paragraphs are all
        counts of these."""
        if self._words is None:
            self._words = content_words_of_tokens(self.text, self.toks)
        return self._words

    @property
    def bag(self) -> dict[str, float]:
        """This line's own weighted bag of words."""
        if self._bag is None:
            self._bag = bag_of_counts(count_words((self.words,)))
        return self._bag

    @property
    def title_case(self) -> bool:
        """Most of its words that are not function words are capitalised."""
        if self._title_case is None:
            words = [w for w in _HEADLINE_WORD.findall(self.text) if w.lower() not in STOPWORDS]
            self._title_case = bool(words) and sum(1 for w in words if w[0].isupper()) / len(words) >= 0.7
        return self._title_case

    @property
    def long_prose(self) -> bool:
        """25 words or more with a sentence ending inside: a paragraph, even if the scraper cut its end."""
        if self._long_prose is None:
            self._long_prose = self.n >= 25 and _INNER_SENTENCE_END.search(self.text) is not None
        return self._long_prose

    @property
    def vocabulary(self) -> tuple[str | None, bool]:
        """(reason, closes the article) for furniture recognisable by what the line says."""
        if self._vocab is None:
            self._vocab = _vocabulary_reason(self)
        return self._vocab

    @property
    def metadata(self) -> tuple[str, object] | None:
        """("dateline", FoundDate), ("byline", author), ("publisher-line", name) or
        ("publisher-name", name) when the line carries that and nothing else; None otherwise."""
        if self._meta is False:
            self._meta = _metadata_line(self)
        return self._meta  # type: ignore[return-value]

    @property
    def comment_header(self) -> tuple[bool, bool, bool]:
        """(counts the comments or says they are closed, carries a date, heads a comment section)."""
        if self._comment is None:
            text = self.text
            counted = bool(vocab.COUNTED_COMMENTS_HEADER.match(text.strip()) or vocab.COMMENTS_CLOSED.match(text))
            self._comment = (counted, counted and bool(find_dates(text)), bool(vocab.COMMENTS_HEADER.match(text)))
        return self._comment

    @property
    def signature(self) -> bool:
        """A reader comment's signature line."""
        if self._signature is None:
            self._signature = vocab.is_comment_signature(self.text)
        return self._signature

    @property
    def inner_names(self) -> set[str]:
        """The names the line mentions, its first word left out (capitalised for the sentence)."""
        if self._names is None:
            self._names = _names(self.text) - {self.text.split(" ", 1)[0].lower()}
        return self._names


LINE_CACHE_SIZE = 32_768  # distinct lines remembered (least recently used go first): memory stays bounded
LINE_CACHE_MAX_CHARS = 400  # longer lines (paragraphs) rarely repeat: not kept


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _cached_line_facts(text: str) -> LineFacts:
    return LineFacts(text)


def line_facts(text: str) -> LineFacts:
    """The facts of a normalized line, shared with earlier lines of the same text."""
    return _cached_line_facts(text) if len(text) <= LINE_CACHE_MAX_CHARS else LineFacts(text)


def clear_line_caches() -> None:
    """Forget every line seen so far (benchmarks start each pass cold)."""
    _cached_line_facts.cache_clear()


@dataclass(slots=True)
class Block:
    """One line (or hard-wrapped paragraph) of a page, and what the cleaner decides about it here."""

    index: int
    para: int
    facts: LineFacts
    kind: str = "short"  # good | near | short | bad
    reason: str | None = None
    end_marker: bool = False
    keep: bool = False
    text: str = ""  # copied from `facts` for speed, like the three below (`_split_blocks` passes them)
    n: int = 0  # tokens
    stop: float = 0.0  # share of stop words
    ends_sentence: bool = False


def _bag(blocks) -> dict[str, float]:
    return bag_of_counts(count_words(b.facts.words for b in blocks))


@dataclass(slots=True)
class TextCleanResult:
    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    dateline: FoundDate | None = None
    dateline_text: str | None = None


def normalize_line(line: str) -> str:
    if "  " not in line and "\t" not in line and line.isascii():
        return line.strip()  # the common case, without a regex pass
    return _SPACES.sub(" ", line).strip()


# Hard-wrapped prose. E-mail style: the lines of one paragraph, ~70 columns, mostly not ending a
# sentence. PDF copy: every printed line its own paragraph ("...protect national security secrets
# from it" / blank / "disclosure. As the Supreme Court has recognized, ..."), in a run of lines of
# nearly one width whose continuations mostly start in lower case. Comment threads and link lists
# have single lines too, but of any width, with signatures, and capitalised.
WRAPPED_SHARE = 0.7  # of a paragraph's lines (its last excepted) that look wrapped
WRAPPED_LOWER_SHARE = 0.5  # of its lines after the first, starting in lower case (a list's items start with capitals)
COLUMN_RUN_MIN = 3  # one-line paragraphs in a row that look wrapped
COLUMN_WIDTH_SPREAD = 0.15  # a column line is within 15% of the run's median width...
COLUMN_EVEN_SHARE = 0.7  # ...for 70% of the run
COLUMN_CONTINUED_SHARE = 0.5  # lines of the run that do not end their sentence
COLUMN_LOWER_SHARE = 0.5  # of those, continued by a line starting in lower case
RUNNING_HEADER_MIN = 3  # times a line is printed on one page to be its running header


def _column_width(line: str) -> bool:
    return 45 <= len(line) <= 130


def _continues(line: str) -> bool:
    """A line that does not end where its sentence does."""
    return not _ends_sentence(line) and not line.endswith(":")


def wrapped_line_joins(lines: list[str]) -> set[int]:
    """Indices of the (normalized, non-blank) lines that continue on the next non-blank line:
    hard wraps inside one paragraph (e-mail style) or across blank lines (a PDF copied line by
    line). Shared by the cleaner and the summarizer so both read the same sentences."""
    paras: list[list[int]] = []
    current: list[int] = []
    for k, line in enumerate(lines):
        if line:
            current.append(k)
        elif current:
            paras.append(current)
            current = []
    if current:
        paras.append(current)
    joins: set[int] = set()
    for para in paras:
        if len(para) >= 3:
            body = para[:-1]
            wrapped = sum(1 for k in body if 45 <= len(lines[k]) <= 100 and not _ends_sentence(lines[k]))
            # A wrapped sentence mostly goes on in lower case; a list's items each start with a capital.
            lower = sum(1 for k in para[1:] if lines[k][0].islower())
            if wrapped / len(body) >= WRAPPED_SHARE and lower >= WRAPPED_LOWER_SHARE * len(body):
                joins.update(body)
    printed: Counter[str] | None = None  # how often each line is printed, once a column may be there
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and len(paras[j]) == 1 and _column_width(lines[paras[j][0]]):
            j += 1
        if j - i >= COLUMN_RUN_MIN:
            if printed is None:
                printed = Counter(line for line in lines if line)
            # A line printed on every page ("PROPERTY OF THE U.S. HOUSE OF REPRESENTATIVES") is a
            # running header between two pages: it ends a column and never joins a sentence.
            k = i
            while k < j:
                z = k
                while z < j and printed[lines[paras[z][0]]] < RUNNING_HEADER_MIN:
                    z += 1
                joins.update(_column_joins(lines, paras, k, z, printed))
                k = z + 1
        i = max(j, i + 1)
    return joins


def _column_joins(lines: list[str], paras: list[list[int]], i: int, j: int, printed: Counter[str]) -> list[int]:
    """Lines of the one-line paragraphs `paras[i:j]` that continue on the next paragraph's line,
    if together they look like a hard-wrapped column: nearly one width, mostly not ending a
    sentence, mostly continued in lower case, and no comment signatures among them."""
    if j - i < COLUMN_RUN_MIN:
        return []
    run = [lines[paras[k][0]] for k in range(i, j)]
    widths = sorted(len(line) for line in run[:-1])
    median = widths[len(widths) // 2]
    if sum(1 for w in widths if abs(w - median) <= COLUMN_WIDTH_SPREAD * median) < COLUMN_EVEN_SHARE * len(widths):
        return []
    pairs = [
        (paras[k][0], paras[k + 1][0]) for k in range(i, j)
        if k + 1 < len(paras) and _continues(lines[paras[k][0]]) and printed[lines[paras[k + 1][0]]] < RUNNING_HEADER_MIN
    ]
    if len(pairs) < COLUMN_CONTINUED_SHARE * len(run):
        return []
    if sum(1 for _, nxt in pairs if lines[nxt][0].islower()) < COLUMN_LOWER_SHARE * len(pairs):
        return []
    if any(vocab.is_comment_signature(line) for line in run):
        return []
    return [k for k, _ in pairs]


def join_wrapped_lines(text: str) -> str:
    """`text` with the line breaks of hard-wrapped prose (`wrapped_line_joins`) turned into spaces,
    blank lines between included, character for character: offsets into the result index `text`."""
    raw = text.split("\n")
    joins = wrapped_line_joins([normalize_line(line) for line in raw])
    if not joins:
        return text
    chars = list(text)
    offset = 0
    bridging = False  # inside the gap after a wrapped line, up to the line that continues it
    for k, line in enumerate(raw):
        if bridging and line.strip():
            bridging = False
        if bridging:
            chars[offset : offset + len(line)] = " " * len(line)
        if k in joins:
            bridging = True
        if bridging and offset + len(line) < len(chars):
            chars[offset + len(line)] = " "  # the newline after this line
        offset += len(line) + 1
    return "".join(chars)


def _split_blocks(text: str) -> list[Block]:
    lines = [normalize_line(raw) if raw else raw for raw in text.split("\n")]
    joins = wrapped_line_joins(lines)
    cached = _cached_line_facts  # (what `line_facts` does, without a call per line)
    blocks: list[Block] = []
    para = 0
    in_para = False
    parts: list[str] = []  # a wrapped line and its continuations so far
    for k, line in enumerate(lines):
        if not line:
            if in_para and not parts:  # a blank line ends the paragraph, unless a wrapped line continues across it
                para += 1
                in_para = False
            continue
        parts.append(line)
        if k in joins:
            continue
        joined = parts[0] if len(parts) == 1 else " ".join(parts)
        parts = []
        f = cached(joined) if len(joined) <= LINE_CACHE_MAX_CHARS else LineFacts(joined)
        blocks.append(Block(len(blocks), para, f, text=f.text, n=f.n, stop=f.stop, ends_sentence=f.ends_sentence))
        in_para = True
    return blocks


_HEADLINE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_headline_like(b: Block, allow_period: bool = False) -> bool:
    """Title-case line without sentence punctuation: a headline, link text or heading."""
    if b.n < 2 or b.n > 25 or b.text.endswith((",", ";")) or (b.text.endswith(".") and not allow_period):
        return False
    return b.facts.title_case


_TRUNCATED = re.compile(r"(?:\.\.\.|…)\W{0,3}$")


_MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,800})?/?>")


_INNER_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]")


_BULLET_MARK = r"[•·*▪◦‣–-]\s"
_BULLET = re.compile("^" + _BULLET_MARK)
_LIST_MARK = re.compile(rf"^(?:{_BULLET_MARK}|(?!(?:19|20)\d\d\b)\d+(?:[/.,]\d+)?\s|[½¼¾⅓⅔⅛])")
_FIGURE = re.compile(r"^[$£€+-]?\d[\d.,/%]*$")
LIST_RELATED_COSINE = 0.1  # a list in or against the body at least this similar to it is the article's
LIST_ITEM_WORDS = 40  # the longest line with a bullet or number taken as a list item
UNMARKED_ITEM_WORDS = 12  # ... and without one ("cayenne to taste")
LIST_GAP = 1  # lines (a heading: "Ingredients") between the body and a list against it


def _is_list_item(b: Block) -> bool:
    """An item of a list: a bullet or a quantity first ("2 cups celery, diced", "½ cup dates"),
    or a table row that is mostly figures, three of them different ("Yes 164 81% 76%"). Not a
    year ("2012 PGA Championship: ...") and not "1." (news sites number their "most read" lists)."""
    if b.n > LIST_ITEM_WORDS:
        return False  # too long to be an item, however it opens
    if _LIST_MARK.match(b.text):
        return True
    tokens = b.text.split()
    if len(tokens) > 15:
        return False
    figures = [t for t in tokens if _FIGURE.match(t)]
    return len(figures) >= 0.4 * len(tokens) and len(set(figures)) >= 3


def _shares_body_words(blocks: list[Block], i: int, j: int, body: list[Block]) -> bool:
    """Are the words of blocks [i, j) the rest of the body's (a list of other stories shares few)?"""
    rest = [b for b in body if not i <= b.index < j]
    return cosine(_bag(blocks[i:j]), _bag(rest)) >= LIST_RELATED_COSINE


def _article_lists(blocks: list[Block], lo: int, hi: int) -> set[int]:
    """Blocks of the article's own lists: two or more list items in a row (ingredients, bullet
    points, a table) inside the body or right against it (a recipe's ingredients under its method,
    one heading line between), whose words are the body's. A list of other stories printed there
    shares few of them: it stays a link list."""
    out: set[int] = set()
    body = [b for b in blocks[lo : hi + 1] if b.kind == "good"]
    items: dict[int, bool] = {}  # worked out on first use: most blocks are never looked at

    def is_item(k: int) -> bool:
        found = items.get(k)
        if found is None:
            found = items[k] = _is_list_item(blocks[k])
        return found

    i = 0
    while i <= min(len(blocks) - 1, hi + LIST_GAP + 1):
        if blocks[i].kind == "bad" or not is_item(i):
            i += 1
            continue
        # A run of short lines, at least half of them marked as list items ("2 cans white beans",
        # "cayenne to taste", "1 tsp sugar"): a list whose every item need not start with a number.
        j = i
        marked = 0
        while j < len(blocks) and blocks[j].kind != "bad":
            item = is_item(j)
            if blocks[j].n > (LIST_ITEM_WORDS if item else UNMARKED_ITEM_WORDS) or not (item or blocks[j].kind in ("short", "near")):
                break
            marked += item
            j += 1
        while j > i and not is_item(j - 1):
            j -= 1  # the run ends on a list item
        # Inside the body, or ending just above it, or starting just below it.
        inside = lo < i <= hi
        against = (j - 1 < lo and j - 1 >= lo - LIST_GAP - 1) or hi < i <= hi + LIST_GAP + 1
        # Against the body, bulleted lines are more often links to other stories: there only
        # quantities and figures ("2 cans white beans", "Phoenix $83 28.7%") make a list.
        if against and not inside:
            marked = sum(1 for k in range(i, j) if is_item(k) and not _BULLET.match(blocks[k].text))
        if marked >= 2 and 2 * marked >= j - i and (inside or against) and _shares_body_words(blocks, i, j, body):
            out.update(range(i, j))
        i = max(j, i + 1)
    out.update(_introduced_lists(blocks, lo, hi, body))
    out.update(_announced_lists(blocks, lo, hi))
    return out


#: A sentence that announces a list ("Here are the places we'll visit:", "Below is the list of
#: players invited to the combine:", "... the following:"), unless it announces other stories.
_ANNOUNCES_LIST = re.compile(r"^(?:here(?:'s|’s| is| are)|below (?:is|are)|these are)\b|\bthe following:$", re.IGNORECASE)
_ANNOUNCES_LINKS = re.compile(r"\b(?:related|more (?:stories|posts|articles|news)|also like|recommended|popular)\b", re.IGNORECASE)


def _announced_lists(blocks: list[Block], lo: int, hi: int) -> set[int]:
    """The items under a sentence of the article that announces them with a colon ("Here are your
    top 5:"): the short lines under it, up to the first that is page furniture or a sentence. The
    list may end the article, and its items need not share its words (runners' names, places)."""
    out: set[int] = set()
    for k in range(lo, hi + 1):
        intro = blocks[k]
        if intro.kind not in ("good", "near") or not intro.text.endswith(":") or not _ANNOUNCES_LIST.search(intro.text):
            continue
        if _ANNOUNCES_LINKS.search(intro.text):
            continue
        j = k + 1
        while (
            j < len(blocks) and j - k <= INTRODUCED_ITEMS_MAX and blocks[j].kind in ("short", "near") and blocks[j].n <= LIST_ITEM_WORDS
        ):
            j += 1
        if j - k - 1 >= 2:
            out.update(range(k + 1, j))
    return out


# "30 Designs to Inspire You Before Christmas", "The top 6 posts of the week": the headline counts
# the items the article lists.
_COUNTED_HEADLINE = re.compile(r"^(?:the )?(?:top )?(\d{1,2})\b(?![.,:/-]\d)")
COUNTED_MIN_ITEMS = 5  # "3 arrested in ...", "4 arrests in ...": small counts are the news, not a list
COUNTED_ITEMS_SLACK = 1  # items more or fewer than the headline's count (an intro or outro line among them)
COUNTED_LIST_GAP = 3  # blocks between the body's end and the first item


def _counted_list(blocks: list[Block], lo: int, hi: int, title: str | None) -> set[int]:
    """The items of a list the headline counts ("30 Designs ..."): a run of as many short lines
    (give or take one) inside the body or starting just under it, up to the first furniture or
    sentence. Pictures' titles share no words with the intro, and in a row they look like a
    link list; their number is what says they are the article's."""
    m = _COUNTED_HEADLINE.match(split_site_name(title)[0].lower() if title else "")
    if not m or int(m.group(1)) < COUNTED_MIN_ITEMS:
        return set()
    count = int(m.group(1))
    i = lo + 1
    while i <= min(hi + COUNTED_LIST_GAP, len(blocks) - 1):
        j = i
        while j < len(blocks) and blocks[j].kind in ("short", "near") and blocks[j].n <= UNMARKED_ITEM_WORDS:
            j += 1
        if abs((j - i) - count) <= COUNTED_ITEMS_SLACK and len({b.text for b in blocks[i:j]}) == j - i:
            return set(range(i, j))  # (a list's items differ; a credit repeated under each picture is no list)
        i = j + 1
    return set()


INTRO_MIN_WORDS = 8  # a sentence introducing a list ("At the meeting, the advocates lobbied for:")
INTRODUCED_ITEMS_MAX = 12  # lines of an introduced list


def _introduced_lists(blocks: list[Block], lo: int, hi: int, body: list[Block]) -> set[int]:
    """The lines of a list that a sentence of the article introduces with a colon and the article
    goes on after: "... the advocates lobbied for:" / "Cutbacks in anti-terror training" / ... /
    the next paragraph. Such items need no bullet; a short "Related:" or "Tags:" introduces none."""
    out: set[int] = set()
    for k in range(lo, hi):  # an intro with at least the paragraph after it in the body
        intro = blocks[k]
        if intro.kind not in ("good", "near") or intro.n < INTRO_MIN_WORDS or not intro.text.endswith(":"):
            continue
        # Items: short lines printed as one paragraph, or each its own without a sentence's end.
        j = k + 1
        while (
            j < len(blocks) and j - k <= INTRODUCED_ITEMS_MAX and blocks[j].kind != "bad" and blocks[j].n <= LIST_ITEM_WORDS
            and (blocks[j].para == blocks[k + 1].para or not blocks[j].ends_sentence)
        ):
            j += 1
        # two items or more, then the article goes on with a paragraph
        if j - k - 1 < 2 or j > hi or blocks[j].kind != "good" or blocks[j].para == blocks[j - 1].para:
            continue
        if _shares_body_words(blocks, k + 1, j, body):
            out.update(range(k + 1, j))
    return out


# A caption's tell-tales: a photo word, "Enlarge", "click to", "Watch video", a credit in brackets.
_CAPTION_CUE = re.compile(
    r"\b(?:enlarge|click to|watch (?:the )?video|photo|photograph|pictured|image)\b|\([^()]*(?:/|\bAP\b|Reuters|AFP|Getty)[^()]*\)\W*$",
    re.IGNORECASE,
)


def _enclosable(b: Block) -> bool:
    """A short line that may be part of the article between two of its paragraphs (not a teaser
    cut off with "...")."""
    return b.kind == "short" and not _TRUNCATED.search(b.text)


def _mark_link(b: Block, body_start: int) -> None:
    """A link to elsewhere: site navigation above the article body, a related-story link below."""
    b.kind, b.reason = "bad", "navigation" if b.index < body_start else "related-links"


def _runs(blocks: list[Block], accept, start: int = 0, stop: int | None = None):
    """Maximal runs [i, j) of consecutive blocks in [start, stop) that `accept` takes. A run may be
    changed by the caller before the next is looked for: it is read once, up to its end."""
    stop = len(blocks) if stop is None else stop
    i = start
    while i < stop:
        j = i
        while j < stop and accept(blocks[j]):
            j += 1
        if j > i:
            yield i, j
            i = j
        else:
            i += 1


def _mark_link_runs(blocks: list[Block], is_link, body_start: int) -> None:
    """Mark every run of two or more consecutive blocks that `is_link` accepts as links."""
    for i, j in _runs(blocks, is_link):
        if j - i >= 2:
            for b in blocks[i:j]:
                _mark_link(b, body_start)


def _mark_menu_teasers(blocks: list[Block]) -> None:
    """A drop-down menu's teaser: a cut-off paragraph ("... For that hour via Skype/phone…") among
    menu items of a few words each ("Home", "Podcast", "Blog"). However long, it is navigation."""
    def menu_item(k: int) -> bool:
        return 0 <= k < len(blocks) and blocks[k].n <= 4 and not blocks[k].ends_sentence

    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if b.kind == "bad" or b.n < 10 or not _TRUNCATED.search(b.text):
            continue
        # Menu items on both sides, and two in a row on one side (one short line on each side may
        # be a photo credit and a caption around a paragraph that ends in "...").
        if menu_item(i - 1) and menu_item(i + 1) and (menu_item(i - 2) or menu_item(i + 2)):
            b.kind, b.reason = "bad", "navigation"


# A "recent comments" box: "Jo Roe on Why the ferry is late", "harbourfan.com on Tides and times".
_RECENT_COMMENT = re.compile(
    r"^(?:[A-Z][\w.'’-]*|[\w.-]+\.(?:com|org|net))(?: [A-Z][\w.'’-]*){0,2} on [A-Z0-9“\"'‘].{8,}$"
)
# What every such line contains (" on "), read from the pattern: a line without it skips the match.
(_RECENT_COMMENT_NEEDS,) = required_literals(_RECENT_COMMENT) or ("",)
RECENT_COMMENTS_MIN = 3  # such lines in a row


# A photo's caption says who does what, where and on which day, in one sentence of the present
# tense: "Romney arrives at Sunday's rally in Des Moines.", "People wait for buses on Sixth Avenue
# in New York on Wednesday." A gallery prints a run of them; an article's sentences report (said,
# would, quotes) and rarely come four in a row naming a day each.
_CAPTION_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}\b"
)
_NOT_CAPTION = re.compile(r"[\"“”]|\b(?:said|says|told|according|will|would|could|should|I|we|you)\b")
_DATE_FIRST = re.compile(r"^\W*(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\b)")
GALLERY_MIN_CAPTIONS = 4  # caption-like sentences in a row that make a photo gallery
CAPTION_LIKE_MAX_WORDS = 45


def _caption_sized(b: Block) -> bool:
    """A kept line of a caption's length that ends a sentence: the cheap tests, before any pattern."""
    return b.kind != "bad" and b.ends_sentence and 5 <= b.n <= CAPTION_LIKE_MAX_WORDS


def _caption_like(b: Block) -> bool:
    """One sentence naming a day, not reporting anything and not an itinerary's dated line."""
    text = b.text
    return (
        _caption_sized(b)
        and _CAPTION_DAY.search(text) is not None and _NOT_CAPTION.search(text) is None
        and _INNER_SENTENCE_END.search(text.rstrip(".")) is None and _DATE_FIRST.match(text) is None
    )


def _mark_gallery_captions(blocks: list[Block]) -> None:
    """A run of `GALLERY_MIN_CAPTIONS` caption-like sentences or more is a photo gallery's
    captions (reason "caption"): sentences, but pictures' descriptions, not the article."""
    # The patterns run only inside runs of caption-sized sentences long enough to be a gallery.
    for start, stop in _runs(blocks, _caption_sized):
        if stop - start < GALLERY_MIN_CAPTIONS:
            continue
        for i, j in _runs(blocks, _caption_like, start, stop):
            if j - i >= GALLERY_MIN_CAPTIONS:
                for c in blocks[i:j]:
                    c.kind, c.reason = "bad", "caption"


def _mark_recent_comments(blocks: list[Block]) -> None:
    """A sidebar's list of the latest comments, commenter and post title a line: three or more in
    a row are links to other pages' threads (one alone may be a sentence: "Smith on Tuesday ...")."""
    for i, j in _runs(blocks, lambda b: b.kind != "bad" and b.n <= 30 and _RECENT_COMMENT_NEEDS in b.text and _RECENT_COMMENT.match(b.text) is not None):
        if j - i >= RECENT_COMMENTS_MIN:
            for b in blocks[i:j]:
                b.kind, b.reason = "bad", "related-links"


def _is_story_teaser(head: Block, summary: Block) -> bool:
    """A link to another story: its headline, then one sentence of 8-45 words."""
    return (
        head.kind in ("short", "near")
        and _is_link_text(head)
        and summary.kind in ("good", "near")
        and 8 <= summary.n <= 45
        and _INNER_SENTENCE_END.search(summary.text) is None
    )


def _is_link_text(b: Block) -> bool:
    """A headline in title case or sentence case ("Governments revive plans for high-speed
    trains"): up to 15 words, no sentence punctuation, not leading into what follows (":", ",")."""
    if _is_headline_like(b):
        return True
    return 2 <= b.n <= 15 and not b.ends_sentence and not b.text.rstrip().endswith((":", ",", ";"))


def _classify(b: Block, min_words: int, use_stopwords: bool) -> None:
    # A long line that never ends a sentence, inside or at its end, is a run of link texts or
    # captions ("Suicide bombing targets sheik 2-year old hospitalized after crash More violence
    # in ..."), not a paragraph; with the function words of prose it may be a paragraph the
    # scraper cut, kept inside the article as a "near" line.
    long_prose = b.facts.long_prose
    if b.n >= min_words and (not use_stopwords or b.stop >= 0.2) and (b.ends_sentence or long_prose):
        b.kind = "good"
    elif use_stopwords and not b.ends_sentence and b.n >= 8 and (b.n < 25 or (not long_prose and b.stop < 0.3)):
        # A line that does not end a sentence: up to 24 words, a headline, caption or link (kept
        # inside the article only as a subheading); longer, with few function words, a list.
        b.kind = "short"
    elif b.n >= 5 and (not use_stopwords or b.stop >= 0.15) and not _is_headline_like(b):
        b.kind = "near"
    else:
        b.kind = "short"


def _mark_vocabulary(b: Block, template_lines: frozenset[str]) -> None:
    reason, end_marker = b.facts.vocabulary
    if reason is not None:
        # What the line says comes first, for a line of the pile's template too: "Comments" keeps
        # its reason and still closes the article.
        b.kind, b.reason, b.end_marker = "bad", reason, end_marker
    elif template_lines and b.text.lower() in template_lines:
        b.kind, b.reason = "bad", "template"


def _vocabulary_reason(f: LineFacts) -> tuple[str | None, bool]:
    """(reason, closes the article) of a line that is furniture by what it says."""
    if vocab.END_MARKERS.match(f.text.strip("•·|>»›-–—* ")):
        return vocab.any_line_reason(f.text, f.toks) or vocab.short_line_reason(f.text) or "related-links", True
    reason = vocab.any_line_reason(f.text, f.toks)
    if reason is None and f.n <= 12:
        reason = vocab.short_line_reason(f.text)
    if reason is None and vocab.is_site_bio(f.text):
        reason = "site-bio"
    if reason is None and f.n >= 6:
        distinct, share = vocab.furniture_density(f.toks)
        if distinct >= 3 and share >= 0.12:
            reason = "site-policy"
    if reason is None and "<" in f.text:
        markup = sum(len(m) for m in _MARKUP.findall(f.text))
        if markup >= 0.25 * len(f.text):
            reason = "html-markup"  # leftover tags and scripts: "<a href=...><img src=...>", "<SCRIPT ...>"
    if reason is None and 0 < f.n <= 6 and all(t.isdigit() for t in f.toks):
        reason = "share"  # share/like counters such as "0 0 0"
    # Appeals to donate or subscribe close an article: what follows is the site's, not the story's.
    return reason, reason in ("donation", "subscription")


def _metadata_line(f: LineFacts) -> tuple[str, object] | None:
    """What a dateline, byline or "<Outlet> copy" line carries (see `LineFacts.metadata`)."""
    if f.n > 25:
        return None
    found = parse_dateline(f.text)
    if found is not None:
        return "dateline", found
    m = vocab.BYLINE.match(f.text) if f.n <= 10 else None
    if m:
        return "byline", m.group(1)
    m = vocab.PUBLISHER_LINE.match(f.text) if len(f.text) <= vocab.PUBLISHER_LINE_MAX else None
    if m:
        return "publisher-line", (m.group(1) or m.group(2)).strip()
    if f.n <= 5 and vocab.PUBLISHER_NAME.match(f.text) and not is_section_name(f.text):
        return "publisher-name", f.text
    return None


def _comments_start(blocks: list[Block], page_title: str | None = None) -> int | None:
    """Index where a reader-comment section begins, or None.

    Needs article text before it (60+ words of sentence-like blocks) and, unless the header counts
    the comments ("{ 167 comments }"), corroboration after it: a header followed by at least one
    comment signature, or three signatures within 30 blocks (a name on its own line over a date with
    a time of day signs a comment too). A count printed just under the headline (`page_title`, or
    its headline part) is the post's stamp, above its text. A thread found by its signatures starts
    at its header when one is just above the first comment.
    """
    body_words = 0
    signs: list[bool | None] = [None] * len(blocks)  # which blocks sign a comment, worked out when a candidate needs it

    def signed(k: int) -> bool:
        s = signs[k]
        if s is None:
            s = signs[k] = _signs_a_comment(blocks, k)
        return s

    for i, b in enumerate(blocks):
        if b.kind == "good" and b.reason is None:
            body_words += b.n
        if body_words < 60 or b.n > 40:
            continue
        counted, dated, header = b.facts.comment_header
        if counted:
            if dated:
                continue  # "Posted August 9, 2012 by Allie Merriam · 0 comments": a post's stamp, above its text
            if page_title and vocab.COUNTED_COMMENTS_HEADER.match(b.text.strip()) and _under_headline(blocks, i, page_title):
                continue  # "Headline" / "By ..." / "Comments (0)": the post's stamp, its text follows
            return i  # "{ 167 comments }", "Comments are now closed for this story": evidence enough
        if b.n > 20:
            continue
        if not header and not signed(i):
            continue
        if header and i > 0 and blocks[i - 1].n <= 3 and blocks[i - 1].reason in (None, "navigation", "template"):
            continue  # "Comments" among short menu items (the pile's template lines too) is a section link
        signatures = sum(map(signed, range(i + 1, min(i + 31, len(blocks)))))
        if (header and signatures >= 1) or (not header and signatures >= 2):
            return i if header else _header_above(blocks, i)
        if header and _signed_by_bare_names(blocks, i + 1, i + 31):
            return i
    return None


HEADLINE_STAMP_LINES = 3  # lines above a comment count where the headline makes it the post's stamp
HEADER_ABOVE_LINES = 8  # lines above a thread's first signature where its header may be


def _under_headline(blocks: list[Block], i: int, page_title: str) -> bool:
    """Is one of the few lines above block i the page's headline?"""
    title = page_title.lower()
    return any(_names_headline(title, blocks[k].text.lower()) for k in range(max(0, i - HEADLINE_STAMP_LINES), i))


def _header_above(blocks: list[Block], i: int) -> int:
    """Where a thread found at its first signature (block i) starts: at a comment header a few
    lines up with only the first comment's text between ("Comments" / what Ryan wrote /
    "Posted by: Ryan at ..."), else at i."""
    for h in range(i - 1, max(-1, i - 1 - HEADER_ABOVE_LINES), -1):
        counted, dated, header = blocks[h].facts.comment_header
        if (header or counted) and not dated and blocks[h].n <= 20:
            return h
        if blocks[h].kind == "bad":
            break
    return i


_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def _is_bare_name(b: Block) -> bool:
    """One to three words on a line of their own, unpunctuated: perhaps a commenter's name."""
    return 1 <= b.n <= 3 and len(b.text) <= 30 and not b.ends_sentence


def _signs_a_comment(blocks: list[Block], k: int) -> bool:
    """A comment's signature line, or a name on its own line over a date with its time of day
    ("Colin Roald", then "October 1st, 2012 at 2:04 pm")."""
    b = blocks[k]
    if b.n > 20:
        return False
    if b.facts.signature:
        return True
    if k + 1 >= len(blocks) or not _is_bare_name(b):
        return False
    stamp = blocks[k + 1]
    meta = stamp.facts.metadata
    return meta is not None and meta[0] == "dateline" and _CLOCK.search(stamp.text) is not None


def _signed_by_bare_names(blocks: list[Block], start: int, stop: int) -> bool:
    """The header is followed by a commenter's name on a line of its own over a paragraph
    ("h4rm0ny", then what h4rm0ny wrote), and another such name follows: the rhythm of a thread.
    A tag list's short lines follow each other, and an article under a "Comments" link starts
    with its text."""

    def bare_name_over_text(k: int) -> bool:
        return _is_bare_name(blocks[k]) and blocks[k + 1].kind == "good"

    stop = min(stop, len(blocks) - 1)
    if start >= stop or not bare_name_over_text(start):
        return False
    return any(bare_name_over_text(k) for k in range(start + 2, stop))


def _body_segment(
    blocks: list[Block], masked: frozenset[int] | set[int] = frozenset(), page_title: str | None = None
) -> tuple[int, int]:
    """The article body: the densest run of sentences, unless a nearly as dense run agrees much
    better with the page's head (where its title is), e.g. a long comment thread or footer
    outweighing a short article. `masked` blocks are runs already found to hold no body."""
    scores = [-1e9 if b.index in masked else _score(b) for b in blocks]
    lo, hi = _max_segment(scores)
    if hi < lo:
        return lo, hi
    def seg_value(a: int, z: int) -> float:
        total = sum(scores[a : z + 1])
        bag = _bag(b for b in blocks[a : z + 1] if b.kind in ("good", "near"))
        # A run printed among the head's own lines (a blog's description of itself) is compared
        # with the rest of the head: a run agrees with itself, not with the title.
        head = head_bag if a >= len(head_blocks) else _bag(b for b in head_blocks if b.n <= 30 and not a <= b.index <= z)
        if headed(a):
            return total * (1.0 + HEAD_AGREEMENT_WEIGHT)  # printed under the page's headline: full agreement
        return total * (1.0 + HEAD_AGREEMENT_WEIGHT * cosine(bag, head))

    def headed(a: int) -> bool:
        """The run starts under the page's headline printed alone (below the head's lines)."""
        return title_low is not None and any(
            blocks[k].n >= 3 and _names_headline(title_low, blocks[k].text.lower())
            for k in range(max(len(head_blocks), a - HEADLINE_ABOVE_RUN), min(a + HEADLINE_ABOVE_RUN, len(blocks)))
        )

    # The next two densest runs, each found with the previous ones masked out; only runs at least
    # 30% as dense as the best compete (most pages have none, and pay nothing more).
    best_sum = sum(scores[lo : hi + 1])
    rivals: list[tuple[int, int]] = []
    masked = list(scores)
    a, z = lo, hi
    for _ in range(2):
        for i in range(a, z + 1):
            masked[i] = -1e9
        a, z = _max_segment(masked)
        if z < a or sum(scores[a : z + 1]) < 0.3 * best_sum:
            break
        rivals.append((a, z))
    if not rivals:
        return lo, hi
    head_blocks = blocks[: min(lo, 5)]
    head_bag = _bag(b for b in head_blocks if b.n <= 30)
    title_low = page_title.lower() if page_title else None
    if not head_bag:
        return lo, hi
    return max([(lo, hi)] + rivals, key=lambda seg: seg_value(*seg))


BARRIER_MIN_LINES = 3  # non-sentence lines in a row that may separate the article from what follows...
BARRIER_FURNITURE_SHARE = 0.5  # ...at least this share of them recognised furniture (menus, links, share bars)
BARRIER_BELOW_SHARE = 1.0  # text under the stretch, as a share of the text above it, that may go
BARRIER_COSINE = 0.15  # ...when it is less similar than this to the text above
#: A longer stretch of nothing but furniture (a jobs box, a "most commented" list, sponsor headers)
#: is a wall: other sites' promotions under it may run to several times the article's length.
WALL_MIN_LINES = 8
WALL_FURNITURE_SHARE = 0.9
WALL_BELOW_SHARE = 3.0
#: The text under a stretch goes on with the article, whatever the text above it, when it agrees
#: with the headline this much more (cosine of its words with the title's) than the text above
#: does: the lines above were other stories' teasers from a menu, the article starts below.
HEADLINE_AGREEMENT_MARGIN = 0.3


def _less_text_on_another_subject(
    above: list[Block], below: list[Block], share: float, max_cosine: float, any_subject: bool = False
) -> bool:
    """Is the text under a line that may end the article (its paragraphs `below`) no more than
    `share` of the text above it and, unless `any_subject`, less similar to it than `max_cosine`:
    something else printed under the article rather than the article going on?"""
    if sum(b.n for b in below) > share * sum(b.n for b in above):
        return False
    return any_subject or cosine(_bag(below), _bag(above)) < max_cosine


def _end_at_furniture_barrier(blocks: list[Block], lo: int, hi: int, title: str | None) -> int:
    """The body's last block, given the densest run [lo, hi]: it ends before the first stretch of
    page furniture (`BARRIER_MIN_LINES` non-sentence lines, half of them already removed as menus,
    link lists, share bars...) under which there is no more text than above it, on another subject
    (other stories' leads and promotions printed under the article read like an article too, and
    their short link lines only cost the run a little); under a wall of `WALL_MIN_LINES` lines of
    nothing but furniture, up to `WALL_BELOW_SHARE` times as much. Text on the article's subject
    under such a stretch (a photo gallery's links inside the story) stays, and so does text that
    agrees with the headline much better than the text above it, and everything when no stretch
    qualifies."""
    headline = title.lower() if title else None
    title_bag: dict[str, float] | None = None  # worked out when a stretch would end the article
    for k, j in _runs(blocks, lambda b: b.kind not in ("good", "near"), lo + 1, hi + 1):
        if j - k < BARRIER_MIN_LINES or j > hi:
            continue  # too short to separate anything, or nothing under it
        furniture = sum(1 for b in blocks[k:j] if b.kind == "bad")
        if furniture < BARRIER_FURNITURE_SHARE * (j - k):
            continue
        if headline is not None and any(_names_headline(headline, b.text.lower()) for b in blocks[k:j]):
            continue  # the article may start here
        above = [b for b in blocks[lo:k] if b.kind == "good"]
        below = [b for b in blocks[j : hi + 1] if b.kind == "good"]
        wall = j - k >= WALL_MIN_LINES and furniture >= WALL_FURNITURE_SHARE * (j - k)
        share = WALL_BELOW_SHARE if wall else BARRIER_BELOW_SHARE
        if _less_text_on_another_subject(above, below, share, BARRIER_COSINE):
            if title is not None:
                if title_bag is None:
                    title_bag = weighted_bag(title)
                if cosine(_bag(below), title_bag) > cosine(_bag(above), title_bag) + HEADLINE_AGREEMENT_MARGIN:
                    continue  # the article is below: what was above were teasers
            return k - 1
    return hi


def _max_segment(scores: list[float]) -> tuple[int, int]:
    """Indices [lo, hi] of the maximum-sum contiguous segment (Kadane)."""
    best, best_lo, best_hi = float("-inf"), 0, -1
    cur, cur_lo = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, cur_lo = s, i
        else:
            cur += s
        if cur > best:
            best, best_lo, best_hi = cur, cur_lo, i
    return best_lo, best_hi


def _score(b: Block) -> float:
    if b.kind == "good":
        return float(min(b.n, 60))
    if b.kind == "near":
        return 0.3 * b.n
    if b.kind == "bad":
        return -30.0 if b.end_marker else -8.0
    return -3.0  # a short line that is neither a sentence nor furniture


def _pick_title(blocks: list[Block], body_bag: dict[str, float], first_body: int, given: str | None) -> Block | None:
    if given:
        g = given.strip().lower()
        for b in blocks[: max(first_body, 1) + 2]:
            if b.text.lower() == g:
                return b
        return None
    # The page's first line is its <title> ("Headline - Site") and the page prints its headline
    # part alone just above the body (a masthead printing the site's name is further up): the
    # title is that line, whatever else shares the body's words (a tags line, a date stamp, the
    # links to the previous and next posts).
    first = blocks[0].text.lower()
    if _printed_headline(first, blocks[max(1, first_body - HEADLINE_NEAR_BODY) : min(first_body + 1, 25)], 4):
        return blocks[0]  # `_headline_printed_alone` reads the headline from it
    best, best_score = None, 0.0
    seen: dict[str, int] = {}
    for b in blocks[: min(first_body + 1, 25)]:
        seen[b.text.lower()] = seen.get(b.text.lower(), 0) + 1
    for b in blocks[: min(first_body + 1, 25)]:
        if b.kind == "bad" or b.n < 3 or b.n > 30 or _MARKUP.search(b.text):
            continue  # markup or code is never a headline
        if b.text.startswith("«") or b.text.endswith("»"):
            continue  # the links to a blog's previous and next posts ("« Older post | Newer post »")
        if b.index > first_body or (b.index == first_body and (b.ends_sentence or b.n > 20)):
            continue  # the body's first line can be the headline only if it is not a sentence
        if b.text.endswith(".") and b.n > 15:
            continue
        bag = b.facts.bag
        overlap = sum(v for w, v in bag.items() if body_bag.get(w, 0.0) > 0)
        score = overlap * min(1.0, b.n / 8)
        if seen[b.text.lower()] > 1:
            score *= 1.5  # pages often print their headline twice
        if _is_headline_like(b):
            score *= 1.2
        score *= 1.0 - 0.02 * b.index  # earlier is likelier
        if score > best_score:
            best, best_score = b, score
    if best_score >= 0.5:
        return best
    # Nothing above the body shares its words (a picture post, a one-line post): the headline the
    # page's title names, printed alone anywhere above the body, is still the headline.
    return _printed_headline(first, blocks[1 : first_body + 1])


def _printed_headline(first: str, candidates: list[Block], title_again_words: int | None = None) -> Block | None:
    """The first of `candidates` printing alone the headline that the page's title line `first`
    (lower-cased) names: its headline part, or, with `title_again_words`, the whole title printed
    again when it has that many words (a site's name printed twice is shorter)."""
    for b in candidates:
        if b.kind == "bad":
            continue
        if len(b.text) < len(first):
            enough = b.n >= 2
        else:
            enough = title_again_words is not None and b.n >= title_again_words
        if enough and _names_headline(first, b.text.lower()):
            return b
    return None


END_MARKER_SHARE = 1.0  # text under an article-closing line, as a share of the text above it, that ends the body there
END_MARKER_COSINE = 0.3  # ... unless it is this similar to the text above (the article goes on after a "Related:" box)
ENCLOSED_RUN = 8  # short lines in a row between two paragraphs that stay as the article's
HEADLINE_ABOVE_RUN = 2  # blocks around a run's first one where the page's headline printed alone heads it


def _names_headline(title: str, line: str) -> bool:
    """Is the (lower-cased) line the page's headline: its title, or the title's headline part
    ("Site: Headline", "Headline « Site", "Headline - Section - Site"; the part printed alone is
    the title's longest, never a site's or section's name)? Curly and straight quotes are the
    same here: a page's <title> may print "Channels' Return" where its text prints "Channels’ Return"."""
    title = title.strip(_TITLE_EDGE)
    if len(line) > len(title) or (
        line[:1].translate(_STRAIGHT_QUOTES) != title[:1].translate(_STRAIGHT_QUOTES)
        and line[-1:].translate(_STRAIGHT_QUOTES) != title[-1:].translate(_STRAIGHT_QUOTES)
    ):
        return False  # neither the title's start nor its end: the usual line, rejected without copies
    title, line = title.translate(_STRAIGHT_QUOTES), line.translate(_STRAIGHT_QUOTES)
    if line == title:
        return True
    if len(line) >= len(title):
        return False
    if title.endswith(line) and _site_prefixed(line).search(title) is not None:
        rest = title[: -len(line)]
    elif title.startswith(line) and re.match(r"\s*[|:–—«»-]", title[len(line):]) is not None:
        rest = title[len(line):]
    else:
        return False
    # "Headline - Section - Site": the headline is the longest part (a site's name is shorter)
    n = len(line.split())
    return all(len(part.split()) < n for part in _TITLE_SEPARATOR.split(rest))


_STRAIGHT_QUOTES = str.maketrans("‘’“”", "''\"\"")
_TITLE_EDGE = "»«|·:–—- "  # a blog platform's arrows around a title: "» Post title:: Blog » Blog Archive"
_TITLE_SEPARATOR = re.compile(r"\s[|:–—«»-]\s|[|:«»]")
HEADLINE_NEAR_BODY = 15  # blocks above the body where a page prints its headline alone


def _headline_printed_alone(title: Block, blocks: list[Block], body_start: int) -> str:
    """The headline inside a page title ("Site: Headline", "Headline | Site") when the page also
    prints it alone just above the article (a masthead printing the site's name is further up);
    otherwise the title as printed."""
    low = title.text.lower()
    for b in blocks[max(0, body_start - HEADLINE_NEAR_BODY) : body_start + 1]:
        if b is title or b.n < 3 or len(b.text) >= len(low):
            continue
        part = b.text.lower()
        if _names_headline(low, part):  # never a site's name printed alone
            return b.text
    return title.text


_POST_META = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b")


def _site_prefixed(headline: str) -> re.Pattern:
    """"Site » Headline", "Site | Headline", "Site: Headline" ending in this headline."""
    return re.compile(r"\S\s*[»|:–—-]\s*" + re.escape(headline) + "$")


SHORT_POST_HEADLINE_MIN_WORDS = 2  # "Broken Arrows": a post's title may be two words


def _short_post(blocks: list[Block], given: str | None) -> tuple[Block | None, list[Block]]:
    """A page with no article body may be a short post: a headline printed twice near the top
    (once inside the page title, "Site » Headline", once alone) and a few lines under its last
    printing, up to the first line of page furniture. Returns the headline and those lines (none
    unless one of them has three words or more)."""
    head = blocks[:25]
    lowered = [b.text.lower() for b in head]
    headline = None
    for b in head:
        if b.kind == "bad" or not SHORT_POST_HEADLINE_MIN_WORDS <= b.n <= 20 or b.ends_sentence:
            continue
        low = b.text.lower()
        if given and low != given.strip().lower():
            continue
        prefixed = _site_prefixed(low)
        if any(o is not b and (lowered[o.index] == low or prefixed.search(lowered[o.index])) for o in head):
            headline = b
            break
    if headline is None:
        return None, []
    last = max([headline.index] + [o.index for o in head if lowered[o.index] == lowered[headline.index]])
    lines: list[Block] = []
    for b in blocks[last + 1 : last + 6]:
        if b.kind == "bad" or b.text.lower() == lowered[headline.index]:
            break
        if not b.ends_sentence and _POST_META.search(b.text):
            continue  # "images — Tags: design — admin @ 15:58", "November 12, 2012 Humor 0 Comments"
        lines.append(b)
    if not any(b.n >= 3 for b in lines):
        return headline, []
    return headline, lines


# A caption is short and describes a picture. Before a credit, a longer paragraph is the article's
# last one; a quotation with its speaker ('"...," Lott said.') or a lead opening with a wire dateline
# ("FRANKLIN, Tenn. (AP) — ...") is reporting, whatever picture follows it.
CAPTION_MAX_WORDS = 40
CREDIT_WITH_CAPTION_WORDS = 12
_REPORTED_SPEECH = re.compile(r"[\"“”].{3,}[\"“”].{0,60}\b(?:said|says|told|added|asked|wrote)\b|\b(?:said|says|told):? [\"“]")
_WIRE_LEAD = re.compile(r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]+(?: [\w.]+)?)? \([A-Z][\w&. -]*\) ?[-–—]")


def clean_text(
    text: str,
    *,
    given_title: str | None = None,
    template_lines: frozenset[str] = frozenset(),
    min_sentence_words: int = 8,
    extracted: bool = False,
) -> TextCleanResult:
    """Remove page furniture from already-extracted plain text; keep the article.

    `extracted`: the text is an HTML extractor's main-content output, so position on the page
    no longer tells body from furniture; only what a line says (vocabulary, credits, datelines,
    comment sections, the repeated title) removes it."""
    blocks = _split_blocks(text)
    if not blocks:
        return TextCleanResult(text="")
    n_tokens = sum(b.n for b in blocks)
    doc_stop = sum(round(b.stop * b.n) for b in blocks) / n_tokens if n_tokens else 0.0  # stop words / tokens
    use_stopwords = doc_stop >= 0.12  # stop words are English; other languages skip that test
    result = TextCleanResult(text="")

    for b in blocks:
        _classify(b, min_sentence_words, use_stopwords)
        _mark_vocabulary(b, template_lines)
    if not extracted:
        _mark_menu_teasers(blocks)
        _mark_recent_comments(blocks)
        _mark_gallery_captions(blocks)

    # Datelines, bylines and "<Outlet> copy" lines carry metadata: record it, remove the line.
    first_good = next((b.index for b in blocks if b.kind == "good"), len(blocks))
    datelines: list[tuple[Block, FoundDate]] = []
    for b in blocks:
        meta = b.facts.metadata
        if meta is None:
            continue
        what, value = meta
        if what == "dateline":
            datelines.append((b, value))  # type: ignore[arg-type]
            b.kind, b.reason = "bad", "dateline"
        elif what == "byline":
            if result.author is None and b.index <= first_good + 3:
                result.author = value  # type: ignore[assignment]
            b.kind, b.reason = "bad", "byline"
        elif what == "publisher-line":
            result.publisher = result.publisher or value  # type: ignore[assignment]
            b.kind, b.reason, b.end_marker = "bad", "publisher-line", b.index > first_good
        elif b.index < first_good:  # a bare outlet name ("The Daily Courier") above the article
            result.publisher = result.publisher or value  # type: ignore[assignment]
            b.kind, b.reason = "bad", "publisher-line"

    # Reader comments are sentence-like but not the article: a comment header or a run of comment
    # signatures after the body has begun closes the article.
    page_title = given_title or blocks[0].text  # what the page calls itself: its given title or its first line
    comments_at = None if extracted else _comments_start(blocks, page_title)
    if comments_at is not None:
        for b in blocks[comments_at:]:
            if b.kind != "bad" or b.reason in ("dateline", "byline"):
                b.kind, b.reason = "bad", "comments"
        blocks[comments_at].end_marker = True

    # The body: maximum-scoring run of blocks.
    if extracted:
        # An HTML extractor already chose the main block: only what the checks above marked goes.
        kept_idx = [b.index for b in blocks if b.kind != "bad"]
        lo, hi = (kept_idx[0], kept_idx[-1]) if kept_idx else (0, -1)
    else:
        # A blog's pager under a single post ("Newer Post Older Post Home"): the post and its
        # comments are above it, only the blog's sidebar below, however long its text.
        pager = next((b.index for b in blocks if b.n <= 6 and vocab.POST_PAGER.match(b.text)), None)
        masked: set[int] = set()
        if pager is not None and any(b.kind == "good" for b in blocks[:pager]):
            masked.update(range(pager, len(blocks)))
        for _ in range(3):
            lo, hi = _body_segment(blocks, masked, page_title)
            if hi < lo:
                lo, hi = 0, -1
            # The body starts and ends with a sentence: unpunctuated lines at its edges are teasers and links.
            first, last = lo, hi
            while lo <= hi and not (blocks[lo].kind == "good" or (blocks[lo].kind == "near" and blocks[lo].ends_sentence)):
                lo += 1
            while hi >= lo and not (blocks[hi].kind == "good" or (blocks[hi].kind == "near" and blocks[hi].ends_sentence)):
                hi -= 1
            if hi >= lo or last < first:
                break
            # The densest run held no sentence at all (a huge unpunctuated archive list): the body
            # is elsewhere. Look again without that run.
            masked.update(range(first, last + 1))
    if not extracted and hi > lo:
        # A line that closes an article ("Tags: ...", "3 comments so far") inside the densest run,
        # with much less text under it than above it: the article ends there; what follows (other
        # stories' leads, sentence-like promotions) only made the run longer.
        for e in range(lo + 1, hi + 1):
            if blocks[e].end_marker:
                above = [b for b in blocks[lo:e] if b.kind == "good"]
                below = [b for b in blocks[e + 1 : hi + 1] if b.kind == "good"]
                # (Reader comments are about the article too: under a comment header there is no such test.)
                if _less_text_on_another_subject(above, below, END_MARKER_SHARE, END_MARKER_COSINE, any_subject=blocks[e].reason == "comments"):
                    hi = e - 1
                break
    body_bag = _bag(b for b in blocks[lo : hi + 1] if b.kind in ("good", "near"))
    result.dateline, result.dateline_text = _article_dateline(blocks, datelines, lo, hi)

    title_block = _pick_title(blocks, body_bag, lo if hi >= lo else len(blocks), given_title)
    post: list[Block] = []
    if hi < lo and not extracted:
        # No run of sentences at all: perhaps a short post (a picture, a video, one line under a
        # headline). Its headline is printed twice near the top; its text follows the second one.
        title_block, post = _short_post(blocks, given_title)
    title = given_title.strip() if given_title else (title_block.text if title_block else None)
    if title:
        tl = title.lower()
        # The page may print the headline alone as well as in its "Headline - Outlet" title.
        headline = (split_site_name(title)[0] or title).lower()
        for b in blocks:
            low = b.text.lower()
            if low == tl or (b.index <= lo and (low == headline or (low.startswith(tl) and len(low) - len(tl) < 40) or (b.n >= 2 and _names_headline(tl, low)))):
                b.kind, b.reason = "bad", "title"
    result.title = title if given_title or title_block is None else _headline_printed_alone(title_block, blocks, lo if hi >= lo else len(blocks))
    if title and hi > lo and not extracted:
        # The headline printed alone inside the body region: what comes before it there (a newsletter
        # box, the blog's description of itself, a sidebar) is the page's header, not the article,
        # when its sentences are fewer words than the article under the headline.
        tl = title.lower()
        for h in range(lo + 1, hi + 1):
            b = blocks[h]
            if b.kind == "bad" or b.n < 3 or not _names_headline(tl, b.text.lower()):
                continue
            header, article = blocks[lo:h], blocks[h + 1 : hi + 1]
            if sum(x.n for x in header if x.kind == "good") < sum(x.n for x in article if x.kind != "bad"):
                for x in header:
                    if x.kind != "bad":
                        x.kind, x.reason = "bad", "page-header"
                b.kind, b.reason = "bad", "title"
                lo = h + 1
                result.title = title if given_title else b.text
            break

    # Photo credits make their neighbours captions (before) and teaser links (after).
    for i, b in enumerate(blocks):
        if b.reason != "photo-credit":
            continue
        # A long credit line carries its own caption ("Enlarge this image toggle caption AP/...", "Jane Doe
        # appears in court on Monday. (AP Photo/John Roe)"): the line before it is not one.
        if b.n < CREDIT_WITH_CAPTION_WORDS and i > 0 and blocks[i - 1].kind != "bad" and blocks[i - 1].reason is None and blocks[i - 1] is not title_block:
            prev = blocks[i - 1]
            if prev.n <= CAPTION_MAX_WORDS and not _REPORTED_SPEECH.search(prev.text) and not _WIRE_LEAD.match(prev.text):
                prev.kind, prev.reason = "bad", "caption"
        if i + 1 < len(blocks):
            nxt = blocks[i + 1]
            if nxt.kind != "bad" and (_is_headline_like(nxt, allow_period=True) or not nxt.ends_sentence) and nxt.n <= 20:
                nxt.kind, nxt.reason = "bad", "related-links"

    article_lists = set() if extracted or hi < lo else _article_lists(blocks, lo, hi) | _counted_list(blocks, lo, hi, title)
    # Runs of two or more headline-like short lines (any case) are link lists (menus, "related" lists); an
    # HTML extractor has already dropped those, and the lists it keeps are the article's.
    if not extracted:
        _mark_link_runs(blocks, lambda b: b.kind in ("short", "near") and _is_link_text(b) and b.index not in article_lists, lo)

    # Headline, one-sentence summary, headline, one-sentence summary...: a list of other stories.
    k = len(blocks) if extracted else 0
    while k < len(blocks) - 3:
        pairs = 0
        while k + 2 * pairs + 1 < len(blocks) and _is_story_teaser(blocks[k + 2 * pairs], blocks[k + 2 * pairs + 1]):
            pairs += 1
        if pairs >= 2:
            for b in blocks[k : k + 2 * pairs]:
                _mark_link(b, lo)
            k += 2 * pairs
        else:
            k += 1

    # A headline followed by a cut-off teaser ("... said on Tuesday that the...") links to another
    # story: the teaser ends where the link does.
    for k in range(len(blocks) - 1):
        head, teaser = blocks[k], blocks[k + 1]
        if (
            head.kind in ("short", "near")
            and _is_link_text(head)
            and teaser.kind != "bad"
            and teaser.n <= 40
            and _TRUNCATED.search(teaser.text)
        ):
            for b in (head, teaser):
                _mark_link(b, lo)

    # Two or more cut-off teasers in a row ("Gemini: During the early mor...") are a list of links.
    if not extracted:
        _mark_link_runs(blocks, lambda b: b.kind != "bad" and b.n <= 40 and _TRUNCATED.search(b.text) is not None, lo)

    # A stretch of page furniture inside the densest run, with less text under it than above it and
    # on another subject: the article ended at the stretch (other stories' leads, promotions).
    if not extracted and hi > lo:
        hi = _end_at_furniture_barrier(blocks, lo, hi, title)
    # Short lines printed between two paragraphs of the body with nothing removed around them (a
    # list without bullets, lines of figures, a subheading) are the article's; one alone that reads
    # as a photo caption is not.
    enclosed: set[int] = set()
    for k, j in _runs(blocks, _enclosable, lo + 1, hi):
        single_caption = j - k == 1 and _CAPTION_CUE.search(blocks[k].text) is not None
        if j - k <= ENCLOSED_RUN and not single_caption and all(blocks[x].kind == "good" and blocks[x].ends_sentence for x in (k - 1, j)):
            enclosed.update(range(k, j))
    # Decide inside the body region.
    after_end = False
    for b in blocks:
        inside = lo <= b.index <= hi
        if b.end_marker and b.index > lo:
            after_end = True
        if b.kind == "bad":
            continue
        if inside:
            if b.kind in ("good", "near"):
                b.keep = True
            else:
                prev = next((p for p in reversed(blocks[lo : b.index]) if p.kind != "bad"), None)
                nxt = next((n for n in blocks[b.index + 1 : hi + 1] if n.kind != "bad"), None)
                is_heading = (
                    b.n <= 12 and prev is not None and nxt is not None and prev.kind == "good" and nxt.kind in ("good", "near")
                )
                if is_heading or extracted or b.index in article_lists or b.index in enclosed:
                    b.keep = True
                else:
                    b.reason = "fragment"
        else:
            if b.index in article_lists:
                b.keep = True
            elif b.kind == "good" and not after_end and b.index < lo and cosine(b.facts.bag, body_bag) >= 0.12:
                b.keep = True
            elif b.index < lo:
                b.reason = "page-header"
            else:
                b.reason = "page-footer" if not after_end else "after-article-end"

    for b in post:
        b.keep, b.reason = True, None

    if not extracted:
        _remove_unrelated_inserts(blocks)
        _trim_unrelated_tail(blocks)
        _trim_author_note(blocks)

    kept = [b for b in blocks if b.keep]
    parts: list[str] = []
    for k, b in enumerate(kept):
        if k and kept[k - 1].para == b.para and kept[k - 1].index == b.index - 1:
            parts.append("\n" + b.text)
        elif k:
            parts.append("\n\n" + b.text)
        else:
            parts.append(b.text)
    result.text = "".join(parts)
    result.removed = [Removed(b.text, b.reason or "fragment") for b in blocks if not b.keep]
    return result


# "16 January 2008 – The Security Council today discussed ...": a date opening the first paragraph.
_LEADING_DATE = re.compile(r"^\W{0,3}(?P<date>[^–—-]{6,40}?)\s*(?:[–—-]{1,2}|:)\s+(?=[A-Z\"“])")


# An update stamp ("Updated at: 01/02/2008", "Site last Updated: Jan 15 2008") gives way to a
# publication stamp up to this many blocks further from the body; alone, it is the dateline.
UPDATE_STAMP_PENALTY = 3
_UPDATE_STAMP = re.compile(r"^\W*(?:site |page )?(?:last )?(?:updated|modified|revised)\b", re.IGNORECASE)

DATELINE_AFTER_BODY = 4  # blocks after the body's last one where its date stamp may still be printed


def _article_dateline(
    blocks: list[Block], datelines: list[tuple[Block, FoundDate]], lo: int, hi: int
) -> tuple[FoundDate | None, str | None]:
    """The article's own dateline: of the date lines on the page, the one nearest the start of the
    body (a site header's "today" date sits further up; one after the body belongs to something
    else), else a date opening the body's first paragraphs."""
    if hi < lo:
        lo, hi = next((b.index for b in blocks if b.kind == "good"), len(blocks)), len(blocks)
    best, best_distance = None, None
    for b, found in datelines:
        if b.index > hi:
            continue
        distance = lo - b.index if b.index < lo else 2 * (b.index - lo)
        if _UPDATE_STAMP.match(b.text):
            distance += UPDATE_STAMP_PENALTY  # "Posted at: ..." just above "Updated at: ...": the first is the publication
        if best_distance is None or distance < best_distance:
            best, best_distance = (found, b.text), distance
    if best is not None:
        return _day_first_if_page_says_so(best[0], datelines), best[1]
    # Some sites print the stamp under the article ("Last Updated: January 11, 2008 11:43 EST",
    # "Transmitted Friday, January 18, 2008"): with none above, the first one right after the body.
    after = [(b, found) for b, found in datelines if hi < b.index <= hi + DATELINE_AFTER_BODY]
    if after:
        b, found = min(after, key=lambda x: x[0].index)
        return _day_first_if_page_says_so(found, datelines), b.text
    for b in blocks[lo : min(hi, lo + 2) + 1]:
        m = _LEADING_DATE.match(b.text)
        if m:
            found = parse_dateline(m.group("date"))
            if found is not None:
                return found, m.group(0).strip()
    return None, None


def _day_first_if_page_says_so(found: FoundDate, datelines: list[tuple[Block, FoundDate]]) -> FoundDate:
    """An ambiguous numeric date ("11/1/2008") is read month first unless another date line of the
    page prints the day-first reading ("First Published: 11:47 IST(11/1/2008)" under "New Delhi,
    January 11, 2008")."""
    if found.swapped is not None and any(o.iso == found.swapped for _, o in datelines if o is not found):
        return FoundDate(found.swapped, found.granularity, found.start, found.end, found.iso)
    return found


def _names(text: str) -> set[str]:
    return {w.lower() for w in _CAP_WORD.findall(text) if w.lower() not in STOPWORDS}


def _inner_names(b: Block) -> set[str]:
    """The names a paragraph mentions, its first word left out (capitalised for the sentence)."""
    return b.facts.inner_names


def _stems(bag: dict[str, float], min_weight: float = 0.3) -> set[str]:
    """Crude stems (5-letter prefixes) of the informative words: "diplomats" meets "diplomacy"."""
    return {w[:5] for w, v in bag.items() if word_weight(w) >= min_weight}


# A paragraph that opens by pointing back ("He ...", "The Swiss star ...", "The 26-year-old ...")
# continues the article, whatever its vocabulary.
_REFERS_BACK = re.compile(r"^(?:he|she|they|his|her|their|its|the)\b", re.IGNORECASE)


UNANNOUNCED_INSERTS_MAX = 0.3  # share of the article's words that unannounced inserts may make up
UNANNOUNCED_COHESION = 0.7  # share of its paragraphs sharing a name with the rest, for any to be an unannounced insert


def _remove_unrelated_inserts(blocks: list[Block]) -> None:
    """Drop kept paragraphs that share no informative word and no name with the rest of the article.

    Stricter when nothing announces the insert: a paragraph right after a teaser headline needs only
    to be off-topic; one without a teaser must share not even a word stem with the article.
    The article's bag, names and stems are summed once; "the rest" of each paragraph is that total
    minus the paragraph itself (and its teaser), so the pass is linear in the article.
    """
    kept = [b for b in blocks if b.keep]
    total = sum(b.n for b in kept)
    if total < 80 or len(kept) < 3:
        return
    names = {b.index: _inner_names(b) for b in kept}
    name_count = Counter(n for b in kept for n in names[b.index])
    # The article's summed bag and its squared norm, and its stem counts: each built when first needed.
    whole: tuple[dict[str, float], float] | None = None
    stem_count: Counter[str] | None = None

    def summed_bag(group: list[Block]) -> dict[str, float]:
        """Summed word weights of some paragraphs."""
        bag: dict[str, float] = {}
        for o in group:
            for w, v in o.facts.bag.items():
                bag[w] = bag.get(w, 0.0) + v
        return bag

    def stem_counts(group: list[Block]) -> Counter[str]:
        """In how many of some paragraphs each 5-letter stem occurs."""
        stem_n: Counter[str] = Counter()
        for o in group:
            stem_n.update({w[:5] for w in o.facts.bag})
        return stem_n

    unannounced: list[Block] = []
    eligible = named = 0
    for k, b in enumerate(kept):
        if b.kind != "good" or b.n < 8 or b.n > total * 0.3:
            continue
        eligible += 1
        prev_headline = k > 0 and _is_headline_like(kept[k - 1])
        teaser = prev_headline and kept[k - 1].index == b.index - 1
        excluded = [b] + ([kept[k - 1]] if prev_headline else [])
        # A name of b's is shared when some paragraph outside `excluded` names it (each paragraph
        # counts a name once): more mentions than b's own and its teaser's.
        head_names = names[kept[k - 1].index] if prev_headline else ()
        if any(name_count[n] > 1 + (n in head_names) for n in names[b.index]):
            named += 1
            continue  # a name shared with the rest of the article: related (most paragraphs stop here)
        if whole is None:
            all_bag = summed_bag(kept)
            whole = (all_bag, sum(v * v for v in all_bag.values()))
        all_bag, all_norm2 = whole
        ex_bag = summed_bag(excluded)
        own = b.facts.bag
        # rest = all - excluded, touched only where excluded has weight
        rest_norm2 = all_norm2 - sum(all_bag[w] ** 2 - (all_bag[w] - v) ** 2 for w, v in ex_bag.items())
        dot = sum(v * (all_bag[w] - ex_bag[w]) for w, v in own.items())
        own_norm = math.sqrt(sum(v * v for v in own.values()))
        sim = dot / (own_norm * math.sqrt(rest_norm2)) if own_norm and rest_norm2 > 1e-12 else 0.0
        if sim >= 0.05:
            continue
        if stem_count is None:
            stem_count = stem_counts(kept)
        ex_stems = stem_counts(excluded)
        rest_stems = {w[:5] for w in own if stem_count[w[:5]] - ex_stems[w[:5]] > 0}
        shared_stems = _stems(own) & rest_stems
        if not teaser and (shared_stems or len(names[b.index]) < 2 or b.text[0] in "\"'“‘«" or _REFERS_BACK.match(b.text)):
            continue  # unannounced: only a paragraph about other named people is an insert, never a quote
        if teaser and len(shared_stems) > 1:
            continue
        if not teaser:
            unannounced.append(b)
            continue
        b.keep, b.reason = False, "unrelated-insert"
        kept[k - 1].keep, kept[k - 1].reason = False, "unrelated-insert"
    # An insert is a small part of a page. When unannounced "inserts" would add up to much of the
    # article, its paragraphs simply share few words (a team sheet, a list of short items): none goes.
    # And only in an article whose paragraphs mostly name its people again (a news story): in a
    # blog post of loosely joined asides, a paragraph naming nobody else's people is no insert.
    if sum(b.n for b in unannounced) <= UNANNOUNCED_INSERTS_MAX * total and named >= UNANNOUNCED_COHESION * eligible:
        for b in unannounced:
            b.keep, b.reason = False, "unrelated-insert"


TAIL_MIN_SIMILARITY = 0.05
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|I'd|I’d|[Mm]e|[Mm]y)\b")  # a person, not a site's "we"


# An author's note closing the article: "Jo Roe is a staff writer for the Harbour Times.",
# "Jo Roe reports from war zones and writes comic books." (A name opens it, not "The" or "He".)
_AUTHOR_NOTE = re.compile(
    r"^(?!(?:The|This|That|It|He|She|They|We|Our|His|Her)\b)(?:[A-Z][\w.'’-]+ ){1,3}"
    r"(?:(?:is|was) (?:a|an|the)\b.{0,80}?\b(?:writer|author|reporter|correspondent|editor|columnist|contributor|journalist|freelancer?|blogger)\b"
    r"|(?:reports|writes|blogs) (?:from|about|on|for)\b)",
)
AUTHOR_NOTE_TAIL = 2  # kept blocks at the article's end an author's note may be among
AUTHOR_NOTE_MIN_ARTICLE = 4  # kept blocks: a shorter text may be the author's profile itself


def _trim_author_note(blocks: list[Block]) -> None:
    """Drop an author's note from the article's last lines (reason "site-bio", the author's
    self-description): it is about the writer, printed under each of their pieces."""
    kept = [b for b in blocks if b.keep]
    if len(kept) < AUTHOR_NOTE_MIN_ARTICLE:
        return
    for b in kept[-AUTHOR_NOTE_TAIL:]:
        if _AUTHOR_NOTE.match(b.text):
            b.keep, b.reason = False, "site-bio"


def _trim_unrelated_tail(blocks: list[Block]) -> None:
    """Drop the leads of other stories printed under the article: a run of two or more paragraphs
    at its end, each sharing no name, no word stem and almost no vocabulary with the article's
    first half, nor with each other, and none in a person's voice ("I", "me", "my" outside quotations).
    A single odd last paragraph stays, and so does a blogger's sign-off."""
    kept = [b for b in blocks if b.keep]
    if len(kept) < 5:
        return
    core = kept[: max(2, len(kept) // 2)]
    core_names = set().union(*(_inner_names(b) for b in core))
    last = next((b for b in reversed(kept[len(core):]) if b.n >= 8), None)
    if last is None or _inner_names(last) & core_names:
        return  # the usual case, settled before any bag is built: the article ends on its own subject
    core_bag = _bag(core)
    core_stems = _stems(core_bag)
    tail: list[Block] = []
    leads: list[dict[str, float]] = []
    for b in reversed(kept[len(core):]):
        if b.n >= 8:
            own_bag = b.facts.bag
            if _inner_names(b) & core_names or cosine(own_bag, core_bag) >= TAIL_MIN_SIMILARITY or _stems(own_bag) & core_stems:
                break
            if leads and cosine(own_bag, leads[-1]) >= TAIL_MIN_SIMILARITY:
                break  # two neighbours on one subject: the article's own closing passage
            if _FIRST_PERSON.search(_QUOTED.sub(" ", b.text)):
                break  # a blogger's sign-off ("That's it for me this week"), not another story's lead
            leads.append(own_bag)
        tail.append(b)
    if len(leads) < 2:
        return
    for b in tail:
        b.keep, b.reason = False, "related-links"
