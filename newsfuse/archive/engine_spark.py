"""The archive stages inside Apache Spark: the same functions as `engine_local`, over RDDs.

Read units are spread over tasks; copies are found by a shuffle on LSH band keys and a join that checks
the candidate pairs; stories by a shuffle on (language, time window) with the stream's clusterer inside
each partition, votes on the window edges joined back and merged on the driver (one number per story,
not per article); briefs by a shuffle on story. Python workers are reused between tasks
(`spark.python.worker.reuse`, Spark's default), so the language data and models each stage loads are
loaded once per worker, not once per task. Each stage's result is persisted and counted, so the report
can time the stages apart.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from operator import add
from pathlib import Path

from newsfuse.archive import minhash, tables, windows
from newsfuse.archive.engine_local import ArchiveReport, Stopwatch, peak_rss_mb
from newsfuse.archive.readers import Unit, list_units, read_unit
from newsfuse.archive.records import DEFAULT_OPTIONS, ArchiveArticle, ArchiveOptions
from newsfuse.archive.stages import extract, story_brief, story_row
from newsfuse.model import Problem


def spark_session(master: str | None = None, partitions: int = 8, app: str = "newsfuse archive"):
    """A session for `master` (e.g. local[2]); None keeps what spark-submit or the environment set."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    # Workers run this interpreter when nothing else is configured (the same environment on one machine).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (builder.config("spark.sql.shuffle.partitions", str(partitions))
               .config("spark.default.parallelism", str(partitions))
               .config("spark.ui.showConsoleProgress", "false"))
    if master and master.startswith("local"):
        builder = builder.config("spark.ui.enabled", "false").config("spark.driver.memory", "2g")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


class _Largest:
    """Accumulator parameter that keeps the largest value (the peak memory of any Python worker)."""

    def zero(self, value: float) -> float:
        return 0.0

    def addInPlace(self, a: float, b: float) -> float:
        return max(a, b)


def _read_extract(units: Iterable[Unit], max_bytes: int) -> Iterator[ArchiveArticle | Problem]:
    for unit in units:
        for item in read_unit(unit, max_bytes):
            yield item if isinstance(item, Problem) else extract(*item)


def _with_memory(function: Callable, peak) -> Callable:
    """Run a partition function, then add the worker's peak resident memory to the `peak` accumulator."""
    def wrapped(items):
        yield from function(items)
        peak.add(peak_rss_mb())
    return wrapped


def run_spark(inputs: Iterable[str], out: Path, options: ArchiveOptions = DEFAULT_OPTIONS, spark=None,
              on_problem: Callable[[Problem], None] = lambda problem: None) -> ArchiveReport:
    from pyspark import StorageLevel

    spark = spark or spark_session(partitions=options.partitions)
    sc = spark.sparkContext
    keep = StorageLevel.MEMORY_AND_DISK
    report = ArchiveReport()
    watch = Stopwatch(report)
    units, listing = list_units(inputs, min_units=options.partitions)
    for problem in listing:
        report.problems += problem.fatal
        on_problem(problem)
    max_bytes = options.max_bytes
    parts = max(1, options.partitions)

    # Read and extract: one task per unit (file, or byte range of a large JSON Lines file).
    peak = sc.accumulator(0.0, _Largest())
    items = sc.parallelize(units, max(1, len(units))).mapPartitions(
        _with_memory(lambda part: _read_extract(part, max_bytes), peak)).persist(keep)
    for problem in items.filter(lambda item: isinstance(item, Problem)).collect():
        report.problems += problem.fatal
        on_problem(problem)
    rows = items.filter(lambda item: not isinstance(item, Problem)).repartition(parts).persist(keep)
    report.articles = rows.count()
    items.unpersist()
    watch.lap("read and extract")

    # Copies: band keys -> buckets -> candidate pairs -> checked with both signatures.
    signatures = rows.map(lambda row: (row.key, minhash.signature(row.key, row.published_time, row.text))).persist(keep)
    pairs = (signatures.flatMap(lambda item: [(band, item[1].rank) for band in minhash.band_keys(item[1])])
             .groupByKey(parts).flatMap(lambda bucket: minhash.bucket_pairs(bucket[1])).distinct(parts))
    edges = (pairs.join(signatures).map(lambda pair: (pair[1][0], pair[1][1])).join(signatures)
             .map(lambda pair: minhash.check_pair(pair[1][0], pair[1][1])).filter(lambda edge: edge is not None)
             .collect())
    signatures.unpersist()
    originals = sc.broadcast(minhash.resolve_originals(edges))
    report.copies = len(originals.value)

    def mark(row: ArchiveArticle) -> ArchiveArticle:
        found = originals.value.get(row.key)
        if found is not None:
            row.copy_of, row.copy_similarity = found
        return row

    marked = rows.map(mark).persist(keep)
    marked.count()
    rows.unpersist()
    watch.lap("copies")

    # Stories: document-frequency prefixes per window, one clusterer per (language, window), merge.
    slots = (marked.mapPartitions(lambda part: windows.slot_counts(part, options).items())
             .reduceByKey(windows.add_counts).collectAsMap())
    visits_in = marked.flatMap(lambda row: [(key, (row, home)) for key, home in windows.partitions_of(row, options)])
    keys = sorted(visits_in.keys().distinct().collect())
    starts = sc.broadcast(windows.starting_counts(slots, [window for _, window in keys]))
    position = {key: index for index, key in enumerate(keys)}
    visits = (visits_in.partitionBy(max(1, len(keys)), lambda key: position[key])
              .mapPartitions(_with_memory(lambda part: _cluster_all(part, starts.value, options.embeddings), peak))
              .persist(keep))
    homes = visits.filter(lambda visit: visit.home).map(lambda visit: (visit.article, visit.story))
    away = visits.filter(lambda visit: not visit.home).map(lambda visit: (visit.article, visit.story))
    votes = away.join(homes).map(lambda pair: (pair[1], 1)).reduceByKey(add).collect()
    home_stories = homes.values().distinct().collect()
    ids = sc.broadcast(windows.merge_windows(home_stories, votes))
    labelled = (marked.map(lambda row: (row.key, row)).join(homes)
                .map(lambda pair: _labelled(pair[1][0], ids.value[pair[1][1]])).persist(keep))
    labelled.count()
    visits.unpersist()
    marked.unpersist()
    starts.unpersist()
    watch.lap("stories")

    spark.createDataFrame(labelled.map(tables.article_tuple), tables.ddl(tables.ARTICLE_COLUMNS)) \
        .write.mode("overwrite").parquet(str(out / "articles"))
    watch.lap("write")
    _brief_stories(spark, labelled, out, options, report, watch, peak)
    labelled.unpersist()
    report.peak_rss_mb = peak.value
    return report


