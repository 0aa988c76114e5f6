"""HTML pages -> article text and metadata, through trafilatura."""

from __future__ import annotations

from newsfuse.model import Article, Problem

# A hover card inside a paragraph: a box that pops up over a name, with a photo and links to other stories
# ("Kristi Noem<hover card: photo, Kristi Lynn Noem, three headlines, MORE> (R) is defending ..."). Hidden
# by the page's style sheet, which the extractor does not read, so its text ran into the sentence around
# it. The innermost inline box holding a picture and two or more links goes; the name's own link stays.
_HOVER_CARD = "//p//span[.//img and count(.//a) >= 2 and not(.//span[.//img and count(.//a) >= 2])]"


def article_from_html(html: str, article_id: str, path: str) -> Article | Problem:
    """Extract the main text, title, byline, date and URL of a page; a page with no article is a problem."""
    import trafilatura

    # Tables are read: some bodies are laid out in one, and their rows reach the cleaner marked ("| a | b |"),
    # kept as the article's text but never taken as summary sentences.
    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, favor_precision=True, with_metadata=True,
            prune_xpath=_HOVER_CARD,
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
