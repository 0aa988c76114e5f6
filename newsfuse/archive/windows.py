"""Stories at archive scale: partitions by language and time window, the stream's clusterer inside each,
and a merge of the stories that cross a window's edge.

A dated article's home is the window holding its date; an article in the last `overlap_days` of a window
is also clustered, as a visitor, at the start of the next one, so a story running across the edge is seen
from both sides. Each visitor votes for joining its story in the later window to its home story; a later
story joins the home story most of its visitors come from. Each article takes its home story's label, so
it lands in exactly one story.

Inside a partition the clusterer sees what the single-process stream would: articles in publication order
and document frequencies counted from everything published before the partition starts (a prefix sum of
per-slot counts), then counted as it goes. Undated articles form one partition per language, in reading
order, starting from no counts: for an undated archive (ECB+) that is exactly `newsfuse cluster`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from newsfuse.archive.records import ArchiveArticle, ArchiveOptions
from newsfuse.archive.stages import time_order
from newsfuse.cluster.batch import Labeller, article_terms
from newsfuse.cluster.embeddings import shared_embedder
from newsfuse.cluster.features import extract_terms
from newsfuse.cluster.online import OnlineClusterer
from newsfuse.cluster.params import DEFAULT_PARAMS, ClusterParams
from newsfuse.cluster.weights import DocumentFrequencies

_DAY = 86_400.0
UNDATED = -(1 << 62)  # the window number of the undated partition (sorts first)

PartitionKey = tuple[str, int]  # (language, window)
StoryKey = tuple[str, int, int]  # (language, window, story inside the partition)


@dataclass(frozen=True)
class Visit:
    """One article clustered in one partition: at home, or visiting the next window's start."""

    article: int
    story: StoryKey
    home: bool


def partitions_of(row: ArchiveArticle, options: ArchiveOptions) -> list[tuple[PartitionKey, bool]]:
    """The partitions an article is clustered in, each with whether it is the article's home."""
    if row.published_time is None:
        return [((row.language, UNDATED), True)]
    width, overlap = options.window_days * _DAY, options.overlap_days * _DAY
    window = math.floor(row.published_time / width)
    result = [((row.language, window), True)]
    if row.published_time >= (window + 1) * width - overlap:
        result.append(((row.language, window + 1), False))
    return result


def frequency_slot(row: ArchiveArticle, options: ArchiveOptions) -> int | None:
    """Slot k holds the articles dated before window k's clustering starts (k x width - overlap) and not
    before window k-1's: the counts a partition starts from are the sum of the slots below its window."""
    if row.published_time is None:
        return None
    return math.floor((row.published_time + options.overlap_days * _DAY) / (options.window_days * _DAY))


def slot_counts(rows: Iterable[ArchiveArticle], options: ArchiveOptions) -> dict[int, tuple[np.ndarray, int]]:
    """Per slot: document frequencies of its articles' terms (hashed buckets) and the article count."""
    result: dict[int, tuple[np.ndarray, int]] = {}
    for row in rows:
        slot = frequency_slot(row, options)
        if slot is None:
            continue
        if slot not in result:
            result[slot] = (np.zeros_like(DocumentFrequencies().counts), 0)
        frequencies = DocumentFrequencies(result[slot][0], result[slot][1])
        frequencies.add(extract_terms(row.title, row.text))
        result[slot] = (frequencies.counts, frequencies.documents)
    return result


def add_counts(a: tuple[np.ndarray, int], b: tuple[np.ndarray, int]) -> tuple[np.ndarray, int]:
    return a[0] + b[0], a[1] + b[1]


def starting_counts(slots: dict[int, tuple[np.ndarray, int]], windows: Iterable[int]
                    ) -> dict[int, tuple[np.ndarray, int]]:
    """For each window, the counts of every slot below it (what the stream had counted when it got there)."""
    result: dict[int, tuple[np.ndarray, int]] = {}
    total = (np.zeros_like(DocumentFrequencies().counts), 0)
    ordered = sorted(slots)
    index = 0
    for window in sorted(set(windows)):
        if window == UNDATED:
            continue
        while index < len(ordered) and ordered[index] < window:
            total = add_counts(total, slots[ordered[index]])
            index += 1
        result[window] = (total[0].copy(), total[1])
    return result


def cluster_partition(key: PartitionKey, members: Iterable[tuple[ArchiveArticle, bool]],
                      start: tuple[np.ndarray, int] | None, params: ClusterParams = DEFAULT_PARAMS,
                      embeddings: bool = True, encoder_threads: int = 0) -> list[Visit]:
    """Run `newsfuse cluster`'s clusterer over one partition, in publication order (reading order when
    undated), and return every member's story after all splits and last looks (`embeddings`: by
    meaning too, as `newsfuse cluster` by default; `encoder_threads`: the cores the encoder may use, 0 for
    all, `Embedder`)."""
    ordered = sorted(members, key=lambda member: time_order(member[0]))
    frequencies = DocumentFrequencies(start[0].copy(), start[1]) if start is not None else DocumentFrequencies()
    labeller = Labeller(OnlineClusterer(params, frequencies))
    language, window = key
    # The encoder reads English (embeddings.reads): a partition in another language, known from its key,
    # is grouped on words without loading it or asking each article's language again.
    embedder = shared_embedder(encoder_threads) if embeddings and language == "en" else None
    terms = article_terms([row.title for row, _ in ordered], [row.text for row, _ in ordered], embedder)
    for (row, _home), item in zip(ordered, terms, strict=True):
        labeller.add(item, time=row.published_time)
    labels = labeller.finish()
    return [Visit(row.key, (language, window, label), home)
            for (row, home), label in zip(ordered, labels, strict=True)]


def edge_votes(visits: Iterable[Visit]) -> Counter[tuple[StoryKey, StoryKey]]:
    """(visited story, home story) -> how many articles are in both (one process; Spark joins instead)."""
    homes: dict[int, StoryKey] = {}
    away: list[Visit] = []
    for visit in visits:
        if visit.home:
            homes[visit.article] = visit.story
        else:
            away.append(visit)
    return Counter((visit.story, homes[visit.article]) for visit in away)


def merge_windows(home_stories: Iterable[StoryKey], votes: Iterable[tuple[tuple[StoryKey, StoryKey], int]]
                  ) -> dict[StoryKey, int]:
    """Story ids, numbered from 1 in (language, window, story) order: each later-window story joins the
    home story most of its visitors come from (the older story on ties), transitively."""
    parent: dict[StoryKey, StoryKey] = {}

    def find(item: StoryKey) -> StoryKey:
        root = item
        while parent.get(root, root) != root:
            root = parent[root]
        while item != root:  # path compression: later finds are one step
            parent[item], item = root, parent.get(item, item)
        return root

    best: dict[StoryKey, tuple[int, StoryKey]] = {}
    for (visited, home), count in votes:
        current = best.get(visited)
        if current is None or (count, _negate(home)) > (current[0], _negate(current[1])):
            best[visited] = (count, home)
    for visited, (_count, home) in sorted(best.items()):
        a, b = find(visited), find(home)
        if a != b:
            parent[max(a, b)] = min(a, b)
    ids: dict[StoryKey, int] = {}
    roots: dict[StoryKey, int] = {}
    for story in sorted(set(home_stories)):
        root = find(story)
        if root not in roots:
            roots[root] = len(roots) + 1
        ids[story] = roots[root]
    return ids


def _negate(story: StoryKey) -> tuple[str, int, int]:
    """Sorting key under which the older story wins a tie in a max()."""
    return story[0], -story[1], -story[2]
