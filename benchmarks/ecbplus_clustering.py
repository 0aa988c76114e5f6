"""Story clustering on ECB+ (and TAC 2011 English): B-cubed P/R/F1 of the online clusterer and of a peer.

ECB+ holds 43 topics of two similar but different events each (86 subtopics). A story must be one
event: F1 against `subtopic`, and precision against `topic` (unrelated events never mixed). The peer,
TF-IDF with scikit-learn's average-linkage agglomerative clustering, is swept over distance thresholds
and its best (chosen by looking at the gold labels) reported, in the same run.

The online clusterer runs with its default parameters, in file order and in five shuffled orders
(online clustering depends on order). `--sweep` also shows the join threshold's effect on TAC 2011
clusters, on the odd ECB+ topics (tuning data, with the even lines of allsides-neus: see
`story_grouping.py`) and on the held-out even topics. `--embeddings` adds `newsfuse cluster` as it runs
by default, comparing by meaning too, in file order (the other rows compare words alone).

    python benchmarks/ecbplus_clustering.py [--sweep] [--embeddings]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from newsfuse.cluster.batch import cluster_texts
from newsfuse.cluster.embeddings import Embedder
from newsfuse.cluster.params import JOIN_THRESHOLD, ClusterParams

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
PEER_THRESHOLDS = [0.60, 0.65, 0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92, 0.95]
SHUFFLES = 5


def bcubed(predicted: Sequence, gold: Sequence) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over items."""
    by_predicted: dict = defaultdict(list)
    by_gold: dict = defaultdict(list)
    for index, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].append(index)
        by_gold[g].append(index)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = sum(1 for j in by_predicted[p] if gold[j] == g)
        precision += shared / len(by_predicted[p])
        recall += shared / len(by_gold[g])
    n = len(gold)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def load_ecbplus(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def load_tac(path: Path) -> list[dict]:
    rows = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        rows += [{"text": d, "subtopic": record["id"], "topic": record["id"]} for d in record["documents"]]
    return rows


def online_labels(docs: list[dict], params: ClusterParams, shuffle: int | None = None) -> list[int]:
    order = list(range(len(docs)))
    if shuffle is not None:
        random.Random(shuffle).shuffle(order)
    labels = cluster_texts([docs[i]["text"] for i in order], params)
    result = [0] * len(docs)
    for position, index in enumerate(order):
        result[index] = labels[position]
    return result


def peer_labels(docs: list[dict], thresholds: list[float]) -> dict[float, list[int]]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([d["text"] for d in docs])
    distances = (1.0 - (matrix @ matrix.T).toarray()).clip(0.0, 2.0)
    return {
        threshold: list(AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                                distance_threshold=threshold).fit_predict(distances))
        for threshold in thresholds
    }


def row(name: str, labels: list, docs: list[dict]) -> str:
    p, r, f = bcubed(labels, [d["subtopic"] for d in docs])
    topic_p = bcubed(labels, [d["topic"] for d in docs])[0]
    return f"| {name} | {len(set(labels))} | {p:.3f} | {r:.3f} | **{f:.3f}** | {topic_p:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sweep", action="store_true", help="also sweep the join threshold on dev/held-out data")
    parser.add_argument("--embeddings", action="store_true",
                        help="add newsfuse cluster's default (by meaning too), file order")
    args = parser.parse_args()
    ecb = load_ecbplus(args.data / "ecbplus" / "documents_flat.jsonl")
    header = ("| system | stories | subtopic P | subtopic R | subtopic F1 | topic P |\n"
              "|---|---:|---:|---:|---:|---:|")
    print(f"ECB+: {len(ecb)} documents, {len({d['topic'] for d in ecb})} topics, "
          f"{len({d['subtopic'] for d in ecb})} subtopics\n")
    print(header)
    started = time.perf_counter()
    params = ClusterParams()
    print(row(f"newsfuse online, words alone (threshold {params.threshold}), file order", online_labels(ecb, params),
              ecb))
    shuffled = [online_labels(ecb, params, seed) for seed in range(SHUFFLES)]
    scores = [bcubed(labels, [d["subtopic"] for d in ecb]) for labels in shuffled]
    topic_ps = [bcubed(labels, [d["topic"] for d in ecb])[0] for labels in shuffled]
    mean = [sum(s[i] for s in scores) / SHUFFLES for i in range(3)]
    print(f"| newsfuse online, words alone, mean of {SHUFFLES} shuffled orders | - | {mean[0]:.3f} | {mean[1]:.3f} | "
          f"**{mean[2]:.3f}** (min {min(s[2] for s in scores):.3f}) | {min(topic_ps):.3f} (min) |")
    online_seconds = (time.perf_counter() - started) / (1 + SHUFFLES)
    if args.embeddings:
        labels = cluster_texts([d["text"] for d in ecb], params, embedder=Embedder())
        print(row("newsfuse online, words and meaning (cluster's default), file order", labels, ecb))
    started = time.perf_counter()
    peers = peer_labels(ecb, PEER_THRESHOLDS)
    peer_seconds = time.perf_counter() - started
    gold = [d["subtopic"] for d in ecb]
    best = max(peers, key=lambda t: bcubed(peers[t], gold)[2])
    print(row(f"peer: TF-IDF + average linkage, best threshold {best} (chosen on gold)", peers[best], ecb))
    for threshold in PEER_THRESHOLDS:
        if threshold != best:
            print(row(f"peer, threshold {threshold}", peers[threshold], ecb))
    print(f"\nTime: online {online_seconds:.2f} s per pass over {len(ecb)} documents; peer {peer_seconds:.2f} s "
          f"for {len(PEER_THRESHOLDS)} thresholds (one distance matrix).")
    if args.sweep:
        sweep(ecb, load_tac(args.data / "tac2011-multiling" / "english.jsonl"))


def sweep(ecb: list[dict], tac: list[dict]) -> None:
    odd = [d for d in ecb if d["topic"] % 2]
    even = [d for d in ecb if not d["topic"] % 2]
    print("\nJoin floor sweep (the crowd rule at its defaults): subtopic F1 (topic precision) on TAC, the odd ECB+ "
          "topics (tuning) and the even topics (held out)\n")
    print("| join floor | TAC F1 | ECB+ odd F1 (topic P) | ECB+ even F1 (topic P) |\n|---:|---:|---:|---:|")
    for threshold in [0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.32, 0.36, 0.40]:
        params = ClusterParams(threshold=threshold)
        cells = []
        for docs in (tac, odd, even):
            labels = online_labels(docs, params)
            f1 = bcubed(labels, [d["subtopic"] for d in docs])[2]
            topic_p = bcubed(labels, [d["topic"] for d in docs])[0]
            cells.append(f"{f1:.3f}" if docs is tac else f"{f1:.3f} ({topic_p:.3f})")
        mark = " (default)" if abs(threshold - JOIN_THRESHOLD) < 1e-9 else ""
        print(f"| {threshold:.2f}{mark} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
