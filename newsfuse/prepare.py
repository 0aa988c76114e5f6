"""Article -> Document: clean, detect the language, split sentences. One pure function per article."""

from __future__ import annotations

import re

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


_NUMERIC_DATE = re.compile(r"(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?\d{4}")


def _iso_date(text: str) -> str | None:
    """The ISO date a header's date text states; None when it cannot be read or is ambiguous ("05/03/2013"
    is 3 May in the US and 5 March in Europe: a wrong date would misplace the article in time)."""
    from dateutil import parser

    numeric = _NUMERIC_DATE.fullmatch(text.strip())
    if numeric and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12 and numeric.group(1) != numeric.group(2):
        return None
    try:
        return parser.parse(text, fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return None
