"""The archive stages in one process: for small archives, for tests, and as the reference for Spark."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.archive import minhash, tables, windows
from newsfuse.archive.readers import list_units, read_unit
from newsfuse.archive.records import DEFAULT_OPTIONS, ArchiveArticle, ArchiveOptions
from newsfuse.archive.stages import extract, story_brief, story_row
from newsfuse.model import Problem


@dataclass
class ArchiveReport:
    articles: int = 0
    problems: int = 0
    copies: int = 0
    stories: int = 0
    briefs: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall-clock seconds
    peak_rss_mb: float = 0.0  # the largest resident memory of a process that ran stages


class Stopwatch:
    def __init__(self, report: ArchiveReport) -> None:
        self.report = report
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.report.seconds[stage] = self.report.seconds.get(stage, 0.0) + now - self.last
        self.last = now


def run_local(inputs: Iterable[str], out: Path, options: ArchiveOptions = DEFAULT_OPTIONS,
              on_problem: Callable[[Problem], None] = lambda problem: None) -> ArchiveReport:
    report = ArchiveReport()
    watch = Stopwatch(report)

    def problem(item: Problem) -> None:
        report.problems += item.fatal
        on_problem(item)

    units, listing = list_units(inputs)
    for item in listing:
        problem(item)
    rows: list[ArchiveArticle] = []
    for unit in units:
        for item in read_unit(unit, options.max_bytes):
            if isinstance(item, Problem):
                problem(item)
                continue
            result = extract(*item)
            if isinstance(result, Problem):
                problem(result)
            else:
                rows.append(result)
    report.articles = len(rows)
    watch.lap("read and extract")

    originals = find_copies(rows)
    report.copies = len(originals)
    watch.lap("copies")

    group_stories(rows, options)
    watch.lap("stories")

    tables.write_local(out / "articles", tables.ARTICLE_COLUMNS,
                       (tables.article_tuple(row) for row in sorted(rows, key=lambda row: row.key)))
    watch.lap("write")
    brief_stories(rows, out, options, report, watch)
    report.peak_rss_mb = peak_rss_mb()
    return report


def run_local_briefs(out: Path, options: ArchiveOptions = DEFAULT_OPTIONS) -> ArchiveReport:
    """The last stage alone: stories and briefs again from `out/articles` (e.g. with the cross-examination)."""
    report = ArchiveReport()
    watch = Stopwatch(report)
    rows = tables.read_articles(out / "articles")
    report.articles, report.copies = len(rows), sum(row.copy_of is not None for row in rows)
    watch.lap("read")
    brief_stories(rows, out, options, report, watch)
    report.peak_rss_mb = peak_rss_mb()
    return report


def brief_stories(rows: list[ArchiveArticle], out: Path, options: ArchiveOptions, report: ArchiveReport,
                  watch: Stopwatch) -> None:
    by_story: dict[int, list[ArchiveArticle]] = defaultdict(list)
    for row in rows:
        by_story[row.story].append(row)
    briefs = [brief for story, members in sorted(by_story.items())
              if (brief := story_brief(story, members, options)) is not None]
    report.stories, report.briefs = len(by_story), len(briefs)
    watch.lap("briefs")
    tables.write_local(out / "stories", tables.STORY_COLUMNS,
                       (story_row(story, members) for story, members in sorted(by_story.items())))
    tables.write_local(out / "briefs", tables.BRIEF_COLUMNS, briefs)
    watch.lap("write")


def find_copies(rows: list[ArchiveArticle]) -> dict[int, tuple[int, float]]:
    """Mark each copy with its original (see `minhash`); returns copy key -> (original key, containment)."""
    signatures = {row.key: minhash.signature(row.key, row.published_time, row.text) for row in rows}
    buckets: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for item in signatures.values():
        for band in minhash.band_keys(item):
            buckets[band].append(item.rank)
    pairs = {pair for members in buckets.values() if len(members) > 1 for pair in minhash.bucket_pairs(members)}
    edges = [edge for a, b in sorted(pairs) if (edge := minhash.check_pair(signatures[a], signatures[b]))]
    originals = minhash.resolve_originals(edges)
    for row in rows:
        if row.key in originals:
            row.copy_of, row.copy_similarity = originals[row.key]
    return originals


def group_stories(rows: list[ArchiveArticle], options: ArchiveOptions) -> None:
    """Fill each row's `story` (see `windows`)."""
    partitions: dict[windows.PartitionKey, list[tuple[ArchiveArticle, bool]]] = defaultdict(list)
    for row in rows:
        for key, home in windows.partitions_of(row, options):
            partitions[key].append((row, home))
    starts = windows.starting_counts(windows.slot_counts(rows, options), [window for _, window in partitions])
    visits = [visit for key, members in sorted(partitions.items())
              for visit in windows.cluster_partition(key, members, starts.get(key[1]),
                                                     embeddings=options.embeddings)]
    ids = windows.merge_windows((visit.story for visit in visits if visit.home),
                                windows.edge_votes(visits).items())
    home = {visit.article: ids[visit.story] for visit in visits if visit.home}
    for row in rows:
        row.story = home[row.key]


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
