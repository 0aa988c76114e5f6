"""Copies across a whole archive: MinHash signatures of five-word runs, LSH banding, and a check.

Two articles become candidates when they agree on every value of at least one band of their
signatures, so near-duplicates are found by grouping on band keys (a hash join, or a Spark shuffle)
instead of comparing all pairs. Each candidate pair is then checked with the same test as
`newsfuse.dedupe`: the share of the smaller article's runs found in the other (containment), here
estimated from the signatures and the two run counts, at the same threshold.

The runs are those of `newsfuse.cluster.copies` (words to crc32 ids, five ids to one hash), so a copy
here is a copy in the stream too.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from newsfuse.cluster.copies import run_hashes
from newsfuse.dedupe.copies import COPY_CONTAINMENT

# 128 permutations in 64 bands of 2 rows. A copy holding half of a twice-as-long original (containment
# 0.5, the copy threshold) has Jaccard 0.2 and is a candidate with probability 1 - (1 - 0.2^2)^64 = 0.93;
# at Jaccard 0.33 (half of an equal-length original) 0.999. Independent reports of one event (Jaccard
# under 0.05) become candidates 15% of the time at most, and the check drops them. Chosen from these
# formulas, not from data; measured recall is in docs/benchmarks.md.
PERMUTATIONS = 128
BANDS = 64
ROWS = PERMUTATIONS // BANDS
# A band value shared by more articles than this (boilerplate runs, a wire story reprinted a thousand
# times) compares each member with the first MAX_BUCKET_PEERS members and its MAX_BUCKET_PEERS
# predecessors only, so the cost stays linear in the bucket; originals come first, so copies still
# find them.
MAX_BUCKET_PEERS = 32
_PRIME = (1 << 61) - 1
_MASK = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20260101)  # fixed seed: the same signatures in every process and every run
_A = _rng.integers(1, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint64)


@dataclass(frozen=True)
class Signature:
    key: int  # the article's key
    # The earlier of two copies is the original; on the same date the longer one (a copy is trimmed).
    rank: tuple[float, int, int]  # (publication time, -runs, key)
    values: np.ndarray  # PERMUTATIONS minimum hash values
    size: int  # distinct five-word runs


def runs(text: str) -> np.ndarray:
    """The article's distinct five-word run hashes (32-bit), those of `newsfuse.cluster.copies.sketch`."""
    hashes = run_hashes(text)
    return np.fromiter(hashes, dtype=np.uint64, count=len(hashes))


def signature(key: int, published_time: float | None, text: str) -> Signature:
    hashes = runs(text)
    rank = (published_time if published_time is not None else float("inf"), -len(hashes), key)
    if not len(hashes):
        return Signature(key, rank, _EMPTY, 0)
    # Universal hashing (a x + b) mod p per permutation; uint64 wraps, which keeps it deterministic.
    permuted = ((np.outer(hashes, _A) + _B) % np.uint64(_PRIME)) & _MASK
    return Signature(key, rank, permuted.min(axis=0), len(hashes))


def band_keys(item: Signature) -> list[int]:
    """One key per band (band number mixed in), for grouping candidates."""
    if not item.size:
        return []
    rows = item.values.reshape(BANDS, ROWS)
    return [zlib.crc32(rows[band].tobytes(), band) | (band << 32) for band in range(BANDS)]


def bucket_pairs(ranks: Iterable[tuple[float, int, int]]) -> Iterator[tuple[int, int]]:
    """Candidate pairs (earlier key, later key) of one band bucket, given its members' ranks (whose last
    item is the key), at most linear in the bucket's size."""
    ordered = sorted(ranks)
    for index, item in enumerate(ordered):
        peers = range(index) if index <= 2 * MAX_BUCKET_PEERS else [
            *range(MAX_BUCKET_PEERS), *range(index - MAX_BUCKET_PEERS, index)]
        for other in peers:
            yield ordered[other][-1], item[-1]


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller article's runs found in the other."""
    if not a.size or not b.size:
        return 0.0
    jaccard = float(np.mean(a.values == b.values))
    shared = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return min(1.0, shared / min(a.size, b.size))


def check_pair(a: Signature, b: Signature, threshold: float = COPY_CONTAINMENT) -> tuple[int, int, float] | None:
    """(copy, original, containment) when the pair passes the copy test; the earlier article is the original."""
    score = containment(a, b)
    if score < threshold:
        return None
    original, copy = (a, b) if a.rank <= b.rank else (b, a)
    return copy.key, original.key, round(score, 4)


def resolve_originals(edges: Iterable[tuple[int, int, float]]) -> dict[int, tuple[int, float]]:
    """copy -> (original, containment): the original it holds most of (lowest key on ties), followed
    through copies of copies, so every copy points at an article that is no copy."""
    best: dict[int, tuple[int, float]] = {}
    for copy, original, score in sorted(edges, key=lambda edge: (edge[0], -edge[2], edge[1])):
        if copy not in best:
            best[copy] = (original, score)
    resolved: dict[int, tuple[int, float]] = {}
    for copy, (original, score) in best.items():
        seen = {copy}
        while original in best and original not in seen:  # an original is always earlier: no cycles
            seen.add(original)
            original = best[original][0]
        resolved[copy] = (original, score)
    return resolved
