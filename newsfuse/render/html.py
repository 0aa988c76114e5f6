"""HTML: the brief as one self-contained page. Every citation opens the exact words each source says.

The page needs no server and no network: styles are inline, and the evidence excerpts (the cited span
with some context, the span highlighted) are written into the page, so it can be saved or mailed.
Everything from the input is escaped by the template engine, and only http and https URLs become links.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from newsfuse.display import link_url, printable
from newsfuse.model import Brief, Evidence
from newsfuse.render.numbering import disputed_notes, sentence_dates, source_line, source_numbers
from newsfuse.render.sections import analysis_sections, empty_summary_note, mixed_stories_note

CONTEXT_CHARS = 120  # characters shown before and after a cited span


@dataclass(frozen=True)
class Excerpt:
    number: int
    doc_id: str
    before: str
    cited: str
    after: str
    start: int
    end: int


@dataclass(frozen=True)
class SourceRow:
    """One entry of the page's source list (a class, not a dict: a dict's `copy` method would shadow the
    flag in the template)."""

    number: int
    id: str
    line: str
    link: str | None  # an http(s) URL, else None: the id is then shown as plain text
    copy: bool


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    # Every value the page shows is escaped (autoescape) and cleaned of control characters one by one
    # (finalize): HTML does not allow them, and a sequence begun in one field must not reach into the next.
    environment = Environment(loader=PackageLoader("newsfuse.render", "templates"),
                              autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                              finalize=_shown)
    return environment.get_template("brief.html")


def _shown(value: object) -> object:
    # A macro's output (Markup) was built from values already shown through here, one by one; its line
    # breaks would otherwise make it a plain string again, and the page would print its tags as text.
    if isinstance(value, Markup):
        return value
    return printable(value) if isinstance(value, str) else value


def excerpt(brief: Brief, evidence: Evidence, numbers: dict[str, int]) -> Excerpt:
    document = brief.document(evidence.doc_id)
    text = document.article.text
    # Context comes from the paragraphs the span sits in, never from furniture the cleaner removed.
    low = max((b.start for b in document.blocks if b.start <= evidence.start), default=0)
    high = min((b.end for b in document.blocks if b.end >= evidence.end), default=len(text))
    before = text[max(low, evidence.start - CONTEXT_CHARS) : evidence.start]
    after = text[evidence.end : min(high, evidence.end + CONTEXT_CHARS)]
    if evidence.start - CONTEXT_CHARS > low:
        before = "…" + before
    if evidence.end + CONTEXT_CHARS < high:
        after += "…"
    return Excerpt(numbers[evidence.doc_id], evidence.doc_id, before, text[evidence.start : evidence.end], after,
                   evidence.start, evidence.end)


def sentence_rows(brief: Brief, numbers: dict[str, int]) -> list[dict]:
    """The summary's sentences as the page template shows them (the served story page too): text, cited
    source numbers, date, headline mark, what other sources give instead of its figures, and the excerpt of
    each supporting source."""
    return [
        {"text": s.text, "cites": sorted(numbers[i] for i in s.sources), "date": day, "headline": s.headline,
         "disputed": disputed, "excerpts": [excerpt(brief, e, numbers) for e in s.evidence]}
        for s, day, disputed in zip(brief.summary, sentence_dates(brief), disputed_notes(brief, numbers),
                                    strict=True)
    ]


def render_html(brief: Brief) -> str:
    numbers = source_numbers(brief)
    sentences = sentence_rows(brief, numbers)
    sources = [SourceRow(numbers[doc.id], doc.id, source_line(brief, doc.id, numbers).split(": ", 1)[1],
                         link_url(doc.article.url), bool(doc.duplicate_of)) for doc in brief.documents]
    originals = sum(1 for doc in brief.documents if not doc.duplicate_of)
    return _template().render(title=brief.title, sentences=sentences, sources=sources,
                              empty_note=empty_summary_note(brief), mixed_note=mixed_stories_note(brief, numbers),
                              articles=len(brief.documents), originals=originals,
                              sections=analysis_sections(brief, numbers), problems=[str(p) for p in brief.problems])
