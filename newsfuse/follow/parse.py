"""Feed bytes -> entries, safely: feedparser reads bytes only (handed a string it may take it for a path
or a URL and open it), and a feed that declares XML entities is refused before any parser sees it, so
neither a billion-laughs expansion nor an external entity (a local file, a URL) can happen."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from newsfuse.model import Article, Problem

# An entity declaration inside a DOCTYPE. Real feeds do not declare entities; hostile ones do.
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass
class Entry:
    article: Article  # the entry as an article: its own text (the summary, or the full content)
    link: str | None
    full: bool  # the feed carries the whole article, not only a summary


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[Entry]
    problems: list[Problem]


def refuse_reason(body: bytes) -> str | None:
    """Why a feed body is refused unparsed: it declares entities (an external DTD is never loaded:
    feedparser turns off external entities)."""
    if _ENTITY.search(body):
        return "feed declares XML entities (refused: they can expand without bound or read local files)"
    return None


def parse_feed(body: bytes, url: str, content_type: str | None, summary_words: int) -> ParsedFeed:
    """The feed's entries; an entry whose text is shorter than `summary_words` words counts as a summary."""
    import feedparser

    from newsfuse.ingest.feeds import entry_article

    reason = refuse_reason(body)
    if reason:
        return ParsedFeed(None, [], [Problem(url, reason)])
    headers = {"content-location": url}  # the base for relative links
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True,
                                  resolve_relative_uris=True)
    except Exception as error:  # feedparser is lenient, but a parser bug must not end a round
        return ParsedFeed(None, [], [Problem(url, f"not a readable feed ({type(error).__name__}: {error})")])
    problems = []
    if parsed.get("bozo") and not parsed.entries:
        return ParsedFeed(None, [], [Problem(url, f"not a readable feed ({parsed.get('bozo_exception')})")])
    if parsed.get("bozo"):
        problems.append(Problem(url, f"feed is malformed ({parsed.get('bozo_exception')}); read what was parseable",
                                fatal=False))
    title = parsed.feed.get("title") or None
    entries = []
    for number, raw in enumerate(parsed.entries, 1):
        link = _http_link(raw.get("link"))
        item = entry_article(raw, number, url, title)
        if isinstance(item, Problem):
            if link is None:  # no text and no page to fetch it from
                problems.append(item)
                continue
            item = Article(id=str(raw.get("id") or link), text="", title=raw.get("title", ""), url=link,
                           outlet=title, published=None, path=url, format="feed")
        item.url = link
        entries.append(Entry(item, link, len(item.text.split()) >= summary_words))
    return ParsedFeed(title, entries, problems)


def _http_link(link: str | None) -> str | None:
    """Only http(s) links are fetched or shown as links (never `javascript:`, `file:` or `data:`)."""
    if link and link.strip().lower().startswith(("http://", "https://")):
        return link.strip()
    return None
