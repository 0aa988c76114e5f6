"""Speed and memory of `newsfuse brief` and `newsfuse summarize`, against sumy's LexRank in the same run.

Measures, on this machine:
- wall-clock time of the whole `newsfuse brief PATH` command (start-up included), with and without the
  cross-examination, median of several runs, and each run's peak resident memory;
- `newsfuse summarize` on JSON Lines clusters: the whole command's time per cluster, and the summariser's
  own time per cluster in this process, beside sumy's LexRank on the same clusters and budget.

    python3 benchmarks/brief_speed.py                      # seeds + TAC 2011 English, 250 words
    python3 benchmarks/brief_speed.py --runs 7 --clusters PATH.jsonl --words 200
    python3 benchmarks/brief_speed.py --short 300 --rounds 8   # short clusters only: CPU ms per cluster

`--short N`: the first N clusters of the allsides-neus tuning half (three outlets' title and lead, 60
words), CPU time per cluster of newsfuse's summariser and of LexRank, each in its own process, median of
the rounds (a fresh pair of processes per round, order flipped every other round), two ways:
- warm: the process first summarises other clusters of the half (its last 200), as a long-running
  process (a server, a batch well under way) has: the timed texts are new, the common words are in the
  per-word caches;
- cold: the process has summarised one other cluster only (imports done), as a one-off run: it pays
  every word's first dictionary lookup and any model it loads on first need inside the timing.
Timing the same clusters over and over instead measures caches filled by those very texts.

Prints a Markdown table; figures go into docs/benchmarks.md by hand, with the date.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run_command(args: list[str], stdin_path: Path | None = None) -> tuple[float, float, int]:
    """Wall-clock seconds, peak resident memory in MB, and the exit status of one command."""
    stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if stdin_path:
        stdin.close()
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def time_command(label: str, args: list[str], runs: int, stdin_path: Path | None = None) -> dict:
    timings, peaks = [], []
    for _ in range(runs):
        elapsed, peak, status = run_command(args, stdin_path)
        if status != 0:
            raise SystemExit(f"{label}: exit status {status}")
        timings.append(elapsed)
        peaks.append(peak)
    return {"label": label, "median_s": statistics.median(timings), "min_s": min(timings), "max_s": max(timings),
            "peak_mb": max(peaks)}


def per_cluster_in_process(clusters: list[dict], words: int) -> dict[str, float]:
    """Milliseconds per cluster of newsfuse's summariser and of sumy's LexRank, in this one process."""
    from newsfuse.cli.summarize import summarize_cluster
    from newsfuse.evaluate.baselines import lexrank

    summarize_cluster(clusters[0]["documents"], words)  # warm both up: lazy imports are not per-cluster cost
    lexrank(clusters[0]["documents"], words)
    results = {}
    for name, system in (("newsfuse", summarize_cluster), ("LexRank (sumy)", lexrank)):
        start = time.perf_counter()
        for cluster in clusters:
            system(cluster["documents"], words)
        results[name] = 1000 * (time.perf_counter() - start) / len(clusters)
    return results


SHORT_WARM_UP = 200  # clusters from the end of the tuning half, never timed


def short_worker(system_name: str, count: int, cold: bool = False) -> float:
    """CPU ms per cluster of one system on `count` allsides-neus tuning clusters it has never seen, in a
    process warmed up on other clusters (imports, vocabularies and the common words' cached lookups are
    loaded; the timed texts' own words are new to every per-word cache, as a reader's new story is).
    `cold`: warmed up on one cluster only (the imports)."""
    # Only the timed system's own modules are loaded (not the evaluation's ROUGE, NLTK and SciPy): every
    # object a process holds is walked by each full garbage collection, a cost of the whole process.
    if system_name == "newsfuse":
        from newsfuse.cli.summarize import summarize_cluster as system
    else:
        from newsfuse.evaluate.baselines import lexrank as system
    lines = (SHARED / "data" / "allsides-neus" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    half = [json.loads(line)["documents"] for line in lines[::2]]  # the tuning half, as summary_quality.py reads it
    if count + SHORT_WARM_UP > len(half):
        raise SystemExit(f"--short takes at most {len(half) - SHORT_WARM_UP} clusters")
    for documents in half[-(1 if cold else SHORT_WARM_UP):]:
        system(documents, 60)
    start = time.process_time()
    for documents in half[:count]:
        system(documents, 60)
    return 1000 * (time.process_time() - start) / count


def short_clusters_cpu(count: int, rounds: int, cold: bool = False) -> dict[str, float]:
    """Median over rounds of CPU ms per cluster on the first `count` allsides-neus tuning clusters, 60 words.
    Each system runs in its own fresh process per round (so neither warms the other's caches, and
    nothing it times has been summarised in that process before), the order flipped every other round."""
    systems = ["newsfuse", "LexRank (sumy)"]
    times: dict[str, list[float]] = {name: [] for name in systems}
    for round_number in range(rounds):
        for name in systems if round_number % 2 == 0 else reversed(systems):
            command = [sys.executable, __file__, "--short-worker", name, "--short", str(count)]
            output = subprocess.run([*command, "--cold"] if cold else command,
                                    check=True, capture_output=True, text=True).stdout
            times[name].append(float(output.split()[-1]))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--clusters", type=Path, default=SHARED / "data" / "tac2011-multiling" / "english.jsonl")
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--short", type=int, default=0, metavar="N",
                        help="only CPU time per cluster on the first N allsides-neus tuning clusters")
    parser.add_argument("--rounds", type=int, default=8, help="rounds of --short")
    parser.add_argument("--short-worker", help=argparse.SUPPRESS)  # one system's timing, in its own process
    parser.add_argument("--cold", action="store_true", help=argparse.SUPPRESS)  # the worker's warm-up: one cluster
    options = parser.parse_args()
    if options.short_worker:
        print(f"{short_worker(options.short_worker, options.short, options.cold):.4f}")
        return
    if options.short:
        warm = short_clusters_cpu(options.short, options.rounds)
        cold = short_clusters_cpu(options.short, options.rounds, cold=True)
        print(f"allsides-neus tuning half, first {options.short} clusters, 60 words, CPU ms per cluster on "
              f"text the process has not seen (median of {options.rounds} rounds, a fresh process per "
              f"system and round; warm: after {SHORT_WARM_UP} other clusters, cold: after one):\n")
        print("| system | warm process | cold process |")
        print("|---|---:|---:|")
        for name in warm:
            print(f"| {name} | {warm[name]:.2f} | {cold[name]:.2f} |")
        print(f"| newsfuse / LexRank | {warm['newsfuse'] / warm['LexRank (sumy)']:.2f} | "
              f"{cold['newsfuse'] / cold['LexRank (sumy)']:.2f} |")
        return

    newsfuse = [sys.executable, "-m", "newsfuse"]
    rows = [
        time_command(f"newsfuse brief {options.seeds.name} --no-analysis",
                     [*newsfuse, "brief", "--no-analysis", str(options.seeds)], options.runs),
        time_command(f"newsfuse brief {options.seeds.name} (full analysis)",
                     [*newsfuse, "brief", str(options.seeds)], options.runs),
    ]
    clusters = [json.loads(line) for line in options.clusters.open(encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as folder:
        stream = Path(folder) / "clusters.jsonl"
        stream.write_text("".join(json.dumps({"id": c["id"], "documents": c["documents"]}) + "\n" for c in clusters))
        summarize = time_command(f"newsfuse summarize --words {options.words} ({len(clusters)} clusters)",
                                 [*newsfuse, "summarize", "--words", str(options.words)], max(1, options.runs // 2),
                                 stdin_path=stream)
    rows.append(summarize)
    in_process = per_cluster_in_process(clusters, options.words)

    print(f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; {time.strftime('%Y-%m-%d')}\n")
    print("| command | median wall-clock | min - max | peak memory |")
    print("|---|---|---|---|")
    for row in rows:
        print(f"| `{row['label']}` | {row['median_s']:.2f} s | {row['min_s']:.2f} - {row['max_s']:.2f} s "
              f"| {row['peak_mb']:.0f} MB |")
    whole = 1000 * summarize["median_s"] / len(clusters)
    print(f"\nPer cluster ({options.clusters.name}, {len(clusters)} clusters, {options.words} words):\n")
    print("| system | ms per cluster |")
    print("|---|---|")
    print(f"| `newsfuse summarize`, whole command incl. start-up | {whole:.0f} |")
    for name, value in in_process.items():
        print(f"| {name}, in process | {value:.0f} |")
    ratio = in_process["newsfuse"] / in_process["LexRank (sumy)"]
    print(f"\nnewsfuse / LexRank time per cluster: {ratio:.2f}")


if __name__ == "__main__":
    main()
