"""Exact and near-duplicate detection over cleaned text (MinHash LSH, datasketch).

Copies are kept, not deleted: each group has a representative and every copy with its publisher
and date, because syndication is information. Later stages count a group as one source.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache
from collections import defaultdict

from storyline.model import Article, DuplicateCopy, DuplicateGroup
from storyline.options import DEFAULT_OPTIONS, Options

_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = 5) -> set[bytes]:
    toks = _WORD.findall(text.lower())
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i : i + k]).encode() for i in range(len(toks) - k + 1)}


@lru_cache(maxsize=4)
def _permutation_args(num_perm: int) -> dict:
    """The seed's random permutations, drawn once (MinHash draws them anew for every object), with
    the hashing scheme they belong to (datasketch >= 2 needs it named)."""
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, seed=1)
    args = {"permutations": template.permutations}
    if getattr(template, "scheme", None) is not None:
        args["scheme"] = template.scheme
    return args


def _minhash(sh: set[bytes], num_perm: int):
    from datasketch import MinHash

    # crc32 (C, 32-bit) instead of datasketch's default sha1: same estimates, several times faster.
    m = MinHash(num_perm=num_perm, seed=1, hashfunc=zlib.crc32, **_permutation_args(num_perm))
    m.update_batch(list(sh))
    return m


@lru_cache(maxsize=16)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """Bands and rows for a threshold: datasketch integrates numerically to find them, which costs
    more than the deduplication of a small story, so it is done once per setting."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def _representative_key(a: Article) -> tuple:
    # The earliest dated, then the longest, then the smallest id: deterministic.
    return (a.date is None, a.date or "", -len(a.text), a.id)


def find_duplicates(articles: list[Article], options: Options = DEFAULT_OPTIONS) -> list[DuplicateGroup]:
    """Group exact and near-duplicate articles; sets `duplicate_of` on every copy."""
    from datasketch import MinHashLSH

    exact: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        exact[hashlib.sha1(" ".join(_WORD.findall(a.text.lower())).encode()).hexdigest()].append(a)
    uniques = [group[0] for group in exact.values()]
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    similarity: dict[str, float] = {}
    for group in exact.values():
        for copy in group[1:]:
            union(group[0].id, copy.id)
            similarity[copy.id] = 1.0

    lsh = MinHashLSH(
        num_perm=options.minhash_permutations,
        params=_lsh_params(options.duplicate_threshold, options.minhash_permutations),
    )
    sigs = {}
    sh_cache = {}
    for a in uniques:
        sh = shingles(a.text)
        if len(sh) < 3:
            continue
        sh_cache[a.id] = sh
        sigs[a.id] = _minhash(sh, options.minhash_permutations)
    for aid, sig in sigs.items():
        for other in lsh.query(sig):
            # Confirm with the true Jaccard (LSH only proposes candidates).
            j = len(sh_cache[aid] & sh_cache[other]) / len(sh_cache[aid] | sh_cache[other])
            if j >= options.duplicate_threshold:
                union(aid, other)
                similarity[aid] = max(similarity.get(aid, 0.0), j)
                similarity[other] = max(similarity.get(other, 0.0), j)
        lsh.insert(aid, sig)

    members: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        members[find(a.id)].append(a)
    groups: list[DuplicateGroup] = []
    for group in members.values():
        if len(group) < 2:
            continue
        group.sort(key=_representative_key)
        rep = group[0]
        rep.duplicate_of = None
        copies = []
        rep_sh = sh_cache.get(rep.id) or shingles(rep.text)
        for c in group[1:]:
            c.duplicate_of = rep.id
            c_sh = sh_cache.get(c.id) or shingles(c.text)
            sim = len(rep_sh & c_sh) / max(1, len(rep_sh | c_sh))
            copies.append(DuplicateCopy(c.id, c.source, c.publisher, c.date, round(sim, 3)))
        groups.append(DuplicateGroup(rep.id, copies))
    groups.sort(key=lambda g: g.representative)
    return groups
