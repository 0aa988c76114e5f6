"""`newsfuse ingest`: articles into the story database, clustered into stories as they arrive."""

from __future__ import annotations

import sqlite3
import sys

import click

from newsfuse.cli.common import (
    DB_HELP,
    EMBEDDINGS_HELP,
    EXIT_NOTHING_USABLE,
    EXIT_OK,
    EXIT_USAGE,
    fail,
    load_embedder,
    say,
)
from newsfuse.ingest import DEFAULT_MAX_BYTES
from newsfuse.model import Problem
from newsfuse.store.db import BATCH_SIZE, StoreError, connect, default_db_path


@click.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--feed", "feeds", multiple=True, type=click.Path(exists=False),
              help="An RSS/Atom file, or a folder of them (repeatable).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--batch", "batch_size", default=BATCH_SIZE, show_default=True, type=click.IntRange(1, 100_000),
              help="Articles per transaction (a crash loses at most one uncommitted batch).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Skip input files larger than this (JSON Lines files are streamed, whatever their size).")
@click.option("--quiet", "-q", is_flag=True, help="Do not report duplicates one by one.")
@click.option("--embeddings/--no-embeddings", default=False, show_default=True,
              help=EMBEDDINGS_HELP + " Use it on every ingest into one database: the stored articles' embeddings "
                                     "are what later ones are compared with.")
@click.option("--from-archive", "archive_dir", type=click.Path(file_okay=False), default=None,
              help="Load the articles and stories of a `newsfuse archive --out DIR` folder instead.")
def ingest(paths: tuple[str, ...], feeds: tuple[str, ...], db_path: str | None, batch_size: int, max_bytes: int,
           quiet: bool, embeddings: bool, archive_dir: str | None) -> None:
    """Store the articles in PATH... (files, folders, - for standard input) and group them into stories.

    The same article given twice (same URL, or same text) is stored once. Each batch is one transaction:
    interrupting an ingest loses at most the uncommitted batch, and running it again continues. Two
    ingests may run at once on one database.

    \b
    Examples:
      newsfuse ingest articles/ today.jsonl
      newsfuse ingest --feed feeds/ --db news.db
      cat stream.jsonl | newsfuse ingest -

    Problems with single articles are reported on standard error and skipped. Exit status: 0 when the run
    completed (even if every article was already stored), 1 when no input was readable, 2 for a usage error.
    """
    if archive_dir:
        from newsfuse.cli.archive import ingest_archive

        sys.exit(ingest_archive(archive_dir, db_path or str(default_db_path())))
    if not paths and not feeds:
        click.echo("newsfuse ingest: give PATH... or --feed FILE_OR_DIR (see --help)", err=True)
        sys.exit(EXIT_USAGE)
    target = db_path or str(default_db_path())

    def on_problem(problem: Problem) -> None:
        if problem.fatal or not quiet:
            say(f"newsfuse: {problem}")

    from newsfuse.store.ingest import Ingester
    from newsfuse.store.sources import stream_feeds, stream_inputs

    embedder = load_embedder(embeddings)  # a missing package is told before anything is opened
    try:
        connection = connect(target)
    except (StoreError, sqlite3.Error) as error:  # another application's file, a newer schema, not SQLite
        fail(f"newsfuse: {error}")
    ingester = Ingester(connection, batch_size=batch_size, on_problem=on_problem, embedder=embedder)
    try:
        items = _chain(stream_inputs(paths, max_bytes) if paths else iter(()), stream_feeds(feeds, max_bytes))
        report = ingester.ingest(items)
    except (sqlite3.Error, OSError) as error:  # a full disk, an I/O error: the committed batches are kept
        kept = ingester.report
        fail(f"newsfuse: {target}: ingest stopped ({error}) after storing {kept.added} articles; every "
             "committed batch is kept: run the same ingest again to continue")
    finally:
        connection.close()
    say(f"newsfuse: {report.added} added, {report.duplicates} already stored, {report.copies} copies, "
        f"{report.new_stories} new stories, {report.problems} skipped -> {target}")
    seen = report.added + report.duplicates
    sys.exit(EXIT_OK if seen or not report.problems else EXIT_NOTHING_USABLE)


def _chain(*streams):
    for stream in streams:
        yield from stream
