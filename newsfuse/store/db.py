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

SCHEMA_VERSION = 4
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
    # Full-text search over titles and text for `newsfuse serve` (kept in step by triggers, filled once
    # for older databases), and each story's brief cached per story version (its article count and
    # newest article: a story that gains or loses articles gets a new version); the feeds `follow` polls.
    2: """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='id');
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TABLE brief_cache (
        story_id INTEGER NOT NULL,
        version TEXT NOT NULL,
        brief TEXT NOT NULL,                  -- JSON: the brief and what its page shows
        created REAL NOT NULL,
        PRIMARY KEY (story_id, version)
    );
    CREATE TABLE feeds (                      -- `newsfuse follow`: what each feed said last, and its back-off
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_try REAL NOT NULL DEFAULT 0,
        last_status TEXT,
        checked REAL
    );
    """,
    # The weekdays each article's lead names (cluster/features.event_days), so that a restarted ingest
    # judges new articles against restored members as an uninterrupted one would. Rows stored before
    # keep 0 ("names no day"): they are judged on their words alone.
    3: """
    ALTER TABLE articles ADD COLUMN event_days INTEGER NOT NULL DEFAULT 0;
    """,
    # Each article's sentence embedding (384 little-endian float32), when it was ingested with
    # --embeddings, so that a restarted ingest compares new articles with restored members by meaning too.
    # NULL: ingested without (rows stored before, or another run's choice).
    4: """
    ALTER TABLE articles ADD COLUMN embedding BLOB;
    """,
}


def default_db_path() -> Path:
    """`$NEWSFUSE_DB` when set, else `newsfuse.db` in the current folder (one database per project)."""
    return Path(os.environ.get("NEWSFUSE_DB") or "newsfuse.db")


class StoreError(Exception):
    """The file cannot be used as the story database (not SQLite, another application's, too new)."""


# The tables every newsfuse database has had since schema 1: a file without them is not newsfuse's.
_OWN_TABLES = frozenset({"stories", "articles"})


def connect(path: str | Path, create: bool = True) -> sqlite3.Connection:
    """Open (and create or migrate) the database. Transactions are explicit: autocommit mode.

    Raises StoreError, before writing anything, when the file is another application's database, a
    newer newsfuse's, or not a database at all: newsfuse never adds its tables to someone else's file."""
    target = Path(path)
    if not create and not target.exists():
        raise FileNotFoundError(f"no database at {target} (create one with `newsfuse ingest`)")
    try:
        connection = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(f"{target}: cannot open the database ({error})") from None
    try:
        check_schema(connection, target)
    except BaseException:
        connection.close()
        raise
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _use_wal(connection)
    connection.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
    connection.execute("PRAGMA foreign_keys = ON")
    migrate(connection)
    return connection


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open an existing newsfuse database for reading only: nothing is created, migrated or switched to
    WAL, so pointing a read command at the wrong file never changes it. Raises FileNotFoundError when
    there is no file, StoreError when it is not a newsfuse database (or holds none yet)."""
    target = Path(path)
    if not target.exists():
        raise FileNotFoundError(f"no database at {target} (create one with `newsfuse ingest`)")
    uri = target.resolve().as_uri() + "?mode=ro"  # as_uri quotes '?', '#' and undecodable bytes in the name
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise StoreError(f"{target}: cannot open the database ({error})") from None
    try:
        if check_schema(connection, target) == 0:
            raise StoreError(f"{target}: holds no newsfuse data yet (create it with `newsfuse ingest`)")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        connection.close()
        raise
    return connection


def check_schema(connection: sqlite3.Connection, target: Path) -> int:
    """The file's newsfuse schema version (0: an empty database), or StoreError when the file is not one
    newsfuse may use. Reads only."""
    # One read transaction: read apart, another process creating the tables between the two reads would
    # make a fresh database look like someone else's (version 0 with tables).
    try:
        connection.execute("BEGIN")
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                      if not name.startswith("sqlite_")}
        finally:
            if connection.in_transaction:
                connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        raise StoreError(f"{target}: not a usable SQLite database ({error})") from None
    if version > SCHEMA_VERSION:
        raise StoreError(f"{target}: written by a newer newsfuse (database schema {version}; this version "
                         f"knows up to {SCHEMA_VERSION}): upgrade newsfuse to use it")
    if (version == 0 and tables) or (version > 0 and not tables >= _OWN_TABLES):
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(f"{target}: not a newsfuse database (it holds other tables: {shown}); "
                         "newsfuse leaves it as it is")
    return version


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
            for statement in _statements(_MIGRATIONS[step]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:  # SQLite has already rolled back after a full disk or I/O error
            connection.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """The script's statements; a trigger's body holds semicolons, so split where SQLite says one ends."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending)
            pending = ""
    return statements
