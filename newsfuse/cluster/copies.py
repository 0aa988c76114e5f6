"""Copies inside a story, by bottom-k MinHash sketches of five-word runs.

The containment test of `newsfuse.dedupe` (shared runs over the smaller article's runs), estimated from
fixed-size sketches so that an article is compared with a story's members without keeping their text:
the k smallest hashes of the union estimate Jaccard similarity J, and containment follows from the two
set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np

from newsfuse.dedupe import COPY_CONTAINMENT

SHINGLE_WORDS = 5  # as newsfuse.dedupe
SKETCH_SIZE = 64  # standard error of the Jaccard estimate about 1/sqrt(64) = 0.125 at worst, far smaller near 1
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Sketch:
    hashes: np.ndarray  # sorted uint32, at most SKETCH_SIZE
    size: int  # number of distinct shingles

    def to_bytes(self) -> bytes:
        return self.hashes.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, size: int) -> Sketch:
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32), size)


def sketch(text: str, k: int = SKETCH_SIZE) -> Sketch:
    # Words to stable ids, then runs of ids to one hash (a tuple of ints hashes the same in every process).
    ids = [zlib.crc32(word.encode()) for word in _WORD.findall(text.lower())]
    span = min(SHINGLE_WORDS, len(ids))
    runs = {hash(tuple(ids[i : i + span])) & 0xFFFFFFFF for i in range(len(ids) - span + 1)} if ids else set()
    hashes = np.fromiter(runs, dtype=np.uint32, count=len(runs))
    hashes.sort()
    return Sketch(hashes[:k], len(runs))


def containment(a: Sketch, b: Sketch, k: int = SKETCH_SIZE) -> float:
    """Estimated share of the smaller article's runs found in the other."""
    if not a.size or not b.size:
        return 0.0
    union = np.union1d(a.hashes, b.hashes)[:k]
    both = np.intersect1d(a.hashes, b.hashes)
    jaccard = np.isin(union, both, assume_unique=True).sum() / len(union)
    shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return float(min(1.0, shared / min(a.size, b.size)))


def is_copy(a: Sketch, b: Sketch, threshold: float = COPY_CONTAINMENT) -> bool:
    return containment(a, b) >= threshold


class CopyIndex:
    """The sketches of the articles of active stories, indexed by hash value within each story.

    An article is tested only against members that share sketch values with it, so a story of a
    thousand articles costs a few dictionary look-ups, not a thousand comparisons.
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
        for value in item.hashes.tolist():
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
        self._members.setdefault(story, []).append(article)
        postings = self._postings.setdefault(story, {})
        for value in item.hashes.tolist():
            postings.setdefault(value, []).append(article)
        if original is not None:
            self.originals[article] = original

    def forget(self, story: int) -> None:
        self._postings.pop(story, None)
        for article in self._members.pop(story, []):
            self._sketches.pop(article, None)
            self.originals.pop(article, None)
