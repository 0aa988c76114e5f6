"""Corroboration of each summary sentence: independent sources, copies, and the quotes it carries."""

from __future__ import annotations

from newsfuse.analyse.quotes import Quote
from newsfuse.model import SummarySentence
from newsfuse.story import Story


def summary_corroboration(summary: list[SummarySentence], story: Story, quotes: list[Quote]) -> list[dict]:
    rows = []
    for index, sentence in enumerate(summary):
        origin = sentence.origin
        carried = [
            {"quote": q.id, "speaker": q.speaker, "role": q.role}
            for q in quotes
            if any(i.source == origin.doc_id and i.start < origin.end and origin.start < i.end for i in q.instances)
        ]
        rows.append({
            "index": index, "text": sentence.text, "sources": sentence.sources,
            "independent_sources": sentence.independent_sources,
            "copies": sorted(c for s in sentence.sources for c in story.copies_of(s)),
            "quotes": carried,
        })
    return rows
