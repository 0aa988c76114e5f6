"""Copies by shingle containment.

A copy, trimmed or lightly edited, keeps most of its original's five-word runs; two outlets that
merely report the same event share few of them. Containment (shared runs over the smaller document's
runs) rather than Jaccard, because a trimmed copy holds only part of its original.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from newsfuse.model import Document

SHINGLE_WORDS = 5
# Share of the smaller document's five-word runs found in the larger one. Independent reports of one
# event measured here share 2-15% (wire quotes and stock phrases); a trimmed or edited copy 60-100%.
# Half sits far from both.
COPY_CONTAINMENT = 0.5
# A run in more documents than this is a stock phrase, not copying.
STOCK_PHRASE_DOCUMENTS = 50
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of the text's runs of `size` consecutive words (case and punctuation folded)."""
    tokens = _WORD.findall(text.lower())
    if len(tokens) < size:
        return {hash(tuple(tokens))} if tokens else set()
    # Each run as a tuple of its words: the runs' first words, their second words, ..., zipped.
    starts = len(tokens) - size + 1
    return set(map(hash, zip(*(tokens[i : i + starts] for i in range(size)), strict=True)))


def mark_copies(documents: list[Document], threshold: float = COPY_CONTAINMENT) -> None:
    """Set `duplicate_of` on each copy: the smaller document of a pair is the copy of the larger one."""
    sets = {doc.id: shingles(doc.body_text()) for doc in documents}
    shared = _shared_counts(sets)
    order = {doc.id: index for index, doc in enumerate(documents)}
    pairs = []
    for (a, b), count in shared.items():
        smaller, larger = sorted((a, b), key=lambda d: (len(sets[d]), -order[d]))
        containment = count / max(len(sets[smaller]), 1)
        if containment >= threshold:
            pairs.append((containment, smaller, larger))
    by_id = {doc.id: doc for doc in documents}
    for containment, copy, original in sorted(pairs, reverse=True):
        while by_id[original].duplicate_of:  # point at the first original, never at another copy
            original = by_id[original].duplicate_of
        if copy == original or by_id[copy].duplicate_of:
            continue
        by_id[copy].duplicate_of = original
        by_id[copy].copy_similarity = round(containment, 3)
        for doc in documents:  # documents that copied the copy now copy the original
            if doc.duplicate_of == copy:
                doc.duplicate_of = original


def _shared_counts(sets: dict[str, set[int]]) -> dict[tuple[str, str], int]:
    """Shared shingles per pair (pairs sharing none left out), through an inverted index: cost follows shared
    runs, not all pairs. A few documents (a story's handful) are compared pair by pair, by set intersection:
    no run can be in more of them than STOCK_PHRASE_DOCUMENTS."""
    if len(sets) <= STOCK_PHRASE_DOCUMENTS:
        pairs = ((a, b, len(sets[a] & sets[b])) for a, b in combinations(sorted(sets), 2))
        return {(a, b): shared for a, b, shared in pairs if shared}
    postings: dict[int, list[str]] = defaultdict(list)
    for doc_id, values in sets.items():
        for value in values:
            postings[value].append(doc_id)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for holders in postings.values():
        if 1 < len(holders) <= STOCK_PHRASE_DOCUMENTS:
            for pair in combinations(sorted(holders), 2):
                counts[pair] += 1
    return counts
