"""Feed lists: a text file of URLs (one a line, `#` comments) or an OPML export from a feed reader."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

# OPML files from feed readers are small; a larger one is not a feed list.
MAX_LIST_BYTES = 5_000_000


@dataclass(frozen=True)
class FeedList:
    urls: list[str]
    problems: list[str]


def check_url(url: str) -> str | None:
    """Why URL cannot be followed, or None: only absolute http(s) URLs are fetched (never file: or others)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if not parts.hostname:
        return "URL has no host"
    return None


def read_feed_list(data: bytes, where: str) -> FeedList:
    """URLs from an OPML export (sniffed by its content) or a plain list; bad lines are reported, not fatal."""
    if len(data) > MAX_LIST_BYTES:
        return FeedList([], [f"{where}: larger than {MAX_LIST_BYTES} bytes; not a feed list"])
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or b"<opml" in head:
        return _opml(data, where)
    urls, problems = [], []
    for number, raw in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
        if not line:
            continue
        reason = check_url(line)
        if reason:
            problems.append(f"{where}:{number}: {reason}: {line[:200]!r}")
        else:
            urls.append(line)
    return FeedList(_unique(urls), problems)


def _opml(data: bytes, where: str) -> FeedList:
    # defusedxml refuses entity declarations and external references: an OPML file cannot expand
    # without bound (billion laughs) or make the parser read a local file.
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=False)
    except DefusedXmlException as error:
        return FeedList([], [f"{where}: refused: the OPML file declares XML entities ({type(error).__name__})"])
    except Exception as error:  # a syntax error of any kind: report it, never a traceback
        return FeedList([], [f"{where}: not a readable OPML file ({error})"])
    urls, problems = [], []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if not url:
            continue  # a folder of feeds, or a plain link
        reason = check_url(url)
        if reason:
            problems.append(f"{where}: {reason}: {url[:200]!r}")
        else:
            urls.append(url)
    if not urls and not problems:
        problems.append(f"{where}: the OPML file lists no feed (no outline with xmlUrl)")
    return FeedList(_unique(urls), problems)


def _unique(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))
