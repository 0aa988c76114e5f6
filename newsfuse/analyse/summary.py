"""Corroboration of each summary sentence: independent sources, copies, and the quotes it carries."""

from __future__ import annotations

from newsfuse.analyse.quotes import Quote
from newsfuse.model import Brief


def summary_corroboration(brief: Brief, quotes: list[Quote]) -> list[dict]:
    copies: dict[str, list[str]] = {}
    for doc in brief.documents:
        if doc.duplicate_of:
            copies.setdefault(doc.duplicate_of, []).append(doc.id)
    rows = []
    for index, sentence in enumerate(brief.summary):
        origin = sentence.origin
        carried = [
            {"quote": q.id, "speaker": q.speaker, "role": q.role}
            for q in quotes
            if any(i.source == origin.doc_id and i.start < origin.end and origin.start < i.end for i in q.instances)
        ]
        rows.append({
            "index": index, "text": sentence.text, "sources": sentence.sources,
            "independent_sources": sentence.independent_sources,
            "copies": sorted(c for s in sentence.sources for c in copies.get(s, [])),
            "quotes": carried,
        })
    return rows
