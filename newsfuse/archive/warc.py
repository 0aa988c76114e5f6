"""WARC / WARC.gz files (Common Crawl, CC-News) -> articles, through the `warcio` reader.

Only `response` records of HTML pages with a 2xx status become articles; requests, metadata, redirects
and non-HTML payloads are passed over silently, as a crawl is full of them. The page's own date and
address win; the record's `WARC-Target-URI` and `WARC-Date` fill in what the page does not say.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.html import article_from_html
from newsfuse.model import Article, Problem

MAX_PAGE_BYTES = 5_000_000  # a news page is well under this; larger payloads are media or dumps


def read_warc(path: str) -> Iterator[tuple[int, Article | Problem]]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        for position, record in enumerate(ArchiveIterator(handle)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode() or ""
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or "html" not in content_type:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path}:{url or position}"
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
            if len(payload) > MAX_PAGE_BYTES:
                yield position, Problem(where, "page too large")
                continue
            if getattr(record.raw_stream, "limit", 0):  # bytes the record declares but the file lacks
                yield position, Problem(where, "the file ends inside this record (a truncated download?)")
                continue
            decoded = decode_bytes(payload)
            if decoded.text is None:
                yield position, Problem(where, decoded.reason or "unreadable page")
                continue
            result = article_from_html(decoded.text, url or f"record-{position}", where)
            if isinstance(result, Article):
                result.url = result.url or url
                result.published = result.published or _date(record.rec_headers.get_header("WARC-Date"))
                result.format = "warc"
            yield position, result


def _date(value: str | None) -> str | None:
    return value.strip() if value else None
