"""Identity keys: one article is one row however often, and from wherever, it arrives."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ito)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def url_key(url: str | None) -> str | None:
    """Scheme, `www.`, fragment, tracking parameters and trailing slash do not change the page."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, ""))


def content_hash(text: str) -> str:
    """The same text with other spacing or case is the same content."""
    return hashlib.sha1(_SPACE.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()


def source_name(outlet: str | None, url: str | None) -> str | None:
    """What counts as one source: the outlet, else the URL's host; None when the article names neither."""
    if outlet:
        return outlet.strip()
    if url:
        host = urlsplit(url).netloc.lower().removeprefix("www.")
        if host:
            return host
    return None
