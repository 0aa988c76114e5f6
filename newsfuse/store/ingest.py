"""Articles -> the database, clustered into stories as they arrive, one transaction per batch.

Features are computed before the write lock is taken; inside it, the ingester first catches up with
anything another process committed (so two ingests at once cluster as if they had run one after the
other), then deduplicates, clusters, finds copies, inserts and commits. The clustering state is
rebuilt from committed rows only, so after a kill the next ingest starts from a consistent window.
"""

from __future__ import annotations

import sqlite3
import time as clock
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import numpy as np

from newsfuse.cluster.batch import with_embeddings
from newsfuse.cluster.copies import CopyIndex, Sketch, sketch
from newsfuse.cluster.dates import parse_published
from newsfuse.cluster.embeddings import MAX_CHARS, Embedder, embedding_text, reads
from newsfuse.cluster.features import Terms, extract_terms
from newsfuse.cluster.online import OnlineClusterer, Split
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.cluster.weights import DocumentFrequencies, Vector
from newsfuse.ingest.dates import with_normalised_dates
from newsfuse.model import Article, Problem
from newsfuse.store.db import BATCH_SIZE
from newsfuse.store.keys import content_hash, source_name, url_key

_DAY = 86_400.0


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    copies: int = 0
    new_stories: int = 0
    splits: int = 0  # stories found to hold two events and cut in two
    problems: int = 0


@dataclass
class _Prepared:
    article: Article
    url_key: str | None
    content_hash: str
    terms: Terms
    sketch: Sketch
    published_time: float | None


@dataclass
class _StoryDelta:
    articles: int = 0
    copies: int = 0
    first: float = float("inf")
    last: float = float("-inf")
    sources: set[str] = field(default_factory=set)


def prepare(article: Article) -> _Prepared | Problem:
    """Everything that needs no shared state: keys, terms, sketch, date."""
    if not article.text.strip():
        return Problem(article.path or article.id, f"article {article.id!r} has no text")
    return _Prepared(
        article=article,
        url_key=url_key(article.url),
        content_hash=content_hash(article.text),
        terms=extract_terms(article.title, article.text),
        sketch=sketch(article.text),
        published_time=parse_published(article.published),
    )


def prepare_item(item: Article | Problem) -> _Prepared | Problem:
    if isinstance(item, Problem):
        return item
    try:
        return prepare(item)
    except Exception as error:  # one bad article never stops an ingest
        return Problem(item.path or item.id, f"could not read article {item.id!r}: {error!r}")


