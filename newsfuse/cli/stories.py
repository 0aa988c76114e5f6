"""`newsfuse stories`: the stories in the database; and the `--story` part of `newsfuse brief`."""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from datetime import UTC
from typing import TYPE_CHECKING

import click

from newsfuse.cli.common import DB_HELP, EXIT_OK, EXIT_USAGE, fail, write_stdout
from newsfuse.display import json_safe, one_line
from newsfuse.model import Problem
from newsfuse.store.db import StoreError, connect_readonly, default_db_path
from newsfuse.store.queries import StoryRow, list_stories

if TYPE_CHECKING:  # the brief pipeline is imported only when a brief is asked for
    from newsfuse.model import Brief
    from newsfuse.pipeline import BriefOptions



@click.command()
@click.option("--since", default=None, metavar="DATE",
              help="Only stories with an article seen since DATE (ISO 8601; 2025-04 means from 1 April 2025).")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1),
              help="Only stories with at least this many articles.")
@click.option("--limit", "-n", default=None, type=click.IntRange(1), help="At most this many stories.")
@click.option("--format", "-f", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]),
              help="text for a terminal, json (one object a line) for programs.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
def stories(since: str | None, min_articles: int, limit: int | None, fmt: str, db_path: str | None) -> None:
    """List the stories in the database: title, articles, sources, first and last seen.

    \b
    Examples:
      newsfuse stories --since 2024-05-01 --min-articles 3
      newsfuse stories --format json | jq .title
      newsfuse brief --story 42            the brief of story 42
    """
    since_time = _since_or_exit(since, "stories")
    connection = _open_or_exit(db_path)
    try:
        rows = list_stories(connection, since_time, limit, min_articles)
    except sqlite3.Error as error:  # a damaged file can open and still fail on the first page it reads
        fail(f"newsfuse: {db_path or default_db_path()}: cannot read the database ({error})")
    finally:
        connection.close()
    if fmt == "json":
        encode = json.JSONEncoder(ensure_ascii=False).encode
        lines = [json_safe(encode(_record(row))) for row in rows]
    else:
        lines = [f"{row.id:>7}  {row.articles:>5} art {row.sources:>4} src  {_iso(row.first_seen)[:16]}"
                 f" .. {_iso(row.last_seen)[:16]}  {one_line(row.title[:80])}" for row in rows]
    if lines:
        write_stdout("\n".join(lines) + "\n")  # one write: thousands of small writes cost more than the query
    sys.exit(EXIT_OK)


def parse_since(since: str) -> float | None:
    """An ISO 8601 date or time -> seconds since the epoch (UTC when no zone is given); None if it is not one.

    A partial date starts at its earliest moment: `2025-04` is 1 April 2025, 00:00, and `2025` is New
    Year's Day, never today's day or month borrowed to fill the gap (dateutil's `isoparse` fills this way;
    its free-form `parse` would take the missing parts from today)."""
    from dateutil.parser import isoparse

    try:
        stamp = isoparse(since.strip())
    except (ValueError, OverflowError):
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    try:
        return stamp.timestamp()
    except (ValueError, OverflowError):  # year 1 with a zone east of UTC
        return None


def _since_or_exit(since: str | None, command: str) -> float | None:
    """--since as a time stamp; a value that is not an ISO 8601 date or time is a usage error (exit 2)."""
    if since is None:
        return None
    since_time = parse_since(since)
    if since_time is None:
        fail(f"newsfuse {command}: --since: not an ISO 8601 date or time (2025-04, 2025-04-09, "
             f"2025-04-09T08:00): {since!r}", EXIT_USAGE)
    return since_time


def _open_or_exit(db_path: str | None) -> sqlite3.Connection:
    """The existing story database, read-only; none there, or a file that is not one, means nothing
    usable (exit 1): a read command never creates, migrates or changes a database."""
    try:
        return connect_readonly(db_path or default_db_path())
    except (FileNotFoundError, StoreError) as error:
        fail(f"newsfuse: {error}")


def _record(row: StoryRow) -> dict:
    return {"id": row.id, "title": row.title, "articles": row.articles, "copies": row.copies,
            "sources": row.sources, "first_seen": _iso(row.first_seen), "last_seen": _iso(row.last_seen)}


def _iso(stamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))  # 3x faster than datetime's, per row


def brief_from_store(paths: tuple[str, ...], story_id: int, since: str | None, db_path: str | None,
                     options: BriefOptions) -> Brief:
    """The story's brief, or exits: 2 for a usage error, 1 when the story or anything new is missing."""
    if paths:
        click.echo("newsfuse brief: give PATH... or --story ID, not both", err=True)
        sys.exit(EXIT_USAGE)
    since_time = _since_or_exit(since, "brief")
    connection = _open_or_exit(db_path)
    from newsfuse.store.briefs import story_brief

    try:
        result = story_brief(connection, story_id, options, since_time)
    except sqlite3.Error as error:
        fail(f"newsfuse: {db_path or default_db_path()}: cannot read the database ({error})")
    finally:
        connection.close()
    if isinstance(result, Problem):
        fail(f"newsfuse: {result.input}: {result.reason}")
    return result
