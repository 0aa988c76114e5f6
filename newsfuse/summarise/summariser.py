"""The multi-document summariser: documents in, cited summary sentences out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsfuse.model import Document, SummarySentence
from newsfuse.summarise.background import is_background, publication_dates, story_date
from newsfuse.summarise.concepts import concept_bigrams, concept_weights
from newsfuse.summarise.order import reading_order
from newsfuse.summarise.pasted import drop_pasted
from newsfuse.summarise.reactions import mark_reactions
from newsfuse.summarise.schedule import add_coming_days, coming_days, reference_dates
from newsfuse.summarise.select import select
from newsfuse.summarise.support import SupportIndex
from newsfuse.summarise.units import Unit, build_units


@dataclass
class Summariser:
    """Concept-coverage summariser over independent sources (copies are folded into their originals).

    `opinion` holds ids of opinion pieces: they may corroborate and support a fact, but their sentences
    are never printed as the summary's own statements.
    """

    words: int = 200

    def summarise(self, documents: list[Document], opinion: frozenset[str] = frozenset(),
                  known: list[Document] = ()) -> list[SummarySentence]:
        """Summary sentences of `documents` in reading order.

        `known`: documents the reader has already seen (an update brief). Their concepts earn nothing and a
        sentence that one of them already states is not chosen, so the summary tells only what is new.
        """
        originals = [doc for doc in documents if not doc.duplicate_of]
        units_by_doc = {doc.id: build_units(doc, opinion=doc.id in opinion) for doc in originals}
        _merge_name_spellings(units_by_doc)
        story = story_date(originals)
        written = reference_dates(originals, story)
        for doc_id, units in units_by_doc.items():
            for unit in units:
                unit.background = is_background(unit.text, story)
            add_coming_days(units, written[doc_id])
        mark_reactions(units_by_doc, originals)
        headlines = [
            concept_bigrams(doc.title, doc.language) | coming_days(doc.title, written[doc.id]) if doc.title
            else frozenset()
            for doc in originals
        ]
        corroborating = drop_pasted(units_by_doc, frozenset(opinion) & set(units_by_doc))
        weights = concept_weights(corroborating.values(), headlines)
        candidates = [unit for units in units_by_doc.values() for unit in units]
        if known:
            candidates = _drop_known(candidates, weights, known, story)
        chosen = select(candidates, weights, self.words)
        if not chosen and not known:
            chosen = _leads(candidates, self.words)
        index = SupportIndex(units_by_doc)
        copies = _copies_of(documents)
        positions = {
            (unit.sentence.doc_id, unit.sentence.start): unit.position
            for units in units_by_doc.values() for unit in units
        }
        pairs = [(unit, self._cite(unit, index, copies, documents)) for unit in chosen]
        return reading_order(pairs, positions, publication_dates(documents))

    def _cite(self, unit: Unit, index: SupportIndex, copies: dict[str, list[str]],
              documents: list[Document]) -> SummarySentence:
        evidence = index.evidence(unit, paraphrases=True)
        sources = []
        for item in evidence:
            if item.doc_id not in sources:
                sources.append(item.doc_id)
        return SummarySentence(text=unit.text, origin=evidence[0], pieces=unit.pieces, evidence=evidence,
                               sources=sources)


def _drop_known(candidates: list[Unit], weights: dict, known: list[Document],
                story: date | None) -> list[Unit]:
    """Zero the weight of concepts already told, and drop sentences a known source already states."""
    known_units = {doc.id: build_units(doc) for doc in known if not doc.duplicate_of}
    written = reference_dates(known, story)
    for doc_id, units in known_units.items():
        add_coming_days(units, written[doc_id])
        for unit in units:
            for concept in unit.bigrams:
                if concept in weights:
                    weights[concept] = 0.0
    index = SupportIndex(known_units)
    fresh = []
    for unit in candidates:
        told = any(e.doc_id != unit.sentence.doc_id for e in index.evidence(unit, include_origin=False))
        if not told:
            fresh.append(unit)
    return fresh


def _merge_name_spellings(units_by_doc: dict[str, list[Unit]]) -> None:
    """Outlets spell names differently (Tartus/Tartous, Hmeimim/Hmeymim): one spelling per name in the
    concepts, so a fact three outlets report with three spellings counts as corroborated by three."""
    from newsfuse.summarise.support import spelling_variants

    canonical = spelling_variants([unit for units in units_by_doc.values() for unit in units])
    if not canonical:
        return
    for units in units_by_doc.values():
        for unit in units:
            unit.bigrams = frozenset((canonical.get(a, a), canonical.get(b, b)) for a, b in unit.bigrams)


def _leads(candidates: list[Unit], budget: int) -> list[Unit]:
    """First sentences of each source in turn: the summary when the sources share no concept at all
    (unrelated articles, or too little text to corroborate anything), so a brief is never empty."""
    chosen: list[Unit] = []
    used = 0
    for unit in sorted((u for u in candidates if u.eligible), key=lambda u: u.sentence.index):
        if used + unit.words <= budget:
            chosen.append(unit)
            used += unit.words
    return chosen


def _copies_of(documents: list[Document]) -> dict[str, list[str]]:
    copies: dict[str, list[str]] = {}
    for doc in documents:
        if doc.duplicate_of:
            copies.setdefault(doc.duplicate_of, []).append(doc.id)
    return copies


def summarise(documents: list[Document], words: int = 200) -> list[SummarySentence]:
    return Summariser(words=words).summarise(documents)
