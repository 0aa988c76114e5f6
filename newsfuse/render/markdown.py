"""Markdown: the brief as a document to paste or publish."""

from __future__ import annotations

from newsfuse.model import Brief
from newsfuse.render.numbering import cite, sentence_dates, source_line, source_numbers
from newsfuse.render.sections import analysis_sections


def render_markdown(brief: Brief) -> str:
    numbers = source_numbers(brief)
    originals = sum(1 for doc in brief.documents if not doc.duplicate_of)
    lines = [f"# {brief.title}", "", f"*{len(brief.documents)} articles, {originals} independent sources*", ""]
    for sentence, day in zip(brief.summary, sentence_dates(brief), strict=True):
        dated = f"**{day}** " if day else ""
        lines.append(f"- {dated}{sentence.text} {cite(sentence.sources, numbers)}")
    lines += ["", "## Sources", ""]
    for doc in brief.documents:
        lines.append(f"{numbers[doc.id]}. " + source_line(brief, doc.id, numbers).split(" ", 1)[1])
    for heading, rows in analysis_sections(brief, numbers):
        lines += ["", f"## {heading}", ""] + [f"- {row}" for row in rows]
    return "\n".join(lines) + "\n"
