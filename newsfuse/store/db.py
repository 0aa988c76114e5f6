"""The article database: SQLite in WAL mode, schema versioned by `PRAGMA user_version`.

WAL lets readers (`newsfuse stories`) run while an ingest writes; `busy_timeout` makes a second writer
wait for the first instead of failing; every batch is one transaction, so a killed ingest loses at
most its uncommitted batch and leaves the database as of its last commit.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

SCHEMA_VERSION = 1
# Articles per transaction: a kill loses at most this many uncommitted articles, and a commit (an fsync
# of the WAL) costs a few milliseconds, under 0.01 ms per article at this size.
BATCH_SIZE = 500
# A writer holds the lock for one batch (about a second); others wait this long before giving up.
BUSY_TIMEOUT_MS = 120_000

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        articles INTEGER NOT NULL DEFAULT 0,
        copies INTEGER NOT NULL DEFAULT 0,
        sources INTEGER NOT NULL DEFAULT 0,
        first_seen REAL NOT NULL,
        last_seen REAL NOT NULL
    );
    CREATE INDEX stories_last_seen ON stories (last_seen);
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_id TEXT NOT NULL,              -- the id the input gave
        url TEXT,
        url_key TEXT UNIQUE,                  -- normalised URL: the same page is one article
        content_hash TEXT NOT NULL UNIQUE,    -- normalised text: the same content is one article
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        outlet TEXT,
        source TEXT NOT NULL,                 -- outlet, else the URL's host: what counts as one source
        published TEXT,
        published_time REAL,                  -- seconds since the epoch, when known
        seen REAL NOT NULL,                   -- published_time, else the time of ingest
        ingested REAL NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories (id),
        similarity REAL NOT NULL,             -- cosine with the story when it joined (0: opened it)
        copy_of INTEGER REFERENCES articles (id),
        vector BLOB NOT NULL,                 -- clustering vector, to rebuild the window on restart
        sketch BLOB NOT NULL,                 -- copy-detection sketch
        shingles INTEGER NOT NULL
    );
    CREATE INDEX articles_story ON articles (story_id, seen);
    CREATE INDEX articles_seen ON articles (seen);
    CREATE TABLE story_sources (
        story_id INTEGER NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (story_id, source)
    ) WITHOUT ROWID;
    CREATE TABLE term_frequencies (bucket INTEGER PRIMARY KEY, documents INTEGER NOT NULL);
    """,
}


def default_db_path() -> Path:
    """`$NEWSFUSE_DB` when set, else `newsfuse.db` in the current folder (one database per project)."""
    return Path(os.environ.get("NEWSFUSE_DB") or "newsfuse.db")


def connect(path: str | Path, create: bool = True) -> sqlite3.Connection:
    """Open (and create or migrate) the database. Transactions are explicit: autocommit mode."""
    target = Path(path)
    if not create and not target.exists():
        raise FileNotFoundError(f"no database at {target} (create one with `newsfuse ingest`)")
    connection = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _use_wal(connection)
    connection.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
    connection.execute("PRAGMA foreign_keys = ON")
    migrate(connection)
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Switch to WAL (once per file: the mode is persistent). The switch needs the file to itself and
    SQLite reports "locked" at once instead of waiting, so wait here while another process creates it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _MIGRATIONS[step].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
