"""Run systems on clusters with references: ROUGE, time per cluster and peak memory, in one run.

Systems run interleaved (every system on cluster 1, then on cluster 2, ...) so that a burst of load on a
shared machine slows them alike; each is first run once untimed so imports and model loading are not
charged to the first cluster. Time is wall-clock (and process CPU time, steadier under load), measured
without memory tracing. Peak memory is measured in a second pass with `tracemalloc`: the peak of Python
heap allocations (numpy's included) while one cluster is summarised; it excludes memory held before the
call (imported modules, loaded models). Tracing slows Python several times over, so that pass covers
only the largest clusters (by characters), where the peak is reached.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfuse.evaluate.baselines import System, cluster_language
from newsfuse.evaluate.rouge import RougeResult, score_summary
from newsfuse.ingest.formats import JSON_ERRORS, unreadable_json

# Clusters the traced memory pass runs on: the largest ones, since memory grows with cluster size.
MEMORY_CLUSTERS = 3


@dataclass
class Cluster:
    id: str
    documents: list[str]
    summaries: list[str]


@dataclass
class SystemResult:
    name: str
    rouge: RougeResult
    ms_per_cluster: float  # mean wall-clock time
    cpu_ms_per_cluster: float  # mean process CPU time
    peak_mb: float | None  # largest peak over the MEMORY_CLUSTERS largest clusters; None: not measured


@dataclass
class EvalReport:
    data: str
    words: int
    clusters: int
    languages: dict[str, int]  # detected language -> clusters
    systems: list[SystemResult]

    def system(self, name: str) -> SystemResult:
        return next(result for result in self.systems if result.name == name)

    def to_json(self) -> dict:
        return {
            "data": self.data, "words": self.words, "clusters": self.clusters, "languages": self.languages,
            "systems": [
                {"name": s.name, "f1": s.rouge.f1, "recall": s.rouge.recall,
                 "ms_per_cluster": round(s.ms_per_cluster, 1), "cpu_ms_per_cluster": round(s.cpu_ms_per_cluster, 1),
                 "peak_mb": None if s.peak_mb is None else round(s.peak_mb, 1)}
                for s in self.systems
            ],
        }


def read_clusters(path: str | Path, on_problem: Callable[[str], None] = lambda message: None) -> list[Cluster]:
    """Clusters with at least one reference summary (format: the benchmark data README). A line that is
    not a JSON object is reported to `on_problem` and skipped."""
    clusters = []
    with open(path, encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except JSON_ERRORS as error:
                reason = str(error) if isinstance(error, json.JSONDecodeError) else unreadable_json(error)
                on_problem(f"{path}:{number}: skipped: not a cluster record ({reason})")
                continue
            if not isinstance(record, dict):
                on_problem(f"{path}:{number}: skipped: not a cluster record (expected an object)")
                continue
            documents = [d for d in record.get("documents", []) if isinstance(d, str) and d.strip()]
            summaries = [s for s in record.get("summaries", []) if isinstance(s, str) and s.strip()]
            if documents and summaries:
                clusters.append(Cluster(str(record.get("id", number)), documents, summaries))
    return clusters


def peak_memory_mb(system: System, documents: list[str], words: int) -> float:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        system(documents, words)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def run_eval(clusters: list[Cluster], systems: dict[str, System], words: int, memory: bool = True,
             data: str = "", progress: Callable[[Iterable, str, int], Iterator] | None = None) -> EvalReport:
    if not clusters:
        raise ValueError("no cluster with reference summaries")
    steps = progress or (lambda items, _description, _total: iter(items))
    languages = {cluster.id: cluster_language(cluster.documents) for cluster in clusters}
    for system in systems.values():  # warm-up: imports and models load outside the timings
        system(clusters[0].documents, words)
        new_batch = getattr(system, "new_batch", None)
        if new_batch:  # a system reading the batch's layout (newsfuse) starts this run's afresh
            new_batch()
    wall = dict.fromkeys(systems, 0.0)
    cpu = dict.fromkeys(systems, 0.0)
    scores: dict[str, dict[str, RougeResult]] = {name: {} for name in systems}
    for cluster in steps(clusters, "evaluating", len(clusters)):
        for name, system in systems.items():
            start_wall, start_cpu = time.perf_counter(), time.process_time()
            summary = system(cluster.documents, words)
            wall[name] += time.perf_counter() - start_wall
            cpu[name] += time.process_time() - start_cpu
            scores[name][cluster.id] = score_summary(summary, cluster.summaries, words, languages[cluster.id])
    peaks: dict[str, float | None] = dict.fromkeys(systems)
    if memory:
        largest = sorted(clusters, key=lambda c: sum(map(len, c.documents)), reverse=True)[:MEMORY_CLUSTERS]
        for cluster in steps(largest, "measuring memory", len(largest)):
            for name, system in systems.items():
                peaks[name] = max(peaks[name] or 0.0, peak_memory_mb(system, cluster.documents, words))
    counts: dict[str, int] = {}
    for language in languages.values():
        counts[language] = counts.get(language, 0) + 1
    n = len(clusters)
    results = [
        SystemResult(name, RougeResult.mean(list(scores[name].values())), 1000 * wall[name] / n,
                     1000 * cpu[name] / n, peaks[name])
        for name in systems
    ]
    return EvalReport(data, words, n, counts, results)
