"""Sentences a commentary pasted from a report: they repeat the report, they do not corroborate it.

Opinion pieces and blogs often paste paragraphs of wire copy between their own lines. Whole-document
copies are folded by `newsfuse.dedupe`; a pasted paragraph is not, so without this step a commentary
would count as a second source for every background sentence it pasted and push that background into
the brief. A commentary sentence is pasted when a large share of its runs of three content words
(shingles) appear in one sentence of a report; two outlets paraphrasing one fact rarely share even one
such run, since a single changed word breaks three shingles. An inverted index over the reports'
shingles finds the candidates without comparing all pairs of sentences. Only commentary is checked: two
reports sharing a wire paragraph are still two outlets choosing to print it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from newsfuse.story.units import Unit

# Share of the shorter sentence's shingles found in one report sentence that marks a paste. Measured on
# TAC 2011 English, 95% of sentences share under 40% with any sentence of another outlet (76% under 10%);
# pasted copy edited for house style ("favor"/"favour", a dropped clause) keeps 80-100%.
PASTED_SHARE = 0.4
# Sentences with fewer shingles than this are too short to tell a paste from a common phrase.
MIN_SHINGLES = 4

Shingle = tuple[str, str, str]


def shingles(unit: Unit) -> set[Shingle]:
    terms = unit.terms
    return {(terms[i], terms[i + 1], terms[i + 2]) for i in range(len(terms) - 2)}


def drop_pasted(units_by_doc: dict[str, list[Unit]], commentary: frozenset[str]) -> dict[str, list[Unit]]:
    """The units of every source, without the commentary sentences pasted from a report."""
    if not commentary or not set(units_by_doc) - commentary:
        return units_by_doc
    postings: dict[Shingle, list[int]] = defaultdict(list)
    sizes: list[int] = []
    for doc_id, units in units_by_doc.items():
        if doc_id in commentary:
            continue
        for unit in units:
            own = shingles(unit)
            for shingle in own:
                postings[shingle].append(len(sizes))
            sizes.append(len(own))
    kept = {}
    for doc_id, units in units_by_doc.items():
        if doc_id not in commentary:
            kept[doc_id] = units
            continue
        kept[doc_id] = [unit for unit in units if not _pasted(shingles(unit), postings, sizes)]
    return kept


def _pasted(own: set[Shingle], postings: dict[Shingle, list[int]], sizes: list[int]) -> bool:
    if len(own) < MIN_SHINGLES:
        return False
    shared: Counter = Counter()
    for shingle in own:
        shared.update(postings.get(shingle, ()))
    return any(count >= PASTED_SHARE * min(len(own), sizes[other]) for other, count in shared.items())
