"""Copies inside a story, by bottom-k MinHash sketches of five-word runs.

The containment test of `newsfuse.dedupe` (shared runs over the smaller article's runs), estimated from
fixed-size sketches so that an article is compared with a story's members without keeping their text:
the k smallest hashes of the union estimate Jaccard similarity J, and containment follows from the two
set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
"""

from __future__ import annotations

import heapq
import re
import zlib
from dataclasses import dataclass

import numpy as np

from newsfuse.dedupe.copies import COPY_CONTAINMENT, SHINGLE_WORDS

# Members of one story whose sketches are kept: a copy is nearly always of a recent article, and the cap
# bounds memory for a story that runs for weeks.
MAX_MEMBERS = 200
SKETCH_SIZE = 64  # standard error of the Jaccard estimate about 1/sqrt(64) = 0.125 at worst, far smaller near 1
# Each member is indexed by its smallest values only: a copy holds most of its original's runs, so it
# shares several of them; a quarter of the sketch finds copies at a quarter of the memory.
INDEXED_VALUES = 16
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Sketch:
    hashes: tuple[int, ...]  # the smallest SKETCH_SIZE run hashes, sorted (32-bit)
    size: int  # number of distinct runs

    def to_bytes(self) -> bytes:
        return np.array(self.hashes, dtype="<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, size: int) -> Sketch:
        return cls(tuple(np.frombuffer(data, dtype="<u4").tolist()), size)


def run_hashes(text: str) -> set[int]:
    """The distinct five-word runs of a text as 32-bit hashes: words to stable ids, then runs of ids to one
    hash (a tuple of ints hashes the same in every process). The stream's sketches and the archive's
    MinHash signatures both start here, so a copy in one is a copy in the other."""
    ids = [zlib.crc32(word.encode()) for word in _WORD.findall(text.lower())]
    span = min(SHINGLE_WORDS, len(ids))
    return {hash(tuple(ids[i : i + span])) & 0xFFFFFFFF for i in range(len(ids) - span + 1)} if ids else set()


def sketch(text: str, k: int = SKETCH_SIZE) -> Sketch:
    runs = run_hashes(text)
    return Sketch(tuple(heapq.nsmallest(k, runs)), len(runs))


def containment(a: Sketch, b: Sketch, k: int = SKETCH_SIZE) -> float:
    """Estimated share of the smaller article's runs found in the other."""
    if not a.size or not b.size:
        return 0.0
    union = heapq.nsmallest(k, set(a.hashes) | set(b.hashes))
    both = set(a.hashes) & set(b.hashes)
    jaccard = sum(1 for value in union if value in both) / len(union)
    shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return float(min(1.0, shared / min(a.size, b.size)))


class CopyIndex:
    """The sketches of the articles of active stories, indexed by hash value within each story.

    An article is tested only against members that share sketch values with it (its whole sketch
    against their smallest values), so a story of a thousand articles costs a few dictionary look-ups,
    not a thousand comparisons.
    """

    def __init__(self) -> None:
        self._postings: dict[int, dict[int, list[int]]] = {}  # story -> hash -> article ids
        self._sketches: dict[int, Sketch] = {}  # article id -> sketch
        self._members: dict[int, list[int]] = {}  # story -> article ids
        self.originals: dict[int, int] = {}  # article id -> id of the article it copies

    def find_original(self, story: int, item: Sketch, threshold: float = COPY_CONTAINMENT) -> int | None:
        postings = self._postings.get(story)
        if not postings or not item.size:
            return None
        shared: dict[int, int] = {}
        for value in item.hashes:
            for member in postings.get(value, ()):
                shared[member] = shared.get(member, 0) + 1
        best, best_score = None, threshold
        for member, _count in sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))[:5]:
            score = containment(item, self._sketches[member])
            if score >= best_score:
                best, best_score = member, score
        if best is None:
            return None
        return self.originals.get(best, best)

    def add(self, story: int, article: int, item: Sketch, original: int | None = None) -> None:
        self._sketches[article] = item
        members = self._members.setdefault(story, [])
        members.append(article)
        postings = self._postings.setdefault(story, {})
        for value in item.hashes[:INDEXED_VALUES]:
            postings.setdefault(value, []).append(article)
        if original is not None:
            self.originals[article] = original
        if len(members) > MAX_MEMBERS:
            self._drop(story, members.pop(0))

    def move(self, old: int, new: int, articles: list[int]) -> None:
        """Articles split off from story `old` into story `new`."""
        moving = set(articles)
        kept = self._members.get(old, [])
        self._members[old] = [a for a in kept if a not in moving]
        for article in sorted(moving & set(kept)):
            item, original = self._sketches[article], self.originals.get(article)
            self._unindex(old, article)
            self.add(new, article, item, original)

    def _unindex(self, story: int, article: int) -> None:
        postings = self._postings[story]
        for value in self._sketches[article].hashes[:INDEXED_VALUES]:
            holders = postings.get(value)
            if holders is not None and article in holders:
                holders.remove(article)
                if not holders:
                    del postings[value]

    def _drop(self, story: int, article: int) -> None:
        self._unindex(story, article)
        del self._sketches[article]
        self.originals.pop(article, None)

    def forget(self, story: int) -> None:
        self._postings.pop(story, None)
        for article in self._members.pop(story, []):
            self._sketches.pop(article, None)
            self.originals.pop(article, None)
