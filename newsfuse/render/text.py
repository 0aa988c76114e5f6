"""Plain text for a terminal: the brief with numbered citations, then the numbered sources."""

from __future__ import annotations

import textwrap

from newsfuse.model import Brief
from newsfuse.render.numbering import cite, sentence_dates, source_line, source_numbers
from newsfuse.render.sections import analysis_sections

WIDTH = 100


def render_text(brief: Brief) -> str:
    numbers = source_numbers(brief)
    originals = sum(1 for doc in brief.documents if not doc.duplicate_of)
    lines = [brief.title, "=" * min(len(brief.title), WIDTH)]
    lines.append(f"{len(brief.documents)} articles, {originals} independent sources")
    lines.append("")
    for sentence, day in zip(brief.summary, sentence_dates(brief), strict=True):
        dated = f"{day}: " if day else ""
        lines.append(textwrap.fill(f"{dated}{sentence.text} {cite(sentence.sources, numbers)}", WIDTH))
    lines += ["", "Sources"]
    for doc in brief.documents:
        lines.append(textwrap.fill(source_line(brief, doc.id, numbers), WIDTH, subsequent_indent="    "))
    for heading, rows in analysis_sections(brief, numbers):
        lines += ["", heading]
        lines += [textwrap.fill(row, WIDTH, initial_indent="- ", subsequent_indent="  ") for row in rows]
    return "\n".join(lines) + "\n"
