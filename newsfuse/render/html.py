"""HTML: the brief as one self-contained page. Every citation opens the exact words each source says.

The page needs no server and no network: styles are inline, and the evidence excerpts (the cited span
with some context, the span highlighted) are written into the page, so it can be saved or mailed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsfuse.model import Brief, Evidence
from newsfuse.render.numbering import sentence_dates, source_line, source_numbers
from newsfuse.render.sections import analysis_sections

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


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("newsfuse.render", "templates"),
                              autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    return environment.get_template("brief.html")


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


def render_html(brief: Brief) -> str:
    numbers = source_numbers(brief)
    sentences = [
        {"text": s.text, "cites": sorted(numbers[i] for i in s.sources), "date": day,
         "excerpts": [excerpt(brief, e, numbers) for e in s.evidence]}
        for s, day in zip(brief.summary, sentence_dates(brief), strict=True)
    ]
    sources = [{"number": numbers[doc.id], "id": doc.id, "line": source_line(brief, doc.id, numbers).split(": ", 1)[1],
                "url": doc.article.url, "copy": bool(doc.duplicate_of)} for doc in brief.documents]
    originals = sum(1 for doc in brief.documents if not doc.duplicate_of)
    return _template().render(title=brief.title, sentences=sentences, sources=sources,
                              articles=len(brief.documents), originals=originals,
                              sections=analysis_sections(brief, numbers), problems=[str(p) for p in brief.problems])
