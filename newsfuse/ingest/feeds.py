"""RSS and Atom feeds -> articles, through feedparser. A truncated feed still yields its whole entries."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator

from newsfuse.model import Article, Problem


def read_feed(text: str, path: str) -> Iterator[Article | Problem]:
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield Problem(path, f"not a readable feed ({reason})")
        return
    if parsed.get("bozo"):
        yield Problem(path, f"feed is malformed ({parsed.get('bozo_exception')}); read what was parseable",
                      fatal=False)
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_article(entry, number, path, outlet)


def _entry_article(entry, number: int, path: str, outlet: str | None) -> Article | Problem:
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    body = body or entry.get("summary", "")
    where = f"{path}#{number}"
    if not body.strip():
        return Problem(where, "feed entry has no text")
    if "<" in body and ">" in body:
        body = _html_to_text(body)
    link = entry.get("link") or None
    entry_id = entry.get("id") or link or hashlib.sha1(body.encode()).hexdigest()[:16]
    published = None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp)
    return Article(
        id=str(entry_id),
        text=body,
        title=entry.get("title", ""),
        url=link,
        outlet=outlet,
        published=published,
        byline=entry.get("author") or None,
        path=path,
        format="feed",
    )


def _html_to_text(fragment: str) -> str:
    """Feed bodies are HTML fragments, often too short for an article extractor: keep block structure."""
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:
        return fragment
    for element in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content().strip()