def run_spark_briefs(out: Path, options: ArchiveOptions = DEFAULT_OPTIONS, spark=None) -> ArchiveReport:
    """The last stage alone: stories and briefs again from `out/articles` (e.g. with the cross-examination)."""
    spark = spark or spark_session(partitions=options.partitions)
    report = ArchiveReport()
    watch = Stopwatch(report)
    peak = spark.sparkContext.accumulator(0.0, _Largest())
    from pyspark import StorageLevel

    rows = (spark.read.parquet(str(out / "articles")).rdd.map(lambda row: ArchiveArticle(**row.asDict()))
            .persist(StorageLevel.MEMORY_AND_DISK))  # counted, then briefed: read once
    report.articles = rows.count()
    report.copies = rows.filter(lambda row: row.copy_of is not None).count()
    watch.lap("read")
    _brief_stories(spark, rows, out, options, report, watch, peak)
    report.peak_rss_mb = peak.value
    return report


def _brief_stories(spark, rows, out: Path, options: ArchiveOptions, report: ArchiveReport, watch: Stopwatch,
                   peak) -> None:
    from pyspark import StorageLevel

    by_story = rows.map(lambda row: (row.story, row)).groupByKey(max(1, options.partitions)).mapValues(list) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    briefs = (by_story.mapPartitions(_with_memory(lambda part: (story_brief(story, members, options)
                                                                for story, members in part), peak))
              .filter(lambda brief: brief is not None).persist(StorageLevel.MEMORY_AND_DISK))
    report.briefs = briefs.count()
    report.stories = by_story.count()
    watch.lap("briefs")
    spark.createDataFrame(by_story.map(lambda pair: story_row(pair[0], pair[1])), tables.ddl(tables.STORY_COLUMNS)) \
        .write.mode("overwrite").parquet(str(out / "stories"))
    spark.createDataFrame(briefs, tables.ddl(tables.BRIEF_COLUMNS)).write.mode("overwrite").parquet(str(out / "briefs"))
    by_story.unpersist()
    briefs.unpersist()
    watch.lap("write")


def _cluster_all(part: Iterable, starts: dict, embeddings: bool = True) -> Iterator[windows.Visit]:
    """Every (language, window) partition routed to this task, clustered apart. The encoder computes on
    the cores Spark gave the task (`spark.task.cpus`, 1 by default), not on every core of the machine:
    the machine's other tasks have theirs (`Embedder`: two tasks on every core each encoded slower
    together than one alone)."""
    from pyspark import TaskContext

    context = TaskContext.get()
    threads = context.cpus() if context is not None else 1
    groups: dict[windows.PartitionKey, list[tuple[ArchiveArticle, bool]]] = {}
    for key, member in part:
        groups.setdefault(key, []).append(member)
    for key, members in sorted(groups.items()):
        yield from windows.cluster_partition(key, members, starts.get(key[1]), embeddings=embeddings,
                                             encoder_threads=threads)


def _labelled(row: ArchiveArticle, story: int) -> ArchiveArticle:
    row.story = story
    return row


def jvm_peak_mb(spark) -> float:
    """Peak resident memory of the JVM behind a local session (its executor), from /proc; 0 if unknown."""
    process = getattr(spark.sparkContext._gateway, "proc", None)
    if process is None:
        return 0.0
    best = 0.0
    pending = [process.pid]
    while pending:
        pid = pending.pop()
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    best = max(best, int(line.split()[1]) / 1024)
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return best
