"""A background document frequency for every term bucket, from general English word frequencies.

Online IDF knows nothing at the start of a stream or in a small batch: with five articles, a word all
five share ("Varnholm", "dockers") weighs less than a word one of them uses once, and an opinion piece
on the same strike looks unrelated to the reports. The prior adds pseudo-documents whose words follow
general English (`wordfreq`'s English list, shipped with the package): common words get a low IDF from
the first article on, and a word English rarely uses (a place, a person, a technical word) a high one.
As articles arrive their own counts add to the prior's and soon outweigh it where they differ.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from newsfuse.cluster.features import HASH_BITS, bucket
from newsfuse.segment.tokens import stem

# Words of a pseudo-document: a word of frequency f occurs in one with probability 1 - exp(-f x this).
# ECB+ articles average 330 words; clustering reads at most 400 (features.LEAD_WORDS).
PSEUDO_DOCUMENT_WORDS = 250.0


@cache
def document_probability() -> np.ndarray:
    """For each term bucket, the probability that a general English document holds the term."""
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("en", "small")  # the 29,000 commonest words: enough for an IDF
    per_bucket = np.zeros(1 << HASH_BITS, dtype=np.float64)
    for word, frequency in frequencies.items():
        if not word.isalpha():
            continue
        per_bucket[bucket(stem(word, "en"))] += frequency  # the word term
        per_bucket[bucket("@" + word)] += frequency  # the name term, when the word is capitalised
    return (1.0 - np.exp(-PSEUDO_DOCUMENT_WORDS * per_bucket)).astype(np.float32)
