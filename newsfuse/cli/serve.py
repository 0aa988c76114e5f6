"""`newsfuse serve`: the story database as a local web app, optionally following feeds as it runs."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import click

from newsfuse.cli.common import DB_HELP, EXIT_NOTHING_USABLE, EXIT_OK, say
from newsfuse.cli.common import report as report_problems
from newsfuse.cli.follow import period_and_feeds
from newsfuse.follow.fetch import DEFAULT_HOST_DELAY, DEFAULT_TIMEOUT


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default is reachable from this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--follow", "follow_urls", multiple=True, metavar="FEED_URL",
              help="Also follow this feed while serving (repeatable), as `newsfuse follow` does.")
@click.option("--feeds", "lists", multiple=True, type=click.Path(dir_okay=False),
              help="Also follow the feeds listed in this file (one URL a line, or OPML).")
@click.option("--every", default="15m", show_default=True, metavar="DURATION", help="How often to poll the feeds.")
@click.option("--delay", default=DEFAULT_HOST_DELAY, show_default=True, type=click.FloatRange(0),
              help="Seconds between two requests to the same host.")
def serve(db_path: str | None, host: str, port: int, follow_urls: tuple[str, ...], lists: tuple[str, ...],
          every: str, delay: float) -> None:
    """Read the stories in a web browser: the list, each story's brief with its sources' own words,
    the articles, search, and a feed of stories (/feed.atom, /feed.json) for any feed reader.

    \b
    Examples:
      newsfuse serve --db news.db                  then open http://127.0.0.1:8000/
      newsfuse serve --follow https://example.org/news.rss --every 15m
    """
    from newsfuse.store.db import default_db_path

    target = Path(db_path or default_db_path())
    period, found = period_and_feeds("serve", every, follow_urls, lists)
    if not target.exists() and not found:
        say(f"newsfuse: no database at {target} (create one with `newsfuse ingest`, or serve with --follow)")
        sys.exit(EXIT_NOTHING_USABLE)
    import uvicorn

    from newsfuse.serve.app import create_app
    from newsfuse.store.db import StoreError, connect

    try:
        connect(target).close()  # create or migrate once, before any request
    except (StoreError, sqlite3.Error) as error:
        say(f"newsfuse: {error}")
        sys.exit(EXIT_NOTHING_USABLE)
    stop = threading.Event()
    if found:
        threading.Thread(target=_follow_loop, args=(target, found, period, delay, stop), daemon=True,
                         name="newsfuse-follow").start()
    if host not in ("127.0.0.1", "localhost", "::1"):
        say(f"newsfuse: warning: listening on {host}: other machines can read this database")
    shown = f"[{host}]" if ":" in host else host
    say(f"newsfuse: serving {target} on http://{shown}:{port}/ (Ctrl-C stops)")
    try:
        uvicorn.run(create_app(target), host=host, port=port, log_level="warning", access_log=False,
                    server_header=False)
    finally:
        stop.set()
    sys.exit(EXIT_OK)


def _follow_loop(target: Path, urls: list[str], period: float, delay: float, stop: threading.Event) -> None:
    """Rounds of `follow` in the background, on a connection of its own, until the server stops."""
    from newsfuse.follow.fetch import Fetcher
    from newsfuse.follow.poller import Follower, every_period
    from newsfuse.store.db import connect

    connection = connect(target)
    fetcher = Fetcher(timeout=DEFAULT_TIMEOUT, host_delay=delay)
    follower = Follower(connection, fetcher, period, on_problem=lambda problem: report_problems([problem]))
    try:
        for _round in every_period(period, stop):
            newest = connection.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
            try:
                report = follower.round(urls)
                say(f"newsfuse: follow: {report.line()}")
                _warm_briefs(connection, newest, stop)
            except Exception as error:  # a round that fails must not end the server; the next round retries
                say(f"newsfuse: follow: round failed ({type(error).__name__}: {error})")
    finally:
        fetcher.close()
        connection.close()


def _warm_briefs(connection: sqlite3.Connection, newest: int, stop: threading.Event) -> None:
    """Build the briefs of the newest stories that gained articles in the round, so that their pages and
    the story feed answer from the cache (the feed shows this many stories)."""
    from newsfuse.serve.briefs import story_brief_cached
    from newsfuse.serve.feeds import FEED_STORIES

    changed = connection.execute(
        "SELECT s.id FROM stories s WHERE s.id IN (SELECT story_id FROM articles WHERE id > ?) "
        "ORDER BY s.last_seen DESC LIMIT ?", (newest, FEED_STORIES)).fetchall()
    for (story,) in changed:
        if stop.is_set():
            return
        story_brief_cached(connection, story)

