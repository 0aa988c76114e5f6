"""An article as the cleaner sees it: kept paragraphs with their sentences and character spans, the
furniture it removed (and why), and an optional cited span marked."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from newsfuse.model import Article, Document


@dataclass
class Piece:
    text: str
    start: int
    end: int
    marked: bool = False


@dataclass
class Paragraph:
    start: int
    end: int
    kept: bool
    reason: str = ""  # why the cleaner removed it
    pieces: list[Piece] = field(default_factory=list)  # sentences (and the marked span, cut out of them)


def article_paragraphs(article: Article, mark: tuple[int, int] | None = None) -> list[Paragraph]:
    from newsfuse.pipeline import prepare_all

    documents, _ = prepare_all([article])
    text = article.text
    if not documents:
        return [Paragraph(0, len(text), True, pieces=_cut([(0, len(text))], text, mark))]
    document: Document = documents[0]
    paragraphs = []
    for block in document.blocks:
        sentences = [(s.start, s.end) for s in document.sentences if block.start <= s.start < block.end]
        paragraphs.append(Paragraph(block.start, block.end, True,
                                    pieces=_cut(_fill(sentences, block.start, block.end), text, mark)))
    for item in document.furniture:
        span = item.span
        paragraphs.append(Paragraph(span.start, span.end, False, item.reason,
                                    pieces=_cut([(span.start, span.end)], text, mark)))
    return sorted(paragraphs, key=lambda paragraph: paragraph.start)


def _fill(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sentences with the gaps between them, so the paragraph's every character is shown."""
    result, position = [], start
    for low, high in sorted(spans):
        if low > position:
            result.append((position, low))
        result.append((max(low, position), high))
        position = max(position, high)
    if position < end:
        result.append((position, end))
    return result


def _cut(spans: list[tuple[int, int]], text: str, mark: tuple[int, int] | None) -> list[Piece]:
    pieces = []
    for low, high in spans:
        if mark is None or mark[1] <= low or mark[0] >= high:
            pieces.append(Piece(text[low:high], low, high))
            continue
        cuts = sorted({low, high, max(low, mark[0]), min(high, mark[1])})
        for a, b in pairwise(cuts):
            pieces.append(Piece(text[a:b], a, b, marked=mark[0] <= a and b <= mark[1]))
    return [piece for piece in pieces if piece.text]
