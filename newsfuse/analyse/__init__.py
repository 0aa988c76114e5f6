"""Analyse: cross-examine the sources of a story (kind of each source, claims, conflicts, quotes, ...).

`analyse(brief)` returns the JSON-ready analysis section of a brief; every item carries provenance
(source ids and character spans in the source text).
"""

from __future__ import annotations

from newsfuse.model import Brief


def analyse(brief: Brief) -> dict:
    from newsfuse.analyse.profiles import source_profiles

    return {"sources": source_profiles(brief)}
