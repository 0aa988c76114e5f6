"""Corroboration of each summary sentence: independent sources, copies, the quotes it carries, and the
disagreements it takes a side in (a figure or a day other sources give otherwise)."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.analyse.conflicts import Conflict
from newsfuse.analyse.quotes import Quote
from newsfuse.model import Evidence, SummarySentence
from newsfuse.story import Story


def summary_corroboration(summary: list[SummarySentence], story: Story, quotes: list[Quote],
                          conflicts: Sequence[Conflict] = ()) -> list[dict]:
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
            "disputed": disputed(sentence.origin, conflicts),
        })
    return rows


def disputed(origin: Evidence, conflicts: Sequence[Conflict]) -> list[dict]:
    """The conflicts one of whose values a sentence states (its `origin` is among that value's sentences), with
    the values other sources give: a reader of "38 cargo ships" should know that one outlet counted 46."""
    found = []
    for conflict in conflicts:
        for told in conflict.values:
            if any(s["source"] == origin.doc_id and s["start"] < origin.end and origin.start < s["end"]
                   for s in told.get("sentences", ())):
                others = [{"value": v["value"], "sources": v["sources"]} for v in conflict.values if v is not told]
                found.append({"conflict": conflict.id, "thing": conflict.thing, "value": told["value"],
                              "others": others})
                break
    return found
