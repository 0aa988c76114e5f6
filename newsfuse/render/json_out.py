"""The JSON form of a brief (schema in docs/json-schema.md). Every other renderer reads this dict."""

from __future__ import annotations

import json

from newsfuse.model import Brief, Document, Evidence
from newsfuse.render.numbering import origin_dates

SCHEMA_VERSION = 1


def _evidence(item: Evidence) -> dict:
    return {"source": item.doc_id, "start": item.start, "end": item.end, "score": item.score}


def source_entry(doc: Document) -> dict:
    article = doc.article
    return {
        "id": doc.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "path": article.path,
        "published": article.published,
        "byline": article.byline,
        "words": doc.words,
        "language": doc.language,
        "kind": doc.kind,
        "duplicate_of": doc.duplicate_of,
        "copy_similarity": doc.copy_similarity,
    }


def brief_to_dict(brief: Brief) -> dict:
    copies = {doc.id: doc.duplicate_of for doc in brief.documents if doc.duplicate_of}
    summary = []
    for sentence, day in zip(brief.summary, origin_dates(brief), strict=True):
        summary.append({
            "text": sentence.text,
            "date": day.isoformat() if day else None,
            "sources": sentence.sources,
            "independent_sources": sentence.independent_sources,
            "copies": sorted(copy for copy, original in copies.items() if original in sentence.sources),
            "origin": _evidence(sentence.origin),
            "spans": [[piece.start, piece.end] for piece in sentence.pieces],
            "evidence": [_evidence(item) for item in sentence.evidence],
        })
    result = {
        "schema": SCHEMA_VERSION,
        "title": brief.title,
        "words": brief.words,
        "summary": summary,
        "sources": [source_entry(doc) for doc in brief.documents],
        "problems": [{"input": p.input, "reason": p.reason, "fatal": p.fatal} for p in brief.problems],
    }
    if brief.analysis is not None:
        result["analysis"] = brief.analysis
    return result


def render_json(brief: Brief) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
