"""Plain data classes passed between pipeline stages.

One `Document` flows through the pipeline (ingest -> clean -> segment -> dedupe -> summarise ->
analyse), each stage filling in its own fields. Every character offset refers to `Article.text`: the
text as read from the input (for HTML, the text extracted from the page), so anything newsfuse shows
can be traced back to a source and a character span in it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from newsfuse.display import json_safe

if TYPE_CHECKING:
    from newsfuse.analyse import Analysis


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in one article's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


# What a kept body block is. Only "prose" is running text that sentences are taken from; a list item, a
# table row or a heading is the article's text (kept, shown, in its spans) but not a summary sentence.
BLOCK_KINDS = ("prose", "list", "table", "heading", "post")  # post: an embedded social-media post and its signature


@dataclass(frozen=True)
class Block(Span):
    """A body paragraph kept by the cleaner: its span and what kind of text it is (one of BLOCK_KINDS)."""

    kind: str = "prose"

    @property
    def is_prose(self) -> bool:
        return self.kind == "prose"


@dataclass
class Article:
    """One input article, as read, before any processing."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    # When the input gives one: canonical ISO 8601 from the moment it is read (newsfuse.ingest.dates), a day
    # ("2026-03-02") or an aware datetime ("2026-03-02T16:30:00+00:00").
    published: str | None = None
    byline: str | None = None
    path: str | None = None  # where it was read from ("-" for standard input)
    format: str = "text"  # text | html | markdown | json | multinews | feed

    @property
    def published_day(self) -> date | None:
        """The calendar day it was published, where known."""
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:  # a value stored before dates were read at input
            return None


@dataclass(frozen=True)
class Furniture:
    """A span the cleaner removed, and why."""

    span: Span
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body, located by its span in `Article.text`."""

    doc_id: str
    index: int  # position among the document's body sentences
    paragraph: int  # index of the body block it belongs to
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Document:
    """An article plus everything the pipeline learned about it."""

    article: Article
    language: str = "en"
    title_span: Span | None = None  # the headline inside the text, when the text carries one
    blocks: list[Block] = field(default_factory=list)  # body paragraphs kept by the cleaner
    furniture: list[Furniture] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    duplicate_of: str | None = None  # id of the document this one copies
    copy_similarity: float | None = None  # containment of this copy in its original
    kind: str = "report"  # report | opinion | blog (see newsfuse.story.kind)
    kind_reasons: list[str] = field(default_factory=list)
    # Blocks (indices) of a roundup page that tell other stories than the brief's (newsfuse.story.roundup):
    # their sentences are not among `sentences`, and no stage reads them.
    other_stories: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        """The source entry of a brief's JSON form."""
        article = self.article
        return {
            "id": self.id,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "path": article.path,
            "published": article.published,
            "byline": article.byline,
            "words": self.words,
            "language": self.language,
            "kind": self.kind,
            "duplicate_of": self.duplicate_of,
            "copy_similarity": self.copy_similarity,
            "other_stories": [[self.blocks[i].start, self.blocks[i].end] for i in self.other_stories],
        }

    def body_text(self) -> str:
        return "\n\n".join(self.article.text[b.start : b.end] for i, b in enumerate(self.blocks)
                           if i not in self.other_stories)


@dataclass(frozen=True)
class Problem:
    """An input that could not be used, or was used with a caveat. Reported, never raised."""

    input: str
    reason: str
    fatal: bool = True  # False: the article was used, but the user should know (e.g. re-encoded)

    def __str__(self) -> str:
        level = "skipped" if self.fatal else "warning"
        return f"{self.input}: {level}: {self.reason}"


@dataclass(frozen=True)
class Evidence:
    """Where one source says something: a span of one document."""

    doc_id: str
    start: int
    end: int
    score: float = 1.0  # how closely it matches (1.0 for the sentence's own origin)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.doc_id, "start": self.start, "end": self.end, "score": self.score}


@dataclass
class SummarySentence:
    """A sentence of the brief with every source that supports it."""

    text: str
    origin: Evidence  # the sentence it was taken from
    pieces: list[Span] = field(default_factory=list)  # spans of origin kept after compression
    evidence: list[Evidence] = field(default_factory=list)  # origin first, then other supporters
    sources: list[str] = field(default_factory=list)  # distinct supporting sources, copies collapsed
    day: date | None = None  # the publication day of the article it was taken from, where known
    # The origin is a source's headline, not a body sentence: printed only when no source of the story holds
    # a complete sentence to print (feed items cut off mid-sentence, headline-only records).
    headline: bool = False

    @property
    def independent_sources(self) -> int:
        return len(self.sources)


@dataclass
class Brief:
    """The product: one cited summary of a set of articles about one story.

    `to_dict()` / `to_json()` give the JSON form (`newsfuse brief --format json`, schema in
    docs/json-schema.md); every renderer reads that form.
    """

    title: str
    summary: list[SummarySentence]
    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)
    words: int = 200
    analysis: Analysis | None = None  # filled by newsfuse.analyse when run
    # The documents' ids grouped by the story they tell, largest group first: one group when the sources
    # tell one story, more when they seem to tell several (`cluster.mixed`); empty when not checked.
    stories: list[list[str]] = field(default_factory=list)

    @property
    def sources(self) -> list[Document]:
        """Every article the brief read, in input order; copies say which original they copy."""
        return self.documents

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def to_dict(self) -> dict[str, Any]:
        copies = {doc.id: doc.duplicate_of for doc in self.documents if doc.duplicate_of}
        result = {
            "schema": JSON_SCHEMA_VERSION,
            "title": self.title,
            "words": self.words,
            "summary": [{
                "text": sentence.text,
                "date": sentence.day.isoformat() if sentence.day else None,
                "sources": sentence.sources,
                "independent_sources": sentence.independent_sources,
                "copies": sorted(copy for copy, original in copies.items() if original in sentence.sources),
                "origin": sentence.origin.to_dict(),
                "spans": [[piece.start, piece.end] for piece in sentence.pieces],
                "evidence": [item.to_dict() for item in sentence.evidence],
                "headline": sentence.headline,
            } for sentence in self.summary],
            "sources": [doc.to_dict() for doc in self.documents],
            "problems": [{"input": p.input, "reason": p.reason, "fatal": p.fatal} for p in self.problems],
            "stories": self.stories,
        }
        if self.analysis is not None:
            result["analysis"] = self.analysis.to_dict()
        return result

    def to_json(self) -> str:
        """Exactly what `newsfuse brief --format json` prints: valid UTF-8 whatever the file names were,
        and inert on a terminal (control characters from the inputs escaped)."""
        return json_safe(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n")


JSON_SCHEMA_VERSION = 1
