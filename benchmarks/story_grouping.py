"""Story grouping on real and synthetic news, with a peer, in one run: B-cubed P/R/F1.

Sets:
- ECB+ (`documents_flat.jsonl`): 43 topics of two similar events each; F1 against `subtopic`, precision
  against `topic`. Odd topics are tuning data, even topics held out.
- allsides-neus (`train.jsonl`): 2,452 real events, each a left, a centre and a right outlet's title
  and lead, many events on the same few subjects at once. Split by line number: even lines (0, 2, ...)
  are the tuning half, odd lines the held-out half.
- the synthetic stream of `make_stream.py` (optional, `--stream`): its first `--stream-articles`
  articles, dated, in stream order, and undated.

Real streams interleave stories, and the unseen sets were checked that way: the online clusterer runs
undated over `--seeds` shuffled orders (mean, and the lowest F1). The peer is scikit-learn TF-IDF
(sublinear tf, English stop words) with average-linkage agglomerative clustering at its best distance
threshold, picked on the gold labels of each set (an upper bound a real user could not pick).
The rows "newsfuse, words alone" are `newsfuse cluster --no-embeddings` (and what `newsfuse ingest` stores
by default); `--embeddings` adds the rows of `newsfuse cluster` as it runs by default, comparing by meaning
too (each article is embedded once, and the time that takes is reported).

    python benchmarks/story_grouping.py [--stream stream.jsonl] [--seeds 3] [--embeddings]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from pathlib import Path

from ecbplus_clustering import bcubed  # beside this script

from newsfuse.cluster.batch import Labeller, article_terms
from newsfuse.cluster.dates import parse_published
from newsfuse.cluster.embeddings import Embedder
from newsfuse.cluster.features import Terms

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
PEER_THRESHOLDS = [0.55, 0.6, 0.65, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9]


def load_ecbplus(data: Path) -> list[dict]:
    rows = [json.loads(line) for line in (data / "ecbplus" / "documents_flat.jsonl").open(encoding="utf-8")]
    return [{"title": "", "text": r["text"], "gold": r["subtopic"], "topic": r["topic"]} for r in rows]


def load_allsides(data: Path, half: int) -> list[dict]:
    """Half 0: even lines (tuning); half 1: odd lines (held out)."""
    docs = []
    with (data / "allsides-neus" / "train.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % 2 == half:
                record = json.loads(line)
                docs += [{"title": "", "text": d, "gold": record["id"], "topic": record["id"]}
                         for d in record["documents"]]
    return docs


def load_stream(path: Path, count: int) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            docs.append({"title": record.get("title") or "", "text": record["text"], "gold": record["event"],
                         "topic": record["event"], "published": record.get("published")})
            if len(docs) >= count:
                break
    return docs


def online_labels(docs: list[dict], terms: list[Terms], order: Sequence[int], dated: bool) -> list[int]:
    """`newsfuse cluster`'s clusterer over `docs` (their features `terms`) in `order` (splits and last looks
    applied); labels by document index."""
    labeller = Labeller()
    for index in order:
        labeller.add(terms[index], parse_published(docs[index].get("published")) if dated else None)
    labels = [0] * len(docs)
    for index, label in zip(order, labeller.finish(), strict=True):
        labels[index] = label
    return labels


def peer_best(docs: list[dict]) -> tuple[float, list[int]]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{d['title']}\n{d['text']}" if d["title"] else d["text"] for d in docs]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distances = (1.0 - (matrix @ matrix.T).toarray()).clip(0.0, 2.0)
    gold = [d["gold"] for d in docs]
    best: tuple[float, float, list[int]] = (-1.0, 0.0, [])
    for threshold in PEER_THRESHOLDS:
        labels = list(AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                              distance_threshold=threshold).fit_predict(distances))
        f1 = bcubed(labels, gold)[2]
        if f1 > best[0]:
            best = (f1, threshold, labels)
    return best[1], best[2]


def cells(labels: list[int], docs: list[dict]) -> tuple[float, float, float, float]:
    p, r, f = bcubed(labels, [d["gold"] for d in docs])
    return p, r, f, bcubed(labels, [d["topic"] for d in docs])[0]


def report_online(name: str, system: str, docs: list[dict], terms: list[Terms], seeds: int,
                  stream_order: bool) -> float:
    """Print the online clusterer's rows; returns its seconds per pass."""
    started = time.perf_counter()
    runs: list[tuple[str, list[int]]] = []
    if stream_order:
        order = list(range(len(docs)))
        runs.append(("dated, stream order", online_labels(docs, terms, order, dated=True)))
        runs.append(("undated, stream order", online_labels(docs, terms, order, dated=False)))
    for seed in range(seeds):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        runs.append((f"undated, shuffled {seed}", online_labels(docs, terms, order, dated=False)))
    online_seconds = (time.perf_counter() - started) / len(runs)
    shuffled = [cells(labels, docs) for label, labels in runs if label.startswith("undated, shuffled")]
    for label, labels in runs:
        if not label.startswith("undated, shuffled"):
            p, r, f, tp = cells(labels, docs)
            print(f"| {name} | {system}, {label} | {p:.3f} | {r:.3f} | **{f:.3f}** | {tp:.3f} |")
    mean = [sum(s[i] for s in shuffled) / len(shuffled) for i in range(3)]
    print(f"| {name} | {system}, undated, mean of {len(shuffled)} shuffled orders (lowest F1) | {mean[0]:.3f} | "
          f"{mean[1]:.3f} | **{mean[2]:.3f}** ({min(s[2] for s in shuffled):.3f}) | "
          f"{min(s[3] for s in shuffled):.3f} |")
    return online_seconds


