"""Key facts and who reports them: the statements several independent sources make, and the ones only
one source makes.

Every body sentence of an independent source is a candidate, read from the story model (`Story.units`,
the units the summary is chosen from). The story's `SupportIndex` finds, in every other source, the span
that states the same fact (most of its rare words, or of its main clause); the facts shown are looked up
again with words standing for others (`paraphrases`), as the summary's sentences are, so a fact the
summary cites to three outlets is never "only in" one.
Candidates are taken best-supported first; a sentence that is itself evidence for a fact already taken
is not taken again, so each fact appears once, stated by the source that was found first. A copy's
matching sentence is kept as evidence, but the copy is not counted as a source. Single-source facts are
kept when they stand on their own and carry a name or a figure.

A fact is stated in the brief's voice, so it is a sentence that could stand in the summary: an opinion
piece's sentences, a rhetorical question or the writer in the first person (`Unit.writer_voice`) never
state a fact, though an opinion piece may still support a fact a report states, and so be cited; and a
sentence that leans on the one before it (`Unit.stands_alone`: "It also said ...", "..., he added.", a
quotation with no speaker) never states one either: another source's telling of the fact may.

In a story of one event, a report's first sentence is never listed as "only in" that report: it tells the
event every source of the story tells (that is why they are one story), in the outlet's own words, which
word matching often cannot pair ("Jobless claims rose for the second straight week, to 778,000" beside
another outlet's "The number of Americans filing for unemployment benefits rose to 778,000"). Read on
allsides-neus and ECB+, such "exclusives" were the story's main event in 15 of 16.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.model import Document, Evidence
from newsfuse.story import Story
from newsfuse.story.units import Unit

# Key facts listed, at most; enough for a reader to scan, as many as a short brief holds.
MAX_KEY_FACTS = 12
# Single-source facts shown per source.
MAX_ONLY_IN = 3
MIN_WORDS = 8
_FACT_SIGNAL = re.compile(r"\d|(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


@dataclass
class Claim:
    id: str
    text: str
    origin: Evidence
    evidence: list[Evidence]
    sources: list[str]
    copies: list[str]
    # The conflicts one of whose values the fact states, with what the other sources give (`summary.disputed`).
    disputed: list[dict] = field(default_factory=list)

    @property
    def only_in(self) -> str | None:
        return self.sources[0] if len(self.sources) == 1 else None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "text": self.text, "sources": self.sources, "independent_sources": len(self.sources),
            "copies": self.copies, "only_in": self.only_in,
            "evidence": [{"source": e.doc_id, "start": e.start, "end": e.end, "score": e.score}
                         for e in self.evidence],
            "disputed": self.disputed,
        }


@dataclass
class ClaimReport:
    key_facts: list[Claim]
    only_in: list[Claim]
    unsupported_share: dict[str, float]  # per source: share of its sentences no other source states


def find_claims(story: Story) -> ClaimReport:
    originals = story.originals
    copies = [doc for doc in story.documents if doc.duplicate_of]
    units_by_doc = story.units
    index = story.index
    supported: list[tuple[Unit, list[Evidence]]] = []
    for units in units_by_doc.values():
        for unit in units:
            if unit.words >= MIN_WORDS:
                supported.append((unit, index.agreeing(unit, index.evidence(unit))))
    unsupported = {
        doc.id: _share([len({e.doc_id for e in ev}) == 1 for u, ev in supported if u.sentence.doc_id == doc.id])
        for doc in originals
    }
    # Best supported first; reports before opinion; earlier in its source first.
    supported.sort(key=lambda item: (-len({e.doc_id for e in item[1]}),
                                     story.kinds[item[0].sentence.doc_id].kind != "report", item[0].position))
    covered: set[tuple[str, int]] = set()
    key_facts: list[Claim] = []
    only_in: list[Claim] = []
    per_source: dict[str, int] = {}
    one_event = story.tells_one_event()
    def key_fact(unit: Unit, sources: list[str]) -> bool:
        # A fact listed on its own line must say who did or said what in its own words ("It also said ...",
        # "..., he added." do not): such a sentence is passed over, not covered, so another source's telling
        # of the fact comes up in its turn.
        return (not unit.writer_voice and unit.stands_alone and len(sources) >= 2
                and len(key_facts) < MAX_KEY_FACTS)

    def single_source_fact(unit: Unit, sources: list[str]) -> bool:
        return (len(sources) == 1 and unit.eligible and bool(_FACT_SIGNAL.search(unit.text))
                and per_source.get(sources[0], 0) < MAX_ONLY_IN)

    def tells_the_event(unit: Unit) -> bool:
        """A report's first sentence in a story of one event: never "only in" it (see above)."""
        return one_event and unit.sentence.index == 0 and story.kinds[unit.sentence.doc_id].kind == "report"

    for unit, evidence in supported:
        origin = (unit.sentence.doc_id, unit.sentence.start)
        if origin in covered:
            continue
        sources = list(dict.fromkeys(e.doc_id for e in evidence))
        if key_fact(unit, sources) or single_source_fact(unit, sources):
            # A fact shown cites what the summary would: outlets telling it in other words too.
            evidence = index.agreeing(unit, index.evidence(unit, paraphrases=True))
            sources = list(dict.fromkeys(e.doc_id for e in evidence))
        if key_fact(unit, sources):
            covered.update((e.doc_id, s.sentence.start) for e in evidence
                           for s in units_by_doc[e.doc_id] if e.start <= s.sentence.start < e.end)
            key_facts.append(_claim(unit, evidence, sources, copies, story))
        elif single_source_fact(unit, sources) and not tells_the_event(unit):
            per_source[sources[0]] = per_source.get(sources[0], 0) + 1
            only_in.append(_claim(unit, evidence, sources, copies, story))
    key_facts.sort(key=lambda claim: -len(claim.sources))  # stable: counts may have grown with paraphrases
    for number, claim in enumerate(key_facts + only_in, 1):
        claim.id = f"F{number}"
    return ClaimReport(key_facts, only_in, unsupported)


def _claim(unit: Unit, evidence: list[Evidence], sources: list[str], copies: list[Document],
           story: Story) -> Claim:
    copy_evidence: list[Evidence] = []
    copy_ids: list[str] = []
    for item in evidence:
        text = story.document(item.doc_id).article.text[item.start : item.end]
        for copy in copies:
            if copy.duplicate_of != item.doc_id:
                continue
            at = copy.article.text.find(text)
            if at >= 0:
                copy_evidence.append(Evidence(copy.id, at, at + len(text), item.score))
                copy_ids.append(copy.id)
    return Claim("", unit.text, evidence[0], evidence + copy_evidence, sorted(sources), sorted(set(copy_ids)))


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 3) if flags else 0.0