class Ingester:
    """Stores and clusters articles; with an `embedder` (cluster/embeddings.py) articles are also compared by
    meaning, and their embeddings are stored for the next run."""

    def __init__(self, connection: sqlite3.Connection, params: ClusterParams = DEFAULT_PARAMS,
                 batch_size: int = BATCH_SIZE, on_problem: Callable[[Problem], None] = lambda problem: None,
                 embedder: Embedder | None = None) -> None:
        self.connection = connection
        self.params = params
        self.embedder = embedder
        self.batch_size = batch_size
        self.on_problem = on_problem
        self.report = IngestReport()
        self._known_last_id = -1  # the highest article id whose effect is in memory
        self._warned_mix = False

    def ingest(self, items: Iterable[Article | Problem]) -> IngestReport:
        # One process: a feature worker process measured slower on a shared 2-core machine (pickling).
        stream = map(prepare_item, with_normalised_dates(items))  # every input path's dates read alike
        while True:
            batch = list(self._usable(islice(stream, self.batch_size)))
            if not batch:
                break
            if self.embedder is not None:  # before the write lock: the encoder is the slow part
                self._embed(batch)
            self._write(batch)
        return self.report

    def _embed(self, batch: list[_Prepared]) -> None:
        """Embed the articles not stored yet (a re-run of an ingest meets mostly stored ones). Looked up
        without the write lock: rows are never deleted, so a stored article is still stored under it."""
        fresh = [item for item in batch if self._duplicate(item) is None]
        embedded = with_embeddings([item.terms for item in fresh], [item.article.title for item in fresh],
                                   [item.article.text for item in fresh], self.embedder)
        for item, terms in zip(fresh, embedded, strict=True):
            item.terms = terms

    def _usable(self, items: Iterable[_Prepared | Problem]) -> Iterator[_Prepared]:
        for item in items:
            if isinstance(item, Problem):
                self._problem(item)
            else:
                yield item

    def _problem(self, problem: Problem) -> None:
        if problem.fatal:
            self.report.problems += 1
        self.on_problem(problem)

    def _write(self, batch: list[_Prepared]) -> None:
        db = self.connection
        report_before = IngestReport(**vars(self.report))
        db.execute("BEGIN IMMEDIATE")
        try:
            last_id = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
            if last_id != self._known_last_id:
                self._load()
            deltas: dict[int, _StoryDelta] = {}
            recount: set[int] = set()
            frequencies: Counter[int] = Counter()
            seen_hashes: set[str] = set()
            seen_urls: set[str] = set()
            for item in batch:
                duplicate = self._duplicate(item, seen_hashes, seen_urls)
                if duplicate:
                    self.report.duplicates += 1
                    self.on_problem(Problem(item.article.path or item.article.id,
                                            f"article {item.article.id!r}: {duplicate}; not stored again",
                                            fatal=False))
                    continue
                seen_hashes.add(item.content_hash)
                if item.url_key:
                    seen_urls.add(item.url_key)
                frequencies.update(item.terms.counts.keys())
                self._insert(item, deltas, recount)
            self._save_stories(deltas, recount)
            db.executemany(
                "INSERT INTO term_frequencies (bucket, documents) VALUES (?, ?) "
                "ON CONFLICT (bucket) DO UPDATE SET documents = documents + excluded.documents",
                sorted(frequencies.items()))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # after a full disk SQLite has rolled back itself; a second one hides why
                db.execute("ROLLBACK")
            self.report = report_before
            self._known_last_id = -1  # memory may hold uncommitted joins: rebuild before the next batch
            raise
        for story in self.clusterer.expire():
            self.copies.forget(story)

    def _duplicate(self, item: _Prepared, hashes: Collection[str] = (), urls: Collection[str] = ()) -> str | None:
        """Why the article is a duplicate of a stored one, or of one earlier in this batch (`hashes`, `urls`);
        None when it is new."""
        db = self.connection
        if item.url_key and (item.url_key in urls or db.execute(
                "SELECT 1 FROM articles WHERE url_key = ?", (item.url_key,)).fetchone()):
            return "same URL as a stored article"
        if item.content_hash in hashes or db.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (item.content_hash,)).fetchone():
            return "same text as a stored article"
        return None

    def _insert(self, item: _Prepared, deltas: dict[int, _StoryDelta], recount: set[int]) -> None:
        article = item.article
        db = self.connection
        now = clock.time()
        seen = item.published_time if item.published_time is not None else now
        article_id = self._known_last_id + 1  # we hold the write lock and have caught up: the next id is ours
        assignment = self.clusterer.add(item.terms, time=item.published_time, seen=seen, key=article_id)
        vector = self.clusterer.last_vector
        story = assignment.story
        if assignment.new:
            db.execute("INSERT INTO stories (id, title, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                       (story, _title(article), seen, seen))
            self.report.new_stories += 1
        for split in self.clusterer.take_splits():  # before the insert: the article may move too
            self._apply_split(split, recount)
            if article_id in split.moved:
                story = split.new
        original = None if assignment.new else self.copies.find_original(story, item.sketch)
        # A copy is its original's source; an article with no outlet or URL is a source of its own.
        if original is not None:
            source = db.execute("SELECT source FROM articles WHERE id = ?", (original,)).fetchone()[0]
        else:
            source = source_name(article.outlet, article.url) or f"(unnamed) {article.id}"
        db.execute(
            "INSERT INTO articles (id, source_id, url, url_key, content_hash, title, text, outlet, source, published, "
            "published_time, seen, ingested, story_id, similarity, copy_of, vector, sketch, shingles, event_days, "
            "embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, article.id, article.url, item.url_key, item.content_hash, article.title, article.text,
             article.outlet, source, article.published, item.published_time, seen, now, story,
             round(assignment.similarity, 4), original, encode_vector(vector), item.sketch.to_bytes(),
             item.sketch.size, item.terms.days, encode_embedding(item.terms.embedding)))
        self._known_last_id = article_id
        self.copies.add(story, article_id, item.sketch, original)
        delta = deltas.setdefault(story, _StoryDelta())
        delta.articles += 1
        delta.copies += original is not None
        delta.first = min(delta.first, seen)
        delta.last = max(delta.last, seen)
        delta.sources.add(source)
        self.report.added += 1
        self.report.copies += original is not None

    def _apply_split(self, split: Split, recount: set[int]) -> None:
        """Move the articles of a split-off event to their new story (its counts are redone at commit)."""
        db = self.connection
        first = min(split.moved)
        title, text = db.execute("SELECT title, text FROM articles WHERE id = ?", (first,)).fetchone()
        stamp = db.execute("SELECT seen FROM articles WHERE id = ?", (first,)).fetchone()[0]
        db.execute("INSERT INTO stories (id, title, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                   (split.new, _title(Article(id="", text=text, title=title)), stamp, stamp))
        db.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(split.new, key) for key in split.moved])
        self.copies.move(split.old, split.new, split.moved)
        self.report.splits += 1
        recount.update((split.old, split.new))

    def _save_stories(self, deltas: dict[int, _StoryDelta], recount: set[int]) -> None:
        db = self.connection
        for story, delta in deltas.items():
            if story in recount:
                continue
            db.executemany("INSERT OR IGNORE INTO story_sources (story_id, source) VALUES (?, ?)",
                           [(story, source) for source in sorted(delta.sources)])
            db.execute(
                "UPDATE stories SET articles = articles + ?, copies = copies + ?, "
                "first_seen = min(first_seen, ?), last_seen = max(last_seen, ?), "
                "sources = (SELECT count(*) FROM story_sources WHERE story_id = ?) WHERE id = ?",
                (delta.articles, delta.copies, delta.first, delta.last, story, story))
        for story in sorted(recount):  # split stories: counted again from their articles
            db.execute("DELETE FROM story_sources WHERE story_id = ?", (story,))
            db.execute("INSERT INTO story_sources (story_id, source) SELECT DISTINCT story_id, source FROM articles "
                       "WHERE story_id = ?", (story,))
            db.execute(
                "UPDATE stories SET (articles, copies, first_seen, last_seen) = "
                "(SELECT count(*), count(copy_of), min(seen), max(seen) FROM articles WHERE story_id = ?), "
                "sources = (SELECT count(*) FROM story_sources WHERE story_id = ?) WHERE id = ?",
                (story, story, story))

    def _load(self) -> None:
        """Rebuild document frequencies and the active window from committed rows."""
        db = self.connection
        counts = np.zeros_like(DocumentFrequencies().counts)
        rows = db.execute("SELECT bucket, documents FROM term_frequencies").fetchall()
        if rows:
            keys, values = zip(*rows, strict=True)
            counts[np.array(keys, dtype=np.int64)] = np.array(values, dtype=np.uint32)
        documents = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        next_story = db.execute("SELECT coalesce(max(id), 0) + 1 FROM stories").fetchone()[0]
        self.clusterer = OnlineClusterer(self.params, DocumentFrequencies(counts, documents), next_story)
        self.copies = CopyIndex()
        latest = db.execute("SELECT max(last_seen) FROM stories").fetchone()[0]
        if latest is not None:
            horizon = latest - self.params.window_days * _DAY
            members = db.execute(
                "SELECT a.id, a.story_id, a.vector, a.sketch, a.shingles, a.published_time, a.seen, a.copy_of, "
                "a.event_days, a.embedding FROM articles a JOIN stories s ON s.id = a.story_id WHERE s.last_seen >= ? "
                "ORDER BY a.id", (horizon,))
            embedded, plain = 0, []
            for article_id, story, vector, sketch_bytes, shingles, published_time, seen, copy_of, days, embedding \
                    in members:
                self.clusterer.restore(story, decode_vector(vector), published_time, seen, key=article_id, days=days,
                                       embedding=decode_embedding(embedding))
                self.copies.add(story, article_id, Sketch.from_bytes(sketch_bytes, shingles), copy_of)
                embedded += embedding is not None
                if embedding is None:
                    plain.append(article_id)
            self._warn_if_mixed(embedded, self._readable(db, plain) if self.embedder is not None else len(plain))
            for story in self.clusterer.expire():
                self.copies.forget(story)
        self._known_last_id = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]

    @staticmethod
    def _readable(db: sqlite3.Connection, ids: list[int]) -> int:
        """How many of these articles the encoder could have read: stored without an embedding, an English
        one was stored without --embeddings; another language never gets one (embeddings.reads)."""
        count = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = db.execute(f"SELECT title, substr(text, 1, {MAX_CHARS}) FROM articles WHERE id IN "
                              f"({','.join('?' * len(chunk))})", chunk)
            count += sum(reads(embedding_text(title, text)) for title, text in rows)
        return count

    def _warn_if_mixed(self, embedded: int, plain: int) -> None:
        """Once per run: this run's articles and the open stories' stored ones were not grouped alike."""
        other = plain if self.embedder is not None else embedded
        if not other or self._warned_mix:
            return
        self._warned_mix = True
        how = "without" if self.embedder is not None else "with"
        self.on_problem(Problem(
            "database", f"{other} articles of the open stories were stored {how} --embeddings: new articles are "
            f"compared with them on words alone; give every ingest into one database the same choice",
            fatal=False))


def encode_vector(vector: Vector) -> bytes:
    keys = np.fromiter(vector.keys(), dtype="<i4", count=len(vector))
    values = np.fromiter(vector.values(), dtype="<f4", count=len(vector))
    return keys.tobytes() + values.tobytes()


def decode_vector(data: bytes) -> Vector:
    half = len(data) // 2
    keys = np.frombuffer(data[:half], dtype="<i4").tolist()
    values = np.frombuffer(data[half:], dtype="<f4").tolist()
    return dict(zip(keys, values, strict=True))


def encode_embedding(embedding: np.ndarray | None) -> bytes | None:
    return None if embedding is None else np.asarray(embedding, dtype="<f4").tobytes()


def decode_embedding(data: bytes | None) -> np.ndarray | None:
    return None if data is None else np.frombuffer(data, dtype="<f4")


def _title(article: Article) -> str:
    if article.title.strip():
        return article.title.strip()[:200]
    first = article.text.strip().split("\n", 1)[0]
    return first[:120]
