"""Citation numbers for people: every source gets [n] in input order; copies cite as their original."""

from __future__ import annotations

from datetime import date

from newsfuse.model import Brief
from newsfuse.summarise.background import publication_dates
from newsfuse.summarise.order import told_over_days


def source_numbers(brief: Brief) -> dict[str, int]:
    return {doc.id: number for number, doc in enumerate(brief.documents, 1)}


def cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "[" + ",".join(str(n) for n in sorted(numbers[i] for i in ids if i in numbers)) + "]"


def source_line(brief: Brief, doc_id: str, numbers: dict[str, int]) -> str:
    doc = brief.document(doc_id)
    parts = [f'"{doc.title}"' if doc.title else "(untitled)"]
    details = [x for x in (doc.article.outlet, doc.article.published, f"{doc.words} words", doc.kind) if x]
    parts.append("(" + ", ".join(details) + ")")
    if doc.duplicate_of:
        share = f", {doc.copy_similarity:.0%} shared" if doc.copy_similarity else ""
        parts.append(f"- copy of [{numbers[doc.duplicate_of]}]{share}: counted as one source")
    where = doc.article.url or doc.article.path
    if where:
        parts.append(where)
    return f"[{numbers[doc_id]}] {doc_id}: " + " ".join(parts)


def origin_dates(brief: Brief) -> list[date | None]:
    """The publication date of the article each summary sentence was taken from, where known."""
    published = publication_dates(brief.documents)
    return [published.get(sentence.origin.doc_id) for sentence in brief.summary]


def sentence_dates(brief: Brief) -> list[str | None]:
    """Each summary sentence's article date, when the brief tells a story over several days (its sentences
    are then in date order, and "on Tuesday" or "today" in one needs its day); else all None."""
    days = origin_dates(brief)
    if not told_over_days(days):
        return [None] * len(days)
    return [day.isoformat() if day else None for day in days]
