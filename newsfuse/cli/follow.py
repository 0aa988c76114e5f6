"""`newsfuse follow`: poll RSS/Atom feeds and ingest their articles into the story database."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import click

from newsfuse.cli.common import DB_HELP, EMBEDDINGS_HELP, EXIT_NOTHING_USABLE, EXIT_OK, EXIT_USAGE, load_embedder, say
from newsfuse.cli.common import report as report_problems
from newsfuse.follow.fetch import DEFAULT_HOST_DELAY, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float | None:
    """'15m', '90s', '1h', '2d' or plain seconds -> seconds; None when it is not a duration."""
    match = _DURATION.match(value.lower())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else None


def feed_urls(urls: tuple[str, ...], lists: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Feed URLs from the command line and from feed-list files (plain or OPML), with the problems found."""
    from newsfuse.follow.lists import check_url, read_feed_list

    found, problems = [], []
    for url in urls:
        reason = check_url(url)
        if reason:
            problems.append(f"{url}: {reason}")
        else:
            found.append(url)
    for name in lists:
        try:
            data = Path(name).read_bytes()
        except OSError as error:
            problems.append(f"{name}: cannot read ({error.strerror})")
            continue
        listed = read_feed_list(data, name)
        found.extend(listed.urls)
        problems.extend(listed.problems)
    return list(dict.fromkeys(found)), problems


def period_and_feeds(command: str, every: str, urls: tuple[str, ...], lists: tuple[str, ...]
                     ) -> tuple[float, list[str]]:
    """The polling period and the feed URLs of `follow` and `serve --follow`: a period that is not a
    duration is a usage error (exit 2); a feed list that cannot be read is reported and skipped."""
    period = parse_duration(every)
    if period is None or period <= 0:
        say(f"newsfuse {command}: --every: not a duration: {every!r} (try 15m, 90s, 1h)")
        sys.exit(EXIT_USAGE)
    found, problems = feed_urls(urls, lists)
    for problem in problems:
        say(f"newsfuse: {problem}: skipped")
    return period, found


@click.command()
@click.argument("urls", nargs=-1, metavar="FEED_URL...")
@click.option("--feeds", "lists", multiple=True, type=click.Path(dir_okay=False),
              help="A file of feed URLs, one a line, or an OPML export from a feed reader (repeatable).")
@click.option("--every", default="15m", show_default=True, metavar="DURATION",
              help="How often to poll each feed: 90s, 15m, 1h...")
@click.option("--once", is_flag=True, help="Poll every feed once and exit (for cron).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
@click.option("--delay", default=DEFAULT_HOST_DELAY, show_default=True, type=click.FloatRange(0),
              help="Seconds between two requests to the same host.")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(0.1),
              help="Seconds to wait for a server to answer.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Refuse feeds and pages larger than this.")
@click.option("--quiet", "-q", is_flag=True, help="Report only problems, not each round.")
@click.option("--embeddings/--no-embeddings", default=False, show_default=True,
              help=EMBEDDINGS_HELP + " Use it on every run that writes to one database.")
def follow(urls: tuple[str, ...], lists: tuple[str, ...], every: str, once: bool, db_path: str | None,
           delay: float, timeout: float, max_bytes: int, quiet: bool, embeddings: bool) -> None:
    """Poll the RSS/Atom feeds at FEED_URL... and store their articles, grouped into stories.

    Each new entry is stored as `newsfuse ingest` stores it; when a feed carries only a summary, the
    article's page is fetched and its text extracted. Requests are conditional (ETag, Last-Modified),
    polite (--delay between two requests to one host), time-limited and size-capped. A feed that fails is
    reported and retried later, waiting twice as long after each failure; the others go on.

    Exit status: 0, or 1 when every feed asked in the last round failed; 2 for a usage error.

    \b
    Examples:
      newsfuse follow https://example.org/news.rss --every 15m
      newsfuse follow --feeds subscriptions.opml --once      (from cron)
    """
    period, found = period_and_feeds("follow", every, urls, lists)
    if not found:
        say("newsfuse follow: no feed to follow: give FEED_URL... or --feeds FILE (see --help)")
        sys.exit(EXIT_USAGE if not urls and not lists else EXIT_NOTHING_USABLE)
    from newsfuse.follow.fetch import Fetcher
    from newsfuse.follow.poller import Follower, every_period
    from newsfuse.store.db import StoreError, connect, default_db_path

    embedder = load_embedder(embeddings)  # a missing package is told before anything is opened
    target = db_path or str(default_db_path())
    try:
        connection = connect(target)
    except (StoreError, sqlite3.Error) as error:
        say(f"newsfuse: {error}")
        sys.exit(EXIT_NOTHING_USABLE)
    fetcher = Fetcher(max_bytes=max_bytes, timeout=timeout, host_delay=delay)
    follower = Follower(connection, fetcher, period, on_problem=lambda problem: report_problems([problem]),
                        embedder=embedder)
    status = EXIT_OK
    try:
        for _round in every_period(period):
            try:
                report = follower.round(found)
            except sqlite3.Error as error:  # the database, not a feed: say so; the next round tries again
                say(f"newsfuse: follow: round failed: database error ({error}) -> {target}")
                status = EXIT_NOTHING_USABLE
            else:
                status = EXIT_NOTHING_USABLE if report.checked and report.failed == report.checked else EXIT_OK
                if not quiet:
                    say(f"newsfuse: follow: {report.line()} -> {target}")
            if once:
                break
    except KeyboardInterrupt:
        say("newsfuse: follow: stopped")
    finally:
        fetcher.close()
        connection.close()
    sys.exit(status)

