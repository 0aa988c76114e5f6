"""Analyse: cross-examine the sources of a story.

`analyse(brief, story)` returns an `Analysis` (its JSON form is the "analysis" section of a brief,
schema in docs/json-schema.md, method in docs/analysis.md): corroboration of each summary sentence, key
and single-source claims, conflicting figures, attributed quotes, merged entities, a dated timeline and
source profiles. Every item carries provenance: source ids and character spans in `Article.text`. The
stages read the story model (units, support index, reference dates, kinds) and spaCy's parse, which is
imported here lazily, so a brief without analysis never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfuse.analyse.claims import Claim
    from newsfuse.analyse.conflicts import Conflict
    from newsfuse.analyse.entities import Entity
    from newsfuse.analyse.quotes import Quote
    from newsfuse.analyse.timeline import Timeline
    from newsfuse.model import Brief
    from newsfuse.story import Story

ANALYSIS_VERSION = 1


@dataclass
class Analysis:
    """The cross-examination of a brief's sources; `to_dict()` is its JSON form."""

    notes: list[str]
    summary: list[dict[str, Any]]  # per summary sentence: independent sources, copies, quotes it carries
    key_facts: list[Claim]
    only_in: list[Claim]
    conflicts: list[Conflict]
    quotes: list[Quote]
    entities: list[Entity]
    timeline: Timeline
    sources: list[dict[str, Any]] = field(default_factory=list)  # per source: kind, signals, what it adds

    @property
    def claims(self) -> list[Claim]:
        return self.key_facts + self.only_in

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": ANALYSIS_VERSION,
            "notes": self.notes,
            "summary": self.summary,
            "claims": [c.to_dict() for c in self.claims],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "timeline": {
                "references": {doc_id: {"date": ref.date.isoformat() if ref.date else None, "basis": ref.basis,
                                        "inferred": ref.inferred}
                               for doc_id, ref in self.timeline.references.items()},
                "events": [e.to_dict() for e in self.timeline.events],
            },
            "sources": self.sources,
        }


def analyse(brief: Brief, story: Story) -> Analysis:
    from newsfuse.analyse.claims import find_claims
    from newsfuse.analyse.conflicts import find_conflicts
    from newsfuse.analyse.date_conflicts import find_date_conflicts
    from newsfuse.analyse.entities import find_entities
    from newsfuse.analyse.name_conflicts import find_name_conflicts
    from newsfuse.analyse.nlp import parse
    from newsfuse.analyse.profiles import source_profiles
    from newsfuse.analyse.quotes import find_quotes
    from newsfuse.analyse.summary import disputed, summary_corroboration
    from newsfuse.analyse.timeline import build_timeline

    originals = {doc.id: doc.duplicate_of or doc.id for doc in story.documents}
    parsed = parse(list(story.documents))
    entities = find_entities(parsed, originals)
    quotes = find_quotes(parsed, entities, originals)
    figure_conflicts = find_conflicts(parsed, originals)
    timeline = build_timeline(story, parsed, figure_conflicts)
    conflicts = (figure_conflicts + find_date_conflicts(parsed, timeline, originals)
                 + find_name_conflicts(quotes, entities, originals))
    for number, conflict in enumerate(conflicts, 1):
        conflict.id = f"C{number}"
    claims = find_claims(story)
    for claim in claims.key_facts + claims.only_in:
        claim.disputed = disputed(claim.origin, conflicts)
    return Analysis(
        notes=parsed.notes,
        summary=summary_corroboration(brief.summary, story, quotes, conflicts),
        key_facts=claims.key_facts,
        only_in=claims.only_in,
        conflicts=conflicts,
        quotes=quotes,
        entities=entities.entities,
        timeline=timeline,
        sources=source_profiles(story, claims, quotes, entities.entities),
    )
