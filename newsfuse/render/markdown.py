"""Markdown: the brief as a document to paste or publish.

Everything that came from the input (titles, sentences, names, URLs) is escaped, so it reads as the
words it is and never as markup: no raw HTML (`<script>`, `<img onerror=...>`), no links or images of
its own, no emphasis, headings or lists. Only http and https URLs become links.
"""

from __future__ import annotations

import re

from newsfuse.display import link_url, printable
from newsfuse.model import Brief
from newsfuse.render.numbering import HEADLINE_MARK, cite, disputed_notes, sentence_dates, source_line, source_numbers
from newsfuse.render.sections import analysis_sections, empty_summary_note, mixed_stories_note

# Characters that start inline markup anywhere in a line (CommonMark, plus GFM's tables and strikethrough).
_ACTIVE = re.compile(r"([\\`*_\[\]<>&|~#])")
# Text that starts a block when it begins a list item's content: a bullet or an ordered-list number.
_LEADING_BULLET = re.compile(r"^([-+])(?=\s|$)")
_LEADING_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def markdown_text(text: str) -> str:
    """`text` as literal Markdown inline text: one line, every active character backslash-escaped."""
    flat = " ".join(printable(text).split())  # a newline could start a block or end the item
    escaped = _ACTIVE.sub(r"\\\1", flat)
    escaped = _LEADING_BULLET.sub(r"\\\1", escaped)
    return _LEADING_NUMBER.sub(r"\1\\\2", escaped)


def markdown_where(location: str) -> str:
    """An http(s) URL as an autolink; anything else (other schemes, file paths) as escaped text."""
    url = link_url(printable(location))
    if url and "<" not in url and ">" not in url:
        return f"<{url}>"
    return markdown_text(location)


def render_markdown(brief: Brief) -> str:
    numbers = source_numbers(brief)
    originals = sum(1 for doc in brief.documents if not doc.duplicate_of)
    lines = [f"# {markdown_text(brief.title)}", "", f"*{len(brief.documents)} articles, {originals} independent "
             "sources*", ""]
    mixed = mixed_stories_note(brief, numbers)
    if mixed:
        lines += [f"**Warning:** {markdown_text(mixed)}", ""]
    disputed_of = disputed_notes(brief, numbers, quote=markdown_text)
    for sentence, day, disputed in zip(brief.summary, sentence_dates(brief), disputed_of, strict=True):
        dated = f"**{day}** " if day else ""
        marked = markdown_text(sentence.text) + HEADLINE_MARK * sentence.headline
        note = f" *{disputed}*" if disputed else ""
        lines.append(f"- {dated}{marked} {cite(sentence.sources, numbers)}{note}")
    note = empty_summary_note(brief)
    if note:
        lines.append(f"*{note}*")
    lines += ["", "## Sources", ""]
    for doc in brief.documents:
        line = source_line(brief, doc.id, numbers, quote=markdown_text, where=markdown_where)
        lines.append(f"{numbers[doc.id]}. " + line.split(" ", 1)[1])
    for heading, rows in analysis_sections(brief, numbers, quote=markdown_text):
        lines += ["", f"## {heading}", ""] + [f"- {row}" for row in rows]
    return "\n".join(lines) + "\n"
