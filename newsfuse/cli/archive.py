"""`newsfuse archive`: a whole archive -> Parquet tables of articles, stories and briefs, in one process
or on Apache Spark."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsfuse.cli.common import EMBEDDINGS_HELP, EXIT_NOTHING_USABLE, EXIT_OK, EXIT_USAGE, use_embeddings
from newsfuse.cluster.params import WINDOW_DAYS
from newsfuse.ingest import DEFAULT_MAX_BYTES
from newsfuse.model import Problem


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder for the Parquet tables.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="local: one process (small archives); spark: Apache Spark (PySpark).")
@click.option("--master", default=None, help="Spark master URL, e.g. 'local[2]' or spark://host:7077 "
                                               "(default: what spark-submit set, else local[*]).")
@click.option("--partitions", default=8, show_default=True, type=click.IntRange(1),
              help="Spark partitions of the copies and briefs stages.")
@click.option("--words", default=200, show_default=True, type=click.IntRange(10, 5000), help="Words per brief.")
@click.option("--analysis/--no-analysis", default=False, show_default=True,
              help="Cross-examine the sources in each brief (spaCy; several times slower).")
@click.option("--window-days", default=28.0, show_default=True, type=click.FloatRange(WINDOW_DAYS, min_open=True),
              help=f"Width of a story-grouping partition in days (more than the {WINDOW_DAYS:g} days each "
                   "partition repeats of the one before).")
@click.option("--only-briefs", is_flag=True,
              help="Run the last stage alone: OUT/stories and OUT/briefs again from OUT/articles (no INPUT).")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Skip input files larger than this, and JSON Lines lines longer than this (JSON Lines, WARC "
                   "and Parquet files are streamed, whatever their size).")
@click.option("--quiet", "-q", is_flag=True, help="Report only the totals, not each skipped article.")
@click.option("--embeddings/--no-embeddings", default=None,
              help=EMBEDDINGS_HELP + " Each Spark executor loads the encoder once. [default: embeddings]")
def archive(inputs: tuple[str, ...], out: str, engine: str, master: str | None, partitions: int, words: int,
            analysis: bool, window_days: float, only_briefs: bool, max_bytes: int, quiet: bool,
            embeddings: bool | None) -> None:
    """Read an archive, find copies, group stories and brief each story told by two or more sources.

    INPUT... are files or folders: JSON Lines, JSON, Parquet, HTML, text, Markdown, feeds, gzip of any of
    these, and WARC / WARC.gz (Common Crawl, CC-News). Writes the Parquet tables OUT/articles,
    OUT/stories and OUT/briefs (each brief as `newsfuse brief --format json`); load them for
    `newsfuse stories` with `newsfuse ingest --from-archive OUT`.

    \b
    Examples:
      newsfuse archive examples/harbour-strike --out out/
      newsfuse archive crawl/*.warc.gz --out out/ --engine spark --master 'local[2]'
      newsfuse archive --out out/ --only-briefs --analysis   (briefs again, cross-examined)
      spark-submit .../newsfuse/cli/archive_submit.py crawl/ --out out/   (docs/scale.md)

    Exit status: 0 when at least one article was used, 1 when none was, 2 for a usage error.
    """
    if not inputs and not only_briefs:
        click.echo("newsfuse archive: give INPUT... (files or folders; see --help)", err=True)
        sys.exit(EXIT_USAGE)
    if only_briefs and not (Path(out) / "articles").is_dir():
        click.echo(f"newsfuse archive: {Path(out) / 'articles'}: no articles table to brief (run the whole job "
                   "first)", err=True)
        sys.exit(EXIT_USAGE)
    from newsfuse.archive.records import ArchiveOptions

    # Looked for now, so that a missing package is told here and not as a failed task later (the stories
    # stage loads the encoder where it runs: in this process, or in each Spark worker).
    embeddings = not only_briefs and use_embeddings(embeddings)
    options = ArchiveOptions(words=words, analysis=analysis, window_days=window_days, partitions=partitions,
                             max_bytes=max_bytes, embeddings=embeddings)

    def on_problem(problem: Problem) -> None:
        if not quiet:
            click.echo(f"newsfuse: {problem}", err=True)

    target = Path(out)
    if engine == "spark":
        try:
            from newsfuse.archive.engine_spark import run_spark, run_spark_briefs, spark_session
        except ImportError as error:  # pyspark missing from this environment
            click.echo(f"newsfuse archive: the Spark engine needs PySpark ({error})", err=True)
            sys.exit(EXIT_USAGE)
        from pyspark.sql import SparkSession

        running = SparkSession.getActiveSession()  # an embedding program's session is used, and left running
        try:
            session = running or spark_session(master, partitions)
        except Exception as error:  # no Java, a bad master URL: say so, without a Java stack trace
            click.echo(f"newsfuse archive: could not start Spark ({type(error).__name__}: "
                       f"{str(error).splitlines()[0] if str(error) else ''})", err=True)
            sys.exit(EXIT_USAGE)
        try:
            if only_briefs:
                report = run_spark_briefs(target, options, spark=session)
            else:
                report = run_spark(inputs, target, options, spark=session, on_problem=on_problem)
        except Exception as error:  # a lost executor, a full disk: the job failed; say why in one line
            message = str(error).strip().splitlines()[0] if str(error).strip() else ""
            click.echo(f"newsfuse archive: the Spark job failed ({type(error).__name__}: {message})", err=True)
            sys.exit(EXIT_NOTHING_USABLE)
        finally:
            if running is None:
                session.stop()
    else:
        from newsfuse.archive.engine_local import run_local, run_local_briefs

        if only_briefs:
            report = run_local_briefs(target, options)
        else:
            report = run_local(inputs, target, options, on_problem=on_problem)
    stages = ", ".join(f"{stage} {seconds:.1f}s" for stage, seconds in report.seconds.items())
    click.echo(f"newsfuse: {report.articles} articles, {report.copies} copies, {report.stories} stories, "
               f"{report.briefs} briefs, {report.problems} skipped -> {target} ({stages})", err=True)
    sys.exit(EXIT_OK if report.articles else EXIT_NOTHING_USABLE)


def ingest_archive(folder: str, target: str) -> int:
    """`newsfuse ingest --from-archive DIR`: load an archive's tables into the story database."""
    import sqlite3

    from newsfuse.archive.load import load_archive
    from newsfuse.store.db import connect

    try:
        connection = connect(target)
    except (sqlite3.Error, Exception) as error:  # not a database, another application's file
        click.echo(f"newsfuse: {target}: cannot use the database ({error})", err=True)
        return EXIT_NOTHING_USABLE
    try:
        report = load_archive(connection, Path(folder))
    except FileNotFoundError as error:
        click.echo(f"newsfuse: {folder}: not an archive output folder ({error})", err=True)
        return EXIT_NOTHING_USABLE
    except (OSError, ValueError, sqlite3.Error) as error:  # unreadable Parquet, a full disk: nothing was stored
        click.echo(f"newsfuse: {folder}: loading stopped, nothing stored ({type(error).__name__}: {error})", err=True)
        return EXIT_NOTHING_USABLE
    finally:
        connection.close()
    click.echo(f"newsfuse: {report.added} added, {report.duplicates} already stored, {report.stories} stories "
               f"-> {target}", err=True)
    return EXIT_OK
