"""Concepts: the facts a cluster repeats, approximated by content-word bigrams.

A bigram reported by several independent sources is a fact those sources agree matters; this is the
concept-coverage model of Gillick and Favre (2009), whose weight is the number of documents that carry
the concept. News puts the key facts first, so a concept also earns weight from appearing early.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from newsfuse.summarise.units import Unit

# A concept counts as early in a document when it appears in its first sentences (the news lead).
LEAD_SENTENCES = 3
# Extra weight for a concept in a document's lead, relative to the 1 it earns for being in the document.
LEAD_BONUS = 0.5


def min_document_frequency(n_sources: int) -> int:
    """Concepts must be shared by a few sources: two for small clusters, a fifth of them for large ones."""
    if n_sources <= 1:
        return 1
    return max(2, round(0.2 * n_sources))


def concept_weights(units_by_doc: Iterable[list[Unit]]) -> dict[tuple[str, str], float]:
    """Weight of every concept: one per source that carries it, plus a bonus if it is in that source's lead."""
    weights: dict[tuple[str, str], float] = defaultdict(float)
    frequency: dict[tuple[str, str], int] = defaultdict(int)
    n_sources = 0
    for units in units_by_doc:
        n_sources += 1
        best: dict[tuple[str, str], float] = {}
        for unit in units:
            bonus = LEAD_BONUS if unit.sentence.index < LEAD_SENTENCES else 0.0
            for concept in unit.bigrams:
                best[concept] = max(best.get(concept, 0.0), 1.0 + bonus)
        for concept, value in best.items():
            weights[concept] += value
            frequency[concept] += 1
    floor = min_document_frequency(n_sources)
    return {concept: weight for concept, weight in weights.items() if frequency[concept] >= floor}
