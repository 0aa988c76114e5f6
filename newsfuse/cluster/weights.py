"""Online TF-IDF: document frequencies counted as articles arrive, in a fixed-size hashed array.

The array has one counter per hash bucket, so its memory is fixed (4 MB) whatever the length of the
stream; document frequencies are the only state that grows with the stream, and they do not grow.
"""

from __future__ import annotations

import math

import numpy as np

from newsfuse.cluster.features import ENTITY_BIT, HASH_BITS, Terms

# Share of the similarity carried by names, years and numbers (the rest by words). Who, where and when
# tell apart two events of one kind (two rehab stays, two earthquakes) that share all their topic words.
ENTITY_SHARE = 0.7

Vector = dict[int, float]


class DocumentFrequencies:
    entity_share = ENTITY_SHARE

    def __init__(self, counts: np.ndarray | None = None, documents: int = 0) -> None:
        self.counts = counts if counts is not None else np.zeros(1 << HASH_BITS, dtype=np.uint32)
        self.documents = documents

    def add(self, terms: Terms) -> None:
        keys = np.fromiter(terms.counts.keys(), dtype=np.int64, count=len(terms.counts))
        self.counts[keys] += 1
        self.documents += 1

    def weigh(self, terms: Terms) -> Vector:
        """Sublinear tf x smoothed idf, L2-normalised (so a dot product is a cosine)."""
        if not terms.counts:
            return {}
        keys = list(terms.counts)
        df = self.counts[np.fromiter(keys, dtype=np.int64, count=len(keys))].tolist()
        total = self.documents + 1
        weights = {
            key: (1.0 + math.log(tf)) * (math.log(total / (d + 1)) + 1.0)
            for (key, tf), d in zip(terms.counts.items(), df, strict=True)
        }
        return _blend(weights, self.entity_share)


def _blend(weights: dict[int, float], share: float) -> Vector:
    """Normalise words and entities apart, then mix: the dot product of two such vectors is
    (1 - share) x word cosine + share x entity cosine (when both have entities)."""
    words = math.sqrt(sum(w * w for k, w in weights.items() if not k & ENTITY_BIT))
    entities = math.sqrt(sum(w * w for k, w in weights.items() if k & ENTITY_BIT))
    if not entities or not words:
        norm = words or entities or 1.0
        return {key: w / norm for key, w in weights.items()}
    word_scale = math.sqrt(1.0 - share) / words
    entity_scale = math.sqrt(share) / entities
    return {key: w * (entity_scale if key & ENTITY_BIT else word_scale) for key, w in weights.items()}
