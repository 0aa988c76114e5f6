"""Analyse: cross-examine the sources of a story.

`analyse(brief)` returns the JSON-ready analysis section of a brief (schema in docs/json-schema.md,
method in docs/analysis.md): corroboration of each summary sentence, key and single-source claims,
conflicting figures, attributed quotes, merged entities, a dated timeline and source profiles. Every
item carries provenance: source ids and character spans in `Article.text`. spaCy is imported here,
lazily, so a brief without analysis never pays for it.
"""

from __future__ import annotations

from newsfuse.model import Brief

ANALYSIS_VERSION = 1


def analyse(brief: Brief) -> dict:
    from newsfuse.analyse.claims import find_claims
    from newsfuse.analyse.conflicts import find_conflicts
    from newsfuse.analyse.date_conflicts import find_date_conflicts
    from newsfuse.analyse.entities import find_entities
    from newsfuse.analyse.name_conflicts import find_name_conflicts
    from newsfuse.analyse.nlp import parse
    from newsfuse.analyse.profiles import source_profiles
    from newsfuse.analyse.quotes import find_quotes
    from newsfuse.analyse.summary import summary_corroboration
    from newsfuse.analyse.timeline import build_timeline

    originals = {doc.id: doc.duplicate_of or doc.id for doc in brief.documents}
    parsed = parse(brief.documents)
    entities = find_entities(parsed, originals)
    quotes = find_quotes(parsed, entities, originals)
    timeline = build_timeline(brief, parsed, originals)
    conflicts = (find_conflicts(parsed, originals) + find_date_conflicts(parsed, timeline, originals)
                 + find_name_conflicts(quotes, entities, originals))
    for number, conflict in enumerate(conflicts, 1):
        conflict.id = f"C{number}"
    claims = find_claims(brief)
    return {
        "version": ANALYSIS_VERSION,
        "notes": parsed.notes,
        "summary": summary_corroboration(brief, quotes),
        "claims": [c.to_dict() for c in claims.key_facts + claims.only_in],
        "conflicts": [c.to_dict() for c in conflicts],
        "quotes": [q.to_dict() for q in quotes],
        "entities": [e.to_dict() for e in entities.entities],
        "timeline": {
            "references": {doc_id: {"date": ref.date.isoformat() if ref.date else None, "basis": ref.basis,
                                    "inferred": ref.inferred}
                           for doc_id, ref in timeline.references.items()},
            "events": [e.to_dict() for e in timeline.events],
        },
        "sources": source_profiles(brief, claims, quotes, entities.entities),
    }
