"""Article -> Document: clean, detect the language, split sentences. One pure function per article."""

from __future__ import annotations

from newsfuse.clean import clean_text
from newsfuse.model import Article, Document, Problem
from newsfuse.segment import detect_language, split_sentences


def prepare_document(article: Article) -> Document | Problem:
    """Clean and segment one article; an article with no body left is a problem, not an error."""
    cleaned = clean_text(article.text, article.title)
    document = Document(article=article, title_span=cleaned.title_span, blocks=cleaned.blocks,
                        furniture=cleaned.removed)
    if cleaned.title_span and not article.title:
        article.title = article.text[cleaned.title_span.start : cleaned.title_span.end]
    if cleaned.byline and not article.byline:
        article.byline = cleaned.byline
    if cleaned.outlet and not article.outlet:
        article.outlet = cleaned.outlet
    if cleaned.date_text and not article.published:
        article.published = _iso_date(cleaned.date_text)
    body = document.body_text()
    if not body.strip():
        return Problem(article.path or article.id, f"article {article.id!r} has no text left after cleaning")
    document.language = detect_language(body)
    document.sentences = split_sentences(article.text, document.blocks, article.id, document.language)
    if not document.sentences:
        return Problem(article.path or article.id, f"article {article.id!r} has no sentences")
    return document


def _iso_date(text: str) -> str | None:
    from dateutil import parser

    try:
        return parser.parse(text, fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return None
