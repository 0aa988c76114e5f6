"""Citation numbers for people: every source gets [n] in input order; copies cite as their original."""

from __future__ import annotations

from collections.abc import Callable

from newsfuse.model import Brief
from newsfuse.story.background import told_over_days


def source_numbers(brief: Brief) -> dict[str, int]:
    return {doc.id: number for number, doc in enumerate(brief.documents, 1)}


# After a summary sentence that is a source's headline (`SummarySentence.headline`), in the text and Markdown briefs.
HEADLINE_MARK = " (headline)"


def cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "[" + ",".join(str(n) for n in sorted(numbers[i] for i in ids if i in numbers)) + "]"


def _same(text: str) -> str:
    return text


def source_line(brief: Brief, doc_id: str, numbers: dict[str, int], quote: Callable[[str], str] = _same,
                where: Callable[[str], str] | None = None) -> str:
    """`[n] id: "title" (outlet, date, words, kind) url`. `quote` escapes what came from the input for the
    output format (Markdown needs it); `where` shows the URL or path (default: quoted like the rest)."""
    doc = brief.document(doc_id)
    parts = [f'"{quote(doc.title)}"' if doc.title else "(untitled)"]
    details = [quote(x) for x in (doc.article.outlet, doc.article.published) if x]
    size = f"{doc.words} words" if doc.words or not doc.title else "headline only"  # a record without its text
    details += [size, quote(doc.kind)] if doc.kind else [size]
    parts.append("(" + ", ".join(details) + ")")
    if doc.duplicate_of:
        share = f", {doc.copy_similarity:.0%} shared" if doc.copy_similarity else ""
        parts.append(f"- copy of [{numbers[doc.duplicate_of]}]{share}: counted as one source")
    if doc.other_stories:
        parts.append(f"- {other_stories_note(len(doc.other_stories))}")
    location = doc.article.url or doc.article.path
    if location:
        parts.append((where or quote)(location))
    return f"[{numbers[doc_id]}] {quote(doc_id)}: " + " ".join(parts)


def other_stories_note(paragraphs: int) -> str:
    """What a reader is told of a roundup page (story/roundup.py)."""
    return (f"a roundup: {paragraphs} {'paragraph' if paragraphs == 1 else 'paragraphs'} about other stories "
            "left out")


def sentence_dates(brief: Brief) -> list[str | None]:
    """Each summary sentence's article date, when the brief tells a story over several days (its sentences
    are then in date order, and "on Tuesday" or "today" in one needs its day); else all None."""
    days = [sentence.day for sentence in brief.summary]
    if not told_over_days(days):
        return [None] * len(days)
    return [day.isoformat() if day else None for day in days]


def disputed_notes(brief: Brief, numbers: dict[str, int], quote: Callable[[str], str] = _same) -> list[str]:
    """Per summary sentence, what other sources give instead of a figure or day it states ("(sources disagree:
    46 [2])"), or "" (the analysis's `summary[].disputed`; none without the analysis). `quote` escapes the
    values, which come from the input, for the output format."""
    rows = brief.analysis.summary if brief.analysis else []  # already its JSON form: no need to serialise all
    return [disagreement_note(rows[index].get("disputed", []) if index < len(rows) else [], numbers, quote)
            for index in range(len(brief.summary))]


def disagreement_note(disputed: list[dict], numbers: dict[str, int], quote: Callable[[str], str] = _same) -> str:
    """"(sources disagree: 46 [2])" for a sentence's or a fact's `disputed` list (the analysis's JSON), or ""."""
    others = [f"{quote(other['value'])} {cite(other['sources'], numbers)}"
              for item in disputed for other in item["others"]]
    return f"(sources disagree: {'; '.join(others)})" if others else ""
