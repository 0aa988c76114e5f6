"""Concepts: the facts a cluster repeats, approximated by word bigrams.

A bigram reported by several independent sources is a fact those sources agree matters; this is the
concept-coverage model of Gillick and Favre (2009), whose weight is the number of documents that carry
the concept. Bigrams are stemmed word pairs, keeping function words next to content words ("of
Syria", "the withdrawal") but dropping pairs of two function words ("of the"): on TAC 2011 English this
scored R-2 +1.6 over content-word-only bigrams. News puts the key facts first, so a concept also earns
weight from appearing in a document's lead.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING

from newsfuse.segment.tokens import content_terms, content_terms_of_words, stem, stop_words, words

if TYPE_CHECKING:
    from newsfuse.story.units import Unit

Concept = tuple[str, str]

# A concept counts as early in a document when it appears in its first sentences (the news lead).
LEAD_SENTENCES = 3
# Extra weight for a concept in a document's lead, relative to the 1 it earns for being in the document
# (a sweep of 0-1 moved TAC R-2 by under 0.3: the lead is mostly rewarded in selection, see select.py).
LEAD_BONUS = 0.5


def concept_bigrams(text: str, language: str) -> frozenset[Concept]:
    tokens = [word.lower() for word in words(text)]
    return _bigrams(tokens, [stem(token, language) for token in tokens], language)


def terms_and_bigrams(text: str, language: str) -> tuple[list[str], frozenset[Concept]]:
    """`content_terms(text, language)` and `concept_bigrams(text, language)`, from one reading of the words and
    one stem per word: a sentence unit needs both. The words of the lower-cased text are the lower-cased words
    of the text (checked over every code point), except where lower case depends on more than the letter:
    "İ" becomes two characters and "Σ" depends on the letters around it. A text with one is read twice."""
    if "İ" in text or "Σ" in text:
        return content_terms(text, language), concept_bigrams(text, language)
    tokens = [word.lower() for word in words(text)]
    stems = [stem(token, language) for token in tokens]
    return content_terms_of_words(tokens, stems, language), _bigrams(tokens, stems, language)


def _bigrams(tokens: list[str], stems: list[str], language: str) -> frozenset[Concept]:
    """Pairs of consecutive stems, but for pairs of two function words. `tokens`: the words, lower-cased."""
    stops = stop_words(language)
    return frozenset(
        (stems[i], stems[i + 1])
        for i, (a, b) in enumerate(pairwise(tokens))
        if not (a in stops and b in stops)
    )


def min_document_frequency(n_sources: int) -> int:
    """Concepts must be shared: by two sources in small clusters, by a fifth of them in large ones.

    One source alone says nothing about what matters; on TAC 2011 (10 sources) a floor of 3 lost
    R-2 2 points against 2, so the share grows slowly.
    """
    if n_sources <= 1:
        return 1
    return max(2, round(0.2 * n_sources))


def concept_weights(units_by_doc: Iterable[list[Unit]],
                    headlines: Iterable[frozenset[Concept]] | None = None) -> dict[Concept, float]:
    """Weight of every concept: one per source that carries it, plus a bonus if it is in that source's lead.

    `headlines` gives each source's headline bigrams, in the order of `units_by_doc`: a headline is the
    most condensed statement of what its writer judged mattered (Edmundson's title method, 1969), so it
    counts as part of the source's lead. On TAC 2011 English this added R-2 +0.4 at 250 words, +0.5 at 200.
    """
    weights: dict[Concept, float] = defaultdict(float)
    frequency: Counter[Concept] = Counter()
    n_sources = 0
    headline_list = list(headlines) if headlines is not None else []
    for position, units in enumerate(units_by_doc):
        n_sources += 1
        # A concept counts once per source, at its best: in the headline or lead, else in the body.
        early: set[Concept] = set(headline_list[position]) if position < len(headline_list) else set()
        later: set[Concept] = set()
        for unit in units:
            (early if unit.sentence.index < LEAD_SENTENCES else later).update(unit.bigrams)
        later -= early
        for concept in early:
            weights[concept] += 1.0 + LEAD_BONUS
        for concept in later:
            weights[concept] += 1.0
        frequency.update(early | later)
    floor = min_document_frequency(n_sources)
    return {concept: weight for concept, weight in weights.items() if frequency[concept] >= floor}
