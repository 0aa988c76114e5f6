"""Wall-clock time of `newsfuse brief` on a story folder, with and without the cross-examination.

Each run is a fresh process (start-up and the spaCy model load included), as a user would run it;
the median of several runs is reported, with the fastest and slowest, and each stage of the analysis
timed once in this process.

    python3 benchmarks/analysis_speed.py                  # the seed articles, 5 runs each
    python3 benchmarks/analysis_speed.py --runs 7 PATH

Prints a Markdown table; figures go into docs/benchmarks.md by hand, with the date.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def wall_clock(args: list[str], runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        timings.append(time.perf_counter() - start)
    return timings


def stage_times(path: Path) -> dict[str, float]:
    """Seconds per analysis stage, once, in this process (model load separate from parsing)."""
    from newsfuse.analyse.claims import find_claims
    from newsfuse.analyse.conflicts import find_conflicts
    from newsfuse.analyse.entities import find_entities
    from newsfuse.analyse.nlp import load, parse
    from newsfuse.analyse.quotes import find_quotes
    from newsfuse.analyse.timeline import build_timeline
    from newsfuse.ingest import read_inputs
    from newsfuse.pipeline import BriefOptions, build_brief, prepare_all
    from newsfuse.story import build_story

    times: dict[str, float] = {}

    def timed(name, function, *args):
        start = time.perf_counter()
        result = function(*args)
        times[name] = time.perf_counter() - start
        return result

    brief = timed("brief without analysis", lambda: build_brief(read_inputs([str(path)]),
                                                                 BriefOptions(analysis=False)))
    documents, _ = prepare_all(read_inputs([str(path)]))
    story = timed("story model", build_story, documents)
    originals = {doc.id: doc.duplicate_of or doc.id for doc in brief.documents}
    timed("spaCy model load", load)
    parsed = timed("spaCy parse", parse, brief.documents)
    entities = timed("entities", find_entities, parsed, originals)
    timed("quotes", find_quotes, parsed, entities, originals)
    timed("timeline", build_timeline, story, parsed)
    timed("conflicts", find_conflicts, parsed, originals)
    timed("claims", find_claims, story)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", type=Path, default=SEEDS)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    command = [sys.executable, "-m", "newsfuse", "brief", str(options.path)]
    print("| command | median s | min s | max s |")
    print("|---|---|---|---|")
    variants = (("`newsfuse brief` (full analysis)", []), ("`newsfuse brief --no-analysis`", ["--no-analysis"]))
    for label, extra in variants:
        timings = wall_clock(command + extra, options.runs)
        print(f"| {label} | {statistics.median(timings):.2f} | {min(timings):.2f} | {max(timings):.2f} |")
    print()
    print("| stage (one run, in process) | s |")
    print("|---|---|")
    for name, seconds in stage_times(options.path).items():
        print(f"| {name} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
