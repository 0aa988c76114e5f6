"""`newsfuse archive` at scale: the Spark engine at local[1] and local[2], and the Spark path's stories on
ECB+ against the single-process `newsfuse cluster`.

    python benchmarks/make_stream.py --articles 100000 --out stream.jsonl
    head -n 10000 stream.jsonl > stream-10k.jsonl   # and 30k
    python benchmarks/archive_scaling.py scaling stream-10k.jsonl stream-30k.jsonl stream.jsonl
    python benchmarks/archive_scaling.py ecbplus
    python benchmarks/archive_scaling.py copies stream-10k.jsonl --sample 1500

`scaling` runs each input through the whole job (read and extract, copies, stories, briefs without the
cross-examination, Parquet written) once at local[1] and once at local[2], each in a fresh process with
its own Spark session (start-up not counted), and prints articles per second of the whole job, the
speed-up from one core to two, each stage's share of the time, and peak memory: the largest Python
worker's resident set and the JVM's (in local mode the JVM is the executor); stories grouped as the
archive does by default (words and meaning), or on words alone with `--no-embeddings`. `ecbplus` runs all of ECB+
through the Spark engine at local[2] and through `newsfuse cluster`'s clusterer in one process, and
prints both B-cubed F1 against the gold subtopics, and whether the local engine finds the same copies.
`copies` checks MinHash + LSH against the exact test on every pair of the first `--sample` articles:
an article is a copy when an earlier one holds at least half of its five-word runs (or it holds half of
the earlier one's), as `newsfuse.dedupe` decides.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def one_run(path: str, master: str, partitions: int, embeddings: bool = True) -> dict:
    """One whole job in this process; returns its figures (`embeddings`: the archive's default)."""
    from newsfuse.archive.engine_spark import jvm_peak_mb, run_spark, spark_session
    from newsfuse.archive.records import ArchiveOptions

    session = spark_session(master, partitions)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        report = run_spark([path], Path(out), ArchiveOptions(partitions=partitions, embeddings=embeddings),
                           spark=session)
        seconds = time.perf_counter() - start
    figures = {"master": master, "input": path, "articles": report.articles, "seconds": seconds,
               "rate": report.articles / seconds, "stages": report.seconds, "copies": report.copies,
               "stories": report.stories, "briefs": report.briefs, "worker_peak_mb": report.peak_rss_mb,
               "jvm_peak_mb": jvm_peak_mb(session), "load": Path("/proc/loadavg").read_text().split()[:3]}
    session.stop()
    return figures


def scaling(inputs: list[str], partitions: int, embeddings: bool = True) -> None:
    results = []
    for path in inputs:
        for master in ("local[1]", "local[2]"):
            before = Path("/proc/loadavg").read_text().split()[:3]
            command = [sys.executable, __file__, "one", path, master, "--partitions", str(partitions)]
            output = subprocess.run(command + ([] if embeddings else ["--no-embeddings"]),
                                    capture_output=True, text=True, check=True).stdout
            figures = json.loads(output.strip().splitlines()[-1])
            figures["load_before"] = before
            results.append(figures)
            print(json.dumps(figures), flush=True)
    print()
    print("| articles | master | seconds | articles/s | speed-up | read+extract | copies | stories | briefs | write "
          "| worker peak MB | JVM peak MB | load before / after |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for index, figures in enumerate(results):
        single = results[index - 1] if figures["master"] == "local[2]" else figures
        total = sum(figures["stages"].values())
        shares = [100 * figures["stages"].get(stage, 0.0) / total
                  for stage in ("read and extract", "copies", "stories", "briefs", "write")]
        print(f"| {figures['articles']:,} | {figures['master']} | {figures['seconds']:.0f} | {figures['rate']:.0f} "
              f"| {figures['rate'] / single['rate']:.2f}x | " + " | ".join(f"{share:.0f}%" for share in shares)
              + f" | {figures['worker_peak_mb']:.0f} | {figures['jvm_peak_mb']:.0f} "
              f"| {' '.join(figures['load_before'][:1])} / {' '.join(figures['load'][:1])} |")


def ecbplus(partitions: int) -> None:
    from benchmarks.ecbplus_clustering import bcubed
    from newsfuse.archive.engine_local import run_local
    from newsfuse.archive.engine_spark import run_spark, spark_session
    from newsfuse.archive.records import ArchiveOptions
    from newsfuse.archive.tables import read_table
    from newsfuse.cluster.batch import Label, cluster_lines
    from newsfuse.cluster.embeddings import shared_embedder

    source = DATA / "ecbplus" / "documents_flat.jsonl"
    records = [json.loads(line) for line in source.open(encoding="utf-8")]
    gold = {record["doc_id"]: record["subtopic"] for record in records}
    options = ArchiveOptions(partitions=partitions)
    session = spark_session("local[2]", partitions)
    with tempfile.TemporaryDirectory() as folder:
        spark_out, local_out = Path(folder) / "spark", Path(folder) / "local"
        problems: list = []
        start = time.perf_counter()
        run_spark([str(source)], spark_out, options, spark=session, on_problem=problems.append)
        spark_seconds = time.perf_counter() - start
        run_local([str(source)], local_out, options)
        archived = {row["id"]: row for row in read_table(spark_out / "articles")}
        local_rows = {row["id"]: row for row in read_table(local_out / "articles")}
    session.stop()
    # `newsfuse cluster` as the archive groups (ArchiveOptions.embeddings: by meaning too, by default).
    embedder = shared_embedder() if options.embeddings else None
    lines = [json.dumps({"id": r["doc_id"], "text": r["text"]}) for r in records]
    stream = {item.id: item.story for item in cluster_lines(lines, embedder=embedder) if isinstance(item, Label)}
    kept = [json.dumps({"id": r["doc_id"], "text": r["text"]}) for r in records if r["doc_id"] in archived]
    stream_kept = {item.id: item.story for item in cluster_lines(kept, embedder=embedder) if isinstance(item, Label)}
    everything = sorted(gold)
    used = sorted(archived)
    # An article the archive could not use (no text after cleaning) is scored as a story of its own.
    spark_labels = [archived[i]["story"] if i in archived else f"left-out {i}" for i in everything]
    print(f"ECB+: {len(gold)} documents, {len(archived)} used by the archive job "
          f"({len(problems)} reported: {[p.reason for p in problems][:3]}), Spark run {spark_seconds:.0f} s")
    print("| path | documents scored | B-cubed P | R | F1 |")
    print("|---|---:|---:|---:|---:|")
    for name, labels, ids in (
            ("`newsfuse cluster`, all documents", [stream[i] for i in everything], everything),
            ("Spark engine local[2] (left-out documents as singletons)", spark_labels, everything),
            ("`newsfuse cluster`, the documents the archive used", [stream_kept[i] for i in used], used),
            ("Spark engine local[2], the same documents", [archived[i]["story"] for i in used], used)):
        p, r, f = bcubed(labels, [gold[i] for i in ids])
        print(f"| {name} | {len(ids)} | {p:.3f} | {r:.3f} | {f:.3f} |")
    same_stories = all(archived[i]["story"] == local_rows[i]["story"] for i in used)
    # copy_of names the original by its key, which each engine numbers its own way (Spark reads JSON Lines
    # in byte ranges): compare the originals' ids.
    spark_ids = {row["key"]: i for i, row in archived.items()}
    local_ids = {row["key"]: i for i, row in local_rows.items()}
    spark_copies = {(i, spark_ids[archived[i]["copy_of"]]) for i in used if archived[i]["copy_of"] is not None}
    local_copies = {(i, local_ids[local_rows[i]["copy_of"]]) for i in used if local_rows[i]["copy_of"] is not None}
    same_articles = {i for i, _ in spark_copies} == {i for i, _ in local_copies}
    print(f"local engine: same stories {same_stories}; copies: Spark {len(spark_copies)}, local "
          f"{len(local_copies)}, same copies {same_articles}, same originals {spark_copies == local_copies}")
    if spark_copies != local_copies:
        differing = sorted(spark_copies ^ local_copies)[:6]
        print("pairs (copy, original) found by one engine only:", differing)


def copies(path: str, sample: int) -> None:
    from itertools import islice

    from newsfuse.archive.engine_local import find_copies
    from newsfuse.archive.minhash import runs
    from newsfuse.archive.readers import list_units, read_unit
    from newsfuse.archive.records import ArchiveArticle
    from newsfuse.archive.stages import extract
    from newsfuse.dedupe.copies import COPY_CONTAINMENT

    units, _ = list_units([path])
    items = (item for unit in units for item in read_unit(unit))
    rows = []
    for item in islice(items, sample):
        result = extract(*item) if isinstance(item, tuple) else item
        if isinstance(result, ArchiveArticle):
            rows.append(result)
    start = time.perf_counter()
    find_copies(rows)
    lsh_seconds = time.perf_counter() - start
    start = time.perf_counter()
    sets = {row.key: set(runs(row.text).tolist()) for row in rows}
    ordered = sorted(rows, key=lambda row: (row.published_time or 0.0, -len(sets[row.key]), row.key))
    exact: set[int] = set()
    for index, row in enumerate(ordered):
        mine = sets[row.key]
        for earlier in ordered[:index]:
            other = sets[earlier.key]
            if mine and other and len(mine & other) / min(len(mine), len(other)) >= COPY_CONTAINMENT:
                exact.add(row.key)
                break
    exact_seconds = time.perf_counter() - start
    found = {row.key for row in rows if row.copy_of is not None}
    both = len(found & exact)
    print(f"{len(rows)} articles: exact all-pairs test {len(exact)} copies in {exact_seconds:.1f} s; "
          f"MinHash + LSH {len(found)} copies in {lsh_seconds:.1f} s; recall {both / max(1, len(exact)):.3f}, "
          f"precision {both / max(1, len(found)):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["scaling", "ecbplus", "copies", "one"])
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--sample", type=int, default=1500, help="articles for the `copies` check")
    parser.add_argument("--no-embeddings", dest="embeddings", action="store_false",
                        help="group stories on words alone (the archive's --no-embeddings)")
    args = parser.parse_args()
    if args.mode == "one":
        print(json.dumps(one_run(args.inputs[0], args.inputs[1], args.partitions, args.embeddings)))
    elif args.mode == "copies":
        copies(args.inputs[0], args.sample)
    elif args.mode == "scaling":
        scaling(args.inputs, args.partitions, args.embeddings)
    else:
        ecbplus(args.partitions)


if __name__ == "__main__":
    main()
