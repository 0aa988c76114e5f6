"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

from newsfuse.model import Article, Problem


def article_from_html(html: str, article_id: str, path: str) -> Article | Problem:
    """Extract the main text, title, byline, date and URL of a page; a page with no article is a problem."""
    import trafilatura

    # Tables are read: some bodies are laid out in one, and their rows reach the cleaner marked ("| a | b |"),
    # kept as the article's text but never taken as summary sentences.
    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, favor_precision=True, with_metadata=True
        )
    except Exception as error:  # lxml raises a zoo of errors on broken markup; report, do not crash
        return Problem(path, f"could not parse HTML ({type(error).__name__}: {error})")
    if document is None or not (document.text or "").strip():
        return Problem(path, "no article text found in the HTML page")
    return Article(
        id=article_id,
        text=document.text,
        title=document.title or "",
        url=document.url or None,
        outlet=document.sitename or None,
        published=document.date or None,
        byline=document.author or None,
        path=path,
        format="html",
    )
