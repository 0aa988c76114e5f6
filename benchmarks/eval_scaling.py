"""How newsfuse's summariser scales with the number of documents in a story.

Clusters of 5, 20, 50, 100 and 300 documents are built by concatenating the shared benchmark clusters
(TAC 2011 English, then ECB+), in file order. For each size it prints wall time per stage (prepare:
clean, detect language, split; the story model: copies, kinds, units, support index; summarise), the
whole pipeline's CPU time (steadier than wall time on a shared machine) and the peak of Python heap
allocations (tracemalloc, in a separate run since tracing slows Python). sumy's LexRank, run as
`newsfuse eval` runs it, is timed once beside it up to --peer-max documents (its sentence matrix
is all-pairs). newsfuse runs --repeat times per size and the fastest run is reported.

    python3 benchmarks/eval_scaling.py                 # the table in docs/benchmarks.md
    python3 benchmarks/eval_scaling.py --sizes 5,20 --peer-max 0
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from pathlib import Path

from newsfuse.evaluate.baselines import lexrank
from newsfuse.evaluate.systems import newsfuse_system
from newsfuse.model import Article
from newsfuse.pipeline import prepare_all
from newsfuse.segment import detect_language
from newsfuse.story import build_story
from newsfuse.summarise import Summariser

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SOURCES = [DATA / "tac2011-multiling" / "english.jsonl", DATA / "ecbplus" / "clusters.jsonl"]


def document_pool() -> list[str]:
    pool: list[str] = []
    for path in SOURCES:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                pool.extend(text for text in json.loads(line)["documents"] if isinstance(text, str) and text.strip())
    return pool


def staged(documents: list[str], words: int) -> dict[str, float]:
    """Wall seconds of each stage, CPU seconds of the whole, and the sentence count."""
    cpu = time.process_time()
    t0 = time.perf_counter()
    prepared, _ = prepare_all(Article(id=f"doc-{n}", text=text) for n, text in enumerate(documents, 1))
    t1 = time.perf_counter()
    story = build_story(prepared)
    t2 = time.perf_counter()
    Summariser(words=words).summarise(story)
    t3 = time.perf_counter()
    return {"prepare": t1 - t0, "story": t2 - t1, "summarise": t3 - t2, "total": t3 - t0,
            "cpu": time.process_time() - cpu, "sentences": sum(len(d.sentences) for d in prepared)}


def peak_mb(documents: list[str], words: int) -> float:
    tracemalloc.start()
    try:
        newsfuse_system(documents, words)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,20,50,100,300", help="documents per cluster, comma-separated")
    parser.add_argument("--words", type=int, default=250, help="summary budget in words")
    parser.add_argument("--peer-max", type=int, default=100, help="time LexRank up to this many documents")
    parser.add_argument("--no-memory", action="store_true", help="skip the traced memory run")
    parser.add_argument("--repeat", type=int, default=3,
                        help="run newsfuse this many times per size and keep the fastest (least disturbed) run")
    args = parser.parse_args()
    pool = document_pool()
    sizes = [int(size) for size in args.sizes.split(",")]
    if max(sizes) > len(pool):
        parser.error(f"only {len(pool)} documents available")
    staged(pool[:5], args.words)  # warm-up: imports and lazy models, the language model included
    detect_language("Ceci n'est pas un texte anglais: le modèle de langue se charge une seule fois.")
    print("| documents | words | sentences | prepare ms | story ms | summarise ms | total ms | CPU ms "
          "| ms/document | CPU ms/1k words | peak MB | LexRank ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        documents = pool[:size]
        stages = min((staged(documents, args.words) for _ in range(max(args.repeat, 1))), key=lambda s: s["total"])
        memory = "-" if args.no_memory else f"{peak_mb(documents, args.words):.1f}"
        peer = "-"
        if size <= args.peer_max:
            start = time.perf_counter()
            lexrank(documents, args.words)
            peer = f"{1000 * (time.perf_counter() - start):.0f}"
        words = sum(len(text.split()) for text in documents)
        print(f"| {size} | {words} | {stages['sentences']:.0f} | {1000 * stages['prepare']:.0f} "
              f"| {1000 * stages['story']:.0f} | {1000 * stages['summarise']:.0f} | {1000 * stages['total']:.0f} "
              f"| {1000 * stages['cpu']:.0f} | {1000 * stages['total'] / size:.1f} "
              f"| {1e6 * stages['cpu'] / words:.1f} | {memory} | {peer} |",
              flush=True)


if __name__ == "__main__":
    main()
