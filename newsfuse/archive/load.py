"""An archive job's tables -> the story database, for `newsfuse stories`, `brief --story` and `serve`.

The archive's stories are kept as they are (not clustered again); they get new story ids after the
database's own, and articles already stored (same URL or same text) are skipped, as `newsfuse ingest`
skips them. Each article gets the clustering vector and copy sketch the store keeps, so a later
`newsfuse ingest` into the same database continues the stories that are still active. One transaction:
an interrupted load leaves the database as it was.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from newsfuse.archive.records import ArchiveArticle
from newsfuse.archive.stages import time_order
from newsfuse.archive.tables import read_articles, read_table
from newsfuse.cluster.copies import sketch
from newsfuse.cluster.features import extract_terms
from newsfuse.cluster.weights import DocumentFrequencies
from newsfuse.store.ingest import encode_vector
from newsfuse.store.keys import content_hash, url_key


@dataclass
class LoadReport:
    added: int = 0
    duplicates: int = 0
    stories: int = 0


def load_archive(connection: sqlite3.Connection, folder: Path) -> LoadReport:
    """Add the articles and stories of an archive output folder to an open store connection."""
    # Publication order; a copy after its original even on the same date (its original is never later).
    rows = sorted(read_articles(folder / "articles"), key=lambda row: (time_order(row)[0], row.copy_of is not None,
                                                                       row.key))
    titles = {row["story"]: row["title"] for row in read_table(folder / "stories")}
    report = LoadReport()
    db = connection
    db.execute("BEGIN IMMEDIATE")
    try:
        article_base = db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
        story_base = db.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0]
        frequencies = _stored_frequencies(db)
        before = frequencies.counts.copy()
        stored: dict[int, tuple[int, str]] = {}  # archive key -> (article id, source)
        stories: set[int] = set()
        now = time.time()
        for row in rows:
            keys = (url_key(row.url), content_hash(row.text))
            if _stored(db, *keys):
                report.duplicates += 1
                continue
            article_id = article_base + len(stored) + 1
            story = story_base + row.story
            if story not in stories:
                seen = row.published_time if row.published_time is not None else now
                db.execute("INSERT INTO stories (id, title, first_seen, last_seen) VALUES (?, ?, ?, ?)",
                           (story, titles.get(row.story, row.headline)[:200], seen, seen))
                stories.add(story)
            original = stored.get(row.copy_of) if row.copy_of is not None else None
            source = original[1] if original else row.source
            _insert(db, row, article_id, story, original[0] if original else None, source, keys, frequencies, now)
            stored[row.key] = (article_id, source)
        _recount(db, sorted(stories))
        changed = (frequencies.counts - before).nonzero()[0]
        db.executemany(
            "INSERT INTO term_frequencies (bucket, documents) VALUES (?, ?) "
            "ON CONFLICT (bucket) DO UPDATE SET documents = excluded.documents",
            [(int(bucket), int(frequencies.counts[bucket])) for bucket in changed])
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    report.added, report.stories = len(stored), len(stories)
    return report


def _stored_frequencies(db: sqlite3.Connection) -> DocumentFrequencies:
    frequencies = DocumentFrequencies()
    for bucket, documents in db.execute("SELECT bucket, documents FROM term_frequencies"):
        frequencies.counts[bucket] = documents
    frequencies.documents = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    return frequencies


def _stored(db: sqlite3.Connection, url: str | None, digest: str) -> bool:
    if url and db.execute("SELECT 1 FROM articles WHERE url_key = ?", (url,)).fetchone():
        return True
    return db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None


def _insert(db: sqlite3.Connection, row: ArchiveArticle, article_id: int, story: int, copy_of: int | None,
            source: str, keys: tuple[str | None, str], frequencies: DocumentFrequencies, now: float) -> None:
    terms = extract_terms(row.title, row.text)
    frequencies.add(terms)
    item = sketch(row.text)
    seen = row.published_time if row.published_time is not None else now
    db.execute(
        "INSERT INTO articles (id, source_id, url, url_key, content_hash, title, text, outlet, source, published, "
        "published_time, seen, ingested, story_id, similarity, copy_of, vector, sketch, shingles, event_days) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, row.id, row.url, keys[0], keys[1], row.headline, row.text, row.outlet, source, row.published,
         row.published_time, seen, now, story, 0.0, copy_of, encode_vector(frequencies.weigh(terms)),
         item.to_bytes(), item.size, terms.days))


def _recount(db: sqlite3.Connection, stories: list[int]) -> None:
    """Each loaded story's counts and sources, from its stored articles (as the ingester recounts a split)."""
    for story in stories:
        db.execute("INSERT OR IGNORE INTO story_sources (story_id, source) "
                   "SELECT DISTINCT story_id, source FROM articles WHERE story_id = ?", (story,))
        db.execute(
            "UPDATE stories SET (articles, copies, first_seen, last_seen) = "
            "(SELECT count(*), count(copy_of), min(seen), max(seen) FROM articles WHERE story_id = ?), "
            "sources = (SELECT count(*) FROM story_sources WHERE story_id = ?) WHERE id = ?",
            (story, story, story))
