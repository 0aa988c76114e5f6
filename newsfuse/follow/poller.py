"""One round of following: fetch the due feeds, fetch the pages of entries that carry only a summary,
ingest the articles as `newsfuse ingest` does, and remember each feed's validators and back-off.

A feed that fails (network, HTTP error, oversized, malformed, hostile) is reported and retried later,
each failure doubling its wait; the other feeds go on. Requests are ordered so that no host is asked
twice within the polite delay while another host's request could go out instead.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newsfuse.follow.fetch import Fetcher, Response
from newsfuse.follow.parse import Entry, parse_feed
from newsfuse.ingest.decode import decode_bytes
from newsfuse.ingest.limits import cut_article
from newsfuse.model import Article, Problem
from newsfuse.store.keys import content_hash, url_key

if TYPE_CHECKING:
    from newsfuse.cluster.embeddings import Embedder

FEED_ACCEPT = "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# An entry with fewer words than this is a teaser: the article is fetched from its page. Feeds that
# carry whole articles give hundreds of words; teasers give one or two sentences (under about 60).
SUMMARY_WORDS = 150
# A failing feed waits `every` seconds after its first failure, then twice as long after each further
# one, up to a day.
MAX_BACKOFF = 86_400.0


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_try: float = 0.0
    last_status: str | None = None


@dataclass
class RoundReport:
    checked: int = 0
    not_modified: int = 0
    failed: int = 0
    waiting: int = 0  # feeds still in back-off, not asked this round
    entries: int = 0
    pages: int = 0
    added: int = 0
    duplicates: int = 0
    new_stories: int = 0
    problems: list[Problem] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.checked} feeds checked ({self.not_modified} unchanged, {self.failed} failed, "
                f"{self.waiting} waiting to retry), {self.entries} new entries, {self.pages} pages fetched, "
                f"{self.added} articles added, {self.duplicates} already stored, {self.new_stories} new stories")


class Follower:
    def __init__(self, connection: sqlite3.Connection, fetcher: Fetcher, every: float,
                 on_problem: Callable[[Problem], None] = lambda problem: None,
                 clock: Callable[[], float] = time.time, embedder: Embedder | None = None) -> None:
        from newsfuse.store.ingest import Ingester

        self.db = connection
        self.fetcher = fetcher
        self.every = every
        self.on_problem = on_problem
        self.clock = clock
        self.ingester = Ingester(connection, on_problem=self._ingest_problem, embedder=embedder)
        self._report = RoundReport()
        self._listed: dict[str, set[str]] = {}  # feed URL -> the entries it listed last time (bounded by the feed)

    def round(self, urls: list[str]) -> RoundReport:
        self._report = report = RoundReport()
        now = self.clock()
        states = [self._state(url) for url in urls]
        due = [state for state in states if state.next_try <= now]
        report.waiting = len(states) - len(due)
        entries: list[Entry] = []
        for state, response in self._fetch_all([(s.url, s) for s in due], self._fetch_feed):
            report.checked += 1
            listed = self._feed_entries(state, response)
            if listed:
                # An entry the feed listed last time was dealt with then, even if it was not stored (the
                # same text under another URL): it is not fetched again while the feed keeps listing it.
                before = self._listed.get(state.url, set())
                entries.extend(entry for entry in listed if _key(entry) not in before)
                self._listed[state.url] = {_key(entry) for entry in listed}
        entries = [entry for entry in entries if not self._known(entry)]
        report.entries = len(entries)
        articles: list[Article | Problem] = [entry.article for entry in entries if entry.full or not entry.link]
        pages = [(entry.link, entry) for entry in entries if entry.link and not entry.full]
        for entry, response in self._fetch_all(pages, lambda url, _: self.fetcher.get(url, accept=PAGE_ACCEPT)):
            report.pages += 1
            articles.append(self._page_article(entry, response))
        before = (self.ingester.report.added, self.ingester.report.duplicates, self.ingester.report.new_stories)
        for item in articles:  # the bounds `newsfuse ingest` puts on one article
            cut = cut_article(item) if isinstance(item, Article) else None
            if cut is not None:
                self._problem(cut)
        self.ingester.ingest(sorted(articles, key=_published_order))  # in the order the news broke
        after = self.ingester.report
        report.added, report.duplicates, report.new_stories = (
            after.added - before[0], after.duplicates - before[1], after.new_stories - before[2])
        return report

    def _fetch_all(self, jobs: list[tuple[str, object]], fetch: Callable) -> list[tuple[object, Response]]:
        """Run each (url, key) job; the next is the first whose host may be asked now, else the soonest."""
        queues: dict[str, deque[tuple[str, object]]] = {}
        for job in jobs:
            queues.setdefault(urlsplit(job[0]).hostname or "", deque()).append(job)
        done = []
        while queues:
            now = time.monotonic()
            ready = {host: self.fetcher.ready_at(queue[0][0]) for host, queue in queues.items()}
            host = next((h for h, at in ready.items() if at <= now), None)
            if host is None:
                host = min(ready, key=ready.__getitem__)
            url, key = queues[host].popleft()
            if not queues[host]:
                del queues[host]
            done.append((key, fetch(url, key)))
        return done

    def _fetch_feed(self, url: str, state: FeedState) -> Response:
        return self.fetcher.get(url, state.etag, state.last_modified, accept=FEED_ACCEPT)

    def _feed_entries(self, state: FeedState, response: Response) -> list[Entry]:
        now = self.clock()
        if response.not_modified:
            self._report.not_modified += 1
            self._save(state, now, failed=False, status="304 not modified")
            return []
        if response.error is None:
            parsed = parse_feed(response.body, state.url, response.content_type, SUMMARY_WORDS)
            fatal = [problem for problem in parsed.problems if problem.fatal]
            if parsed.entries or not fatal:
                for problem in parsed.problems:  # entries without text, a malformed tail: the rest is read
                    self._problem(problem)
                state.etag, state.last_modified = response.etag, response.last_modified
                self._save(state, now, failed=False, status=f"{response.status} ({len(parsed.entries)} entries)")
                return parsed.entries
            reason = fatal[0].reason
        else:
            reason = response.error
        self._report.failed += 1
        wait = self._save(state, now, failed=True, status=reason, retry_after=response.retry_after)
        self._problem(Problem(state.url, f"{reason}; will retry in {_duration(wait)}"))
        return []

    def _page_article(self, entry: Entry, response: Response) -> Article | Problem:
        """The entry with its page's text; the feed's own summary when the page cannot be had."""
        from newsfuse.ingest.html import article_from_html

        summary = entry.article
        page: Article | Problem
        if response.error is not None:
            page = Problem(entry.link or summary.id, f"article page: {response.error}")
        else:
            html = _page_text(response)
            page = (article_from_html(html, summary.id, entry.link or summary.id) if html is not None
                    else Problem(entry.link or summary.id, "article page: not text"))
        if isinstance(page, Problem):
            if not summary.text.strip():
                return page
            self._problem(Problem(page.input, f"{page.reason}; stored the feed's summary instead", fatal=False))
            return summary
        # The feed's title, date and outlet name what the reader subscribed to; the page gives the text.
        return Article(id=summary.id, text=page.text, title=summary.title or page.title, url=summary.url,
                       outlet=summary.outlet or page.outlet, published=summary.published or page.published,
                       byline=summary.byline or page.byline, path=summary.path, format="html")

    def _known(self, entry: Entry) -> bool:
        """Stored already: its page's URL, or (an entry with no link) its text, as ingest's keys say."""
        key = url_key(entry.link)
        if key:
            return self.db.execute("SELECT 1 FROM articles WHERE url_key = ?", (key,)).fetchone() is not None
        digest = content_hash(entry.article.text)
        return self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None

    def _state(self, url: str) -> FeedState:
        row = self.db.execute("SELECT etag, last_modified, failures, next_try, last_status FROM feeds WHERE url = ?",
                              (url,)).fetchone()
        return FeedState(url, *row) if row else FeedState(url)

    def _save(self, state: FeedState, now: float, failed: bool, status: str, retry_after: float | None = None
              ) -> float:
        wait = 0.0
        if failed:
            state.failures += 1
            wait = min(self.every * 2 ** (state.failures - 1), MAX_BACKOFF)
            wait = max(wait, retry_after or 0.0)
        else:
            state.failures = 0
        state.next_try, state.last_status = now + wait, status[:500]
        self.db.execute(
            "INSERT INTO feeds (url, etag, last_modified, failures, next_try, last_status, checked) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, failures = excluded.failures, next_try = excluded.next_try, "
            "last_status = excluded.last_status, checked = excluded.checked",
            (state.url, state.etag, state.last_modified, state.failures, state.next_try, state.last_status, now))
        return wait

    def _problem(self, problem: Problem) -> None:
        self._report.problems.append(problem)
        self.on_problem(problem)

    def _ingest_problem(self, problem: Problem) -> None:
        if problem.fatal:
            self._problem(problem)


def every_period(period: float, stop: threading.Event | None = None) -> Iterator[None]:
    """Yield at once, then once per `period` seconds from the start of the previous round (a round longer
    than the period is followed at once), until `stop` is set. `newsfuse follow` and `serve --follow`
    run their rounds on it."""
    stop = stop or threading.Event()
    while not stop.is_set():
        started = time.monotonic()
        yield
        stop.wait(max(0.0, period - (time.monotonic() - started)))


def _key(entry: Entry) -> str:
    return entry.link or entry.article.id


def _published_order(item: Article | Problem) -> float:
    from newsfuse.cluster.dates import parse_published

    stamp = parse_published(item.published) if isinstance(item, Article) else None
    return stamp if stamp is not None else float("inf")


def _page_text(response: Response) -> str | None:
    """The page as text: by the charset its header declares, else as `newsfuse ingest` decodes a file
    (byte-order marks, UTF-8, legacy code pages); None when it is not text."""
    import codecs

    content_type = (response.content_type or "").lower()
    if "charset=" in content_type:
        name = content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"')
        try:
            return response.body.decode(codecs.lookup(name).name, errors="replace")
        except LookupError:
            pass
    return decode_bytes(response.body).text


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
