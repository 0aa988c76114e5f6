"""Plain text for a terminal: the brief with numbered citations, then the numbered sources.

Control sequences from the input (escapes that clear the screen, retitle the window or plant a hidden
link) are removed, so what the terminal shows is what the sources wrote."""

from __future__ import annotations

import textwrap

from newsfuse.display import one_line, printable
from newsfuse.model import Brief
from newsfuse.render.numbering import HEADLINE_MARK, cite, disputed_notes, sentence_dates, source_line, source_numbers
from newsfuse.render.sections import analysis_sections, empty_summary_note, mixed_stories_note

WIDTH = 100


def render_text(brief: Brief) -> str:
    numbers = source_numbers(brief)
    originals = sum(1 for doc in brief.documents if not doc.duplicate_of)
    title = one_line(brief.title)
    lines = [title, "=" * min(len(title), WIDTH)]
    lines.append(f"{len(brief.documents)} articles, {originals} independent sources")
    mixed = mixed_stories_note(brief, numbers)
    if mixed:
        lines.append(textwrap.fill(f"Warning: {mixed}", WIDTH))
    lines.append("")
    disputed_of = disputed_notes(brief, numbers, quote=printable)
    for sentence, day, disputed in zip(brief.summary, sentence_dates(brief), disputed_of, strict=True):
        dated = f"{day}: " if day else ""
        marked = printable(sentence.text) + HEADLINE_MARK * sentence.headline
        note = f" {disputed}" if disputed else ""
        lines.append(textwrap.fill(f"{dated}{marked} {cite(sentence.sources, numbers)}{note}", WIDTH))
    note = empty_summary_note(brief)
    if note:
        lines.append(textwrap.fill(note, WIDTH))
    lines += ["", "Sources"]
    for doc in brief.documents:
        lines.append(textwrap.fill(source_line(brief, doc.id, numbers, quote=printable), WIDTH,
                                   subsequent_indent="    "))
    # Each field from the input is cleaned alone: a sequence begun in one field must not swallow the next.
    for heading, rows in analysis_sections(brief, numbers, quote=printable):
        lines += ["", heading]
        lines += [textwrap.fill(row, WIDTH, initial_indent="- ", subsequent_indent="  ") for row in rows]
    return "\n".join(lines) + "\n"