def report(name: str, docs: list[dict], seeds: int, stream_order: bool = False, embedder: Embedder | None = None
           ) -> None:
    titles, texts = [d["title"] for d in docs], [d["text"] for d in docs]
    online_seconds = report_online(name, "newsfuse, words alone", docs, article_terms(titles, texts), seeds,
                                   stream_order)
    embedded = ""
    if embedder is not None:
        started = time.perf_counter()
        terms = article_terms(titles, texts, embedder)
        rate = len(docs) / (time.perf_counter() - started)
        seconds = report_online(name, "newsfuse, words and meaning", docs, terms, seeds, stream_order)
        embedded = f", {seconds:.1f} s per pass with embeddings (embedding: {rate:.0f} articles/s)"
    started = time.perf_counter()
    threshold, labels = peer_best(docs)
    peer_seconds = time.perf_counter() - started
    p, r, f, tp = cells(labels, docs)
    print(f"| {name} | peer, best threshold {threshold} (on gold) | {p:.3f} | {r:.3f} | **{f:.3f}** | {tp:.3f} |")
    print(f"| {name} | time: {online_seconds:.1f} s per online pass{embedded}, {peer_seconds:.1f} s peer sweep "
          f"({len(docs)} articles) | | | | |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--stream", type=Path, help="a stream built by make_stream.py")
    parser.add_argument("--stream-articles", type=int, default=3000)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--embeddings", action="store_true", help="add the rows of newsfuse cluster's default")
    args = parser.parse_args()
    embedder = Embedder() if args.embeddings else None
    print("| set | system | P | R | F1 | topic P |\n|---|---|---:|---:|---:|---:|")
    ecb = load_ecbplus(args.data)
    report("ECB+ all", ecb, args.seeds, embedder=embedder)
    report("ECB+ odd topics (tuning)", [d for d in ecb if d["topic"] % 2], args.seeds, embedder=embedder)
    report("ECB+ even topics (held out)", [d for d in ecb if not d["topic"] % 2], args.seeds, embedder=embedder)
    report("allsides-neus even lines (tuning)", load_allsides(args.data, 0), args.seeds, embedder=embedder)
    report("allsides-neus odd lines (held out)", load_allsides(args.data, 1), args.seeds, embedder=embedder)
    if args.stream:
        report(f"synthetic stream, first {args.stream_articles}", load_stream(args.stream, args.stream_articles),
               args.seeds, stream_order=True, embedder=embedder)


if __name__ == "__main__":
    main()
