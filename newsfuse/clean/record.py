"""A cleaned article as a record: what `newsfuse clean` prints and the extraction benchmark scores."""

from __future__ import annotations

from typing import Any

from newsfuse.model import Document


def cleaned_record(document: Document) -> dict[str, Any]:
    """The article's metadata, its cleaned body text (paragraphs kept by the cleaner, joined by blank
    lines), each paragraph's span and kind (prose, list, table or heading: only prose and whole-sentence
    list items give summary sentences) and each removed span with its reason, as offsets in the text read."""
    article = document.article
    return {
        "id": article.id,
        "title": article.title,
        "text": document.body_text(),
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "byline": article.byline,
        "language": document.language,
        "paragraphs": [[block.start, block.end] for block in document.blocks],
        "kinds": [block.kind for block in document.blocks],
        "removed": [{"start": f.span.start, "end": f.span.end, "reason": f.reason} for f in document.furniture],
    }
