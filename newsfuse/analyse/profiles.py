"""Source profiles: each source's kind, the signals that decided it, and what only it reports."""

from __future__ import annotations

from newsfuse.analyse.claims import ClaimReport
from newsfuse.analyse.entities import Entity
from newsfuse.analyse.quotes import Quote
from newsfuse.story import Story


def source_profiles(story: Story, claims: ClaimReport | None = None, quotes: list[Quote] = (),
                    entities: list[Entity] = ()) -> list[dict]:
    profiles = []
    for doc in story.documents:
        verdict = story.kinds[doc.id]
        signals = dict(verdict.signals)
        original = doc.duplicate_of or doc.id
        profile = {"id": doc.id, "kind": doc.kind, "reasons": doc.kind_reasons, "signals": signals,
                   "copy_of": doc.duplicate_of}
        if claims is not None and not doc.duplicate_of:
            # Claims no other source makes: a report shares most of its facts; opinion adds its own.
            signals["unsupported_share"] = claims.unsupported_share.get(doc.id, 0.0)
        profile["adds"] = {
            "claims": [c.id for c in (claims.only_in if claims else []) if c.only_in == original],
            "quotes": [q.id for q in quotes if q.sources == [original]],
            "entities": [e.id for e in entities if e.sources == [original] and e.type in ("person", "organisation")],
        }
        profiles.append(profile)
    return profiles
