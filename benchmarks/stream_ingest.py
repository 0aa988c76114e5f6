"""Time `newsfuse ingest` on a synthetic stream, and `newsfuse stories` on the resulting database.

For each size (default 10k, 50k, 100k articles: the first N lines of one stream built by
`make_stream.py`), a fresh database is filled by one `newsfuse ingest` process; reported: articles/s
over the whole run, articles/s over each tenth of the stream (how cost grows as the database grows),
and the process's peak resident memory. Then `newsfuse stories` on the largest database: the query
alone (in process, median of 20) and the whole command (process start included).

    python benchmarks/make_stream.py --articles 100000 --out stream.jsonl
    python benchmarks/stream_ingest.py stream.jsonl [--sizes 10000 50000 100000] [--work DIR]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def ingest(stream: Path, size: int, work: Path) -> dict:
    part = work / f"stream-{size}.jsonl"
    with stream.open(encoding="utf-8") as source, part.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(source, size))
    db = work / f"news-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    log = work / f"ingest-{size}.log"
    started = time.perf_counter()
    with log.open("w") as errors:
        process = subprocess.Popen([sys.executable, "-m", "newsfuse", "ingest", "-q", "--db", str(db), str(part)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
        marks: list[tuple[float, int]] = []
        while True:  # wait4, not poll: it also returns the child's own peak memory
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(1.0)
            marks.append((time.perf_counter() - started, _count(db)))
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"newsfuse ingest failed: see {log}")
    lines = log.read_text().strip().splitlines()
    summary = lines[-1] if lines else ""
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    marks.append((elapsed, _count(db)))
    return {"size": size, "seconds": elapsed, "rate": size / elapsed, "peak_mb": peak, "summary": summary,
            "tenths": _tenths(marks, size), "db": db, "db_mb": db.stat().st_size / 1e6}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _tenths(marks: list[tuple[float, int]], size: int) -> list[float]:
    """Articles/s over each tenth of the stream, from (time, stored articles) samples, interpolated."""
    points = [(0.0, 0), *marks]

    def time_at(count: float) -> float:
        for (t0, n0), (t1, n1) in itertools.pairwise(points):
            if n1 >= count and n1 > n0:
                return t0 + (t1 - t0) * (count - n0) / (n1 - n0)
        return points[-1][0]

    stored = points[-1][1]
    edges = [stored * k / 10 for k in range(11)]
    return [(edges[k + 1] - edges[k]) / max(time_at(edges[k + 1]) - time_at(edges[k]), 1e-9) for k in range(10)]


def stories_latency(db: Path) -> dict:
    from newsfuse.store.db import connect
    from newsfuse.store.queries import list_stories

    connection = connect(db, create=False)
    latest = connection.execute("SELECT max(last_seen) FROM stories").fetchone()[0]
    timings = {"all": [], "since": []}
    for _ in range(20):
        started = time.perf_counter()
        list_stories(connection)
        timings["all"].append(time.perf_counter() - started)
        started = time.perf_counter()
        list_stories(connection, since=latest - 86_400)
        timings["since"].append(time.perf_counter() - started)
    stories = connection.execute("SELECT count(*) FROM stories").fetchone()[0]
    connection.close()
    command = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "newsfuse", "stories", "--db", str(db), "--since", "2024-03-20"],
                       stdout=subprocess.DEVNULL, check=True)
        command.append(time.perf_counter() - started)
    return {"stories": stories, "all_ms": 1000 * statistics.median(timings["all"]),
            "since_ms": 1000 * statistics.median(timings["since"]), "command_ms": 1000 * statistics.median(command)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stream", type=Path, help="a JSON Lines stream from make_stream.py")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--work", type=Path, default=None, help="folder for the databases (default: a temporary one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="newsfuse-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f} (1 min), cores: {os.cpu_count()}")
    print("\n| articles | seconds | articles/s | articles/s by tenth of the stream | peak RSS (MB) | database (MB) |")
    print("|---:|---:|---:|---|---:|---:|")
    results = []
    for size in args.sizes:
        result = ingest(args.stream, size, work)
        results.append(result)
        tenths = " ".join(f"{rate:.0f}" for rate in result["tenths"])
        print(f"| {size:,} | {result['seconds']:.1f} | **{result['rate']:.0f}** | {tenths} | "
              f"{result['peak_mb']:.0f} | {result['db_mb']:.0f} |", flush=True)
        print(f"<!-- {result['summary']} -->", flush=True)
    latency = stories_latency(results[-1]["db"])
    print(f"\n`newsfuse stories` on the {args.sizes[-1]:,}-article database ({latency['stories']:,} stories): "
          f"query {latency['all_ms']:.2f} ms for all stories, {latency['since_ms']:.2f} ms for the last day's; "
          f"whole command (process start included) {latency['command_ms']:.0f} ms.")
    print(f"load average after: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
