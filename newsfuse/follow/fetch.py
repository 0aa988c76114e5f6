"""HTTP(S) for `newsfuse follow`: conditional requests, a timeout, a size cap while streaming, a polite
delay between two requests to one host, and a User-Agent that names newsfuse."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from newsfuse import __version__

USER_AGENT = f"newsfuse/{__version__} (news feed follower)"
# Feeds and article pages are well under a few megabytes; a body past this is cut off and refused, so a
# hostile or broken server cannot exhaust memory.
DEFAULT_MAX_BYTES = 10_000_000
# Seconds to connect, or to wait for the next bytes; a whole response must arrive within DEADLINE_FACTOR
# times this, so a server that drips one byte at a time cannot hold a round.
DEFAULT_TIMEOUT = 20.0
DEADLINE_FACTOR = 3
# Seconds between two requests to one host (crawler etiquette: about one request a second).
DEFAULT_HOST_DELAY = 1.0
MAX_REDIRECTS = 5
INFLATE_SLICE = 1 << 16  # bytes inflated at a time from a compressed body


@dataclass
class Response:
    url: str  # after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    error: str | None = None  # set when nothing usable arrived (network error, HTTP error, too large)
    retry_after: float | None = None  # seconds a 429/503 asked us to wait

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    host_delay: float = DEFAULT_HOST_DELAY
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            # trust_env=False: no proxy or netrc from the environment changes where a request goes.
            self._client = httpx.Client(
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
                trust_env=False)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def ready_at(self, url: str) -> float:
        """When a request to URL's host may go out without breaking the per-host delay."""
        return self._last.get(_host(url), float("-inf")) + self.host_delay

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None,
            accept: str = "*/*") -> Response:
        wait = self.ready_at(url) - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return self._get(url, headers)
        except httpx.TimeoutException:
            return Response(url, 0, error=f"timed out (after {self.timeout:g} s without an answer)")
        except httpx.TooManyRedirects:
            return Response(url, 0, error=f"more than {MAX_REDIRECTS} redirects")
        except (httpx.HTTPError, httpx.InvalidURL) as error:  # DNS, refused connection, TLS, bad chunks or gzip...
            return Response(url, 0, error=f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)
        finally:
            self._last[_host(url)] = time.monotonic()

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        deadline = time.monotonic() + self.timeout * DEADLINE_FACTOR
        with self.client().stream("GET", url, headers=headers) as reply:
            result = Response(str(reply.url), reply.status_code, etag=reply.headers.get("etag"),
                              last_modified=reply.headers.get("last-modified"),
                              content_type=reply.headers.get("content-type"))
            if reply.status_code == 304:
                return result
            if reply.status_code >= 400:
                result.error = f"HTTP {reply.status_code} {reply.reason_phrase}".rstrip()
                result.retry_after = _seconds(reply.headers.get("retry-after"))
                return result
            declared = reply.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                result.error = f"body of {int(declared):,} bytes is over the {self.max_bytes:,}-byte cap; not read"
                return result
            inflate = _inflater(reply.headers.get("content-encoding", ""))
            if inflate is None:
                result.error = f"unsupported content encoding {reply.headers.get('content-encoding')!r}"
                return result
            chunks, size = [], 0
            for raw in reply.iter_raw():
                for chunk in inflate(raw):  # inflated a slice at a time: a gzip bomb stops at the cap
                    size += len(chunk)
                    if size > self.max_bytes:
                        result.error = f"body is over the {self.max_bytes:,}-byte cap; stopped reading"
                        return result
                    chunks.append(chunk)
                if time.monotonic() > deadline:
                    result.error = f"body took over {self.timeout * DEADLINE_FACTOR:g} s to arrive; stopped reading"
                    return result
            result.body = b"".join(chunks)
            return result


def _inflater(encoding: str) -> Callable[[bytes], Iterator[bytes]] | None:
    """A decoder for the Content-Encoding that yields at most INFLATE_SLICE bytes at a time (httpx's own
    decoder inflates a whole network chunk at once: 64 kB of a gzip bomb would become 64 MB)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda raw: iter((raw,))
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return None
    # gzip header, or zlib header (deflate as RFC 9110 says); raw deflate from old servers is retried below.
    state = {"decoder": zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)}

    def inflate(raw: bytes) -> Iterator[bytes]:
        pending = raw
        while pending:
            try:
                out = state["decoder"].decompress(pending, INFLATE_SLICE)
            except zlib.error:
                if encoding != "deflate" or state.get("raw"):
                    raise httpx.DecodingError("the body is not valid compressed data") from None
                state["decoder"], state["raw"] = zlib.decompressobj(-zlib.MAX_WBITS), True
                continue
            pending = state["decoder"].unconsumed_tail
            if out:
                yield out

    return inflate


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _seconds(value: str | None) -> float | None:
    return float(value) if value and value.strip().isdigit() else None
